package com.marginworkbench.margin;

import java.util.ArrayList;
import java.util.List;

/**
 * The stress walk: from the unstressed AI-layer margin to the stressed one, one lever group at a
 * time (LLM cost with any token price decline, then the variance buffer, the heavy users and the
 * price), each step's effect the change in margin it adds on top of the steps before. The steps add
 * up to the stressed margin exactly. Empty margins (no AI revenue) are NaN.
 */
public record StressWalk(double base, List<Step> steps, double stressed) {
    public StressWalk {
        steps = List.copyOf(steps);
    }

    /** One step: its name, the margin after it, and its effect in margin points (a fraction). */
    public record Step(String label, double marginAfter, double effect) {
    }

    public static StressWalk of(MarginEngine.Prepared model, Levers levers) {
        return of(model, levers, MarginMeasure.AI_LAYER_STRESSED);
    }

    public static StressWalk of(MarginEngine.Prepared model, Levers levers, MarginMeasure measure) {
        // The periods marked forecast stay marked through the walk (the token decline needs them).
        Levers l = Levers.NEUTRAL.withFirstForecastPeriod(levers.firstForecastPeriod());
        double before = measure.of(model.total(l));
        double base = before;
        List<Step> steps = new ArrayList<>();
        Levers[] after = {
                l = l.withLlmCostChange(levers.llmCostChange()).withTokenPriceDecline(levers.tokenPriceDeclinePerYear()),
                l = l.withVarianceBuffer(levers.varianceBuffer()),
                l = l.withHeavyUsers(levers.heavyUserShare(), levers.heavyUserMultiplier())
                        .withHeavyUserBaseline(levers.heavyUserBaseline()),
                l = l.withPriceChange(levers.priceChange()),
        };
        String[] labels = {"LLM cost", "Variance buffer", "Heavy users", "Price"};
        for (int i = 0; i < after.length; i++) {
            double m = measure.of(model.total(after[i]));
            steps.add(new Step(labels[i], m, m - before));
            before = m;
        }
        return new StressWalk(base, steps, before);
    }
}
