package com.marginworkbench.cli;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.restate.RestateException;
import com.marginworkbench.workbook.restate.RestatedWorkbookWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code restate WORKBOOK [-o OUT]}: reads a workbook, runs the COGS test with the suggested
 * decisions, and writes a copy with four added sheets of live formulas (Restated P&L,
 * Classification, Stress, Margin Bridge). The source is never written. Given a folder, it restates
 * every workbook in it, one line per file, and carries on past failures.
 */
@Command(name = "restate", mixinStandardHelpOptions = true, modelTransformer = LeverOptions.FromCatalogue.class,
        description = "Writes a restated copy of a workbook (or of every workbook in a folder): every original sheet"
                + " kept, plus Restated P&L, Classification, Stress and Margin Bridge sheets with live formulas.")
public final class RestateCommand implements Callable<Integer> {
    /** Outputs of earlier runs, skipped when restating a folder. */
    private static final Pattern RESTATED_NAME = Pattern.compile(".*-restated(-\\d+)?\\.xls[xm]$");

    @Parameters(index = "0", paramLabel = "WORKBOOK", description = "An .xlsx or .xlsm file, or a folder of them.")
    private Path workbook;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xlsx",
            description = "Where to write (default: <name>-restated.xlsx beside the workbook, never over an existing"
                    + " file). For a folder of workbooks: an existing folder for the results.")
    private Path output;

    @Option(names = "--force", description = "Replace the file named by -o if it exists (never the source).")
    private boolean force;

    @Mixin
    private LeverOptions levers;

    @Mixin
    private ProjectOptions projects;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (projects.conflicting()) {
                err.println("margin-workbench: --project and --no-project contradict each other; give one.");
                return 2;
            }
            if (Files.isDirectory(workbook)) {
                return folder(out, err);
            }
            if (!Files.exists(workbook)) {
                err.println("margin-workbench: " + workbook + " does not exist.");
                return 2;
            }
            boolean named = output != null && !Files.isDirectory(output);
            Path target = output == null ? RestatedWorkbookWriter.defaultTarget(workbook)
                    : named ? output : RestatedWorkbookWriter.defaultTarget(workbook, output);
            SafeFiles.Mode mode = !named ? SafeFiles.Mode.NEXT_FREE_NAME
                    : force ? SafeFiles.Mode.REPLACE : SafeFiles.Mode.NEW_ONLY;
            if (named) {
                checkOverwrite(target);
            }
            Restated r = restate(workbook, target, mode, err);
            out.println(r.line());
            out.flush();
            return Unread.report(err, r.read());
        } catch (WorkbookReadException | RestateException | Workbench.ProjectException e) {
            err.println("margin-workbench: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("margin-workbench: " + workbook + ": " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What one restate did: the line that says where it went, and what was read. */
    private record Restated(String line, ReadResult read) {
    }

    /** Restates one file and returns the line that says where it went and what changed. */
    private Restated restate(Path file, Path target, SafeFiles.Mode mode, PrintWriter err)
            throws WorkbookReadException, RestateException, Workbench.ProjectException {
        RestatedWorkbookWriter.check(file, target);
        Assessment a = projects.open(file, levers, err).assessment();
        ReadResult read = a.current();
        RestatedWorkbookWriter.Outcome o = Workbench.restate(a, target, mode, null);
        Figures t = o.figures().total();
        StringBuilder line = new StringBuilder("Wrote ").append(o.target())
                .append(": reported GM ").append(SummaryCommand.pct(t.reportedBlended()))
                .append(", restated ").append(SummaryCommand.pct(t.restatedBlended()))
                .append(", AI layer ").append(SummaryCommand.pct(t.aiLayer()));
        if (!a.levers().isNeutral()) {
            line.append(", AI layer stressed ").append(SummaryCommand.pct(t.aiLayerStressed()));
        }
        long unread = com.marginworkbench.workbook.Problem.unreadLines(read.problems());
        if (unread > 0) {
            line.append("; ").append(unread).append(unread == 1 ? " line" : " lines")
                    .append(" not read (named on the Classification sheet)");
        }
        return new Restated(line.toString(), read);
    }

    private int folder(PrintWriter out, PrintWriter err) throws IOException {
        if (output != null && !Files.isDirectory(output)) {
            err.println("margin-workbench: -o must name an existing folder when restating a folder of workbooks.");
            return 2;
        }
        List<Path> files = WorkbookFolder.list(workbook, RestateCommand::isNotRestated);
        if (files.isEmpty()) {
            err.println("margin-workbench: " + workbook + " holds no .xlsx or .xlsm workbooks to restate.");
            return 2;
        }
        int failures = 0;
        int incomplete = 0;
        for (Path f : files) {
            try {
                Path target = output == null ? RestatedWorkbookWriter.defaultTarget(f)
                        : RestatedWorkbookWriter.defaultTarget(f, output);
                Restated r = restate(f, target, SafeFiles.Mode.NEXT_FREE_NAME, err);
                out.println(r.line());
                out.flush();
                if (Unread.report(err, r.read()) != 0) {
                    incomplete++;
                }
            } catch (WorkbookReadException | RestateException | Workbench.ProjectException e) {
                failures++;
                err.println("margin-workbench: " + e.getMessage());
            }
            out.flush();
        }
        return failures > 0 ? 2 : incomplete > 0 ? Unread.EXIT_CODE : 0;
    }

    /**
     * An existing file named by -o is replaced only with --force, and never when it is read-only (it
     * may be someone else's). Checked before the long read; the writer checks again at the end.
     */
    private void checkOverwrite(Path target) throws RestateException {
        RestatedWorkbookWriter.check(workbook, target); // the source itself is refused first, whatever --force says
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!force) {
            throw new RestateException(target + " already exists; add --force to replace it, or choose another name"
                    + " (without -o the output gets a free name of its own).");
        }
        if (!Files.isRegularFile(target)) {
            throw new RestateException(target + " is not a regular file; choose another name.");
        }
        if (!Files.isWritable(target) || readOnlyOrNotOurs(target)) {
            throw new RestateException(target + " is read-only (or not yours to change), so it is not replaced even"
                    + " with --force; choose another name.");
        }
    }

    /** Marked read-only, or owned by another user (checked by name: root can write anything). */
    private static boolean readOnlyOrNotOurs(Path target) {
        try {
            if (!Files.getPosixFilePermissions(target).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)) {
                return true;
            }
            return !Files.getOwner(target).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Earlier outputs of this command are not restated again. */
    private static boolean isNotRestated(Path p) {
        return !RESTATED_NAME.matcher(p.getFileName().toString().toLowerCase(Locale.ROOT)).matches();
    }
}
