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

    @Test
    void aDamagedSettingsFileIsSetAsideWithANoteAndTheWindowStartsFresh() throws Exception {
        for (String damaged : new String[] {"recent.0=\\u12G4 broken escape\n", "recent.0=/tmp/a\u0000b.xlsx\n",
                "theme.dark=\u0001\u0002\u00ff\n"}) {
            Path config = Files.createDirectories(dir.resolve("config-" + damaged.hashCode()));
            Files.writeString(config.resolve("settings.properties"), damaged, java.nio.charset.StandardCharsets.ISO_8859_1);
            AppSettings s = new AppSettings(config);
            assertThat(s.note()).as(damaged).contains("damaged").contains("set aside")
                    .contains("settings.properties.damaged-");
            assertThat(AppSettings.startNote()).isEqualTo(s.note());
            assertThat(s.firstStart()).isTrue();
            assertThat(s.recentFiles()).isEmpty();
            try (var files = Files.list(config)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .singleElement().asString().startsWith("settings.properties.damaged-");
            }
            Path a = Files.writeString(dir.resolve("a.xlsx"), "x");
            s.addRecent(a);
            AppSettings again = new AppSettings(config);
            assertThat(again.note()).isNull();
            assertThat(again.recentFiles()).containsExactly(a.toAbsolutePath());
        }
    }
}
