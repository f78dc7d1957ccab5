package com.marginworkbench.classify;

/** One answer to a question of the COGS test; DEFAULT takes the cost type's usual answer. */
public enum Answer {
    YES, NO, DEFAULT;

    public static Answer of(boolean yes) {
        return yes ? YES : NO;
    }

    /** Accepts yes/no/y/n/true/false/default/blank, any case. */
    public static Answer parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "yes", "y", "true", "1" -> YES;
            case "no", "n", "false", "0" -> NO;
            case "", "default", "-", "auto" -> DEFAULT;
            default -> throw new IllegalArgumentException("Unknown answer '" + text + "'; expected yes, no or default");
        };
    }

    /** This answer, or the fallback when it is DEFAULT. */
    public boolean resolve(boolean fallback) {
        return this == DEFAULT ? fallback : this == YES;
    }
}
