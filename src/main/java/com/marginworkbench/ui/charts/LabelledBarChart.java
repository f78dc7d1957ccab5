package com.marginworkbench.ui.charts;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.text.Text;

import java.util.LinkedHashMap;
import java.util.Map;

/** A stacked bar chart that writes a value above each category's visible bars. */
final class LabelledBarChart extends StackedBarChart<String, Number> {
    private final Map<String, Text> labels = new LinkedHashMap<>();

    LabelledBarChart(Axis<String> x, NumberAxis y) {
        super(x, y);
    }

    /** Replaces the value labels: one text per category. */
    void setBarLabels(Map<String, String> byCategory) {
        getPlotChildren().removeAll(labels.values());
        labels.clear();
        for (var e : byCategory.entrySet()) {
            Text t = new Text(e.getValue());
            t.getStyleClass().add("bar-label");
            t.setManaged(false);
            labels.put(e.getKey(), t);
        }
        getPlotChildren().addAll(labels.values());
        requestChartLayout();
    }

    /** The label written over a category, or "" when there is none. */
    String barLabel(String category) {
        Text t = labels.get(category);
        return t == null ? "" : t.getText();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        for (var e : labels.entrySet()) {
            double top = Double.POSITIVE_INFINITY;
            double left = 0;
            double width = 0;
            for (Series<String, Number> s : getData()) {
                for (Data<String, Number> d : s.getData()) {
                    Node n = d.getNode();
                    if (!e.getKey().equals(d.getXValue()) || n == null || !n.isVisible()
                            || d.getYValue() == null || d.getYValue().doubleValue() == 0) {
                        continue;
                    }
                    Bounds b = n.getBoundsInParent();
                    if (b.getMinY() < top) {
                        top = b.getMinY();
                        left = b.getMinX();
                        width = b.getWidth();
                    }
                }
            }
            Text t = e.getValue();
            t.setVisible(Double.isFinite(top));
            if (Double.isFinite(top)) {
                double tw = t.getLayoutBounds().getWidth();
                t.setX(left + (width - tw) / 2);
                t.setY(Math.max(t.getLayoutBounds().getHeight(), top - 4));
            }
        }
    }
}
