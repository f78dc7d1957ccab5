package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

import java.util.ArrayList;
import java.util.List;

import static com.marginworkbench.workbook.statement.StatementChecks.equal;
import static com.marginworkbench.workbook.statement.StatementChecks.minus;
import static com.marginworkbench.workbook.statement.StatementChecks.plus;

/**
 * A revenue build ("Product A revenue", "Product B revenue", "Total revenue") above the statement
 * under the same header, the statement's "Revenue" then repeating that total: the repeat is not a
 * second line. Settled by gross profit: where it adds up only without the rows that repeat a revenue
 * total above them (the same amounts in every period), they are read as that total again.
 */
final class RepeatedRevenue {
    private RepeatedRevenue() {
    }

    /** True when rows repeating a revenue total were left out and gross profit now adds up. */
    static boolean leftOut(Outcome o, double[] revenue, double[] cost, RowRead gp, String cell) {
        List<RowRead> totals = new ArrayList<>();
        List<RowRead> repeats = new ArrayList<>();
        double[] repeated = new double[revenue.length];
        for (RowRead x : o.rows) {
            if (x == gp) {
                break;
            }
            if (x.role == RowRole.TOTAL && (x.meaning == Meaning.REVENUE_TOTAL || x.sums == RowRole.REVENUE)) {
                totals.add(x);
            } else if (x.role == RowRole.REVENUE && !totals.isEmpty() && repeats(x, totals)) {
                repeats.add(x);
                StatementRows.add(repeated, x.excel);
            }
        }
        if (repeats.isEmpty()) {
            return false;
        }
        double[] rest = minus(revenue, repeated);
        for (int sign : new int[] {1, -1}) {
            if (equal(sign == 1 ? minus(rest, cost) : plus(rest, cost), gp.excel)) {
                for (RowRead x : repeats) {
                    x.role = RowRole.TOTAL;
                    x.placement = null;
                    x.sums = RowRole.REVENUE;
                    x.why = "repeats the revenue total above it";
                }
                o.costSign = sign;
                o.checks.add(new Reading.Check("gross profit = revenue − cost of revenue", cell, true, null));
                return true;
            }
        }
        return false;
    }

    private static boolean repeats(RowRead x, List<RowRead> totals) {
        for (RowRead t : totals) {
            if (equal(t.excel, x.excel)) {
                return true;
            }
        }
        return false;
    }
}
