package com.marginworkbench.margin;

import java.util.Locale;

/**
 * The catalogue of stress levers: the one place that says what each lever is called, in which
 * unit it is typed, which values it takes, where it starts and what it does. The engine's
 * {@link Levers}, the window's stress panel, the command line's options, the inputs of the
 * restated workbook's Stress sheet and the docs all iterate this enum; adding a lever is one entry
 * here plus the arithmetic that uses it (see docs/developer-guide.md).
 *
 * <p>Values come in two forms: the <em>display</em> value as a person types it (50 for +50%, 1.2
 * for 1.2×) and the <em>engine</em> value kept in {@link Levers} (0.5 and 1.2).
 */
public enum Lever {
    LLM_COST("llm-cost", "LLM cost change", Unit.PERCENT, true, -100, 10_000, -50, 200, 1, 0, "LLMCostChange",
            "Change in what model providers charge, on lines priced per token or call. "
                    + "+50% is the usual heavy-usage or model-switch test."),
    VARIANCE_BUFFER("variance-buffer", "Variance buffer", Unit.MULTIPLE, false, 0, 100, 1, 2, 0.01, 1,
            "VarianceBuffer",
            "Multiplier on all variable AI cost for token-price swings and retry storms. 1.2× is a common stress."),
    HEAVY_SHARE("heavy-user-share", "Heavy-user share", Unit.PERCENT, false, 0, 100, 0, 50, 1, 0, "HeavyUserShare",
            "Share of users who consume far more than a typical user."),
    HEAVY_MULTIPLIER("heavy-user-multiplier", "Heavy-user multiplier", Unit.MULTIPLE, false, 0, 1000, 1, 20, 0.1, 1,
            "HeavyUserMultiplier",
            "How many times a typical user's volume a heavy user consumes. Revenue follows only on usage-priced lines."),
    PRICE_CHANGE("price-change", "Price change", Unit.PERCENT, true, -100, 10_000, -50, 50, 1, 0, "PriceChange",
            "Change in the price of AI features, applied to AI-layer revenue."),
    TOKEN_DECLINE("token-decline", "Token price decline / year", Unit.PERCENT, false, 0, 99, 0, 90, 1, 0,
            "TokenPriceDeclinePerYear",
            "A what-if, off by default: token prices for a fixed capability have fallen fast but unevenly. "
                    + "Applied per year to LLM-priced lines, on forecast periods only. Not a forecast."),
    HEAVY_BASELINE("heavy-user-baseline", "Heavy users' usage share in the actuals", Unit.PERCENT, false, 0, 99, 0, 90,
            1, 0, "HeavyUserBaseline",
            "The share of usage heavy users already have in the actual figures, so the heavy-user stress is measured "
                    + "against it and they are not counted twice. 0 = the actuals hold no heavy users.");

    /** How a lever is typed and shown. */
    public enum Unit {
        /** Typed as a percentage (50, +50, 50%), kept as a fraction (0.5). */
        PERCENT("%", "PCT"),
        /** Typed and kept as a plain multiple (1.2, 1.2x). */
        MULTIPLE("×", "X");

        private final String symbol;
        private final String placeholder;

        Unit(String symbol, String placeholder) {
            this.symbol = symbol;
            this.placeholder = placeholder;
        }

        public String symbol() {
            return symbol;
        }

        /** What the command line's help shows for the value: PCT or X. */
        public String placeholder() {
            return placeholder;
        }

        /**
         * Reads a typed value in this unit as people write it: "50", "+50", "50%", "-12.5 %" for a
         * percentage, "1.2", "1.2x", "×3" for a multiple, with a decimal comma or a typographic
         * minus. Returns the display value (50, 1.2), or null when the text is not a number here.
         */
        public Double parse(String text) {
            if (text == null) {
                return null;
            }
            String t = text.trim().toLowerCase(Locale.ROOT).replace('\u2212', '-').replace(',', '.');
            if (t.endsWith("%") || t.endsWith("x") || t.endsWith("×")) {
                if (t.endsWith("%") != (this == PERCENT)) {
                    return null;
                }
                t = t.substring(0, t.length() - 1).trim();
            } else if (this == MULTIPLE && (t.startsWith("x") || t.startsWith("×"))) {
                t = t.substring(1).trim();
            }
            if (t.startsWith("+")) {
                t = t.substring(1).trim();
            }
            if (t.isEmpty() || !t.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                return null;
            }
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        }
    }

    private final String id;
    private final String label;
    private final Unit unit;
    private final boolean signed;
    private final double min;
    private final double max;
    private final double sliderMin;
    private final double sliderMax;
    private final double step;
    private final double neutral;
    private final String definedName;
    private final String help;

    Lever(String id, String label, Unit unit, boolean signed, double min, double max, double sliderMin,
          double sliderMax, double step, double neutral, String definedName, String help) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.signed = signed;
        this.min = min;
        this.max = max;
        this.sliderMin = sliderMin;
        this.sliderMax = sliderMax;
        this.step = step;
        this.neutral = neutral;
        this.definedName = definedName;
        this.help = help;
    }

    /** The lever's name on the command line ({@code --llm-cost}) and in the project file. */
    public String id() {
        return id;
    }

    public String option() {
        return "--" + id;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean isPercent() {
        return unit == Unit.PERCENT;
    }

    /** Lowest accepted display value. */
    public double min() {
        return min;
    }

    /** Highest accepted display value. */
    public double max() {
        return max;
    }

    /** The slider's range in display units (narrower than what can be typed). */
    public double sliderMin() {
        return sliderMin;
    }

    public double sliderMax() {
        return sliderMax;
    }

    /** The slider's step in display units. */
    public double step() {
        return step;
    }

    /** The neutral (default) display value. */
    public double neutral() {
        return neutral;
    }

    /** The Excel defined name of the lever's input cell on the restated workbook's Stress sheet. */
    public String definedName() {
        return definedName;
    }

    public String help() {
        return help;
    }

    /** Display value (50) to engine value (0.5). */
    public double toEngine(double display) {
        return isPercent() ? display / 100 : display;
    }

    /** Engine value (0.5) to display value (50). */
    public double toDisplay(double engine) {
        return isPercent() ? engine * 100 : engine;
    }

    /** The lever's engine value in {@code l}. */
    public double get(Levers l) {
        return switch (this) {
            case LLM_COST -> l.llmCostChange();
            case VARIANCE_BUFFER -> l.varianceBuffer();
            case HEAVY_SHARE -> l.heavyUserShare();
            case HEAVY_MULTIPLIER -> l.heavyUserMultiplier();
            case PRICE_CHANGE -> l.priceChange();
            case TOKEN_DECLINE -> l.tokenPriceDeclinePerYear();
            case HEAVY_BASELINE -> l.heavyUserBaseline();
        };
    }

    /** A copy of {@code l} with this lever's engine value set to {@code engine}. */
    public Levers with(Levers l, double engine) {
        double[] v = new double[values().length];
        for (Lever lever : values()) {
            v[lever.ordinal()] = lever == this ? engine : lever.get(l);
        }
        return Levers.of(v).withFirstForecastPeriod(l.firstForecastPeriod());
    }

    /** The lever's display value in {@code l}. */
    public double read(Levers l) {
        return toDisplay(get(l));
    }

    /** A copy of {@code l} with this lever set from a display value. */
    public Levers write(Levers l, double display) {
        return with(l, toEngine(display));
    }

    /** True when the display value is inside the lever's accepted range. */
    public boolean accepts(double display) {
        return Double.isFinite(display) && display >= min && display <= max;
    }

    /**
     * Reads a typed value as people write it: "50", "+50", "50%", "-12.5 %", "1.2", "1.2x", "×3",
     * a decimal comma and a typographic minus. Returns the display value, or null when the text
     * is not a number. The range is not checked here (see {@link #accepts}).
     */
    public Double parse(String text) {
        return unit.parse(text);
    }

    /**
     * What is wrong with a typed value, in words that follow the lever's name or option
     * ("'lots' is not a percentage; ..."), or null when it parses and is in range.
     */
    public String problem(String text) {
        Double v = parse(text);
        if (v == null) {
            return "'" + (text == null ? "" : text.trim()) + "' is not "
                    + (isPercent() ? "a percentage; write it like 50, +50 or -10%" : "a number; write it like 1.2");
        }
        return accepts(v) ? null : text.trim() + " is out of range; it must be " + rangeText();
    }

    /** Parses and range-checks a typed value; the problem, naming the lever, as the exception's message. */
    public double parseChecked(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(label + ": " + problem);
        }
        return parse(text);
    }

    /** "between 0% and 100%", "-100% or more". */
    public String rangeText() {
        if (max >= 10_000) {
            return format(min) + " or more";
        }
        return "between " + format(min) + " and " + format(max);
    }

    /** "+50%", "1.20×", "10%". */
    public String format(double display) {
        if (isPercent()) {
            String sign = signed && display > 0 ? "+" : "";
            return sign + trim(display) + "%";
        }
        return String.format(Locale.ROOT, "%.2f×", display);
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Checks an engine value against the lever's range; the message names the lever. */
    void check(double engine) {
        if (!accepts(toDisplay(engine)) && !accepts(Math.rint(toDisplay(engine) * 1e9) / 1e9)) {
            throw new IllegalArgumentException(label + " must be " + rangeText() + ", was " + format(toDisplay(engine)));
        }
    }
}
