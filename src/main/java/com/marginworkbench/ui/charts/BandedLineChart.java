package com.marginworkbench.ui.charts;

import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** A line chart with horizontal benchmark bands behind the series, each labelled with its source. */
final class BandedLineChart extends LineChart<String, Number> {
    private static final double HALF_BAND = 1.5;

    private final List<Rectangle> bands = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Text> labels = new ArrayList<>();

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
            t.setX(w - t.getLayoutBounds().getWidth() - 6);
            t.setY(mid - 3);
            r.setVisible(inRange);
            l.setVisible(inRange);
            t.setVisible(inRange);
        }
    }
}
