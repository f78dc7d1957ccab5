package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periods a statement's header row names, in every common form: real dates and date serials,
 * dates written as text inside a longer heading ("Restated\n12 months\nJun-30-2016", "Mar. 29,
 * 2025"), month names, quarters, FY/A/E/B/F suffixes, plain years typed as numbers or text, "Year
 * 1"/"Y1", and numbered months under a "Month" heading. Columns that are not periods of their own
 * are left out and said: totals, variance and statistics columns, a trailing LTM/TTM column that
 * overlaps the years, year-to-date groups beside quarter groups, Budget beside Actual. The
 * periods come out oldest first.
 */
final class StatementPeriods {
    /** The period columns of a header, oldest first, and what was left out. */
    record Columns(int row, int[] columns, List<Period> periods, Granularity granularity, List<String> notes) {
        int count() {
            return columns.length;
        }
    }

    private static final Pattern YEAR_N = Pattern.compile("(?:year|yr|y)\\s*(\\d{1,2})");
    private static final Pattern YEAR_NOTE = Pattern.compile("((?:fy|cy)?\\s*'?(?:19|20|21)\\d{2}[abef]?)\\s*\\(.*\\)");
    private static final Pattern RESTATED = Pattern.compile(
            "((?:as )?restated\\*?:?\\s+)?(.+?)(\\s*\\(.{1,20}\\)|\\s+(?:as )?restated\\*?|\\*+)?");
    private static final Pattern SKIP_WORDS = Pattern.compile(
            "\\b(ltm|ttm|trailing|variance|var|diff|difference|change|mean|average|avg|sd|std|stdev|cagr|median"
                    + "|budget vs|vs\\.?|%|percent|growth)\\b|%");
    private StatementPeriods() {
    }

    /** Cheap test: a header has at least two text or date cells, or three numbers that may be years. */
    static boolean mayBeHeader(GridSheet s, int r) {
        Object[] entries = s.rowCells(r);
        if (entries == null) {
            return false;
        }
        int words = 0;
        int years = 0;
        int calendarYears = 0;
        double[] numbers = s.rowNumbers(r);
        for (int c = 0; c < entries.length; c++) {
            Object e = entries[c];
            double v = Double.NaN;
            if (e instanceof GridCell cell) {
                if (cell.isText() || cell.format() == GridCell.Format.DATE) {
                    if (++words >= 2) {
                        return true;
                    }
                } else if (cell.isNumber()) {
                    v = cell.number();
                }
            } else if (GridSheet.isPlain(e)) {
                v = numbers[c];
            }
            if (isYearOrSerial(v)) {
                years++;
                calendarYears += isCalendarYear(v) ? 1 : 0;
            }
            if (years >= 3 || calendarYears >= 2) {
                return true;
            }
        }
        return words == 1 && loneTotal(entries);
    }

    /**
     * A row whose one word, right of the first column, is "Total" or a period ("31 Dec 25") and which
     * holds no number: a one-period export's header.
     */
    private static boolean loneTotal(Object[] entries) {
        boolean total = false;
        for (int c = 0; c < entries.length; c++) {
            Object e = entries[c];
            if (e instanceof GridCell cell && cell.isText()) {
                String t = cell.text().trim();
                String lower = t.toLowerCase(Locale.ROOT);
                total = c > 0 && t.length() <= 24 && (lower.equals("total") || lower.equals("amount")
                        || lower.equals("grand total") || lower.equals("totals") || TextDates.textDate(lower) != null
                        || PeriodParser.parseText(t) != null);
            } else if (e != null) {
                return false;
            }
        }
        return total;
    }

    /** The text cells of the row from column {@code from} on. */
    private static int texts(GridCell[] row, int from) {
        int n = 0;
        for (int c = Math.max(0, from); c < row.length; c++) {
            n += row[c] != null && row[c].isText() && !row[c].text().isBlank() ? 1 : 0;
        }
        return n;
    }

    /**
     * A row of amounts, not a header: at most one word or date from {@code from} on, and a number with
     * a fraction. Such a row cannot name two periods (numbers name periods only when every one is a
     * whole year, serial date or ordinal) nor one beside a total (that takes two words). In a ledger,
     * a few rows in a hundred have three whole amounts and would otherwise be parsed cell by cell.
     */
    private static boolean amountsWithoutWords(GridSheet s, int r, int from) {
        Object[] entries = s.rowCells(r);
        if (entries == null) {
            return false;
        }
        double[] numbers = s.rowNumbers(r);
        int words = 0;
        boolean fraction = false;
        for (int c = Math.max(0, from); c < entries.length; c++) {
            Object e = entries[c];
            double v;
            if (e instanceof GridCell cell) {
                if (cell.isText() || cell.format() == GridCell.Format.DATE) {
                    if (++words >= 2) {
                        return false;
                    }
                    continue;
                }
                if (!cell.isNumber()) {
                    continue;
                }
                v = cell.number();
            } else if (GridSheet.isPlain(e)) {
                v = numbers[c];
            } else {
                continue;
            }
            fraction |= v != Math.rint(v);
        }
        return fraction;
    }

    private static boolean isYearOrSerial(double v) {
        return v == Math.rint(v) && (v >= 0 && v <= 120 || isCalendarYear(v) || v >= 20000 && v <= 80000);
    }

    static boolean isCalendarYear(double v) {
        return v == Math.rint(v) && v >= 1900 && v <= 2100;
    }

    /** The periods the row names (from column {@code from} on), or null when fewer than two. */
    static Columns at(GridSheet s, int r, int from) {
        return at(s, r, from, null);
    }

    /**
     * The periods the row names in the columns {@code chosen} lets through (all when null), or null
     * when fewer than two. Columns the user chose are read as they are: no Budget column gives way
     * to an Actual one, no longer duration to a shorter one.
     */
    static Columns at(GridSheet s, int r, int from, java.util.function.IntPredicate chosen) {
        if (chosen == null && amountsWithoutWords(s, r, from)) {
            return null;
        }
        GridCell[] row = s.row(r);
        List<Integer> cols = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Integer> numberCols = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        boolean besideTotal = false;
        for (int c = Math.max(0, from); c < row.length; c++) {
            GridCell cell = row[c];
            if (cell == null || chosen != null && !chosen.test(c)) {
                continue;
            }
            if (cell.isNumber()) {
                if (cell.format() == GridCell.Format.DATE) {
                    LocalDate d = PeriodParser.serialToDate(cell.number());
                    if (d != null) {
                        cols.add(c);
                        periods.add(null);
                        dates.add(d);
                    }
                } else {
                    numberCols.add(c);
                    numbers.add(cell.number());
                }
                continue;
            }
            if (!cell.isText()) {
                continue;
            }
            String text = cell.text().trim();
            String lower = text.toLowerCase(Locale.ROOT).replace('\n', ' ');
            LocalDate d = TextDates.textDate(lower);
            if (d != null) {
                cols.add(c);
                periods.add(null);
                dates.add(d);
                continue;
            }
            Period p = parse(text, lower);
            if (p != null && !p.total()) {
                cols.add(c);
                periods.add(p);
                dates.add(null);
            }
            besideTotal |= p != null && p.total();
        }
        NumberedPeriods.add(s, r, numberCols, numbers, cols, periods, dates);
        if (cols.size() == 1 && besideTotal && chosen == null) {
            // monthly management accounts, a sheet a month: "Jan 2026" beside "YTD"
            Period only = periods.get(0) != null ? periods.get(0) : PeriodParser.month(dates.get(0));
            if (only.key() >= 1900 * 12 && only.granularity() != Granularity.OTHER) {
                notes.add("One period is read here (" + only.label() + "); the total beside it is left out.");
                return new Columns(r, new int[] {cols.get(0)}, List.of(only), only.granularity(), notes);
            }
        }
        if (cols.size() == 1 && !besideTotal && chosen == null && numberCols.isEmpty() && texts(row, from) <= 1) {
            // one period heading alone over the amounts (a one-period export: "31 Dec 25", "Dec 31, 2025")
            Period only = periods.get(0) != null ? periods.get(0) : PeriodParser.month(dates.get(0));
            if (only.key() >= 1900 * 12) {
                String raw = row[cols.get(0)].isText() ? row[cols.get(0)].text().trim() : only.label();
                Columns lone = ReportColumns.lonePeriod(s, r, cols.get(0), new Period(raw, only.granularity(), only.key(),
                        false));
                if (lone != null) {
                    return lone;
                }
            }
        }
        if (cols.isEmpty() && chosen == null) {
            // a monthly report: Actual beside Budget and YTD, the month in its title; else a total or
            // this year beside last year, the period in the title
            Columns month = ReportColumns.month(s, r);
            return month != null ? month : ReportColumns.withoutPeriods(s, r, from);
        }
        if (cols.size() < 2) {
            return null;
        }
        resolveDates(cols, periods, dates, notes);
        if (cols.size() < 2) {
            return null;
        }
        if (chosen == null) {
            PeriodGroups.keepShortestDuration(s, r, cols, periods, notes);
            PeriodGroups.keepActual(s, r, cols, periods, notes);
            PeriodGroups.actualBelow(s, r, cols, notes);
        } else {
            notes.add("Only the columns chosen in the mapping are read as periods ("
                    + String.join(", ", cols.stream().map(com.marginworkbench.model.SourceRef::columnName).toList())
                    + ").");
        }
        yearsAbove(s, r, cols, periods, notes);
        if (chosen == null) {
            PeriodGroups.keepOneGroup(s, r, cols, periods, notes);
        }
        hiddenNote(s, cols, periods, notes);
        return ordered(r, cols, periods, notes);
    }

    /**
     * Period columns the workbook hides (an old year, a month folded away) are read like the others,
     * but said: what the user sees in Excel has fewer periods than the reading.
     */
    private static void hiddenNote(GridSheet s, List<Integer> cols, List<Period> periods, List<String> notes) {
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (s.columnHidden(cols.get(i))) {
                names.add(com.marginworkbench.model.SourceRef.columnName(cols.get(i)));
                labels.add(periods.get(i).label());
            }
        }
        if (!names.isEmpty()) {
            boolean one = names.size() == 1;
            notes.add((one ? "Column " : "Columns ") + String.join(", ", names) + " (" + String.join(", ", labels)
                    + ") " + (one ? "is" : "are") + " hidden in the workbook and read as " + (one ? "a period" : "periods")
                    + "; to leave " + (one ? "it" : "them") + " out, choose the period columns in the mapping (Ctrl+M).");
        }
    }

    private static Period parse(String raw, String lower) {
        if (SKIP_WORDS.matcher(lower).find()) {
            return null;
        }
        Period p = PeriodParser.parseText(raw.replace('\n', ' '));
        if (p != null) {
            return p;
        }
        Matcher r = RESTATED.matcher(lower);
        if (r.matches() && (r.group(1) != null || r.group(3) != null)) {
            // "Restated 2024", "2024 as restated", "Jan - Dec 2024 (PY)": the period, as labelled
            Period q = PeriodParser.parseText(r.group(2));
            return q == null || q.total() ? null : new Period(raw.trim(), q.granularity(), q.key(), false);
        }
        Matcher m = YEAR_N.matcher(lower);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return new Period(raw.trim(), Granularity.YEAR, n * 12, false);
        }
        m = YEAR_NOTE.matcher(lower);
        if (m.matches()) {
            Period q = PeriodParser.parseText(m.group(1));
            return q == null ? null : new Period(raw.trim(), q.granularity(), q.key(), false);
        }
        return null;
    }

    /** Turns dates into periods by their step; a last date that breaks the step (LTM, TTM) is left out. */
    private static void resolveDates(List<Integer> cols, List<Period> periods, List<LocalDate> dates,
                                     List<String> notes) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            if (dates.get(i) != null) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return;
        }
        Map<Granularity, Integer> steps = new HashMap<>();
        int weeks = 0;
        for (int k = 1; k < at.size(); k++) {
            Granularity g = step(dates.get(at.get(k - 1)), dates.get(at.get(k)));
            if (g != null) {
                steps.merge(g, 1, Integer::sum);
            } else if (Math.abs(dates.get(at.get(k)).toEpochDay() - dates.get(at.get(k - 1)).toEpochDay()) == 7) {
                weeks++;
            }
        }
        if (weeks * 2 > at.size() - 1) {
            // a weekly model: each week a period of its own, named by its date (not four weeks as one month)
            for (int k = 0; k < at.size(); k++) {
                LocalDate d = dates.get(at.get(k));
                periods.set(at.get(k), new Period(d.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
                        Locale.ROOT)), Granularity.OTHER, k + 1, false));
            }
            notes.add("The columns are weeks; each week is read as a period of its own.");
            return;
        }
        Granularity g = steps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Granularity.MONTH);
        List<Integer> drop = new ArrayList<>();
        if (at.size() >= 3) {
            int last = at.get(at.size() - 1);
            int before = at.get(at.size() - 2);
            if (step(dates.get(before), dates.get(last)) != g) {
                drop.add(last);
                notes.add("The column headed " + dates.get(last) + " is left out: it breaks the "
                        + g.name().toLowerCase(Locale.ROOT) + "ly step of the other columns (a trailing"
                        + " twelve months or year-to-date column overlaps them).");
            }
        }
        for (int i : at) {
            LocalDate d = dates.get(i);
            periods.set(i, g == Granularity.QUARTER ? PeriodParser.quarterOf(d)
                    : g == Granularity.YEAR ? PeriodParser.yearOf(d) : PeriodParser.month(d));
        }
        for (int k = drop.size() - 1; k >= 0; k--) {
            int i = drop.get(k);
            cols.remove(i);
            periods.remove(i);
            dates.remove(i);
        }
    }

    static Granularity step(LocalDate a, LocalDate b) {
        long days = Math.abs(b.toEpochDay() - a.toEpochDay());
        return days >= 27 && days <= 32 ? Granularity.MONTH
                : days >= 88 && days <= 93 ? Granularity.QUARTER
                : days >= 360 && days <= 372 ? Granularity.YEAR : null;
    }

    /** Oldest first: by key where every period has a year; a header written newest first is reversed. */
    /**
     * Months or quarters without a year ("Q1".."Q4" twice) under a row that names the year over each
     * group ("FY2025" over the first four, "FY2026" over the next): each takes the year at or left of
     * its column in that row, so the labels say which year and the periods are told apart.
     */
    private static void yearsAbove(GridSheet s, int r, List<Integer> cols, List<Period> periods,
                                   List<String> notes) {
        if (r == 0 || periods.isEmpty() || periods.stream().anyMatch(p -> p == null
                || p.granularity() == Granularity.YEAR || p.granularity() == Granularity.OTHER
                || p.key() >= 1900 * 12)) {
            return;
        }
        GridCell[] above = s.row(r - 1);
        List<Period> dated = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Period year = null;
            String yearText = null;
            for (int c = Math.min(cols.get(i), above.length - 1); c >= 0 && year == null; c--) {
                GridCell cell = above[c];
                if (cell == null) {
                    continue;
                }
                String text = cell.isText() ? cell.text().trim()
                        : cell.isNumber() && cell.number() == Math.rint(cell.number())
                        ? Long.toString((long) cell.number()) : null;
                Period y = text == null ? null : PeriodParser.parseText(text);
                if (y == null || y.granularity() != Granularity.YEAR) {
                    return; // a cell that is not a year: this row does not name the years
                }
                year = y;
                yearText = text;
            }
            if (year == null) {
                return;
            }
            Period p = periods.get(i);
            dated.add(new Period(p.label() + " " + yearText, p.granularity(), year.key() + p.key(), false));
        }
        for (int i = 0; i < dated.size(); i++) {
            periods.set(i, dated.get(i));
        }
        notes.add("The row above the periods names their years; each period takes the year over its column.");
    }

    private static Columns ordered(int r, List<Integer> cols, List<Period> periods, List<String> notes) {
        Map<Granularity, Integer> counts = new HashMap<>();
        for (Period p : periods) {
            counts.merge(p.granularity(), 1, Integer::sum);
        }
        Granularity g = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Granularity.OTHER);
        Integer[] idx = new Integer[cols.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        boolean dated = periods.stream().allMatch(p -> p.key() >= 1900 * 12);
        boolean descending = true;
        for (int i = 1; i < periods.size(); i++) {
            descending &= periods.get(i).key() < periods.get(i - 1).key();
        }
        if (dated || descending) {
            java.util.Arrays.sort(idx, (a, b) -> Integer.compare(periods.get(a).key(), periods.get(b).key()));
            if (descending) {
                notes.add("The periods run newest first in the workbook; they are listed oldest first.");
            }
        }
        int[] c = new int[idx.length];
        List<Period> p = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            c[i] = cols.get(idx[i]);
            p.add(periods.get(idx[i]));
        }
        if (counts.size() > 1) {
            notes.add("The periods mix lengths (" + counts.keySet().stream().map(x -> x.name().toLowerCase(Locale.ROOT))
                    .sorted().reduce((a, b) -> a + " and " + b).orElse("") + "); each column is read as a period.");
        }
        return new Columns(r, c, p, g, notes);
    }
}
