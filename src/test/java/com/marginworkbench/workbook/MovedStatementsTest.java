package com.marginworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RevenueLine;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real models read the same when their statement is moved about the way people move things in
 * a client's copy: blank rows above it, a blank column before it or between its labels and amounts,
 * a dashboard sheet of headline figures put first, the sheet renamed. Reading depends on what the
 * labels and totals say, not on where the statement starts or what its sheet is called. Also: KPI
 * rows put after it, its costs and cost totals stored as negatives, formulas whose saved results are
 * dropped, and a units caption put above it
 * (figures a thousand times larger, units shown). Slow tier (a minute: the Brinks model is written
 * and read twenty times), tagged with the fuzz tests it resembles.
 */
@Tag("fuzz")
class MovedStatementsTest {

    /** A change to a copy of the workbook, knowing the statement's sheet and how it was read before. */
    interface Edit {
        void apply(Workbook wb, String sheet, Reading before);
    }

    record Change(String name, Edit apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Object[]> cases() throws Exception {
        List<Change> changes = List.of(
                new Change("three blank rows above", (wb, name, before) -> {
                    Sheet s = wb.getSheet(name);
                    s.shiftRows(s.getFirstRowNum(), s.getLastRowNum(), 3);
                }),
                new Change("a blank column before", (wb, name, before) -> {
                    Sheet s = wb.getSheet(name);
                    s.shiftColumns(0, lastColumn(s), 1);
                }),
                new Change("a dashboard sheet first", (wb, name, before) -> {
                    Sheet d = wb.createSheet("Headlines");
                    wb.setSheetOrder("Headlines", 0);
                    wb.setActiveSheet(0);
                    String[][] rows = {{"Company dashboard", null}, {"Revenue (latest year)", "125000"},
                            {"Gross margin", "0.62"}, {"Customers", "410"}, {"Cash", "2500000"}};
                    for (int i = 0; i < rows.length; i++) {
                        Row r = d.createRow(i);
                        r.createCell(0).setCellValue(rows[i][0]);
                        if (rows[i][1] != null) {
                            r.createCell(1).setCellValue(Double.parseDouble(rows[i][1]));
                        }
                    }
                }),
                new Change("a blank column between labels and amounts", (wb, name, before) -> {
                    Sheet s = wb.getSheet(name);
                    int label = labelColumn(s);
                    s.shiftColumns(label + 1, lastColumn(s), 1);
                }),
                new Change("the sheet moved last", (wb, name, before) -> wb.setSheetOrder(name, wb.getNumberOfSheets() - 1)),
                new Change("a budget copy after it", (wb, name, before) -> {
                    Sheet copy = wb.cloneSheet(wb.getSheetIndex(name));
                    wb.setSheetName(wb.getSheetIndex(copy), "Budget");
                }),
                new Change("formulas without saved results", (wb, name, before) -> {
                    for (Sheet s : wb) {
                        for (Row r : s) {
                            for (org.apache.poi.ss.usermodel.Cell c : r) {
                                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                                        && c instanceof org.apache.poi.xssf.usermodel.XSSFCell x && x.getCTCell().isSetV()) {
                                    x.getCTCell().unsetV();
                                }
                            }
                        }
                    }
                }),
                new Change("KPI rows after it", (wb, name, before) -> {
                    Sheet s = wb.getSheet(name);
                    String range = before.table().range();
                    int last = Integer.parseInt(range.replaceAll(".*[A-Z]", "")) - 1;
                    List<Integer> columns = numberColumns(s, last);
                    int label = labelColumn(s);
                    String[] kpis = {"Customers (end of period)", "Gross margin %", "Headcount", "Revenue growth %"};
                    for (int k = 0; k < kpis.length; k++) {
                        Row r = s.createRow(last + 2 + k);
                        r.createCell(label).setCellValue(kpis[k]);
                        for (int i = 0; i < columns.size(); i++) {
                            double v = k == 0 ? 100 + 7 * i : k == 1 ? 0.55 + 0.001 * i : k == 2 ? 20 + i : 0.04;
                            r.createCell(columns.get(i)).setCellValue(v);
                        }
                    }
                }),
                new Change("costs stored as negatives", (wb, name, before) -> {
                    Sheet s = wb.getSheet(name);
                    for (Reading.Row row : before.rows()) {
                        boolean cost = row.role() == com.marginworkbench.model.RowRole.COST_OF_REVENUE
                                || row.role() == com.marginworkbench.model.RowRole.OPERATING_EXPENSE
                                || row.role() == com.marginworkbench.model.RowRole.TOTAL
                                && row.label().toLowerCase(java.util.Locale.ROOT).matches(".*(cost|expense|cogs).*");
                        Row r = s.getRow(row.row() - 1);
                        if (!cost || !row.sheet().equals(name) || r == null) {
                            continue;
                        }
                        for (org.apache.poi.ss.usermodel.Cell c : r) {
                            negate(c);
                        }
                    }
                }),
                new Change("the sheet renamed Sheet9", (wb, name, before) -> wb.setSheetName(wb.getSheetIndex(wb.getSheet(name)), "Sheet9")));
        List<Object[]> out = new ArrayList<>();
        for (JsonNode m : (Iterable<JsonNode>) RealModelsReadingTest.models()::iterator) {
            for (Change c : changes) {
                out.add(new Object[] {m.get("file").asText(), c, m});
            }
        }
        return out.stream();
    }

    /** A number made negative where it is stored: the value, or a formula's saved result. */
    private static void negate(org.apache.poi.ss.usermodel.Cell c) {
        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            c.setCellValue(-c.getNumericCellValue());
        } else if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                && c.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                && c instanceof org.apache.poi.xssf.usermodel.XSSFCell x) {
            x.getCTCell().setV(Double.toString(-c.getNumericCellValue()));
        }
    }

    /** The columns holding numbers in the row of the statement with the most numbers, up to its last row. */
    private static List<Integer> numberColumns(Sheet s, int lastRow) {
        List<Integer> best = List.of();
        for (int i = 0; i <= lastRow; i++) {
            Row r = s.getRow(i);
            List<Integer> numbers = new ArrayList<>();
            if (r != null) {
                for (org.apache.poi.ss.usermodel.Cell c : r) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        numbers.add(c.getColumnIndex());
                    }
                }
            }
            best = numbers.size() > best.size() ? numbers : best;
        }
        return best;
    }

    /** The column holding the most text cells: the statement's labels. */
    private static int labelColumn(Sheet s) {
        int[] text = new int[64];
        for (Row r : s) {
            for (org.apache.poi.ss.usermodel.Cell c : r) {
                if (c.getColumnIndex() < text.length && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    text[c.getColumnIndex()]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < text.length; i++) {
            best = text[i] > text[best] ? i : best;
        }
        return best;
    }

    private static int lastColumn(Sheet s) {
        int last = 0;
        for (Row r : s) {
            last = Math.max(last, r.getLastCellNum());
        }
        return last;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void readsTheSameFigures(String file, Change change, JsonNode m, @TempDir Path dir) throws Exception {
        Path source = RealModelsReadingTest.file(m);
        ReadResult before = WorkbookReader.read(source);
        org.junit.jupiter.api.Assumptions.assumeTrue(!change.name().startsWith("KPI")
                || before.reading().table().orientation().equals("periods in columns"), "rows of a long table are records");
        org.junit.jupiter.api.Assumptions.assumeTrue(!change.name().startsWith("costs stored")
                || before.reading().costSign() == 1 && before.reading().table().orientation().equals("periods in columns")
                && !file.endsWith(".xls"), "costs already stored as negatives, or formulas' results not writable");
        Path moved = dir.resolve(file);
        try (InputStream in = Files.newInputStream(source); Workbook wb = WorkbookFactory.create(in)) {
            change.apply().apply(wb, RealModelsReadingTest.sheet(m), before.reading());
            try (OutputStream out = Files.newOutputStream(moved)) {
                wb.write(out);
            }
        }
        ReadResult after = WorkbookReader.read(moved);
        assertThat(after.model().periods().count()).isEqualTo(before.model().periods().count());
        assertThat(revenue(after)).isCloseTo(revenue(before), within(Math.abs(revenue(before)) * 1e-9));
        assertThat(cost(after)).isCloseTo(cost(before), within(Math.abs(cost(before)) * 1e-9));
        assertThat(after.model().costs()).hasSameSizeAs(before.model().costs());
        assertThat(after.model().revenue()).hasSameSizeAs(before.model().revenue());
        assertThat(after.reading().unitScale()).isEqualTo(before.reading().unitScale());
        if (change.name().startsWith("costs stored")) {
            assertThat(after.reading().costSign()).as("costs read as stored negative").isEqualTo(-1);
        }
        assertThat(after.reading().confidence()).isNotEqualTo(Reading.Confidence.LOW);
        if (!change.name().contains("renamed")) {
            assertThat(after.reading().confidence()).as("%s", after.reading().reasons()).isEqualTo(before.reading().confidence());
        } else if (after.reading().confidence() != before.reading().confidence()) {
            // without the name that settled it, another sheet's statement may read as well: said, not hidden
            assertThat(after.reading().reasons()).anyMatch(r -> r.contains("which one is the company's"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.marginworkbench.workbook.RealModelsReadingTest#models")
    void aUnitsCaptionPutAboveIsAppliedAndShown(JsonNode m, @TempDir Path dir) throws Exception {
        Path source = RealModelsReadingTest.file(m);
        ReadResult before = WorkbookReader.read(source);
        org.junit.jupiter.api.Assumptions.assumeTrue(before.reading().unitScale() == 1, "the model states its units");
        String sheet = RealModelsReadingTest.sheet(m);
        Path captioned = dir.resolve(m.get("file").asText());
        try (InputStream in = Files.newInputStream(source); Workbook wb = WorkbookFactory.create(in)) {
            Sheet s = wb.getSheet(sheet);
            s.shiftRows(s.getFirstRowNum(), s.getLastRowNum(), 2);
            s.createRow(0).createCell(labelColumn(s)).setCellValue("All figures in USD thousands");
            try (OutputStream out = Files.newOutputStream(captioned)) {
                wb.write(out);
            }
        }
        ReadResult after = WorkbookReader.read(captioned);
        assertThat(after.reading().unitScale()).isEqualTo(1000);
        assertThat(after.reading().units()).containsIgnoringCase("thousand");
        assertThat(revenue(after)).isCloseTo(1000 * revenue(before), within(Math.abs(revenue(before)) * 1e-6));
        assertThat(cost(after)).isCloseTo(1000 * cost(before), within(Math.abs(cost(before)) * 1e-6));
        assertThat(after.model().costs()).hasSameSizeAs(before.model().costs());
    }

    private static double revenue(ReadResult r) {
        return r.model().revenue().stream().mapToDouble(RevenueLine::total).sum();
    }

    private static double cost(ReadResult r) {
        return r.model().costs().stream().filter(c -> c.reported() == Placement.COST_OF_REVENUE).mapToDouble(CostLine::total).sum();
    }
}
