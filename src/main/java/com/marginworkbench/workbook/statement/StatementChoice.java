package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.cells.Parallel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two readings of the same sheets, and the one to keep. The statement reader reads rows by what
 * they mean and checks them against the workbook's totals; the cost-table reader follows section
 * headings and knows cost-type and layer columns. Where both take exactly the same rows as lines,
 * the cost-table reading is kept (with the statement's table, checks and confidence); where they
 * differ, the statement reading wins; a workbook with no income statement (a cost ledger) is read
 * as a cost table, at medium confidence at best.
 */
public final class StatementChoice {
    private StatementChoice() {
    }

    public static ReadResult read(Path file, String modelName, String fileName, List<GridSheet> sheets, ReadingHints hints)
            throws WorkbookReadException {
        VendorDictionary dictionary = VendorDictionary.standard();
        // The two readings do not depend on each other: on two cores, the statement is looked for
        // while the cost table is detected (the sheets are only read from here on).
        Object[] results = new Object[2];
        WorkbookReadException[] failures = new WorkbookReadException[2];
        // Sheets numbered in workbook order, so that each side can number its lines on its own thread.
        Map<String, Integer> sheetIds = new HashMap<>();
        for (GridSheet s : sheets) {
            sheetIds.putIfAbsent(s.name(), sheetIds.size());
        }
        long[][] statementKeys = new long[1][];
        List<List<Reading.Row>> statementRows = new ArrayList<>(List.of(List.of()));
        Parallel.forRange(hints.tables().isEmpty() ? 2 : 1, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                try {
                    if (i == 0) {
                        StatementReader.Found f = StatementReader.find(fileName, sheets, hints);
                        results[0] = f;
                        if (f != null) {
                            // done here, while the cost table is still being detected on the other core
                            statementKeys[0] = f.lineKeys(new HashMap<>(sheetIds));
                            statementRows.set(0, StatementReader.readingRows(f));
                        }
                    } else {
                        results[1] = new TableDetector(fileName, dictionary).detect(sheets);
                    }
                } catch (WorkbookReadException e) {
                    failures[i] = e;
                }
            }
        });
        if (failures[0] != null) {
            throw failures[0];
        }
        StatementReader.Found found = (StatementReader.Found) results[0];
        TableDetector.Detection d = (TableDetector.Detection) results[1];
        WorkbookReadException failure = failures[1];
        if (found == null) {
            if (d == null) {
                throw failure;
            }
            FinancialModel model = new FinancialModel(modelName, d.periods(), d.revenue(), d.costs(), null, null);
            return new ReadResult(file, model, d.decisions(), d.problems(), d.sheets(), false, costTable(d));
        }
        if (d != null && found.periodCount() == d.periods().count() && !found.derivesCost() && !found.turnsLines()
                && Arrays.equals(statementKeys[0], tableKeys(d, new HashMap<>(sheetIds))) && sameScale(found, d)
                && !reordered(found, d)) {
            StatementReader.Result st = StatementReader.build(found, statementRows.get(0), dictionary, d.revenue(),
                    d.costs());
            // the statement's period labels where both read the same columns in the same order (it
            // knows more of them: a year named in the row above, say)
            Periods periods = found.parts().size() == 1 && !d.costs().isEmpty() && Arrays.equals(
                    found.parts().get(0).block.columns.columns(), d.costs().get(0).source().periodColumns())
                    ? st.periods() : d.periods();
            FinancialModel model = new FinancialModel(modelName, periods, d.revenue(), d.costs(), null, null);
            return new ReadResult(file, model, d.decisions(), d.problems(), d.sheets(), false, st.reading());
        }
        StatementReader.Result st = StatementReader.build(found, statementRows.get(0), dictionary, null, null);
        FinancialModel model = new FinancialModel(modelName, st.periods(), st.revenue(), st.costs(), null, null);
        return new ReadResult(file, model, st.decisions(), st.problems(), infos(sheets, st.reading()), false,
                st.reading());
    }

    /**
     * Reads a small statement once, on a thread of its own while a big workbook is still being
     * parsed: the statement's classes and patterns are then ready when its rows are read (about 40
     * ms of a first read, on the cores the parsing leaves free). Nothing is kept but the loaded classes.
     */
    public static void prepare() {
        GridSheet s = new GridSheet("P&L", false);
        String[] months = {"Jan 2026", "Feb 2026", "Mar 2026"};
        for (int c = 0; c < months.length; c++) {
            s.set(0, c + 1, GridCell.text(months[c], null));
        }
        String[] labels = {"Revenue", "Subscription revenue", "Total revenue", "Cost of revenue", "Hosting",
            "Gross profit", "Operating expenses", "Salaries", "Operating income"};
        double[] base = {0, 100, 100, 0, 30, 70, 0, 50, 20};
        double[] growth = {0, 1, 1, 0, 0, 1, 0, 0, 1};
        for (int r = 0; r < labels.length; r++) {
            s.set(r + 1, 0, GridCell.text(labels[r], null));
            for (int c = 0; c < months.length && base[r] != 0; c++) {
                s.setNumber(r + 1, c + 1, base[r] + c * growth[r]);
            }
        }
        try {
            warmUp = read(Path.of("prepare.xlsx"), "prepare", "prepare.xlsx", List.of(s), ReadingHints.NONE);
        } catch (WorkbookReadException e) {
            // only a warm-up: the real read says what is wrong with the real workbook
        }
    }

    /** What {@link #prepare} read (for the test that keeps it a statement worth reading), or null. */
    static volatile ReadResult warmUp;

    /**
     * A line's row and where it sits (revenue, cost of revenue, below gross profit): the two readings
     * agree only when they take the same rows and put each on the same side of gross profit (a
     * payroll row under "Gross margin" is an operating expense, whatever section heading came before).
     * As a number (sheet, row, side), so that 20,000 lines are compared without building a string each.
     */
    static long key(Map<String, Integer> sheetIds, String sheet, int row, boolean revenue, boolean costOfRevenue) {
        Integer id = sheetIds.get(sheet);
        if (id == null) {
            id = sheetIds.size();
            sheetIds.put(sheet, id);
        }
        return ((long) id << 33) | ((long) row << 2) | (revenue ? 0 : costOfRevenue ? 1 : 2);
    }

    /** The first {@code n} keys sorted, each once. */
    static long[] sortedSet(long[] keys, int n) {
        long[] k = Arrays.copyOf(keys, n);
        Arrays.sort(k);
        int m = 0;
        for (int i = 0; i < k.length; i++) {
            if (m == 0 || k[i] != k[m - 1]) {
                k[m++] = k[i];
            }
        }
        return Arrays.copyOf(k, m);
    }

    /**
     * The cost table's lines as {@link #key} numbers them, sorted and each once: equal to the
     * statement's when both readings take the same rows as lines, each on the same side of gross profit.
     */
    private static long[] tableKeys(TableDetector.Detection d, Map<String, Integer> sheetIds) {
        long[] keys = new long[d.revenue().size() + d.costs().size()];
        int n = 0;
        for (RevenueLine r : d.revenue()) {
            keys[n++] = key(sheetIds, r.source().sheet(), r.source().row(), true, false);
        }
        for (CostLine c : d.costs()) {
            keys[n++] = key(sheetIds, c.source().sheet(), c.source().row(), false, c.reported().isCostOfRevenue());
        }
        return sortedSet(keys, n);
    }

    /**
     * Whether the cost-table reading scaled its amounts as the statement's units say ("P&amp;L ($000)"
     * names thousands in the sheet's name, which only the statement reader looks at).
     */
    private static boolean sameScale(StatementReader.Found found, TableDetector.Detection d) {
        com.marginworkbench.model.SourceRef any = !d.revenue().isEmpty() ? d.revenue().get(0).source()
                : !d.costs().isEmpty() ? d.costs().get(0).source() : null;
        return any == null || Math.abs(any.scale()) == StatementUnits.of(found).scale();
    }

    /**
     * Whether the statement reads other period columns than the cost table, or the same in another
     * order (years written newest first, listed oldest first by the statement): its reading is then
     * the one kept.
     */
    private static boolean reordered(StatementReader.Found found, TableDetector.Detection d) {
        com.marginworkbench.model.SourceRef any = !d.revenue().isEmpty() ? d.revenue().get(0).source()
                : !d.costs().isEmpty() ? d.costs().get(0).source() : null;
        if (any == null || found.parts().size() != 1) {
            return false;
        }
        // also where the statement reads other columns (each month's Actual beside its Budget): its
        // amounts are the ones to keep
        return !Arrays.equals(found.parts().get(0).block.columns.columns(), any.periodColumns());
    }

    private static List<SheetInfo> infos(List<GridSheet> sheets, Reading reading) {
        List<SheetInfo> out = new ArrayList<>();
        for (GridSheet s : sheets) {
            String range = null;
            for (Reading.Table t : reading.tables()) {
                if (t.sheet().equals(s.name())) {
                    range = t.range();
                }
            }
            out.add(new SheetInfo(s.name(), s.hidden(), range));
        }
        return out;
    }

    /** The reading of a workbook with no income statement: its cost table, judged by its figures alone. */
    private static Reading costTable(TableDetector.Detection d) {
        List<Reading.Table> tables = new ArrayList<>();
        for (SheetInfo s : d.sheets()) {
            if (s.tableRange() != null) {
                tables.add(new Reading.Table(s.name(), s.tableRange(), rowOf(s.tableRange()), columnOf(s.tableRange()),
                        "periods in columns", "no income statement was found; the sheet with the most cost lines"
                        + " is read as a cost table"));
            }
        }
        double revenue = d.revenue().stream().mapToDouble(RevenueLine::total).sum();
        double cogs = d.costs().stream().filter(c -> c.reported().isCostOfRevenue()).mapToDouble(CostLine::total)
                .sum();
        List<String> low = new ArrayList<>();
        Plausibility.figures(revenue, cogs, d.revenue().isEmpty(), low);
        List<String> balances = new ArrayList<>();
        for (CostLine c : d.costs()) {
            if (balances.size() < 3 && StatementLabels.meaning(StatementLabels.normalize(c.label()))
                    == StatementLabels.Meaning.FINANCING) {
                balances.add(c.label());
            }
        }
        if (!balances.isEmpty()) {
            // a trial balance or a balance sheet by month: its accounts are not costs
            low.add("lines named for balance-sheet or financing items are read as costs (" + String.join(", ", balances)
                    + "): this looks like a trial balance or balance sheet, not a profit and loss statement");
        }
        Reading r = new Reading(tables, null, 1, 1, List.of(), List.of(), Reading.Confidence.MEDIUM, List.of(),
                List.of());
        return low.isEmpty() ? r.withConfidence(Reading.Confidence.MEDIUM,
                List.of("no income statement with totals to check the reading against was found"))
                : r.withConfidence(Reading.Confidence.LOW, low);
    }

    private static int rowOf(String range) {
        String start = range.split(":")[0];
        return Integer.parseInt(start.replaceAll("[A-Z]", ""));
    }

    private static String columnOf(String range) {
        return range.split(":")[0].replaceAll("[0-9]", "");
    }
}
