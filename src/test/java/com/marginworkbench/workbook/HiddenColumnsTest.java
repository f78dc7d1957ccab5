package com.marginworkbench.workbook;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.line;
import static com.marginworkbench.workbook.Sheets.revenue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period column the workbook hides (an old year kept for the formulas) is read like the others,
 * and the reading says so, naming the column and the period, in an .xlsx (read from its XML) and
 * in an .xls (read through POI); a statement with nothing hidden says nothing of the kind.
 */
class HiddenColumnsTest {
    @TempDir
    Path dir;

    private static Sheets statement(Sheets s) {
        s.row("P&L", 0, 0, "", "FY2019", "FY2020", "FY2021", "FY2022");
        s.row("P&L", 1, 0, line("Revenue", 100, 200, 300, 400));
        s.row("P&L", 2, 0, line("Cost of revenue", 40, 80, 120, 160));
        s.row("P&L", 3, 0, line("Gross profit", 60, 120, 180, 240));
        return s;
    }

    @Test
    void aHiddenYearIsReadAndNamedInAnXlsx() throws Exception {
        Sheets s = statement(new Sheets());
        s.sheet("P&L").setColumnHidden(1, true);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("hidden-year.xlsx")));
        assertThat(revenue(r)).isEqualTo(1000);
        assertThat(cost(r)).isEqualTo(400);
        assertThat(r.reading().notes()).anyMatch(n -> n.startsWith("Column B (FY2019) is hidden in the workbook"));
    }

    @Test
    void hiddenYearsAreNamedInAnXls() throws Exception {
        Sheets s = statement(new Sheets(new HSSFWorkbook()));
        s.sheet("P&L").setColumnHidden(1, true);
        s.sheet("P&L").setColumnHidden(2, true);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("hidden-years.xls")));
        assertThat(revenue(r)).isEqualTo(1000);
        assertThat(r.reading().notes()).anyMatch(n -> n.startsWith("Columns B, C (FY2019, FY2020) are hidden"));
    }

    @Test
    void nothingHiddenNothingSaid() throws Exception {
        ReadResult r = WorkbookReader.read(statement(new Sheets()).save(dir.resolve("plain.xlsx")));
        assertThat(r.reading().notes()).noneMatch(n -> n.contains("hidden in the workbook"));
    }
}
