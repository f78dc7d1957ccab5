package com.marginworkbench.workbook.own;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The own model is read from saved values straight from the zip when it can be, and through POI's
 * user model otherwise; both must give the same result, and the quick read must step aside when a
 * cell it needs has no saved value.
 */
class OwnModelReadPathsTest {
    private static final Path SAMPLE = OwnModelReaderTest.SAMPLE;

    @Test
    void savedValuesGiveTheSameResultAsTheUserModel() throws Exception {
        ReadResult quick = OwnModelReader.readSavedValues(SAMPLE, null);
        assertThat(quick).as("the sample has every value saved").isNotNull();
        assertSame(quick, userModel(SAMPLE));
        assertSame(WorkbookReader.read(SAMPLE), quick);
    }

    @Test
    void errorsTextNumbersAndUnknownTypesReadTheSameOnBothPaths(@TempDir Path dir) throws Exception {
        Path copy = edited(dir, wb -> {
            Cell e9 = wb.getSheet(OwnModelLayout.OPEX).getRow(8).getCell(4);
            e9.setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(e9);
            wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(4).setCellValue("(1,250)");
            wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(1).setCellValue("Sponsorships");
            wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(2).setCellValue("AI 40%");
        });
        ReadResult quick = OwnModelReader.readSavedValues(copy, null);
        assertThat(quick).isNotNull();
        assertThat(quick.problems()).extracting(Problem::source).containsExactly("OpEx!E9", "OpEx!B20");
        assertSame(quick, userModel(copy));
    }

    @Test
    void aFormulaSavedWithoutItsResultFallsBackToTheUserModel(@TempDir Path dir) throws Exception {
        Path copy = edited(dir, wb -> {
            XSSFCell d20 = wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(3);
            d20.setCellFormula("2000+3");
            d20.getCTCell().unsetV();
        });
        assertThat(OwnModelReader.readSavedValues(copy, null)).isNull();
        ReadResult r = WorkbookReader.read(copy);
        CostLine programs = r.model().costs().stream()
                .filter(c -> c.label().equals("Marketing programs")).findFirst().orElseThrow();
        assertThat(programs.amount(0)).isEqualTo(2003.0);
        assertThat(r.problems()).isEmpty();
        assertSame(r, userModel(copy));
    }

    /**
     * The same model saved with the 1904 date system (every date cell holding its 1904 serial, as
     * Excel on a Mac would save it) reads with the same months and fiscal year on both paths.
     */
    @Test
    void aModelSavedWithThe1904DateSystemReadsTheSameMonths(@TempDir Path dir) throws Exception {
        ReadResult original = WorkbookReader.read(SAMPLE);
        int[] shifted = {0};
        Path copy = edited(dir, wb -> {
            var ct = wb.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (Cell c : row) {
                        boolean number = c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                || c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                                && c.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC;
                        if (number && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)) {
                            // the value stays the same date; its serial counts from 1904 (a formula keeps its formula)
                            c.setCellValue(c.getNumericCellValue() - 1462);
                            shifted[0]++;
                        }
                    }
                }
            }
        });
        assertThat(shifted[0]).as("the sample has date cells").isGreaterThan(12);
        ReadResult quick = OwnModelReader.readSavedValues(copy, null);
        assertThat(quick).isNotNull();
        ReadResult slow = userModel(copy);
        List<ReadResult> reads = List.of(quick, slow, WorkbookReader.read(copy));
        List<String> paths = List.of("saved values", "user model", "the reader");
        for (int i = 0; i < reads.size(); i++) {
            ReadResult r = reads.get(i);
            assertThat(r.ownModel()).isTrue();
            assertThat(r.model().periods().labels()).as(paths.get(i)).isEqualTo(original.model().periods().labels());
            assertThat(r.model().fiscalYearStart()).as(paths.get(i)).isEqualTo(original.model().fiscalYearStart());
        }
        assertThat(original.model().periods().labels().get(0)).as("months, not numbers").matches("[A-Z][a-z]{2}-\\d\\d");
    }

    private static ReadResult userModel(Path file) throws Exception {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            return OwnModelReader.read(wb, file);
        }
    }

    private static Path edited(Path dir, Consumer<XSSFWorkbook> edit) throws Exception {
        Path out = dir.resolve("edited-model.xlsx");
        try (InputStream in = Files.newInputStream(SAMPLE); XSSFWorkbook wb = new XSSFWorkbook(in);
             OutputStream os = Files.newOutputStream(out)) {
            edit.accept(wb);
            wb.write(os);
        }
        return out;
    }

    private static void assertSame(ReadResult actual, ReadResult expected) {
        assertThat(actual.ownModel()).isTrue();
        // Exactly the same doubles, NaN for NaN.
        assertThat(actual.model()).usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class).isEqualTo(expected.model());
        assertThat(actual.decisions()).isEqualTo(expected.decisions());
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(actual.sheets()).isEqualTo(expected.sheets());
        assertThat(actual.file()).isEqualTo(expected.file());
    }
}
