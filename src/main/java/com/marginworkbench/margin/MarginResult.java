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
                           double[][] costByTreatment) {
    public MarginResult {
        periodLabels = List.copyOf(periodLabels);
        periods = List.copyOf(periods);
        bridge = List.copyOf(bridge);
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
