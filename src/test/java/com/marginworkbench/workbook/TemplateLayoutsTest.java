package com.marginworkbench.workbook;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RevenueLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.line;
import static com.marginworkbench.workbook.Sheets.revenue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of published startup, SaaS and fundraising model templates, each in a small workbook
 * written here: deductions from revenue stored as positive amounts, quarters named by the month
 * they end in.
 */
class TemplateLayoutsTest {
    @TempDir
    Path dir;

    @Test
    void deductionsStoredPositiveAreTakenOffRevenueWhereTheNetRowSaysSo() throws Exception {
        // "Less: discounts" typed as a positive amount between gross and net sales
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2024", "2025");
        s.row("P&L", 1, 0, line("Gross sales", 1100, 1400));
        s.row("P&L", 2, 0, line("Less: discounts", 50, 80));
        s.row("P&L", 3, 0, line("Less: refunds", 30, 40));
        s.row("P&L", 4, 0, line("Sales returns", 20, 30));
        s.row("P&L", 5, 0, line("Net sales", 1000, 1250));
        s.row("P&L", 6, 0, line("Cost of goods sold", 250, 300));
        s.row("P&L", 7, 0, line("Gross profit", 750, 950));
        s.row("P&L", 8, 0, line("Operating expenses", 450, 500));
        s.row("P&L", 9, 0, line("Operating income", 300, 450));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("less.xlsx")));
        assertThat(revenue(r)).isEqualTo(2250);
        assertThat(cost(r)).isEqualTo(550);
        assertThat(r.model().revenue()).extracting(RevenueLine::label)
                .containsExactly("Gross sales", "Less: discounts", "Less: refunds", "Sales returns");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);

        // one row of discounts, the whole revenue above it, no total revenue but gross profit
        for (boolean net : new boolean[] {true, false}) {
            Sheets d = new Sheets();
            int k = 0;
            d.row("P&L", k++, 0, "", "2024", "2025");
            d.row("P&L", k++, 0, line("Revenue", 1100, 1400));
            d.row("P&L", k++, 0, line("Discounts & refunds", 100, 150));
            if (net) {
                d.row("P&L", k++, 0, line("Net revenue", 1000, 1250));
            }
            d.row("P&L", k++, 0, line("COGS", 250, 300));
            d.row("P&L", k++, 0, line("Gross margin", 750, 950));
            d.row("P&L", k++, 0, line("Opex", 450, 500));
            d.row("P&L", k, 0, line("EBITDA", 300, 450));
            ReadResult dr = WorkbookReader.read(d.save(dir.resolve("discounts-" + net + ".xlsx")));
            assertThat(revenue(dr)).as("net row " + net).isEqualTo(2250);
            assertThat(cost(dr)).as("net row " + net).isEqualTo(550);
            assertThat(dr.reading().checks()).as("net row " + net).isNotEmpty().allMatch(Reading.Check::holds);
        }
    }

    @Test
    void quartersNamedByTheMonthTheyEndInAreQuarters() throws Exception {
        for (String[] q : new String[][] {{"3M Mar-25", "3M Jun-25"}, {"QE Mar-25", "QE Jun-25"},
                {"Mar-25 QTD", "Jun-25 QTD"}, {"FQ1 2025", "FQ2 2025"}}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", q[0], q[1]);
            s.row("P&L", 1, 0, line("Revenue", 1000, 1100));
            s.row("P&L", 2, 0, line("Cost of revenue", 300, 320));
            s.row("P&L", 3, 0, line("Gross profit", 700, 780));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("quarters.xlsx")));
            assertThat(r.model().periods().labels()).as(q[0]).containsExactly(q[0], q[1]);
            assertThat(r.model().periods().granularity()).as(q[0]).isEqualTo(com.marginworkbench.model.Granularity.QUARTER);
            assertThat(revenue(r)).as(q[0]).isEqualTo(2100);
            assertThat(cost(r)).as(q[0]).isEqualTo(620);
        }
    }

    @Test
    void numberedMonthsBesideAnAssumptionColumnAreMonths() throws Exception {
        // "Month" over the numbers, and an "Assumption" column between the labels and month 0
        Sheets s = new Sheets();
        Object[] header = new Object[27];
        header[0] = "";
        header[1] = "Assumption";
        double[] rev = new double[26];
        for (int m = 0; m <= 24; m++) {
            header[m + 2] = (double) m;
        }
        s.row("Model", 0, 0, "Monthly projections");
        s.row("Model", 1, 0, "Month");
        s.row("Model", 2, 0, header);
        Object[] revenue = new Object[27];
        Object[] cost = new Object[27];
        Object[] gross = new Object[27];
        revenue[0] = "Revenue";
        cost[0] = "Cost of sales";
        cost[1] = new Sheets.Pct(0.25);
        gross[0] = "Gross profit";
        for (int m = 0; m <= 24; m++) {
            revenue[m + 2] = 1000.0 * m;
            cost[m + 2] = 250.0 * m;
            gross[m + 2] = 750.0 * m;
        }
        s.row("Model", 3, 0, revenue);
        s.row("Model", 4, 0, cost);
        s.row("Model", 5, 0, gross);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("month-n.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(25);
        assertThat(r.model().periods().label(0)).isEqualTo("Month 0");
        assertThat(revenue(r)).isEqualTo(300_000);
        assertThat(cost(r)).isEqualTo(75_000);
    }

    @Test
    void vendorRowsBetweenRevenueAndGrossProfitAreItsCostOfRevenue() throws Exception {
        // no heading, no cost total: gross profit takes the vendor rows off revenue
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Revenue", 2000, 3000));
        s.row("P&L", 2, 0, line("AWS", 200, 250));
        s.row("P&L", 3, 0, line("OpenAI", 300, 400));
        s.row("P&L", 4, 0, line("Stripe fees", 60, 90));
        s.row("P&L", 5, 0, line("Gross profit", 1440, 2260));
        s.row("P&L", 6, 0, line("Salaries", 800, 1000));
        s.row("P&L", 7, 0, line("Net income", 640, 1260));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("vendors.xlsx")));
        assertThat(revenue(r)).isEqualTo(5000);
        assertThat(cost(r)).isEqualTo(1300);
        assertThat(r.model().costs()).filteredOn(c -> c.reported() == com.marginworkbench.model.Placement.COST_OF_REVENUE)
                .extracting(com.marginworkbench.model.CostLine::label).containsExactly("AWS", "OpenAI", "Stripe fees");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);

        // a count above the revenue line and no cost line: cost of revenue is revenue − gross profit alone
        Sheets c = new Sheets();
        c.row("P&L", 0, 0, "", "2025", "2026");
        c.row("P&L", 1, 0, line("Orders", 120, 150));
        c.row("P&L", 2, 0, line("Revenue", 2000, 3000));
        c.row("P&L", 3, 0, line("Gross profit", 1500, 2200));
        c.row("P&L", 4, 0, line("Salaries", 800, 1000));
        ReadResult cr = WorkbookReader.read(c.save(dir.resolve("orders.xlsx")));
        assertThat(revenue(cr)).isEqualTo(5000);
        assertThat(cost(cr)).isEqualTo(1300);
    }

    @Test
    void aStatementWrittenSegmentBySegmentIsReadWhole() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Product A revenue", 600, 800));
        s.row("P&L", 2, 0, line("Product A COGS", 120, 160));
        s.row("P&L", 3, 0, line("Product A gross profit", 480, 640));
        s.row("P&L", 4, 0, line("Product B revenue", 400, 500));
        s.row("P&L", 5, 0, line("Product B COGS", 200, 250));
        s.row("P&L", 6, 0, line("Product B gross profit", 200, 250));
        s.row("P&L", 7, 0, line("Total revenue", 1000, 1300));
        s.row("P&L", 8, 0, line("Total COGS", 320, 410));
        s.row("P&L", 9, 0, line("Gross profit", 680, 890));
        s.row("P&L", 10, 0, line("Operating expenses", 400, 450));
        s.row("P&L", 11, 0, line("Operating income", 280, 440));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("segments.xlsx")));
        assertThat(revenue(r)).isEqualTo(2300);
        assertThat(cost(r)).isEqualTo(730);
        assertThat(r.model().revenue()).extracting(RevenueLine::label)
                .containsExactly("Product A revenue", "Product B revenue");
        assertThat(r.reading().checks()).hasSizeGreaterThanOrEqualTo(2).allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void weeklyColumnsAreWeeksNotMonths() throws Exception {
        Sheets s = new Sheets();
        Object[] header = new Object[14];
        header[0] = "Week ending";
        for (int w = 0; w < 13; w++) {
            header[w + 1] = java.time.LocalDate.of(2025, 1, 5).plusWeeks(w);
        }
        double[] rev = new double[13];
        double[] cor = new double[13];
        double[] gp = new double[13];
        java.util.Arrays.fill(rev, 1000);
        java.util.Arrays.fill(cor, 250);
        java.util.Arrays.fill(gp, 750);
        s.row("P&L", 0, 0, header);
        s.row("P&L", 1, 0, line("Revenue", rev));
        s.row("P&L", 2, 0, line("Cost of revenue", cor));
        s.row("P&L", 3, 0, line("Gross profit", gp));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("weekly.xlsx")));
        assertThat(r.model().periods().count()).isEqualTo(13);
        assertThat(revenue(r)).isEqualTo(13000);
        assertThat(cost(r)).isEqualTo(3250);
    }

    @Test
    void monthNumbersStartingAgainUnderEachYearAreThatYearsMonths() throws Exception {
        // "FY2025" over 1..12, "FY2026" over 1..12, with or without a "Month" word beside them
        for (String word : new String[] {"Month", ""}) {
            Sheets s = new Sheets();
            Object[] years = new Object[25];
            Object[] months = new Object[25];
            years[0] = "";
            months[0] = word;
            double[] rev = new double[24];
            double[] cor = new double[24];
            double[] gp = new double[24];
            for (int m = 0; m < 24; m++) {
                if (m % 12 == 0) {
                    years[m + 1] = "FY" + (2025 + m / 12);
                }
                months[m + 1] = (double) (m % 12 + 1);
                rev[m] = 1000 + 50 * m;
                cor[m] = 200;
                gp[m] = rev[m] - 200;
            }
            s.row("P&L", 0, 0, years);
            s.row("P&L", 1, 0, months);
            s.row("P&L", 2, 0, line("Revenue", rev));
            s.row("P&L", 3, 0, line("Cost of revenue", cor));
            s.row("P&L", 4, 0, line("Gross profit", gp));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("numbers-under-years.xlsx")));
            assertThat(r.model().periods().count()).as(word).isEqualTo(24);
            assertThat(r.model().periods().label(12)).as(word).isEqualTo("Month 1 FY2026");
            assertThat(revenue(r)).as(word).isEqualTo(37800);
            assertThat(cost(r)).as(word).isEqualTo(4800);
        }
    }

    @Test
    void monthsOverActualBudgetAndVarianceAreReadFromTheirActualColumns() throws Exception {
        // "Jan 2025" over Actual / Budget / Var / Var %, a YTD group at the end; Budget first or Actual first
        for (boolean budgetFirst : new boolean[] {false, true}) {
            Sheets s = new Sheets();
            Object[] months = new Object[17];
            Object[] kinds = new Object[17];
            months[0] = "";
            kinds[0] = "";
            for (int g = 0; g < 4; g++) {
                months[1 + 4 * g] = g < 3 ? new String[] {"Jan", "Feb", "Mar"}[g] + " 2025" : "YTD";
                kinds[1 + 4 * g] = budgetFirst ? "Budget" : "Actual";
                kinds[2 + 4 * g] = budgetFirst ? "Actual" : "Budget";
                kinds[3 + 4 * g] = "Var";
                kinds[4 + 4 * g] = "Var %";
            }
            s.row("P&L", 0, 0, months);
            s.row("P&L", 1, 0, kinds);
            double[][] actual = {{1000, 1100, 1200}, {200, 220, 240}, {800, 880, 960}};
            String[] labels = {"Revenue", "Cost of revenue", "Gross profit"};
            for (int i = 0; i < 3; i++) {
                Object[] v = new Object[17];
                v[0] = labels[i];
                double ta = 0;
                for (int g = 0; g < 4; g++) {
                    double a = g < 3 ? actual[i][g] : ta;
                    ta += g < 3 ? a : 0;
                    double b = a * 1.1;
                    v[1 + 4 * g] = budgetFirst ? b : a;
                    v[2 + 4 * g] = budgetFirst ? a : b;
                    v[3 + 4 * g] = a - b;
                    v[4 + 4 * g] = new Sheets.Pct((a - b) / b);
                }
                s.row("P&L", 2 + i, 0, v);
            }
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("abv.xlsx")));
            assertThat(r.model().periods().count()).as("budget first " + budgetFirst).isEqualTo(3);
            assertThat(revenue(r)).as("budget first " + budgetFirst).isEqualTo(3300);
            assertThat(cost(r)).as("budget first " + budgetFirst).isEqualTo(660);
        }
    }

    @Test
    void aCostOfRevenueLineInErrorMakesTheReadingLowConfidence() throws Exception {
        // the line is named in the problems and left out: the cost figures are short by it
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Revenue", 1000, 1200));
        s.row("P&L", 2, 0, line("Hosting", 100, 120));
        s.row("P&L", 3, 0, "Model API costs", 200.0, "=#REF!*2");
        s.row("P&L", 4, 0, line("Total cost of revenue", 300, 380));
        s.row("P&L", 5, 0, line("Gross profit", 700, 820));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("ref.xlsx")));
        assertThat(r.problems()).anyMatch(p -> "Model API costs".equals(p.line()));
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.LOW);
        assertThat(r.reading().reasons()).anyMatch(x -> x.contains("'Model API costs' could not be read"));
    }

    @Test
    void aCategoryColumnBesideTheLineNamesIsTheirSection() throws Exception {
        // "Type" repeated down the rows, the account's name beside it: the names are the lines
        Sheets s = new Sheets();
        s.row("Data", 0, 0, "Type", "Account", "Jan-25", "Feb-25", "Mar-25");
        s.row("Data", 1, 0, "Revenue", "Subscriptions", 800.0, 850.0, 900.0);
        s.row("Data", 2, 0, "Revenue", "Usage (API)", 200.0, 220.0, 240.0);
        s.row("Data", 3, 0, "Cost of Revenue", "AWS hosting", 150.0, 160.0, 170.0);
        s.row("Data", 4, 0, "Cost of Revenue", "OpenAI API", 100.0, 110.0, 120.0);
        s.row("Data", 5, 0, "Operating Expense", "Salaries", 400.0, 400.0, 400.0);
        s.row("Data", 6, 0, "Operating Expense", "Rent", 50.0, 50.0, 50.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("category.xlsx")));
        assertThat(r.reading().table().labelColumn()).isEqualTo("B");
        assertThat(r.model().revenue()).extracting(RevenueLine::label).containsExactly("Subscriptions", "Usage (API)");
        assertThat(r.model().costs()).filteredOn(c -> c.reported() == com.marginworkbench.model.Placement.COST_OF_REVENUE)
                .extracting(com.marginworkbench.model.CostLine::label).containsExactly("AWS hosting", "OpenAI API");
        assertThat(revenue(r)).isEqualTo(3210);
        assertThat(cost(r)).isEqualTo(810);
    }

    @Test
    void aRevenueLineQualifiedByAKpiWordIsRevenueButAVolumeIsNot() throws Exception {
        for (String name : new String[] {"Subscription revenue (MRR)", "SaaS revenue (ARR/12)", "Recurring revenue - MRR"}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", "2025", "2026");
            s.row("P&L", 1, 0, line("Sales (units)", 40, 50));
            s.row("P&L", 2, 0, line(name, 800, 1000));
            s.row("P&L", 3, 0, line("Services revenue", 200, 250));
            s.row("P&L", 4, 0, line("Cost of revenue", 250, 300));
            s.row("P&L", 5, 0, line("Gross profit", 750, 950));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("qualified.xlsx")));
            assertThat(r.model().revenue()).as(name).extracting(RevenueLine::label).containsExactly(name, "Services revenue");
            assertThat(revenue(r)).as(name).isEqualTo(2250);
            assertThat(r.reading().confidence()).as(name).isEqualTo(Reading.Confidence.HIGH);
        }
    }

    @Test
    void segmentsUnderHeadingsWithTheWholeRepeatedUnderATotalHeading() throws Exception {
        // "Product A": Revenue, COGS, Gross profit; "Product B" the same; "Total" the same again
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        String[] heads = {"Product A", "Product B", "Total"};
        double[][] rev = {{600, 800}, {400, 500}, {1000, 1300}};
        double[][] cor = {{120, 160}, {200, 250}, {320, 410}};
        int r = 1;
        for (int k = 0; k < 3; k++) {
            s.row("P&L", r++, 0, heads[k]);
            s.row("P&L", r++, 0, line("Revenue", rev[k]));
            s.row("P&L", r++, 0, line("COGS", cor[k]));
            s.row("P&L", r++, 0, line("Gross profit", rev[k][0] - cor[k][0], rev[k][1] - cor[k][1]));
        }
        s.row("P&L", r++, 0, line("Operating expenses", 400, 450));
        s.row("P&L", r, 0, line("Operating income", 280, 440));
        ReadResult read = WorkbookReader.read(s.save(dir.resolve("segment-headings.xlsx")));
        assertThat(revenue(read)).isEqualTo(2300);
        assertThat(cost(read)).isEqualTo(730);
        assertThat(read.model().revenue()).hasSize(2);
        assertThat(read.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void theStatementsRevenueRepeatingARevenueBuildTotalAboveItIsNotCountedTwice() throws Exception {
        // a revenue build and the statement under one header, no title between them
        Sheets s = new Sheets();
        s.row("Model", 0, 0, "", "2025", "2026", "2027");
        s.row("Model", 1, 0, "Revenue build");
        s.row("Model", 2, 0, line("Product A revenue", 500, 800, 1200));
        s.row("Model", 3, 0, line("Product B revenue", 300, 500, 800));
        s.row("Model", 4, 0, line("Total revenue", 800, 1300, 2000));
        s.row("Model", 6, 0, line("Revenue", 800, 1300, 2000));
        s.row("Model", 7, 0, line("COGS", 200, 300, 450));
        s.row("Model", 8, 0, line("Gross profit", 600, 1000, 1550));
        s.row("Model", 9, 0, line("Opex", 700, 800, 900));
        s.row("Model", 10, 0, line("EBITDA", -100, 200, 650));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("repeat.xlsx")));
        assertThat(revenue(r)).isEqualTo(4100);
        assertThat(cost(r)).isEqualTo(950);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }
}
