package com.marginworkbench.margin;

import java.util.Locale;

/**
 * The value of one lever at which a chosen margin reaches a target, the other levers held where
 * they are. Margin = (R − C) ÷ R, so it equals the target t exactly where g = (1 − t)·R − C = 0 with
 * R &gt; 0. For every lever but the token price decline, R and C are affine in the lever (each lever
 * multiplies a fixed part of revenue or cost), so g is a straight line and its root comes from two
 * evaluations in closed form; the solver checks that g is straight before trusting it. Otherwise
 * (the decline compounds per period) it brackets a sign change on a fine grid and bisects to
 * 1e-12. A root outside the lever's range, or one where the revenue is zero, is "never".
 */
public final class GoalSeek {
    /** Sub-intervals scanned for a sign change when g is not a straight line. */
    private static final int GRID = 256;

    private GoalSeek() {
    }

    public enum Status {
        /** {@link Result#value()} holds the lever value. */
        FOUND,
        /** The margin stays above (or below) the target over the whole range. */
        NEVER_IN_RANGE,
        /** The margin does not move with this lever (at these settings). */
        NO_EFFECT,
        /** The layer has no revenue, so it has no margin to reach a target. */
        NO_REVENUE
    }

    /**
     * One answer. {@code value} is NaN unless FOUND; {@code above} tells for NEVER_IN_RANGE whether the
     * margin stays above the target (true) or below it; {@code context} names an assumed partner lever.
     */
    public record Result(Status status, LeverAxis lever, MarginMeasure measure, double target, double value,
                         double min, double max, boolean above, String context) {
        public boolean found() {
            return status == Status.FOUND;
        }

        /** The plain sentence for the window, the command line and the board pack. */
        public String sentence() {
            String ctx = context.isEmpty() ? "" : " (" + context + ")";
            String goal = measure.label() + " reaches " + pct(target);
            return switch (status) {
                case FOUND -> goal + " at " + lever.label() + " " + lever.format(value) + ctx + ".";
                case NEVER_IN_RANGE -> goal + ": never within the " + lever.label() + " range "
                        + lever.format(min) + " to " + lever.format(max) + ctx + "; it stays "
                        + (above ? "above." : "below.");
                case NO_EFFECT -> goal + ": the " + lever.label() + " does not move it" + ctx + ".";
                case NO_REVENUE -> "Not available: the " + (measure == MarginMeasure.AI_LAYER
                        || measure == MarginMeasure.AI_LAYER_STRESSED ? "AI layer" : "model")
                        + " has no revenue, so it has no margin.";
            };
        }
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** Solve over the lever's whole legal range. */
    public static Result solve(MarginEngine.Prepared model, Levers levers, LeverAxis lever, MarginMeasure measure,
                               double target) {
        return solve(model, levers, lever, lever.min(), lever.max(), measure, target);
    }

    /**
     * The value of {@code lever} in [min, max] at which {@code measure} equals {@code target}, the
     * other levers as in {@code levers} (with {@link LeverAxis#context} applied).
     */
    public static Result solve(MarginEngine.Prepared model, Levers levers, LeverAxis lever, double min, double max,
                               MarginMeasure measure, double target) {
        if (!(min <= max) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("Range " + min + " to " + max + " or target " + target + " is not valid");
        }
        Levers base = lever.context(levers);
        String ctx = lever.contextNote(levers);
        Gap g = new Gap(model, base, lever, measure, target);
        double gLo = g.at(min);
        double rLo = g.revenue;
        double gHi = g.at(max);
        double rHi = g.revenue;
        double mid = min + (max - min) / 2;
        double gMid = g.at(mid);
        double rMid = g.revenue;
        if (rLo == 0 && rHi == 0 && rMid == 0) {
            return new Result(Status.NO_REVENUE, lever, measure, target, Double.NaN, min, max, false, ctx);
        }
        double scale = Math.max(Math.abs(rLo), Math.max(Math.abs(rHi), Math.abs(rMid)));
        double tol = 1e-12 * scale;
        if (Math.abs(gHi - gLo) <= tol && Math.abs(gMid - gLo) <= tol) {
            return new Result(Status.NO_EFFECT, lever, measure, target, Double.NaN, min, max, gLo > 0, ctx);
        }
        double x = Double.NaN;
        if (gLo == 0 && rLo > 0) {
            x = min;
        } else if (gHi == 0 && rHi > 0) {
            x = max;
        } else if (straight(g, min, max, gLo, gHi, tol)) {
            if (Math.signum(gLo) != Math.signum(gHi)) {
                x = min + (max - min) * (gLo / (gLo - gHi));
                x = Math.max(min, Math.min(max, x));
            }
        } else {
            x = bracket(g, min, max, gLo);
        }
        if (Double.isNaN(x) || !(g.revenueAt(x) > 0)) {
            // Above the target where the margin exists (or at the low end when it exists nowhere).
            boolean above = rLo > 0 ? gLo > 0 : gHi > 0;
            return new Result(Status.NEVER_IN_RANGE, lever, measure, target, Double.NaN, min, max, above, ctx);
        }
        return new Result(Status.FOUND, lever, measure, target, x, min, max, false, ctx);
    }

    /** True when g is affine over [min, max]: it matches the chord at a third and two thirds. */
    private static boolean straight(Gap g, double min, double max, double gLo, double gHi, double tol) {
        for (double f : new double[] {1.0 / 3, 2.0 / 3}) {
            double chord = gLo + (gHi - gLo) * f;
            if (Math.abs(g.at(min + (max - min) * f) - chord) > 1e3 * tol + 1e-12 * Math.abs(chord)) {
                return false;
            }
        }
        return true;
    }

    /** The first sign change of g on a grid from min, narrowed by bisection; NaN when there is none. */
    private static double bracket(Gap g, double min, double max, double gLo) {
        double a = min;
        double ga = gLo;
        for (int i = 1; i <= GRID; i++) {
            double b = i == GRID ? max : min + (max - min) * i / GRID;
            double gb = g.at(b);
            if (gb == 0) {
                return b;
            }
            if (Math.signum(ga) != Math.signum(gb) && ga != 0) {
                for (int k = 0; k < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
                    double m = a + (b - a) / 2;
                    double gm = g.at(m);
                    if (gm == 0) {
                        return m;
                    }
                    if (Math.signum(gm) == Math.signum(ga)) {
                        a = m;
                        ga = gm;
                    } else {
                        b = m;
                    }
                }
                return a + (b - a) / 2;
            }
            a = b;
            ga = gb;
        }
        return Double.NaN;
    }

    /** g(x) = (1 − target)·R(x) − C(x); remembers the revenue of its last evaluation. */
    private static final class Gap {
        private final MarginEngine.Prepared model;
        private final Levers base;
        private final LeverAxis lever;
        private final MarginMeasure measure;
        private final double target;
        double revenue;

        Gap(MarginEngine.Prepared model, Levers base, LeverAxis lever, MarginMeasure measure, double target) {
            this.model = model;
            this.base = base;
            this.lever = lever;
            this.measure = measure;
            this.target = target;
        }

        double at(double x) {
            Figures f = model.total(lever.with(base, x));
            revenue = measure.revenue(f);
            return (1 - target) * revenue - measure.cost(f);
        }

        double revenueAt(double x) {
            at(x);
            return revenue;
        }
    }
}
