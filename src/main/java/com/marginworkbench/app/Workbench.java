package com.marginworkbench.app;

import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.ProjectMerge;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadCancelled;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;
import com.marginworkbench.workbook.restate.RestateException;
import com.marginworkbench.workbook.restate.RestatedWorkbookWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * A project file read from disk, not yet applied; {@code warning} is set when it could not be
     * read or belongs to another workbook. {@code seen} is the version of {@code file} as read
     * (absent when there was none, or it was not applied), the starting point of a guarded save.
     */
    public record SavedProject(Optional<Path> file, Optional<ProjectFile.Loaded> loaded, String warning,
                               ProjectFile.Version seen) {
        public static final SavedProject NONE = new SavedProject(Optional.empty(), Optional.empty(), "",
                ProjectFile.Version.ABSENT);

        public SavedProject {
            seen = seen == null ? ProjectFile.Version.ABSENT : seen;
        }

        public SavedProject(Optional<Path> file, Optional<ProjectFile.Loaded> loaded, String warning) {
            this(file, loaded, warning, ProjectFile.Version.ABSENT);
        }

        /** {@code state} as if just read from {@code file}, with the mapping of {@code a}'s reading. */
        public static SavedProject of(Path file, ProjectState state, Assessment a) {
            return new SavedProject(Optional.ofNullable(file), Optional.of(new ProjectFile.Loaded(state,
                    a.mapping(), ProjectFile.FORMAT_VERSION)), "");
        }

        /** The same project without its reading mapping (one that no longer fits the workbook). */
        public SavedProject withoutMapping() {
            return new SavedProject(file, loaded.map(l -> new ProjectFile.Loaded(l.state().withHints(ReadingHints.NONE),
                    l.mapping(), l.formatVersion(), l.workbook(), l.dropped(), l.version())), warning, seen);
        }

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
     * {@link ProjectChoice.Mode#FILE} that is missing or unreadable is an error. A project file
     * whose {@code workbook} field names another workbook file ({@code q3.xls} for {@code q3.xlsx})
     * is not applied, except when named with {@code --project}, where it is applied and said.
     */
    public static SavedProject readProject(Path workbook, ProjectChoice choice, ProjectLocation location)
            throws ProjectException {
        Optional<Path> file = switch (choice.mode()) {
            case NONE -> Optional.empty();
            case FILE, AT -> Optional.of(choice.file());
            case AUTO -> location.existingFor(workbook);
        };
        if (file.isEmpty()) {
            return earlierProject(workbook, choice);
        }
        try {
            Optional<ProjectFile.Loaded> loaded = ProjectFile.read(file.get());
            if (loaded.isEmpty() && choice.mode() == ProjectChoice.Mode.FILE) {
                throw new ProjectException(file.get() + " does not exist; name an existing project file"
                        + " (<name>" + ProjectFile.SUFFIX + ") or leave out --project", null);
            }
            if (loaded.isEmpty()) {
                return earlierProject(workbook, choice);
            }
            String recorded = loaded.get().workbook();
            if (!ProjectFile.belongsTo(recorded, workbook)) {
                if (choice.mode() == ProjectChoice.Mode.FILE) {
                    return new SavedProject(file, loaded, file.get().getFileName() + " was written for " + recorded
                            + ", not " + workbook.getFileName() + "; applied because --project names it");
                }
                return new SavedProject(file, Optional.empty(), file.get().getFileName() + " holds the decisions of "
                        + recorded + ", not of " + workbook.getFileName() + "; it was left as it is and not applied",
                        ProjectFile.Version.ABSENT);
            }
            return new SavedProject(file, loaded, "", loaded.get().version());
        } catch (IOException e) {
            if (choice.mode() == ProjectChoice.Mode.FILE) {
                throw new ProjectException(e.getMessage(), e);
            }
            return new SavedProject(file, Optional.empty(), e.getMessage(), versionOrAbsent(file.get()));
        }
    }

    /**
     * For a workbook that is not an {@code .xlsx} and has no project file of its own yet: the
     * {@code <name>.mwb.json} an earlier build kept for it, when that file names this workbook.
     * Saves then go to the workbook's own file; the earlier one is left as it is.
     */
    private static SavedProject earlierProject(Path workbook, ProjectChoice choice) {
        if (choice.mode() != ProjectChoice.Mode.AUTO && choice.mode() != ProjectChoice.Mode.AT) {
            return SavedProject.NONE;
        }
        Optional<Path> earlier = ProjectFile.earlierPathFor(workbook);
        if (earlier.isEmpty()) {
            return SavedProject.NONE;
        }
        try {
            Optional<ProjectFile.Loaded> loaded = ProjectFile.read(earlier.get());
            if (loaded.isPresent() && loaded.get().workbook() != null
                    && ProjectFile.belongsTo(loaded.get().workbook(), workbook)) {
                return new SavedProject(earlier, loaded, "");
            }
        } catch (IOException e) {
            // an earlier shared file that cannot be read is not this workbook's to report
        }
        return SavedProject.NONE;
    }

    private static ProjectFile.Version versionOrAbsent(Path file) {
        try {
            return ProjectFile.Version.of(file);
        } catch (IOException e) {
            return ProjectFile.Version.ABSENT;
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

    /** One read of the workbook with the given reading choices (the window passes its loader, with progress). */
    @FunctionalInterface
    public interface Reader {
        ReadResult read(ReadingHints hints) throws WorkbookReadException;
    }

    /**
     * Reads {@code workbook} with the saved project's mapping and the ranges typed over it (see
     * {@link #hints(SavedProject, List)}); every command reads this way.
     */
    public static Read read(Path workbook, SavedProject saved, List<String> tables, Progress progress)
            throws WorkbookReadException {
        return read(saved, tables, h -> WorkbookReader.read(workbook, progress, h));
    }

    /**
     * Reads with the saved project's mapping and the ranges typed over it, as the window and every
     * command do. A typed range that does not fit is an error; a saved mapping that no longer fits
     * (its sheet is gone, its range holds no periods) is named in {@link Read#note()} and among the
     * reading's problems, and the automatic reading is used ({@link Read#hints()} is then empty).
     */
    public static Read read(SavedProject saved, List<String> tables, Reader reader) throws WorkbookReadException {
        ReadingHints hints = hints(saved, tables);
        boolean typed = tables != null && !tables.isEmpty();
        if (hints.isEmpty()) {
            return new Read(reader.read(ReadingHints.NONE), hints, "");
        }
        try {
            return new Read(reader.read(hints), hints, "");
        } catch (ReadCancelled e) {
            throw e;
        } catch (WorkbookReadException e) {
            if (typed) {
                throw e;
            }
            ReadResult plain = reader.read(ReadingHints.NONE);
            String note = "The project file's reading mapping no longer fits the workbook (" + e.getMessage()
                    + "); the automatic reading is used.";
            List<Problem> problems = new ArrayList<>(plain.problems());
            problems.add(new Problem(saved.file().map(f -> String.valueOf(f.getFileName())).orElse("project file"),
                    note));
            ReadResult noted = new ReadResult(plain.file(), plain.model(), plain.decisions(), problems, plain.sheets(),
                    plain.ownModel(), plain.reading(), plain.stamp());
            return new Read(noted, ReadingHints.NONE, note);
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
        a = a.applyProject(loaded.state(), loaded.mapping()).withNotes(droppedNotes(saved));
        Path file = saved.file().orElseThrow();
        String line = "Using project file " + file + " (" + loaded.state().lines().size() + " saved lines"
                + (loaded.state().hints().isEmpty() ? "" : ", its reading mapping")
                + (loaded.formatVersion() < ProjectFile.FORMAT_VERSION
                ? ", format " + loaded.formatVersion() + ", read as it is" : "") + ")"
                + (saved.warning().isEmpty() ? "" : "; " + saved.warning());
        return new Opened(a, saved.file(), line);
    }

    /** One note per project-file field that could not be read and was left out (at most ten, then a count). */
    private static java.util.List<String> droppedNotes(SavedProject saved) {
        java.util.List<String> dropped = saved.loaded().map(ProjectFile.Loaded::dropped).orElse(java.util.List.of());
        String file = saved.file().map(f -> f.getFileName().toString()).orElse("the project file");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String field : dropped.subList(0, Math.min(10, dropped.size()))) {
            out.add(file + ": field " + field + " could not be read and was left out; the rest of the file was applied");
        }
        if (dropped.size() > 10) {
            out.add(file + ": " + (dropped.size() - 10) + " more fields could not be read and were left out");
        }
        return out;
    }

    /** Saves the assessment's decisions, policy, levers and scenarios to {@code target}, atomically. */
    public static void saveProject(Assessment a, Path target) throws IOException {
        saveProject(a, com.marginworkbench.model.ReadingHints.NONE, target);
    }

    /** Like {@link #saveProject(Assessment, Path)}, keeping the mapping the user gave the reader. */
    public static void saveProject(Assessment a, com.marginworkbench.model.ReadingHints hints, Path target)
            throws IOException {
        ProjectFile.save(target, a.projectState().withHints(hints), a.mapping(), workbookName(a));
    }

    private static String workbookName(Assessment a) {
        Path file = a.source().file();
        return file == null ? a.model().name() : file.getFileName().toString();
    }

    /**
     * Where a window stands with its project file: {@code seen} is the version of the file it last
     * read or wrote (absent when none), {@code base} the state the file held then, as the window had
     * it (so the lines the reader suggested compare equal in two windows of one workbook).
     */
    public record ProjectSync(ProjectFile.Version seen, ProjectState base) {
        /** Just after opening: the file's version as read, and the state the window shows. */
        public static ProjectSync opened(SavedProject saved, ProjectState shown) {
            return new ProjectSync(saved.seen(), shown);
        }
    }

    /**
     * A save that knows where it started: {@code seen} is the version of the project file this
     * window last read or wrote, {@code base} the state it held then (as this window had it), and
     * {@code state} what it holds now.
     */
    public record SaveRequest(Assessment assessment, ReadingHints hints, Path target, ProjectSync sync) {
        public ProjectState state() {
            return assessment.projectState().withHints(hints);
        }
    }

    /**
     * A guarded save done: the version now on disk, the state written, and the parts taken from
     * another save made since this window last read the file (empty when there was none).
     */
    public record Saved(ProjectSync sync, java.util.List<String> fromOther) {
        /** The state written. */
        public ProjectState state() {
            return sync.base();
        }
    }

    /** A guarded save that was not done, because the file on disk changed in a way that cannot be joined. */
    public static final class ProjectConflictException extends IOException {
        private final boolean canReplace;

        public ProjectConflictException(String message, boolean canReplace) {
            super(message);
            this.canReplace = canReplace;
        }

        /** Whether replacing the file is a choice to offer (false: the file belongs to another workbook). */
        public boolean canReplace() {
            return canReplace;
        }
    }

    /**
     * Saves the project without overwriting another window's decisions. When the file on disk is
     * still the version this window last read or wrote (by its content hash), it is written as it
     * is. When another save came in between, the two are joined part by part (each line, the
     * policy, the levers, the scenarios, the mapping, from the side that changed it) and the join
     * is written; when both changed the same part differently nothing is written and a
     * {@link ProjectConflictException} names the parts. {@code replace} writes this window's state
     * over a changed file (the user chose so); a file that belongs to another workbook is never
     * written over.
     */
    public static Saved saveProject(SaveRequest r, boolean replace) throws IOException {
        ProjectState ours = r.state();
        String name = workbookName(r.assessment());
        String file = r.target().getFileName().toString();
        ProjectFile.Version now = ProjectFile.Version.of(r.target());
        ProjectState toWrite = ours;
        java.util.List<String> fromOther = java.util.List.of();
        ProjectSync sync = r.sync() == null ? new ProjectSync(ProjectFile.Version.ABSENT, null) : r.sync();
        if (!now.sameContent(sync.seen())) {
            Optional<ProjectFile.Loaded> theirs;
            try {
                theirs = ProjectFile.read(r.target());
            } catch (IOException e) {
                if (!replace) {
                    throw new ProjectConflictException(file + " was replaced by a file that cannot be read since this"
                            + " window opened it (" + e.getMessage() + "); nothing was saved", true);
                }
                theirs = Optional.empty();
            }
            if (theirs.isPresent() && r.assessment().source().file() != null
                    && !ProjectFile.belongsTo(theirs.get().workbook(), r.assessment().source().file())) {
                throw new ProjectConflictException(file + " holds the decisions of " + theirs.get().workbook()
                        + ", not of " + name + "; it was not overwritten. Move or rename it to keep both, then save"
                        + " again", false);
            }
            if (theirs.isPresent() && !replace) {
                ProjectState base = sync.base() == null
                        ? new ProjectState(null, null, null, java.util.List.of(), java.util.List.of()) : sync.base();
                ProjectMerge.Result m = ProjectMerge.merge(base, ours, theirs.get().state());
                if (!m.conflicts().isEmpty()) {
                    throw new ProjectConflictException(file + " was changed by another window at "
                            + java.time.Instant.ofEpochMilli(now.modifiedMillis()).truncatedTo(
                                    java.time.temporal.ChronoUnit.SECONDS)
                            + " and both changed " + list(m.conflicts()) + "; nothing was saved, so the other"
                            + " window's decisions are still there. Choose which to keep (Save again to replace"
                            + " them with these, or reopen the workbook to take them)", true);
                }
                toWrite = m.state();
                fromOther = m.fromTheirs();
            }
        }
        ProjectFile.Version written = ProjectFile.save(r.target(), toWrite, r.assessment().mapping(), name);
        return new Saved(new ProjectSync(written, toWrite), fromOther);
    }

    /** Up to five parts, then how many more. */
    public static String list(java.util.List<String> parts) {
        String s = String.join("; ", parts.subList(0, Math.min(5, parts.size())));
        return parts.size() > 5 ? s + " and " + (parts.size() - 5) + " more" : s;
    }

    /** The state a project file would hold, for a caller that writes it later (off the UI thread). */
    public static ProjectState projectState(Assessment a) {
        return a.projectState();
    }

    /** Writes the restated workbook of the assessment as it stands (decisions, policy, levers). */
    public static RestatedWorkbookWriter.Outcome restate(Assessment a, Path target,
                                                         Progress progress)
            throws RestateException {
        return restate(a, target, com.marginworkbench.project.SafeFiles.Mode.REPLACE, progress);
    }

    /** The same, saying what to do when {@code target} exists (replace, refuse, or take the next free name). */
    public static RestatedWorkbookWriter.Outcome restate(Assessment a, Path target,
                                                         com.marginworkbench.project.SafeFiles.Mode mode,
                                                         Progress progress)
            throws RestateException {
        return RestatedWorkbookWriter.write(a.source().file(), a.current(), a.classifications(), a.decisions(),
                a.policy(), a.levers(), target, mode, progress);
    }
}
