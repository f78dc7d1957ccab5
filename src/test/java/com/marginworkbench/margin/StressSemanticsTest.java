package com.marginworkbench.margin;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.Layer;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.UnitInputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stress semantics and unit economics of issue 13 (items 2, 4, 10 to 14), each figure worked in its comment. */
class StressSemanticsTest {
    private static final double EPS = 1e-9;

    private static double v(OptionalDouble d) {
        assertThat(d).isPresent();
        return d.getAsDouble();
    }

    @Test
    void aFixedDeliveryCostCountsInGrossMarginButIsNotStressed() {
        WorkedExample ex = WorkedExample.standard(1)
                .cost("Reserved GPU cluster (serving)", 10, CostType.CUSTOMER_INFERENCE, Placement.COST_OF_REVENUE);
        ex.decisions.set(3, LineDecision.of(CostType.CUSTOMER_INFERENCE)
                .withAnswers(Answers.DEFAULTS.withVariesWithUsage(Answer.NO)));
        MarginResult r = ex.compute(Levers.NEUTRAL.withLlmCostChange(0.5).withVarianceBuffer(1.2));
        // AI cost 57.2 + 2.2 + 10 = 69.4 → (100 − 69.4) / 100
        assertThat(v(r.total().aiLayer())).isCloseTo(0.306, within(EPS));
        // stressed: 57.2 × 1.5 × 1.2 + 2.2 × 1.2 + 10 (fixed) = 102.96 + 2.64 + 10 = 115.6 → −0.156
        assertThat(v(r.total().aiLayerStressed())).isCloseTo(-0.156, within(EPS));
    }

    @Test
    void capitalizedTrainingIsAmortizedIntoCogsFromThePeriodAfterTheSpend() {
        // 6 months; 36 000 spent in month 1 on training whose criteria are met, 36-month life:
        // 1 000 a month from month 2 → 5 000 in the model's horizon, all in the AI layer's COGS.
        WorkedExample ex = new WorkedExample(6);
        ex.revenue("AI add-on", 10_000, LayerSplit.AI, false);
        ex.cost("Initial model training", new double[]{36_000, 0, 0, 0, 0, 0}, CostType.MODEL_TRAINING,
                Placement.RESEARCH_DEVELOPMENT);
        ex.decisions.set(0, LineDecision.of(CostType.MODEL_TRAINING).withCriteriaMet(Answer.YES));
        MarginResult r = ex.compute(Levers.NEUTRAL.withLlmCostChange(0.5));
        assertThat(r.period(0).restatedAiCogs()).isZero();
        assertThat(r.period(1).restatedAiCogs()).isCloseTo(1_000, within(EPS));
        assertThat(r.sums().lineAmortization(0, 5)).isCloseTo(1_000, within(EPS));
        assertThat(r.totalAmortization(Layer.AI)).isCloseTo(5_000, within(EPS));
        // (60 000 − 5 000) / 60 000; amortization is fixed under stress, so the stressed margin is the same
        assertThat(v(r.total().aiLayer())).isCloseTo(55.0 / 60, within(EPS));
        assertThat(v(r.total().aiLayerStressed())).isCloseTo(55.0 / 60, within(EPS));
        // the spend itself sits in the Capitalized row, never in COGS
        assertThat(r.costByTreatment(com.marginworkbench.classify.Treatment.CAPITALIZED, 0)).isEqualTo(36_000);

        // quarterly with an 18-month life: 6 000 → 1 000 a quarter (3 of 18 months) for 6 quarters (2 in horizon)
        assertThat(MarginEngine.amortize(new double[]{6_000, 0, 0}, 18, 3)).containsExactly(new double[]{0, 1_000, 1_000},
                within(EPS));
        // yearly with an 18-month life: 12 000 → 8 000 in year 2 (12 of 18 months), 4 000 in year 3
        assertThat(MarginEngine.amortize(new double[]{12_000, 0, 0}, 18, 12)).containsExactly(
                new double[]{0, 8_000, 4_000}, within(EPS));
    }

    @Test
    void tokenPriceDeclineOnlyOnForecastPeriods() {
        // Monthly, 24 periods, LLM-priced 40 a month; forecast from period 12; 50% a year decline.
        WorkedExample ex = new WorkedExample(24);
        ex.revenue("AI add-on", 100, LayerSplit.AI, false);
        ex.cost("Model API (production)", 40, CostType.CUSTOMER_INFERENCE, Placement.COST_OF_REVENUE);
        Levers l = Levers.NEUTRAL.withTokenPriceDecline(0.5).withFirstForecastPeriod(12);
        MarginResult r = ex.compute(l);
        // actuals untouched
        assertThat(r.period(11).stressedAiCogs()).isCloseTo(40, within(EPS));
        // period 12 is the first forecast period: 0.5 ^ (0 / 12) = 1; period 18: 0.5 ^ 0.5
        assertThat(r.period(12).stressedAiCogs()).isCloseTo(40, within(EPS));
        assertThat(r.period(18).stressedAiCogs()).isCloseTo(40 * Math.sqrt(0.5), within(EPS));
        assertThat(r.sums().llmFactor(23)).isCloseTo(Math.pow(0.5, 11.0 / 12), within(EPS));
        // with no period marked forecast the decline changes nothing
        MarginResult none = ex.compute(Levers.NEUTRAL.withTokenPriceDecline(0.5));
        assertThat(none.total().stressedAiCogs()).isCloseTo(24 * 40, within(EPS));
    }

    @Test
    void heavyUsersAlreadyInTheActualsAreNotCountedTwice() {
        // Scenario: 10% of users at 5× → (1 − 0.1) + 0.1 × 5 = 1.4.
        // Baseline: heavy users already hold 50% of usage at 5× → f0 = 0.5 / (5 × 0.5 + 0.5) = 1/6,
        // so the actuals run at 1 + (1/6) × 4 = 5/3; against them the scenario is 1.4 / (5/3) = 0.84.
        Levers l = Levers.NEUTRAL.withHeavyUsers(0.1, 5).withHeavyUserBaseline(0.5);
        assertThat(l.heavyUserScenarioFactor()).isCloseTo(1.4, within(EPS));
        assertThat(l.heavyUserBaselineFactor()).isCloseTo(5.0 / 3, within(EPS));
        assertThat(l.heavyUserFactor()).isCloseTo(0.84, within(EPS));
        // HITL 2.2 is usage-variable: stressed AI cost 57.2 × 0.84 + 2.2 × 0.84 = 49.896 → (100 − 49.896) / 100
        MarginResult r = WorkedExample.standard(1).compute(l);
        assertThat(v(r.total().aiLayerStressed())).isCloseTo(0.50104, within(EPS));
        // no baseline: the plain factor
        assertThat(Levers.NEUTRAL.withHeavyUsers(0.1, 5).heavyUserFactor()).isCloseTo(1.4, within(EPS));
    }

    @Test
    void theSeedPresetIsPlus50WithTheRecommendedBuffer() {
        // 57.2 × 1.5 × 1.2 + 2.2 × 1.2 = 102.96 + 2.64 = 105.6 → (100 − 105.6) / 100 = −0.056
        MarginResult r = WorkedExample.standard(1).compute(Levers.SEED_PRESET);
        assertThat(Levers.SEED_PRESET.llmCostChange()).isEqualTo(0.5);
        assertThat(Levers.SEED_PRESET.varianceBuffer()).isEqualTo(1.2);
        assertThat(v(r.total().aiLayerStressed())).isCloseTo(-0.056, within(EPS));
    }

    @Test
    void aPriceChangeMovesOnlyTheAiPartOfArpaAndFreeTierInferenceMovesCac() {
        // Worked example plus free-tier inference 5 (LLM-priced) and sales payroll 45 in S&M each month.
        WorkedExample ex = WorkedExample.standard(1)
                .cost("Free-tier inference", 5, CostType.FREE_TIER_INFERENCE, Placement.SALES_MARKETING)
                .cost("Sales payroll", 45, CostType.SALES_MARKETING, Placement.SALES_MARKETING)
                .unitInputs(new UnitInputs(1000, 0.02, 10_000, UnitInputs.MarginBasis.BLENDED));
        MarginResult r = ex.compute(Levers.NEUTRAL.withLlmCostChange(0.5).withPriceChange(-0.1));
        UnitEconomics u = r.unitEconomics();
        // bill 500 of which AI 100: −10% on the AI part → 490, so ARPA 1000 × 490 / 500 = 980 (not 900)
        assertThat(u.arpaStressed()).isCloseTo(980, within(EPS));
        // S&M 50, free tier 5 × 0.5 more = 2.5 → CAC 10 000 × 52.5 / 50 = 10 500
        assertThat(u.cacStressed()).isCloseTo(10_500, within(EPS));
        // AI layer stressed: revenue 90, cost 85.8 + 2.2 = 88 → 2 / 90
        double aiStressed = 2.0 / 90;
        assertThat(v(r.total().aiLayerStressed())).isCloseTo(aiStressed, within(EPS));
        // AI basis stressed: 980 × (2/90) / 0.02 / 10 500
        assertThat(v(u.ltvToCacAiLayerStressed())).isCloseTo(980 * aiStressed / 0.02 / 10_500, within(EPS));
        // blended stressed: revenue 490, COGS 85.8 + 2.2 + 19.1 = 107.1 → 382.9 / 490
        assertThat(v(u.ltvToCacStressed())).isCloseTo(980 * (382.9 / 490) / 0.02 / 10_500, within(EPS));
        // plain: 1000 × 0.843 / 0.02 / 10 000 = 4.215 and 1000 × 0.406 / 0.02 / 10 000 = 2.03
        assertThat(v(u.ltvToCac())).isCloseTo(4.215, within(EPS));
        assertThat(v(u.ltvToCacAiLayer())).isCloseTo(2.03, within(EPS));
        List<Classification> cls = ex.classifications();
        assertThat(cls.get(3).function()).isEqualTo(com.marginworkbench.classify.OpexFunction.SALES_MARKETING);
        assertThat(CogsTest.classifyAll(ex.decisions, Policy.US_GAAP_DEFAULT)).hasSize(5);
    }
}
