package com.marginworkbench.model;

/** The AI layer (AI features and what it costs to deliver them) or the classic software layer. */
public enum Layer {
    AI("AI"), SOFTWARE("Software");

    private final String label;

    Layer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts AI / software / SaaS / platform, any case. */
    public static Layer parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "ai", "ai layer", "ai-layer" -> AI;
            case "software", "sw", "saas", "software layer", "platform", "core" -> SOFTWARE;
            default -> throw new IllegalArgumentException("Unknown layer '" + text + "'; expected AI or Software");
        };
    }
}
