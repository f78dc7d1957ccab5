package com.marginworkbench.margin;

import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.FinancialModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the engine hot enough for the JIT's optimizing compiler to take over, and checks the
 * compiled code gives the interpreted figures. An earlier form of the inner loop crashed the JVM
 * (HotSpot 17.0.15, C2 superword) at exactly this point, which only a benchmark had shown.
 */
class MarginEngineCompiledTest {
    @Test
    void compiledEngineGivesTheSameFiguresAndDoesNotCrash() {
        FinancialModel model = MarginEngineBenchmark.largeModel(1_000, 60, 7);
        List<LineDecision> decisions = new ArrayList<>();
        CostType[] types = CostType.values();
        for (int i = 0; i < model.costs().size(); i++) {
            decisions.add(LineDecision.of(types[i % types.length]));
        }
        List<Classification> cls = CogsTest.classifyAll(decisions, Policy.US_GAAP_DEFAULT);
        Levers levers = new Levers(0.5, 1.2, 0.1, 3.0, -0.05, 0.3);
        Figures first = MarginEngine.compute(model, cls, levers).total();
        Figures last = first;
        for (int i = 0; i < 400; i++) {
            last = MarginEngine.compute(model, cls, levers).total();
        }
        assertThat(last.restatedCogs()).isCloseTo(first.restatedCogs(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(last.stressedAiCogs()).isCloseTo(first.stressedAiCogs(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(last.revenue()).isEqualTo(first.revenue());
    }
}
