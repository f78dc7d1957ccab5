package com.marginworkbench.margin;

import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.UnitInputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One full recompute (every line × every period, then the levers) of 10,000 cost lines × 60
 * periods with all levers set, and the lever-only step a slider tick needs. Run with
 * {@code scripts/bench-engine} (see the README).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarginEngineBenchmark {
    static final int LINES = 10_000;
    static final int PERIODS = 60;

    FinancialModel model;
    List<Classification> classifications;
    MarginEngine.Prepared prepared;
    Levers levers = new Levers(0.5, 1.2, 0.1, 3.0, -0.05, 0.3);

    @Setup
    public void setUp() {
        model = largeModel(LINES, PERIODS, 42);
        List<LineDecision> decisions = new ArrayList<>();
        CostType[] types = CostType.values();
        for (int i = 0; i < LINES; i++) {
            decisions.add(LineDecision.of(types[i % types.length]));
        }
        classifications = CogsTest.classifyAll(decisions, Policy.US_GAAP_DEFAULT);
        prepared = MarginEngine.prepare(model, classifications);
    }

    @Benchmark
    public MarginResult fullRecompute() {
        return MarginEngine.compute(model, classifications, levers);
    }

    @Benchmark
    public MarginResult leversOnly() {
        return prepared.apply(levers);
    }

    /** A synthetic model: every cost type, mixed layers and placements, credits here and there. */
    static FinancialModel largeModel(int lines, int periods, long seed) {
        Random rnd = new Random(seed);
        String[] labels = new String[periods];
        for (int p = 0; p < periods; p++) {
            labels[p] = "M" + (p + 1);
        }
        CostType[] types = CostType.values();
        Placement[] placements = {Placement.COST_OF_REVENUE, Placement.RESEARCH_DEVELOPMENT,
                Placement.SALES_MARKETING, Placement.GENERAL_ADMIN, Placement.OTHER_OPEX};
        List<CostLine> costs = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            double[] a = new double[periods];
            for (int p = 0; p < periods; p++) {
                a[p] = rnd.nextDouble() * 1000 - (rnd.nextInt(50) == 0 ? 1500 : 0);
            }
            CostType t = types[i % types.length];
            LayerSplit layer = i % 7 == 0 ? new LayerSplit(0.4) : LayerSplit.of(t.defaultLayer());
            costs.add(new CostLine("Line " + i, null, a, layer, placements[i % placements.length],
                    t.defaultLlmPriced(), t.defaultUsageVariable()));
        }
        List<RevenueLine> revenue = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] a = new double[periods];
            for (int p = 0; p < periods; p++) {
                a[p] = 200_000 + rnd.nextDouble() * 50_000;
            }
            revenue.add(new RevenueLine("Revenue " + i, null, a, i % 2 == 0 ? LayerSplit.AI : LayerSplit.SOFTWARE,
                    i % 4 == 0));
        }
        return new FinancialModel("bench", new Periods(List.of(labels), Granularity.MONTH), revenue, costs,
                new UnitInputs(500, 0.02, 6000, null), null);
    }
}
