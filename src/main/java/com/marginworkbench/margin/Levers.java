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
    public static final Levers NEUTRAL = new Levers(0, 1, 0, 1, 0, 0);

    public Levers {
        check("LLM cost change", llmCostChange, -1, 100);
        check("Variance buffer", varianceBuffer, 0, 100);
        check("Heavy-user share", heavyUserShare, 0, 1);
        check("Heavy-user multiplier", heavyUserMultiplier, 0, 1000);
        check("Price change", priceChange, -1, 100);
        check("Token price decline", tokenPriceDeclinePerYear, 0, 0.99);
    }

    private static void check(String name, double v, double min, double max) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + v);
        }
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
