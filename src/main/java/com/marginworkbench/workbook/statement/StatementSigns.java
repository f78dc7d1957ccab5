package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

/**
 * The signs a statement stores its amounts with, where its totals do not say: costs as negative
 * numbers when most cost lines are, income as credits (negative) in an accounting export.
 */
final class StatementSigns {
    private StatementSigns() {
    }

    /**
     * Whether the statement keeps income as credits: its revenue lines add up negative and its cost
     * lines positive (an accounting export), so both are read turned to plain amounts.
     */
    static boolean incomeAsCredits(Outcome o) {
        double revenue = 0;
        double costs = 0;
        for (RowRead x : o.rows) {
            if (x.role == RowRole.REVENUE) {
                revenue += x.total();
            } else if (x.role == RowRole.COST_OF_REVENUE || x.role == RowRole.OPERATING_EXPENSE) {
                costs += x.total();
            }
        }
        double derived = 0;
        if (o.derivedCost != null) {
            for (double v : o.derivedCost) {
                derived += v;
            }
        }
        return revenue < 0 && costs >= 0 && derived <= 0;
    }

    /** -1 when most cost lines (by count) total negative. */
    static double majority(Outcome o) {
        int negative = 0;
        int positive = 0;
        for (RowRead x : o.rows) {
            if (x.role == RowRole.COST_OF_REVENUE || x.role == RowRole.OPERATING_EXPENSE) {
                double t = x.total();
                if (t < 0) {
                    negative++;
                } else if (t > 0) {
                    positive++;
                }
            }
        }
        return negative > positive ? -1 : 1;
    }
}
