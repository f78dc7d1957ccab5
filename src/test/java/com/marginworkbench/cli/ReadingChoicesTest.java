package com.marginworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.workbook.WorkbookReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code summary}, {@code restate} and {@code report} read a workbook the same way: the range
 * given with {@code --table}, and the reading mapping the project file keeps (a row's role, the
 * range), on a real model (a SaaS monthly P&L, costs stored as negatives).
 */
class ReadingChoicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** January to March of the P&L: three periods of twelve. */
    private static final String FIRST_QUARTER = "'P&L'!A1:D15";

    @TempDir
    Path dir;
    Path book;

    @BeforeEach
    void copy() throws Exception {
        book = Files.copy(TestFiles.resource("corpus/real-models/saas-monthly-pnl-gbp.xlsx"), dir.resolve("saas.xlsx"));
    }

    private JsonNode summary(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("summary", "--json", book.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static String pct(JsonNode margin) {
        return String.format(Locale.ROOT, "%.1f%%", margin.asDouble() * 100);
    }

    @Test
    void restateAndReportReadTheRangeGivenWithTable() throws Exception {
        JsonNode whole = summary();
        JsonNode quarter = summary("--table", FIRST_QUARTER);
        assertThat(quarter.get("periods")).hasSize(3);
        assertThat(pct(quarter.at("/margins/reportedBlended"))).isNotEqualTo(pct(whole.at("/margins/reportedBlended")));

        Path restated = dir.resolve("q1.xlsx");
        CliRun restate = CliRun.of("restate", "--table", FIRST_QUARTER, book.toString(), "-o", restated.toString());
        assertThat(restate.exit()).as(restate.err()).isZero();
        assertThat(restate.out()).contains("reported GM " + pct(quarter.at("/margins/reportedBlended")));
        // the restated statement has the three months read, not the year
        try (InputStream in = Files.newInputStream(restated); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet pnl = wb.getSheet("Restated P&L");
            assertThat(pnl).isNotNull();
            List<String> texts = texts(pnl);
            assertThat(texts).contains("Mar").doesNotContain("Apr", "Dec");
        }

        Path pdf = dir.resolve("q1.pdf");
        CliRun report = CliRun.of("report", "--table", FIRST_QUARTER, book.toString(), "-o", pdf.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("reported GM " + pct(quarter.at("/margins/reportedBlended")));

        CliRun wrong = CliRun.of("report", "--table", "'Nope'!A1:B2", book.toString(), "-o", dir.resolve("x.pdf").toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("Nope").doesNotContain("Exception");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void theProjectFilesMappingIsHonouredBySummaryRestateAndReport() throws Exception {
        JsonNode fresh = summary();
        String taxKey = "P&L!14";
        assertThat(fresh.get("lines")).noneSatisfy(l -> assertThat(l.get("label").asText()).isEqualTo("Tax"));
        // the project file as the window writes it when the user sets Tax's row to cost of revenue
        var read = WorkbookReader.read(book);
        Assessment a = Workbench.assess(read, Policy.US_GAAP_DEFAULT, Workbench.SavedProject.NONE).assessment();
        ReadingHints hints = new ReadingHints(List.of(), null, null, Map.of(taxKey, RowRole.COST_OF_REVENUE), Set.of(),
                false, null, null, List.of());
        Path project = ProjectFile.pathFor(book);
        Workbench.saveProject(a, hints, project);

        CliRun said = CliRun.of("summary", "--json", book.toString());
        assertThat(said.err()).contains("Using project file").contains("reading mapping");
        JsonNode mapped = JSON.readTree(said.out());
        JsonNode tax = null;
        for (JsonNode l : mapped.get("lines")) {
            if (l.get("label").asText().equals("Tax")) {
                tax = l;
            }
        }
        assertThat(tax).as("Tax is read as a line").isNotNull();
        assertThat(tax.get("reported").asText()).isEqualTo("COGS");
        double taxTotal = tax.get("total").asDouble();
        assertThat(taxTotal).isNotZero();
        assertThat(mapped.at("/totals/reportedCogs").asDouble())
                .isCloseTo(fresh.at("/totals/reportedCogs").asDouble() + taxTotal, within(0.01));
        String mappedGm = pct(mapped.at("/margins/reportedBlended"));
        String freshGm = pct(fresh.at("/margins/reportedBlended"));
        assertThat(mappedGm).isNotEqualTo(freshGm);

        CliRun restate = CliRun.of("restate", book.toString(), "-o", dir.resolve("r.xlsx").toString());
        assertThat(restate.exit()).as(restate.err()).isZero();
        assertThat(restate.out()).contains("reported GM " + mappedGm);
        CliRun report = CliRun.of("report", book.toString(), "-o", dir.resolve("r.pdf").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.err()).contains("Using project file");
        assertThat(report.out()).contains("reported GM " + mappedGm);
        try (PDDocument doc = Loader.loadPDF(dir.resolve("r.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(mappedGm);
        }

        CliRun ignored = CliRun.of("report", book.toString(), "--no-project", "-o", dir.resolve("n.pdf").toString());
        assertThat(ignored.out()).contains("reported GM " + freshGm);
        // a range typed over the project replaces its range and keeps its roles
        JsonNode quarter = summary("--table", FIRST_QUARTER);
        assertThat(quarter.get("periods")).hasSize(3);
        assertThat(quarter.get("lines")).anySatisfy(l -> assertThat(l.get("label").asText()).isEqualTo("Tax"));
    }

    @Test
    void aSavedMappingThatNoLongerFitsIsNamedAndTheAutomaticReadingIsUsed() throws Exception {
        JsonNode fresh = summary();
        var read = WorkbookReader.read(book);
        Assessment a = Workbench.assess(read, Policy.US_GAAP_DEFAULT, Workbench.SavedProject.NONE).assessment();
        Workbench.saveProject(a, ReadingHints.tables(List.of("'Old P&L'!A1:M15")), ProjectFile.pathFor(book));

        CliRun run = CliRun.of("summary", "--json", book.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("no longer fits").contains("Old P&L").contains("automatic reading");
        assertThat(JSON.readTree(run.out()).at("/totals/revenue").asDouble())
                .isEqualTo(fresh.at("/totals/revenue").asDouble());
        CliRun typed = CliRun.of("restate", "--table", "'Old P&L'!A1:M15", book.toString());
        assertThat(typed.exit()).isEqualTo(2);
        assertThat(typed.err()).contains("Old P&L");
    }

    private static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    out.add(c.getStringCellValue().trim());
                }
            }
        }
        return out;
    }
}
