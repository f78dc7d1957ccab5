package com.marginworkbench.workbook.statement;

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
 * Deductions from revenue stored as positive amounts ("Gross sales", then "Less: discounts",
 * "Refunds", "Sales returns", then "Net sales"): the net revenue row, or gross profit where there is
 * none, adds up only with them taken off, so they are read as negative revenue. Decided by the
 * statement's own totals before any other check; a statement that stores them negative already
 * adds up as it is and is left alone.
 */
final class ContraRevenue {
    /** The most revenue rows looked at above one net revenue row. */
    private static final int MAX_RUN = 40;

    private ContraRevenue() {
    }

    static void find(Outcome o) {
        if (!anyDeduction(o)) {
            return;
        }
        List<RowRead> run = new ArrayList<>();
        for (RowRead x : o.rows) {
            boolean revenueRow = x.role == RowRole.REVENUE
                    || x.role == RowRole.TOTAL && x.meaning == Meaning.REVENUE_TOTAL;
            if (revenueRow && !run.isEmpty() && !deduction(x) && turned(o, run, x.excel, null)) {
                run.clear();
                continue;
            }
            if (x.role == RowRole.REVENUE && run.size() < MAX_RUN) {
                run.add(x);
            } else if (x.role == RowRole.TOTAL && x.meaning == Meaning.GROSS_PROFIT) {
                // no net revenue row: gross profit, with every revenue and cost line above it
                turned(o, o.lines(RowRole.REVENUE), x.excel, o.lines(RowRole.COST_OF_REVENUE));
                return;
            } else if (x.hasNumber && x.role != RowRole.KPI) {
                run.clear();
            }
        }
    }

    private static boolean anyDeduction(Outcome o) {
        for (RowRead x : o.rows) {
            if (x.role == RowRole.REVENUE && deduction(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean deduction(RowRead x) {
        return x.role == RowRole.REVENUE && StatementLabels.namesDeduction(x.norm) && x.total() > 0;
    }

    /**
     * Whether {@code total} (net revenue, or gross profit with {@code costs} taken off) adds up with
     * the deductions of the run taken off and not with them added; if so they are turned negative.
     */
    private static boolean turned(Outcome o, List<RowRead> run, double[] total, List<RowRead> costs) {
        double[] kept = new double[total.length];
        double[] taken = new double[total.length];
        List<RowRead> deductions = new ArrayList<>();
        for (RowRead r : run) {
            if (deduction(r)) {
                deductions.add(r);
                StatementRows.add(taken, r.excel);
            } else {
                StatementRows.add(kept, r.excel);
            }
        }
        if (deductions.isEmpty() || deductions.size() == run.size()) {
            return false;
        }
        double[] net = minus(kept, taken);
        double[] gross = plus(kept, taken);
        if (costs != null) {
            double[] cost = new double[total.length];
            for (RowRead c : costs) {
                StatementRows.add(cost, c.excel);
            }
            boolean fits = equal(minus(net, cost), total) || equal(plus(net, cost), total);
            boolean plain = equal(minus(gross, cost), total) || equal(plus(gross, cost), total);
            if (!fits || plain) {
                return false;
            }
        } else if (!equal(net, total) || equal(gross, total)) {
            return false;
        }
        o.turned = true;
        for (RowRead d : deductions) {
            boolean shared = d.excel == d.values;
            for (int i = 0; i < d.values.length; i++) {
                d.values[i] = -d.values[i];
            }
            if (!shared) {
                for (int i = 0; i < d.excel.length; i++) {
                    d.excel[i] = -d.excel[i];
                }
            }
            d.why = "a deduction from revenue: the statement's total adds up with it taken off";
            o.notes.add("'" + d.label + "' (" + StatementChecks.cell(o, d) + ") is stored as a positive amount and"
                    + " taken off revenue: the statement's own total adds up that way.");
        }
        return true;
    }
}
