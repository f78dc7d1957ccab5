package com.marginworkbench.app;

import com.marginworkbench.project.ProjectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the project file of a workbook lives, for the window and the command line alike: beside
 * the workbook ({@code <name>.mwb.json}), unless that folder cannot be written or holds the bundled
 * samples; then in the settings folder, under {@code projects/<name>-<tag>.mwb.json}.
 */
public final class ProjectLocation {
    private final Path settingsFolder;

    public ProjectLocation(Path settingsFolder) {
        this.settingsFolder = settingsFolder;
    }

    /** The per-user settings folder; {@code -Dmarginworkbench.config.dir=...} moves it (tests, portable use). */
    public static Path defaultSettingsFolder() {
        String override = System.getProperty("marginworkbench.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "Margin Workbench");
        } else if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Margin Workbench");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg)).resolve("margin-workbench");
    }

    public static ProjectLocation atDefaultLocation() {
        return new ProjectLocation(defaultSettingsFolder());
    }

    public Path settingsFolder() {
        return settingsFolder;
    }

    /** {@code <name>.mwb.json} beside the workbook. */
    public static Path beside(Path workbook) {
        return ProjectFile.pathFor(workbook);
    }

    /** Where the window writes the project file of {@code workbook}. */
    public Path projectFileFor(Path workbook) {
        Path beside = ProjectFile.pathFor(workbook);
        Path folder = beside.getParent();
        if (!SampleLocator.isSampleFolder(folder) && Files.isWritable(folder)) {
            return beside;
        }
        return settingsCopy(workbook);
    }

    /** The settings-folder copy of {@code workbook}'s project file (used when beside it cannot be written). */
    public Path settingsCopy(Path workbook) {
        Path beside = ProjectFile.pathFor(workbook);
        String name = beside.getFileName().toString();
        String base = name.substring(0, name.length() - ProjectFile.SUFFIX.length());
        String tag = Integer.toHexString(workbook.toAbsolutePath().normalize().toString().hashCode());
        return settingsFolder.resolve("projects").resolve(base + "-" + tag + ProjectFile.SUFFIX);
    }

    /**
     * The project file to read for {@code workbook}, if one exists: where the window writes it,
     * else beside the workbook, else the settings-folder copy.
     */
    public java.util.Optional<Path> existingFor(Path workbook) {
        for (Path p : new Path[]{projectFileFor(workbook), ProjectFile.pathFor(workbook), settingsCopy(workbook)}) {
            if (Files.isRegularFile(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
