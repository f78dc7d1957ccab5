package com.marginworkbench.ui;

import com.marginworkbench.app.ProjectLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The few things the window remembers between runs (recent workbooks, theme), in a small
 * properties file under the user's configuration folder. A missing or unreadable file just means
 * a first start.
 */
public final class AppSettings {
    private static final int MAX_RECENT = 8;

    private final Path dir;
    private final Path file;
    private final Properties props = new Properties();

    public AppSettings(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                props.clear();
            }
        }
    }

    /** The per-user location; {@code -Dmarginworkbench.config.dir=...} moves it (tests, portable use). */
    public static AppSettings atDefaultLocation() {
        return new AppSettings(ProjectLocation.defaultSettingsFolder());
    }

    /**
     * Where a workbook's project file lives: beside it, unless that folder cannot be written or
     * the workbook is one of the bundled samples; then under this settings folder (see
     * {@link ProjectLocation}).
     */
    public Path projectFileFor(Path workbook) {
        return new ProjectLocation(dir).projectFileFor(workbook);
    }

    /** Most recent first; only files that still exist. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = props.getProperty("recent." + i);
            if (v != null && !v.isBlank()) {
                Path p = Path.of(v);
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    public void addRecent(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                props.setProperty("recent." + i, list.get(i).toString());
            } else {
                props.remove("recent." + i);
            }
        }
        save();
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(props.getProperty("theme.dark", "false"));
    }

    public void setDarkTheme(boolean dark) {
        props.setProperty("theme.dark", Boolean.toString(dark));
        save();
    }

    public boolean firstStart() {
        return props.getProperty("recent.0") == null;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "Margin Workbench settings");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Settings are a convenience; the window works the same without them.
        }
    }
}
