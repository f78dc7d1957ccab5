package com.marginworkbench.margin;

import com.marginworkbench.model.Layer;

/**
 * A read-only view of the sums the engine computed the margins from, for anything that prints
 * them (the restated workbook's Stress sheet, the stress walk): revenue by pricing, restated cost
 * of revenue by layer and stress class, vendor credits, amortization, the sales and marketing
 * spend behind CAC, and each period's LLM price factor. Nothing here is recomputed: it is the
 * engine's own arrays, read through accessors.
 */
public final class EngineSums {
    /** How the levers treat a part of restated cost of revenue. */
    public enum StressClass {
        /** Priced by a model provider and varying with usage: LLM factor × buffer × heavy users. */
        LLM_AND_VARIABLE,
        /** Priced by a model provider, not usage-variable: LLM factor only. */
        LLM_ONLY,
        /** Usage-variable, not LLM-priced: buffer × heavy users on the AI layer. */
        VARIABLE_ONLY,
        /** Fixed under stress: neither flag, fixed delivery costs, vendor credits and amortization. */
        FIXED
    }

    private final MarginEngine.Prepared p;
    private final double[] llmFactor;
    private final Levers levers;

    EngineSums(MarginEngine.Prepared p, double[] llmFactor, Levers levers) {
        this.p = p;
        this.llmFactor = llmFactor;
        this.levers = levers;
    }

    public int periodCount() {
        return llmFactor.length;
    }

    /** AI-layer revenue on seat or flat pricing. */
    public double aiFlatRevenue(int period) {
        return p.revAiFlat[period];
    }

    /** AI-layer revenue priced by usage (moves with heavy users). */
    public double aiUsageRevenue(int period) {
        return p.revAiUsage[period];
    }

    /** Restated cost of revenue of one layer and stress class, unstressed. */
    public double restatedCost(Layer layer, StressClass cls, int period) {
        double[][] byLayer = layer == Layer.AI ? p.restAi : p.restSw;
        return byLayer[MarginEngine.classIndex(cls)][period];
    }

    /** Vendor credits and discounts inside restated cost of revenue, as a positive amount (held fixed). */
    public double credits(Layer layer, int period) {
        return -(layer == Layer.AI ? p.creditAi : p.creditSw)[period];
    }

    /** Amortization of capitalized lines charged to cost of revenue (the asset delivers the service). */
    public double amortization(Layer layer, int period) {
        return (layer == Layer.AI ? p.amortAi : p.amortSw)[period];
    }

    /** Amortization of one capitalized cost line in one period (0 for other lines). */
    public double lineAmortization(int line, int period) {
        double[] a = p.lineAmort[line];
        return a == null ? 0 : a[period];
    }

    /** Sales and marketing spend (restated), the base CAC is scaled on. */
    public double salesMarketing(int period) {
        return p.smTotal[period];
    }

    /** LLM-priced spend inside sales and marketing (free-tier inference): it grows with the LLM lever. */
    public double salesMarketingLlm(int period) {
        return p.smLlm[period];
    }

    /** (1 + LLM cost change) × the token-price factor of the period (1 on actual periods). */
    public double llmFactor(int period) {
        return llmFactor[period];
    }

    public boolean isForecast(int period) {
        return levers.isForecast(period);
    }
}
