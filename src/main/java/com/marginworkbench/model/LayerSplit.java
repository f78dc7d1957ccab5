package com.marginworkbench.model;

/** The share of a line that belongs to the AI layer: 1 for all AI, 0 for all software. */
public record LayerSplit(double aiShare) {
    public static final LayerSplit AI = new LayerSplit(1.0);
    public static final LayerSplit SOFTWARE = new LayerSplit(0.0);

    public LayerSplit {
        if (!(aiShare >= 0.0 && aiShare <= 1.0)) {
            throw new IllegalArgumentException("AI share must be between 0% and 100%, was " + aiShare);
        }
    }

    public static LayerSplit of(Layer layer) {
        return layer == Layer.AI ? AI : SOFTWARE;
    }

    public double softwareShare() {
        return 1.0 - aiShare;
    }

    public boolean isSplit() {
        return aiShare > 0.0 && aiShare < 1.0;
    }

    /** The layer holding the larger share (AI on a tie). */
    public Layer dominant() {
        return aiShare >= 0.5 ? Layer.AI : Layer.SOFTWARE;
    }

    /** "AI", "Software" or "AI 40%". */
    public String describe() {
        if (aiShare == 1.0) {
            return "AI";
        }
        if (aiShare == 0.0) {
            return "Software";
        }
        return "AI " + Math.round(aiShare * 100) + "%";
    }
}
