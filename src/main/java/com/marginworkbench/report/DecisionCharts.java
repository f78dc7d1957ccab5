package com.marginworkbench.report;

import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.LeverAxis;

import java.util.List;
import java.util.Locale;

/**
 * The decision charts laid out on any {@link Painter}: waterfalls (the stress walk, the margin
 * bridge), the tornado and the two-way heat map. Margins are fractions; NaN means "no margin".
 */
public final class DecisionCharts {
    public static final int INK = 0x222222;
    public static final int MUTED = 0x6B6B6B;
    public static final int RULE = 0xD0D0D0;
    public static final int NAVY = 0x1F3864;
    public static final int BLUE = 0x4472C4;
    public static final int LIGHT_BLUE = 0x9DB9E3;
    public static final int RED = 0xC00000;
    public static final int GREEN = 0x37863C;
    public static final int GREY = 0x808080;

    /**
     * Heat-map colours by the benchmark bands: below 0, below 25% (Bessemer Supernovas), below 52%
     * (ICONIQ AI-native), below 60% (Bessemer Shooting Stars), below 80% (classic SaaS), and above.
     */
    public static final double[] THRESHOLDS = {0, 0.25, 0.52, 0.60, 0.80};
    public static final int[] BAND_COLOURS = {0xB71C1C, 0xEF9A9A, 0xFFCC80, 0xFFF59D, 0xC5E1A5, 0x81C784};
    public static final String[] BAND_NAMES = {"below 0%", "0–25%", "25–52%", "52–60%", "60–80%", "80% and up"};

    private DecisionCharts() {
    }

    /** Maps a value range onto a span. */
    private record Scale(double lo, double hi, double from, double to) {
        double at(double v) {
            return from + (to - from) * (v - lo) / (hi - lo);
        }
    }

    public static String pct(double f) {
        return Double.isFinite(f) ? String.format(Locale.ROOT, "%.1f%%", f * 100) : "n/a";
    }

    public static String points(double f) {
        return Double.isFinite(f) ? String.format(Locale.ROOT, "%+.1f pts", f * 100) : "n/a";
    }

    /** The band colour of a margin (grey where there is none). */
    public static int colour(double margin) {
        if (!Double.isFinite(margin)) {
            return 0xE0E0E0;
        }
        int k = 0;
        while (k < THRESHOLDS.length && margin >= THRESHOLDS[k]) {
            k++;
        }
        return BAND_COLOURS[k];
    }

    /**
     * A waterfall: the start as a bar from 0, each step floating from the running total (green up,
     * red down), the end as a bar; the value on every bar and its name under it.
     */
    public static void waterfall(Painter p, double x, double top, double w, double h, String startLabel,
                                 double start, List<String> labels, List<Double> deltas, String endLabel, double end) {
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            p.text(x, top + 12, 9, false, MUTED, "Not available: no revenue to divide by.");
            return;
        }
        int bars = labels.size() + 2;
        double lo = Math.min(0, Math.min(start, end));
        double hi = Math.max(0, Math.max(start, end));
        double run = start;
        for (double d : deltas) {
            run += d;
            lo = Math.min(lo, run);
            hi = Math.max(hi, run);
        }
        double pad = (hi - lo) * 0.12 + 1e-9;
        double plotH = h - 30;
        Scale sy = new Scale(lo - (lo < 0 ? pad : 0), hi + pad, top + plotH, top + 4);
        double slot = w / bars;
        double bw = Math.min(54, slot * 0.6);
        p.line(x, sy.at(0), x + w, sy.at(0), MUTED, 0.5, false);
        run = start;
        double prevTop = sy.at(start);
        for (int i = 0; i < bars; i++) {
            double cx = x + slot * i + slot / 2;
            boolean total = i == 0 || i == bars - 1;
            double from;
            double to;
            int colour;
            String value;
            String name;
            if (total) {
                from = 0;
                to = i == 0 ? start : end;
                colour = NAVY;
                value = pct(to);
                name = i == 0 ? startLabel : endLabel;
            } else {
                double d = deltas.get(i - 1);
                from = run;
                to = run + d;
                run = to;
                colour = d >= 0 ? GREEN : RED;
                value = points(d);
                name = labels.get(i - 1);
            }
            double y1 = sy.at(Math.max(from, to));
            double y2 = sy.at(Math.min(from, to));
            p.fill(cx - bw / 2, y1, bw, Math.max(0.8, y2 - y1), colour);
            if (i > 0) {
                p.line(cx - slot + bw / 2, prevTop, cx - bw / 2, prevTop, GREY, 0.4, true);
            }
            prevTop = sy.at(to);
            boolean below = total ? to < 0 : to < from;
            p.textCenter(cx, below ? y2 + 9 : y1 - 3, 7.5, true, INK, value);
            List<String> lines = wrap(p, 7, name, slot - 4);
            for (int k = 0; k < Math.min(2, lines.size()); k++) {
                String line = k == 1 && lines.size() > 2
                        ? p.fit(7, false, lines.get(1) + " " + lines.get(2), slot - 4) : lines.get(k);
                p.textCenter(cx, top + plotH + 10 + k * 8.5, 7, false, MUTED, line);
            }
        }
    }

    /**
     * One row per lever: its range, a bar from the base to the margin at low (light) and at high
     * (dark). Returns the height used.
     */
    public static double tornado(Painter p, double x, double top, double w, List<Decisions.TornadoBar> bars) {
        if (bars.isEmpty() || !Double.isFinite(bars.get(0).base())) {
            p.text(x, top + 12, 9, false, MUTED, "Not available: the AI layer has no revenue.");
            return 20;
        }
        double base = bars.get(0).base();
        double lo = base;
        double hi = base;
        for (Decisions.TornadoBar b : bars) {
            for (double v : new double[] {b.marginAtLow(), b.marginAtHigh()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double labelW = Math.min(190, w * 0.38);
        double plotX = x + labelW;
        double plotW = w - labelW - 40;
        double pad = (hi - lo) * 0.05 + 1e-6;
        Scale sx = new Scale(lo - pad, hi + pad, plotX + 30, plotX + plotW);
        double row = 17;
        double h = row * bars.size();
        double bx = sx.at(base);
        for (int i = 0; i < bars.size(); i++) {
            Decisions.TornadoBar b = bars.get(i);
            double ry = top + i * row;
            LeverAxis a = b.lever();
            String name = a.label() + " " + a.format(b.low()) + " to " + a.format(b.high());
            p.text(x, ry + 11, 7.5, false, INK, p.fit(7.5, false, name, labelW - 6));
            if (!b.context().isEmpty()) {
                p.text(x, ry + 16.5, 5.5, false, MUTED, p.fit(5.5, false, b.context(), labelW - 6));
            }
            end(p, bx, ry, row, sx, b.marginAtLow(), LIGHT_BLUE);
            end(p, bx, ry, row, sx, b.marginAtHigh(), BLUE);
        }
        p.line(bx, top - 2, bx, top + h, INK, 0.7, false);
        p.textCenter(bx, top + h + 9, 7, false, MUTED, "now " + pct(base));
        p.fill(plotX, top + h + 14, 8, 6, LIGHT_BLUE);
        p.text(plotX + 11, top + h + 19.5, 7, false, MUTED, "lever at its low value");
        p.fill(plotX + 110, top + h + 14, 8, 6, BLUE);
        p.text(plotX + 121, top + h + 19.5, 7, false, MUTED, "at its high value");
        return h + 26;
    }

    private static void end(Painter p, double bx, double ry, double row, Scale sx, double m, int colour) {
        if (!Double.isFinite(m)) {
            return;
        }
        double mx = sx.at(m);
        if (Math.abs(mx - bx) < 0.5) {
            return;
        }
        p.fill(Math.min(bx, mx), ry + 3, Math.abs(mx - bx), row - 6, colour);
        if (mx >= bx) {
            p.text(mx + 3, ry + 11, 6.5, false, INK, pct(m));
        } else {
            p.textRight(mx - 3, ry + 11, 6.5, false, INK, pct(m));
        }
    }

    /**
     * The two-way table: {@code cells[i][j]} at {@code ys[i]} (rows, top to bottom) and {@code xs[j]}
     * (columns), each cell coloured by its benchmark band and labelled; the current levers' cell
     * outlined. Returns the height used.
     */
    public static double heatMap(Painter p, double x, double top, double w, LeverAxis xAxis, double[] xs,
                                 LeverAxis yAxis, double[] ys, double[][] cells, double currentX, double currentY) {
        double labelW = 52;
        double cw = (w - labelW) / xs.length;
        double ch = 16;
        p.text(x, top + 8, 7, true, MUTED, "Rows: " + yAxis.label() + ". Columns: " + xAxis.label()
                + ". Outlined: the current levers.");
        double gridTop = top + 22;
        for (int j = 0; j < xs.length; j++) {
            p.textCenter(x + labelW + cw * j + cw / 2, gridTop - 3, 6.5, false, MUTED, xAxis.format(xs[j]));
        }
        int ci = nearest(ys, currentY);
        int cj = nearest(xs, currentX);
        for (int i = 0; i < ys.length; i++) {
            double ry = gridTop + i * ch;
            p.textRight(x + labelW - 4, ry + 11, 6.5, false, MUTED, yAxis.format(ys[i]));
            for (int j = 0; j < xs.length; j++) {
                double cx = x + labelW + cw * j;
                double m = cells[i][j];
                int colour = colour(m);
                p.fill(cx + 0.5, ry + 0.5, cw - 1, ch - 1, colour);
                String label = Double.isFinite(m) ? String.format(Locale.ROOT, "%.0f%%", m * 100) : "n/a";
                p.textCenter(cx + cw / 2, ry + 11, 6.5, false, colour == BAND_COLOURS[0] ? 0xFFFFFF : INK, label);
            }
        }
        if (ci >= 0 && cj >= 0) {
            double cx = x + labelW + cw * cj;
            double ry = gridTop + ci * ch;
            p.line(cx, ry, cx + cw, ry, INK, 1.4, false);
            p.line(cx, ry + ch, cx + cw, ry + ch, INK, 1.4, false);
            p.line(cx, ry, cx, ry + ch, INK, 1.4, false);
            p.line(cx + cw, ry, cx + cw, ry + ch, INK, 1.4, false);
        }
        double below = gridTop + ys.length * ch + 4;
        double lx = x + labelW;
        for (int k = 0; k < BAND_COLOURS.length; k++) {
            p.fill(lx, below + 2, 9, 7, BAND_COLOURS[k]);
            p.text(lx + 12, below + 8.5, 6.5, false, MUTED, BAND_NAMES[k]);
            lx += 18 + p.textWidth(6.5, false, BAND_NAMES[k]) + 6;
        }
        return below + 14 - top;
    }

    /** Index of the value closest to {@code v}, or -1 when {@code v} lies outside the grid's span. */
    private static int nearest(double[] values, double v) {
        if (values.length == 0 || v < Math.min(values[0], values[values.length - 1]) - 1e-12
                || v > Math.max(values[0], values[values.length - 1]) + 1e-12) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - v) < Math.abs(values[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    /** Words in lines no wider than {@code max}; a word longer than a line is cut. */
    public static List<String> wrap(Painter p, double size, String s, double max) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (s == null ? "" : s).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String next = line.length() == 0 ? word : line + " " + word;
            if (p.textWidth(size, false, next) <= max) {
                line.setLength(0);
                line.append(next);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String w = word;
            while (p.textWidth(size, false, w) > max && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && p.textWidth(size, false, w.substring(0, cut)) > max) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
