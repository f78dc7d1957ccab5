package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

/**
 * A statement written segment by segment ("Product A revenue", "Product A COGS", "Product A gross
 * profit", then product B the same way) with the whole after them ("Total revenue", "Total COGS",
 * "Gross profit", or "Revenue", "COGS", "Gross profit" again under a "Total" heading). Read down the rows, the first segment's gross profit looks like the statement's
 * and the other segments like schedules below it. Where a revenue total after a gross profit adds up
 * every revenue row above it, in every period, the segments are its lines: their revenue and cost of
 * revenue rows are read as lines, and their gross profits as the segments' own, not the statement's.
 */
final class SegmentTotals {
    private SegmentTotals() {
    }

    static void find(Outcome o) {
        int firstGross = -1;
        RowRead total = null;
        int at = -1;
        double[] sum = null;
        int revenueRows = 0;
        boolean leftOut = false;
        for (int i = 0; i < o.rows.size(); i++) {
            RowRead x = o.rows.get(i);
            boolean known = x.hasNumber && x.problem == null;
            if (x.meaning == Meaning.GROSS_PROFIT && known && firstGross < 0) {
                firstGross = i;
            } else if (firstGross >= 0 && known && (x.meaning == Meaning.REVENUE_TOTAL || x.meaning == Meaning.REVENUE
                    && revenueRows >= 2 && StatementChecks.equal(sum, x.excel))) {
                // "Total revenue", or "Revenue" again under a "Total" heading, adding up the segments' revenue
                total = x;
                at = i;
                break;
            }
            if (x.meaning == Meaning.REVENUE && known) {
                if (sum == null) {
                    sum = new double[x.excel.length];
                }
                StatementRows.add(sum, x.excel);
                revenueRows++;
                leftOut |= x.role != RowRole.REVENUE;
            }
        }
        if (total == null || revenueRows < 2 || !leftOut || !StatementChecks.equal(sum, total.excel)) {
            return;
        }
        double[] cost = new double[sum.length];
        for (int i = 0; i < at; i++) {
            RowRead x = o.rows.get(i);
            if (!x.hasNumber || x.problem != null) {
                continue;
            }
            if (x.meaning == Meaning.REVENUE) {
                line(x, RowRole.REVENUE, Placement.REVENUE, "a segment's revenue: " + total.label + " adds it up");
            } else if (x.meaning == Meaning.COST_OF_REVENUE) {
                line(x, RowRole.COST_OF_REVENUE, Placement.COST_OF_REVENUE, "a segment's cost of revenue");
                StatementRows.add(cost, x.excel);
            } else if (x.meaning == Meaning.GROSS_PROFIT) {
                x.role = RowRole.IGNORED;
                x.placement = null;
                x.why = "a segment's gross profit, not the statement's";
            }
        }
        total.role = RowRole.TOTAL;
        total.placement = null;
        total.sums = total.meaning == Meaning.REVENUE ? RowRole.REVENUE : null;
        total.why = "total revenue: the segments above add up to it";
        // the whole's cost of revenue after it ("COGS" again under the "Total" heading) adds up the segments'
        for (int i = at + 1; i < o.rows.size() && o.rows.get(i).meaning != Meaning.GROSS_PROFIT; i++) {
            RowRead x = o.rows.get(i);
            if (x.meaning == Meaning.COST_OF_REVENUE && x.hasNumber && StatementChecks.equal(cost, x.excel)) {
                x.role = RowRole.TOTAL;
                x.placement = null;
                x.sums = RowRole.COST_OF_REVENUE;
                x.why = "total cost of revenue: the segments above add up to it";
            }
        }
        o.notes.add("The statement is written segment by segment; " + total.label.trim() + " ("
                + StatementChecks.cell(o, total) + ") adds up the segments' revenue, which are read as its lines.");
    }

    private static void line(RowRead x, RowRole role, Placement placement, String why) {
        x.role = role;
        x.placement = placement;
        x.tentative = false;
        x.why = why;
    }
}
