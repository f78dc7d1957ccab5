package com.marginworkbench.margin;

/**
 * Which gross margin a decision is about: the AI layer or the whole company (blended), under the
 * levers (stressed) or not. The unstressed margins do not move with any lever.
 */
public enum MarginMeasure {
    AI_LAYER_STRESSED("AI-layer gross margin (stressed)", true),
    BLENDED_STRESSED("Blended gross margin (stressed)", true),
    AI_LAYER("AI-layer gross margin", false),
    BLENDED("Blended gross margin", false);

    private final String label;
    private final boolean stressed;

    MarginMeasure(String label, boolean stressed) {
        this.label = label;
        this.stressed = stressed;
    }

    public String label() {
        return label;
    }

    public boolean stressed() {
        return stressed;
    }

    public double revenue(Figures f) {
        return switch (this) {
            case AI_LAYER_STRESSED -> f.stressedAiRevenue();
            case BLENDED_STRESSED -> f.stressedRevenue();
            case AI_LAYER -> f.aiRevenue();
            case BLENDED -> f.revenue();
        };
    }

    public double cost(Figures f) {
        return switch (this) {
            case AI_LAYER_STRESSED -> f.stressedAiCogs();
            case BLENDED_STRESSED -> f.stressedCogs();
            case AI_LAYER -> f.restatedAiCogs();
            case BLENDED -> f.restatedCogs();
        };
    }

    /** The margin, or NaN where the revenue it divides by is zero. */
    public double of(Figures f) {
        return Figures.margin(revenue(f), cost(f)).orElse(Double.NaN);
    }
}
