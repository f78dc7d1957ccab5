package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.cells.CellValues;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits sheets into blocks: a block starts at its own period header row and runs down to the next
 * header row, or to a heading that opens another statement (balance sheet, cash flow). A range the
 * user names is one block. A long-format table (one row per account and period) is pivoted into one.
 */
final class StatementBlocks {
    private static final int HEADER_SCAN_ROWS = 400;
    /** Header rows are looked for this far down a sheet; a ledger's 20,000 lines below its header are not. */
    private static final int HEADER_SCAN_LIMIT = 5_000;
    /** Rows a block may span; a 20,000-line cost ledger is still one block. */
    private static final int MAX_BLOCK_ROWS = 1_000_000;
    /** Rows below a header looked at to find the label column. */
    static final int LABEL_SCAN_ROWS = 400;

    private StatementBlocks() {
    }

    static List<StatementBlock> of(GridSheet s) {
        List<StatementBlock> blocks = new ArrayList<>();
        StatementBlock longFormat = LongFormatTables.longFormat(s);
        if (longFormat != null) {
            blocks.add(longFormat);
            return blocks;
        }
        List<StatementPeriods.Columns> headers = new ArrayList<>();
        int rows = s.rowCount();
        int scanned = 0;
        for (int r = 0; r < rows && r < HEADER_SCAN_LIMIT; r++) {
            if (!StatementPeriods.mayBeHeader(s, r)) {
                continue;
            }
            if (++scanned > HEADER_SCAN_ROWS) {
                break;
            }
            StatementPeriods.Columns h = StatementPeriods.at(s, r, 1);
            if (h != null) {
                headers.add(h);
            }
        }
        if (headers.isEmpty()) {
            StatementBlock t = transposed(s);
            if (t != null) {
                blocks.add(t);
            }
            return blocks;
        }
        for (int i = 0; i < headers.size(); i++) {
            StatementPeriods.Columns h = headers.get(i);
            int end = i + 1 < headers.size() ? headers.get(i + 1).row() - 1 : rows - 1;
            if (i + 1 < headers.size() && headers.get(i + 1).row() == h.row() + 1) {
                StatementPeriods.Columns below = headers.get(i + 1);
                if (below.count() >= h.count()) {
                    continue; // two header rows in a row: the lower one (dates under durations) reads the block
                }
                // months over "Actual / Budget / Variance" read as one report month: the months read it
                headers.remove(i + 1);
                end = i + 1 < headers.size() ? headers.get(i + 1).row() - 1 : rows - 1;
            }
            end = Math.min(end, h.row() + MAX_BLOCK_ROWS);
            end = otherStatementStart(s, h.row() + 1, end);
            if (labelColumn(s, h, end) < 0) {
                continue;
            }
            // statements side by side under one header row, each with its own label column
            int left = -1;
            for (StatementPeriods.Columns part : sideBySide(s, h, end)) {
                int from = left;
                int label = labelColumn(s, part.row(), java.util.Arrays.stream(part.columns()).min().orElse(0), end,
                        c -> c <= from);
                left = java.util.Arrays.stream(part.columns()).max().orElse(0);
                part = dropSumColumns(s, amountsBeside(s, part, end), end);
                StatementBlock b = new StatementBlock(s, part, part.row() + 1, end, label, null);
                b.title = title(s, part.row(), label);
                blocks.add(b);
            }
        }
        return blocks;
    }

    /**
     * The header's period columns split where a column between them holds the labels of another
     * table (an annual statement, then a monthly one to its right with its own line names); the
     * header whole where none does. The columns are in sheet order.
     */
    private static List<StatementPeriods.Columns> sideBySide(GridSheet s, StatementPeriods.Columns h, int end) {
        int[] cols = h.columns().clone();
        java.util.Arrays.sort(cols);
        java.util.Set<Integer> periods = new java.util.HashSet<>();
        for (int c : cols) {
            periods.add(c);
        }
        int limit = Math.min(Math.min(end, s.rowCount() - 1), h.row() + LABEL_SCAN_ROWS);
        List<Integer> splits = new ArrayList<>();
        for (int c = cols[0] + 1; c < cols[cols.length - 1]; c++) {
            if (periods.contains(c)) {
                continue;
            }
            int labels = 0;
            for (int r = h.row() + 1; r <= limit; r++) {
                String t = StatementRows.text(s, r, c);
                Meaning m = t == null ? Meaning.UNKNOWN : StatementLabels.meaning(StatementLabels.normalize(t));
                if (m == Meaning.REVENUE || m == Meaning.COST_OF_REVENUE || m == Meaning.OPEX || m.isTotal()) {
                    labels++;
                }
            }
            if (labels >= 3) {
                splits.add(c);
            }
        }
        if (splits.isEmpty()) {
            return List.of(h);
        }
        List<StatementPeriods.Columns> parts = new ArrayList<>();
        int from = Integer.MIN_VALUE;
        splits.add(Integer.MAX_VALUE);
        for (int split : splits) {
            List<Integer> in = new ArrayList<>();
            List<Period> ps = new ArrayList<>();
            for (int i = 0; i < h.count(); i++) {
                int c = h.columns()[i];
                if (c > from && c < split) {
                    in.add(c);
                    ps.add(h.periods().get(i));
                }
            }
            from = split;
            if (!in.isEmpty()) {
                Granularity g = ps.get(0).granularity();
                List<String> notes = new ArrayList<>(h.notes());
                notes.removeIf(n -> n.startsWith("The periods mix lengths") && ps.stream().allMatch(p -> p.granularity() == g));
                parts.add(new StatementPeriods.Columns(h.row(), in.stream().mapToInt(Integer::intValue).toArray(), ps,
                        ps.stream().allMatch(p -> p.granularity() == g) ? g : h.granularity(), notes));
            }
        }
        return parts;
    }

    /**
     * How the user laid out a range in the mapping: the header row and label column (0-based, -1
     * for the reader's choice) and the columns that count as periods (empty for the reader's choice).
     */
    record Layout(int headerRow, int labelColumn, java.util.Set<Integer> periodColumns) {
        static final Layout READER = new Layout(-1, -1, java.util.Set.of());
    }

    /**
     * A user's range: its first row with periods is the header (its first text column the labels),
     * unless {@code layout} names the header row, the label column or the period columns.
     */
    static StatementBlock ofRange(GridSheet s, int r1, int c1, int r2, int c2, String given, Layout layout) {
        GridSheet crop = crop(s, r1, c1, r2, c2);
        boolean laidOut = layout.headerRow() >= 0 || !layout.periodColumns().isEmpty();
        StatementBlock pivoted = laidOut ? null : LongFormatTables.longFormat(crop);
        if (pivoted != null) {
            pivoted.why = "the range given with --table";
            return pivoted;
        }
        java.util.function.IntPredicate chosen = layout.periodColumns().isEmpty() ? null
                : layout.periodColumns()::contains;
        int from = layout.headerRow() >= 0 ? layout.headerRow() : r1;
        int to = layout.headerRow() >= 0 ? layout.headerRow() : Math.min(r2, r1 + 20);
        for (int r = from; r <= to; r++) {
            StatementPeriods.Columns h = StatementPeriods.at(crop, r, c1, chosen);
            if (h != null) {
                int label = layout.labelColumn() >= 0 ? layout.labelColumn() : labelColumn(crop, h, r2);
                if (label < 0) {
                    label = c1;
                }
                if (chosen == null) {
                    h = dropSumColumns(crop, h, r2);
                }
                StatementBlock b = new StatementBlock(crop, h, h.row() + 1, r2, label, given);
                b.why = laidOut || layout.labelColumn() >= 0 ? "the range and layout set in the mapping"
                        : "the range given with --table";
                b.title = title(crop, h.row(), label);
                return b;
            }
        }
        return null;
    }

    /**
     * Where periods of different lengths share a header (twelve months, then "FY 2026"), a longer
     * column whose amounts add up the shorter ones before it is a total and is left out; one that
     * does not (Year 2 and Year 3 after the months of year 1) is a period of its own.
     */
    static StatementPeriods.Columns dropSumColumns(GridSheet s, StatementPeriods.Columns h, int end) {
        List<Period> ps = h.periods();
        int finest = Integer.MIN_VALUE;
        for (Period p : ps) {
            finest = Math.max(finest, p.granularity().perYear());
        }
        boolean mixed = ps.stream().anyMatch(p -> p.granularity().perYear() != ps.get(0).granularity().perYear());
        if (!mixed) {
            return h;
        }
        List<Integer> keep = new ArrayList<>();
        List<String> notes = new ArrayList<>(h.notes());
        List<Integer> finer = new ArrayList<>();
        int[] cols = h.columns();
        // in sheet order
        Integer[] idx = new Integer[cols.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(cols[a], cols[b]));
        java.util.Set<Integer> dropped = new java.util.HashSet<>();
        // The finer columns of the last run, and how many longer columns have followed it: twenty-four
        // months then "Year 1", "Year 2" are totals of the first and the second twelve.
        List<Integer> block = List.of();
        int after = 0;
        int to = Math.min(end, h.row() + 200);
        // every finest column so far, and where each longer length last stood: "FY2026" after
        // Jan..Mar, "Q1", Apr..Jun, "Q2" adds up the six months since the last full-year column
        List<Integer> allFinest = new ArrayList<>();
        Map<Integer, Integer> sinceLast = new HashMap<>();
        for (int i : idx) {
            if (ps.get(i).granularity().perYear() == finest) {
                finer.add(cols[i]);
                allFinest.add(cols[i]);
                continue;
            }
            if (!finer.isEmpty()) {
                block = new ArrayList<>(finer);
                after = 0;
            }
            boolean total = finer.size() >= 2 && addsUp(s, h.row() + 1, to, finer, cols[i]);
            int n = finest / ps.get(i).granularity().perYear();
            if (!total && n >= 2 && (after + 1) * n <= block.size()) {
                total = addsUp(s, h.row() + 1, to, block.subList(after * n, (after + 1) * n), cols[i]);
            }
            int perYear = ps.get(i).granularity().perYear();
            List<Integer> sinceSameLength = allFinest.subList(sinceLast.getOrDefault(perYear, 0), allFinest.size());
            if (!total && sinceSameLength.size() > finer.size() && sinceSameLength.size() >= 2) {
                total = addsUp(s, h.row() + 1, to, sinceSameLength, cols[i]);
            }
            sinceLast.put(perYear, allFinest.size());
            boolean leading = false;
            if (!total && allFinest.isEmpty()) {
                // a year total written first, its months after it ("FY2026", Jan-26, Feb-26, ...)
                List<Integer> next = finestAfter(ps, cols, idx, i, finest);
                leading = next.size() >= 2 && addsUp(s, h.row() + 1, to, next, cols[i])
                        || n >= 2 && next.size() > n && addsUp(s, h.row() + 1, to, next.subList(0, n), cols[i]);
                total = leading;
            }
            after++;
            if (total) {
                dropped.add(i);
                notes.add("The column " + ps.get(i).label() + " adds up periods " + (leading ? "after" : "before")
                        + " it; it is left out as a total.");
            }
            finer.clear();
        }
        if (dropped.isEmpty()) {
            return h;
        }
        List<Period> kept = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            if (!dropped.contains(i)) {
                keep.add(cols[i]);
                kept.add(ps.get(i));
            }
        }
        notes.removeIf(n -> n.startsWith("The periods mix lengths") && kept.stream()
                .allMatch(p -> p.granularity() == kept.get(0).granularity()));
        Granularity g = kept.get(0).granularity();
        return new StatementPeriods.Columns(h.row(), keep.stream().mapToInt(Integer::intValue).toArray(), kept,
                kept.stream().allMatch(p -> p.granularity() == g) ? g : h.granularity(), notes);
    }

    /**
     * Filed accounts give each year two columns (items in the left, subtotals in the right) with the
     * year over the left one: where no period column holds an amount in the rows below the header
     * and the column right of each, unheaded, does, the amounts are read from there.
     */
    private static StatementPeriods.Columns amountsBeside(GridSheet s, StatementPeriods.Columns h, int end) {
        int to = Math.min(Math.min(end, s.rowCount() - 1), h.row() + 60);
        int[] cols = h.columns();
        java.util.Set<Integer> headed = new java.util.HashSet<>();
        for (int c : cols) {
            headed.add(c);
        }
        int[] moved = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            if (headed.contains(cols[i] + 1) || amounts(s, h.row() + 1, to, cols[i]) > 0
                    || amounts(s, h.row() + 1, to, cols[i] + 1) < 3 || s.cell(h.row(), cols[i] + 1) != null) {
                return h;
            }
            moved[i] = cols[i] + 1;
        }
        List<String> notes = new ArrayList<>(h.notes());
        notes.add("Each period's heading stands over the column left of its amounts (items and subtotals in two"
                + " columns a year); the amounts are read from the column to its right.");
        return new StatementPeriods.Columns(h.row(), moved, h.periods(), h.granularity(), notes);
    }

    /** The cells holding an amount (a number, or a number typed as text) in column {@code c}, rows {@code from..to}. */
    private static int amounts(GridSheet s, int from, int to, int c) {
        int n = 0;
        for (int r = from; r <= to; r++) {
            GridCell cell = s.cell(r, c);
            if (cell != null && CellValues.read(cell).status() == CellValues.Status.NUMBER) {
                n++;
            }
        }
        return n;
    }

    /** The run of finest columns right after the column at index {@code at}, in sheet order. */
    private static List<Integer> finestAfter(List<Period> ps, int[] cols, Integer[] idx, int at, int finest) {
        List<Integer> run = new ArrayList<>();
        boolean past = false;
        for (int i : idx) {
            if (i == at) {
                past = true;
            } else if (past && ps.get(i).granularity().perYear() == finest) {
                run.add(cols[i]);
            } else if (past) {
                break;
            }
        }
        return run;
    }

    private static boolean addsUp(GridSheet s, int from, int to, List<Integer> parts, int total) {
        int rows = 0;
        int sums = 0;
        for (int r = from; r <= to; r++) {
            CellValues.Value t = CellValues.read(s.cell(r, total));
            if (t.status() != CellValues.Status.NUMBER || t.number() == 0) {
                continue;
            }
            double sum = 0;
            for (int c : parts) {
                CellValues.Value v = CellValues.read(s.cell(r, c));
                sum += v.status() == CellValues.Status.NUMBER ? v.number() : 0;
            }
            rows++;
            if (Math.abs(sum - t.number()) <= Math.max(0.51, 5e-4 * Math.abs(t.number()))) {
                sums++;
            }
        }
        return rows > 0 && sums * 10 >= rows * 7;
    }

    /** A copy of the sheet holding only the cells inside the range (same coordinates, same name). */
    static GridSheet crop(GridSheet s, int r1, int c1, int r2, int c2) {
        GridSheet out = new GridSheet(s.name(), s.hidden());
        for (int r = r1; r <= Math.min(r2, s.rowCount() - 1); r++) {
            for (int c = c1; c <= Math.min(c2, s.width(r) - 1); c++) {
                GridCell cell = s.cell(r, c);
                if (cell != null) {
                    out.set(r, c, cell);
                }
            }
        }
        return out;
    }

    /** The last row before a heading (no amounts) that opens another statement. */
    private static int otherStatementStart(GridSheet s, int from, int end) {
        for (int r = from; r <= end && r < from + 2000; r++) {
            Object[] row = s.rowCells(r);
            if (row == null) {
                continue;
            }
            String t = null;
            int texts = 0;
            boolean number = false;
            for (Object e : row) {
                if (e instanceof GridCell c && c.isText()) {
                    texts++;
                    t = t == null ? c.text() : t;
                } else if (e != null) {
                    number = true;
                    break;
                }
            }
            if (t != null && !number && texts == 1) {
                String n = StatementLabels.normalize(t);
                if (n.startsWith("balance sheet") || n.startsWith("cash flow") || n.startsWith("statement of cash")
                        || n.startsWith("statements of cash") || n.startsWith("statement of financial position")) {
                    return r - 1;
                }
            }
        }
        return end;
    }

    private static int labelColumn(GridSheet s, StatementPeriods.Columns h, int end) {
        int first = h.columns()[0];
        for (int c : h.columns()) {
            first = Math.min(first, c);
        }
        return labelColumn(s, h.row(), first, end, c -> false);
    }

    /**
     * The labels of a table: the column left of its first period column with the most text that is
     * not a number typed as text, over the rows below the header (up to {@value #LABEL_SCAN_ROWS}
     * of them, and not past {@code lastRow}); columns {@code skip} lets through are not labels
     * (a "Cost type" or "Layer" column). -1 when no column left of the periods holds text. The one
     * rule for the statement reader and the cost-table reader.
     */
    static int labelColumn(GridSheet s, int headerRow, int firstPeriodCol, int lastRow,
                           java.util.function.IntPredicate skip) {
        int best = -1;
        int bestCount = 0;
        int limit = Math.min(Math.min(lastRow, s.rowCount() - 1), headerRow + LABEL_SCAN_ROWS);
        for (int c = 0; c < firstPeriodCol; c++) {
            if (skip.test(c)) {
                continue;
            }
            int count = 0;
            for (int r = headerRow + 1; r <= limit; r++) {
                String t = StatementRows.text(s, r, c);
                if (t != null && CellValues.text(t).status() == CellValues.Status.PROBLEM) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best < 0 ? best : CategoryColumns.namesBeside(s, best, bestCount, headerRow, firstPeriodCol, limit, skip);
    }

    /** Text above the header (up to six rows) and on the header row left of the periods: the block's title. */
    private static String title(GridSheet s, int headerRow, int labelCol) {
        StringBuilder sb = new StringBuilder();
        for (int r = Math.max(0, headerRow - 6); r <= headerRow + 1 && r < s.rowCount(); r++) {
            GridCell[] row = s.row(r);
            for (int c = 0; c < row.length && c <= labelCol + 12; c++) {
                if (row[c] != null && row[c].isText() && sb.length() < 600) {
                    sb.append(row[c].text()).append(" | ");
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- periods in rows

    /**
     * A statement with its periods down a column and its lines across a row (Revenue, COGS, Gross
     * profit as column headings): read as if turned a quarter, one period per row.
     */
    private static StatementBlock transposed(GridSheet s) {
        for (int r = 0; r < Math.min(30, s.rowCount()); r++) {
            GridCell[] row = s.row(r);
            int meaningful = 0;
            for (GridCell c : row) {
                if (c != null && c.isText()) {
                    StatementLabels.Meaning m = StatementLabels.meaning(StatementLabels.normalize(c.text()));
                    if (m == StatementLabels.Meaning.REVENUE || m == StatementLabels.Meaning.REVENUE_TOTAL
                            || m == StatementLabels.Meaning.COST_OF_REVENUE || m == StatementLabels.Meaning.GROSS_PROFIT
                            || m == StatementLabels.Meaning.OPEX || m == StatementLabels.Meaning.NET_INCOME) {
                        meaningful++;
                    }
                }
            }
            if (meaningful < 2) {
                continue;
            }
            int lastRow = Math.min(s.rowCount() - 1, r + 400);
            int width = 0;
            for (int k = r; k <= lastRow; k++) {
                width = Math.max(width, s.width(k));
            }
            GridSheet turned = new GridSheet(s.name(), s.hidden());
            for (int k = r; k <= lastRow; k++) {
                for (int c = 0; c < s.width(k); c++) {
                    GridCell cell = s.cell(k, c);
                    if (cell != null) {
                        turned.set(c, k, cell);
                    }
                }
            }
            for (int c = 0; c < width; c++) {
                if (!StatementPeriods.mayBeHeader(turned, c)) {
                    continue;
                }
                StatementPeriods.Columns h = StatementPeriods.at(turned, c, r + 1);
                if (h == null || h.count() < 2) {
                    continue;
                }
                List<String> notes = new ArrayList<>(h.notes());
                notes.add("The periods run down the rows (column " + SourceRef.columnName(c) + "); the statement is"
                        + " read turned, one period per row.");
                StatementPeriods.Columns turnedHeader = new StatementPeriods.Columns(h.row(), h.columns(), h.periods(),
                        h.granularity(), notes);
                StatementBlock b = new StatementBlock(turned, turnedHeader, c + 1, width - 1, r, null);
                b.orientation = "periods in rows";
                b.sourceRange = SourceRef.cellName(r, c) + ":" + SourceRef.cellName(lastRow, width - 1);
                b.title = title(s, r, c);
                return b;
            }
        }
        return null;
    }

    /** Counts what a block's labels say, for scoring it as an income statement. */
    static Map<Meaning, Integer> meanings(StatementBlock b, int maxRows) {
        Map<Meaning, Integer> m = new java.util.EnumMap<>(Meaning.class);
        int end = Math.min(b.lastRow, b.firstRow + maxRows);
        int first = b.firstPeriodColumn();
        int category = b.categoryColumn();
        for (int r = b.firstRow; r <= end; r++) {
            String t = StatementRows.label(b.sheet, r, b.labelColumn, first);
            if (t != null) {
                Meaning own = StatementLabels.meaning(StatementLabels.normalize(t));
                m.merge(category < 0 ? own : CategoryColumns.meaning(own, StatementRows.text(b.sheet, r, category)), 1,
                        Integer::sum);
            }
        }
        return m;
    }
}
