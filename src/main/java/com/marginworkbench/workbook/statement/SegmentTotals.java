package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

/**
 * A statement written segment by segment ("Product A revenue", "Product A COGS", "Product A gross
 * profit", then product B the same way) with the whole after them ("Total revenue", "Total COGS",
 * "Gross profit"). Read down the rows, the first segment's gross profit looks like the statement's
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
        for (int i = 0; i < o.rows.size(); i++) {
            RowRead x = o.rows.get(i);
            if (x.meaning == Meaning.GROSS_PROFIT && x.hasNumber && firstGross < 0) {
                firstGross = i;
            } else if (firstGross >= 0 && x.meaning == Meaning.REVENUE_TOTAL && x.hasNumber && x.problem == null) {
                total = x;
                at = i;
                break;
            }
        }
        if (total == null) {
            return;
        }
        double[] sum = new double[total.excel.length];
        int revenueRows = 0;
        boolean leftOut = false;
        for (int i = 0; i < at; i++) {
            RowRead x = o.rows.get(i);
            if (x.meaning == Meaning.REVENUE && x.hasNumber && x.problem == null) {
                StatementRows.add(sum, x.excel);
                revenueRows++;
                leftOut |= x.role != RowRole.REVENUE;
            }
        }
        if (revenueRows < 2 || !leftOut || !StatementChecks.equal(sum, total.excel)) {
            return;
        }
        for (int i = 0; i < at; i++) {
            RowRead x = o.rows.get(i);
            if (!x.hasNumber || x.problem != null) {
                continue;
            }
            if (x.meaning == Meaning.REVENUE) {
                line(x, RowRole.REVENUE, Placement.REVENUE, "a segment's revenue: " + total.label + " adds it up");
            } else if (x.meaning == Meaning.COST_OF_REVENUE) {
                line(x, RowRole.COST_OF_REVENUE, Placement.COST_OF_REVENUE, "a segment's cost of revenue");
            } else if (x.meaning == Meaning.GROSS_PROFIT) {
                x.role = RowRole.IGNORED;
                x.placement = null;
                x.why = "a segment's gross profit, not the statement's";
            }
        }
        total.role = RowRole.TOTAL;
        total.placement = null;
        total.why = "total revenue: the segments above add up to it";
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
