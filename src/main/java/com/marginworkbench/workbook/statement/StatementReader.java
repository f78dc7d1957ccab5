package com.marginworkbench.workbook.statement;

import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the income statement among all blocks of all sheets by what the labels say (revenue, cost
 * of sales, gross profit, operating expenses, operating income, net income against cash,
 * receivables, debt, drivers, ratios), preferring the block whose own totals check out; joins a
 * statement split over several sheets in period order; and turns it into lines with a
 * {@link Reading}: the table, units, row roles, checks and confidence with reasons.
 */
final class StatementReader {
    /** The statement read, ready to become a model. */
    record Result(Periods periods, List<RevenueLine> revenue, List<CostLine> costs, List<LineDecision> decisions,
                  List<Problem> problems, Reading reading) {
    }

    /** The block(s) found and read into rows, before any line is built. */
    record Found(List<Outcome> parts, ReadingHints hints) {
        /**
         * Every row read as a line: its sheet, row and the side of gross profit it sits on, as
         * {@link StatementChoice#key} numbers them, sorted and without repeats.
         */
        long[] lineKeys(Map<String, Integer> sheetIds) {
            long[] keys = new long[64];
            int n = 0;
            for (Outcome o : parts) {
                for (RowRead x : o.rows) {
                    if (x.role.isLine()) {
                        if (n == keys.length) {
                            keys = java.util.Arrays.copyOf(keys, n * 2);
                        }
                        keys[n++] = StatementChoice.key(sheetIds, o.block.sheet.name(), x.row,
                                x.role == RowRole.REVENUE, x.role == RowRole.COST_OF_REVENUE);
                    }
                }
            }
            return StatementChoice.sortedSet(keys, n);
        }

        int periodCount() {
            return parts.stream().mapToInt(o -> o.block.columns.count()).sum();
        }

        boolean derivesCost() {
            return parts.stream().anyMatch(o -> o.derivedCost != null);
        }

        /** Whether a line is read with the sign turned from the one it is stored with (a deduction from revenue). */
        boolean turnsLines() {
            return parts.stream().anyMatch(o -> o.turned);
        }
    }

    private static final Pattern RANGE = Pattern.compile(
            "^(?:'((?:[^']|'')+)'|([^!]+))!\\$?([A-Za-z]{1,3})\\$?(\\d{1,7})(?::\\$?([A-Za-z]{1,3})\\$?(\\d{1,7}))?$");
    /** Blocks read in full after scoring; the rest are not income statements. */
    private static final int FULL_READS = 4;

    private StatementReader() {
    }

    /** Null when no block reads as an income statement (and no range was given). */
    static Found find(String fileName, List<GridSheet> sheets, ReadingHints hints) throws WorkbookReadException {
        List<Outcome> parts = new ArrayList<>();
        if (!hints.tables().isEmpty()) {
            for (int i = 0; i < hints.tables().size(); i++) {
                // the header row, label column and period columns the user set belong to the first range
                StatementBlock b = given(fileName, sheets, hints.tables().get(i), i == 0 ? hints : ReadingHints.NONE);
                parts.add(StatementRows.read(b, hints.roles()));
            }
        } else {
            List<Outcome> best = best(sheets, hints);
            if (best.isEmpty()) {
                return null;
            }
            parts.addAll(best);
        }
        return new Found(parts, hints);
    }

    // ---------------------------------------------------------------- the range given

    private static StatementBlock given(String fileName, List<GridSheet> sheets, String text, ReadingHints layout)
            throws WorkbookReadException {
        Matcher m = RANGE.matcher(text.trim());
        if (!m.matches()) {
            throw new WorkbookReadException(fileName + ": --table '" + text + "' is not a range; write it as"
                    + " 'SHEET'!A1:Z99, for example 'P&L'!A5:N40.");
        }
        String name = m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2).trim();
        GridSheet sheet = null;
        for (GridSheet s : sheets) {
            if (s.name().equalsIgnoreCase(name)) {
                sheet = s;
            }
        }
        if (sheet == null) {
            throw new WorkbookReadException(fileName + ": --table names the sheet '" + name + "', which the workbook"
                    + " does not have; its sheets are " + String.join(", ", sheets.stream().map(GridSheet::name)
                    .toList()) + ".");
        }
        int c1 = column(m.group(3));
        int r1 = Integer.parseInt(m.group(4)) - 1;
        int c2 = m.group(5) == null ? 16383 : column(m.group(5));
        int r2 = m.group(6) == null ? 1_048_575 : Integer.parseInt(m.group(6)) - 1;
        int top = Math.min(r1, r2);
        int bottom = Math.max(r1, r2);
        int left = Math.min(c1, c2);
        int right = Math.max(c1, c2);
        StatementBlocks.Layout l = layout(fileName, text, layout, top, bottom, left, right);
        StatementBlock b = StatementBlocks.ofRange(sheet, top, left, bottom, right, text, l);
        if (b == null && l.headerRow() >= 0) {
            throw new WorkbookReadException(fileName + ": row " + (l.headerRow() + 1) + " of " + text + ", set as the"
                    + " header row, holds no period headings (dates, months, quarters or years)"
                    + (l.periodColumns().isEmpty() ? "" : " in the period columns chosen")
                    + "; choose the row that names the periods.");
        }
        if (b == null) {
            throw new WorkbookReadException(fileName + ": the range " + text + " has no row of period headings"
                    + " (dates, months, quarters or years)" + (l.periodColumns().isEmpty() ? "" : " in the period"
                    + " columns chosen") + " near its top; give a range whose first row holds them.");
        }
        return b;
    }

    /** The header row, label column and period columns of the hints, checked to lie inside the range. */
    private static StatementBlocks.Layout layout(String fileName, String text, ReadingHints h, int top, int bottom,
                                                 int left, int right) throws WorkbookReadException {
        int header = -1;
        if (h.headerRow() != null) {
            header = h.headerRow() - 1;
            if (header < top || header > bottom) {
                throw new WorkbookReadException(fileName + ": the header row " + h.headerRow() + " is outside the range "
                        + text + "; choose a row inside it.");
            }
        }
        int label = -1;
        if (h.labelColumn() != null && !h.labelColumn().isBlank()) {
            label = letters(fileName, text, h.labelColumn(), left, right, "label column");
        }
        Set<Integer> periods = new HashSet<>();
        for (String c : h.periodColumns()) {
            periods.add(letters(fileName, text, c, left, right, "period column"));
        }
        return new StatementBlocks.Layout(header, label, periods);
    }

    private static int letters(String fileName, String text, String letters, int left, int right, String what)
            throws WorkbookReadException {
        String t = letters.trim();
        int c = t.matches("[A-Za-z]{1,3}") ? column(t) : -1;
        if (c < left || c > right) {
            throw new WorkbookReadException(fileName + ": the " + what + " '" + letters + "' is not a column of the"
                    + " range " + text + "; choose one of its columns (a letter such as B).");
        }
        return c;
    }

    private static int column(String letters) {
        int c = 0;
        for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    // ---------------------------------------------------------------- finding the statement

    private static List<Outcome> best(List<GridSheet> sheets, ReadingHints hints) {
        List<StatementBlock> candidates = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            GridSheet s = sheets.get(i);
            for (StatementBlock b : StatementBlocks.of(s)) {
                double score = score(b, i);
                if (score > 0) {
                    b.score = score;
                    candidates.add(b);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((StatementBlock b) -> -b.score));
        Outcome best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<Outcome> read = new ArrayList<>();
        for (int i = 0; i < candidates.size() && i < FULL_READS; i++) {
            StatementBlock b = candidates.get(i);
            Outcome o = StatementRows.read(b, hints.roles());
            if (!o.hasRevenue()) {
                continue;
            }
            read.add(o);
            double score = judged(o);
            if (score > bestScore) {
                best = o;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        best.block.why = why(best.block, best);
        StatementJoin.noteRivals(best, read);
        List<Outcome> parts = StatementJoin.parts(best, candidates, read, hints);
        StatementJoin.noteOtherStatements(best, parts, read);
        return parts;
    }

    /**
     * A block's score once read: its labels' score, lower where its totals failed, higher where they
     * held. Judged by the automatic reading: a role the user set never moves the reader to another block.
     */
    static double judged(Outcome o) {
        return o.block.score + (o.failedBeforeUser ? -6 : o.checkedBeforeUser ? 4 : 0);
    }

    /** How much a block looks like an income statement: its labels, its title and its sheet's name. */
    private static double score(StatementBlock b, int sheetIndex) {
        Map<Meaning, Integer> m = StatementBlocks.meanings(b, 400);
        boolean revenue = m.containsKey(Meaning.REVENUE) || m.containsKey(Meaning.REVENUE_TOTAL);
        if (!revenue && !m.containsKey(Meaning.GROSS_PROFIT)) {
            return 0;
        }
        int kinds = 0;
        kinds += revenue ? 1 : 0;
        kinds += m.containsKey(Meaning.COST_OF_REVENUE) || m.containsKey(Meaning.COST_OF_REVENUE_TOTAL) ? 1 : 0;
        kinds += m.containsKey(Meaning.GROSS_PROFIT) ? 1 : 0;
        kinds += m.containsKey(Meaning.OPEX) || m.containsKey(Meaning.OPEX_TOTAL) ? 1 : 0;
        kinds += m.containsKey(Meaning.EBITDA) || m.containsKey(Meaning.OPERATING_PROFIT) ? 1 : 0;
        kinds += m.containsKey(Meaning.PRETAX) ? 1 : 0;
        kinds += m.containsKey(Meaning.NET_INCOME) ? 1 : 0;
        double score = 3 * kinds + Math.min(2, m.getOrDefault(Meaning.BELOW_THE_LINE, 0));
        score -= 1.5 * Math.min(8, m.getOrDefault(Meaning.FINANCING, 0));
        score -= 0.3 * Math.min(10, m.getOrDefault(Meaning.KPI, 0));
        String sheet = StatementLabels.normalize(b.sheet.name());
        String title = b.title == null ? "" : StatementLabels.normalize(b.title);
        if (StatementLabels.namesIncomeStatement(sheet)) {
            score += 4;
        } else if (StatementLabels.namesOtherThing(sheet)) {
            score -= 5;
        }
        if (StatementLabels.namesIncomeStatement(title)) {
            score += 3;
        } else if (StatementLabels.namesOtherThing(title)) {
            score -= 3;
        }
        // where the same statement stands on several sheets: the actuals before a budget or forecast,
        // the consolidated whole before its parts
        score += 1.5 * StatementLabels.preference(sheet);
        if (b.sheet.hidden()) {
            score -= 3;
        }
        if (b.columns.count() == 1) {
            // a one-period report (a total, or a month's actuals) gives way to a statement over periods
            score -= 2;
        }
        // the company's own statement comes before the appendices: comparables, market data, back-up
        return score - Math.min(3, 0.2 * sheetIndex);
    }

    private static String why(StatementBlock b, Outcome o) {
        List<String> said = new ArrayList<>();
        for (RowRead x : o.rows) {
            if (said.size() >= 4) {
                break;
            }
            if ((x.role == RowRole.TOTAL || x.role.isLine()) && x.meaning != Meaning.UNKNOWN
                    && said.stream().noneMatch(s -> s.equalsIgnoreCase(x.label.trim()))) {
                said.add(x.label.trim());
            }
        }
        String checks = o.checks.isEmpty() ? "" : o.checks.stream().allMatch(Reading.Check::holds)
                ? "; its own totals check out" : "; not all of its totals check out";
        return "its labels read as an income statement (" + String.join(", ", said) + ")" + checks;
    }

    // ---------------------------------------------------------------- lines and the reading

    /**
     * The lines and the reading. With {@code linesRead} (the same rows read by the cost-table reader),
     * only the reading is made and judged by those lines.
     */
    /** Every row of the statement as the reading notes and the mapping show it, in order. */
    static List<Reading.Row> readingRows(Found found) {
        List<Reading.Row> rows = new ArrayList<>();
        for (Outcome o : found.parts()) {
            StatementBlock b = o.block;
            for (RowRead x : o.rows) {
                rows.add(new Reading.Row(b.sheet.name(), x.row + 1, x.label, x.role, x.role.isLine() ? x.placement
                        : null, x.why));
            }
        }
        return rows;
    }

    /** The statement's lines and reading; {@code rows} are its {@link #readingRows}. */
    static Result build(Found found, List<Reading.Row> rows, VendorDictionary dictionary, List<RevenueLine> revenueRead,
                        List<CostLine> costsRead) {
        List<Outcome> parts = found.parts();
        ReadingHints hints = found.hints();
        boolean lines = revenueRead == null;
        Outcome main = parts.get(0);
        StatementUnits units = StatementUnits.of(found);
        List<String> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Outcome o : parts) {
            for (Period p : o.block.columns.periods()) {
                labels.add(p.label());
            }
            notes.addAll(o.block.columns.notes());
            notes.addAll(o.notes);
        }
        if (parts.size() > 1 && new HashSet<>(labels).size() < labels.size()) {
            // months without a year on each sheet (or block): the sheet (or the year over the block) says which
            labels.clear();
            for (Outcome o : parts) {
                for (Period p : o.block.columns.periods()) {
                    labels.add(p.label() + " (" + (o.block.partName != null ? o.block.partName : o.block.sheet.name())
                            + ")");
                }
            }
        }
        int n = labels.size();
        List<RevenueLine> revenue = new ArrayList<>();
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Reading.Check> checks = new ArrayList<>();
        int offset = 0;
        Map<String, Pending> pending = new LinkedHashMap<>();
        double costSign = main.costSign;
        // an accounting export keeps income as credits (negative) and costs as debits (positive)
        double revenueSign = lines && StatementSigns.incomeAsCredits(main) ? -1 : 1;
        if (revenueSign < 0) {
            costSign = 1;
            notes.add("Income is stored as negative numbers (credits) and costs as positive ones in this statement;"
                    + " revenue is read as positive amounts.");
        }
        costSign = hints.flipAllCosts() ? -costSign : costSign;
        for (Outcome o : parts) {
            problems.addAll(o.problems);
            checks.addAll(o.checks);
            StatementBlock b = o.block;
            int[] cols = new int[n];
            java.util.Arrays.fill(cols, -1);
            int[] none = cols.clone();
            if (b.orientation.equals("periods in columns")) {
                // a turned or pivoted table has no cell per period where the restated sheet could link
                System.arraycopy(b.columns.columns(), 0, cols, offset, b.columns.count());
            }
            for (RowRead x : o.rows) {
                if (!x.role.isLine() || !lines) {
                    continue;
                }
                boolean cost = x.role != RowRole.REVENUE;
                double scale = units.scale() * (cost ? costSign : revenueSign)
                        * (hints.flippedRows().contains(b.sheet.name() + "!" + (x.row + 1)) ? -1 : 1);
                Placement placement = !cost ? Placement.REVENUE : x.role == RowRole.COST_OF_REVENUE
                        ? Placement.COST_OF_REVENUE
                        : x.placement == null || x.placement == Placement.REVENUE ? Placement.OTHER_OPEX : x.placement;
                Pending p = Pending.of(pending, x.role + "|" + x.norm, o, x.label.trim(), placement,
                        new SourceRef(b.sheet.name(), x.row, b.labelColumn, cols, scale), n);
                for (int i = 0; i < x.values.length; i++) {
                    p.amounts[offset + i] = x.values[i] * scale;
                }
            }
            if (o.derivedCost != null && lines) {
                Pending p = Pending.of(pending, "derived", o, "Cost of revenue (derived: revenue − gross profit)",
                        Placement.COST_OF_REVENUE, new SourceRef(b.sheet.name(), o.grossProfit.row, b.labelColumn,
                                none, units.scale()), n);
                for (int i = 0; i < o.derivedCost.length; i++) {
                    p.amounts[offset + i] = o.derivedCost[i] * units.scale() * revenueSign;
                }
            }
            offset += b.columns.count();
        }
        for (Pending p : pending.values()) {
            if (p.placement == Placement.REVENUE) {
                revenue.add(new RevenueLine(p.label, p.source, p.amounts, dictionary.isAiRevenue(p.label)
                        ? LayerSplit.AI : LayerSplit.SOFTWARE, dictionary.isUsagePriced(p.label)));
            } else {
                addCost(costs, decisions, dictionary, p.label, p.source, p.amounts, p.placement);
            }
        }
        List<Reading.Table> tables = new ArrayList<>();
        for (Outcome o : parts) {
            StatementBlock b = o.block;
            boolean turned = b.orientation.equals("periods in rows");
            tables.add(new Reading.Table(b.sheet.name(), b.range(), turned ? b.labelColumn + 1 : b.columns.row() + 1,
                    SourceRef.columnName(turned ? b.columns.row() : b.labelColumn), b.orientation, b.why));
        }
        if (costSign < 0) {
            notes.add("Costs are stored as negative numbers in this statement; every cost line is read as a"
                    + " positive cost.");
        }
        Reading reading = new Reading(tables, units.text(), units.scale(), costSign, rows, checks,
                Reading.Confidence.HIGH, List.of(), notes);
        reading = lines ? Plausibility.judge(reading, revenue, costs, main)
                : Plausibility.judge(reading, revenueRead, costsRead, main);
        Periods periods = new Periods(labels, main.block.columns.granularity());
        return new Result(periods, revenue, costs, decisions, problems, reading);
    }

    /** A line being put together: one per label and role, filled part by part for a statement over sheets. */
    private static final class Pending {
        final String label;
        final Placement placement;
        final SourceRef source;
        final double[] amounts;
        final Outcome part;

        private Pending(String label, Placement placement, SourceRef source, double[] amounts, Outcome part) {
            this.label = label;
            this.placement = placement;
            this.source = source;
            this.amounts = amounts;
            this.part = part;
        }

        static Pending of(Map<String, Pending> pending, String key, Outcome part, String label, Placement placement,
                          SourceRef source, int n) {
            Pending p = pending.get(key);
            if (p != null && p.part != part) {
                return p;
            }
            String unique = p == null ? key : key + "|" + source.row();
            Pending made = new Pending(label, placement, source, new double[n], part);
            pending.put(unique, made);
            return made;
        }
    }

    private static void addCost(List<CostLine> costs, List<LineDecision> decisions, VendorDictionary dictionary,
                                String label, SourceRef src, double[] amounts, Placement placement) {
        VendorDictionary.Suggestion sug = dictionary.suggest(label);
        LayerSplit split = sug.layer() != null ? LayerSplit.of(sug.layer()) : LayerSplit.SOFTWARE;
        costs.add(new CostLine(label, src, amounts, split, placement, sug.llmPriced(), sug.usageVariable()));
        decisions.add(new LineDecision(sug.costType(), Answers.DEFAULTS, sug.note()));
    }
}
