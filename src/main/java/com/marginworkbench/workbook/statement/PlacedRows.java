package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

import java.util.ArrayList;
import java.util.List;

import static com.marginworkbench.workbook.statement.StatementChecks.blank;
import static com.marginworkbench.workbook.statement.StatementChecks.equal;
import static com.marginworkbench.workbook.statement.StatementChecks.minus;
import static com.marginworkbench.workbook.statement.StatementChecks.plus;
import static com.marginworkbench.workbook.statement.StatementChecks.signed;
import static com.marginworkbench.workbook.statement.StatementChecks.sum;

/**
 * Rows read as revenue by their place alone (their labels say nothing), beside lines named as
 * revenue: the statement's totals decide what they are. Gross profit that adds up without them
 * leaves them out; operating income that only adds up with them taken off revenue makes them cost
 * of revenue; with no total to say, they are left out (a count or driver above the revenue line).
 * Rows a total takes in though their labels placed them elsewhere: costs right above a cost total
 * with no heading over them, and below-the-line words among the expense lines above their total.
 */
final class PlacedRows {
    private PlacedRows() {
    }

    /**
     * The rows right above a total, read as other costs or left out, that add up to it (the nearest
     * first, up to the first row that cannot be one of its lines): its lines, though no heading says so.
     */
    static List<RowRead> linesRightAbove(Outcome o, RowRead total) {
        double[] sum = new double[o.block.columns.count()];
        List<RowRead> taken = new ArrayList<>();
        for (int k = o.rows.indexOf(total) - 1; k >= 0; k--) {
            RowRead r = o.rows.get(k);
            boolean mayBeLine = r.role == RowRole.OPERATING_EXPENSE || r.role == RowRole.COST_OF_REVENUE
                    || r.role == RowRole.IGNORED && r.hasNumber && r.problem == null;
            if (!mayBeLine || blank(r)) {
                break;
            }
            taken.add(r);
            StatementRows.add(sum, r.excel);
            if (equal(sum, total.excel)) {
                return taken;
            }
        }
        return List.of();
    }

    /**
     * The rows read as below the operating line that stand among the expense lines right above their
     * total (since the last total), when the total adds up only with them; empty otherwise.
     */
    static List<RowRead> belowTheLineInside(Outcome o, RowRead total, double[] lines) {
        List<RowRead> below = new ArrayList<>();
        double[] sum = lines.clone();
        for (int k = o.rows.indexOf(total) - 1; k >= 0 && o.rows.get(k).role != RowRole.TOTAL; k--) {
            RowRead r = o.rows.get(k);
            if (r.role == RowRole.BELOW_THE_LINE && !blank(r)) {
                below.add(r);
                StatementRows.add(sum, r.excel);
            }
        }
        return !below.isEmpty() && equal(sum, total.excel) ? below : List.of();
    }

    /** The revenue lines read by their place alone, where others are read by their labels; else none. */
    private static List<RowRead> revenueByPlace(Outcome o) {
        List<RowRead> placed = new ArrayList<>();
        for (RowRead x : o.rows) {
            if (x.role == RowRole.REVENUE && x.tentative) {
                placed.add(x);
            }
        }
        return placed.size() == o.lines(RowRole.REVENUE).size() ? List.of() : placed;
    }

    /**
     * Rows read as revenue by their place alone, settled by gross profit: left out where it adds up
     * without them (a volume or memo row above "Net revenue"), or, where the statement has no cost
     * line, made its cost of revenue where it adds up only with them taken off revenue ("AWS",
     * "OpenAI", "Stripe fees" between revenue and gross profit, under no heading). True when settled.
     */
    static boolean settledByGrossProfit(Outcome o, double[] revenue, double[] cost, boolean anyCost, RowRead gp,
                                        String cell) {
        List<RowRead> placed = revenueByPlace(o);
        if (placed.isEmpty()) {
            return false;
        }
        double[] moved = sum(placed);
        double[] sure = minus(revenue, moved);
        for (boolean turn : anyCost ? new boolean[] {false} : new boolean[] {false, true}) {
            double[] costs = turn ? moved : cost;
            for (int sign : new int[] {1, -1}) {
                if (!equal(sign == 1 ? minus(sure, costs) : plus(sure, costs), gp.excel)) {
                    continue;
                }
                for (RowRead x : placed) {
                    x.role = turn ? RowRole.COST_OF_REVENUE : RowRole.IGNORED;
                    x.placement = turn ? Placement.COST_OF_REVENUE : null;
                    x.why = turn ? "gross profit adds up only with it taken off revenue"
                            : "gross profit adds up without it (not a revenue line)";
                }
                o.costSign = sign;
                o.checks.add(new Reading.Check("gross profit = revenue − cost of revenue", cell, true, null));
                return true;
            }
        }
        return false;
    }

    /**
     * Rows read as revenue by their place alone (their labels say nothing) that operating income
     * takes off revenue: with no gross profit to say so, the total shows they are costs, right after
     * revenue, so cost of revenue. True when the rows were turned and operating income now adds up.
     */
    static boolean takenOffRevenue(Outcome o, RowRead oi, double[] opex) {
        List<RowRead> placed = revenueByPlace(o);
        if (placed.isEmpty()) {
            return false;
        }
        double[] moved = sum(placed);
        double[] revenue = minus(o.sum(RowRole.REVENUE), moved);
        double[] cost = plus(o.sum(RowRole.COST_OF_REVENUE), moved);
        for (double sign : new double[] {o.costSign, -o.costSign}) {
            double[] operating = minus(minus(revenue, signed(cost, sign)),
                    signed(o.sum(RowRole.OPERATING_EXPENSE), sign));
            if (equal(operating, oi.excel)) {
                for (RowRead x : placed) {
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "operating income adds up only with it taken off revenue";
                }
                o.costSign = sign;
                return true;
            }
        }
        return false;
    }

    /**
     * With no total that takes revenue in (total revenue, gross profit, operating income), rows
     * placed as revenue by position alone beside a line named revenue are left out and said so:
     * "Orders" or "Subscriptions" above "Revenue" is a count more often than a second revenue line.
     */
    static void unconfirmedRevenueLeftOut(Outcome o) {
        List<RowRead> placed = revenueByPlace(o);
        if (placed.isEmpty() || o.checks.stream().anyMatch(c -> c.what().startsWith("total revenue")
                || c.what().startsWith("gross profit") || c.what().startsWith("operating income"))) {
            return;
        }
        if (o.derivedCost != null) {
            // derived from revenue with these rows in it: without them, the gap to gross profit is smaller
            o.derivedCost = minus(o.derivedCost, sum(placed));
        }
        for (RowRead x : placed) {
            x.role = RowRole.IGNORED;
            x.placement = null;
            x.why = "its label names no revenue and no total confirms it (a count or driver beside the revenue line)";
            o.notes.add("'" + x.label + "' (" + StatementChecks.cell(o, x) + ") is not read as revenue: its label names"
                    + " none and the statement has no total to confirm it; set it as revenue in the mapping if it is.");
        }
    }
}
