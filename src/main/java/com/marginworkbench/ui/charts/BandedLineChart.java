package com.marginworkbench.ui.charts;

import com.marginworkbench.ui.util.Benchmarks;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart with horizontal benchmark bands behind the series, each labelled with its source,
 * and the value of each visible series written just right of its last point: at the height of that
 * point, nudged apart when two values are close, in a margin the chart keeps free right of the plot.
 * The labels are placed on every layout of the plot, from the axes as they are then, so they follow
 * a resize and new data.
 */
final class BandedLineChart extends LineChart<String, Number> {
    private static final double HALF_BAND = 1.5;
    /** Space between a line's last point and its label, and after the label. */
    private static final double GAP = 6;

    private final List<Rectangle> bands = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Text> labels = new ArrayList<>();
    private final List<Text> endLabels = new ArrayList<>();
    /** Measures the widest text an end label can take, off the scene. */
    private final Text measure = new Text();
    private final Region content;

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
        // The end labels live beside the plot, in the chart content's right padding.
        content = (Region) getChartChildren().get(0).getParent();
    }

    /** Sets the text written at the end of series {@code i} (created on first use, styled {@code end-label-i}). */
    void setEndLabel(int i, String text) {
        while (endLabels.size() <= i) {
            Text t = new Text();
            t.getStyleClass().addAll("end-label", "end-label-" + endLabels.size());
            t.setManaged(false);
            t.setTextOrigin(VPos.TOP);
            t.setVisible(false);
            endLabels.add(t);
            getChartChildren().add(t);
        }
        Text t = endLabels.get(i);
        if (!text.equals(t.getText())) {
            t.setText(text);
            requestChartLayout();
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
        layoutEndLabels();
        fitAxisLabel();
    }

    private String axisLabel = "";
    private String shortAxisLabel = "";

    /** The margin axis' title, and a shorter one written when the axis is too short for the first. */
    void setAxisLabels(String full, String compact) {
        axisLabel = full;
        shortAxisLabel = compact;
        getYAxis().setLabel(full);
    }

    /** The axis' title that fits its height: the full one, else the short one. */
    private void fitAxisLabel() {
        Axis<Number> y = getYAxis();
        if (axisLabel.isEmpty() || !(y.lookup(".axis-label") instanceof javafx.scene.control.Label shown)) {
            return;
        }
        measure.setFont(shown.getFont());
        measure.setText(axisLabel);
        String wanted = measure.getLayoutBounds().getWidth() + 2 * GAP <= y.getHeight() ? axisLabel : shortAxisLabel;
        if (!wanted.equals(y.getLabel())) {
            y.setLabel(wanted);
        }
    }

    /** Room kept right of the plot: the widest label any series can show, with its value at −100.0%. */
    private double reserve() {
        double widest = 0;
        for (Text t : endLabels) {
            String text = t.getText();
            if (text == null || text.isEmpty()) {
                continue;
            }
            int cut = text.lastIndexOf(' ');
            measure.setFont(t.getFont());
            measure.setText((cut < 0 ? "" : text.substring(0, cut + 1)) + "\u2212100.0%");
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest == 0 ? 0 : Math.ceil(widest + 2 * GAP);
    }

    /**
     * Each shown label just right of its series' last point, its centre at the point's height;
     * labels closer than a line apart are spread around where they want to be, their centres inside
     * the plot's height. Positions are in the chart content's coordinates, read from the axes as laid out now.
     */
    private void layoutEndLabels() {
        double reserve = reserve();
        Insets pad = content.getPadding();
        if (Math.abs(pad.getRight() - reserve) > 0.5) {
            content.setPadding(new Insets(pad.getTop(), reserve, pad.getBottom(), pad.getLeft()));
        }
        Axis<String> x = getXAxis();
        Axis<Number> y = getYAxis();
        List<Text> shown = new ArrayList<>();
        List<Double> wanted = new ArrayList<>();
        for (int i = 0; i < endLabels.size(); i++) {
            Text t = endLabels.get(i);
            Series<String, Number> s = i < getData().size() ? getData().get(i) : null;
            Data<String, Number> last = s == null || s.getData().isEmpty() ? null : s.getData().get(s.getData().size() - 1);
            boolean visible = last != null && last.getYValue() != null && s.getNode() != null && s.getNode().isVisible()
                    && !t.getText().isEmpty();
            double px = visible ? x.getLayoutX() + x.getDisplayPosition(last.getXValue()) : Double.NaN;
            double py = visible ? y.getLayoutY() + y.getDisplayPosition(last.getYValue()) : Double.NaN;
            // A node placed at NaN makes every ancestor's bounds NaN, and JavaFX then draws none of them.
            visible = visible && Double.isFinite(px) && Double.isFinite(py);
            t.setVisible(visible);
            if (visible) {
                t.setX(px + GAP);
                shown.add(t);
                wanted.add(py);
            }
        }
        double lineHeight = shown.isEmpty() ? 0 : shown.get(0).getLayoutBounds().getHeight();
        // A label's centre may go as far as the plot's top or bottom edge, so a value on the axis'
        // bound still has its label level with it.
        double[] centres = spread(wanted, lineHeight, y.getLayoutY(), y.getLayoutY() + y.getHeight());
        for (int k = 0; k < shown.size(); k++) {
            shown.get(k).setY(centres[k] - lineHeight / 2);
        }
    }

    /**
     * Centres for labels {@code height} tall that want to sit at {@code wanted}: each where it wants
     * unless that overlaps a neighbour; overlapping labels form a group stacked around the mean of
     * what its members want; the whole set kept between {@code top} and {@code bottom}.
     */
    static double[] spread(List<Double> wanted, double height, double top, double bottom) {
        int n = wanted.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(wanted::get));
        // groups of consecutive labels (in order of height): first index, size, sum of wanted centres
        List<double[]> groups = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            groups.add(new double[] {k, 1, wanted.get(order[k])});
            while (groups.size() > 1) {
                double[] b = groups.get(groups.size() - 1);
                double[] a = groups.get(groups.size() - 2);
                if (groupTop(a, height) + a[1] * height <= groupTop(b, height)) {
                    break;
                }
                a[1] += b[1];
                a[2] += b[2];
                groups.remove(groups.size() - 1);
            }
        }
        double[] sorted = new double[n];
        for (double[] g : groups) {
            double first = groupTop(g, height) + height / 2;
            for (int j = 0; j < (int) g[1]; j++) {
                sorted[(int) g[0] + j] = first + j * height;
            }
        }
        if (n > 0 && bottom >= top) {
            // Kept inside the plot's height: pushed down from the top, then up from the bottom.
            for (int k = 0; k < n; k++) {
                sorted[k] = Math.max(sorted[k], k == 0 ? top : sorted[k - 1] + height);
            }
            for (int k = n - 1; k >= 0; k--) {
                sorted[k] = Math.min(sorted[k], k == n - 1 ? bottom : sorted[k + 1] - height);
            }
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[order[k]] = sorted[k];
        }
        return out;
    }

    /** The top of a group's stack: centred on the mean of what its members want. */
    private static double groupTop(double[] g, double height) {
        return g[2] / g[1] - g[1] * height / 2;
    }
}
