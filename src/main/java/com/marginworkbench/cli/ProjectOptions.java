package com.marginworkbench.cli;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.ProjectLocation;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.workbook.ReadResult;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

import java.nio.file.Path;

/**
 * Which project file a command applies: by default the one the window keeps for the workbook
 * ({@code <name>.mwb.json} beside it, or its copy in the settings folder); {@code --project FILE}
 * names another, {@code --no-project} uses none.
 */
public class ProjectOptions {
    @Option(names = "--project", paramLabel = "FILE",
            description = "Apply this project file instead of the workbook's own <name>.mwb.json.")
    private Path project;

    @Option(names = "--no-project",
            description = "Ignore the workbook's project file: fresh decisions, as the reader suggests them.")
    private boolean noProject;

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
     * The assessment a command works on: what was read, with the project file applied (and one
     * line on {@code err} saying which), then the framework and levers typed on the command line
     * set over the project's (with ARPA, churn, CAC and the first forecast period).
     */
    Assessment assess(Path file, ReadResult read, LeverOptions options, PrintWriter err)
            throws Workbench.ProjectException {
        Workbench.SavedProject saved = Workbench.readProject(file, choice(), location());
        Workbench.Opened opened = Workbench.assess(read, options.policy(read.model()), saved);
        if (!opened.projectLine().isEmpty()) {
            err.println("margin-workbench: " + opened.projectLine());
        }
        for (String note : opened.assessment().notes()) {
            err.println("margin-workbench: " + note);
        }
        Assessment a = opened.assessment();
        return options.assumptionsOver(a.withPolicy(options.policyOver(a.policy())).withLevers(options.levers(a.levers())));
    }
}
