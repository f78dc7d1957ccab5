package com.marginworkbench.workbook;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.RowRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.revenue;
import static com.marginworkbench.workbook.Sheets.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Layouts real models share that the real-model corpus does not show, each in a small workbook
 * written here: a drivers block and KPI rows above the P&amp;L, funding rows, salaries below gross
 * profit, a units caption, a statement split over three sheets, periods down the rows, months
 * followed by Year 2 and Year 3, Actual beside Budget, numbered months, and readings that must come
 * out low confidence.
 */
class StatementPatternsTest {
    @TempDir
    Path dir;

    private static Object[] months(int n) {
        Object[] m = new Object[n];
        String[] names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < n; i++) {
            m[i] = names[i % 12];
        }
        return m;
    }

    @Test
    void startupProjectionWithDriversKpisFundingAndACaption() throws Exception {
        Sheets s = new Sheets();
        s.row("Model", 0, 0, "Startup projection");
        s.row("Model", 1, 0, "All figures in USD thousands");
        s.row("Model", 3, 0, "Drivers");
        s.row("Model", 4, 0, "Label", "Y1", "Y2", "Y3");
        s.row("Model", 5, 0, line("Price per seat", 30, 32, 34));
        s.row("Model", 6, 0, line("Monthly growth rate", 0.05, 0.04, 0.03));
        s.row("Model", 8, 0, "Profit and loss");
        s.row("Model", 9, 0, "Line", "Y1", "Y2", "Y3");
        s.row("Model", 10, 0, line("Active Customers", 120, 300, 650));
        s.row("Model", 11, 0, line("ARR", 900, 2400, 5000));
        s.row("Model", 12, 0, line("Products:", 500, 1500, 3200));
        s.row("Model", 13, 0, line("Services", 100, 300, 600));
        s.row("Model", 14, 0, line("Government Loans", 250, 0, 0));
        s.row("Model", 15, 0, line("Equity", 1000, 0, 2000));
        s.row("Model", 16, 0, line("Total Revenue", 600, 1800, 3800));
        s.row("Model", 17, 0, line("Cost of Products:", 200, 540, 1100));
        s.row("Model", 18, 0, line("Gross Profit", 400, 1260, 2700));
        s.row("Model", 19, 0, line("Cost of Personnel", 300, 700, 1300));
        s.row("Model", 20, 0, line("Servers", 40, 90, 160));
        s.row("Model", 21, 0, line("EBITDA", 60, 470, 1240));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("startup.xlsx")));
        Reading reading = r.reading();
        assertThat(reading.table().headerRow()).isEqualTo(10);
        assertThat(reading.units()).isEqualTo("USD thousands");
        assertThat(r.model().revenue()).extracting(RevenueLine::label).containsExactly("Products:", "Services");
        assertThat(revenue(r)).isEqualTo(6_200_000, within(0.01));
        assertThat(cost(r)).isEqualTo(1_840_000, within(0.01));
        assertThat(r.model().costs()).filteredOn(c -> c.label().equals("Cost of Personnel")).singleElement()
                .extracting(CostLine::reported).isNotEqualTo(Placement.COST_OF_REVENUE);
        assertThat(reading.rows()).filteredOn(x -> x.label().equals("Government Loans") || x.label().equals("Equity"))
                .extracting(Reading.Row::role).containsOnly(RowRole.FINANCING);
        assertThat(reading.rows()).filteredOn(x -> x.label().equals("Active Customers") || x.label().equals("ARR"))
                .extracting(Reading.Row::role).containsOnly(RowRole.KPI);
        assertThat(reading.checks()).extracting(Reading.Check::holds).contains(true).doesNotContain(false);
        assertThat(reading.confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void aStatementSplitOverThreeSheetsIsJoinedInPeriodOrder() throws Exception {
        Sheets s = new Sheets();
        for (int y = 3; y >= 1; y--) {
            String sheet = "Year " + y;
            s.row(sheet, 0, 0, "P&L - year " + y);
            Object[] header = new Object[13];
            header[0] = "Line";
            System.arraycopy(months(12), 0, header, 1, 12);
            s.row(sheet, 1, 0, header);
            double[] rev = new double[12];
            double[] cogs = new double[12];
            double[] gp = new double[12];
            double[] opex = new double[12];
            for (int m = 0; m < 12; m++) {
                rev[m] = 1000 * y + m;
                cogs[m] = 300 * y;
                gp[m] = rev[m] - cogs[m];
                opex[m] = 200;
            }
            s.row(sheet, 2, 0, line("Revenue", rev));
            s.row(sheet, 3, 0, line("Cost of sales", cogs));
            s.row(sheet, 4, 0, line("Gross profit", gp));
            s.row(sheet, 5, 0, line("Salaries", opex));
        }
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("three-years.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(36);
        assertThat(r.model().periods().label(0)).isEqualTo("Jan (Year 1)");
        assertThat(r.model().periods().label(35)).isEqualTo("Dec (Year 3)");
        assertThat(r.reading().tables()).extracting(Reading.Table::sheet).containsExactly("Year 1", "Year 2", "Year 3");
        assertThat(r.model().revenue()).hasSize(1);
        assertThat(r.model().revenue().get(0).amount(0)).isEqualTo(1000);
        assertThat(r.model().revenue().get(0).amount(35)).isEqualTo(3011);
        assertThat(cost(r)).isEqualTo(12 * 300 * 6, within(0.01));
    }

    @Test
    void periodsDownTheRowsAreReadTurned() throws Exception {
        Sheets s = new Sheets();
        s.row("History", 0, 0, "Year", "Revenue", "Cost of goods sold", "Gross profit", "Operating expenses");
        s.row("History", 1, 0, "FY2023", 900.0, 400.0, 500.0, 200.0);
        s.row("History", 2, 0, "FY2021", 500.0, 250.0, 250.0, 100.0);
        s.row("History", 3, 0, "FY2022", 700.0, 300.0, 400.0, 150.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("turned.xlsx")));
        assertThat(r.reading().table().orientation()).isEqualTo("periods in rows");
        assertThat(r.model().periods().labels()).containsExactly("FY2021", "FY2022", "FY2023");
        assertThat(r.model().revenue().get(0).amounts()).containsExactly(500, 700, 900);
        assertThat(cost(r)).isEqualTo(950);
    }

    @Test
    void monthsThenYearTwoAndThreeAreAllPeriodsWhileAFullYearTotalIsNot() throws Exception {
        Sheets s = new Sheets();
        Object[] header = new Object[16];
        header[0] = "P&L";
        System.arraycopy(months(12), 0, header, 1, 12);
        header[13] = "Year 1 total";
        header[14] = "Year 2";
        header[15] = "Year 3";
        s.row("P&L", 0, 0, header);
        double[] rev = new double[15];
        double[] cogs = new double[15];
        double[] gp = new double[15];
        for (int m = 0; m < 12; m++) {
            rev[m] = 100;
            cogs[m] = 40;
        }
        rev[12] = 1200;
        cogs[12] = 480;
        rev[13] = 3000;
        cogs[13] = 1100;
        rev[14] = 6000;
        cogs[14] = 2000;
        for (int i = 0; i < 15; i++) {
            gp[i] = rev[i] - cogs[i];
        }
        s.row("P&L", 1, 0, line("Revenue", rev));
        s.row("P&L", 2, 0, line("COGS", cogs));
        s.row("P&L", 3, 0, line("Gross profit", gp));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("months-then-years.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(14);
        assertThat(r.model().periods().label(12)).isEqualTo("Year 2");
        assertThat(revenue(r)).isEqualTo(1200 + 3000 + 6000);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("mix lengths"));
    }

    @Test
    void actualIsReadWhereBudgetSitsBesideIt() throws Exception {
        Sheets s = new Sheets();
        s.row("Mgmt", 0, 1, "Actual", null, "Budget", null);
        s.row("Mgmt", 1, 0, "Line", "Jan-25", "Feb-25", "Jan-25", "Feb-25");
        s.row("Mgmt", 2, 0, "Net sales", 100.0, 110.0, 120.0, 130.0);
        s.row("Mgmt", 3, 0, "Cost of sales", 30.0, 33.0, 30.0, 30.0);
        s.row("Mgmt", 4, 0, "Gross profit", 70.0, 77.0, 90.0, 100.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("actual-budget.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(2);
        assertThat(revenue(r)).isEqualTo(210);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("Actual"));
    }

    @Test
    void numberedMonthsUnderAMonthHeading() throws Exception {
        Sheets s = new Sheets();
        List<Object> header = new ArrayList<>();
        header.add("Month");
        double[] rev = new double[37];
        double[] cogs = new double[37];
        for (int m = 0; m <= 36; m++) {
            header.add((double) m);
            rev[m] = 10 + m;
            cogs[m] = 2;
        }
        s.row("Forecast", 0, 0, header.toArray());
        s.row("Forecast", 1, 0, line("Subscription revenue", rev));
        s.row("Forecast", 2, 0, line("Hosting costs", cogs));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("numbered.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(37);
        assertThat(r.model().periods().label(0)).isEqualTo("Month 0");
        assertThat(cost(r)).isEqualTo(74);
    }

    @Test
    void aRowUnderGrossMarginIsAnOperatingExpenseThoughNoHeadingSaysSo() throws Exception {
        // A management report: cost of sales, then "Gross margin", then overheads with no heading of
        // their own. Both readings take the same rows; only the statement reading puts payroll below
        // gross profit, and it must win.
        Sheets s = new Sheets();
        s.row("Report", 0, 0, "Line", "Jan-26", "Feb-26");
        s.row("Report", 1, 0, line("Revenue", 100, 120));
        s.row("Report", 2, 0, line("Cost of sales", 30, 35));
        s.row("Report", 3, 0, line("Gross margin", 70, 85));
        s.row("Report", 4, 0, line("Payroll", 40, 42));
        s.row("Report", 5, 0, line("Marketing", 10, 11));
        s.row("Report", 6, 0, line("Total overheads", 50, 53));
        s.row("Report", 7, 0, line("Net profit", 20, 32));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("management-report.xlsx")));
        assertThat(cost(r)).isEqualTo(65);
        assertThat(r.model().costs()).filteredOn(c -> c.label().equals("Payroll")).singleElement()
                .satisfies(c -> assertThat(c.reported().isCostOfRevenue()).isFalse());
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void numberedMonthsThenTheirYearTotalsAreReadAsMonths() throws Exception {
        // Month 1..24, then "Year 1" and "Year 2": the totals of the first and the second twelve.
        Sheets s = new Sheets();
        List<Object> header = new ArrayList<>();
        header.add("Month");
        double[] rev = new double[26];
        double[] cogs = new double[26];
        for (int m = 1; m <= 24; m++) {
            header.add((double) m);
            rev[m - 1] = 1000 + 100 * m;
            cogs[m - 1] = 300 + 20 * m;
            rev[24 + (m - 1) / 12] += rev[m - 1];
            cogs[24 + (m - 1) / 12] += cogs[m - 1];
        }
        header.add("Year 1");
        header.add("Year 2");
        s.row("Forecast", 0, 0, header.toArray());
        s.row("Forecast", 1, 0, line("Total revenue", rev));
        s.row("Forecast", 2, 0, line("Cost of goods sold", cogs));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("months-then-year-totals.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(24);
        assertThat(r.model().periods().label(23)).isEqualTo("Month 24");
        assertThat(revenue(r)).isEqualTo(24 * 1000 + 100 * 300);
        assertThat(cost(r)).isEqualTo(24 * 300 + 20 * 300);
    }

    @Test
    void datesTypedAsTextDayFirstOrMonthFirst() throws Exception {
        Sheets s = new Sheets();
        s.row("UK", 0, 0, "Line item", "31/01/2026", "28/02/2026", "31/03/2026");
        s.row("UK", 1, 0, line("Turnover", 500, 520, 540));
        s.row("UK", 2, 0, line("Cost of sales", 200, 210, 220));
        s.row("UK", 3, 0, line("Gross profit", 300, 310, 320));
        ReadResult uk = WorkbookReader.read(s.save(dir.resolve("uk-dates.xlsx")));
        assertThat(uk.model().periods().count()).isEqualTo(3);
        assertThat(uk.model().periods().label(0)).isEqualTo("Jan-26");
        assertThat(cost(uk)).isEqualTo(630);

        Sheets us = new Sheets();
        us.row("US", 0, 0, "Line item", "1/1/26", "2/1/26", "3/1/26", "4/1/26");
        us.row("US", 1, 0, line("Revenue", 10, 11, 12, 13));
        us.row("US", 2, 0, line("Cost of revenue", 4, 4, 4, 4));
        ReadResult r = WorkbookReader.read(us.save(dir.resolve("us-dates.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(4);
        assertThat(r.model().periods().label(3)).isEqualTo("Apr-26");
    }

    @Test
    void quartersWrittenNumberFirstWithLabelsIndentedByColumn() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 1, 3, "1Q25", "2Q25", "3Q25", "4Q25");
        s.row("P&L", 2, 1, "Revenue");
        s.row("P&L", 3, 2, line("Product A", 100, 110, 120, 130));
        s.row("P&L", 4, 2, line("Product B", 50, 55, 60, 65));
        s.row("P&L", 5, 1, "Total revenue", null, 150.0, 165.0, 180.0, 195.0);
        s.row("P&L", 6, 1, "Cost of revenue");
        s.row("P&L", 7, 2, line("Inference (OpenAI)", 30, 33, 36, 39));
        s.row("P&L", 8, 1, "Gross profit", null, 120.0, 132.0, 144.0, 156.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("indented.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(4);
        assertThat(r.model().periods().granularity()).isEqualTo(com.marginworkbench.model.Granularity.QUARTER);
        assertThat(revenue(r)).isEqualTo(690);
        assertThat(cost(r)).isEqualTo(138);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void costLinesWithNoHeadingAboveTheirTotalAreCostOfRevenue() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Line", "2025", "2026");
        s.row("P&L", 1, 0, line("Subscription revenue", 1000, 2000));
        s.row("P&L", 2, 0, line("Total revenue", 1000, 2000));
        s.row("P&L", 3, 0, line("Hosting", 200, 350));
        s.row("P&L", 4, 0, line("Inference", 160, 250));
        s.row("P&L", 5, 0, line("Total cost of revenue", 360, 600));
        s.row("P&L", 6, 0, line("Gross profit", 640, 1400));
        s.row("P&L", 7, 0, line("Salaries", 700, 900));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("no-cost-heading.xlsx")));
        assertThat(cost(r)).isEqualTo(960);
        assertThat(r.model().costs()).extracting(CostLine::label).containsExactly("Hosting", "Inference", "Salaries");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void quartersTakeTheYearNamedOverThem() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 1, "FY2025", null, null, null, "FY2026", null, null, null);
        s.row("P&L", 1, 0, "USD", "Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4");
        s.row("P&L", 2, 0, line("Revenue", 10, 11, 12, 13, 14, 15, 16, 17));
        s.row("P&L", 3, 0, line("Cost of revenue", 3, 3, 4, 4, 4, 5, 5, 5));
        s.row("P&L", 4, 0, line("Gross profit", 7, 8, 8, 9, 10, 10, 11, 12));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("years-over-quarters.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Q1 FY2025", "Q2 FY2025", "Q3 FY2025",
                "Q4 FY2025", "Q1 FY2026", "Q2 FY2026", "Q3 FY2026", "Q4 FY2026");
        assertThat(revenue(r)).isEqualTo(108);
    }

    @Test
    void monthsMarkedActualThenForecastAreAllPeriods() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "USD", "Jan-26A", "Feb-26A", "Mar-26F", "Apr-26F");
        s.row("P&L", 1, 0, line("Revenue", 100, 110, 120, 130));
        s.row("P&L", 2, 0, line("COGS", 30, 32, 35, 38));
        s.row("P&L", 3, 0, line("Gross Profit", 70, 78, 85, 92));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("actual-then-forecast.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(4);
        assertThat(r.model().periods().firstForecastFromHeadings()).isEqualTo(2);
        assertThat(revenue(r)).isEqualTo(460);
    }

    @Test
    void aSheetAMonthWithItsYearToDateColumnIsJoinedInMonthOrder() throws Exception {
        Sheets s = new Sheets();
        String[] sheets = {"Mar", "Jan", "Feb"};
        String[] months = {"Mar 2026", "Jan 2026", "Feb 2026"};
        double[] revenue = {120, 100, 110};
        for (int i = 0; i < 3; i++) {
            s.row(sheets[i], 0, 0, "Management accounts");
            s.row(sheets[i], 1, 1, months[i], "YTD");
            s.row(sheets[i], 2, 0, line("Revenue", revenue[i], 999));
            s.row(sheets[i], 3, 0, line("Cost of sales", 40, 888));
            s.row(sheets[i], 4, 0, line("Gross profit", revenue[i] - 40, 111));
            s.row(sheets[i], 5, 0, line("Overheads", 50, 777));
        }
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("month-a-sheet.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan 2026", "Feb 2026", "Mar 2026");
        assertThat(revenue(r)).isEqualTo(330);
        assertThat(cost(r)).isEqualTo(120);
    }

    @Test
    void discountsTypedNegativeReduceRevenueAndAnExportWithIncomeNegativeIsTurned() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "FY24", "FY25");
        s.row("P&L", 1, 0, line("Gross revenue", 1000, 1200));
        s.row("P&L", 2, 0, line("Discounts", -50, -60));
        s.row("P&L", 3, 0, line("Refunds", -20, -25));
        s.row("P&L", 4, 0, line("Net revenue", 930, 1115));
        s.row("P&L", 5, 0, line("Cost of revenue", 300, 350));
        s.row("P&L", 6, 0, line("Gross profit", 630, 765));
        ReadResult contra = WorkbookReader.read(s.save(dir.resolve("contra-revenue.xlsx")));
        assertThat(revenue(contra)).isEqualTo(2045);
        assertThat(contra.reading().confidence()).isNotEqualTo(Reading.Confidence.LOW);

        // an accounting export that keeps income as credits (negative) and costs as debits
        Sheets ledger = new Sheets();
        ledger.row("P&L", 0, 0, "Account", "Jan 2026", "Feb 2026");
        ledger.row("P&L", 1, 0, "Income");
        ledger.row("P&L", 2, 0, line("Sales", -1000, -1100));
        ledger.row("P&L", 3, 0, line("Total Income", -1000, -1100));
        ledger.row("P&L", 4, 0, "Cost of Goods Sold");
        ledger.row("P&L", 5, 0, line("Hosting", 300, 320));
        ledger.row("P&L", 6, 0, line("Total Cost of Goods Sold", 300, 320));
        ledger.row("P&L", 7, 0, line("Gross Profit", -700, -780));
        ReadResult credits = WorkbookReader.read(ledger.save(dir.resolve("credits-negative.xlsx")));
        assertThat(revenue(credits)).isEqualTo(2100);
        assertThat(cost(credits)).isEqualTo(620);
    }

    @Test
    void aLineTheLabelsDoNotPlaceBetweenTheRevenueTotalAndGrossProfitIsACost() throws Exception {
        // a script-written model: "LLM inference (OpenAI)" says nothing a statement reader knows,
        // "Hosting (AWS)" reads as an expense; both add up to the total cost of revenue below them
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "USD", "2026", "2027");
        s.row("P&L", 1, 0, line("Subscription revenue", 120000, 260000));
        s.row("P&L", 2, 0, line("Total revenue", 120000, 260000));
        s.row("P&L", 3, 0, line("LLM inference (OpenAI)", 1250, 2400));
        s.row("P&L", 4, 0, line("Hosting (AWS)", 6000, 13000));
        s.row("P&L", 5, 0, line("Total cost of revenue", 7250, 15400));
        s.row("P&L", 6, 0, line("Gross profit", 112750, 244600));
        s.row("P&L", 7, 0, line("R&D", 50000, 70000));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("script-model.xlsx")));
        assertThat(revenue(r)).isEqualTo(380000);
        assertThat(cost(r)).isEqualTo(22650);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void entitiesSideBySideAreNotAddedUpAndTheConsolidatedColumnsAreRead() throws Exception {
        Sheets s = new Sheets();
        s.row("Consolidation", 0, 1, "US entity", null, "UK entity", null, "Consolidated", null);
        s.row("Consolidation", 1, 0, "USD", "2025", "2026", "2025", "2026", "2025", "2026");
        s.row("Consolidation", 2, 0, line("Revenue", 600, 900, 400, 500, 1000, 1400));
        s.row("Consolidation", 3, 0, line("Cost of revenue", 200, 280, 150, 170, 350, 450));
        s.row("Consolidation", 4, 0, line("Gross profit", 400, 620, 250, 330, 650, 950));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("entities.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2025", "2026");
        assertThat(revenue(r)).isEqualTo(2400);
        assertThat(cost(r)).isEqualTo(800);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("'Consolidated' are read"));

        // no consolidated group: the first entity, said so, never the sum of both
        Sheets two = new Sheets();
        two.row("Entities", 0, 1, "US entity", null, "UK entity", null);
        two.row("Entities", 1, 0, "USD", "2025", "2026", "2025", "2026");
        two.row("Entities", 2, 0, line("Revenue", 600, 900, 400, 500));
        two.row("Entities", 3, 0, line("Cost of revenue", 200, 280, 150, 170));
        two.row("Entities", 4, 0, line("Gross profit", 400, 620, 250, 330));
        ReadResult first = WorkbookReader.read(two.save(dir.resolve("two-entities.xlsx")));
        assertThat(revenue(first)).isEqualTo(1500);
        assertThat(first.reading().notes()).anyMatch(n -> n.contains("'US entity' are read (the first"));
        assertThat(first.reading().confidence()).isEqualTo(Reading.Confidence.MEDIUM);

        // months without a year, twice: two years running, not two groups
        Sheets years = new Sheets();
        List<Object> header = new ArrayList<>(List.of("Line"));
        header.addAll(List.of(months(24)));
        years.row("Plan", 0, 0, header.toArray());
        double[] rev = new double[24];
        double[] cogs = new double[24];
        double[] gp = new double[24];
        for (int m = 0; m < 24; m++) {
            rev[m] = 100 + m;
            cogs[m] = 30;
            gp[m] = rev[m] - cogs[m];
        }
        years.row("Plan", 1, 0, line("Revenue", rev));
        years.row("Plan", 2, 0, line("Cost of revenue", cogs));
        years.row("Plan", 3, 0, line("Gross profit", gp));
        ReadResult running = WorkbookReader.read(years.save(dir.resolve("two-years-no-year.xlsx")));
        assertThat(running.model().periods().count()).isEqualTo(24);
        assertThat(revenue(running)).isEqualTo(24 * 100 + 276);
    }

    @Test
    void aFullYearColumnAfterMonthsAndQuarterTotalsIsATotalToo() throws Exception {
        // Jan Feb Mar "Q1 2026" Apr May Jun "Q2 2026" "FY2026": the quarters add up their months, the
        // year adds up all six months, not only the three since the last quarter
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "USD", "Jan-26", "Feb-26", "Mar-26", "Q1 2026", "Apr-26", "May-26", "Jun-26", "Q2 2026",
                "FY2026");
        s.row("P&L", 1, 0, line("Revenue", 100, 110, 120, 330, 130, 140, 150, 420, 750));
        s.row("P&L", 2, 0, line("Cost of revenue", 30, 30, 30, 90, 40, 40, 40, 120, 210));
        s.row("P&L", 3, 0, line("Gross profit", 70, 80, 90, 240, 90, 100, 110, 300, 540));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("months-quarters-year.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(6);
        assertThat(revenue(r)).isEqualTo(750);
        assertThat(cost(r)).isEqualTo(210);
    }

    @Test
    void anAbsurdMarginIsLowConfidenceAndSaysWhy() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Line", "2024", "2025", "2026");
        s.row("P&L", 1, 0, line("Revenue", 100, 120, 140));
        s.row("P&L", 2, 0, line("Cost of revenue", 2000, 2500, 3000));
        s.row("P&L", 3, 0, line("Gross profit", 55, 60, 70));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("absurd.xlsx")));
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.LOW);
        assertThat(r.reading().reasons()).anyMatch(x -> x.contains("gross margin"));
        assertThat(r.reading().reasons()).anyMatch(x -> x.contains("does not add up"));
    }
}
