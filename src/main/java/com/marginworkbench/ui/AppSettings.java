package com.marginworkbench.ui;

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
        String override = System.getProperty("marginworkbench.config.dir");
        if (override != null && !override.isBlank()) {
            return new AppSettings(Path.of(override));
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path dir;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"), "Margin Workbench");
        } else if (os.contains("mac")) {
            dir = Path.of(home, "Library", "Application Support", "Margin Workbench");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = (xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg)).resolve("margin-workbench");
        }
        return new AppSettings(dir);
    }

    /**
     * Where a workbook's project file lives: beside it, unless that folder cannot be written or
     * the workbook is one of the bundled samples (an installed app's folder, or the project's own
     * sample-models); then under this settings folder, named after the workbook and its path.
     */
    public Path projectFileFor(Path workbook) {
        Path beside = com.marginworkbench.project.ProjectFile.pathFor(workbook);
        Path folder = beside.getParent();
        boolean besideWanted = switch (projectPlace()) {
            case BESIDE -> true;
            case APP_FOLDER -> false;
            case UNSET -> !looksShared(folder) || sharedBeside();
        };
        if (besideWanted && !SampleLocator.isSampleFolder(folder) && Files.isWritable(folder)) {
            return beside;
        }
        String name = beside.getFileName().toString();
        String base = name.substring(0, name.length() - com.marginworkbench.project.ProjectFile.SUFFIX.length());
        String tag = Integer.toHexString(workbook.toAbsolutePath().normalize().toString().hashCode());
        return dir.resolve("projects").resolve(base + "-" + tag + com.marginworkbench.project.ProjectFile.SUFFIX);
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
