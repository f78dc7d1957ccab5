package com.marginworkbench.samples;

import com.marginworkbench.workbook.own.OwnModelLayout;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleModelsTest {
    static final Path COMMITTED = Path.of("sample-models");

    @TempDir
    static Path fresh;
    static List<Path> written;
    /** The per-customer usage, revenue and mapping files (CSV) written beside the workbooks. */
    static List<Path> usageWritten;

    @BeforeAll
    static void generate() throws Exception {
        List<Path> all = SampleModels.writeAll(fresh);
        written = all.stream().filter(p -> p.toString().endsWith(".xlsx")).toList();
        usageWritten = all.stream().filter(p -> p.toString().endsWith(".csv")).toList();
    }

    @Test
    void committedUsageSamplesMatchAFreshGeneration() throws Exception {
        assertThat(usageWritten).extracting(p -> p.getFileName().toString())
                .containsExactly(SampleModels.USAGE, SampleModels.REVENUE, SampleModels.CUSTOMERS);
        for (Path file : usageWritten) {
            Path committed = COMMITTED.resolve(file.getFileName());
            assertThat(committed).as("run: java -jar target/margin-workbench.jar samples sample-models").exists();
            assertThat(Files.readString(committed)).as(committed + " is stale; regenerate with the samples command")
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void ownModelHasTheSeventeenSheetsInOrder() throws Exception {
        try (Workbook wb = open(COMMITTED.resolve(SampleModels.OWN_MODEL))) {
            List<String> names = new ArrayList<>();
            wb.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
            assertThat(names).hasSize(17).containsExactlyElementsOf(OwnModelLayout.SHEETS);
            assertThat(wb.getName(OwnModelLayout.MARKER_NAME)).isNotNull();
            for (String n : List.of(OwnModelLayout.NAME_ARPA, OwnModelLayout.NAME_CHURN, OwnModelLayout.NAME_CAC,
                    OwnModelLayout.NAME_LTV_TO_CAC, OwnModelLayout.NAME_FIRST_MONTH)) {
                assertThat(wb.getName(n)).as(n).isNotNull();
            }
            for (String monthly : List.of(OwnModelLayout.REVENUE, OwnModelLayout.OPEX, OwnModelLayout.COGS,
                    OwnModelLayout.PNL)) {
                Sheet s = wb.getSheet(monthly);
                assertThat(s.getPaneInformation().isFreezePane()).as(monthly).isTrue();
                assertThat(s.getColumnWidth(0)).as(monthly).isGreaterThan(30 * 256);
            }
        }
    }

    @Test
    void everyFormulaHasACachedValueThatRecalculationConfirms() throws Exception {
        for (Path file : written) {
            try (Workbook wb = open(COMMITTED.resolve(file.getFileName()))) {
                FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                int formulas = 0;
                for (Sheet s : wb) {
                    for (Row r : s) {
                        for (Cell c : r) {
                            if (c.getCellType() != CellType.FORMULA) {
                                continue;
                            }
                            formulas++;
                            String where = file.getFileName() + " " + s.getSheetName() + "!" + c.getAddress();
                            assertThat(((XSSFCell) c).getCTCell().isSetV()).as(where).isTrue();
                            CellValue v = ev.evaluate(c);
                            CellType cached = c.getCachedFormulaResultType();
                            assertThat(v.getCellType()).as(where).isEqualTo(cached);
                            if (cached == CellType.NUMERIC) {
                                double expected = c.getNumericCellValue();
                                assertThat(v.getNumberValue()).as(where)
                                        .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
                            } else if (cached == CellType.STRING) {
                                assertThat(v.getStringValue()).as(where).isEqualTo(c.getStringCellValue());
                            }
                        }
                    }
                }
                assertThat(formulas).as(file.getFileName().toString()).isGreaterThan(10);
            }
        }
    }

    @Test
    void committedSamplesMatchAFreshGeneration() throws Exception {
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly(SampleModels.OWN_MODEL, SampleModels.CLIENT_PNL, SampleModels.CLIENT_COSTS);
        for (Path file : written) {
            Path committed = COMMITTED.resolve(file.getFileName());
            assertThat(committed).as("run: java -jar target/margin-workbench.jar samples sample-models").exists();
            assertThat(content(committed)).as(committed + " is stale; regenerate with the samples command")
                    .isEqualTo(content(file));
        }
    }

    @Test
    void clientPnlHasTheLayoutOfAHandMadeStatement() throws Exception {
        try (Workbook wb = open(COMMITTED.resolve(SampleModels.CLIENT_PNL))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet s = wb.getSheet("P&L");
            assertThat(s.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .contains("A1:N1", "A2:N2");
            Row header = s.getRow(4);
            for (int c = 1; c <= 12; c++) {
                Cell h = header.getCell(c);
                assertThat(h.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(h)).isTrue();
            }
            assertThat(header.getCell(13).getStringCellValue()).isEqualTo("FY 2026");
            Map<String, Row> rows = byLabel(s, 0);
            assertThat(rows).containsKeys("Revenue", "Cost of revenue", "Operating expenses", "Research & development",
                    "Sales & marketing", "General & administrative", "Gross profit", "Gross margin %",
                    "Total revenue", "Total cost of revenue", "Total operating expenses", "EBITDA",
                    "OpenAI API - production", "AWS hosting - production", "Pinecone (vector DB, production retrieval)",
                    "Scale AI labeling", "Zendesk (customer support)", "Stripe fees", "Anthropic API - internal tools",
                    "Datadog", "AWS promotional credits");
            assertThat(rows.get("Total cost of revenue").getCell(1).getCellFormula()).isEqualTo("SUM(B13:B16)");
            assertThat(rows.get("Stripe fees").getCell(13).getCellFormula()).isEqualTo("SUM(B16:M16)");
            assertThat(rows.get("Zendesk (customer support)").getCell(1).getStringCellValue()).isEqualTo("3,450");
            assertThat(rows.get("Datadog").getCell(3).getStringCellValue()).isEqualTo("(1,200)");
            assertThat(rows.get("AWS promotional credits").getCell(1).getNumericCellValue()).isEqualTo(-5000);
            assertThat(rows.get("Gross margin %").getCell(13).getNumericCellValue()).isBetween(0.9, 0.95);
        }
    }

    @Test
    void clientCostTableSitsMidSheetBehindNotesAndAHiddenSheet() throws Exception {
        try (Workbook wb = open(COMMITTED.resolve(SampleModels.CLIENT_COSTS))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Read me");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("Lookup"))).isTrue();
            Sheet s = wb.getSheet("Costs by quarter");
            assertThat(wb.getSheetIndex(s)).isEqualTo(3);
            assertThat(s.getRow(7).getCell(3).getStringCellValue()).isEqualTo("Line");
            assertThat(s.getRow(2).getCell(3).getStringCellValue()).isEqualTo("USD thousands");
            List<String> quarters = new ArrayList<>();
            for (int c = 6; c <= 9; c++) {
                quarters.add(s.getRow(7).getCell(c).getStringCellValue());
            }
            assertThat(quarters).containsExactly("Q1 FY26", "Q2 FY26", "Q3 FY26", "Q4 FY26");
            for (int r = 0; r < 7; r++) {
                Row row = s.getRow(r);
                assertThat(row == null || row.getCell(0) == null).as("nothing in column A above the table").isTrue();
            }
            assertThat(s.getRow(12)).isNull();
            assertThat(s.getRow(13)).isNull();
            Map<String, Row> rows = byLabel(s, 3);
            assertThat(rows).containsKeys("Revenue", "Total revenue", "Cost of revenue", "Total cost of revenue",
                    "Operating expenses", "R&D", "S&M", "G&A");
            assertThat(rows.get("Azure OpenAI - patient triage (production)").getCell(4).getStringCellValue())
                    .isEqualTo("Customer-facing inference");
            assertThat(rows.get("Azure hosting - production").getCell(4)).isNull();
            assertThat(rows.get("Total cost of revenue").getCell(10).getNumericCellValue())
                    .isCloseTo(1421.9, within(1e-9));
        }
    }

    private static Map<String, Row> byLabel(Sheet s, int col) {
        Map<String, Row> out = new TreeMap<>();
        for (Row r : s) {
            Cell c = r.getCell(col);
            if (c != null && c.getCellType() == CellType.STRING) {
                out.put(c.getStringCellValue().trim(), r);
            }
        }
        return out;
    }

    @Test
    void generationIsByteForByteRepeatable(@TempDir Path again) throws Exception {
        for (Path second : SampleModels.writeAll(again)) {
            assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(fresh.resolve(second.getFileName())));
        }
    }

    /** Every cell's value or formula, every defined name and the sheet visibility, as text. */
    static Map<String, String> content(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Workbook wb = open(file)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet s = wb.getSheetAt(i);
                out.put("sheet " + i, s.getSheetName() + (wb.isSheetHidden(i) ? " hidden" : ""));
                for (Row r : s) {
                    for (Cell c : r) {
                        String v = switch (c.getCellType()) {
                            case FORMULA -> "=" + c.getCellFormula();
                            case NUMERIC -> Double.toString(c.getNumericCellValue());
                            case STRING -> '"' + c.getStringCellValue() + '"';
                            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
                            default -> c.getCellType().name();
                        };
                        out.put(s.getSheetName() + "!" + c.getAddress() + " " + c.getCellStyle().getDataFormatString(),
                                v);
                    }
                }
            }
            for (Name n : wb.getAllNames()) {
                out.put("name " + n.getNameName(), n.getRefersToFormula());
            }
        }
        return out;
    }

    static Workbook open(Path file) throws Exception {
        return WorkbookFactory.create(file.toFile(), null, true);
    }
}
