package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.cells.CellValues;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of one statement block into lines by what each label means, then checks the
 * reading against the block's own totals: revenue lines that do not add up to "Total revenue" give
 * way to the total, a subtotal found by its values is not a line, the sign costs are stored with is
 * the one that makes gross profit come out, and cost of revenue is derived from revenue and gross
 * profit where the statement has no cost line.
 */
final class StatementRows {
    /** One row of the block and what the reading made of it. */
    static final class RowRead {
        int row;
        String label;
        String norm;
        Meaning meaning;
        double[] values;
        /** The amounts as the workbook's own SUM sees them: a number typed as text counts as zero. */
        double[] excel;
        boolean textNumbers;
        boolean hasNumber;
        String problem;
        String problemCell;
        String problemWhat;
        RowRole role = RowRole.IGNORED;
        Placement placement;
        String why = "";
        /** 0 before revenue, 1 revenue, 2 cost of revenue, 3 after gross profit, 4 after operating profit, 5 after net income. */
        int stage;
        boolean tentative;
        /** The role was set by the user in the mapping: the totals check it but never change it. */
        boolean userSet;
        /** The role the automatic reading gave the row, before any role the user set. */
        RowRole autoRole;
        /** The role whose lines above this row it was found to add up (a subtotal found by its values), or null. */
        RowRole sums;
        /** The role of a line left out because a cell of it is in error or has no result, or null. */
        RowRole unreadAs;
        /** The role of a line left out because the lines above a total did not add up to it (the total read instead), or null. */
        RowRole gaveWay;

        double total() {
            double t = 0;
            for (double v : values) {
                t += v;
            }
            return t;
        }
    }

    /** The reading of one block. */
    static final class Outcome {
        final StatementBlock block;
        final List<RowRead> rows = new ArrayList<>();
        final List<Reading.Check> checks = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        /** Other sheets whose own, different statement reads about as well as this one. */
        final List<String> otherStatements = new ArrayList<>();
        double costSign = 1;
        /** Cost of revenue worked out as revenue − gross profit, or null. */
        double[] derivedCost;
        RowRead grossProfit;
        /** Whether a line's amounts were turned from the sign they are stored with (deductions from revenue). */
        boolean turned;
        int unclassified;
        int numericRows;
        /** True once the roles are decided: the totals are then only checked, no row's role changes. */
        boolean settled;
        /** Whether the automatic reading (before any role the user set) had a total that did not check out. */
        boolean failedBeforeUser;
        /** Whether the automatic reading was checked against any total. */
        boolean checkedBeforeUser;
        /** Whether the automatic reading found a revenue line. */
        boolean revenueBeforeUser;
        /** Whether the automatic reading derived cost of revenue from revenue and gross profit. */
        boolean derivedBeforeUser;

        Outcome(StatementBlock block) {
            this.block = block;
        }

        List<RowRead> lines(RowRole role) {
            List<RowRead> out = new ArrayList<>();
            for (RowRead r : rows) {
                if (r.role == role) {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        }

        /** Whether any row has the role (a plain loop: streams cost most in a short command-line run). */
        boolean any(RowRole role) {
            for (RowRead r : rows) {
                if (r.role == role) {
                    return true;
                }
            }
            return false;
        }

        /** The lines of a role added up as the workbook's own SUM would (numbers typed as text left out). */
        double[] sum(RowRole role) {
            double[] s = new double[block.columns.count()];
            for (RowRead r : rows) {
                if (r.role == role) {
                    add(s, r.excel);
                }
            }
            return s;
        }

        boolean failedCheck() {
            return checks.stream().anyMatch(c -> !c.holds());
        }

        /**
         * Whether the automatic reading (before any role the user set) found revenue here: what makes
         * the block an income statement, so that a user who ignores a revenue row keeps the block.
         */
        boolean hasRevenue() {
            return revenueBeforeUser;
        }
    }

    private StatementRows() {
    }

    static Outcome read(StatementBlock b, Map<String, RowRole> userRoles) {
        Outcome o = new Outcome(b);
        GridSheet s = b.sheet;
        int[] cols = b.columns.columns();
        int first = cols[0];
        for (int c : cols) {
            first = Math.min(first, c);
        }
        Walk w = new Walk();
        w.category = b.categoryColumn();
        boolean upward = bottomUp(b);
        for (int k = b.firstRow; k <= b.lastRow; k++) {
            // one method per row, not one long loop: the JIT compiles a short row method quickly,
            // where a long loop over 20,000 rows was compiled on the stack as a whole (about 0.3 s of
            // compiler time on every command-line run)
            int r = upward ? b.lastRow - (k - b.firstRow) : k;
            if (s.width(r) != 0) {
                readRow(o, w, s, r, cols, first, b.labelColumn);
            }
        }
        if (upward) {
            o.notes.add("The statement is written from the bottom up (net income first, revenue last); it is read"
                    + " from revenue up.");
        }
        typedThroughout(o);
        // The workbook's totals decide the automatic reading first (which rows are lines, which are
        // subtotals, the sign of costs). A role the user set goes over that reading, and the totals
        // are then checked again without changing any role: ignoring a line never makes the total
        // it belonged to a line of its own, and a row the user set stays as set.
        StatementChecks.resolve(o);
        o.failedBeforeUser = o.failedCheck();
        o.checkedBeforeUser = !o.checks.isEmpty();
        o.revenueBeforeUser = o.any(RowRole.REVENUE);
        boolean userSet = false;
        for (RowRead x : o.rows) {
            x.autoRole = x.role;
            RowRole given = userRoles.isEmpty() ? null : userRoles.get(s.name() + "!" + (x.row + 1));
            if (given != null) {
                x.role = given;
                x.tentative = false;
                x.userSet = true;
                x.why = "set by the user";
                userSet = true;
            }
        }
        if (userSet) {
            StatementChecks.recheck(o);
        }
        StatementChecks.finish(o);
        return o;
    }

    /**
     * A statement whose every row of amounts holds numbers typed as text (pasted from a PDF or a web
     * page) has its totals typed too: no formula of the workbook leaves the text lines out, so the
     * totals are checked against the amounts as read. One pass over the rows already read.
     */
    private static void typedThroughout(Outcome o) {
        int typed = 0;
        for (RowRead x : o.rows) {
            if (x.hasNumber) {
                if (!x.textNumbers) {
                    return;
                }
                typed++;
            }
        }
        if (typed < 2) {
            return;
        }
        for (RowRead x : o.rows) {
            x.excel = x.values;
            x.textNumbers = false;
        }
        o.notes.add("Every amount of the statement, its totals too, is typed as text; the amounts are read as"
                + " numbers and the totals checked against them.");
    }

    /**
     * Whether the block puts its bottom lines first and its revenue last (a data library's dump:
     * net income, then operating income, gross profit, cost of revenue, revenue): an operating or net
     * result stands above the gross profit, and every revenue row below it.
     */
    private static boolean bottomUp(StatementBlock b) {
        int firstResult = -1;
        int lastGross = -1;
        int firstRevenue = -1;
        for (int r = b.firstRow; r <= Math.min(b.lastRow, b.firstRow + 400); r++) {
            String label = label(b.sheet, r, b.labelColumn, b.firstPeriodColumn());
            if (label == null) {
                continue;
            }
            Meaning m = StatementLabels.meaning(StatementLabels.normalize(label));
            if (m == Meaning.REVENUE || m == Meaning.REVENUE_TOTAL) {
                if (firstRevenue < 0) {
                    firstRevenue = r;
                }
            } else if (m == Meaning.OPERATING_PROFIT || m == Meaning.NET_INCOME) {
                firstResult = firstResult < 0 ? r : firstResult;
            } else if (m == Meaning.GROSS_PROFIT) {
                lastGross = r;
            }
        }
        // a gross profit below the operating or net result, and all revenue below the gross profit
        return lastGross >= 0 && firstResult >= 0 && firstResult < lastGross && firstRevenue > lastGross;
    }

    /** Where the walk down the block has got to: the last section heading, its function, the stage. */
    private static final class Walk {
        Meaning section;
        Placement function;
        int stage;
        /** Whether a gross profit row has been passed (stage 3 is also reached by expense rows alone). */
        boolean pastGross;
        /** The column that names each row's category ("Revenue", "COGS", "Opex" beside the line names), or -1. */
        int category = -1;
        /**
         * Headings opened inside the current section (an account's sub-accounts: "4000 Sales" under
         * "Income"), by name: "Total 4000 Sales" closes one of them and is a subtotal, not the section's total.
         */
        final List<String> groups = new ArrayList<>(2);
        /** The heading that opened the current section, by name: a total named for it is the section's total. */
        String sectionName;
    }

    /** Reads row {@code r}: its amounts, its label and, by its meaning and the walk so far, its role. */
    private static void readRow(Outcome o, Walk w, GridSheet s, int r, int[] cols, int first, int labelColumn) {
        String label = label(s, r, labelColumn, first);
        RowRead x = new RowRead();
        x.row = r;
        x.values = new double[cols.length];
        x.excel = x.values;
        int amounts = readAmounts(x, s, r, cols);
        boolean percent = (amounts & PERCENT) != 0;
        boolean ratios = (amounts & RATIOS) != 0;
        if (label == null) {
            return;
        }
        x.label = label.trim();
        x.norm = StatementLabels.normalize(x.label);
        x.meaning = StatementLabels.meaning(x.norm);
        o.rows.add(x);
        if (!x.hasNumber && x.problem == null && StatementLabels.namesIncomeStatement(x.norm)) {
            restartAtTitle(o, w);
        }
        if (!x.hasNumber && x.problem == null) {
            x.role = RowRole.CAPTION;
            Meaning opened = percent ? null : StatementLabels.section(x.norm);
            if (opened == null && w.section == null && w.stage == 0 && x.meaning == Meaning.OPERATING_PROFIT) {
                // "Operating Income" over the first lines of an accounting package's report: its revenue
                opened = Meaning.REVENUE;
            }
            if (w.section != null && (opened == null || opened == w.section)) {
                w.groups.add(x.norm);
            } else if (opened != null) {
                w.groups.clear();
                w.sectionName = x.norm;
            }
            if (opened != null) {
                w.section = opened;
                w.function = opened == Meaning.OPEX ? StatementLabels.function(x.norm) : null;
                x.why = "heading";
            } else {
                x.why = percent ? "percentages" : "no amounts";
                if (percent) {
                    x.role = RowRole.KPI;
                }
            }
            x.stage = w.stage;
            return;
        }
        o.numericRows++;
        if (w.category >= 0) {
            category(x, w, text(s, r, w.category));
        }
        if (percent || ratios && (x.meaning == Meaning.UNKNOWN || x.meaning == Meaning.KPI
                || x.meaning == Meaning.GROSS_PROFIT)) {
            x.role = RowRole.KPI;
            x.why = "ratios or percentages";
            x.stage = w.stage;
            return;
        }
        if ((!w.groups.isEmpty() || w.sectionName != null) && x.norm.startsWith("total")) {
            closeGroup(w, x);
        }
        w.stage = RowPlaces.place(x, w.section, w.function, w.stage, w.pastGross);
        w.pastGross |= x.meaning == Meaning.GROSS_PROFIT;
        x.stage = w.stage;
        if (x.role == RowRole.IGNORED && x.meaning == Meaning.UNKNOWN) {
            o.unclassified++;
        }
    }

    /**
     * A total named for a heading opened inside the section ("Total 4000 Sales", "Total for 4000 Sales",
     * "Total - 5000 Cost of Goods Sold") adds up that heading's sub-accounts: a subtotal inside the section, which neither
     * ends the section nor moves the walk past it. A total named for the heading that opened the section is
     * the section's total.
     */
    private static void closeGroup(Walk w, RowRead x) {
        String rest = x.norm.substring(5).trim();
        while (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == ':')) {
            rest = rest.substring(1).trim();
        }
        if (rest.startsWith("for ")) {
            rest = rest.substring(4);
        }
        String name = StatementLabels.normalize(rest);
        for (int i = w.groups.size() - 1; i >= 0; i--) {
            if (w.groups.get(i).equals(name)) {
                x.meaning = Meaning.OTHER_TOTAL;
                w.groups.subList(i, w.groups.size()).clear();
                return;
            }
        }
        if (name.equals(w.sectionName) && w.section != null) {
            // the section's own total, whatever its heading's words would say alone ("Total for Operating Income")
            x.meaning = switch (w.section) {
                case REVENUE -> Meaning.REVENUE_TOTAL;
                case COST_OF_REVENUE -> Meaning.COST_OF_REVENUE_TOTAL;
                case OPEX -> Meaning.OPEX_TOTAL;
                case BELOW_THE_LINE -> Meaning.OTHER_TOTAL;
                default -> x.meaning;
            };
        }
    }

    /**
     * The row's category, written beside its name, is its section; a name that says nothing ("Usage
     * (API)") is read as the category says.
     */
    private static void category(RowRead x, Walk w, String category) {
        Meaning opened = category == null ? null : StatementLabels.section(StatementLabels.normalize(category));
        if (opened == null) {
            return;
        }
        w.section = opened;
        w.function = opened == Meaning.OPEX ? StatementLabels.function(StatementLabels.normalize(category)) : null;
        x.meaning = CategoryColumns.meaning(x.meaning, category);
    }

    /** {@link #readAmounts} found a percentage where an amount should be. */
    private static final int PERCENT = 1;
    /** {@link #readAmounts} found only small amounts, some with fractions: ratios, not money. */
    private static final int RATIOS = 2;

    /**
     * The row's amounts in the block's period columns into {@code x}, and what else stands there
     * ({@link #PERCENT}, {@link #RATIOS}). A method of its own: its loop over the periods, run for
     * every row, is compiled alone instead of taking the whole row method with it.
     */
    private static int readAmounts(RowRead x, GridSheet s, int r, int[] cols) {
        boolean percent = false;
        boolean ratio = true;
        boolean fraction = false;
        String textCell = null;
        String textWhat = null;
        Object[] rowCells = s.rowCells(r);
        double[] rowNumbers = s.rowNumbers(r);
        for (int i = 0; i < cols.length; i++) {
            if (cols[i] < rowCells.length && GridSheet.isPlain(rowCells[cols[i]])) {
                // the common case, without wrapping the number in a cell
                double d = rowNumbers[cols[i]];
                if (Double.isFinite(d)) {
                    x.values[i] = d;
                    x.hasNumber = true;
                    if (ratio) {
                        // only a row of small amounts can be ratios; past the first large one the
                        // fraction test is not needed (it ran for every amount of a 20,000-row ledger)
                        double a = Math.abs(d);
                        ratio = a <= 1.5;
                        fraction |= a != Math.rint(a);
                    }
                    if (x.textNumbers) {
                        x.excel[i] = d;
                    }
                    continue;
                }
            }
            CellValues.Value v = CellValues.read(s.cell(r, cols[i]));
            switch (v.status()) {
                case NUMBER -> {
                    x.values[i] = v.number();
                    x.hasNumber = true;
                    GridCell typed = s.isPlainNumber(r, cols[i]) ? null : s.cell(r, cols[i]);
                    if (typed != null && typed.kind() == GridCell.Kind.TEXT) {
                        if (!x.textNumbers) {
                            x.excel = x.values.clone();
                            x.textNumbers = true;
                        }
                        x.excel[i] = 0;
                    } else if (x.textNumbers) {
                        x.excel[i] = v.number();
                    }
                    if (ratio) {
                        double a = Math.abs(v.number());
                        ratio = a <= 1.5;
                        fraction |= a != Math.rint(a);
                    }
                }
                case PERCENT -> percent = true;
                case PROBLEM -> {
                    GridCell cell = s.cell(r, cols[i]);
                    if (cell != null && cell.kind() != GridCell.Kind.TEXT && x.problem == null) {
                        x.problemCell = s.name() + "!" + SourceRef.cellName(r, cols[i]);
                        x.problemWhat = v.problem();
                        x.problem = x.problemCell + " holds " + v.problem();
                    } else if (textCell == null) {
                        textCell = s.name() + "!" + SourceRef.cellName(r, cols[i]);
                        textWhat = v.problem();
                    }
                }
                default -> {
                }
            }
        }
        if (x.problem == null && x.hasNumber && textCell != null) {
            // Amounts in the row's other periods, and words where this period's amount should be:
            // the amount is not known, so the row is not read (a row of words alone is a caption).
            x.problemCell = textCell;
            x.problemWhat = textWhat;
            x.problem = textCell + " holds " + textWhat;
        }
        return (percent ? PERCENT : 0) | (ratio && fraction ? RATIOS : 0);
    }

    /**
     * The statement's own title ("Profit and loss") under the same header as schedules above it (a
     * revenue build, a cost build): the rows above are not its lines, and the walk starts again. Not
     * where a statement already stands above (a gross profit or bottom line): a breakdown below it is.
     */
    private static void restartAtTitle(Outcome o, Walk w) {
        for (RowRead r : o.rows) {
            if (r.meaning == Meaning.GROSS_PROFIT || r.meaning == Meaning.OPERATING_PROFIT || r.meaning == Meaning.EBITDA
                    || r.meaning == Meaning.NET_INCOME) {
                return;
            }
        }
        for (RowRead r : o.rows) {
            if (r.role.isLine() || r.role == RowRole.TOTAL) {
                r.role = RowRole.IGNORED;
                r.placement = null;
                r.why = "a schedule above the statement's own title";
            }
        }
        w.stage = 0;
        w.section = null;
        w.sectionName = null;
        w.groups.clear();
        w.function = null;
        w.pastGross = false;
    }

    /**
     * A row's label: the text in the label column, or where that is empty the first words left of the
     * periods (an accounting package's export indents its levels by column: "Gross Profit" in A, "Total
     * Income" in B, the accounts in C). The one rule for reading, scoring and ordering a block's rows.
     */
    static String label(GridSheet s, int r, int labelColumn, int firstPeriodColumn) {
        String label = text(s, r, labelColumn);
        if (label == null) {
            for (int c = 0; c < firstPeriodColumn && label == null; c++) {
                label = text(s, r, c);
                if (label != null && CellValues.text(label).status() != CellValues.Status.PROBLEM) {
                    label = null;
                }
            }
        }
        return label;
    }

    static String text(GridSheet s, int r, int c) {
        GridCell cell = s.cell(r, c);
        return cell != null && cell.isText() ? cell.text().trim() : null;
    }

    static void add(double[] sum, double[] v) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += v[k];
        }
    }
}
