package com.marginworkbench.model;

/**
 * One cost line of the model: its label, where it came from, its amount in each period, its layer
 * and where the workbook reported it. {@code llmPriced}: priced by a model provider per token or
 * call. {@code usageVariable}: grows with customer usage. Amounts are positive for spend, negative
 * for credits.
 */
public record CostLine(String label, SourceRef source, double[] amounts, LayerSplit layer, Placement reported,
                       boolean llmPriced, boolean usageVariable) {
    public CostLine {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A cost line needs a label");
        }
        amounts = amounts.clone();
        if (layer == null) {
            layer = LayerSplit.SOFTWARE;
        }
        if (reported == null) {
            reported = Placement.OTHER_OPEX;
        }
    }

    /** A copy of the amounts; use {@link #amount(int)} in loops. */
    @Override
    public double[] amounts() {
        return amounts.clone();
    }

    public double amount(int period) {
        return amounts[period];
    }

    public int periodCount() {
        return amounts.length;
    }

    public double total() {
        double sum = 0;
        for (double a : amounts) {
            sum += a;
        }
        return sum;
    }

    /** The source label cell, or "" for a line not read from a workbook. */
    public String sourceCell() {
        return source == null ? "" : source.labelCell();
    }

    public CostLine withLayer(LayerSplit newLayer) {
        return new CostLine(label, source, amounts, newLayer, reported, llmPriced, usageVariable);
    }

    public CostLine withFlags(boolean newLlmPriced, boolean newUsageVariable) {
        return new CostLine(label, source, amounts, layer, reported, newLlmPriced, newUsageVariable);
    }

    public CostLine withReported(Placement newReported) {
        return new CostLine(label, source, amounts, layer, newReported, llmPriced, usageVariable);
    }

    /** Package-private view without copying, for the engine's inner loop. */
    double[] rawAmounts() {
        return amounts;
    }
}
