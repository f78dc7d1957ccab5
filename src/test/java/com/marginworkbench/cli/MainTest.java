package com.marginworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void aLoneMissingWorkbookIsNamedNotCalledAnUnmatchedArgument() {
        Path missing = dir.resolve("client-model.xlsx");
        CliRun r = SummaryCommandTest.run(missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("margin-workbench: no file ").contains("client-model.xlsx")
                .doesNotContain("Unmatched").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aLoneFolderSaysWhatToDoWithIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("clients"));
        CliRun r = SummaryCommandTest.run(folder.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is a folder").contains("summary");
    }

    @Test
    void aNamedCommandIsBuiltAloneAndAnythingElseGetsThemAll() {
        assertThat(Main.commandLine("summary", "model.xlsx").getSubcommands()).containsOnlyKeys("summary");
        assertThat(Main.commandLine("restate", "model.xlsx").getSubcommands().get("restate").getCommandSpec()
                .findOption("--llm-cost")).as("the lever options are added to a command built alone").isNotNull();
        assertThat(Main.commandLine("--help").getSubcommands()).containsOnlyKeys("samples", "summary", "restate",
                "usage", "report");
        assertThat(Main.commandLine("sumary", "model.xlsx").getSubcommands()).hasSize(5);
        CliRun typo = SummaryCommandTest.run("sumary", "--json");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("'sumary'").contains("see --help");
    }

    @Test
    void commandsAndOptionsAreNotMistakenForFiles() {
        assertThat(Main.opensWindow("summary")).isFalse();
        assertThat(Main.opensWindow()).isTrue();
        CliRun help = SummaryCommandTest.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("summary").contains("restate");
    }
}
