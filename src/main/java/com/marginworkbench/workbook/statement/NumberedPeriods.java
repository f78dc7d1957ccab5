package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Period headings typed as numbers: years one apart (oldest or newest first), date serials with a
 * steady step, and numbered months, quarters or years under a "Month" / "Quarter" / "Year" heading,
 * also where the numbers start again under each year ("FY2025" over 1..12, "FY2026" over 1..12).
 */
final class NumberedPeriods {
    private NumberedPeriods() {
    }

    /** Years typed as numbers, date serials with a steady step, or numbered months under a "Month" heading. */
    static void add(GridSheet s, int r, List<Integer> numberCols, List<Double> numbers,
                                   List<Integer> cols, List<Period> periods, List<LocalDate> dates) {
        if (numberCols.isEmpty() || namesALine(s, r, numberCols.get(0))) {
            return;
        }
        boolean allYears = true;
        boolean allSerials = true;
        boolean ordinals = true;
        // numbered months that start again under each year ("FY2025" over 1..12, "FY2026" over 1..12)
        boolean restarts = false;
        // years run one apart, oldest first or (as filings print them) newest first
        double yearStep = numbers.size() > 1 && numbers.get(1) < numbers.get(0) ? -1 : 1;
        for (int i = 0; i < numbers.size(); i++) {
            double v = numbers.get(i);
            boolean integer = v == Math.rint(v);
            allYears &= StatementPeriods.isCalendarYear(v) && (i == 0 || v == numbers.get(i - 1) + yearStep);
            if (allSerials && i > 0 && integer) {
                LocalDate a = PeriodParser.serialToDate(numbers.get(i - 1));
                LocalDate b = PeriodParser.serialToDate(v);
                allSerials = a != null && b != null && StatementPeriods.step(a, b) != null;
            }
            allSerials &= integer && v >= 20000 && v <= 80000;
            boolean again = i > 0 && integer && v == numbers.get(0) && numbers.get(i - 1) > v;
            restarts |= again;
            ordinals &= integer && (i == 0 || v == numbers.get(i - 1) + 1 || again) && numbers.get(0) <= 1
                    && numbers.get(0) >= 0;
        }
        // two years alone make a header too (a filing's this year and last): the row names no line
        if (allYears && numbers.size() >= 2) {
            for (int i = 0; i < numbers.size(); i++) {
                int y = numbers.get(i).intValue();
                cols.add(numberCols.get(i));
                periods.add(new Period(Integer.toString(y), Granularity.YEAR, y * 12, false));
                dates.add(null);
            }
        } else if (allSerials && numbers.size() >= 3) {
            for (int i = 0; i < numbers.size(); i++) {
                cols.add(numberCols.get(i));
                periods.add(null);
                dates.add(PeriodParser.serialToDate(numbers.get(i)));
            }
        } else if (ordinals && numbers.size() >= 3) {
            Granularity g = ordinalUnit(s, r);
            if (g == null && restarts) {
                // no word says what they count: runs of 12 under the years are months, runs of 4 quarters
                int run = numbers.subList(1, numbers.size()).indexOf(numbers.get(0)) + 1;
                g = run == 12 ? Granularity.MONTH : run == 4 ? Granularity.QUARTER : null;
            }
            if (g != null && (cols.isEmpty() || longerPeriodsAfter(g, numberCols, cols, periods))) {
                String word = g == Granularity.MONTH ? "Month " : g == Granularity.QUARTER ? "Quarter " : "Year ";
                for (int i = 0; i < numbers.size(); i++) {
                    int n = numbers.get(i).intValue();
                    cols.add(numberCols.get(i));
                    // where the numbers start again, each run is a year's months: keyed within the year,
                    // for the year named over the run to place them (yearsAbove)
                    int key = restarts && g == Granularity.MONTH ? n - numbers.get(0).intValue()
                            : restarts && g == Granularity.QUARTER ? (n - numbers.get(0).intValue()) * 3
                            : g == Granularity.MONTH ? n : g == Granularity.QUARTER ? n * 3 : n * 12;
                    periods.add(new Period(word + n, g, key, false));
                    dates.add(null);
                }
            }
        }
        // keep the columns in sheet order
        Integer[] idx = new Integer[cols.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(cols.get(a), cols.get(b)));
        List<Integer> c2 = new ArrayList<>();
        List<Period> p2 = new ArrayList<>();
        List<LocalDate> d2 = new ArrayList<>();
        for (Integer i : idx) {
            c2.add(cols.get(i));
            p2.add(periods.get(i));
            d2.add(dates.get(i));
        }
        cols.clear();
        cols.addAll(c2);
        periods.clear();
        periods.addAll(p2);
        dates.clear();
        dates.addAll(d2);
    }

    /**
     * True when the periods already found in the row are all longer than numbered {@code unit}s and sit
     * after them: "Month 1 ... 24" then "Year 1", "Year 2" (totals or periods of their own, which the
     * sums decide later).
     */
    private static boolean longerPeriodsAfter(Granularity unit, List<Integer> numberCols, List<Integer> cols,
                                              List<Period> periods) {
        int lastNumber = numberCols.get(numberCols.size() - 1);
        for (int i = 0; i < cols.size(); i++) {
            Period p = periods.get(i);
            if (p == null || cols.get(i) < lastNumber || p.granularity() == Granularity.OTHER
                    || p.granularity().perYear() >= unit.perYear()) {
                return false;
            }
        }
        return true;
    }

    /** Headings of a column beside the periods ("Assumption", "Notes", "Unit"): they name no line. */
    private static final Pattern COLUMN_HEADING = Pattern.compile(
            "(assumptions?|notes?|units?|unit of measure|source|sources|drivers?|comments?|basis|inputs?|description"
                    + "|ref|reference|#|key|formula|method|calculation)");

    /** True when the row's label left of its numbers names a line ("Revenue 2000 2001 2002" is amounts, not years). */
    private static boolean namesALine(GridSheet s, int r, int firstNumber) {
        for (int c = firstNumber - 1; c >= 0; c--) {
            GridCell cell = s.cell(r, c);
            if (cell != null && cell.isText()) {
                if (COLUMN_HEADING.matcher(cell.text().trim().toLowerCase(Locale.ROOT)).matches()) {
                    continue;
                }
                StatementLabels.Meaning m = StatementLabels.meaning(StatementLabels.normalize(cell.text()));
                return m != StatementLabels.Meaning.UNKNOWN && m != StatementLabels.Meaning.UNITS;
            }
        }
        return false;
    }

    /** "Month", "Quarter" or "Year" in the row's own label or the two rows above: what numbered columns count. */
    private static Granularity ordinalUnit(GridSheet s, int r) {
        for (int k = r; k >= Math.max(0, r - 2); k--) {
            for (GridCell c : s.row(k)) {
                if (c != null && c.isText()) {
                    String t = c.text().trim().toLowerCase(Locale.ROOT);
                    if (t.startsWith("month")) {
                        return Granularity.MONTH;
                    }
                    if (t.startsWith("quarter")) {
                        return Granularity.QUARTER;
                    }
                    if (t.startsWith("year") || t.equals("period")) {
                        return t.startsWith("year") ? Granularity.YEAR : Granularity.MONTH;
                    }
                }
            }
        }
        return null;
    }
}
