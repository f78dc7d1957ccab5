package com.marginworkbench.classify;

import java.util.Locale;

/** The accounting framework whose references are quoted, and whose development-cost rule applies. */
public enum Framework {
    US_GAAP("US GAAP"), IFRS("IFRS");

    private final String label;

    Framework(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts us-gaap, US_GAAP, "US GAAP", gaap, ifrs, any case. */
    public static Framework parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (t) {
            case "us-gaap", "gaap", "usgaap" -> US_GAAP;
            case "ifrs" -> IFRS;
            default -> throw new IllegalArgumentException("Unknown framework '" + text + "'; use us-gaap or ifrs");
        };
    }
}
