package com.marginworkbench.workbook;

import com.marginworkbench.model.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.marginworkbench.workbook.Sheets.cost;
import static com.marginworkbench.workbook.Sheets.line;
import static com.marginworkbench.workbook.Sheets.revenue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A valuation model: the company's own statement on its first sheet, under a name that says
 * nothing ("Model"), and comparable companies' statements on later sheets, as full as it and with
 * totals that check out. The company's statement is read, and the reading says that the others
 * read as well rather than claiming to be sure; a sheet named as the income statement settles it.
 */
class ComparableCompaniesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstSheetsStatementIsReadAndTheComparablesAreNamed() throws Exception {
        Sheets s = new Sheets();
        s.row("Model", 0, 0, "Northwind forecast");
        own(s, "Model");
        comparable(s, "Acme Corp", 5000);
        comparable(s, "Globex", 8000);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("valuation-with-comps.xlsx")));

        assertThat(r.reading().table().sheet()).isEqualTo("Model");
        assertThat(revenue(r)).isEqualTo(4000);
        assertThat(cost(r)).isEqualTo(1470);
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.MEDIUM);
        assertThat(r.reading().reasons()).anyMatch(x -> x.contains("'Acme Corp'") && x.contains("'Globex'"));
        assertThat(r.reading().notes()).anyMatch(n -> n.contains("'Model' is read"));
    }

    @Test
    void aSheetNamedAsTheIncomeStatementSettlesItWithoutADoubt() throws Exception {
        Sheets s = new Sheets();
        comparable(s, "Acme Corp", 5000);
        own(s, "P&L");
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("pnl-named.xlsx")));

        assertThat(r.reading().table().sheet()).isEqualTo("P&L");
        assertThat(r.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
    }

    /** The company's own statement, forecast years, down to net income. */
    private static void own(Sheets s, String sheet) {
        String[] labels = {"Revenue", "Cost of revenue", "Gross profit", "Operating expenses", "Operating income",
            "Income before income taxes", "Income tax expense", "Net income"};
        double[][] amounts = {{1000, 1300, 1700}, {400, 480, 590}, {600, 820, 1110}, {500, 600, 700}, {100, 220, 410},
            {100, 220, 410}, {25, 55, 102.5}, {75, 165, 307.5}};
        s.row(sheet, 2, 0, "", "2024A", "2025E", "2026E");
        for (int i = 0; i < labels.length; i++) {
            s.row(sheet, 3 + i, 0, line(labels[i], amounts[i]));
        }
    }

    /** A listed peer's statement, down to net income, its totals adding up. */
    private static void comparable(Sheets s, String sheet, double revenue) {
        double cost = revenue * 0.6;
        double sga = revenue * 0.2;
        double operating = revenue - cost - sga;
        double tax = operating * 0.25;
        s.row(sheet, 0, 0, sheet + " (peer)");
        s.row(sheet, 2, 0, "", "2022", "2023", "2024");
        s.row(sheet, 3, 0, line("Net sales", revenue, revenue, revenue));
        s.row(sheet, 4, 0, line("Cost of sales", cost, cost, cost));
        s.row(sheet, 5, 0, line("Gross profit", revenue - cost, revenue - cost, revenue - cost));
        s.row(sheet, 6, 0, line("Selling, general and administrative", sga, sga, sga));
        s.row(sheet, 7, 0, line("Operating income", operating, operating, operating));
        s.row(sheet, 8, 0, line("Income before income taxes", operating, operating, operating));
        s.row(sheet, 9, 0, line("Income tax expense", tax, tax, tax));
        s.row(sheet, 10, 0, line("Net income", operating - tax, operating - tax, operating - tax));
    }
}
