package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.StatementLabels.Meaning;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

/**
 * A statement row's role from what its label means, the section heading it sits under and how far
 * down the statement it is (revenue, cost of revenue, after gross profit, after the operating line,
 * after the bottom line). Where the label says nothing, the place decides and the row is marked
 * unsure, for the statement's totals to confirm or overrule.
 */
final class RowPlaces {
    private RowPlaces() {
    }

    /** Gives the row its role by its meaning, the section and how far down the statement it is; returns the stage. */
    static int place(RowRead x, Meaning section, Placement function, int stage, boolean pastGross) {
        Meaning m = x.meaning;
        if (stage >= 5 && m != Meaning.KPI && m != Meaning.NET_INCOME && m != Meaning.UNITS) {
            x.role = RowRole.IGNORED;
            x.why = "below the bottom line (a schedule or breakdown)";
            return stage;
        }
        switch (m) {
            case UNITS -> {
                x.role = RowRole.CAPTION;
                x.why = "a caption";
            }
            case KPI -> {
                x.role = RowRole.KPI;
                x.why = "a KPI, driver or ratio";
            }
            case FINANCING -> {
                x.role = RowRole.FINANCING;
                x.why = "financing, investing or balance sheet";
            }
            case REVENUE -> {
                if (stage >= 3) {
                    x.role = RowRole.IGNORED;
                    x.why = "revenue named again after gross profit (a schedule)";
                } else if (stage == 2 && section == Meaning.COST_OF_REVENUE) {
                    // "Sales promotions", "Revenue share" under a cost heading after the revenue total
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "under the cost of revenue heading, after the revenue total";
                    x.tentative = true;
                } else {
                    x.role = RowRole.REVENUE;
                    x.placement = Placement.REVENUE;
                    x.why = "revenue";
                    stage = Math.max(stage, 1);
                }
            }
            case REVENUE_TOTAL -> {
                x.role = stage >= 3 ? RowRole.IGNORED : RowRole.TOTAL;
                x.why = "total revenue";
                // what follows the revenue total, before gross profit, is cost of revenue
                stage = Math.max(stage, 2);
            }
            case COST_OF_REVENUE -> {
                // past gross profit only where a gross profit row was passed (expense words alone do not)
                if (stage >= 4 || stage == 3 && pastGross) {
                    x.role = stage >= 4 ? RowRole.BELOW_THE_LINE : RowRole.OPERATING_EXPENSE;
                    x.placement = stage >= 4 ? null : Placement.OTHER_OPEX;
                    x.why = "a cost below gross profit";
                } else {
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "cost of revenue";
                    stage = Math.max(stage, 2);
                }
            }
            case COST_OF_REVENUE_TOTAL -> {
                x.role = RowRole.TOTAL;
                x.why = "total cost of revenue";
                stage = Math.max(stage, 2);
            }
            case GROSS_PROFIT -> {
                x.role = RowRole.TOTAL;
                x.why = "gross profit";
                stage = Math.max(stage, 3);
            }
            case OPEX -> {
                Placement f = StatementLabels.function(x.norm);
                if (stage >= 4) {
                    x.role = RowRole.BELOW_THE_LINE;
                    x.why = "below the operating line";
                } else if (stage < 3 && section == Meaning.COST_OF_REVENUE && f == null) {
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "under the cost of revenue heading";
                    stage = 2;
                } else {
                    x.role = RowRole.OPERATING_EXPENSE;
                    x.placement = f != null ? f : function != null ? function : Placement.OTHER_OPEX;
                    x.why = "operating expense";
                    stage = Math.max(stage, stage >= 1 ? 3 : stage);
                }
            }
            case OPEX_TOTAL -> {
                x.role = stage >= 4 ? RowRole.IGNORED : RowRole.TOTAL;
                x.why = "total operating expenses";
            }
            case DEPRECIATION -> {
                x.role = stage >= 4 ? RowRole.BELOW_THE_LINE : RowRole.OPERATING_EXPENSE;
                x.placement = stage >= 4 ? null : Placement.OTHER_OPEX;
                x.why = stage >= 4 ? "below EBITDA" : "operating expense";
            }
            case EBITDA, OPERATING_PROFIT, PRETAX -> {
                x.role = RowRole.TOTAL;
                x.why = m.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                stage = Math.max(stage, 4);
            }
            case NET_INCOME -> {
                x.role = RowRole.TOTAL;
                x.why = "net income";
                stage = Math.max(stage, stage >= 1 ? 5 : 0);
            }
            case OTHER_TOTAL -> {
                x.role = RowRole.TOTAL;
                x.why = "a total";
            }
            case BELOW_THE_LINE -> {
                x.role = RowRole.BELOW_THE_LINE;
                x.why = "below the operating line";
            }
            default -> {
                // The label says nothing: the section heading or the position decides, to be checked by the totals.
                if (section == Meaning.KPI) {
                    x.role = RowRole.KPI;
                    x.why = "under a KPI or driver heading";
                } else if (stage >= 4 || section == Meaning.BELOW_THE_LINE) {
                    x.role = RowRole.BELOW_THE_LINE;
                    x.why = "below the operating line";
                } else if (section == Meaning.COST_OF_REVENUE && stage < 3) {
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "under the cost of revenue heading";
                    x.tentative = true;
                } else if (stage == 3 || section == Meaning.OPEX) {
                    x.role = RowRole.OPERATING_EXPENSE;
                    x.placement = function != null ? function : Placement.OTHER_OPEX;
                    x.why = "among the operating expenses";
                    x.tentative = true;
                } else if (stage == 2) {
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "between revenue and gross profit";
                    x.tentative = true;
                } else if (stage == 1 && section != Meaning.REVENUE && StatementLabels.namesSpend(x.norm)) {
                    // "Production costs" right after the revenue lines: a spend is never revenue
                    x.role = RowRole.COST_OF_REVENUE;
                    x.placement = Placement.COST_OF_REVENUE;
                    x.why = "a cost right after the revenue lines";
                    x.tentative = true;
                    stage = 2;
                } else if (stage <= 1 || section == Meaning.REVENUE) {
                    x.role = RowRole.REVENUE;
                    x.placement = Placement.REVENUE;
                    x.why = "above the revenue total";
                    x.tentative = true;
                } else {
                    x.role = RowRole.IGNORED;
                    x.why = "its label does not say what it is";
                }
            }
        }
        return stage;
    }
}
