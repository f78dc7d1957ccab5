package com.marginworkbench.model;

/**
 * Monthly unit-economics inputs: average revenue per account, churn as a fraction per month and
 * customer acquisition cost. {@code basis} says which gross margin LTV carries.
 */
public record UnitInputs(double arpaMonthly, double churnMonthly, double cac, MarginBasis basis) {
    public enum MarginBasis { BLENDED, AI_LAYER }

    public UnitInputs {
        if (basis == null) {
            basis = MarginBasis.BLENDED;
        }
    }

    /** True when all three figures are usable (positive churn and CAC). */
    public boolean isComplete() {
        return Double.isFinite(arpaMonthly) && churnMonthly > 0 && Double.isFinite(churnMonthly)
                && cac > 0 && Double.isFinite(cac);
    }
}
