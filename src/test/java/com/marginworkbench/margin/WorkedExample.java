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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small models for engine tests. The base is the published example of domain.md §8 per
 * period: AI revenue 100, software revenue 400, customer-facing inference 57.2 (LLM-priced) and
 * delivery-tied human review 2.2 both reported in OpEx, software COGS 19.1 reported in COGS.
 */
final class WorkedExample {
    final List<RevenueLine> revenue = new ArrayList<>();
    final List<CostLine> costs = new ArrayList<>();
    final List<LineDecision> decisions = new ArrayList<>();
    private final int periods;
    private UnitInputs unitInputs;
    private Granularity granularity = Granularity.MONTH;

    WorkedExample(int periods) {
        this.periods = periods;
    }

    static WorkedExample standard(int periods) {
        return new WorkedExample(periods)
                .revenue("AI add-on", 100, LayerSplit.AI, false)
                .revenue("Platform subscriptions", 400, LayerSplit.SOFTWARE, false)
                .cost("Model API (production)", 57.2, CostType.CUSTOMER_INFERENCE, Placement.RESEARCH_DEVELOPMENT)
                .cost("Human review of outputs", 2.2, CostType.HITL_DELIVERY, Placement.OTHER_OPEX)
                .cost("Customer hosting", 19.1, CostType.HOSTING_CUSTOMER, Placement.COST_OF_REVENUE);
    }

    WorkedExample revenue(String label, double perPeriod, LayerSplit layer, boolean usagePriced) {
        revenue.add(new RevenueLine(label, null, fill(perPeriod), layer, usagePriced));
        return this;
    }

    WorkedExample cost(String label, double perPeriod, CostType type, Placement reported) {
        return cost(label, fill(perPeriod), type, reported);
    }

    WorkedExample cost(String label, double[] amounts, CostType type, Placement reported) {
        costs.add(new CostLine(label, null, amounts, LayerSplit.of(type.defaultLayer()), reported,
                type.defaultLlmPriced(), type.defaultUsageVariable()));
        decisions.add(LineDecision.of(type));
        return this;
    }

    WorkedExample unitInputs(UnitInputs in) {
        this.unitInputs = in;
        return this;
    }

    WorkedExample granularity(Granularity g) {
        this.granularity = g;
        return this;
    }

    double[] fill(double v) {
        double[] a = new double[periods];
        Arrays.fill(a, v);
        return a;
    }

    FinancialModel model() {
        String[] labels = new String[periods];
        for (int i = 0; i < periods; i++) {
            labels[i] = "M" + (i + 1);
        }
        return new FinancialModel("test", Periods.of(granularity, labels), revenue, costs, unitInputs, null);
    }

    List<Classification> classifications() {
        return CogsTest.classifyAll(decisions, Policy.US_GAAP_DEFAULT);
    }

    MarginEngine.Prepared prepare() {
        return MarginEngine.prepare(model(), classifications());
    }

    MarginResult compute(Levers levers) {
        return MarginEngine.compute(model(), classifications(), levers);
    }
}
