package com.marginworkbench.margin;

import java.util.OptionalDouble;

/**
 * LTV = ARPA × gross margin ÷ churn (monthly); LTV:CAC = LTV ÷ CAC, before and after stress, on
 * two bases side by side: restated blended GM, and AI-layer GM (the same ARPA at the AI layer's
 * margin). Stressed figures use the stressed ARPA (a price change moves only the AI part of the
 * bill) and the stressed CAC (LLM-priced free-tier inference in sales and marketing grows with the
 * LLM lever). Empty where the inputs are missing or the margin is not available; the two plain
 * numbers are NaN then.
 */
public record UnitEconomics(OptionalDouble ltv, OptionalDouble ltvToCac, OptionalDouble ltvStressed,
                            OptionalDouble ltvToCacStressed, OptionalDouble ltvAiLayer,
                            OptionalDouble ltvToCacAiLayer, OptionalDouble ltvAiLayerStressed,
                            OptionalDouble ltvToCacAiLayerStressed, double arpaStressed, double cacStressed) {
    public static final UnitEconomics NOT_AVAILABLE = new UnitEconomics(OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Double.NaN, Double.NaN);

    public UnitEconomics(OptionalDouble ltv, OptionalDouble ltvToCac, OptionalDouble ltvStressed,
                         OptionalDouble ltvToCacStressed) {
        this(ltv, ltvToCac, ltvStressed, ltvToCacStressed, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Double.NaN, Double.NaN);
    }
}
