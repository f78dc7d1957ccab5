package com.marginworkbench.cli;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.report.BoardPack;
import com.marginworkbench.report.BoardPackPdf;
import com.marginworkbench.workbook.WorkbookReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code report WORKBOOK [-o FILE.pdf] [--paper a4|letter] [levers]}: the board pack as a PDF of two
 * or three pages, with the same levers, project file and reading choices as {@code summary}. The
 * workbook is only read.
 */
@Command(name = "report", mixinStandardHelpOptions = true, modelTransformer = LeverOptions.FromCatalogue.class,
        description = "Writes a board pack (PDF): headline margins, margin chart, bridge, stress walk, break-even,"
                + " tornado, the lines that moved and why, framework, scenario and method note.")
public final class ReportCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKBOOK", description = "An .xlsx, .xlsm or .xls file.")
    private Path workbook;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.pdf",
            description = "Where to write (default: <name>-board-pack.pdf beside the workbook, never over an existing"
                    + " file).")
    private Path output;

    private BoardPackPdf.Paper paper = BoardPackPdf.Paper.A4;

    @Mixin
    private LeverOptions levers;

    @Mixin
    private ProjectOptions projects;

    @Spec
    private CommandSpec spec;

    @Option(names = "--paper", paramLabel = "a4|letter", description = "Page size (default: a4).")
    void setPaper(String value) {
        try {
            paper = BoardPackPdf.Paper.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--paper: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isRegularFile(workbook)) {
                err.println("margin-workbench: " + workbook + (Files.isDirectory(workbook)
                        ? " is a folder; name one workbook to report on." : " does not exist."));
                return 2;
            }
            Path target = output != null ? output : SafeFiles.freeName(
                    workbook.toAbsolutePath().getParent(), baseName(workbook), "-board-pack", ".pdf");
            if (Files.exists(target) && SafeFiles.sameFile(target, workbook)) {
                err.println("margin-workbench: the report would overwrite the workbook " + workbook
                        + "; choose another -o.");
                return 2;
            }
            if (projects.conflicting()) {
                err.println("margin-workbench: --project and --no-project contradict each other; give one.");
                return 2;
            }
            Assessment a = projects.open(workbook, levers, err).assessment();
            BoardPack pack = BoardPack.of(workbook.getFileName().toString(), a.model(), a.classifications(),
                    a.policy(), a.levers(), LocalDate.now());
            SafeFiles.write(target, o -> BoardPackPdf.write(pack, paper, o));
            Figures t = pack.total();
            out.println("Wrote " + target + ": reported GM " + SummaryCommand.pct(t.reportedBlended())
                    + ", restated " + SummaryCommand.pct(t.restatedBlended()) + ", AI layer "
                    + SummaryCommand.pct(t.aiLayer()) + ", AI layer stressed " + SummaryCommand.pct(t.aiLayerStressed()));
            return 0;
        } catch (WorkbookReadException | Workbench.ProjectException e) {
            err.println("margin-workbench: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("margin-workbench: " + SafeFiles.explain(e, output != null ? output : workbook).getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
