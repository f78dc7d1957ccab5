package com.marginworkbench.workbook.restate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20,000 lines × 60 periods (1.2 million amount formulas, over 80 MB of sheet XML) restated in a
 * process whose heap is 160 MB: the writer must stream, not build the sheets in memory.
 */
@Tag("childjvm")
class BoundedMemoryRestateTest {
    @TempDir
    Path dir;

    @Test
    void aHugeClassificationSheetIsStreamedInASmallHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx160m", "-cp",
                System.getProperty("java.class.path"), BigRestateChild.class.getName(), dir.toString(), "20000", "60"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).contains("done");
        try (ZipFile zip = new ZipFile(dir.resolve("big-restated.xlsx").toFile())) {
            long sheetXml = zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/"))
                    .mapToLong(ZipEntry::getSize).max().orElse(0);
            assertThat(sheetXml).isGreaterThan(80L << 20);
        }
    }
}
