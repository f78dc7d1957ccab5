package com.marginworkbench.margin;

import java.util.Locale;

/**
 * The stress levers as axes that goal seek, the tornado and the two-way table move along: how to
 * read and set each on {@link Levers}, the range a solution may lie in (the range {@link Levers}
 * accepts), and the default low and high of the tornado. Values are in the engine's units
 * (fractions for percentages, plain numbers for multipliers).
 *
 * <p>The heavy-user share and multiplier only act together: at a share of 0 the multiplier moves
 * nothing, and at a multiplier of 1 the share moves nothing. {@link #context} supplies the partner
 * (10% of users, or 5× a typical user's volume) when it is neutral, and says so.
 */
public enum LeverAxis {
    LLM_COST("llmCostChange", "LLM cost change", true, -1, 100, -0.5, 1.0),
    VARIANCE_BUFFER("varianceBuffer", "Variance buffer", false, 0, 100, 1.0, 1.5),
    HEAVY_SHARE("heavyUserShare", "Heavy-user share", true, 0, 1, 0, 0.3),
    HEAVY_MULTIPLIER("heavyUserMultiplier", "Heavy-user multiplier", false, 0, 1000, 1, 10),
    PRICE_CHANGE("priceChange", "AI price change", true, -1, 100, -0.2, 0.2),
    TOKEN_DECLINE("tokenPriceDeclinePerYear", "Token price decline / year", true, 0, 0.99, 0, 0.5);

    /** The heavy-user share assumed when the multiplier is studied while the share is 0. */
    public static final double ASSUMED_HEAVY_SHARE = 0.10;
    /** The heavy-user multiplier assumed when the share is studied while the multiplier is 1. */
    public static final double ASSUMED_HEAVY_MULTIPLIER = 5;

    private final String id;
    private final String label;
    private final boolean percent;
    private final double min;
    private final double max;
    private final double tornadoLow;
    private final double tornadoHigh;

    LeverAxis(String id, String label, boolean percent, double min, double max, double tornadoLow,
              double tornadoHigh) {
        this.id = id;
        this.label = label;
        this.percent = percent;
        this.min = min;
        this.max = max;
        this.tornadoLow = tornadoLow;
        this.tornadoHigh = tornadoHigh;
    }

    /** The JSON and file name of the lever, e.g. {@code llmCostChange}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean isPercent() {
        return percent;
    }

    /** Lowest value a solution may take (the lever's legal minimum). */
    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double tornadoLow() {
        return tornadoLow;
    }

    public double tornadoHigh() {
        return tornadoHigh;
    }

    public double get(Levers l) {
        return switch (this) {
            case LLM_COST -> l.llmCostChange();
            case VARIANCE_BUFFER -> l.varianceBuffer();
            case HEAVY_SHARE -> l.heavyUserShare();
            case HEAVY_MULTIPLIER -> l.heavyUserMultiplier();
            case PRICE_CHANGE -> l.priceChange();
            case TOKEN_DECLINE -> l.tokenPriceDeclinePerYear();
        };
    }

    public Levers with(Levers l, double v) {
        return switch (this) {
            case LLM_COST -> l.withLlmCostChange(v);
            case VARIANCE_BUFFER -> l.withVarianceBuffer(v);
            case HEAVY_SHARE -> l.withHeavyUserShare(v);
            case HEAVY_MULTIPLIER -> l.withHeavyUserMultiplier(v);
            case PRICE_CHANGE -> l.withPriceChange(v);
            case TOKEN_DECLINE -> l.withTokenPriceDecline(v);
        };
    }

    /**
     * The levers to study this axis at: {@code l} itself, or with the heavy-user partner set to its
     * assumed value when the partner is neutral (see the class note).
     */
    public Levers context(Levers l) {
        if (this == HEAVY_MULTIPLIER && l.heavyUserShare() == 0) {
            return l.withHeavyUserShare(ASSUMED_HEAVY_SHARE);
        }
        if (this == HEAVY_SHARE && l.heavyUserMultiplier() == 1) {
            return l.withHeavyUserMultiplier(ASSUMED_HEAVY_MULTIPLIER);
        }
        return l;
    }

    /** What {@link #context} assumed, e.g. "at a 10% heavy-user share", or "" when nothing. */
    public String contextNote(Levers l) {
        if (this == HEAVY_MULTIPLIER && l.heavyUserShare() == 0) {
            return "at an assumed " + HEAVY_SHARE.format(ASSUMED_HEAVY_SHARE) + " heavy-user share";
        }
        if (this == HEAVY_SHARE && l.heavyUserMultiplier() == 1) {
            return "at an assumed " + HEAVY_MULTIPLIER.format(ASSUMED_HEAVY_MULTIPLIER) + " heavy-user multiplier";
        }
        return "";
    }

    /** "+71.0%", "-20%", "1.20×": signed for changes, plain for shares and multipliers. */
    public String format(double v) {
        if (!percent) {
            return String.format(Locale.ROOT, "%.2f×", v);
        }
        double p = v * 100;
        String digits = Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p);
        boolean signed = this == LLM_COST || this == PRICE_CHANGE;
        return (signed && p > 0 && !digits.equals("0") ? "+" : "") + digits + "%";
    }
}
