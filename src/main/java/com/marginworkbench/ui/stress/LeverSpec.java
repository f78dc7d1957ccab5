package com.marginworkbench.ui.stress;

import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.margin.Levers;

/**
 * One stress lever as the panel shows it: display units (percent or multiple), the slider's range,
 * the wider range the exact-value field accepts, and how to read and write it on {@link Levers}.
 */
public enum LeverSpec {
    LLM_COST("LLM cost change", "%", -50, 200, -100, 10000, 0,
            "Change in what model providers charge, on lines priced per token or call. +50% is the usual heavy-usage or model-switch test."),
    VARIANCE_BUFFER("Variance buffer", "×", 1, 2, 0, 100, 1,
            "Multiplier on all variable AI cost for token-price swings and retry storms. 1.2× is a common stress."),
    HEAVY_SHARE("Heavy-user share", "%", 0, 50, 0, 100, 0,
            "Share of users who consume far more than a typical user."),
    HEAVY_MULTIPLIER("Heavy-user multiplier", "×", 1, 20, 0, 1000, 1,
            "How many times a typical user's volume a heavy user consumes. Revenue follows only on usage-priced lines."),
    PRICE_CHANGE("Price change", "%", -50, 50, -100, 10000, 0,
            "Change in the price of AI features, applied to AI-layer revenue."),
    TOKEN_DECLINE("Token price decline / year", "%", 0, 90, 0, 99, 0,
            "A what-if, off by default: token prices for a fixed capability have fallen fast but unevenly. Not a forecast.");

    private final String label;
    private final String unit;
    private final double sliderMin;
    private final double sliderMax;
    private final double fieldMin;
    private final double fieldMax;
    private final double neutral;
    private final String help;

    LeverSpec(String label, String unit, double sliderMin, double sliderMax, double fieldMin, double fieldMax,
              double neutral, String help) {
        this.label = label;
        this.unit = unit;
        this.sliderMin = sliderMin;
        this.sliderMax = sliderMax;
        this.fieldMin = fieldMin;
        this.fieldMax = fieldMax;
        this.neutral = neutral;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public double sliderMin() {
        return sliderMin;
    }

    public double sliderMax() {
        return sliderMax;
    }

    public double fieldMin() {
        return fieldMin;
    }

    public double fieldMax() {
        return fieldMax;
    }

    public double neutral() {
        return neutral;
    }

    public String help() {
        return help;
    }

    public boolean isPercent() {
        return unit.equals("%");
    }

    /** The engine's axis for this lever (same order, same name). */
    public LeverAxis axis() {
        return LeverAxis.valueOf(name());
    }

    /** The lever's value in display units. */
    public double read(Levers l) {
        double v = axis().get(l);
        return isPercent() ? v * 100 : v;
    }

    /** A copy of {@code l} with this lever set from a display value. */
    public Levers write(Levers l, double display) {
        return axis().with(l, isPercent() ? display / 100 : display);
    }

    /** "+50%", "1.20×", "10%". */
    public String format(double display) {
        if (isPercent()) {
            String sign = (this == LLM_COST || this == PRICE_CHANGE) && display > 0 ? "+" : "";
            return sign + trim(display) + "%";
        }
        return String.format(java.util.Locale.ROOT, "%.2f×", display);
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
