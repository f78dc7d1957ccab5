package com.marginworkbench.margin;

import java.util.OptionalDouble;

/**
 * The figures of one column (a period, or the total over all periods), in layers: three bases
 * (reported: costs where the workbook put them; restated: where the COGS test puts them;
 * stressed: restated under the levers), each with its revenue and cost of revenue, each split
 * into the AI and the software layer. Margins are fractions and empty where the revenue they
 * divide by is zero: not available, never NaN or infinity.
 *
 * <p>The flat accessors ({@link #restatedCogs()}, {@link #aiLayerStressed()}, ...) name the same
 * values for callers that want one figure.
 */
public record Figures(Basis reported, Basis restated, Basis stressed) {
    /** Nothing yet: the start of a sum. */
    public static final Figures ZERO = of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** An amount in total and by layer. */
    public record Split(double total, double ai, double software) {
    }

    /** Revenue and cost of revenue on one basis, and the margins they give. */
    public record Basis(Split revenue, Split cogs) {
        public OptionalDouble blended() {
            return margin(revenue.total(), cogs.total());
        }

        public OptionalDouble aiLayer() {
            return margin(revenue.ai(), cogs.ai());
        }

        public OptionalDouble softwareLayer() {
            return margin(revenue.software(), cogs.software());
        }
    }

    /**
     * Figures from the engine's sums. The reported software-layer cost and the stressed
     * software-layer revenue are what is left after the AI layer.
     */
    public static Figures of(double revenue, double aiRevenue, double softwareRevenue,
                             double reportedCogs, double reportedAiCogs,
                             double restatedCogs, double restatedAiCogs, double restatedSoftwareCogs,
                             double stressedRevenue, double stressedAiRevenue,
                             double stressedCogs, double stressedAiCogs, double stressedSoftwareCogs) {
        Split rev = new Split(revenue, aiRevenue, softwareRevenue);
        return new Figures(
                new Basis(rev, new Split(reportedCogs, reportedAiCogs, reportedCogs - reportedAiCogs)),
                new Basis(rev, new Split(restatedCogs, restatedAiCogs, restatedSoftwareCogs)),
                new Basis(new Split(stressedRevenue, stressedAiRevenue, stressedRevenue - stressedAiRevenue),
                        new Split(stressedCogs, stressedAiCogs, stressedSoftwareCogs)));
    }

    /** The column-by-column sum of two sets of figures (the total over periods). */
    public Figures plus(Figures o) {
        return of(revenue() + o.revenue(), aiRevenue() + o.aiRevenue(), softwareRevenue() + o.softwareRevenue(),
                reportedCogs() + o.reportedCogs(), reportedAiCogs() + o.reportedAiCogs(),
                restatedCogs() + o.restatedCogs(), restatedAiCogs() + o.restatedAiCogs(),
                restatedSoftwareCogs() + o.restatedSoftwareCogs(),
                stressedRevenue() + o.stressedRevenue(), stressedAiRevenue() + o.stressedAiRevenue(),
                stressedCogs() + o.stressedCogs(), stressedAiCogs() + o.stressedAiCogs(),
                stressedSoftwareCogs() + o.stressedSoftwareCogs());
    }

    // ----- one figure each -----

    public double revenue() {
        return restated.revenue().total();
    }

    public double aiRevenue() {
        return restated.revenue().ai();
    }

    public double softwareRevenue() {
        return restated.revenue().software();
    }

    public double reportedCogs() {
        return reported.cogs().total();
    }

    public double reportedAiCogs() {
        return reported.cogs().ai();
    }

    public double reportedSoftwareCogs() {
        return reported.cogs().software();
    }

    public double restatedCogs() {
        return restated.cogs().total();
    }

    public double restatedAiCogs() {
        return restated.cogs().ai();
    }

    public double restatedSoftwareCogs() {
        return restated.cogs().software();
    }

    public double stressedRevenue() {
        return stressed.revenue().total();
    }

    public double stressedAiRevenue() {
        return stressed.revenue().ai();
    }

    public double stressedSoftwareRevenue() {
        return stressed.revenue().software();
    }

    public double stressedCogs() {
        return stressed.cogs().total();
    }

    public double stressedAiCogs() {
        return stressed.cogs().ai();
    }

    public double stressedSoftwareCogs() {
        return stressed.cogs().software();
    }

    public OptionalDouble reportedBlended() {
        return reported.blended();
    }

    /** The AI layer as the workbook places its costs. */
    public OptionalDouble reportedAiLayer() {
        // No AI cost in reported cost of revenue: the reported AI-layer margin is not 100%, it is not
        // there to measure ("n/a (no AI cost in reported cost of revenue)").
        return reportedAiCogs() == 0 ? OptionalDouble.empty() : reported.aiLayer();
    }

    /** True when the workbook reports AI revenue but puts no AI cost in cost of revenue. */
    public boolean noAiCostReported() {
        return aiRevenue() != 0 && reportedAiCogs() == 0;
    }

    public OptionalDouble restatedBlended() {
        return restated.blended();
    }

    public OptionalDouble aiLayer() {
        return restated.aiLayer();
    }

    public OptionalDouble softwareLayer() {
        return restated.softwareLayer();
    }

    public OptionalDouble restatedBlendedStressed() {
        return stressed.blended();
    }

    public OptionalDouble aiLayerStressed() {
        return stressed.aiLayer();
    }

    public OptionalDouble softwareLayerStressed() {
        return stressed.softwareLayer();
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
