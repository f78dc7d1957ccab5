package com.marginworkbench.margin;

import java.util.OptionalDouble;

/**
 * LTV = ARPA × gross margin ÷ churn (monthly); LTV:CAC = LTV ÷ CAC, before and after stress, on
 * two bases side by side: restated blended GM, and AI-layer GM (the same ARPA at the AI layer's
 * margin). Stressed figures use the stressed ARPA (a price change moves only the AI part of the
 * bill) and the stressed CAC (LLM-priced free-tier inference in sales and marketing grows with the
 * LLM lever). Empty where the inputs are missing or the margin is not available; the two plain
 * numbers are NaN then. {@code ltvToCacReported} is the same ratio on the margin the workbook
 * reports (blended, or the AI layer's when the inputs say LTV carries the AI layer's margin), the
 * base the restated ratio is compared with.
 */
public record UnitEconomics(OptionalDouble ltv, OptionalDouble ltvToCac, OptionalDouble ltvStressed,
                            OptionalDouble ltvToCacStressed, OptionalDouble ltvAiLayer,
                            OptionalDouble ltvToCacAiLayer, OptionalDouble ltvAiLayerStressed,
                            OptionalDouble ltvToCacAiLayerStressed, double arpaStressed, double cacStressed,
                            OptionalDouble ltvToCacReported) {
    public static final UnitEconomics NOT_AVAILABLE = new UnitEconomics(OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Double.NaN, Double.NaN,
            OptionalDouble.empty());

    public UnitEconomics(OptionalDouble ltv, OptionalDouble ltvToCac, OptionalDouble ltvStressed,
                         OptionalDouble ltvToCacStressed) {
        this(ltv, ltvToCac, ltvStressed, ltvToCacStressed, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Double.NaN, Double.NaN, OptionalDouble.empty());
    }
}
