package com.marginworkbench.cli;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.ProjectLocation;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a command reads a workbook, the same for {@code summary}, {@code restate} and {@code report}:
 * with the project file the window keeps for it ({@code <name>.mwb.json} beside it, or its copy in
 * the settings folder), its decisions and its reading mapping; {@code --project FILE} names another,
 * {@code --no-project} uses none; {@code --table} points the reader at a range, over the project's.
 */
public class ProjectOptions {
    @Option(names = "--project", paramLabel = "FILE",
            description = "Apply this project file instead of the workbook's own <name>.mwb.json.")
    private Path project;

    @Option(names = "--no-project",
            description = "Ignore the workbook's project file: fresh decisions, as the reader suggests them.")
    private boolean noProject;

    @Option(names = "--table", paramLabel = "'SHEET'!A1:Z99",
            description = "Read only this range (repeatable, in period order): its first row with periods holds the"
                    + " period headings, its first text column the labels. Replaces the project file's range.")
    private List<String> tables = new ArrayList<>();

    /** An assessment opened by a command, and how long reading the workbook took. */
    record Opened(Assessment assessment, long readMs) {
        ReadResult read() {
            return assessment.current();
        }
    }

    /** What the options ask for; a usage error when both are given. */
    Workbench.ProjectChoice choice() {
        if (noProject) {
            return Workbench.ProjectChoice.NONE;
        }
        return project == null ? Workbench.ProjectChoice.AUTO : Workbench.ProjectChoice.file(project);
    }

    boolean conflicting() {
        return noProject && project != null;
    }

    ProjectLocation location() {
        return ProjectLocation.atDefaultLocation();
    }

    /**
     * Reads {@code file} with the reading choices (the project's mapping, {@code --table}) and
     * assesses it: the project's decisions applied (one line on {@code err} saying which file, and
     * its notes), then the framework and levers typed on the command line set over the project's (with ARPA, churn, CAC and the first
     * forecast period).
     */
    Opened open(Path file, LeverOptions options, PrintWriter err)
            throws WorkbookReadException, Workbench.ProjectException {
        Workbench.SavedProject saved = Workbench.readProject(file, choice(), location());
        long t0 = System.nanoTime();
        ReadResult read;
        long readMs;
        ReadAhead.Timed ahead = Workbench.hints(saved, tables).isEmpty() ? ReadAhead.take(file) : null;
        if (ahead != null) {
            read = ahead.result();
            readMs = ahead.readMs();
        } else {
            ReadAhead.discard(); // a read started without the mapping is of no use
            Workbench.Read r = Workbench.read(file, saved, tables, null);
            if (!r.note().isEmpty()) {
                err.println("margin-workbench: " + r.note());
            }
            read = r.result();
            readMs = (System.nanoTime() - t0) / 1_000_000;
        }
        Workbench.Opened opened = Workbench.assess(read, options.policy(read.model()), saved);
        if (!opened.projectLine().isEmpty()) {
            err.println("margin-workbench: " + opened.projectLine());
        }
        for (String note : opened.assessment().notes()) {
            err.println("margin-workbench: " + note);
        }
        Assessment a = opened.assessment();
        a = options.assumptionsOver(a.withPolicy(options.policyOver(a.policy())).withLevers(options.levers(a.levers())));
        return new Opened(a, readMs);
    }
}
