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
 *                                 off (0) by default, never a forecast, and applied to forecast periods only
 * @param heavyUserBaseline        the share of usage heavy users already have in the actuals (0 = none):
 *                                 the stress is measured against it so they are not counted twice
 * @param firstForecastPeriod      index of the first forecast period; -1 = every period is actual. Not a
 *                                 lever of the catalogue: it marks the periods, it does not stress them
 */
public record Levers(double llmCostChange, double varianceBuffer, double heavyUserShare, double heavyUserMultiplier,
                     double priceChange, double tokenPriceDeclinePerYear, double heavyUserBaseline,
                     int firstForecastPeriod) {
    public static final Levers NEUTRAL = neutral();

    /**
     * The seed's own stress: LLM cost +50% with prices flat, and the commonly recommended 1.2×
     * variance buffer on usage-variable AI cost.
     */
    public static final Levers SEED_PRESET = NEUTRAL.withLlmCostChange(0.5).withVarianceBuffer(1.2);

    public Levers {
        Lever.LLM_COST.check(llmCostChange);
        Lever.VARIANCE_BUFFER.check(varianceBuffer);
        Lever.HEAVY_SHARE.check(heavyUserShare);
        Lever.HEAVY_MULTIPLIER.check(heavyUserMultiplier);
        Lever.PRICE_CHANGE.check(priceChange);
        Lever.TOKEN_DECLINE.check(tokenPriceDeclinePerYear);
        Lever.HEAVY_BASELINE.check(heavyUserBaseline);
        if (firstForecastPeriod < -1) {
            throw new IllegalArgumentException("First forecast period must be -1 (none) or a period index, was "
                    + firstForecastPeriod);
        }
    }

    public Levers(double llmCostChange, double varianceBuffer, double heavyUserShare, double heavyUserMultiplier,
                  double priceChange, double tokenPriceDeclinePerYear) {
        this(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange, tokenPriceDeclinePerYear,
                0, -1);
    }

    /** Levers from engine values in {@link Lever} order; ranges as the catalogue says; no forecast period. */
    public static Levers of(double... v) {
        if (v.length != Lever.values().length) {
            throw new IllegalArgumentException("Expected " + Lever.values().length + " lever values, got " + v.length);
        }
        return new Levers(v[Lever.LLM_COST.ordinal()], v[Lever.VARIANCE_BUFFER.ordinal()],
                v[Lever.HEAVY_SHARE.ordinal()], v[Lever.HEAVY_MULTIPLIER.ordinal()], v[Lever.PRICE_CHANGE.ordinal()],
                v[Lever.TOKEN_DECLINE.ordinal()], v[Lever.HEAVY_BASELINE.ordinal()], -1);
    }

    /** The neutral levers, from the catalogue's defaults. */
    private static Levers neutral() {
        double[] v = new double[Lever.values().length];
        for (Lever l : Lever.values()) {
            v[l.ordinal()] = l.toEngine(l.neutral());
        }
        return of(v);
    }

    /**
     * Written out rather than left to the record: its generated equals and hashCode are assembled from
     * method handles on first use, which every command-line run paid for at start-up. Same meaning
     * (doubles compared as {@link Double#compare} does); a new component must be added here.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Levers l && Double.compare(l.llmCostChange, llmCostChange) == 0
                && Double.compare(l.varianceBuffer, varianceBuffer) == 0
                && Double.compare(l.heavyUserShare, heavyUserShare) == 0
                && Double.compare(l.heavyUserMultiplier, heavyUserMultiplier) == 0
                && Double.compare(l.priceChange, priceChange) == 0
                && Double.compare(l.tokenPriceDeclinePerYear, tokenPriceDeclinePerYear) == 0
                && Double.compare(l.heavyUserBaseline, heavyUserBaseline) == 0
                && l.firstForecastPeriod == firstForecastPeriod;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(llmCostChange);
        h = 31 * h + Double.hashCode(varianceBuffer);
        h = 31 * h + Double.hashCode(heavyUserShare);
        h = 31 * h + Double.hashCode(heavyUserMultiplier);
        h = 31 * h + Double.hashCode(priceChange);
        h = 31 * h + Double.hashCode(tokenPriceDeclinePerYear);
        h = 31 * h + Double.hashCode(heavyUserBaseline);
        return 31 * h + firstForecastPeriod;
    }

    /** (1 − f) + f·m: usage of the scenario's users, in typical-user volumes per user. */
    public double heavyUserScenarioFactor() {
        return (1 - heavyUserShare) + heavyUserShare * heavyUserMultiplier;
    }

    /**
     * The same for the actuals: heavy users holding a share u of usage at the multiplier m are a
     * share f0 = u ÷ (m·(1 − u) + u) of users, so the actuals already run at 1 + f0·(m − 1).
     */
    public double heavyUserBaselineFactor() {
        double u = heavyUserBaseline;
        double m = heavyUserMultiplier;
        if (u == 0) {
            return 1;
        }
        double f0 = u / (m * (1 - u) + u);
        return 1 + f0 * (m - 1);
    }

    /**
     * What heavy users do to variable AI cost against the actuals: the scenario's factor over the
     * baseline's, (1 − f + f·m) ÷ (1 + f0·(m − 1)). With no baseline this is (1 − f) + f·m.
     */
    public double heavyUserFactor() {
        double base = heavyUserBaselineFactor();
        return base == 0 ? heavyUserScenarioFactor() : heavyUserScenarioFactor() / base;
    }

    /** True when period {@code index} is a forecast period (the token-price decline applies). */
    public boolean isForecast(int index) {
        return firstForecastPeriod >= 0 && index >= firstForecastPeriod;
    }

    /**
     * The token-price factor of period {@code index}: (1 − decline) ^ (years since the first
     * forecast period) on forecast periods, 1 on actual periods.
     */
    public double tokenPriceFactor(int index, double periodsPerYear) {
        if (tokenPriceDeclinePerYear == 0 || !isForecast(index)) {
            return 1;
        }
        return Math.pow(1 - tokenPriceDeclinePerYear, (index - firstForecastPeriod) / periodsPerYear);
    }

    /** True when no lever moves anything (which periods are forecast does not matter then). */
    public boolean isNeutral() {
        return equals(NEUTRAL.withFirstForecastPeriod(firstForecastPeriod));
    }

    public Levers withLlmCostChange(double v) {
        return new Levers(v, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange, tokenPriceDeclinePerYear,
                heavyUserBaseline, firstForecastPeriod);
    }

    public Levers withVarianceBuffer(double v) {
        return new Levers(llmCostChange, v, heavyUserShare, heavyUserMultiplier, priceChange, tokenPriceDeclinePerYear,
                heavyUserBaseline, firstForecastPeriod);
    }

    public Levers withHeavyUsers(double share, double multiplier) {
        return new Levers(llmCostChange, varianceBuffer, share, multiplier, priceChange, tokenPriceDeclinePerYear,
                heavyUserBaseline, firstForecastPeriod);
    }

    public Levers withHeavyUserShare(double v) {
        return withHeavyUsers(v, heavyUserMultiplier);
    }

    public Levers withHeavyUserMultiplier(double v) {
        return withHeavyUsers(heavyUserShare, v);
    }

    public Levers withPriceChange(double v) {
        return new Levers(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, v, tokenPriceDeclinePerYear,
                heavyUserBaseline, firstForecastPeriod);
    }

    public Levers withTokenPriceDecline(double v) {
        return new Levers(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange, v,
                heavyUserBaseline, firstForecastPeriod);
    }

    public Levers withHeavyUserBaseline(double v) {
        return new Levers(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange,
                tokenPriceDeclinePerYear, v, firstForecastPeriod);
    }

    public Levers withFirstForecastPeriod(int index) {
        return new Levers(llmCostChange, varianceBuffer, heavyUserShare, heavyUserMultiplier, priceChange,
                tokenPriceDeclinePerYear, heavyUserBaseline, index);
    }
}
