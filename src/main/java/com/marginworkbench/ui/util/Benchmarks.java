package com.marginworkbench.ui.util;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Published gross-margin reference points, drawn as bands on the margin chart and used to colour
 * stressed margins, each with the words that name its source.
 */
public final class Benchmarks {
    /** A reference margin (percent) and the words that name its source. */
    public record Band(double percent, String label) {
    }

    /** Where a margin sits against the bands: at or above the AI-native reference, between, or below the lowest. */
    public enum Standing {
        STRONG("at or above the ICONIQ 2026 AI-native reference (~52%)"),
        WATCH("between the Bessemer 2025 Supernovas (~25%) and the AI-native (~52%) references"),
        WEAK("below the Bessemer 2025 Supernovas reference (~25%)"),
        NONE("");

        private final String words;

        Standing(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public static final List<Band> BANDS = List.of(
            new Band(80, "Classic SaaS ~80%"),
            new Band(60, "Bessemer 2025 Shooting Stars ~60%"),
            new Band(52, "ICONIQ 2026 AI-native ~52%"),
            new Band(25, "Bessemer 2025 Supernovas ~25%"));

    private static final double AI_NATIVE = 52;
    private static final double SUPERNOVAS = 25;

    private Benchmarks() {
    }

    /** The standing of a margin (a fraction) against the bands. */
    public static Standing standing(OptionalDouble margin) {
        if (margin.isEmpty()) {
            return Standing.NONE;
        }
        double pct = margin.getAsDouble() * 100;
        return pct >= AI_NATIVE ? Standing.STRONG : pct >= SUPERNOVAS ? Standing.WATCH : Standing.WEAK;
    }
}
