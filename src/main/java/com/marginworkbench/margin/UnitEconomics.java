package com.marginworkbench.margin;

import java.util.OptionalDouble;

/**
 * LTV = ARPA × gross margin ÷ churn (monthly); LTV:CAC = LTV ÷ CAC, before and after stress.
 * Empty where the inputs are missing or the margin is not available.
 */
public record UnitEconomics(OptionalDouble ltv, OptionalDouble ltvToCac, OptionalDouble ltvStressed,
                            OptionalDouble ltvToCacStressed) {
    public static final UnitEconomics NOT_AVAILABLE = new UnitEconomics(OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
}
