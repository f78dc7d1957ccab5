package com.marginworkbench.margin;

import java.util.Locale;

/**
 * The stress levers as axes that goal seek, the tornado and the two-way table move along: the
 * default low and high of the tornado, on top of the {@link Lever} catalogue, which gives how to
 * read and set each lever on {@link Levers} and the range a solution may lie in (the range
 * {@link Levers} accepts). Values are in the engine's units (fractions for percentages, plain
 * numbers for multipliers).
 *
 * <p>The heavy-user share and multiplier only act together: at a share of 0 the multiplier moves
 * nothing, and at a multiplier of 1 the share moves nothing. {@link #context} supplies the partner
 * (10% of users, or 5× a typical user's volume) when it is neutral, and says so.
 */
public enum LeverAxis {
    LLM_COST("llmCostChange", "LLM cost change", -0.5, 1.0),
    VARIANCE_BUFFER("varianceBuffer", "Variance buffer", 1.0, 1.5),
    HEAVY_SHARE("heavyUserShare", "Heavy-user share", 0, 0.3),
    HEAVY_MULTIPLIER("heavyUserMultiplier", "Heavy-user multiplier", 1, 10),
    PRICE_CHANGE("priceChange", "AI price change", -0.2, 0.2),
    TOKEN_DECLINE("tokenPriceDeclinePerYear", "Token price decline / year", 0, 0.5);

    /** The heavy-user share assumed when the multiplier is studied while the share is 0. */
    public static final double ASSUMED_HEAVY_SHARE = 0.10;
    /** The heavy-user multiplier assumed when the share is studied while the multiplier is 1. */
    public static final double ASSUMED_HEAVY_MULTIPLIER = 5;

    private final String id;
    private final String label;
    private final double tornadoLow;
    private final double tornadoHigh;

    LeverAxis(String id, String label, double tornadoLow, double tornadoHigh) {
        this.id = id;
        this.label = label;
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

    /** The lever of the catalogue this axis moves. */
    public Lever lever() {
        return Lever.valueOf(name());
    }

    public boolean isPercent() {
        return lever().isPercent();
    }

    /** Lowest value a solution may take (the lever's legal minimum). */
    public double min() {
        return lever().toEngine(lever().min());
    }

    public double max() {
        return lever().toEngine(lever().max());
    }

    public double tornadoLow() {
        return tornadoLow;
    }

    public double tornadoHigh() {
        return tornadoHigh;
    }

    public double get(Levers l) {
        return lever().get(l);
    }

    public Levers with(Levers l, double v) {
        return lever().with(l, v);
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
        if (!isPercent()) {
            return String.format(Locale.ROOT, "%.2f×", v);
        }
        double p = v * 100;
        String digits = Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p);
        boolean signed = this == LLM_COST || this == PRICE_CHANGE;
        return (signed && p > 0 && !digits.equals("0") ? "+" : "") + digits + "%";
    }
}
