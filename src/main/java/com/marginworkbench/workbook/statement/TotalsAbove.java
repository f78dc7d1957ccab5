package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

/**
 * Totals written above their lines (an outline with its summary rows on top: "Revenue", then
 * "Product A" and "Product B" under it; "Cost of revenue", then "Hosting" and "Support"). A row the
 * rows right below it add up to, in every period, is their total; they are its lines, on its side
 * of gross profit, and the total is not read again.
 */
final class TotalsAbove {
    /** The most lines looked for under one total written above them. */
    private static final int MAX_LINES = 40;

    private TotalsAbove() {
    }

    static void find(Outcome o) {
        for (int i = 0; i < o.rows.size(); i++) {
            RowRead top = o.rows.get(i);
            RowRole role = top.role == RowRole.TOTAL ? roleOfTotal(top.meaning) : top.role;
            // a total names the whole it adds up ("Revenue", "Cost of revenue", "Total operating
            // expenses"); "Product A" or "Vendor 117 hosting" adds up nothing
            if (role == null || !role.isLine() || top.problem != null
                    || top.role != RowRole.TOTAL && !StatementLabels.namesWhole(top.norm)) {
                continue;
            }
            double[] sum = new double[top.excel.length];
            int last = -1;
            // an outline total has a few lines under it: the scan stops after MAX_LINES rows (a
            // 20,000-line ledger is not searched from every row)
            for (int k = i + 1; k < o.rows.size() && k <= i + MAX_LINES; k++) {
                RowRead r = o.rows.get(k);
                if (!r.hasNumber || r.problem != null || !mayBeUnder(r, role)) {
                    break;
                }
                StatementRows.add(sum, r.excel);
                if (k > i + 1 && StatementChecks.equal(sum, top.excel) && !allZero(sum)) {
                    last = k;
                    break;
                }
            }
            if (last < 0) {
                continue;
            }
            Placement placement = role == RowRole.REVENUE ? Placement.REVENUE
                    : role == RowRole.COST_OF_REVENUE ? Placement.COST_OF_REVENUE : null;
            for (int k = i + 1; k <= last; k++) {
                RowRead r = o.rows.get(k);
                r.role = role;
                r.placement = placement != null ? placement
                        : r.placement != null && r.placement != Placement.REVENUE
                        && r.placement != Placement.COST_OF_REVENUE ? r.placement : Placement.OTHER_OPEX;
                r.tentative = false;
                r.why = "adds up to " + top.label + " above it";
            }
            top.role = RowRole.TOTAL;
            top.placement = null;
            top.sums = null;
            top.why = "the total of the lines below it";
            o.checks.add(new Reading.Check(top.label + " = the lines below it", StatementChecks.cell(o, top), true, null));
            i = last;
        }
    }

    private static RowRole roleOfTotal(Meaning m) {
        return m == Meaning.REVENUE_TOTAL ? RowRole.REVENUE : m == Meaning.COST_OF_REVENUE_TOTAL
                ? RowRole.COST_OF_REVENUE : m == Meaning.OPEX_TOTAL ? RowRole.OPERATING_EXPENSE : null;
    }

    /** Whether a row may be a line under a total of {@code role} written above it. */
    private static boolean mayBeUnder(RowRead r, RowRole role) {
        Meaning m = r.meaning;
        if (m == Meaning.UNKNOWN) {
            return true;
        }
        return switch (role) {
            case REVENUE -> m == Meaning.REVENUE;
            case COST_OF_REVENUE -> m == Meaning.COST_OF_REVENUE || m == Meaning.OPEX || m == Meaning.DEPRECIATION;
            default -> m == Meaning.OPEX || m == Meaning.DEPRECIATION;
        };
    }

    private static boolean allZero(double[] v) {
        for (double d : v) {
            if (d != 0) {
                return false;
            }
        }
        return true;
    }
}
