package com.marginworkbench.workbook;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.line;
import static com.marginworkbench.workbook.Sheets.revenue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profit and loss reports as accounting packages export them, each in a small workbook written here:
 * levels indented by column, sub-accounts with their own totals, an "Income" section with its
 * "Total Income", "Net Ordinary Income" for operating income.
 */
class AccountingExportsTest {
    @TempDir
    Path dir;

    @Test
    void levelsIndentedByColumnAreOneLabelColumnAndNetOrdinaryIncomeIsOperatingIncome() throws Exception {
        // a desktop accounting package: "Gross Profit" in A, sections and their totals in B, accounts in C
        Sheets s = new Sheets();
        String pl = "Profit & Loss";
        s.row(pl, 0, 3, "Jan 25", "Feb 25", "Mar 25");
        s.row(pl, 1, 0, "Ordinary Income/Expense");
        s.row(pl, 2, 1, "Income");
        s.row(pl, 3, 2, indented(2, "Subscriptions", 600, 650, 700));
        s.row(pl, 4, 2, indented(2, "Services", 400, 450, 500));
        s.row(pl, 5, 1, indented(1, "Total Income", 1000, 1100, 1200));
        s.row(pl, 6, 1, "Cost of Goods Sold");
        s.row(pl, 7, 2, indented(2, "Hosting", 250, 260, 270));
        s.row(pl, 8, 2, indented(2, "Support", 150, 160, 170));
        s.row(pl, 9, 1, indented(1, "Total COGS", 400, 420, 440));
        s.row(pl, 10, 0, indented(0, "Gross Profit", 600, 680, 760));
        s.row(pl, 11, 1, "Expense");
        s.row(pl, 12, 2, indented(2, "Salaries", 200, 200, 200));
        s.row(pl, 13, 2, indented(2, "Rent", 100, 100, 100));
        s.row(pl, 14, 1, indented(1, "Total Expense", 300, 300, 300));
        s.row(pl, 15, 0, indented(0, "Net Ordinary Income", 300, 380, 460));
        s.row(pl, 16, 0, indented(0, "Net Income", 300, 380, 460));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("desktop.xlsx")));
        assertThat(revenue(r)).isEqualTo(3300);
        assertThat(cost(r)).isEqualTo(1260);
        assertThat(r.model().costs()).extracting(CostLine::label)
                .containsExactly("Hosting", "Support", "Salaries", "Rent");
        assertThat(r.reading().checks()).hasSize(5).allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    /** A label in column {@code col} and its amounts from column D on, as the levels of an export stand. */
    private static Object[] indented(int col, String label, double... amounts) {
        Object[] o = new Object[3 - col + amounts.length];
        o[0] = label;
        for (int i = 0; i < amounts.length; i++) {
            o[3 - col + i] = amounts[i];
        }
        return o;
    }

    @Test
    void subAccountsWithTheirOwnTotalsStayInTheirSection() throws Exception {
        // the older layout says "Total 4000 Sales", the newer "Total for 4000 Sales"
        for (String total : new String[] {"Total ", "Total for "}) {
            subAccounts(total);
        }
    }

    private void subAccounts(String total) throws Exception {
        Sheets s = new Sheets();
        String pl = "Sheet1";
        s.row(pl, 0, 0, "Acme Widgets LLC");
        s.row(pl, 1, 0, "Profit and Loss");
        s.row(pl, 2, 0, "January - March 2025");
        s.row(pl, 4, 0, "", "Jan 2025", "Feb 2025", "Mar 2025", "Total");
        String[] rows = {"Income", "   4000 Sales", "      4010 Product Sales", "      4020 Shipping Income",
            "   Total 4000 Sales", "   4100 Services", "Total Income", "Cost of Goods Sold",
            "   5000 Cost of Goods Sold", "      5010 Materials", "      5020 Freight",
            "   Total 5000 Cost of Goods Sold", "   5100 Merchant Fees", "Total Cost of Goods Sold", "Gross Profit",
            "Expenses", "   6000 Payroll Expenses", "      6010 Wages", "      6020 Payroll Taxes",
            "   Total 6000 Payroll Expenses", "   6100 Rent", "Total Expenses", "Net Operating Income", "Net Income"};
        double[][] amounts = {null, null, {100, 110, 120, 330}, {10, 11, 12, 33}, {110, 121, 132, 363},
            {50, 50, 50, 150}, {160, 171, 182, 513}, null, null, {30, 33, 36, 99}, {5, 5, 5, 15}, {35, 38, 41, 114},
            {3, 3, 3, 9}, {38, 41, 44, 123}, {122, 130, 138, 390}, null, null, {50, 50, 50, 150}, {5, 5, 5, 15},
            {55, 55, 55, 165}, {20, 20, 20, 60}, {75, 75, 75, 225}, {47, 55, 63, 165}, {47, 55, 63, 165}};
        for (int i = 0; i < rows.length; i++) {
            String label = rows[i].replace("Total ", total);
            s.row(pl, 5 + i, 0, amounts[i] == null ? new Object[] {label} : line(label, amounts[i]));
        }
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("sub-accounts.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan 2025", "Feb 2025", "Mar 2025");
        assertThat(revenue(r)).isEqualTo(513);
        assertThat(cost(r)).isEqualTo(123);
        assertThat(r.model().costs()).filteredOn(c -> c.reported() == Placement.COST_OF_REVENUE)
                .extracting(CostLine::label).containsExactly("5010 Materials", "5020 Freight", "5100 Merchant Fees");
        // payroll taxes are an operating expense, not tax on profit
        assertThat(r.model().costs()).filteredOn(c -> c.reported() != Placement.COST_OF_REVENUE)
                .extracting(CostLine::label).containsExactly("6010 Wages", "6020 Payroll Taxes", "6100 Rent");
        assertThat(r.reading().checks()).hasSize(5).allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    /** A statement under a header row (written by the caller) from row {@code top}: 3,300 revenue, 1,320 cost of sales. */
    private static void oneYear(Sheets s, int top, int... amountColumns) {
        String[] labels = {"Sales", "Total Income", "Cost of Goods Sold", "Total Cost of Goods Sold", "Gross Profit",
            "Wages", "Total Expenses", "Net Income"};
        double[] total = {3300, 3300, 1320, 1320, 1980, 600, 600, 1380};
        int parts = amountColumns.length;
        for (int i = 0; i < labels.length; i++) {
            Object[] row = new Object[amountColumns[parts - 1] + 1];
            row[0] = labels[i];
            for (int k = 0; k < parts; k++) {
                // the columns before the last split the total (departments); the last holds it
                row[amountColumns[k]] = k == parts - 1 ? total[i] : parts == 1 ? total[i] : total[i] / (parts - 1);
            }
            s.row("Sheet1", top + i, 0, row);
        }
    }

    @Test
    void aTotalOnlyExportIsOnePeriodNamedByTheTitle() throws Exception {
        Sheets s = new Sheets();
        s.row("Sheet1", 0, 0, "Acme Widgets LLC");
        s.row("Sheet1", 1, 0, "Profit and Loss");
        s.row("Sheet1", 2, 0, "January - December 2025");
        s.row("Sheet1", 4, 1, "Total");
        oneYear(s, 5, 1);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("total-only.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("January - December 2025");
        assertThat(r.model().periods().monthsPerPeriod()).isEqualTo(12);
        assertThat(revenue(r)).isEqualTo(3300);
        assertThat(cost(r)).isEqualTo(1320);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void departmentsBeforeTheTotalAreNotPeriods() throws Exception {
        Sheets s = new Sheets();
        s.row("Sheet1", 0, 0, "Profit and Loss by Class");
        s.row("Sheet1", 1, 0, "January - December 2025");
        s.row("Sheet1", 3, 1, "Consulting", "Software", "Hardware", "Total");
        oneYear(s, 4, 1, 2, 3, 4);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("by-class.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("January - December 2025");
        assertThat(revenue(r)).isEqualTo(3300);
        assertThat(cost(r)).isEqualTo(1320);
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("Consulting, Software, Hardware") && n.contains("not periods"));

        // no total column: the departments are never read as periods
        Sheets t = new Sheets();
        t.row("Sheet1", 0, 0, "Profit and Loss by Class");
        t.row("Sheet1", 2, 1, "Consulting", "Software", "Hardware");
        oneYear(t, 3, 1, 2, 3);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WorkbookReader.read(t.save(dir.resolve("classes.xlsx")))))
                .isInstanceOf(WorkbookReadException.class);
    }

    @Test
    void oneDateColumnUnderATitleThatSaysTheYearIsThatYear() throws Exception {
        Sheets s = new Sheets();
        s.row("Sheet1", 0, 0, "Income Statement");
        s.row("Sheet1", 1, 0, "Demo Company (NZ)");
        s.row("Sheet1", 2, 0, "For the year ended 31 December 2025");
        s.row("Sheet1", 4, 1, "31 Dec 25");
        oneYear(s, 5, 1);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("one-date.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("31 Dec 25");
        assertThat(r.model().periods().monthsPerPeriod()).isEqualTo(12);
        assertThat(revenue(r)).isEqualTo(3300);
        assertThat(cost(r)).isEqualTo(1320);
    }

    @Test
    void thisYearBesideLastYearWithVarianceColumns() throws Exception {
        Sheets s = new Sheets();
        s.row("Sheet1", 0, 0, "Income statement for the year ended 31 December 2025");
        s.row("Sheet1", 2, 1, "Current Year", "Prior Year", "Variance", "Var %");
        s.row("Sheet1", 3, 0, "Revenue", 1200.0, 1000.0, 200.0, 0.2);
        s.row("Sheet1", 4, 0, "Cost of sales", 500.0, 400.0, 100.0, 0.25);
        s.row("Sheet1", 5, 0, "Gross profit", 700.0, 600.0, 100.0, 0.1667);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("this-last.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2024", "2025");
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isEqualTo(900);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);

        // headed with a year range, last year marked
        Sheets t = new Sheets();
        t.row("Sheet1", 0, 1, "Jan - Dec 2025", "Jan - Dec 2024 (PY)", "$ Change", "% Change");
        t.row("Sheet1", 1, 0, "Revenue", 1200.0, 1000.0, 200.0, 0.2);
        t.row("Sheet1", 2, 0, "Cost of sales", 500.0, 400.0, 100.0, 0.25);
        t.row("Sheet1", 3, 0, "Gross profit", 700.0, 600.0, 100.0, 0.1667);
        ReadResult u = WorkbookReader.read(t.save(dir.resolve("range-py.xlsx")));
        assertThat(u.model().periods().count()).isEqualTo(2);
        assertThat(revenue(u)).isEqualTo(2200);
        assertThat(cost(u)).isEqualTo(900);

        // filed accounts: the prior year restated
        Sheets f = new Sheets();
        f.row("Sheet1", 0, 1, "2025", "Restated 2024");
        f.row("Sheet1", 1, 0, "Turnover", 1200.0, 1000.0);
        f.row("Sheet1", 2, 0, "Cost of sales", -500.0, -400.0);
        f.row("Sheet1", 3, 0, "Gross profit", 700.0, 600.0);
        ReadResult g = WorkbookReader.read(f.save(dir.resolve("restated.xlsx")));
        assertThat(g.model().periods().labels()).containsExactly("Restated 2024", "2025");
        assertThat(revenue(g)).isEqualTo(2200);
        assertThat(cost(g)).isEqualTo(900);
    }

    @Test
    void interestAndDepreciationAmongTheExpenseAccountsAreExpensesWhenTheTotalSaysSo() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "Jan 2025", "Feb 2025");
        s.row("P&L", 1, 0, "Income");
        s.row("P&L", 2, 0, line("Sales", 1000, 1000));
        s.row("P&L", 3, 0, line("Total Income", 1000, 1000));
        s.row("P&L", 4, 0, "Cost of Goods Sold");
        s.row("P&L", 5, 0, line("Cost of Goods Sold", 400, 400));
        s.row("P&L", 6, 0, line("Total Cost of Goods Sold", 400, 400));
        s.row("P&L", 7, 0, line("Gross Profit", 600, 600));
        s.row("P&L", 8, 0, "Expenses");
        s.row("P&L", 9, 0, line("Wages", 100, 100));
        s.row("P&L", 10, 0, line("Interest Expense", 5, 5));
        s.row("P&L", 11, 0, line("Depreciation Expense", 8, 8));
        s.row("P&L", 12, 0, line("Total Expenses", 113, 113));
        s.row("P&L", 13, 0, line("Net Operating Income", 487, 487));
        s.row("P&L", 14, 0, line("Net Income", 487, 487));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("interest-inside.xlsx")));
        assertThat(revenue(r)).isEqualTo(2000);
        assertThat(cost(r)).isEqualTo(800);
        assertThat(r.model().costs()).extracting(CostLine::label)
                .containsExactly("Cost of Goods Sold", "Wages", "Interest Expense", "Depreciation Expense");
        assertThat(r.reading().checks()).hasSize(5).allMatch(Reading.Check::holds);
    }

    @Test
    void aTrialBalanceByMonthIsLowConfidence() throws Exception {
        Sheets s = new Sheets();
        s.row("TB", 0, 0, "Account", "Jan 2025", "Feb 2025", "Mar 2025");
        s.row("TB", 1, 0, line("1000 Cash", 1000, 1200, 1300));
        s.row("TB", 2, 0, line("1200 Accounts Receivable", 500, 600, 700));
        s.row("TB", 3, 0, line("2000 Accounts Payable", -300, -350, -400));
        s.row("TB", 4, 0, line("4000 Sales", -1000, -1100, -1200));
        s.row("TB", 5, 0, line("5000 Cost of Goods Sold", 400, 440, 480));
        s.row("TB", 6, 0, line("6000 Wages", 200, 200, 200));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("tb.xlsx")));
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.LOW);
        assertThat(r.reading().reasons()).anyMatch(n -> n.contains("1000 Cash") && n.contains("trial balance"));
    }

    @Test
    void aYearToDateColumnAloneIsTheYearTheTitleNames() throws Exception {
        Sheets s = new Sheets();
        s.row("Sheet1", 0, 0, "Profit and Loss");
        s.row("Sheet1", 1, 0, "Year ended 31 December 2025");
        s.row("Sheet1", 3, 1, "Year to Date");
        oneYear(s, 4, 1);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("ytd.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2025");
        assertThat(revenue(r)).isEqualTo(3300);
        assertThat(cost(r)).isEqualTo(1320);
    }

    @Test
    void aTransactionDetailReportIsNotOnePeriodOfItsBalanceColumn() throws Exception {
        Sheets s = new Sheets();
        s.row("Sheet1", 0, 0, "Profit and Loss Detail");
        s.row("Sheet1", 1, 0, "January - March 2025");
        s.row("Sheet1", 3, 1, "Date", "Transaction Type", "Num", "Name", "Split", "Amount", "Balance");
        s.row("Sheet1", 4, 0, "Income");
        s.row("Sheet1", 5, 1, "01/05/2025", "Invoice", "1001", "Customer A", "Accounts Receivable", 500.0, 500.0);
        s.row("Sheet1", 6, 1, "02/05/2025", "Invoice", "1002", "Customer B", "Accounts Receivable", 700.0, 1200.0);
        s.row("Sheet1", 7, 0, "Total Income", null, null, null, null, null, 1200.0);
        s.row("Sheet1", 8, 0, "Cost of Goods Sold");
        s.row("Sheet1", 9, 1, "01/10/2025", "Bill", null, "Supplier X", "Accounts Payable", 300.0, 300.0);
        s.row("Sheet1", 10, 0, "Total Cost of Goods Sold", null, null, null, null, null, 300.0);
        s.row("Sheet1", 11, 0, "Gross Profit", null, null, null, null, null, 900.0);
        Path file = s.save(dir.resolve("detail.xlsx"));
        ReadResult r = null;
        try {
            r = WorkbookReader.read(file);
        } catch (WorkbookReadException e) {
            // failing loudly is right: a transaction listing is not a statement
        }
        assertThat(r == null || r.reading().confidence() == Reading.Confidence.LOW
                || revenue(r) == 1200 && cost(r) == 300).isTrue();
    }

    @Test
    void aLonePeriodCaptionInTheLabelColumnDoesNotCutTheStatementShort() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 1, 2, "Jan-25", "Feb-25", "Mar-25");
        s.row("P&L", 2, 1, line("Revenue", 100, 110, 120));
        s.row("P&L", 3, 1, line("Cost of revenue", 40, 44, 48));
        s.row("P&L", 4, 1, line("Gross profit", 60, 66, 72));
        s.row("P&L", 5, 1, "FY2025");
        s.row("P&L", 6, 1, line("Salaries", 20, 20, 20));
        s.row("P&L", 7, 1, line("Rent", 10, 10, 10));
        s.row("P&L", 8, 1, line("Operating income", 30, 36, 42));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("caption.xlsx")));
        assertThat(r.model().costs()).extracting(CostLine::label).containsExactly("Cost of revenue", "Salaries", "Rent");
        assertThat(r.reading().checks()).hasSize(2).allMatch(Reading.Check::holds);
    }

    @Test
    void operatingIncomeOverTheFirstLinesIsTheRevenueSection() throws Exception {
        // an accounting package that heads its revenue "Operating Income" and totals each section "Total for ..."
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Account", "Jan 2025", "Feb 2025");
        s.row("P&L", 1, 0, "Operating Income");
        s.row("P&L", 2, 0, line("Sales", 1000, 1100));
        s.row("P&L", 3, 0, line("Total for Operating Income", 1000, 1100));
        s.row("P&L", 4, 0, "Cost of Goods Sold");
        s.row("P&L", 5, 0, line("Cost of Goods Sold", 400, 440));
        s.row("P&L", 6, 0, line("Total for Cost of Goods Sold", 400, 440));
        s.row("P&L", 7, 0, line("Gross Profit", 600, 660));
        s.row("P&L", 8, 0, "Operating Expense");
        s.row("P&L", 9, 0, line("Rent Expense", 100, 100));
        s.row("P&L", 10, 0, line("Salaries and Employee Wages", 200, 200));
        s.row("P&L", 11, 0, line("Total for Operating Expense", 300, 300));
        s.row("P&L", 12, 0, line("Operating Profit", 300, 360));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("operating-income.xlsx")));
        assertThat(revenue(r)).isEqualTo(2100);
        assertThat(cost(r)).isEqualTo(840);
        assertThat(r.model().costs()).extracting(CostLine::label)
                .containsExactly("Cost of Goods Sold", "Rent Expense", "Salaries and Employee Wages");
        assertThat(r.reading().checks()).hasSize(5).allMatch(Reading.Check::holds);
    }

    @Test
    void classesOverRepeatedMonthsAreReadFromTheirTotalGroup() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Profit and Loss by Class");
        s.row("P&L", 1, 1, "Consulting", null, "Software", null, "Total");
        s.row("P&L", 2, 1, "Jan 2025", "Feb 2025", "Jan 2025", "Feb 2025", "Jan 2025", "Feb 2025");
        s.row("P&L", 3, 0, line("Sales", 100, 110, 300, 330, 400, 440));
        s.row("P&L", 4, 0, line("Cost of Goods Sold", 50, 55, 90, 99, 140, 154));
        s.row("P&L", 5, 0, line("Gross Profit", 50, 55, 210, 231, 260, 286));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("class-months.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan 2025", "Feb 2025");
        assertThat(revenue(r)).isEqualTo(840);
        assertThat(cost(r)).isEqualTo(294);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void actualUnderEachMonthBesideItsBudget() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 1, "Jan 2025", null, "Feb 2025");
        s.row("P&L", 1, 1, "Actual", "Budget", "Actual", "Budget");
        s.row("P&L", 2, 0, line("Revenue", 100, 90, 110, 100));
        s.row("P&L", 3, 0, line("Cost of revenue", 40, 36, 44, 40));
        s.row("P&L", 4, 0, line("Gross profit", 60, 54, 66, 60));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("actual-budget.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan 2025", "Feb 2025");
        assertThat(revenue(r)).isEqualTo(210);
        assertThat(cost(r)).isEqualTo(84);

        // budget against actuals over a year: the year, not its last month
        Sheets y = new Sheets();
        y.row("P&L", 0, 0, "Budget vs. Actuals: FY2025 - P&L");
        y.row("P&L", 1, 0, "January - December 2025");
        y.row("P&L", 3, 1, "Actual", "Budget", "over Budget");
        y.row("P&L", 4, 0, line("Revenue", 1200, 1000, 200));
        y.row("P&L", 5, 0, line("Cost of revenue", 500, 400, 100));
        y.row("P&L", 6, 0, line("Gross profit", 700, 600, 100));
        ReadResult b = WorkbookReader.read(y.save(dir.resolve("bva.xlsx")));
        assertThat(b.model().periods().labels()).containsExactly("January - December 2025");
        assertThat(b.model().periods().monthsPerPeriod()).isEqualTo(12);
        assertThat(revenue(b)).isEqualTo(1200);
    }

    @Test
    void aStatementOverPeriodsIsPreferredToAOnePeriodTotalOfIt() throws Exception {
        Sheets s = new Sheets();
        s.row("Summary", 0, 1, "Total");
        s.row("Summary", 1, 0, line("Revenue", 3300));
        s.row("Summary", 2, 0, line("Cost of revenue", 1320));
        s.row("Summary", 3, 0, line("Gross profit", 1980));
        s.row("Detail", 0, 1, "Jan 2025", "Feb 2025", "Mar 2025");
        s.row("Detail", 1, 0, line("Revenue", 1000, 1100, 1200));
        s.row("Detail", 2, 0, line("Cost of revenue", 400, 440, 480));
        s.row("Detail", 3, 0, line("Gross profit", 600, 660, 720));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("summary-and-detail.xlsx")));
        assertThat(r.reading().table().sheet()).isEqualTo("Detail");
        assertThat(r.model().periods().count()).isEqualTo(3);
        assertThat(revenue(r)).isEqualTo(3300);
    }

    @Test
    void aLineNamedForSalesUnderADirectCostHeadingAfterTheSalesTotalIsACost() throws Exception {
        // a small-business package: Sales, Purchases, Direct Expenses, each with its total, codes beside the names
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Profit and Loss");
        s.row("P&L", 1, 0, "Year ended 31 December 2025");
        s.row("P&L", 3, 2, "Year to Date");
        s.row("P&L", 4, 1, "Sales");
        s.row("P&L", 5, 0, "4000", "Sales Type A", 12000.0);
        s.row("P&L", 6, 0, "4010", "Sales Type B", 2400.0);
        s.row("P&L", 7, 1, "Total Sales", 14400.0);
        s.row("P&L", 8, 1, "Direct Expenses");
        s.row("P&L", 9, 0, "5000", "Materials Purchased", 4800.0);
        s.row("P&L", 10, 0, "6200", "Sales Promotions", 600.0);
        s.row("P&L", 11, 1, "Total Direct Expenses", 5400.0);
        s.row("P&L", 12, 1, "Gross Profit/(Loss):", 9000.0);
        s.row("P&L", 13, 1, "Overheads");
        s.row("P&L", 14, 0, "7000", "Gross wages", 2400.0);
        s.row("P&L", 15, 1, "Net Profit/(Loss):", 6600.0);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("direct-expenses.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("2025");
        assertThat(revenue(r)).isEqualTo(14400);
        assertThat(cost(r)).isEqualTo(5400);
        assertThat(r.model().costs()).filteredOn(c -> c.reported() == Placement.COST_OF_REVENUE)
                .extracting(CostLine::label).containsExactly("Materials Purchased", "Sales Promotions");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }
}
