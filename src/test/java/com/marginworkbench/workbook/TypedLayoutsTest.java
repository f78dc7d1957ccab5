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
 * Statements as people type and label them by hand, each in a small workbook written here: every
 * amount typed as text, months marked A and F for actual and forecast, gross profit named for what
 * it pays for.
 */
class TypedLayoutsTest {
    @TempDir
    Path dir;

    @Test
    void aStatementTypedAsTextThroughoutIsCheckedAgainstItsOwnTypedTotals() throws Exception {
        // pasted from a PDF: every amount is text, the totals too, costs in parentheses
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2024", "2025");
        s.row("P&L", 1, 0, "Revenue", "1,000", "1,200");
        s.row("P&L", 2, 0, "Cost of revenue", "(400)", "(450)");
        s.row("P&L", 3, 0, "Gross profit", "600", "750");
        s.row("P&L", 4, 0, "Operating expenses", "(300)", "(320)");
        s.row("P&L", 5, 0, "Operating income", "300", "430");
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("typed.xlsx")));
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isEqualTo(850);
        assertThat(r.model().costs()).filteredOn(c -> c.reported() != Placement.COST_OF_REVENUE)
                .extracting(CostLine::label).containsExactly("Operating expenses");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    @Test
    void monthsMarkedActualAndForecastByALetterAreTwelvePeriods() throws Exception {
        Sheets s = new Sheets();
        Object[] header = new Object[13];
        header[0] = "";
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        double[] rev = new double[12];
        double[] cor = new double[12];
        double[] gp = new double[12];
        for (int i = 0; i < 12; i++) {
            header[i + 1] = months[i] + "-26 " + (i < 6 ? "A" : "F");
            rev[i] = 100;
            cor[i] = 40;
            gp[i] = 60;
        }
        s.row("P&L", 0, 0, header);
        s.row("P&L", 1, 0, line("Revenue", rev));
        s.row("P&L", 2, 0, line("Cost of revenue", cor));
        s.row("P&L", 3, 0, line("Gross profit", gp));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("af.xlsx")));
        assertThat(r.model().periods().labels()).hasSize(12).startsWith("Jan-26 A").endsWith("Dec-26 F");
        assertThat(revenue(r)).isEqualTo(1200);
        assertThat(cost(r)).isEqualTo(480);
    }

    @Test
    void aContributionToOverheadsOrAGrossContributionIsTheStatementsGrossProfitNotAnExpense() throws Exception {
        for (String gp : new String[] {"Contribution to overhead", "Contribution to overheads",
                "Contribution to fixed costs", "Gross contribution"}) {
            Sheets s = new Sheets();
            s.row("Income Statement", 0, 0, "", "2024", "2025");
            s.row("Income Statement", 1, 0, line("Sales", 1000, 1200));
            s.row("Income Statement", 2, 0, line("Cost of goods sold", 400, 450));
            s.row("Income Statement", 3, 0, line(gp, 600, 750));
            s.row("Income Statement", 4, 0, line("Overheads", 300, 320));
            s.row("Income Statement", 5, 0, line("Net income", 300, 430));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("overhead.xlsx")));
            assertThat(revenue(r)).as(gp).isEqualTo(2200);
            assertThat(cost(r)).as(gp).isEqualTo(850);
            assertThat(r.model().costs()).as(gp).extracting(CostLine::label)
                    .containsExactly("Cost of goods sold", "Overheads");
            assertThat(r.reading().checks()).as(gp).isNotEmpty().allMatch(Reading.Check::holds);
        }
    }

    @Test
    void amountsTypedWithAThousandOrMillionSuffixAreRead() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2024", "2025");
        s.row("P&L", 1, 0, "Revenue", "1.2m", "1.5M");
        s.row("P&L", 2, 0, "Cost of revenue", "400k", "450K");
        s.row("P&L", 3, 0, "Gross profit", "800k", "1.05m");
        s.row("P&L", 4, 0, "Operating expenses", "$300k", "$320k");
        s.row("P&L", 5, 0, "Operating income", "500k", "730k");
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("suffix.xlsx")));
        assertThat(revenue(r)).isEqualTo(2_700_000);
        assertThat(cost(r)).isEqualTo(850_000);
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
    }

    @Test
    void otherIncomeAboveOperatingProfitIsPartOfItNotADoubt() throws Exception {
        // small companies' accounts: other (operating) income between gross profit and operating profit
        for (String other : new String[] {"Other income", "Other operating income"}) {
            Sheets s = new Sheets();
            s.row("P&L", 0, 0, "", "2024", "2025");
            s.row("P&L", 1, 0, line("Turnover", 1000, 1200));
            s.row("P&L", 2, 0, line("Cost of sales", 400, 450));
            s.row("P&L", 3, 0, line("Gross profit", 600, 750));
            s.row("P&L", 4, 0, line(other, 20, 30));
            s.row("P&L", 5, 0, line("Administrative expenses", 300, 320));
            s.row("P&L", 6, 0, line("Operating profit", 320, 460));
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("other.xlsx")));
            assertThat(revenue(r)).as(other).isEqualTo(2200);
            assertThat(cost(r)).as(other).isEqualTo(850);
            assertThat(r.model().costs()).as(other).extracting(CostLine::label)
                    .containsExactly("Cost of sales", "Administrative expenses");
            assertThat(r.reading().checks()).as(other).hasSize(2).allMatch(Reading.Check::holds);
            assertThat(r.reading().confidence()).as(other).isEqualTo(Reading.Confidence.HIGH);
        }
    }

    @Test
    void aLineNamedOperatingExpensesBesideDepreciationIsALineWhenOperatingIncomeSaysSo() throws Exception {
        // "Operating expenses" here is the rest of the expenses, not a total of depreciation above it
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "2024", "2025");
        s.row("P&L", 1, 0, line("Revenue", 1000, 1200));
        s.row("P&L", 2, 0, line("Cost of revenue", 400, 450));
        s.row("P&L", 3, 0, line("Gross profit", 600, 750));
        s.row("P&L", 4, 0, line("Depreciation & amortisation", 50, 60));
        s.row("P&L", 5, 0, line("Operating expenses", 250, 260));
        s.row("P&L", 6, 0, line("Operating income", 300, 430));
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("beside.xlsx")));
        assertThat(revenue(r)).isEqualTo(2200);
        assertThat(cost(r)).isEqualTo(850);
        assertThat(r.model().costs()).extracting(CostLine::label)
                .containsExactly("Cost of revenue", "Depreciation & amortisation", "Operating expenses");
        assertThat(r.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(r.reading().notes()).noneMatch(n -> n.contains("is read as one line"));
    }

    @Test
    void amountsTypedTheContinentalWayOrWithTheMinusAfterThemAreRead() throws Exception {
        String[][] ways = {
            {"1.234,56", "2.345,67", "-500,00", "-900,00", "734,56", "1.445,67"},
            {"1.234,56 €", "2.345,67 €", "-500,00 €", "-900,00 €", "734,56 €", "1.445,67 €"},
            {"1 234,56", "2 345,67", "500,00-", "900,00-", "734,56", "1 445,67"},
        };
        for (String[] w : ways) {
            Sheets s = new Sheets();
            s.row("GuV", 0, 0, "", "2024", "2025");
            s.row("GuV", 1, 0, "Revenue", w[0], w[1]);
            s.row("GuV", 2, 0, "Cost of sales", w[2], w[3]);
            s.row("GuV", 3, 0, "Gross profit", w[4], w[5]);
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("continental.xlsx")));
            assertThat(revenue(r)).as(w[0]).isEqualTo(3580.23, org.assertj.core.api.Assertions.within(0.001));
            assertThat(cost(r)).as(w[0]).isEqualTo(1400, org.assertj.core.api.Assertions.within(0.001));
            assertThat(r.reading().checks()).as(w[0]).isNotEmpty().allMatch(Reading.Check::holds);
        }
    }
}
