package com.marginworkbench.ui;

import com.marginworkbench.app.ProjectLocation;
import com.marginworkbench.app.SampleLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        ProjectLocation location = new ProjectLocation(dir);
        boolean besideWanted = switch (projectPlace()) {
            case BESIDE -> true;
            case APP_FOLDER -> false;
            case UNSET -> !looksShared(workbook.toAbsolutePath().getParent()) || sharedBeside();
        };
        return besideWanted ? location.projectFileFor(workbook) : location.settingsCopy(workbook);
    }

    /** Where project files go: beside each workbook, in this settings folder, or not chosen yet. */
    public enum ProjectPlace { BESIDE, APP_FOLDER, UNSET }

    public ProjectPlace projectPlace() {
        try {
            return ProjectPlace.valueOf(props.getProperty("project.place", "UNSET"));
        } catch (IllegalArgumentException e) {
            return ProjectPlace.UNSET;
        }
    }

    public void setProjectPlace(ProjectPlace place) {
        props.setProperty("project.place", place.name());
        save();
    }

    /** The answer, once given, to "keep project files beside workbooks in shared folders?". */
    private boolean sharedBeside() {
        return Boolean.parseBoolean(props.getProperty("project.sharedBeside", "false"));
    }

    /**
     * True when opening this workbook should first ask where its project file goes: the user has
     * not chosen a place, has not been asked yet, and the folder looks shared (a network drive, a
     * synced cloud folder) or cannot be written.
     */
    public boolean shouldAskProjectPlace(Path workbook) {
        Path folder = workbook.toAbsolutePath().getParent();
        return projectPlace() == ProjectPlace.UNSET && props.getProperty("project.sharedBeside") == null
                && folder != null && !SampleLocator.isSampleFolder(folder)
                && (looksShared(folder) || !Files.isWritable(folder));
    }

    /** Records the answer to the one-time question: beside shared workbooks (true) or in this folder. */
    public void answerProjectPlace(boolean beside) {
        props.setProperty("project.sharedBeside", Boolean.toString(beside));
        setProjectPlace(beside ? ProjectPlace.BESIDE : ProjectPlace.APP_FOLDER);
    }

    /** A folder on a network share or a synced cloud drive, where a stray file is seen by others. */
    static boolean looksShared(Path folder) {
        if (folder == null) {
            return false;
        }
        String f = folder.toAbsolutePath().toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        return f.startsWith("//") || f.startsWith("/mnt/") || f.startsWith("/media/") || f.startsWith("/net/")
                || f.startsWith("/volumes/") || f.contains("/shared") || f.contains("dropbox")
                || f.contains("onedrive") || f.contains("google drive") || f.contains("/box/") || f.contains("sharepoint");
    }

    /** True until the welcome has been shown once. */
    public boolean welcomeDue() {
        return !Boolean.parseBoolean(props.getProperty("welcome.shown", "false"));
    }

    public void markWelcomeShown() {
        props.setProperty("welcome.shown", "true");
        save();
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
