package com.marginworkbench.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Recent files survive a restart; a bundled sample's decisions are not written into its folder. */
class AppSettingsTest {
    @TempDir
    Path dir;

    @Test
    void remembersRecentFilesMostRecentFirst() throws Exception {
        Path a = Files.writeString(dir.resolve("a.xlsx"), "x");
        Path b = Files.writeString(dir.resolve("b.xlsx"), "x");
        AppSettings s = new AppSettings(dir.resolve("config"));
        assertThat(s.firstStart()).isTrue();
        s.addRecent(a);
        s.addRecent(b);
        s.addRecent(a);
        AppSettings again = new AppSettings(dir.resolve("config"));
        assertThat(again.recentFiles()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        assertThat(WorkbenchApp.initialFile(java.util.List.of(), again)).contains(a.toAbsolutePath());
    }

    @Test
    void projectFileSitsBesideAClientWorkbookButNotInTheSampleFolder() throws Exception {
        AppSettings s = new AppSettings(dir.resolve("config"));
        Path client = dir.resolve("client.xlsx");
        assertThat(s.projectFileFor(client)).isEqualTo(dir.resolve("client.mwb.json"));
        Path sample = Files.createDirectories(dir.resolve("sample-models")).resolve("northwind-ai-model.xlsx");
        Path p = s.projectFileFor(sample);
        assertThat(p.getParent()).isEqualTo(dir.resolve("config").resolve("projects"));
        assertThat(p.getFileName().toString()).startsWith("northwind-ai-model-").endsWith(".mwb.json");
    }
}
