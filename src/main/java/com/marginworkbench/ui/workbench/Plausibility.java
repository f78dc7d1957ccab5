package com.marginworkbench.ui.workbench;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.model.Reading;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether the headline figures are fit to show, in words: the one rule the headline, the totals
 * and the margin charts all follow when they withhold the margins.
 */
final class Plausibility {
    private Plausibility() {
    }

    /** The reader's low confidence in words, "" when the reading is medium or high. */
    static String doubtOf(Reading reading) {
        if (reading == null || reading.confidence() != Reading.Confidence.LOW) {
            return "";
        }
        return "the reading of this workbook is low-confidence (" + reasons(reading,
                "the reader could not check the figures against the workbook's own totals")
                + "). Check the mapping before quoting any margin.";
    }

    /**
     * The reader's medium confidence in words, "" when the reading is high or low (low withholds
     * the figures instead): the headline shows the figures with this caution beside them.
     */
    static String cautionOf(Reading reading) {
        if (reading == null || reading.confidence() != Reading.Confidence.MEDIUM) {
            return "";
        }
        return "Medium-confidence reading: " + reasons(reading,
                "not every figure could be checked against the workbook's own totals")
                + ". Check the mapping (Ctrl+M) before quoting these figures.";
    }

    /** The reader's reasons joined, or {@code none} when it gave none. */
    private static String reasons(Reading reading, String none) {
        return reading.reasons().isEmpty() ? none : String.join("; ", reading.reasons());
    }

    /**
     * Why the headline figures cannot be shown as they are, or "" when they can: a gross margin
     * above 100% needs negative costs, and no revenue leaves no margin to speak of. The reader's
     * own doubt about the reading, when it has one, counts the same way.
     */
    static String of(String readingDoubt, Figures t) {
        if (!readingDoubt.isEmpty()) {
            return readingDoubt;
        }
        if (!(t.revenue() > 0)) {
            return "no revenue was read, so there is no margin to show. Check the sheet, the header row and the sign of the revenue lines.";
        }
        for (OptionalDouble m : List.of(t.reportedBlended(), t.restatedBlended(), t.aiLayer(), t.reportedAiLayer())) {
            if (m.isPresent() && m.getAsDouble() > 1.0 + 1e-9) {
                return "a gross margin of " + Format.percent(m) + " is impossible (it needs negative costs). "
                        + "Check the signs, the units and which lines were read as costs before quoting these figures.";
            }
        }
        return "";
    }
}
