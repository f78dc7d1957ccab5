package com.marginworkbench.cli;

import com.marginworkbench.samples.SampleModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesCommandTest {
    @Test
    void writesTheSamplesIntoTheGivenFolder(@TempDir Path dir) {
        Path out = dir.resolve("nested").resolve("samples");
        assertThat(Main.run("samples", out.toString())).isZero();
        assertThat(out.resolve(SampleModels.OWN_MODEL)).isRegularFile();
        assertThat(out.resolve(SampleModels.CLIENT_PNL)).isRegularFile();
        assertThat(out.resolve(SampleModels.CLIENT_COSTS)).isRegularFile();
    }

    @Test
    void aFolderThatIsAFileGivesExitTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("samples", file.toString())).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        String msg = err.toString(StandardCharsets.UTF_8);
        assertThat(msg.lines()).hasSize(1);
        assertThat(msg).contains("not-a-folder").doesNotContain("Exception");
    }
}
