package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row of period headings of a cost table: dates, date serials, period names or plain years,
 * the most common period length winning; total and full-year columns (coarser periods, or SUM
 * formulas over the neighbouring periods) are dropped.
 */
final class CostTableHeaders {
    private CostTableHeaders() {
    }

    record Header(int row, int[] columns, List<Period> periods, Granularity granularity) {
    }

    /** Cheap test before {@link #headerAt}: a header has at least two words or dates. */
    static boolean mayBeHeader(GridSheet s, int r) {
        Object[] entries = s.rowCells(r);
        if (entries == null) {
            return false;
        }
        int n = 0;
        for (Object entry : entries) {
            if (entry instanceof GridCell c && (c.isText() || c.format() == GridCell.Format.DATE) && ++n >= 2) {
                return true;
            }
        }
        return false;
    }

    /** Drops full-year or total columns: coarser than the rest, or SUM formulas over neighbouring periods. */
    static Header dropTotalColumns(GridSheet s, Header h) {
        List<Integer> keep = new ArrayList<>();
        List<Period> kept = new ArrayList<>();
        for (int i = 0; i < h.columns.length; i++) {
            int col = h.columns[i];
            int formulas = 0;
            int aggregates = 0;
            int limit = Math.min(s.rowCount(), h.row + 200);
            for (int r = h.row + 1; r < limit; r++) {
                if (s.isPlainNumber(r, col)) {
                    continue;
                }
                GridCell cell = s.cell(r, col);
                if (cell != null && cell.formula() != null) {
                    formulas++;
                    if (CostTableSums.isHorizontalAggregate(cell.formula(), r, col)) {
                        aggregates++;
                    }
                }
            }
            if (formulas > 0 && aggregates * 2 > formulas) {
                continue;
            }
            keep.add(col);
            kept.add(h.periods.get(i));
        }
        return new Header(h.row, keep.stream().mapToInt(Integer::intValue).toArray(), kept, h.granularity);
    }

    static Header findHeader(GridSheet s, int from, int to) {
        Header best = null;
        for (int r = from; r < to; r++) {
            Header h = headerAt(s, r);
            if (h != null && (best == null || h.periods.size() > best.periods.size())) {
                best = h;
            }
        }
        return best;
    }

    /** The periods a row names, or null when it names fewer than two (three for bare numbers). */
    static Header headerAt(GridSheet s, int r) {
        GridCell[] row = s.row(r);
        if (row.length == 0) {
            return null;
        }
        List<Integer> cols = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        List<Integer> dateCols = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        int plainNumbers = 0;
        for (int c = 0; c < row.length; c++) {
            GridCell cell = row[c];
            if (cell == null) {
                continue;
            }
            if (cell.isNumber() && cell.format() == GridCell.Format.DATE) {
                LocalDate d = PeriodParser.serialToDate(cell.number());
                if (d != null) {
                    dateCols.add(c);
                    dates.add(d);
                }
                continue;
            }
            if (cell.isNumber()) {
                plainNumbers++;
                continue;
            }
            Period p = PeriodParser.parse(cell);
            if (p != null) {
                cols.add(c);
                periods.add(p);
            }
        }
        if (dates.isEmpty() && plainNumbers >= 3) {
            // Date serials without a date format: only a steady monthly, quarterly or yearly step counts.
            for (int c = 0; c < row.length; c++) {
                GridCell cell = row[c];
                if (cell != null && cell.isNumber() && cell.number() >= 20000 && cell.number() <= 80000
                        && cell.number() == Math.rint(cell.number())) {
                    dateCols.add(c);
                    dates.add(PeriodParser.serialToDate(cell.number()));
                }
            }
            if (dates.size() < 3 || steadyStep(dates) == null) {
                dateCols.clear();
                dates.clear();
            }
            if (dates.isEmpty()) {
                addPlainYears(row, cols, periods);
            }
        }
        if (!dates.isEmpty()) {
            Granularity g = steadyStep(dates);
            if (g == null) {
                g = Granularity.MONTH;
            }
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                Period p = g == Granularity.QUARTER ? PeriodParser.quarterOf(d)
                        : g == Granularity.YEAR ? PeriodParser.yearOf(d) : PeriodParser.month(d);
                int at = 0;
                while (at < cols.size() && cols.get(at) < dateCols.get(i)) {
                    at++;
                }
                cols.add(at, dateCols.get(i));
                periods.add(at, p);
            }
        }
        // The most common length wins; coarser periods in the same row (FY26 after twelve months) are totals.
        Map<Granularity, Integer> counts = new HashMap<>();
        for (Period p : periods) {
            if (!p.total()) {
                counts.merge(p.granularity(), 1, Integer::sum);
            }
        }
        Granularity g = null;
        int n = 0;
        for (Map.Entry<Granularity, Integer> e : counts.entrySet()) {
            if (e.getValue() > n || e.getValue() == n && g != null && e.getKey().perYear() > g.perYear()) {
                g = e.getKey();
                n = e.getValue();
            }
        }
        if (g == null || n < 2) {
            return null;
        }
        List<Integer> keepCols = new ArrayList<>();
        List<Period> keep = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (!periods.get(i).total() && periods.get(i).granularity() == g) {
                keepCols.add(cols.get(i));
                keep.add(periods.get(i));
            }
        }
        return new Header(r, keepCols.stream().mapToInt(Integer::intValue).toArray(), keep, g);
    }

    static void addPlainYears(GridCell[] row, List<Integer> cols, List<Period> periods) {
        List<Integer> yc = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int c = 0; c < row.length; c++) {
            GridCell cell = row[c];
            if (cell != null && cell.isNumber()) {
                double v = cell.number();
                if (v >= 1990 && v <= 2100 && v == Math.rint(v)) {
                    yc.add(c);
                    years.add((int) v);
                } else {
                    return;
                }
            }
        }
        for (int i = 1; i < years.size(); i++) {
            if (years.get(i) != years.get(i - 1) + 1) {
                return;
            }
        }
        if (years.size() >= 3) {
            for (int i = 0; i < years.size(); i++) {
                cols.add(yc.get(i));
                periods.add(new Period(Integer.toString(years.get(i)), Granularity.YEAR, years.get(i) * 12, false));
            }
        }
    }

    static Granularity steadyStep(List<LocalDate> dates) {
        if (dates.size() < 2) {
            return Granularity.MONTH;
        }
        Granularity g = null;
        for (int i = 1; i < dates.size(); i++) {
            long days = dates.get(i).toEpochDay() - dates.get(i - 1).toEpochDay();
            Granularity step = days >= 28 && days <= 31 ? Granularity.MONTH
                    : days >= 89 && days <= 92 ? Granularity.QUARTER
                    : days >= 365 && days <= 366 ? Granularity.YEAR : null;
            if (step == null || g != null && step != g) {
                return null;
            }
            g = step;
        }
        return g;
    }
}
