package com.marginworkbench.margin;

import com.marginworkbench.classify.Treatment;

import java.util.List;

/**
 * Everything the engine computes for one set of levers: figures per period and in total, the
 * bridge from reported to restated blended GM, unit economics, each cost line's total and the
 * cost per treatment per period (restated, unstressed).
 */
public record MarginResult(List<String> periodLabels, List<Figures> periods, Figures total, List<BridgeItem> bridge,
                           UnitEconomics unitEconomics, Levers levers, double[] lineTotals,
                           double[][] costByTreatment, EngineSums sums) {
    public MarginResult {
        periodLabels = List.copyOf(periodLabels);
        periods = List.copyOf(periods);
        bridge = List.copyOf(bridge);
    }

    /** Restated cost of revenue gross of vendor credits (credits are negative amounts in COGS). */
    public double restatedCogsExCredits(int period) {
        return periods.get(period).restatedCogs() + sums.credits(com.marginworkbench.model.Layer.AI, period)
                + sums.credits(com.marginworkbench.model.Layer.SOFTWARE, period);
    }

    /** Vendor credits in restated cost of revenue over all periods, as a positive amount. */
    public double totalCredits(com.marginworkbench.model.Layer layer) {
        double s = 0;
        for (int i = 0; i < periods.size(); i++) {
            s += sums.credits(layer, i);
        }
        return s;
    }

    /** Amortization charged to cost of revenue over all periods. */
    public double totalAmortization(com.marginworkbench.model.Layer layer) {
        double s = 0;
        for (int i = 0; i < periods.size(); i++) {
            s += sums.amortization(layer, i);
        }
        return s;
    }

    /** Restated blended GM with vendor credits taken out of cost of revenue (all periods). */
    public java.util.OptionalDouble restatedBlendedExCredits() {
        return Figures.margin(total.revenue(), total.restatedCogs() + totalCredits(com.marginworkbench.model.Layer.AI)
                + totalCredits(com.marginworkbench.model.Layer.SOFTWARE));
    }

    /** AI-layer GM with vendor credits taken out of cost of revenue (all periods). */
    public java.util.OptionalDouble aiLayerExCredits() {
        return Figures.margin(total.aiRevenue(), total.restatedAiCogs() + totalCredits(com.marginworkbench.model.Layer.AI));
    }

    public Figures period(int index) {
        return periods.get(index);
    }

    public int periodCount() {
        return periods.size();
    }

    public double lineTotal(int line) {
        return lineTotals[line];
    }

    /** Restated cost of the given treatment in one period; Review lines are their own row. */
    public double costByTreatment(Treatment t, int period) {
        return costByTreatment[t.ordinal()][period];
    }
}
