package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monthly management report whose columns name no period: "Actual" (or "Current month",
 * "Period") beside Budget, Variance and year-to-date columns, with the month named in the report's
 * title or its sheet's name ("Management accounts - March 2026"). The month's own column is its one
 * period; the others compare or add up, and are left out.
 */
final class ReportColumns {
    private static final Pattern CURRENT = Pattern.compile(
            "(actual|actuals|act|current month|this month|month|period|current period|month actual|actual month"
                    + "|mtd|month to date|actual mtd|mtd actual)");
    private static final Pattern BESIDE = Pattern.compile(
            "\\b(budget|bud|variance|var|ytd|year to date|prior year|last year|py|forecast|plan|fav|adv)\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?[\\s\\-/'’,]*(\\d{4})\\b");

    private ReportColumns() {
    }

    /** The month's column of a report header at row {@code r}, or null when the row is not one. */
    static StatementPeriods.Columns month(GridSheet s, int r) {
        GridCell[] row = s.row(r);
        int current = -1;
        String heading = null;
        boolean beside = false;
        for (int c = 0; c < row.length; c++) {
            if (row[c] == null || !row[c].isText()) {
                continue;
            }
            String t = row[c].text().trim().toLowerCase(Locale.ROOT).replace('\n', ' ');
            if (current < 0 && CURRENT.matcher(t).matches()) {
                current = c;
                heading = row[c].text().trim();
            } else if (BESIDE.matcher(t).find()) {
                beside = true;
            }
        }
        if (current < 0 || !beside) {
            return null;
        }
        LocalDate month = monthNamed(s, r);
        if (month == null) {
            return null;
        }
        Period p = PeriodParser.month(month);
        return new StatementPeriods.Columns(r, new int[] {current}, List.of(p), Granularity.MONTH, new java.util.ArrayList<>(
                List.of("One period is read here: the '" + heading + "' column, for " + p.label() + " as the title"
                        + " says; the budget, variance and year-to-date columns beside it are left out.")));
    }

    /** The month and year the rows above the header (up to eight) or the sheet's name state. */
    private static LocalDate monthNamed(GridSheet s, int r) {
        for (int k = r - 1; k >= Math.max(0, r - 8); k--) {
            for (GridCell cell : s.row(k)) {
                if (cell != null && cell.isText()) {
                    LocalDate d = monthIn(cell.text());
                    if (d != null) {
                        return d;
                    }
                }
            }
        }
        return monthIn(s.name());
    }

    private static LocalDate monthIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        LocalDate d = TextDates.textDate(lower);
        if (d != null) {
            return d;
        }
        Matcher m = MONTH_YEAR.matcher(lower);
        return m.find() ? LocalDate.of(Integer.parseInt(m.group(2)), PeriodParser.monthIndex(m.group(1)), 1) : null;
    }
}
