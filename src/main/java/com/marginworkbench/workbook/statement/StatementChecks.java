package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a block's reading against the totals the workbook computes and lets them decide: which
 * rows are lines (lines that do not add up to their total give way to it; a row that adds up the
 * lines above it is a subtotal), which sign costs are stored with (the one that makes gross profit
 * come out), and cost of revenue where only revenue and gross profit are given.
 */
final class StatementChecks {
    private StatementChecks() {
    }

    /** Lets the block's totals decide the automatic reading: which rows are lines, the sign of costs. */
    static void resolve(Outcome o) {
        o.settled = false;
        checkAll(o);
    }

    /**
     * Checks the totals again once the user has set roles over the automatic reading, changing no
     * role: a check that no longer holds says so, and the sign of costs is decided again.
     */
    static void recheck(Outcome o) {
        o.settled = true;
        o.derivedBeforeUser = o.derivedCost != null;
        o.checks.clear();
        o.notes.clear();
        o.derivedCost = null;
        o.grossProfit = null;
        checkAll(o);
        o.notes.add("Rows set in the mapping are read as set; the workbook's totals are checked against them,"
                + " not used to change them.");
    }

    private static void checkAll(Outcome o) {
        if (!o.settled) {
            ContraRevenue.find(o);
            SegmentTotals.find(o);
            TotalsAbove.find(o);
        }
        group(o, RowRole.REVENUE, Meaning.REVENUE_TOTAL, "total revenue = the revenue lines");
        group(o, RowRole.COST_OF_REVENUE, Meaning.COST_OF_REVENUE_TOTAL, "total cost of revenue = the cost lines");
        group(o, RowRole.OPERATING_EXPENSE, Meaning.OPEX_TOTAL, "total operating expenses = the expense lines");
        grossProfit(o);
        operatingProfit(o);
        if (!o.settled) {
            PlacedRows.unconfirmedRevenueLeftOut(o);
        }
    }

    /** Notes on the lines as finally read, and lines with a cell in error taken out (named, never zero). */
    static void finish(Outcome o) {
        for (RowRead x : o.rows) {
            if (x.role.isLine() && x.textNumbers) {
                o.notes.add("'" + x.label + "' (" + cell(o, x) + ") holds numbers typed as text; they are read,"
                        + " though the workbook's own totals leave them out.");
            }
            if (x.role.isLine() && x.problem != null) {
                o.problems.add(new Problem(o.block.sheet.name() + "!" + SourceRef.cellName(x.row, o.block.labelColumn),
                        "'" + x.label + "' could not be read: " + x.problem + "; it is left out of every figure"
                                + " (not read as zero); fix the cell in the workbook and read it again.",
                        x.label, x.problemCell, x.problemWhat));
                x.unreadAs = x.role;
                x.role = RowRole.IGNORED;
                x.why = "a cell in error";
            }
        }
    }

    /**
     * Lines of one role against their total row: a line that adds up the run above it is a subtotal;
     * lines that do not add up to the total give way to it (unsure rows are dropped first).
     */
    private static void group(Outcome o, RowRole role, Meaning totalMeaning, String what) {
        List<RowRead> run = new ArrayList<>();
        // the run's sum, kept as it grows: a 20,000-line block stays linear
        double[] running = new double[o.block.columns.count()];
        // the lines since the last total of the role, subtotals inside it passed over ("Cloud hosting"
        // over AWS and GCP, then "Total COGS" over hosting and support)
        List<RowRead> nested = new ArrayList<>();
        double[] nestedSum = new double[running.length];
        boolean any = o.any(role);
        for (RowRead x : o.rows) {
            if (x.role == role) {
                // a row in error or all zero adds up anything of zeros: never a subtotal by its values
                // so is a line named as the whole ("Revenue") that repeats the one line above it
                if (!o.settled && (run.size() >= 2 || run.size() == 1 && StatementLabels.namesWhole(x.norm))
                        && equal(running, x.excel) && !blank(x)) {
                    x.role = RowRole.TOTAL;
                    x.sums = role;
                    x.why = "adds up the " + role.label().toLowerCase(Locale.ROOT) + " lines above it";
                    run.clear();
                    java.util.Arrays.fill(running, 0);
                    continue;
                }
                run.add(x);
                StatementRows.add(running, x.excel);
                nested.add(x);
                StatementRows.add(nestedSum, x.excel);
                continue;
            }
            if (x.role == RowRole.TOTAL && x.sums != role) {
                wholeRun(x, totalMeaning, run, running, nested, nestedSum);
            }
            if (o.settled && x.role == RowRole.TOTAL && (x.meaning == totalMeaning || x.sums == role)) {
                // the roles stand; the total only says whether the lines above it still add up to it
                if (!run.isEmpty() && !blank(x)) {
                    o.checks.add(check(o, x.sums == role ? x.label.trim() + " = the "
                            + role.label().toLowerCase(Locale.ROOT) + " lines above it" : what, x, running, x.excel));
                }
                run.clear();
                java.util.Arrays.fill(running, 0);
            } else if (x.role == RowRole.TOTAL && x.meaning == totalMeaning && blank(x)) {
                // a total without its figures (formulas saved without results) checks nothing
                run.clear();
                java.util.Arrays.fill(running, 0);
            } else if (x.role == RowRole.TOTAL && x.meaning == totalMeaning) {
                List<RowRead> lines = new ArrayList<>(run);
                String cell = cell(o, x);
                boolean addsUp = !lines.isEmpty() && equal(sum(lines), x.excel);
                if (!addsUp && role == RowRole.OPERATING_EXPENSE && !lines.isEmpty()
                        && equal(plus(sum(lines), costOfRevenueSince(o, x)), x.excel)) {
                    // "Total costs and expenses": cost of revenue and the operating expenses together
                    o.checks.add(new Reading.Check("total costs and expenses = cost of revenue + operating expenses",
                            cell, true, null));
                    run.clear();
                    java.util.Arrays.fill(running, 0);
                    continue;
                }
                List<RowRead> sure = lines.stream().filter(l -> !l.tentative).toList();
                boolean sureAddUp = !addsUp && !sure.isEmpty() && equal(sum(sure), x.excel);
                List<RowRead> above = !addsUp && !sureAddUp && role == RowRole.COST_OF_REVENUE && !o.settled
                        ? PlacedRows.linesRightAbove(o, x) : List.of();
                List<RowRead> inside = !addsUp && !sureAddUp && role == RowRole.OPERATING_EXPENSE && !o.settled
                        && !lines.isEmpty() ? PlacedRows.belowTheLineInside(o, x, sum(lines)) : List.of();
                if (!inside.isEmpty()) {
                    // "Interest Expense" or "Income Tax" among an accounting package's expense accounts
                    for (RowRead l : inside) {
                        l.role = role;
                        l.placement = com.marginworkbench.model.Placement.OTHER_OPEX;
                        l.why = "inside " + x.label.trim() + ": it adds up with the expense lines";
                    }
                    o.checks.add(new Reading.Check(what, cell, true, null));
                } else if (!above.isEmpty()) {
                    // "Hosting", "Inference", then "Total cost of revenue" with no heading over them
                    for (RowRead l : above) {
                        l.role = role;
                        l.placement = com.marginworkbench.model.Placement.COST_OF_REVENUE;
                        l.why = "adds up to " + x.label.trim() + " below it";
                    }
                    o.checks.add(new Reading.Check(what, cell, true, null));
                } else if (lines.isEmpty()) {
                    if (!any) {
                        x.role = role;
                        x.placement = role == RowRole.REVENUE ? com.marginworkbench.model.Placement.REVENUE
                                : role == RowRole.COST_OF_REVENUE ? com.marginworkbench.model.Placement.COST_OF_REVENUE
                                : com.marginworkbench.model.Placement.OTHER_OPEX;
                        x.why = "the workbook's own total, read as one line";
                    }
                } else if (addsUp) {
                    o.checks.add(new Reading.Check(what, cell, true, null));
                } else {
                    if (sureAddUp) {
                        for (RowRead l : lines) {
                            if (l.tentative) {
                                l.role = RowRole.IGNORED;
                                l.why = "not part of " + x.label.trim() + " (the lines add up without it)";
                            }
                        }
                        o.checks.add(new Reading.Check(what, cell, true, null));
                    } else {
                        for (RowRead l : lines) {
                            l.role = RowRole.IGNORED;
                            l.gaveWay = role;
                            l.why = "does not add up to " + x.label.trim() + "; the total is read instead";
                        }
                        x.role = role;
                        x.placement = lines.get(0).placement;
                        x.why = "the workbook's own total: the rows above it do not add up to it";
                        o.notes.add(x.label.trim() + " (" + cell + ") is read as one line: the rows above it do not"
                                + " add up to it.");
                    }
                }
                run.clear();
                java.util.Arrays.fill(running, 0);
            } else if (x.role == RowRole.TOTAL) {
                run.clear();
                java.util.Arrays.fill(running, 0);
            }
        }
    }

    /**
     * At a total of the role whose run of lines (since a subtotal inside it) does not add up to it but
     * whose lines since the last total do, subtotals passed over, the run becomes all those lines.
     * The lines since the last total start again at every total but a subtotal of the role (one found by
     * its values, or any other total that adds up the run above it).
     */
    private static void wholeRun(RowRead x, Meaning totalMeaning, List<RowRead> run, double[] running,
                                 List<RowRead> nested, double[] nestedSum) {
        if (x.meaning != totalMeaning && !run.isEmpty() && equal(running, x.excel) && !blank(x)) {
            // "Total cloud hosting" over AWS and GCP: a subtotal inside the role, its lines kept
            return;
        }
        if (x.meaning == totalMeaning && nested.size() > run.size() && !equal(running, x.excel)
                && equal(nestedSum, x.excel)) {
            run.clear();
            run.addAll(nested);
            System.arraycopy(nestedSum, 0, running, 0, running.length);
        }
        nested.clear();
        java.util.Arrays.fill(nestedSum, 0);
    }

    /** The cost-of-revenue lines between the last total above {@code total} and it, added up. */
    private static double[] costOfRevenueSince(Outcome o, RowRead total) {
        double[] sum = new double[o.block.columns.count()];
        for (int k = o.rows.indexOf(total) - 1; k >= 0 && o.rows.get(k).role != RowRole.TOTAL; k--) {
            if (o.rows.get(k).role == RowRole.COST_OF_REVENUE) {
                StatementRows.add(sum, o.rows.get(k).excel);
            }
        }
        return sum;
    }

    private static void grossProfit(Outcome o) {
        RowRead gp = null;
        for (RowRead x : o.rows) {
            if (x.role == RowRole.TOTAL && x.meaning == Meaning.GROSS_PROFIT) {
                gp = x;
                break;
            }
        }
        o.grossProfit = gp;
        if (gp != null && blank(gp)) {
            o.grossProfit = null;
            gp = null;
        }
        if (gp == null) {
            o.costSign = StatementSigns.majority(o);
            return;
        }
        double[] revenue = o.sum(RowRole.REVENUE);
        double[] cost = o.sum(RowRole.COST_OF_REVENUE);
        boolean anyCost = o.any(RowRole.COST_OF_REVENUE);
        String cell = cell(o, gp);
        if (StatementLabels.isContribution(gp.norm)) {
            o.notes.add("'" + gp.label + "' (" + cell + ") stands where gross profit would: the statement splits its"
                    + " costs into variable and fixed, and the variable costs above it are read as cost of revenue.");
        }
        if (!anyCost && o.settled && !o.derivedBeforeUser) {
            // the user took the cost lines out: nothing is derived in their place
            o.costSign = StatementSigns.majority(o);
            return;
        }
        if (!anyCost && !o.settled && PlacedRows.settledByGrossProfit(o, revenue, cost, false, gp, cell)) {
            return;
        }
        if (!anyCost) {
            double[] derived = new double[revenue.length];
            boolean positive = true;
            for (int i = 0; i < derived.length; i++) {
                derived[i] = revenue[i] - gp.values[i];
            }
            o.derivedCost = derived;
            o.costSign = StatementSigns.majority(o);
            o.notes.add("Cost of revenue is derived as revenue − gross profit (" + cell + "): the statement has no"
                    + " cost of revenue line.");
            return;
        }
        if (equal(minus(revenue, cost), gp.excel)) {
            o.costSign = 1;
            o.checks.add(new Reading.Check("gross profit = revenue − cost of revenue", cell, true, null));
            return;
        }
        if (equal(plus(revenue, cost), gp.excel)) {
            o.costSign = -1;
            o.checks.add(new Reading.Check("gross profit = revenue − cost of revenue", cell, true,
                    "costs are stored as negative numbers; they are read as positive costs"));
            return;
        }
        if (o.settled) {
            o.costSign = StatementSigns.majority(o);
            o.checks.add(check(o, "gross profit = revenue − cost of revenue", gp,
                    o.costSign < 0 ? plus(revenue, cost) : minus(revenue, cost), gp.values));
            return;
        }
        // Unsure cost rows out, then try again.
        double[] sure = new double[cost.length];
        for (RowRead x : o.rows) {
            if (x.role == RowRole.COST_OF_REVENUE && !x.tentative) {
                StatementRows.add(sure, x.excel);
            }
        }
        for (int sign : new int[]{1, -1}) {
            double[] candidate = sign == 1 ? minus(revenue, sure) : plus(revenue, sure);
            if (equal(candidate, gp.excel)) {
                for (RowRead x : o.rows) {
                    if (x.role == RowRole.COST_OF_REVENUE && x.tentative) {
                        x.role = RowRole.IGNORED;
                        x.why = "gross profit adds up without it";
                    }
                }
                o.costSign = sign;
                o.checks.add(new Reading.Check("gross profit = revenue − cost of revenue", cell, true, null));
                return;
            }
        }
        if (PlacedRows.settledByGrossProfit(o, revenue, cost, true, gp, cell)
                || RepeatedRevenue.leftOut(o, revenue, cost, gp, cell)) {
            return;
        }
        o.costSign = StatementSigns.majority(o);
        double[] expected = o.costSign < 0 ? plus(revenue, cost) : minus(revenue, cost);
        int at = firstDifference(expected, gp.values);
        o.checks.add(new Reading.Check("gross profit = revenue − cost of revenue", cell, false,
                String.format(Locale.ROOT, "%s: the lines read give %,.2f, the workbook's gross profit is %,.2f",
                        o.block.columns.periods().get(at).label(), expected[at], gp.values[at])));
    }

    /**
     * Operating income = gross profit − operating expenses, where the statement has no EBITDA step in
     * between. A depreciation or unsure row that keeps it from adding up is taken as disclosed (already
     * inside the other costs), not as a line.
     */
    private static void operatingProfit(Outcome o) {
        RowRead oi = null;
        for (RowRead x : o.rows) {
            if (x.role == RowRole.TOTAL && (x.meaning == Meaning.EBITDA)) {
                return;
            }
            if (x.role == RowRole.TOTAL && x.meaning == Meaning.OPERATING_PROFIT) {
                oi = x;
                break;
            }
        }
        if (oi == null || blank(oi) || !o.any(RowRole.OPERATING_EXPENSE)) {
            return;
        }
        double[] gross = o.grossProfit != null ? o.grossProfit.excel
                : minus(o.sum(RowRole.REVENUE), signed(o.sum(RowRole.COST_OF_REVENUE), o.costSign));
        double[] opex = signed(o.sum(RowRole.OPERATING_EXPENSE), o.costSign);
        String what = "operating income = gross profit − operating expenses";
        if (equal(minus(gross, opex), oi.excel)) {
            o.checks.add(new Reading.Check(what, cell(o, oi), true, null));
            return;
        }
        if (o.settled) {
            o.checks.add(check(o, what, oi, minus(gross, opex), oi.excel));
            return;
        }
        double[] sure = new double[opex.length];
        for (RowRead x : o.rows) {
            if (x.role == RowRole.OPERATING_EXPENSE && !x.tentative && x.meaning != Meaning.DEPRECIATION) {
                StatementRows.add(sure, x.excel);
            }
        }
        if (equal(minus(gross, signed(sure, o.costSign)), oi.excel)) {
            for (RowRead x : o.rows) {
                if (x.role == RowRole.OPERATING_EXPENSE && (x.tentative || x.meaning == Meaning.DEPRECIATION)) {
                    x.role = RowRole.IGNORED;
                    x.why = "disclosed only: operating income adds up without it";
                    o.notes.add("'" + x.label + "' (" + cell(o, x) + ") is not read as a line: operating income"
                            + " adds up without it (it is already inside the other costs).");
                }
            }
            o.checks.add(new Reading.Check(what, cell(o, oi), true, null));
            return;
        }
        if (besideTheTotal(o, gross, oi)) {
            o.checks.add(new Reading.Check(what, cell(o, oi), true, null));
            return;
        }
        double[] other = otherIncomeAbove(o, oi);
        if (other != null && equal(plus(minus(gross, opex), other), oi.excel)) {
            o.checks.add(new Reading.Check("operating income = gross profit − operating expenses + other income above it",
                    cell(o, oi), true, null));
            return;
        }
        if (o.grossProfit == null && PlacedRows.takenOffRevenue(o, oi, opex)) {
            o.checks.add(new Reading.Check(what, cell(o, oi), true, null));
            return;
        }
        double[] expected = minus(gross, opex);
        int at = firstDifference(expected, oi.excel);
        o.checks.add(new Reading.Check(what, cell(o, oi), false, String.format(Locale.ROOT,
                "%s: the lines read give %,.2f, the workbook's operating income is %,.2f",
                o.block.columns.periods().get(at).label(), expected[at], oi.excel[at])));
    }

    /**
     * Expense lines left out for an expense row named as the whole ("Operating expenses") that they do
     * not add up to, taken back beside it when operating income adds up only with both: that row was
     * the rest of the expenses, not their total ("Depreciation", then "Operating expenses").
     */
    private static boolean besideTheTotal(Outcome o, double[] gross, RowRead oi) {
        double[] left = null;
        for (RowRead x : o.rows) {
            if (x.role == RowRole.IGNORED && x.gaveWay == RowRole.OPERATING_EXPENSE) {
                if (left == null) {
                    left = new double[x.excel.length];
                }
                StatementRows.add(left, x.excel);
            }
        }
        if (left == null || !equal(minus(gross, signed(plus(o.sum(RowRole.OPERATING_EXPENSE), left), o.costSign)),
                oi.excel)) {
            return false;
        }
        for (RowRead x : o.rows) {
            if (x.role == RowRole.IGNORED && x.gaveWay == RowRole.OPERATING_EXPENSE) {
                x.role = RowRole.OPERATING_EXPENSE;
                x.gaveWay = null;
                x.why = "an expense line: operating income adds up with it and the row named as the whole beside it";
            } else if (x.role == RowRole.OPERATING_EXPENSE && x.why.startsWith("the workbook's own total")) {
                x.why = "the rest of the expenses: operating income adds up with it and the lines above it";
                o.notes.remove(x.label.trim() + " (" + cell(o, x) + ") is read as one line: the rows above it do not"
                        + " add up to it.");
            }
        }
        return true;
    }

    /**
     * The rows below the line (other income, other expense) that stand between gross profit and
     * operating income, as stored, added up; null when there are none. Small companies' accounts put
     * "Other operating income" inside operating profit.
     */
    private static double[] otherIncomeAbove(Outcome o, RowRead oi) {
        double[] sum = null;
        boolean afterGross = o.grossProfit == null;
        for (RowRead x : o.rows) {
            if (x == oi) {
                break;
            }
            afterGross |= x == o.grossProfit;
            if (afterGross && x.role == RowRole.BELOW_THE_LINE && !blank(x)) {
                if (sum == null) {
                    sum = new double[x.excel.length];
                }
                StatementRows.add(sum, x.excel);
            }
        }
        return sum;
    }

    /** A check of {@code read} (what the lines give) against {@code total} (the workbook's row {@code x}). */
    private static Reading.Check check(Outcome o, String what, RowRead x, double[] read, double[] total) {
        int at = firstDifference(read, total);
        return at < 0 ? new Reading.Check(what, cell(o, x), true, null) : new Reading.Check(what, cell(o, x), false,
                String.format(Locale.ROOT, "%s: the lines read give %,.2f, the workbook's %s is %,.2f",
                        o.block.columns.periods().get(at).label(), read[at], x.label.trim(), total[at]));
    }

    /** A total with no figures to check against: in error, saved without results, or all zero. */
    static boolean blank(RowRead x) {
        if (x.problem != null) {
            return true;
        }
        for (double v : x.excel) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Each amount times {@code sign} (a sign or any scale), in a new array. */
    static double[] signed(double[] v, double sign) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * sign;
        }
        return r;
    }

    static String cell(Outcome o, RowRead x) {
        return o.block.sheet.name() + "!" + SourceRef.cellName(x.row, o.block.labelColumn);
    }

    static double[] sum(List<RowRead> rows) {
        double[] s = new double[rows.get(0).values.length];
        for (RowRead r : rows) {
            StatementRows.add(s, r.excel);
        }
        return s;
    }

    static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    static double[] plus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    /** Equal in every period within rounding (half a unit, or 0.05% of the amount). */
    static boolean equal(double[] a, double[] b) {
        return firstDifference(a, b) < 0;
    }

    private static int firstDifference(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k] - b[k]) > Math.max(0.51, 5e-4 * Math.max(Math.abs(a[k]), Math.abs(b[k])))) {
                return k;
            }
        }
        return a.length == 0 ? 0 : -1;
    }
}
