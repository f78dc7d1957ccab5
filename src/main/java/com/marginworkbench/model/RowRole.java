package com.marginworkbench.model;

/**
 * What a row of a statement is, decided by what its label means (and, where the label says
 * nothing, by the section it sits in and by the statement's own totals).
 */
public enum RowRole {
    /** A revenue line (a negative one, such as churn or discounts, reduces revenue). */
    REVENUE("Revenue"),
    /** A cost-of-revenue line. */
    COST_OF_REVENUE("Cost of revenue"),
    /** An operating expense line; its function (R&D, S&M, G&A) is the line's placement. */
    OPERATING_EXPENSE("Operating expense"),
    /** A subtotal or total the workbook computes (total revenue, gross profit, EBITDA, net income). */
    TOTAL("Total"),
    /** Interest, tax, other income, FX and other items below the operating line. */
    BELOW_THE_LINE("Below the line"),
    /** A count, price, ratio, percentage, growth rate or per-unit figure: never an amount line. */
    KPI("KPI or driver"),
    /** Equity, loans, grants, funding, capex, balance-sheet and cash-flow items: never revenue. */
    FINANCING("Financing, investing or balance sheet"),
    /** A heading, caption or note; never a line. */
    CAPTION("Caption"),
    /** A row the reading leaves out (its reason says why). */
    IGNORED("Ignored");

    private final String label;

    RowRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the roles whose rows become lines of the model. */
    public boolean isLine() {
        return this == REVENUE || this == COST_OF_REVENUE || this == OPERATING_EXPENSE;
    }

    /** Accepts the enum name or the label, any case. */
    public static RowRole parse(String text) {
        String t = text == null ? "" : text.trim();
        for (RowRole r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.label.equalsIgnoreCase(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown row role '" + text + "'");
    }
}
