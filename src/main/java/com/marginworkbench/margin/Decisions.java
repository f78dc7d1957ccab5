package com.marginworkbench.margin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * From stress to decision: the break-even and goal-seek figures a board asks for, the tornado of
 * every lever's low and high effect, the two-way table of two levers, and the stress walk. Every
 * figure comes from {@link MarginEngine.Prepared}; nothing here knows a window or a file.
 */
public final class Decisions {
    /** Levers in the order the tornado and the JSON list them before sorting. */
    public static final List<LeverAxis> TORNADO_LEVERS = List.of(LeverAxis.values());

    private Decisions() {
    }

    /** The three default questions and the tornado, for the current levers. */
    public record Summary(GoalSeek.Result breakEvenLlmCost, GoalSeek.Result priceToRestoreAiLayer,
                          GoalSeek.Result breakEvenHeavyMultiplier, List<TornadoBar> tornado, StressWalk walk) {
    }

    /**
     * One lever's bar: the chosen margin with the lever at {@code low} and at {@code high}, the
     * others as set (NaN where the margin does not exist). {@code context} names an assumed partner.
     */
    public record TornadoBar(LeverAxis lever, double low, double high, double marginAtLow, double marginAtHigh,
                             double base, String context) {
        /** How far the margin moves between low and high (0 when either end has no margin). */
        public double swing() {
            double s = Math.abs(marginAtHigh - marginAtLow);
            return Double.isNaN(s) ? 0 : s;
        }
    }

    /** The three default questions and the tornado on the stressed AI layer, tornado ranges by default. */
    public static Summary summarize(MarginEngine.Prepared model, Levers levers) {
        return summarize(model, levers, defaultRanges());
    }

    public static Summary summarize(MarginEngine.Prepared model, Levers levers, Map<LeverAxis, double[]> ranges) {
        return new Summary(breakEvenLlmCost(model, levers), priceToRestoreAiLayer(model, levers),
                breakEvenHeavyMultiplier(model, levers),
                tornado(model, levers, MarginMeasure.AI_LAYER_STRESSED, ranges), StressWalk.of(model, levers));
    }

    /** The LLM cost change at which the stressed AI layer breaks even (0%). */
    public static GoalSeek.Result breakEvenLlmCost(MarginEngine.Prepared model, Levers levers) {
        return GoalSeek.solve(model, levers, LeverAxis.LLM_COST, MarginMeasure.AI_LAYER_STRESSED, 0);
    }

    /** The AI price change that brings the stressed AI layer back to its unstressed margin. */
    public static GoalSeek.Result priceToRestoreAiLayer(MarginEngine.Prepared model, Levers levers) {
        double base = MarginMeasure.AI_LAYER.of(model.total(levers));
        if (Double.isNaN(base)) {
            return GoalSeek.solve(model, levers, LeverAxis.PRICE_CHANGE, MarginMeasure.AI_LAYER_STRESSED, 0);
        }
        return GoalSeek.solve(model, levers, LeverAxis.PRICE_CHANGE, MarginMeasure.AI_LAYER_STRESSED, base);
    }

    /** The heavy-user multiplier at which the stressed AI layer breaks even. */
    public static GoalSeek.Result breakEvenHeavyMultiplier(MarginEngine.Prepared model, Levers levers) {
        return GoalSeek.solve(model, levers, LeverAxis.HEAVY_MULTIPLIER, MarginMeasure.AI_LAYER_STRESSED, 0);
    }

    /** Each lever's tornado low and high, in model units; a fresh map the caller may change. */
    public static Map<LeverAxis, double[]> defaultRanges() {
        Map<LeverAxis, double[]> m = new EnumMap<>(LeverAxis.class);
        for (LeverAxis a : TORNADO_LEVERS) {
            m.put(a, new double[] {a.tornadoLow(), a.tornadoHigh()});
        }
        return m;
    }

    /** Bars for every lever in {@code ranges}, largest swing first (ties keep the catalogue order). */
    public static List<TornadoBar> tornado(MarginEngine.Prepared model, Levers levers, MarginMeasure measure,
                                           Map<LeverAxis, double[]> ranges) {
        double base = measure.of(model.total(levers));
        List<TornadoBar> bars = new ArrayList<>();
        for (LeverAxis a : TORNADO_LEVERS) {
            double[] r = ranges.get(a);
            if (r == null) {
                continue;
            }
            Levers at = a.context(levers);
            double lo = clamp(a, r[0]);
            double hi = clamp(a, r[1]);
            bars.add(new TornadoBar(a, lo, hi, measure.of(model.total(a.with(at, lo))),
                    measure.of(model.total(a.with(at, hi))), base, a.contextNote(levers)));
        }
        bars.sort(Comparator.comparingDouble(TornadoBar::swing).reversed());
        return List.copyOf(bars);
    }

    /**
     * The chosen margin over a grid of two levers, the others as set: {@code cells[i][j]} is the margin
     * at {@code ys[i]} and {@code xs[j]} (NaN where there is none).
     */
    public static double[][] grid(MarginEngine.Prepared model, Levers levers, MarginMeasure measure, LeverAxis x,
                                  double[] xs, LeverAxis y, double[] ys) {
        Levers at = y.context(x.context(levers));
        double[][] cells = new double[ys.length][xs.length];
        for (int i = 0; i < ys.length; i++) {
            Levers row = y.with(at, clamp(y, ys[i]));
            for (int j = 0; j < xs.length; j++) {
                cells[i][j] = measure.of(model.total(x.with(row, clamp(x, xs[j]))));
            }
        }
        return cells;
    }

    /** Columns of the default two-way table: LLM cost change over the stress panel's range. */
    public static final double[] GRID_LLM_COST = {-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0};
    /** Rows of the default two-way table: heavy-user multiplier over the stress panel's range. */
    public static final double[] GRID_HEAVY_MULTIPLIER = {1, 2, 3, 5, 7.5, 10, 15, 20};

    /**
     * A two-way table: the chosen margin at every pair of values, {@code cells[i][j]} at {@code ys[i]}
     * and {@code xs[j]}; {@code context} names an assumed partner lever ("" when none).
     */
    public record Grid(LeverAxis x, double[] xs, LeverAxis y, double[] ys, double[][] cells, String context) {
    }

    /** The default two-way table: LLM cost change × heavy-user multiplier on the stressed AI layer. */
    public static Grid defaultGrid(MarginEngine.Prepared model, Levers levers) {
        return grid(model, levers, LeverAxis.LLM_COST, GRID_LLM_COST, LeverAxis.HEAVY_MULTIPLIER,
                GRID_HEAVY_MULTIPLIER);
    }

    public static Grid grid(MarginEngine.Prepared model, Levers levers, LeverAxis x, double[] xs, LeverAxis y,
                            double[] ys) {
        String context = y.contextNote(levers).isEmpty() ? x.contextNote(levers) : y.contextNote(levers);
        return new Grid(x, xs.clone(), y, ys.clone(), grid(model, levers, MarginMeasure.AI_LAYER_STRESSED, x, xs, y,
                ys), context);
    }

    private static double clamp(LeverAxis a, double v) {
        return Math.max(a.min(), Math.min(a.max(), v));
    }
}
