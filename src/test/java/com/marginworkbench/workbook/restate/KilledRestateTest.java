package com.marginworkbench.workbook.restate;

import com.marginworkbench.project.SafeFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A restate killed with SIGKILL in the middle of writing leaves nothing under the final name. */
@Tag("childjvm")
class KilledRestateTest {
    @TempDir
    Path dir;

    @Test
    void killedMidWriteLeavesNoFileUnderTheFinalName() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowRestateChild.class.getName(), dir.toString(), "restated.xlsx"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path temp = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temp == null && System.nanoTime() < deadline && child.isAlive()) {
                temp = tempFile();
                if (temp == null || Files.size(temp) < 64 * 1024) {
                    temp = null;
                    Thread.sleep(20);
                }
            }
            assertThat(temp).as("a temporary file being written; child log: %s",
                    Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
                    .isNotNull();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isNotZero();
            assertThat(dir.resolve("restated.xlsx")).doesNotExist();
            assertThat(Files.readString(dir.resolve("child.log"))).doesNotContain("done");
        } finally {
            child.destroyForcibly();
        }
    }

    private Path tempFile() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(SafeFiles.TEMP_PREFIX)).findFirst()
                    .orElse(null);
        }
    }
}
