package com.marginworkbench.ui.charts;

import com.marginworkbench.report.Painter;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/** A JavaFX canvas as a {@link Painter}, so the window draws the same decision charts as the board pack. */
final class CanvasPainter implements Painter {
    private final GraphicsContext g;
    private final Text measure = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final boolean dark;

    /** Draws in the charts' own units (PDF points); the caller scales the context to the window. */
    CanvasPainter(GraphicsContext g, boolean dark) {
        this.g = g;
        this.dark = dark;
    }

    private Color colour(int rgb) {
        if (dark && (rgb == 0x222222 || rgb == 0x6B6B6B)) {
            rgb = rgb == 0x222222 ? 0xE8E8E8 : 0xB0B0B0;
        }
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private Font font(double size, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    @Override
    public void fill(double x, double y, double w, double h, int rgb) {
        g.setFill(colour(rgb));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed) {
        g.setStroke(colour(rgb));
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {3, 2} : null);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes(null);
    }

    @Override
    public void text(double x, double y, double size, boolean bold, int rgb, String s) {
        g.setFont(font(size, bold));
        g.setFill(colour(rgb));
        g.fillText(s, x, y);
    }

    /**
     * The sum of the characters' widths, each measured once per font: figures change on every slider
     * tick, and laying out a text node per new string would cost more than drawing the chart.
     */
    @Override
    public double textWidth(double size, boolean bold, String s) {
        double w = 0;
        String prefix = size + (bold ? "b" : "r");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += widths.computeIfAbsent(prefix + c, k -> {
                measure.setFont(font(size, bold));
                measure.setText(String.valueOf(c));
                return measure.getLayoutBounds().getWidth();
            });
        }
        return w;
    }
}
