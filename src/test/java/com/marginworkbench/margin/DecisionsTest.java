package com.marginworkbench.margin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tornado, two-way table and stress walk on the standard example (AI revenue 100, LLM 57.2, review 2.2). */
class DecisionsTest {
    private static final double EPS = 1e-12;
    private final MarginEngine.Prepared standard = WorkedExample.standard(6).prepare();

    @Test
    void tornadoBarsHoldTheMarginAtEachEndLargestSwingFirst() {
        Map<LeverAxis, double[]> ranges = Decisions.defaultRanges();
        List<Decisions.TornadoBar> bars = Decisions.tornado(standard, Levers.NEUTRAL,
                MarginMeasure.AI_LAYER_STRESSED, ranges);
        assertThat(bars).hasSize(LeverAxis.values().length);
        Decisions.TornadoBar llm = bar(bars, LeverAxis.LLM_COST);
        // −50%: (100 − 28.6 − 2.2) / 100; +100%: (100 − 114.4 − 2.2) / 100
        assertThat(llm.marginAtLow()).isCloseTo(0.692, within(EPS));
        assertThat(llm.marginAtHigh()).isCloseTo(-0.166, within(EPS));
        assertThat(llm.base()).isCloseTo(0.406, within(EPS));
        Decisions.TornadoBar price = bar(bars, LeverAxis.PRICE_CHANGE);
        // −20%: 1 − 59.4 / 80; +20%: 1 − 59.4 / 120
        assertThat(price.marginAtLow()).isCloseTo(1 - 59.4 / 80, within(EPS));
        assertThat(price.marginAtHigh()).isCloseTo(1 - 59.4 / 120, within(EPS));
        // the multiplier at an assumed 10% share: 10× gives a factor 0.9 + 1 = 1.9 → 1 − 59.4 × 1.9 / 100
        Decisions.TornadoBar mult = bar(bars, LeverAxis.HEAVY_MULTIPLIER);
        assertThat(mult.marginAtHigh()).isCloseTo(1 - 59.4 * 1.9 / 100, within(EPS));
        assertThat(mult.context()).isNotEmpty();
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i - 1).swing()).isGreaterThanOrEqualTo(bars.get(i).swing());
        }
        assertThat(bars.get(0).lever()).isEqualTo(LeverAxis.LLM_COST);

        // an edited range is used as given
        ranges.put(LeverAxis.LLM_COST, new double[] {0, 0.5});
        Decisions.TornadoBar edited = bar(Decisions.tornado(standard, Levers.NEUTRAL,
                MarginMeasure.AI_LAYER_STRESSED, ranges), LeverAxis.LLM_COST);
        assertThat(edited.marginAtHigh()).isCloseTo(0.12, within(EPS));
    }

    @Test
    void twoWayTableFollowsBothLevers() {
        double[] xs = {0, 0.5};
        double[] ys = {1, 3};
        double[][] cells = Decisions.grid(standard, Levers.NEUTRAL.withHeavyUserShare(0.5),
                MarginMeasure.AI_LAYER_STRESSED, LeverAxis.LLM_COST, xs, LeverAxis.HEAVY_MULTIPLIER, ys);
        assertThat(cells[0][0]).isCloseTo(0.406, within(EPS));
        assertThat(cells[0][1]).isCloseTo(0.12, within(EPS));
        // share 50% at 3×: factor 0.5 + 1.5 = 2 → (100 − 2 (57.2 × 1.5 + 2.2)) / 100 = 1 − 1.76
        assertThat(cells[1][1]).isCloseTo(1 - 1.76, within(EPS));
        assertThat(cells[1][0]).isCloseTo(1 - 1.188, within(EPS));
    }

    @Test
    void stressWalkStepsAddUpToTheStressedMargin() {
        Levers l = new Levers(0.5, 1.2, 0.1, 3, 0.1, 0);
        StressWalk w = StressWalk.of(standard, l);
        assertThat(w.base()).isCloseTo(0.406, within(EPS));
        // LLM +50%: 0.12; buffer 1.2 on 88: 1 − 105.6 / 100; heavy factor 1.2: 1 − 126.72 / 100;
        // price +10%: 1 − 126.72 / 110
        assertThat(w.steps()).extracting(StressWalk.Step::label)
                .containsExactly("LLM cost", "Variance buffer", "Heavy users", "Price");
        assertThat(w.steps().get(0).marginAfter()).isCloseTo(0.12, within(EPS));
        assertThat(w.steps().get(0).effect()).isCloseTo(-0.286, within(EPS));
        assertThat(w.steps().get(1).marginAfter()).isCloseTo(1 - 1.056, within(EPS));
        assertThat(w.steps().get(2).marginAfter()).isCloseTo(1 - 1.2672, within(EPS));
        assertThat(w.stressed()).isCloseTo(1 - 126.72 / 110, within(EPS));
        double sum = w.base();
        for (StressWalk.Step s : w.steps()) {
            sum += s.effect();
        }
        assertThat(sum).isCloseTo(w.stressed(), within(EPS));
        assertThat(w.stressed()).isCloseTo(standard.apply(l).total().aiLayerStressed().getAsDouble(), within(EPS));
    }

    private static Decisions.TornadoBar bar(List<Decisions.TornadoBar> bars, LeverAxis a) {
        return bars.stream().filter(b -> b.lever() == a).findFirst().orElseThrow();
    }
}
