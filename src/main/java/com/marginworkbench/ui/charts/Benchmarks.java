package com.marginworkbench.ui.charts;

import java.util.List;

/** Published gross-margin reference points drawn as bands on the margin chart, each with its source. */
public final class Benchmarks {
    /** A reference margin (percent) and the words that name its source. */
    public record Band(double percent, String label) {
    }

    public static final List<Band> BANDS = List.of(
            new Band(80, "Classic SaaS ~80%"),
            new Band(60, "Bessemer 2025 Shooting Stars ~60%"),
            new Band(52, "ICONIQ 2026 AI-native ~52%"),
            new Band(25, "Bessemer 2025 Supernovas ~25%"));

    private Benchmarks() {
    }
}
