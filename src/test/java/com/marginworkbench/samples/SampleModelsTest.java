package com.marginworkbench.samples;

import com.marginworkbench.workbook.OwnModelLayout;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

    @BeforeAll
    static void generate() throws Exception {
        written = SampleModels.writeAll(fresh);
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
                .containsExactly(SampleModels.OWN_MODEL);
        for (Path file : written) {
            Path committed = COMMITTED.resolve(file.getFileName());
            assertThat(committed).as("run: java -jar target/margin-workbench.jar samples sample-models").exists();
            assertThat(content(committed)).as(committed + " is stale; regenerate with the samples command")
                    .isEqualTo(content(file));
        }
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
