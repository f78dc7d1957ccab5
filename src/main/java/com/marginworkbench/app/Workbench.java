package com.marginworkbench.app;

import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.RestateException;
import com.marginworkbench.workbook.RestatedWorkbookWriter;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The operations the window and the command line share: open a workbook's assessment with its
 * project file, restate it, save the project. Only this layer touches the project file.
 */
public final class Workbench {
    private Workbench() {
    }

    /** Which project file to apply when opening a workbook. */
    public record ProjectChoice(Mode mode, Path file) {
        public enum Mode {
            /** The window's own project file for the workbook (beside it, or the settings-folder copy). */
            AUTO,
            /** A named file ({@code --project FILE}); it must exist and be readable. */
            FILE,
            /** None: fresh decisions ({@code --no-project}). */
            NONE,
            /** This file if it exists; unreadable is a warning (the window, with its own locator). */
            AT
        }

        public static final ProjectChoice AUTO = new ProjectChoice(Mode.AUTO, null);
        public static final ProjectChoice NONE = new ProjectChoice(Mode.NONE, null);

        public static ProjectChoice at(Path file) {
            return new ProjectChoice(Mode.AT, file);
        }

        public static ProjectChoice file(Path file) {
            return new ProjectChoice(Mode.FILE, file);
        }
    }

    /** A named project file that cannot be used; the message is one line for the user. */
    public static final class ProjectException extends Exception {
        public ProjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * An opened assessment. {@code project} is the file applied (empty when none);
     * {@code projectLine} says in one line which project file was used, or why none was (empty
     * when there was nothing to say).
     */
    public record Opened(Assessment assessment, Optional<Path> project, String projectLine) {
    }

    /** A project file read from disk, not yet applied; {@code warning} is set when it could not be read. */
    public record SavedProject(Optional<Path> file, Optional<ProjectFile.Loaded> loaded, String warning) {
        public static final SavedProject NONE = new SavedProject(Optional.empty(), Optional.empty(), "");

        /** The reading hints the project keeps (the user's ranges, roles, signs, units), or none. */
        public ReadingHints hints() {
            return loaded.map(l -> l.state().hints()).orElse(ReadingHints.NONE);
        }

        /**
         * The project as it stands in {@code a}, as if just read from {@code file}: applying it to a
         * new reading of the same workbook keeps every decision that still matches a line.
         */
        public static SavedProject current(Path file, Assessment a) {
            return new SavedProject(Optional.ofNullable(file), Optional.of(new ProjectFile.Loaded(a.projectState(),
                    a.mapping(), ProjectFile.FORMAT_VERSION)), "");
        }
    }

    /**
     * Finds and reads the project file for {@code workbook} as {@code choice} says; safe off the UI
     * thread. With {@link ProjectChoice.Mode#AUTO} an unreadable file is a warning (the workbook
     * opens with fresh decisions and the file is left as it is); a file named with
     * {@link ProjectChoice.Mode#FILE} that is missing or unreadable is an error.
     */
    public static SavedProject readProject(Path workbook, ProjectChoice choice, ProjectLocation location)
            throws ProjectException {
        Optional<Path> file = switch (choice.mode()) {
            case NONE -> Optional.empty();
            case FILE, AT -> Optional.of(choice.file());
            case AUTO -> location.existingFor(workbook);
        };
        if (file.isEmpty()) {
            return SavedProject.NONE;
        }
        try {
            Optional<ProjectFile.Loaded> loaded = ProjectFile.read(file.get());
            if (loaded.isEmpty() && choice.mode() == ProjectChoice.Mode.FILE) {
                throw new ProjectException(file.get() + " does not exist; name an existing project file"
                        + " (<name>" + ProjectFile.SUFFIX + ") or leave out --project", null);
            }
            return new SavedProject(file, loaded, "");
        } catch (IOException e) {
            if (choice.mode() == ProjectChoice.Mode.FILE) {
                throw new ProjectException(e.getMessage(), e);
            }
            return new SavedProject(file, Optional.empty(), e.getMessage());
        }
    }

    /**
     * A workbook read with the reading choices that apply to it. {@code note} names a saved mapping
     * that no longer fits the workbook (the automatic reading was used instead); empty otherwise.
     */
    public record Read(ReadResult result, ReadingHints hints, String note) {
    }

    /**
     * The reading choices for a workbook: the saved project's mapping, with {@code tables} (ranges
     * typed on the command line, in period order) set over it. Typed ranges replace the project's
     * ranges with the header row, label column and period columns that belong to them; the roles,
     * signs and units the user set stay.
     */
    public static ReadingHints hints(SavedProject saved, List<String> tables) {
        ReadingHints h = saved.hints();
        if (tables == null || tables.isEmpty()) {
            return h;
        }
        return new ReadingHints(tables, null, null, h.roles(), h.flippedRows(), h.flipAllCosts(), h.units(),
                h.unitScale(), List.of());
    }

    /**
     * Reads {@code workbook} with the saved project's mapping and the ranges typed over it (see
     * {@link #hints(SavedProject, List)}); the window and every command read this way. A typed range
     * that does not fit is an error; a saved mapping that no longer fits (its sheet is gone, its range
     * holds no periods) is named in {@link Read#note()} and the automatic reading is used.
     */
    public static Read read(Path workbook, SavedProject saved, List<String> tables, WorkbookReader.Progress progress)
            throws WorkbookReadException {
        ReadingHints hints = hints(saved, tables);
        boolean typed = tables != null && !tables.isEmpty();
        if (hints.isEmpty()) {
            return new Read(WorkbookReader.read(workbook, progress, ReadingHints.NONE), hints, "");
        }
        try {
            return new Read(WorkbookReader.read(workbook, progress, hints), hints, "");
        } catch (WorkbookReader.Cancelled e) {
            throw e;
        } catch (WorkbookReadException e) {
            if (typed) {
                throw e;
            }
            ReadResult plain = WorkbookReader.read(workbook, progress, ReadingHints.NONE);
            return new Read(plain, ReadingHints.NONE, "The project file's reading mapping no longer fits the workbook ("
                    + e.getMessage() + "); the automatic reading is used.");
        }
    }

    /**
     * The assessment of what was read, with the saved project applied when there is one; fresh
     * decisions under {@code freshPolicy} otherwise.
     */
    public static Opened assess(ReadResult read, Policy freshPolicy, SavedProject saved) {
        Assessment a = Assessment.of(read, freshPolicy);
        if (saved.loaded().isEmpty()) {
            String line = saved.warning().isEmpty() ? "" : saved.warning();
            return new Opened(a, Optional.empty(), line);
        }
        ProjectFile.Loaded loaded = saved.loaded().get();
        a = a.applyProject(loaded.state(), loaded.mapping());
        Path file = saved.file().orElseThrow();
        String line = "Using project file " + file + " (" + loaded.state().lines().size() + " saved lines"
                + (loaded.state().hints().isEmpty() ? "" : ", its reading mapping")
                + (loaded.formatVersion() < ProjectFile.FORMAT_VERSION
                ? ", format " + loaded.formatVersion() + ", read as it is" : "") + ")";
        return new Opened(a, saved.file(), line);
    }

    /** Saves the assessment's decisions, policy, levers and scenarios to {@code target}, atomically. */
    public static void saveProject(Assessment a, Path target) throws IOException {
        saveProject(a, com.marginworkbench.model.ReadingHints.NONE, target);
    }

    /** Like {@link #saveProject(Assessment, Path)}, keeping the mapping the user gave the reader. */
    public static void saveProject(Assessment a, com.marginworkbench.model.ReadingHints hints, Path target)
            throws IOException {
        Path file = a.source().file();
        ProjectFile.save(target, a.projectState().withHints(hints), a.mapping(), file == null ? a.model().name()
                : file.getFileName().toString());
    }


    /** The state a project file would hold, for a caller that writes it later (off the UI thread). */
    public static ProjectState projectState(Assessment a) {
        return a.projectState();
    }

    /** Writes the restated workbook of the assessment as it stands (decisions, policy, levers). */
    public static RestatedWorkbookWriter.Outcome restate(Assessment a, Path target,
                                                         RestatedWorkbookWriter.Progress progress)
            throws RestateException {
        return restate(a, target, com.marginworkbench.project.SafeFiles.Mode.REPLACE, progress);
    }

    /** The same, saying what to do when {@code target} exists (replace, refuse, or take the next free name). */
    public static RestatedWorkbookWriter.Outcome restate(Assessment a, Path target,
                                                         com.marginworkbench.project.SafeFiles.Mode mode,
                                                         RestatedWorkbookWriter.Progress progress)
            throws RestateException {
        return RestatedWorkbookWriter.write(a.source().file(), a.current(), a.classifications(), a.decisions(),
                a.policy(), a.levers(), target, mode, progress);
    }
}
