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

    /** Why the settings file was set aside at start, or null when it was fine (or absent). */
    private String note;

    public AppSettings(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("settings.properties");
        if (Files.exists(file)) {
            String damage = load();
            if (damage != null) {
                props.clear();
                note = setAside(damage);
                startNote = note;
            }
        }
    }

    /** Reads the file; returns what is wrong with it, or null when it is sound. */
    private String load() {
        if (!Files.isRegularFile(file)) {
            return "it is not a regular file";
        }
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return "it could not be read (" + e.getMessage() + ")";
        }
        for (String key : props.stringPropertyNames()) {
            String v = props.getProperty(key);
            if (key.startsWith("recent.")) {
                try {
                    Path.of(v);
                } catch (java.nio.file.InvalidPathException e) {
                    return "'" + key + "' is not a file path";
                }
            } else if (key.equals("theme.dark") && !v.equals("true") && !v.equals("false")) {
                return "'theme.dark' is neither true nor false";
            }
        }
        return null;
    }

    /** Renames the damaged file out of the way (kept for a look) and says so. */
    private String setAside(String damage) {
        Path aside = file.resolveSibling("settings.properties.damaged-" + System.currentTimeMillis());
        try {
            Files.move(file, aside);
            return "The settings file was damaged (" + damage + "); it was set aside as " + aside.getFileName()
                    + " and the window starts with fresh settings.";
        } catch (IOException | RuntimeException e) {
            return "The settings file " + file + " is damaged (" + damage + ") and could not be set aside; the"
                    + " window starts with fresh settings.";
        }
    }

    /** The note of the settings set aside in this process, for the window's status line (null if none). */
    private static volatile String startNote;

    public static String startNote() {
        return startNote;
    }

    /** A sentence for the window when the settings file was damaged and set aside; null otherwise. */
    public String note() {
        return note;
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
                try {
                    Path p = Path.of(v);
                    if (Files.isRegularFile(p)) {
                        out.add(p);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // not a path on this system: skipped
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
