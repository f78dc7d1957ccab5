package com.marginworkbench.margin;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Placement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Break-even and goal seek against hand-worked cases. The standard example per period: AI revenue
 * 100, LLM-priced usage-variable inference 57.2, usage-variable human review 2.2, software revenue
 * 400 and hosting 19.1.
 */
class GoalSeekTest {
    private static final double EXACT = 1e-6;
    private final MarginEngine.Prepared standard = WorkedExample.standard(12).prepare();

    @Test
    void aiLayerBreaksEvenAtSeventyOnePercentMoreLlmCost() {
        GoalSeek.Result r = Decisions.breakEvenLlmCost(standard, Levers.NEUTRAL);
        // 100 − 57.2 × (1 + x) − 2.2 = 0  →  x = 40.6 / 57.2
        assertThat(r.status()).isEqualTo(GoalSeek.Status.FOUND);
        assertThat(r.value()).isCloseTo(40.6 / 57.2, within(EXACT));
        assertThat(r.value()).isCloseTo(0.7098, within(1e-4));
        assertThat(r.sentence()).contains("+71.0%");
        // and the margin there is indeed 0
        Figures at = standard.total(Levers.NEUTRAL.withLlmCostChange(r.value()));
        assertThat(MarginMeasure.AI_LAYER_STRESSED.of(at)).isCloseTo(0, within(1e-12));
    }

    @Test
    void priceChangeRestoresTheAiLayerUnderFiftyPercentMoreLlmCost() {
        Levers stress = Levers.NEUTRAL.withLlmCostChange(0.5);
        GoalSeek.Result r = Decisions.priceToRestoreAiLayer(standard, stress);
        // cost 57.2 × 1.5 + 2.2 = 88; 1 − 88 / (100 (1 + p)) = 0.406  →  1 + p = 88 / 59.4
        assertThat(r.status()).isEqualTo(GoalSeek.Status.FOUND);
        assertThat(r.target()).isCloseTo(0.406, within(1e-12));
        assertThat(r.value()).isCloseTo(88 / 59.4 - 1, within(EXACT));
        assertThat(r.sentence()).contains("+48.1%").contains("40.6%");
        // with no stress there is nothing to restore
        assertThat(Decisions.priceToRestoreAiLayer(standard, Levers.NEUTRAL).value()).isCloseTo(0, within(EXACT));
    }

    @Test
    void heavyUserMultiplierAtBreakEvenUsesTheShareOrSaysWhatItAssumed() {
        // share 10%: 59.4 × (0.9 + 0.1 m) = 100  →  m = (100 / 59.4 − 0.9) / 0.1
        double expected = (100 / 59.4 - 0.9) / 0.1;
        GoalSeek.Result set = Decisions.breakEvenHeavyMultiplier(standard, Levers.NEUTRAL.withHeavyUsers(0.1, 1));
        assertThat(set.value()).isCloseTo(expected, within(EXACT));
        assertThat(set.context()).isEmpty();
        GoalSeek.Result assumed = Decisions.breakEvenHeavyMultiplier(standard, Levers.NEUTRAL);
        assertThat(assumed.value()).isCloseTo(expected, within(EXACT));
        assertThat(assumed.context()).contains("assumed 10%");
        // every user heavy (share at its bound of 100%): 59.4 m = 100
        GoalSeek.Result all = Decisions.breakEvenHeavyMultiplier(standard, Levers.NEUTRAL.withHeavyUsers(1, 1));
        assertThat(all.value()).isCloseTo(100 / 59.4, within(EXACT));
    }

    @Test
    void neverWithinTheRangeIsSaidPlainly() {
        // LLM cost up to +50% leaves the AI layer at 12%: never 0 in [−50%, +50%]
        GoalSeek.Result r = GoalSeek.solve(standard, Levers.NEUTRAL, LeverAxis.LLM_COST, -0.5, 0.5,
                MarginMeasure.AI_LAYER_STRESSED, 0);
        assertThat(r.status()).isEqualTo(GoalSeek.Status.NEVER_IN_RANGE);
        assertThat(r.above()).isTrue();
        assertThat(Double.isNaN(r.value())).isTrue();
        assertThat(r.sentence()).isEqualTo("AI-layer gross margin (stressed) reaches 0.0%: never within the"
                + " LLM cost change range -50% to +50%; it stays above.");
        // 99.9% needs 1 − 59.4 / (100 (1 + p)) = 0.999  →  1 + p = 59400, beyond the lever's +10000%
        GoalSeek.Result price = GoalSeek.solve(standard, Levers.NEUTRAL, LeverAxis.PRICE_CHANGE,
                MarginMeasure.AI_LAYER_STRESSED, 0.999);
        assertThat(price.status()).isEqualTo(GoalSeek.Status.NEVER_IN_RANGE);
        assertThat(price.above()).isFalse();
        assertThat(price.sentence()).contains("reaches 99.9%: never").endsWith("it stays below.");
    }

    @Test
    void aLeverThatCannotMoveTheMarginHasNoEffect() {
        // the unstressed margin ignores every lever; the buffer cannot move a layer without variable cost
        GoalSeek.Result r = GoalSeek.solve(standard, Levers.NEUTRAL, LeverAxis.LLM_COST, MarginMeasure.AI_LAYER, 0);
        assertThat(r.status()).isEqualTo(GoalSeek.Status.NO_EFFECT);
        WorkedExample fixedOnly = new WorkedExample(2)
                .revenue("AI add-on", 100, LayerSplit.AI, false)
                .cost("Training run", 10, CostType.MODEL_TRAINING, Placement.RESEARCH_DEVELOPMENT);
        assertThat(GoalSeek.solve(fixedOnly.prepare(), Levers.NEUTRAL, LeverAxis.VARIANCE_BUFFER,
                MarginMeasure.AI_LAYER_STRESSED, 0).status()).isEqualTo(GoalSeek.Status.NO_EFFECT);
    }

    @Test
    void aLayerWithoutRevenueHasNoMarginToSeek() {
        WorkedExample noAi = new WorkedExample(3)
                .revenue("Platform subscriptions", 400, LayerSplit.SOFTWARE, false)
                .cost("Model API (production)", 57.2, CostType.CUSTOMER_INFERENCE, Placement.COST_OF_REVENUE);
        GoalSeek.Result r = Decisions.breakEvenLlmCost(noAi.prepare(), Levers.NEUTRAL);
        assertThat(r.status()).isEqualTo(GoalSeek.Status.NO_REVENUE);
        assertThat(r.sentence()).contains("AI layer has no revenue");
        // the blended margin still has one: 400 − 57.2 (1 + x) = 0  →  x = 400 / 57.2 − 1
        GoalSeek.Result blended = GoalSeek.solve(noAi.prepare(), Levers.NEUTRAL, LeverAxis.LLM_COST,
                MarginMeasure.BLENDED_STRESSED, 0);
        assertThat(blended.value()).isCloseTo(400 / 57.2 - 1, within(EXACT));
    }

    @Test
    void aSolutionAtEitherBoundOfTheRangeIsFound() {
        WorkedExample half = new WorkedExample(2)
                .revenue("AI add-on", 100, LayerSplit.AI, false)
                .cost("Model API (production)", 50, CostType.CUSTOMER_INFERENCE, Placement.COST_OF_REVENUE);
        // 100 − 50 (1 + x) = 0 at x = 1 exactly, the top of [−0.5, 1] and the bottom of [1, 2]
        GoalSeek.Result top = GoalSeek.solve(half.prepare(), Levers.NEUTRAL, LeverAxis.LLM_COST, -0.5, 1,
                MarginMeasure.AI_LAYER_STRESSED, 0);
        GoalSeek.Result bottom = GoalSeek.solve(half.prepare(), Levers.NEUTRAL, LeverAxis.LLM_COST, 1, 2,
                MarginMeasure.AI_LAYER_STRESSED, 0);
        assertThat(top.value()).isEqualTo(1.0);
        assertThat(bottom.value()).isEqualTo(1.0);
        // the price lever at its legal bound −100% leaves no revenue: 100 (1 + p) = 50 → p = −0.5 is the answer,
        // and asking for a margin only reachable at −100% (where no margin exists) is never
        GoalSeek.Result price = GoalSeek.solve(half.prepare(), Levers.NEUTRAL, LeverAxis.PRICE_CHANGE,
                MarginMeasure.AI_LAYER_STRESSED, 0);
        assertThat(price.value()).isCloseTo(-0.5, within(EXACT));
        GoalSeek.Result impossible = GoalSeek.solve(half.prepare(), Levers.NEUTRAL, LeverAxis.PRICE_CHANGE, -1, -0.9,
                MarginMeasure.AI_LAYER_STRESSED, 0);
        // at −90% revenue 10, cost 50: margin −400%, below 0 over the whole range
        assertThat(impossible.status()).isEqualTo(GoalSeek.Status.NEVER_IN_RANGE);
        assertThat(impossible.above()).isFalse();
    }

    @Test
    void tokenPriceDeclineIsSolvedByBracketingWhereItCompounds() {
        // Three yearly periods, LLM +50%: LLM cost 85.8 × k^i with k = 1 − d, i = 0, 1, 2; review 2.2 each.
        // AI margin 50%: 300 − 6.6 − 85.8 (1 + k + k²) = 150  →  k² + k + 1 − 143.4 / 85.8 = 0
        WorkedExample yearly = new WorkedExample(3).granularity(Granularity.YEAR)
                .revenue("AI add-on", 100, LayerSplit.AI, false)
                .cost("Model API (production)", 57.2, CostType.CUSTOMER_INFERENCE, Placement.RESEARCH_DEVELOPMENT)
                .cost("Human review of outputs", 2.2, CostType.HITL_DELIVERY, Placement.OTHER_OPEX);
        double c = 1 - 143.4 / 85.8;
        double k = (-1 + Math.sqrt(1 - 4 * c)) / 2;
        // every period marked forecast from the first, so the decline compounds from i = 0 (issue 13, item 14)
        GoalSeek.Result r = GoalSeek.solve(yearly.prepare(), Levers.NEUTRAL.withLlmCostChange(0.5).withFirstForecastPeriod(0),
                LeverAxis.TOKEN_DECLINE, MarginMeasure.AI_LAYER_STRESSED, 0.5);
        assertThat(r.status()).isEqualTo(GoalSeek.Status.FOUND);
        assertThat(r.value()).isCloseTo(1 - k, within(1e-9));
    }
}
