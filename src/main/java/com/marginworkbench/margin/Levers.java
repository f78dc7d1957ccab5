package com.marginworkbench.margin;

/**
 * The stress levers, all neutral by default.
 *
 * @param llmCostChange            fraction applied to lines priced by a model provider (0.5 = +50%)
 * @param varianceBuffer           multiplier on variable AI cost (1.2 = the usual stress)
 * @param heavyUserShare           share f of users who are heavy (0.1 = 10%)
 * @param heavyUserMultiplier      how many times a typical user's volume a heavy user consumes (m)
 * @param priceChange              fraction applied to AI-layer revenue (-0.1 = 10% price cut)
 * @param tokenPriceDeclinePerYear optional yearly fall in token prices (0.5 = prices halve each year);
 *                                 off (0) by default and never a forecast
 */
public record Levers(double llmCostChange, double varianceBuffer, double heavyUserShare, double heavyUserMultiplier,
                     double priceChange, double tokenPriceDeclinePerYear) {
    public static final Levers NEUTRAL = neutral();

    public Levers {
        Lever.LLM_COST.check(llmCostChange);
        Lever.VARIANCE_BUFFER.check(varianceBuffer);
        Lever.HEAVY_SHARE.check(heavyUserShare);
        Lever.HEAVY_MULTIPLIER.check(heavyUserMultiplier);
        Lever.PRICE_CHANGE.check(priceChange);
        Lever.TOKEN_DECLINE.check(tokenPriceDeclinePerYear);
    }

    /** Levers from engine values in {@link Lever} order; ranges as the catalogue says. */
    public static Levers of(double... v) {
        if (v.length != Lever.values().length) {
            throw new IllegalArgumentException("Expected " + Lever.values().length + " lever values, got " + v.length);
        }
        return new Levers(v[Lever.LLM_COST.ordinal()], v[Lever.VARIANCE_BUFFER.ordinal()],
                v[Lever.HEAVY_SHARE.ordinal()], v[Lever.HEAVY_MULTIPLIER.ordinal()], v[Lever.PRICE_CHANGE.ordinal()],
                v[Lever.TOKEN_DECLINE.ordinal()]);
    }

    /** The neutral levers, from the catalogue's defaults. */
    private static Levers neutral() {
        double[] v = new double[Lever.values().length];
        for (Lever l : Lever.values()) {
            v[l.ordinal()] = l.toEngine(l.neutral());
        }
        return of(v);
    }

    /** Variable AI cost scales by (1 − f) + f·m. */
    public double heavyUserFactor() {
        return (1 - heavyUserShare) + heavyUserShare * heavyUserMultiplier;
    }

    public boolean isNeutral() {
        return equals(NEUTRAL);
    }

    public Levers withLlmCostChange(double v) {
        return new Levers(v, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange, tokenPriceDeclinePerYear);
    }

    public Levers withVarianceBuffer(double v) {
        return new Levers(llmCostChange, v, heavyUserShare, heavyUserMultiplier, priceChange, tokenPriceDeclinePerYear);
    }

    public Levers withHeavyUsers(double share, double multiplier) {
        return new Levers(llmCostChange, varianceBuffer, share, multiplier, priceChange, tokenPriceDeclinePerYear);
    }

    public Levers withHeavyUserShare(double v) {
        return withHeavyUsers(v, heavyUserMultiplier);
    }

    public Levers withHeavyUserMultiplier(double v) {
        return withHeavyUsers(heavyUserShare, v);
    }

    public Levers withPriceChange(double v) {
        return new Levers(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, v, tokenPriceDeclinePerYear);
    }

    public Levers withTokenPriceDecline(double v) {
        return new Levers(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange, v);
    }
}
