package com.marginworkbench.workbook;

import com.marginworkbench.model.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.revenue;
import static com.marginworkbench.workbook.Sheets.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Layouts of published statements and templates, each in a small workbook written here: a filing's
 * years typed as numbers newest first, two years over an account-code column, years headed Actual /
 * Forecast / Budget, half-years, fiscal periods P1..P13, a year total before its months, units in a
 * sheet's name, year blocks stacked on one sheet, a monthly report's Actual column, statements side
 * by side, and the same statement on several sheets (actuals, scenarios, the consolidated one).
 */
class PublishedLayoutsTest {
    @TempDir
    Path dir;

    @Test
    void aFilingsYearsTypedAsNumbersNewestFirst() throws Exception {
        Sheets s = new Sheets();
        String is = "Income Statement";
        s.row(is, 0, 0, "CONSOLIDATED STATEMENTS OF OPERATIONS");
        s.row(is, 1, 0, "(In millions, except per share amounts)");
        s.row(is, 2, 1, "Year Ended December 31,");
        s.row(is, 3, 1, 2024.0, 2023.0, 2022.0);
        s.row(is, 4, 0, "Revenues:");
        s.row(is, 5, 0, line("Product revenue", 600, 500, 400));
        s.row(is, 6, 0, line("Services revenue", 400, 350, 300));
        s.row(is, 7, 0, line("Total revenues", 1000, 850, 700));
        s.row(is, 8, 0, "Cost of revenues:");
        s.row(is, 9, 0, line("Cost of product revenue", 300, 260, 220));
        s.row(is, 10, 0, line("Cost of services revenue", 150, 140, 120));
        s.row(is, 11, 0, line("Total cost of revenues", 450, 400, 340));
        s.row(is, 12, 0, line("Gross margin", 550, 450, 360));
        s.row(is, 13, 0, line("Research and development", 200, 180, 160));
        s.row(is, 14, 0, line("Operating income", 350, 270, 200));
        s.row(is, 15, 0, "Earnings per share:");
        s.row(is, 16, 0, line("Basic", 1.5, 0.95, 0.48));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("filing.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2022", "2023", "2024");
        assertThat(r.model().revenue().get(0).amounts()[0]).isEqualTo(400e6, within(0.01));
        assertThat(revenue(r)).isEqualTo(2550e6, within(1.0));
        assertThat(cost(r)).isEqualTo(1190e6, within(1.0));
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void twoYearsTypedAsNumbersOverLabelsBesideAccountCodes() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, null, null, 2024.0, 2025.0);
        s.row("P&L", 1, 0, 4000.0, "Revenue", 1000.0, 1200.0);
        s.row("P&L", 2, 0, 5000.0, "Cost of sales", 400.0, 500.0);
        s.row("P&L", 3, 0, null, "Gross profit", 600.0, 700.0);
        s.row("P&L", 4, 0, 6000.0, "Overheads", 300.0, 300.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("two-years.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2024", "2025");
        assertThat(r.reading().table().labelColumn()).isEqualTo("B");
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isEqualTo(900);

        // a UK filing: this year first, last year beside it
        Sheets uk = new Sheets();
        uk.row("Accounts", 0, 0, "Profit and loss account", null, 2025.0, 2024.0);
        uk.row("Accounts", 1, 0, null, "Note", "£", "£");
        uk.row("Accounts", 2, 0, "Turnover", 3.0, 50000.0, 40000.0);
        uk.row("Accounts", 3, 0, "Cost of sales", null, 20000.0, 18000.0);
        uk.row("Accounts", 4, 0, "Gross profit", null, 30000.0, 22000.0);
        uk.row("Accounts", 5, 0, "Administrative expenses", null, 10000.0, 9000.0);
        uk.row("Accounts", 6, 0, "Operating profit", 4.0, 20000.0, 13000.0);
        ReadResult f = WorkbookReader.read(uk.save(dir.resolve("uk-accounts.xlsx")));
        assertThat(f.model().periods().labels()).containsExactly("2024", "2025");
        assertThat(revenue(f)).isEqualTo(90000);
        assertThat(cost(f)).isEqualTo(38000);
    }

    @Test
    void yearsHeadedActualForecastAndBudget() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 1, 1, "USD", "Actual 2024", "Forecast 2025", "Budget 2026");
        s.row("P&L", 2, 1, line("Revenue", 1000, 1200, 1400));
        s.row("P&L", 3, 1, line("Cost of Revenue", 300, 350, 400));
        s.row("P&L", 4, 1, line("Gross Profit", 700, 850, 1000));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("act-fc-bud.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(3);
        assertThat(revenue(r)).isEqualTo(3600);
        assertThat(cost(r)).isEqualTo(1050);
        assertThat(r.model().periods().firstForecastFromHeadings()).isEqualTo(1);
    }

    @Test
    void halfYears() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "USD", "H1 2025", "H2 2025", "H1 2026", "H2 2026");
        s.row("P&L", 1, 0, line("Revenue", 100, 120, 140, 160));
        s.row("P&L", 2, 0, line("Cost of sales", 40, 45, 50, 55));
        s.row("P&L", 3, 0, line("Gross profit", 60, 75, 90, 105));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("halves.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(4);
        assertThat(r.model().periods().monthsPerPeriod()).isEqualTo(6);
        assertThat(r.model().periods().start(1)).isEqualTo(java.time.YearMonth.of(2025, 7));
        assertThat(revenue(r)).isEqualTo(520);
        assertThat(cost(r)).isEqualTo(190);

        // written number first, with the year they add up to after them
        Sheets t = new Sheets();
        t.row("P&L", 0, 0, "USD", "1H25", "2H25", "FY25", "1H26");
        t.row("P&L", 1, 0, line("Revenue", 100, 120, 220, 140));
        t.row("P&L", 2, 0, line("Cost of sales", 40, 45, 85, 50));
        t.row("P&L", 3, 0, line("Gross profit", 60, 75, 135, 90));
        ReadResult h = WorkbookReader.read(t.save(dir.resolve("halves-with-year.xlsx")));
        assertThat(h.model().periods().labels()).containsExactly("1H25", "2H25", "1H26");
        assertThat(revenue(h)).isEqualTo(360);
    }

    @Test
    void aYearTotalWrittenBeforeItsMonthsIsATotal() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "FY2026", "Jan-26", "Feb-26", "Mar-26");
        s.row("P&L", 1, 0, line("Revenue", 330, 100, 110, 120));
        s.row("P&L", 2, 0, line("Cost of revenue", 90, 30, 30, 30));
        s.row("P&L", 3, 0, line("Gross profit", 240, 70, 80, 90));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("year-first.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan-26", "Feb-26", "Mar-26");
        assertThat(revenue(r)).isEqualTo(330);
        assertThat(cost(r)).isEqualTo(90);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("FY2026 adds up periods after it"));
    }

    @Test
    void fiscalPeriodsNumberedP1ToP13() throws Exception {
        Sheets s = new Sheets();
        Object[] header = new Object[14];
        header[0] = "GBP";
        double[] rev = new double[13];
        double[] cogs = new double[13];
        double[] gp = new double[13];
        for (int i = 0; i < 13; i++) {
            header[i + 1] = "P" + (i + 1);
            rev[i] = 100 + i;
            cogs[i] = 40;
            gp[i] = rev[i] - 40;
        }
        s.row("P&L", 0, 1, "FY2026");
        s.row("P&L", 1, 0, header);
        s.row("P&L", 2, 0, line("Sales", rev));
        s.row("P&L", 3, 0, line("Cost of sales", cogs));
        s.row("P&L", 4, 0, line("Gross profit", gp));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("p1-p13.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(13);
        assertThat(r.model().periods().label(12)).isEqualTo("P13 FY2026");
        assertThat(revenue(r)).isEqualTo(1378);
        assertThat(cost(r)).isEqualTo(520);
    }

    @Test
    void unitsNamedInTheSheetNameAreApplied() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L ($000)", 0, 0, "", "2025", "2026");
        s.row("P&L ($000)", 1, 0, line("Revenue", 1000, 1200));
        s.row("P&L ($000)", 2, 0, line("Cost of revenue", 400, 450));
        s.row("P&L ($000)", 3, 0, line("Gross profit", 600, 750));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("units-sheet.xlsx")));
        assertThat(r.reading().unitScale()).isEqualTo(1000);
        assertThat(revenue(r)).isEqualTo(2_200_000);
        assertThat(cost(r)).isEqualTo(850_000);
    }

    @Test
    void amountsTypedAsTextWithThousandsSeparatorsNameNoUnits() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2024", "2025");
        s.row("P&L", 1, 0, "Revenue", "1,000", "1,200");
        s.row("P&L", 2, 0, "Cost of sales", "(400)", "(450)");
        s.row("P&L", 3, 0, "Gross profit", "600", "750");
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("text-amounts.xlsx")));
        assertThat(r.reading().units()).isNull();
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isEqualTo(850);
    }

    @Test
    void yearBlocksStackedOnOneSheetAreReadTogether() throws Exception {
        // each year's months under a title naming the year, one block below the other
        Sheets s = new Sheets();
        String[] m = {"Jan", "Feb", "Mar"};
        for (int y = 1; y >= 0; y--) {
            int top = (1 - y) * 7;
            s.row("P&L", top, 0, "Profit and loss FY" + (2025 + y));
            s.row("P&L", top + 1, 0, "", m[0], m[1], m[2]);
            s.row("P&L", top + 2, 0, line("Revenue", 100 + y * 100, 100 + y * 100, 100 + y * 100));
            s.row("P&L", top + 3, 0, line("Cost of revenue", 40, 40, 40));
            s.row("P&L", top + 4, 0, line("Gross profit", 60 + y * 100, 60 + y * 100, 60 + y * 100));
        }
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("stacked-years.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan (FY2025)", "Feb (FY2025)", "Mar (FY2025)",
                "Jan (FY2026)", "Feb (FY2026)", "Mar (FY2026)");
        assertThat(r.model().revenue().get(0).amounts()).containsExactly(100, 100, 100, 200, 200, 200);
        assertThat(cost(r)).isEqualTo(240);

        // dated months, a year a block: read together too
        Sheets d = new Sheets();
        for (int y = 0; y < 2; y++) {
            int top = y * 6;
            d.row("P&L", top, 0, "", "Jan-" + (25 + y), "Feb-" + (25 + y));
            d.row("P&L", top + 1, 0, line("Revenue", 100 + y * 100, 100 + y * 100));
            d.row("P&L", top + 2, 0, line("Cost of revenue", 40, 40));
            d.row("P&L", top + 3, 0, line("Gross profit", 60 + y * 100, 60 + y * 100));
        }
        ReadResult dated = WorkbookReader.read(d.save(dir.resolve("stacked-dated.xlsx")));
        assertThat(dated.model().periods().labels()).containsExactly("Jan-25", "Feb-25", "Jan-26", "Feb-26");
        assertThat(revenue(dated)).isEqualTo(600);
    }

    @Test
    void aMonthlyReportsActualColumnIsTheMonthItsTitleNames() throws Exception {
        Sheets s = new Sheets();
        String[] months = {"February 2026", "January 2026"};
        for (int i = 0; i < 2; i++) {
            String sheet = months[i].substring(0, 3);
            s.row(sheet, 0, 0, "Management accounts - " + months[i]);
            s.row(sheet, 2, 0, "", "Actual", "Budget", "Variance", "YTD Actual", "YTD Budget", "YTD Variance");
            s.row(sheet, 3, 0, line("Revenue", 120 - i * 20, 110, 10, 330, 320, 10));
            s.row(sheet, 4, 0, line("Cost of sales", 40, 38, -2, 115, 110, -5));
            s.row(sheet, 5, 0, line("Gross profit", 80 - i * 20, 72, 8, 215, 210, 5));
            s.row(sheet, 6, 0, line("Overheads", 50, 50, 0, 150, 150, 0));
        }
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("monthly-report.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan-26", "Feb-26");
        assertThat(r.model().revenue().get(0).amounts()).containsExactly(100, 120);
        assertThat(cost(r)).isEqualTo(80);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("'Actual' column"));
    }

    private static void statement(Sheets s, String sheet, double[] revenue, double[] cost) {
        s.row(sheet, 0, 0, "", "Jan-26", "Feb-26");
        s.row(sheet, 1, 0, line("Revenue", revenue));
        s.row(sheet, 2, 0, line("Cost of revenue", cost));
        s.row(sheet, 3, 0, line("Gross profit", revenue[0] - cost[0], revenue[1] - cost[1]));
    }

    @Test
    void theActualsAreReadWhereABudgetSheetHoldsTheSameStatement() throws Exception {
        Sheets s = new Sheets();
        statement(s, "Budget 2026", new double[] {500, 600}, new double[] {200, 200});
        statement(s, "Actuals 2026", new double[] {450, 520}, new double[] {190, 210});
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("budget-actuals.xlsx")));
        assertThat(r.reading().table().sheet()).isEqualTo("Actuals 2026");
        assertThat(revenue(r)).isEqualTo(970);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("Budget 2026"));

        // two scenarios, neither the actuals: the first is read, said so, at medium confidence
        Sheets t = new Sheets();
        statement(t, "Base case", new double[] {500, 600}, new double[] {200, 200});
        statement(t, "Downside case", new double[] {450, 520}, new double[] {190, 210});
        ReadResult base = WorkbookReader.read(t.save(dir.resolve("scenario-sheets.xlsx")));
        assertThat(base.reading().table().sheet()).isEqualTo("Base case");
        assertThat(base.reading().confidence()).isEqualTo(Reading.Confidence.MEDIUM);
        assertThat(base.reading().reasons()).anyMatch(x -> x.contains("Downside case"));

        // a statement a product, then the consolidated one: the consolidated one
        Sheets u = new Sheets();
        statement(u, "Product A", new double[] {500, 600}, new double[] {200, 200});
        statement(u, "Product B", new double[] {300, 400}, new double[] {100, 150});
        statement(u, "Consolidated", new double[] {800, 1000}, new double[] {300, 350});
        ReadResult whole = WorkbookReader.read(u.save(dir.resolve("products-consolidated.xlsx")));
        assertThat(whole.reading().table().sheet()).isEqualTo("Consolidated");
        assertThat(revenue(whole)).isEqualTo(1800);
        assertThat(whole.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void statementsSideBySideUnderOneHeaderRowAreSeparateTables() throws Exception {
        // the years on the left, the first months on the right, each with its own line names
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Annual", "2025", "2026", null, "Monthly", "Jan-25", "Feb-25", "Mar-25");
        s.row("P&L", 1, 0, "Revenue", 1200.0, 1500.0, null, "Revenue", 100.0, 100.0, 100.0);
        s.row("P&L", 2, 0, "Cost of revenue", 480.0, 600.0, null, "Cost of revenue", 40.0, 40.0, 40.0);
        s.row("P&L", 3, 0, "Gross profit", 720.0, 900.0, null, "Gross profit", 60.0, 60.0, 60.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("side-by-side.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2025", "2026");
        assertThat(revenue(r)).isEqualTo(2700);
        assertThat(cost(r)).isEqualTo(1080);
    }

    @Test
    void filedAccountsWithTwoColumnsAYearAndTheYearOverTheLeftOne() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "PROFIT AND LOSS ACCOUNT FOR THE YEAR ENDED 31 MARCH 2025");
        s.row("P&L", 2, 0, null, "Notes", "2025", null, "2024");
        s.row("P&L", 3, 2, "£", "£", "£", "£");
        s.row("P&L", 4, 0, "TURNOVER", 2.0, null, 850000.0, null, 700000.0);
        s.row("P&L", 5, 0, "Cost of sales", null, null, -500000.0, null, -420000.0);
        s.row("P&L", 6, 0, "GROSS PROFIT", null, null, 350000.0, null, 280000.0);
        s.row("P&L", 7, 0, "Administrative expenses", null, null, -200000.0, null, -180000.0);
        s.row("P&L", 8, 0, "OPERATING PROFIT", 4.0, null, 150000.0, null, 100000.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("two-columns-a-year.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2024", "2025");
        assertThat(revenue(r)).isEqualTo(1_550_000);
        assertThat(cost(r)).isEqualTo(920_000);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }
}
