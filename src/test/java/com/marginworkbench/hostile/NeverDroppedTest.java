package com.marginworkbench.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.cli.CliRun;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line the reader cannot read is never dropped in silence: it is named (sheet!cell and the error
 * or the missing result) on stderr, in the JSON problems, in the table and in the restated
 * workbook, and the exit code is 3 instead of 0.
 */
class NeverDroppedTest {
    @TempDir
    Path dir;

    /**
     * Two months; revenue 1000 a month on row 3, AWS hosting 100 a month on row 5, and on row 6
     * "OpenAI API - production" with 200 in January, its February cell left to {@code feb}.
     */
    private Path pnl(String name, java.util.function.Consumer<Sheet> feb) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("P&L");
            row(s, 0, "", "Jan-26", "Feb-26");
            row(s, 1, "Revenue");
            row(s, 2, "Subscription revenue", 1000, 1000);
            row(s, 3, "Cost of revenue");
            row(s, 4, "AWS hosting - production", 100, 100);
            row(s, 5, "OpenAI API - production", 200);
            feb.accept(s);
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out); // POI writes formulas without their results
            }
            return file;
        }
    }

    /** The OpenAI line's February cell holds #DIV/0!. */
    private Path withError() throws Exception {
        return pnl("errors.xlsx", s -> s.getRow(5).createCell(2).setCellErrorValue(FormulaError.DIV0.getCode()));
    }

    private static Row row(Sheet s, int r, Object... values) {
        Row row = s.createRow(r);
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue((String) values[c]);
            }
        }
        return row;
    }

    @Test
    void aCellInErrorKeepsItsLineNamedInJsonAndOnStderrWithExitCode3() throws Exception {
        Path file = withError();
        CliRun r = CliRun.of("summary", file.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("linesNotRead").asInt()).isEqualTo(1);
        List<JsonNode> unread = new ArrayList<>();
        j.get("problems").forEach(p -> {
            if (p.has("line")) {
                unread.add(p);
            }
        });
        assertThat(unread).hasSize(1);
        assertThat(unread.get(0).get("line").asText()).isEqualTo("OpenAI API - production");
        assertThat(unread.get(0).get("cell").asText()).isEqualTo("P&L!C6");
        assertThat(unread.get(0).get("error").asText()).isEqualTo("#DIV/0!");
        assertThat(r.err()).contains("OpenAI API - production").contains("P&L!C6").contains("#DIV/0!");
        // never taken as zero: the line's 200 is not in the reported cost of revenue either
        assertThat(j.get("totals").get("reportedCogs").asDouble()).isEqualTo(200.0);
    }

    @Test
    void wordsWhereAnAmountShouldBeKeepTheLineNamedNotRead() throws Exception {
        JsonNode p = unreadLineOf(pnl("words.xlsx", s -> s.getRow(5).createCell(2).setCellValue("see the contract")));
        assertThat(p.get("line").asText()).isEqualTo("OpenAI API - production");
        assertThat(p.get("cell").asText()).isEqualTo("P&L!C6");
        assertThat(p.get("error").asText()).contains("'see the contract'");
    }

    /**
     * Lines that are all in error (or all zero) add up to one another: the third is never taken
     * for a subtotal of the two above it, so every line is named (or read), none left out unsaid.
     */
    @Test
    void linesInErrorOrAtZeroAreNeverTakenForSubtotals() throws Exception {
        Path file = dir.resolve("zeros.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("P&L");
            Row months = row(s, 0, "");
            Row revenue = row(s, 2, "Subscription revenue");
            row(s, 1, "Revenue");
            row(s, 3, "Cost of revenue");
            for (int m = 0; m < 12; m++) {
                months.createCell(1 + m).setCellValue(java.time.YearMonth.of(2026, 1 + m).format(
                        java.time.format.DateTimeFormatter.ofPattern("MMM-yy", java.util.Locale.ENGLISH)));
                revenue.createCell(1 + m).setCellValue(1000);
            }
            for (int i = 0; i < 6; i++) {
                Row r = row(s, 4 + i, "Vendor " + i + " hosting");
                for (int c = 1; c <= 12; c++) {
                    if (i < 3) {
                        r.createCell(c).setCellErrorValue(FormulaError.REF.getCode());
                    } else {
                        r.createCell(c).setCellValue(0);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        CliRun r = CliRun.of("summary", file.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("linesNotRead").asInt()).as("the three lines in error").isEqualTo(3);
        List<String> read = new ArrayList<>();
        j.get("lines").forEach(l -> read.add(l.get("label").asText()));
        assertThat(read).contains("Vendor 3 hosting", "Vendor 4 hosting", "Vendor 5 hosting");
    }

    @Test
    void theTableSaysHowManyLinesWereNotRead() throws Exception {
        CliRun r = CliRun.of("summary", withError().toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("1 line could not be read").contains("P&L!C6 holds the error #DIV/0!");
    }

    @Test
    void everyLineReadGivesExitCode0() throws Exception {
        Path file = dir.resolve("fixed.xlsx");
        try (var in = Files.newInputStream(withError()); Workbook wb = WorkbookFactory.create(in)) {
            wb.getSheetAt(0).getRow(5).getCell(2).setCellValue(200);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        CliRun r = CliRun.of("summary", file.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("linesNotRead").asInt()).isZero();
    }

    @Test
    void aLinkToAnotherWorkbookWithoutResultIsNamedNotDropped() throws Exception {
        Path file = HostileFiles.externalLinks(dir);
        JsonNode p = unreadLineOf(file);
        assertThat(p.get("line").asText()).isEqualTo("OpenAI API - production");
        assertThat(p.get("cell").asText()).isEqualTo("P&L!B5");
        assertThat(p.get("error").asText()).contains("another workbook");
    }

    @Test
    void aFormulaUsingAFunctionThatCannotBeCalculatedNamesTheFunction() throws Exception {
        Path file = pnl("function.xlsx", s -> s.getRow(5).createCell(2).setCellFormula("CUBEVALUE(\"x\",\"y\")"));
        JsonNode p = unreadLineOf(file);
        assertThat(p.get("cell").asText()).isEqualTo("P&L!C6");
        assertThat(p.get("error").asText()).contains("CUBEVALUE");
    }

    @Test
    void formulasWithoutResultsAreCalculatedAndTheReadingSaysSo() throws Exception {
        Path file = pnl("script.xlsx", s -> {
            s.getRow(2).createCell(2).setCellFormula("B3*1.1");
            s.getRow(5).createCell(2).setCellFormula("B6+B3/100");
        });
        CliRun r = CliRun.of("summary", file.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("totals").get("revenue").asDouble()).isEqualTo(2100.0);
        assertThat(j.get("totals").get("reportedCogs").asDouble()).isEqualTo(100 + 100 + 200 + 210.0);
        assertThat(j.get("problems").toString()).contains("2 formulas were saved without a result and calculated");
    }

    @Test
    void theRestatedWorkbookNamesTheLineItCouldNotRead() throws Exception {
        Path file = withError();
        Path out = dir.resolve("out.xlsx");
        CliRun r = CliRun.of("restate", file.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("1 line not read");
        assertThat(r.err()).contains("OpenAI API - production").contains("P&L!C6");
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            Sheet cls = wb.getSheet("Classification");
            boolean found = false;
            for (Row row : cls) {
                if (row.getCell(1) != null && "OpenAI API - production".equals(row.getCell(1).getStringCellValue())
                        && row.getCell(2) != null && "Not read".equals(row.getCell(2).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(14).getStringCellValue()).contains("P&L!C6").contains("#DIV/0!");
                }
            }
            assertThat(found).as("the unread line on the Classification sheet").isTrue();
        }
    }

    @Test
    void theWindowListsTheUnreadLineInItsReadingNotesAndStatus() throws Exception {
        var vm = new com.marginworkbench.ui.workbench.WorkbenchViewModel(Runnable::run);
        vm.install(com.marginworkbench.ui.workbench.WorkbenchViewModel.read(
                (f, p) -> com.marginworkbench.workbook.WorkbookReader.read(f), withError()));
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p.toString()).contains("OpenAI API - production")
                .contains("P&L!C6").contains("#DIV/0!"));
        assertThat(vm.statusProperty().get()).contains("1 line not read");
    }

    /** The one unread line that {@code summary --json} reports (exit code 3). */
    private static JsonNode unreadLineOf(Path file) throws Exception {
        CliRun r = CliRun.of("summary", file.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (JsonNode p : j.get("problems")) {
            if (p.has("line")) {
                return p;
            }
        }
        throw new AssertionError("no unread line in " + j.get("problems"));
    }
}
