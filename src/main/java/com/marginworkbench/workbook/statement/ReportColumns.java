package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.CellValues;
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

    /** "This year", "Current year", "Current period": the report's own period beside a comparative one. */
    private static final Pattern THIS = Pattern.compile("(this|current|curr\\.?|cur\\.?) ?(year|yr|fy|period|ytd)|cy|ty");
    /** "Last year", "Prior year", "Previous period": the comparative column. */
    private static final Pattern PRIOR = Pattern.compile(
            "(last|prior|previous|prev\\.?|comparative) ?(year|yr|fy|period|ytd)|py|ly");
    /** A total column's heading: alone in a one-period export, or after departments, classes or locations. */
    private static final Pattern TOTAL = Pattern.compile(
            "(grand )?totals?|total amount|amount|ytd|year[ \\-]to[ \\-]date|ytd actual|actual ytd");
    /** Columns of a ledger or transaction listing ("Date", "Num", "Memo", "Split", "Balance"): no department report. */
    private static final Pattern LEDGER = Pattern.compile(
            "\\b(date|type|num|no|number|name|memo|description|split|account|ref|reference|balance|debit|credit|qty"
                    + "|quantity|rate|journal|source|code)\\b");
    /** "January - December 2025", "Jan 1 - Dec 31, 2025", "January through December 2025": what a report covers. */
    private static final Pattern RANGE = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?: \\d{1,2})?,?(?: (\\d{4}))?"
                    + " ?(?:-|–|to|through|thru) ?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
                    + "(?: \\d{1,2})?,? (\\d{4})\\b");
    private static final Pattern YEAR_ENDED = Pattern.compile(
            "\\b(?:year|12 months|twelve months|period) end(?:ed|ing)\\b.*?\\b((?:19|20)\\d{2})\\b");

    private ReportColumns() {
    }

    /**
     * A report whose header names no period: one "Total" column (an accounting package's one-period
     * export, or the total after its departments, classes or locations), or "This year" beside "Last
     * year" (variance columns after them). The total is one period, named by the range in the title;
     * departments are parts of it, never periods. Null when the row is not such a header: it holds a
     * number, or no such heading.
     */
    static StatementPeriods.Columns withoutPeriods(GridSheet s, int r, int from) {
        GridCell[] row = s.row(r);
        int current = -1;
        int prior = -1;
        int total = -1;
        List<String> others = new java.util.ArrayList<>();
        for (int c = Math.max(0, from); c < row.length; c++) {
            GridCell cell = row[c];
            if (cell == null) {
                continue;
            }
            if (!cell.isText()) {
                return null;
            }
            String t = cell.text().trim().toLowerCase(Locale.ROOT).replace('\n', ' ');
            if (t.isEmpty()) {
                continue;
            }
            if (current < 0 && THIS.matcher(t).matches()) {
                current = c;
            } else if (prior < 0 && PRIOR.matcher(t).matches()) {
                prior = c;
            } else if (TOTAL.matcher(t).matches()) {
                total = c;
            } else if (LEDGER.matcher(t).find()) {
                return null;
            } else {
                others.add(cell.text().trim());
            }
        }
        String covered = covered(s, r);
        if (current >= 0 && labelledAmountsBelow(s, r, current)) {
            Integer year = yearNamed(s, r);
            boolean years = year != null || row[current].text().toLowerCase(Locale.ROOT).matches(".*(year|yr|fy|cy|ty).*");
            Granularity g = years ? Granularity.YEAR : Granularity.OTHER;
            List<Period> ps = new java.util.ArrayList<>();
            int[] cols = prior >= 0 ? new int[] {prior, current} : new int[] {current};
            if (prior >= 0) {
                ps.add(new Period(year != null ? String.valueOf(year - 1) : row[prior].text().trim(), g,
                        year != null ? (year - 1) * 12 : 12, false));
            }
            ps.add(new Period(year != null ? String.valueOf(year) : row[current].text().trim(), g,
                    year != null ? year * 12 : 24, false));
            return new StatementPeriods.Columns(r, cols, ps, g, new java.util.ArrayList<>(List.of(
                    "The columns name no period: " + (prior >= 0 ? "'" + row[prior].text().trim() + "' and " : "")
                            + "'" + row[current].text().trim() + "'" + (prior >= 0 ? " are read" : " is read")
                            + (year != null ? " as " + (prior >= 0 ? (year - 1) + " and " : "") + year
                            + ", the year the title names" : "") + "; any variance columns beside them are left out.")));
        }
        if (total < 0 || total < lastText(row, from) || !labelledAmountsBelow(s, r, total)) {
            return null;
        }
        Period p = covered != null ? PeriodParser.parseText(covered) : null;
        Integer year = covered == null ? yearEnded(s, r) : null;
        if (year != null) {
            covered = "the year ended in " + year;
            p = new Period(String.valueOf(year), Granularity.YEAR, year * 12, false);
        }
        if (p == null || p.total()) {
            p = new Period(covered != null ? covered : "Total", Granularity.OTHER, 0, false);
        }
        String parts = others.isEmpty() ? "" : "; the columns before it (" + String.join(", ", others.subList(0,
                Math.min(4, others.size()))) + (others.size() > 4 ? ", ..." : "") + ") are parts of it (departments,"
                + " classes or locations), not periods, and are left out";
        return new StatementPeriods.Columns(r, new int[] {total}, List.of(p), p.granularity(), new java.util.ArrayList<>(
                List.of("One period is read here: the '" + row[total].text().trim() + "' column"
                        + (covered != null ? ", for " + covered + " as the title says" : "") + parts + ".")));
    }

    /**
     * A header with one period heading and nothing else ("31 Dec 25" over a year's figures): the one
     * period, a year where the title says the report covers a year ending then.
     */
    static StatementPeriods.Columns lonePeriod(GridSheet s, int r, int col, Period p) {
        if (!labelledAmountsBelow(s, r, col)) {
            return null;
        }
        Integer year = yearNamed(s, r);
        Period read = p;
        if (year != null && p.granularity() == Granularity.MONTH && p.key() / 12 == year) {
            read = new Period(p.label(), Granularity.YEAR, (p.key() - 11), false);
        }
        return new StatementPeriods.Columns(r, new int[] {col}, List.of(read), read.granularity(),
                new java.util.ArrayList<>(List.of("One period is read here: the '" + p.label() + "' column"
                        + (read != p ? ", the year ended then as the title says" : "") + ".")));
    }

    /**
     * Whether rows right below the header hold an amount in column {@code col} with words to its left
     * (at least two of the next eight): a lone heading over a column of labels (a caption in the label
     * column) is no header, and must not cut the statement above it short.
     */
    private static boolean labelledAmountsBelow(GridSheet s, int r, int col) {
        int found = 0;
        for (int k = r + 1; k <= Math.min(s.rowCount() - 1, r + 8) && found < 2; k++) {
            GridCell amount = s.cell(k, col);
            if (amount == null || CellValues.read(amount).status() != CellValues.Status.NUMBER) {
                continue;
            }
            for (int c = 0; c < col; c++) {
                GridCell label = s.cell(k, c);
                if (label != null && label.isText() && CellValues.text(label.text()).status() == CellValues.Status.PROBLEM) {
                    found++;
                    break;
                }
            }
        }
        return found >= 2;
    }

    private static int lastText(GridCell[] row, int from) {
        int last = -1;
        for (int c = Math.max(0, from); c < row.length; c++) {
            if (row[c] != null && row[c].isText() && !row[c].text().isBlank()) {
                last = c;
            }
        }
        return last;
    }

    /** The range of months the rows above the header (up to eight) say the report covers, as written, or null. */
    private static String covered(GridSheet s, int r) {
        for (int k = r - 1; k >= Math.max(0, r - 8); k--) {
            for (GridCell cell : s.row(k)) {
                if (cell != null && cell.isText()) {
                    Matcher m = RANGE.matcher(cell.text().toLowerCase(Locale.ROOT));
                    if (m.find()) {
                        return cell.text().trim().substring(m.start(), m.end());
                    }
                }
            }
        }
        return null;
    }

    /** The year of "year ended ..." in a title above the header, or null. */
    private static Integer yearEnded(GridSheet s, int r) {
        for (int k = r - 1; k >= Math.max(0, r - 8); k--) {
            for (GridCell cell : s.row(k)) {
                Matcher m = cell != null && cell.isText() ? YEAR_ENDED.matcher(cell.text().toLowerCase(Locale.ROOT)) : null;
                if (m != null && m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    /** The year a title above the header ends in ("For the year ended 31 December 2025", "January - December 2025"). */
    private static Integer yearNamed(GridSheet s, int r) {
        for (int k = r - 1; k >= Math.max(0, r - 8); k--) {
            for (GridCell cell : s.row(k)) {
                if (cell != null && cell.isText()) {
                    String lower = cell.text().toLowerCase(Locale.ROOT);
                    Matcher m = YEAR_ENDED.matcher(lower);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                    m = RANGE.matcher(lower);
                    if (m.find()) {
                        return Integer.parseInt(m.group(4));
                    }
                }
            }
        }
        return null;
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
        StatementPeriods.Columns under = actualUnderEachPeriod(s, r, row);
        if (under != null) {
            return under;
        }
        String covered = covered(s, r);
        Period span = covered == null ? null : PeriodParser.parseText(covered);
        LocalDate month = monthNamed(s, r);
        if (month == null && span == null) {
            return null;
        }
        // a report over a span of months ("January - December 2025") is that span, not its last month
        Period p = span != null && !span.total() && span.granularity() != Granularity.MONTH ? span
                : month != null ? PeriodParser.month(month) : span;
        return new StatementPeriods.Columns(r, new int[] {current}, List.of(p), p.granularity(), new java.util.ArrayList<>(
                List.of("One period is read here: the '" + heading + "' column, for " + p.label() + " as the title"
                        + " says; the budget, variance and year-to-date columns beside it are left out.")));
    }

    /**
     * Periods in the row above, each over its own Actual, Budget and Variance columns ("Jan 2025" over
     * "Actual | Budget"): the Actual column under each period is read. Null where the row above names
     * fewer than two periods or a period has no Actual column under it.
     */
    private static StatementPeriods.Columns actualUnderEachPeriod(GridSheet s, int r, GridCell[] row) {
        if (r == 0) {
            return null;
        }
        GridCell[] above = s.row(r - 1);
        List<Integer> at = new java.util.ArrayList<>();
        List<Period> periods = new java.util.ArrayList<>();
        for (int c = 0; c < above.length; c++) {
            Period p = PeriodParser.parse(above[c]);
            if (p != null && !p.total()) {
                at.add(c);
                periods.add(p);
            }
        }
        if (at.size() < 2) {
            return null;
        }
        int[] cols = new int[at.size()];
        for (int i = 0; i < at.size(); i++) {
            int to = i + 1 < at.size() ? at.get(i + 1) : row.length;
            cols[i] = -1;
            for (int c = at.get(i); c < to && c < row.length && cols[i] < 0; c++) {
                if (row[c] != null && row[c].isText()
                        && CURRENT.matcher(row[c].text().trim().toLowerCase(Locale.ROOT)).matches()) {
                    cols[i] = c;
                }
            }
            if (cols[i] < 0) {
                return null;
            }
        }
        Integer[] order = new Integer[cols.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> periods.get(i).key()));
        int[] sorted = new int[cols.length];
        List<Period> ps = new java.util.ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            sorted[i] = cols[order[i]];
            ps.add(periods.get(order[i]));
        }
        return new StatementPeriods.Columns(r, sorted, ps, ps.get(0).granularity(), new java.util.ArrayList<>(List.of(
                "Each period has its own columns (" + row[cols[0]].text().trim() + " beside budget or variance);"
                        + " the '" + row[cols[0]].text().trim() + "' column under each is read.")));
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
