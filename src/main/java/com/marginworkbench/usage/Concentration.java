package com.marginworkbench.usage;

import java.util.List;

/**
 * How concentrated the AI cost is: the share of cost of the top 1%, 5% and 10% of customers
 * (at least one customer each), the Lorenz curve (customers from the lightest, cumulative share of
 * customers against cumulative share of cost, from (0,0) to (1,1)) and its Gini coefficient.
 */
public record Concentration(double top1pct, double top5pct, double top10pct, List<double[]> lorenz, double gini) {
    public Concentration {
        lorenz = List.copyOf(lorenz);
    }

    public static final Concentration NONE = new Concentration(0, 0, 0, List.of(new double[]{0, 0}, new double[]{1, 1}), 0);
}
