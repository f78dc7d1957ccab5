package com.marginworkbench.margin;

import java.util.OptionalDouble;

/**
 * The figures of one column (a period, or the total over all periods). Margins are fractions and
 * empty where the revenue they divide by is zero: not available, never NaN or infinity.
 */
public record Figures(double revenue, double aiRevenue, double softwareRevenue,
                      double reportedCogs, double reportedAiCogs,
                      double restatedCogs, double restatedAiCogs, double restatedSoftwareCogs,
                      double stressedRevenue, double stressedAiRevenue,
                      double stressedCogs, double stressedAiCogs, double stressedSoftwareCogs) {

    public double stressedSoftwareRevenue() {
        return stressedRevenue - stressedAiRevenue;
    }

    public double reportedSoftwareCogs() {
        return reportedCogs - reportedAiCogs;
    }

    public OptionalDouble reportedBlended() {
        return margin(revenue, reportedCogs);
    }

    /** The AI layer as the workbook places its costs. */
    public OptionalDouble reportedAiLayer() {
        // No AI cost in reported cost of revenue: the reported AI-layer margin is not 100%, it is not
        // there to measure ("n/a (no AI cost in reported cost of revenue)").
        return reportedAiCogs == 0 ? OptionalDouble.empty() : margin(aiRevenue, reportedAiCogs);
    }

    /** True when the workbook reports AI revenue but puts no AI cost in cost of revenue. */
    public boolean noAiCostReported() {
        return aiRevenue != 0 && reportedAiCogs == 0;
    }

    public OptionalDouble restatedBlended() {
        return margin(revenue, restatedCogs);
    }

    public OptionalDouble aiLayer() {
        return margin(aiRevenue, restatedAiCogs);
    }

    public OptionalDouble softwareLayer() {
        return margin(softwareRevenue, restatedSoftwareCogs);
    }

    public OptionalDouble restatedBlendedStressed() {
        return margin(stressedRevenue, stressedCogs);
    }

    public OptionalDouble aiLayerStressed() {
        return margin(stressedAiRevenue, stressedAiCogs);
    }

    public OptionalDouble softwareLayerStressed() {
        return margin(stressedSoftwareRevenue(), stressedSoftwareCogs);
    }

    /** (revenue − cost) / revenue, or empty when revenue is zero or not finite. */
    public static OptionalDouble margin(double revenue, double cost) {
        if (revenue == 0.0 || !Double.isFinite(revenue) || !Double.isFinite(cost)) {
            return OptionalDouble.empty();
        }
        double m = (revenue - cost) / revenue;
        return Double.isFinite(m) ? OptionalDouble.of(m) : OptionalDouble.empty();
    }
}
