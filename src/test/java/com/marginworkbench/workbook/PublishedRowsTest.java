package com.marginworkbench.workbook;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.revenue;
import static com.marginworkbench.workbook.Sheets.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rows of published statements and templates, each in a small workbook written here: filings' and
 * retailers' cost labels, costs and expenses under one total, contribution statements, rows placed
 * by position and settled by the totals, counts above revenue, exports with income as credits,
 * statements written from the bottom up and a data API's camelCase field names.
 */
class PublishedRowsTest {
    @TempDir
    Path dir;

    @Test
    void aContributionStatementReadsItsVariableCostsAsCostOfRevenue() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Revenue", 1000, 1500));
        s.row("P&L", 2, 0, "Variable costs");
        s.row("P&L", 3, 0, line("Shipping", 100, 150));
        s.row("P&L", 4, 0, line("Payment processing", 30, 45));
        s.row("P&L", 5, 0, line("Sales commissions", 50, 75));
        s.row("P&L", 6, 0, line("Total variable costs", 180, 270));
        s.row("P&L", 7, 0, line("Contribution margin", 820, 1230));
        s.row("P&L", 8, 0, "Fixed costs");
        s.row("P&L", 9, 0, line("Rent", 100, 100));
        s.row("P&L", 10, 0, line("Salaries", 400, 500));
        s.row("P&L", 11, 0, line("Operating profit", 320, 630));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("contribution.xlsx")));
        assertThat(revenue(r)).isEqualTo(2500);
        assertThat(cost(r)).isEqualTo(450);
        assertThat(r.model().costs()).filteredOn(c -> c.reported() == Placement.COST_OF_REVENUE)
                .extracting(CostLine::label).containsExactly("Shipping", "Payment processing", "Sales commissions");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().notes()).anyMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("contribution margin"));
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.MEDIUM);
    }

    @Test
    void aRetailersMerchandiseCostsAreItsCostOfSales() throws Exception {
        Sheets s = new Sheets();
        s.row("IS", 0, 0, "(amounts in millions)", "52 Weeks Ended Sep 1, 2024", "52 Weeks Ended Sep 3, 2023");
        s.row("IS", 1, 0, "REVENUE");
        s.row("IS", 2, 0, line("Net sales", 250, 237));
        s.row("IS", 3, 0, line("Membership fees", 5, 4.5));
        s.row("IS", 4, 0, line("Total revenue", 255, 241.5));
        s.row("IS", 5, 0, "OPERATING EXPENSES");
        s.row("IS", 6, 0, line("Merchandise costs", 222, 212));
        s.row("IS", 7, 0, line("Selling, general and administrative", 24, 21.5));
        s.row("IS", 8, 0, line("Operating income", 9, 8));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("retailer.xlsx")));
        assertThat(revenue(r)).isEqualTo(496.5e6, within(1.0));
        assertThat(cost(r)).isEqualTo(434e6, within(1.0));
        assertThat(r.reading().rows()).filteredOn(x -> x.label().equals("Merchandise costs"))
                .extracting(Reading.Row::role).containsExactly(RowRole.COST_OF_REVENUE);
    }

    private static ReadResult readWithoutGrossProfit(Path file, String costLabel) throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Revenue", 1000, 1200));
        if (costLabel != null) {
            s.row("P&L", 2, 0, line(costLabel, 400, 450));
        }
        s.row("P&L", 3, 0, line("Selling, general and administrative", 300, 320));
        s.row("P&L", 4, 0, line("Operating income", costLabel == null ? 700 : 300, costLabel == null ? 880 : 430));
        return WorkbookReader.read(s.save(file));
    }

    @Test
    void costLabelsOfFilingsAndSmallCompaniesAreCostOfRevenue() throws Exception {
        for (String label : new String[] {"Cost of contract revenue", "Cost of license revenues", "Direct expenses",
                "Costs and expenses applicable to revenues"}) {
            ReadResult r = readWithoutGrossProfit(dir.resolve("label.xlsx"), label);
            assertThat(revenue(r)).as(label).isEqualTo(2200);
            assertThat(cost(r)).as(label).isEqualTo(850);
            assertThat(r.reading().confidence()).as(label).isEqualTo(Reading.Confidence.HIGH);
        }
    }

    @Test
    void aRowRightAfterRevenueThatNamesACostOrThatOperatingIncomeTakesOffIsACost() throws Exception {
        // "Production costs" says it is a cost; "Fuel" says nothing, and operating income only adds up
        // with it taken off revenue. Neither is revenue; with no gross profit to check them, medium.
        for (String label : new String[] {"Production costs", "Purchases", "Fuel"}) {
            ReadResult r = readWithoutGrossProfit(dir.resolve("position.xlsx"), label);
            assertThat(revenue(r)).as(label).isEqualTo(2200);
            assertThat(cost(r)).as(label).isEqualTo(850);
            assertThat(r.reading().confidence()).as(label).isEqualTo(Reading.Confidence.MEDIUM);
            assertThat(r.reading().reasons()).as(label).anyMatch(x -> x.contains("by its place"));
        }
    }

    @Test
    void aStatementWithNoCostOfRevenueIsLowConfidence() throws Exception {
        // revenue, then only operating expenses: a gross margin of 100% is not a reading to headline
        ReadResult r = readWithoutGrossProfit(dir.resolve("no-cost.xlsx"), null);
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isZero();
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.LOW);
        assertThat(r.reading().reasons()).anyMatch(x -> x.contains("no cost of revenue line was found"));
    }

    @Test
    void aMarketplacesGmvAndAMemoRowAreNotRevenue() throws Exception {
        for (String volume : new String[] {"Gross merchandise value", "GMV", "Gross transaction volume", "Pass-through billings"}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", "2025", "2026");
            s.row("P&L", 1, 0, line(volume, 10000, 12000));
            s.row("P&L", 2, 0, line("Net revenue", 1000, 1200));
            s.row("P&L", 3, 0, line("Cost of revenue", 400, 450));
            s.row("P&L", 4, 0, line("Gross profit", 600, 750));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("gmv.xlsx")));
            assertThat(revenue(r)).as(volume).isEqualTo(2200);
            assertThat(cost(r)).as(volume).isEqualTo(850);
            assertThat(r.reading().checks()).as(volume).isNotEmpty().allMatch(Reading.Check::holds);
        }
    }

    @Test
    void incomeNamedByItsKindIsRevenue() throws Exception {
        // an agency's "Commission income", a landlord's "Rental income"
        for (String label : new String[] {"Commission income", "Rental income", "Management fee income",
                "Licence income"}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", "2025", "2026");
            s.row("P&L", 1, 0, line(label, 1000, 1200));
            s.row("P&L", 2, 0, line("Cost of sales", 400, 450));
            s.row("P&L", 3, 0, line("Gross profit", 600, 750));
            s.row("P&L", 4, 0, line("Administrative expenses", 300, 320));
            s.row("P&L", 5, 0, line("Operating profit", 300, 430));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("income.xlsx")));
            assertThat(revenue(r)).as(label).isEqualTo(2200);
            assertThat(cost(r)).as(label).isEqualTo(850);
            assertThat(r.reading().confidence()).as(label).isEqualTo(Reading.Confidence.HIGH);
        }
    }

    @Test
    void schedulesAboveTheStatementsOwnTitleUnderOneHeaderAreNotItsLines() throws Exception {
        Sheets s = new Sheets();
        s.row("Model", 0, 0, "", "2025", "2026");
        s.row("Model", 1, 0, "Revenue build");
        s.row("Model", 2, 0, line("Starter revenue", 300, 500));
        s.row("Model", 3, 0, line("Pro revenue", 500, 600));
        s.row("Model", 4, 0, line("Total subscription revenue", 800, 1100));
        s.row("Model", 5, 0, "Cost build");
        s.row("Model", 6, 0, line("Hosting", 150, 200));
        s.row("Model", 7, 0, line("Support", 100, 100));
        s.row("Model", 8, 0, line("Total COGS", 250, 300));
        s.row("Model", 10, 0, "Profit and loss");
        s.row("Model", 11, 0, line("Subscription revenue", 800, 1100));
        s.row("Model", 12, 0, line("Services revenue", 200, 100));
        s.row("Model", 13, 0, line("Total revenue", 1000, 1200));
        s.row("Model", 14, 0, line("Cost of revenue", 250, 300));
        s.row("Model", 15, 0, line("Gross profit", 750, 900));
        s.row("Model", 16, 0, line("Operating expenses", 500, 600));
        s.row("Model", 17, 0, line("Operating income", 250, 300));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("build-up.xlsx")));
        assertThat(r.model().revenue()).extracting(com.marginworkbench.model.RevenueLine::label)
                .containsExactly("Subscription revenue", "Services revenue");
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isEqualTo(550);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void anExportThatKeepsIncomeAsCreditsWithNoGrossProfitIsTurned() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Account", "Jan 2026", "Feb 2026");
        s.row("P&L", 1, 0, line("Sales", -1000, -1100));
        s.row("P&L", 2, 0, line("Cost of goods sold", 400, 420));
        s.row("P&L", 3, 0, line("Rent", 100, 100));
        s.row("P&L", 4, 0, line("Net profit", -500, -580));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("credits.xlsx")));
        assertThat(revenue(r)).isEqualTo(2100);
        assertThat(cost(r)).isEqualTo(820);
        assertThat(r.reading().confidence()).isNotEqualTo(Reading.Confidence.LOW);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("credits"));
    }

    @Test
    void aStatementWrittenFromTheBottomUpIsReadFromRevenueUp() throws Exception {
        // a data library's dump: net income and per-share figures first, revenue on the last rows
        Sheets s = new Sheets();
        s.row("income_stmt", 0, 0, "", java.time.LocalDate.of(2024, 9, 30), java.time.LocalDate.of(2023, 9, 30));
        Object[][] rows = {
            {"Tax Rate For Calcs", 0.24, 0.15},
            {"Net Income From Continuing Operation Net Minority Interest", 90.0, 80.0},
            {"Reconciled Cost Of Revenue", 200.0, 190.0},
            {"EBITDA", 140.0, 125.0},
            {"Total Expenses", 270.0, 255.0},
            {"Diluted EPS", 6.08, 6.13},
            {"Net Income", 90.0, 80.0},
            {"Tax Provision", 30.0, 25.0},
            {"Pretax Income", 120.0, 105.0},
            {"Operating Income", 120.0, 105.0},
            {"Operating Expense", 70.0, 65.0},
            {"Research And Development", 40.0, 35.0},
            {"Selling General And Administration", 30.0, 30.0},
            {"Gross Profit", 190.0, 170.0},
            {"Cost Of Revenue", 200.0, 190.0},
            {"Total Revenue", 390.0, 360.0},
            {"Operating Revenue", 390.0, 360.0},
        };
        for (int i = 0; i < rows.length; i++) {
            s.row("income_stmt", i + 1, 0, rows[i]);
        }
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("bottom-up.xlsx")));
        assertThat(revenue(r)).isEqualTo(750);
        assertThat(cost(r)).isEqualTo(390);
        assertThat(r.model().costs()).filteredOn(c -> !c.reported().isCostOfRevenue()).extracting(CostLine::label)
                .containsExactlyInAnyOrder("Research And Development", "Selling General And Administration");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("bottom up"));
    }

    @Test
    void fieldNamesOfAFinancialDataApiAreReadAsWords() throws Exception {
        // a data API's statement saved as it came: camelCase field names, one column a year or one row a year
        String[] keys = {"date", "symbol", "revenue", "costOfRevenue", "grossProfit", "grossProfitRatio",
                "researchAndDevelopmentExpenses", "operatingIncome", "netIncome"};
        Object[][] years = {{"2024-12-31", "ACME", 1000.0, 400.0, 600.0, 0.6, 300.0, 300.0, 200.0},
                {"2023-12-31", "ACME", 900.0, 380.0, 520.0, 0.58, 280.0, 240.0, 160.0}};
        Sheets columns = new Sheets();
        Sheets rows = new Sheets();
        rows.row("income", 0, 0, (Object[]) keys);
        for (int k = 0; k < keys.length; k++) {
            columns.row("income", k, 0, keys[k], years[0][k], years[1][k]);
        }
        for (int i = 0; i < years.length; i++) {
            rows.row("income", i + 1, 0, years[i]);
        }
        for (ReadResult r : new ReadResult[] {WorkbookReader.read(columns.save(dir.resolve("api-columns.xlsx"))),
                WorkbookReader.read(rows.save(dir.resolve("api-rows.xlsx")))}) {
            assertThat(r.model().periods().count()).isEqualTo(2);
            assertThat(revenue(r)).isEqualTo(1900);
            assertThat(cost(r)).isEqualTo(780);
            assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        }
    }

    @Test
    void aLoneLineUnderItsGenericTotalAndACostOfSalesAfterAnExpenseWithNoGrossProfit() throws Exception {
        // "Revenue" repeats its one line above it: a subtotal, not a second line; "COGS" after
        // "Hosting" (an expense word) is cost of revenue while no gross profit has been passed
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Subscription revenue", 100, 150));
        s.row("P&L", 2, 0, line("Revenue", 100, 150));
        s.row("P&L", 3, 0, line("Hosting", 30, 40));
        s.row("P&L", 4, 0, line("COGS", 30, 40));
        s.row("P&L", 5, 0, line("Operating expenses", 50, 60));
        s.row("P&L", 6, 0, line("Net income", 20, 50));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("lone-line.xlsx")));
        assertThat(r.model().revenue()).extracting(com.marginworkbench.model.RevenueLine::label)
                .containsExactly("Subscription revenue");
        assertThat(revenue(r)).isEqualTo(250);
        assertThat(cost(r)).isEqualTo(70);
        assertThat(r.reading().confidence()).isNotEqualTo(Reading.Confidence.LOW);
    }

    @Test
    void sameLabelsUnderRevenueAndCostHeadingsWithYearsNewestFirst() throws Exception {
        Sheets s = new Sheets();
        s.row("IS", 0, 0, "(In millions)", "2024", "2023", "2022");
        s.row("IS", 1, 0, "Revenue:");
        s.row("IS", 2, 0, line("Product", 650, 640, 720));
        s.row("IS", 3, 0, line("Service and other", 1800, 1470, 1250));
        s.row("IS", 4, 0, line("Total revenue", 2450, 2110, 1970));
        s.row("IS", 5, 0, "Cost of revenue:");
        s.row("IS", 6, 0, line("Product", 150, 170, 190));
        s.row("IS", 7, 0, line("Service and other", 580, 480, 430));
        s.row("IS", 8, 0, line("Total cost of revenue", 730, 650, 620));
        s.row("IS", 9, 0, line("Gross margin", 1720, 1460, 1350));
        s.row("IS", 10, 0, line("Research and development", 290, 270, 240));
        s.row("IS", 11, 0, line("Operating income", 1430, 1190, 1110));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("same-labels.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2022", "2023", "2024");
        assertThat(r.model().revenue()).filteredOn(l -> l.label().equals("Product")).singleElement()
                .satisfies(l -> assertThat(l.amounts()).containsExactly(720e6, 640e6, 650e6));
        assertThat(revenue(r)).isEqualTo(6530e6, within(1.0));
        assertThat(cost(r)).isEqualTo(2000e6, within(1.0));
    }

    @Test
    void costsAndExpensesTotalledTogetherAsFilingsDo() throws Exception {
        Sheets s = new Sheets();
        s.row("IS", 0, 0, "(in millions)", "2023", "2024");
        s.row("IS", 1, 0, line("Revenues", 1000, 1200));
        s.row("IS", 2, 0, "Costs and expenses:");
        s.row("IS", 3, 0, line("Cost of revenues", 400, 450));
        s.row("IS", 4, 0, line("Research and development", 150, 170));
        s.row("IS", 5, 0, line("Sales and marketing", 100, 110));
        s.row("IS", 6, 0, line("Total costs and expenses", 650, 730));
        s.row("IS", 7, 0, line("Income from operations", 350, 470));
        s.row("IS", 8, 0, line("Net income", 280, 380));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("costs-and-expenses.xlsx")));
        assertThat(cost(r)).isEqualTo(850e6, within(1.0));
        assertThat(r.model().costs()).extracting(CostLine::label).containsExactly("Cost of revenues",
                "Research and development", "Sales and marketing");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void aCountAboveTheRevenueLineWithNoTotalToSayIsNotRevenue() throws Exception {
        for (String count : new String[] {"Orders", "Subscriptions", "MAU", "Downloads", "Members"}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", "2025", "2026");
            s.row("P&L", 1, 0, line(count, 120, 300));
            s.row("P&L", 2, 0, line("Revenue", 1000, 1200));
            s.row("P&L", 3, 0, line("Cost of sales", 400, 450));
            s.row("P&L", 4, 0, line("Salaries", 300, 320));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("count.xlsx")));
            assertThat(revenue(r)).as(count).isEqualTo(2200);
            assertThat(cost(r)).as(count).isEqualTo(850);
        }
        // where a total says so, an unnamed row above a named one is revenue all the same
        Sheets t = new Sheets();
        t.row("P&L", 0, 0, "", "2025", "2026");
        t.row("P&L", 1, 0, line("Licences", 500, 600));
        t.row("P&L", 2, 0, line("Support revenue", 100, 120));
        t.row("P&L", 3, 0, line("Total revenue", 600, 720));
        t.row("P&L", 4, 0, line("Cost of sales", 200, 220));
        ReadResult r = WorkbookReader.read(t.save(dir.resolve("licences.xlsx")));
        assertThat(r.model().revenue()).extracting(com.marginworkbench.model.RevenueLine::label)
                .containsExactly("Licences", "Support revenue");
    }

    @Test
    void totalsWrittenAboveTheirLines() throws Exception {
        // an outline with its summary rows on top: each total first, its lines under it
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2025", "2026");
        s.row("P&L", 1, 0, line("Revenue", 150, 180));
        s.row("P&L", 2, 0, line("  Product A", 100, 120));
        s.row("P&L", 3, 0, line("  Product B", 50, 60));
        s.row("P&L", 4, 0, line("Cost of revenue", 30, 35));
        s.row("P&L", 5, 0, line("  Hosting", 20, 25));
        s.row("P&L", 6, 0, line("  Support", 10, 10));
        s.row("P&L", 7, 0, line("Gross profit", 120, 145));
        s.row("P&L", 8, 0, line("Operating expenses", 70, 80));
        s.row("P&L", 9, 0, line("  Salaries", 50, 55));
        s.row("P&L", 10, 0, line("  Rent", 20, 25));
        s.row("P&L", 11, 0, line("Operating income", 50, 65));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("totals-above.xlsx")));
        assertThat(r.model().revenue()).extracting(com.marginworkbench.model.RevenueLine::label)
                .containsExactly("Product A", "Product B");
        assertThat(r.model().costs()).extracting(CostLine::label).containsExactly("Hosting", "Support", "Salaries", "Rent");
        assertThat(cost(r)).isEqualTo(65);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void aSubtotalInsideCostOfRevenueKeepsItsLinesInTheTotal() throws Exception {
        // cloud hosting adds up AWS and GCP; total COGS adds up hosting and support
        for (String subtotal : new String[] {"Cloud hosting", "Total cloud hosting"}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", "2024", "2025");
            s.row("P&L", 1, 0, line("Revenue", 1000, 1200));
            s.row("P&L", 2, 0, "Cost of revenue");
            s.row("P&L", 3, 0, line("AWS", 150, 180));
            s.row("P&L", 4, 0, line("GCP", 50, 70));
            s.row("P&L", 5, 0, line(subtotal, 200, 250));
            s.row("P&L", 6, 0, line("Customer support", 200, 200));
            s.row("P&L", 7, 0, line("Total COGS", 400, 450));
            s.row("P&L", 8, 0, line("Gross profit", 600, 750));
            s.row("P&L", 9, 0, line("Operating expenses", 300, 320));
            s.row("P&L", 10, 0, line("Operating income", 300, 430));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("nested.xlsx")));
            assertThat(cost(r)).as(subtotal).isEqualTo(850);
            assertThat(r.model().costs()).as(subtotal).extracting(CostLine::label)
                    .containsExactly("AWS", "GCP", "Customer support", "Operating expenses");
            assertThat(r.reading().checks()).as(subtotal).isNotEmpty().allMatch(Reading.Check::holds);
        }
    }
}
