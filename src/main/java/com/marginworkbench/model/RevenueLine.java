package com.marginworkbench.model;

/**
 * One revenue line: label, source, amount per period, layer, and whether it is priced by usage
 * (then heavy users bring revenue with their cost; on seats or flat fees they do not).
 */
public record RevenueLine(String label, SourceRef source, double[] amounts, LayerSplit layer, boolean usagePriced) {
    public RevenueLine {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A revenue line needs a label");
        }
        amounts = amounts.clone();
        if (layer == null) {
            layer = LayerSplit.SOFTWARE;
        }
    }

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

    public String sourceCell() {
        return source == null ? "" : source.labelCell();
    }

    public RevenueLine withLayer(LayerSplit newLayer) {
        return new RevenueLine(label, source, amounts, newLayer, usagePriced);
    }

    public RevenueLine withUsagePriced(boolean newUsagePriced) {
        return new RevenueLine(label, source, amounts, layer, newUsagePriced);
    }
}
