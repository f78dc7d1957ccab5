package com.marginworkbench.ui.charts;

import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.BridgeItem;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * The three charts: margin per period (moves with the levers), the bridge from reported to
 * restated margin, and cost by treatment. Data points are created once per classification and
 * then updated in place, so a slider tick changes numbers, not nodes.
 */
public final class ChartsView extends TabPane {
    private static final int BRIDGE_LINES = 10;

    private final WorkbenchViewModel vm;
    private final CategoryAxis gmX = new CategoryAxis();
    private final NumberAxis gmY = new NumberAxis(0, 100, 10);
    private final BandedLineChart gmChart = new BandedLineChart(gmX, gmY);
    private final List<Function<Figures, OptionalDouble>> gmMeasures = List.of(
            Figures::reportedBlended, Figures::restatedBlended, Figures::aiLayer,
            Figures::restatedBlendedStressed, Figures::aiLayerStressed);
    private final List<XYChart.Series<String, Number>> gmSeries = new ArrayList<>();

    private final CategoryAxis bridgeX = new CategoryAxis();
    private final NumberAxis bridgeY = new NumberAxis();
    private final StackedBarChart<String, Number> bridgeChart = new StackedBarChart<>(bridgeX, bridgeY);

    private final DecisionsView decisions;

    private final CategoryAxis costX = new CategoryAxis();
    private final NumberAxis costY = new NumberAxis();
    private final StackedBarChart<String, Number> costChart = new StackedBarChart<>(costX, costY);

    public ChartsView(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("charts");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setupGmChart();
        setupBridge();
        setupCost();
        getTabs().addAll(
                tab("Gross margin by period", gmChart, "gross-margin-by-period"),
                tab("Margin bridge", bridgeChart, "margin-bridge"),
                tab("Cost by treatment", costChart, "cost-by-treatment"));
        decisions = new DecisionsView(vm);
        getTabs().addAll(decisions.tabs());
        vm.structureVersionProperty().addListener((obs, o, n) -> rebuild());
        vm.resultProperty().addListener((obs, o, n) -> updateMargins(n));
        if (vm.result() != null) {
            rebuild();
        }
    }

    /** The Sensitivity and Stress walk tabs. */
    public DecisionsView decisions() {
        return decisions;
    }

    public XYChart<String, Number> gmChart() {
        return gmChart;
    }

    public XYChart<String, Number> bridgeChart() {
        return bridgeChart;
    }

    public XYChart<String, Number> costChart() {
        return costChart;
    }

    /** The stressed AI-layer margin the chart currently plots for a period (percent), for checks. */
    public double plottedStressedAiLayer(int period) {
        return gmSeries.get(4).getData().get(period).getYValue().doubleValue();
    }

    private Tab tab(String title, XYChart<String, Number> chart, String fileStem) {
        Button save = new Button("Save as PNG…");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save chart as PNG");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            fc.setInitialFileName(fileStem + ".png");
            if (vm.fileProperty().get() != null) {
                fc.setInitialDirectory(vm.fileProperty().get().toAbsolutePath().getParent().toFile());
            }
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                try {
                    savePng(chart, f.toPath());
                    vm.setStatus("Chart saved to " + f);
                } catch (IOException ex) {
                    vm.setStatus("Could not save the chart to " + f + ": " + ex.getMessage());
                }
            }
        });
        Label caption = new Label(caption(fileStem));
        caption.getStyleClass().add("muted");
        caption.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, gap, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("chart-toolbar");
        BorderPane pane = new BorderPane(chart);
        pane.setTop(bar);
        Tab t = new Tab(title, pane);
        t.setId("tab-" + fileStem);
        return t;
    }

    private static String caption(String stem) {
        return switch (stem) {
            case "gross-margin-by-period" -> "Bands: published reference margins, for orientation only.";
            case "margin-bridge" -> "From reported to restated blended GM, by line that changes place.";
            default -> "Restated cost per period, by treatment (before stress).";
        };
    }

    /** Writes a snapshot of a chart (or any node) as a PNG file. */
    public static void savePng(Node node, Path file) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage img = node.snapshot(params, null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }

    private static void quiet(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
    }

    private void setupGmChart() {
        quiet(gmChart);
        gmChart.setCreateSymbols(false);
        gmChart.setTitle(null);
        gmY.setAutoRanging(false);
        gmY.setLabel("Gross margin (%)");
        gmX.setAutoRanging(false);
        String[] names = {"Reported blended", "Restated blended", "AI layer", "Stressed blended", "Stressed AI layer"};
        for (String n : names) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(n);
            gmSeries.add(s);
        }
        gmChart.getData().addAll(gmSeries);
        gmChart.setMinHeight(180);
    }

    private void setupBridge() {
        quiet(bridgeChart);
        bridgeChart.setLegendVisible(false);
        bridgeY.setLabel("Blended GM (%)");
        bridgeY.setAutoRanging(true);
        bridgeX.setAutoRanging(true);
        bridgeChart.setCategoryGap(6);
        bridgeChart.setMinHeight(180);
        bridgeChart.getStyleClass().add("bridge-chart");
    }

    private void setupCost() {
        quiet(costChart);
        costY.setLabel("Cost");
        costChart.setMinHeight(180);
        for (Treatment t : Treatment.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(t.label());
            costChart.getData().add(s);
        }
    }

    /** New classification: rebuild categories and the data that does not move with the levers. */
    private void rebuild() {
        MarginResult r = vm.result();
        if (r == null) {
            return;
        }
        List<String> labels = r.periodLabels();
        if (!gmX.getCategories().equals(labels)) {
            gmX.getCategories().setAll(labels);
            for (XYChart.Series<String, Number> s : gmSeries) {
                ObservableList<XYChart.Data<String, Number>> data = FXCollections.observableArrayList();
                for (String l : labels) {
                    data.add(new XYChart.Data<>(l, 0.0));
                }
                s.setData(data);
            }
            costX.getCategories().setAll(labels);
        }
        double lowest = 0;
        for (Figures f : r.periods()) {
            for (Function<Figures, OptionalDouble> m : gmMeasures) {
                OptionalDouble v = m.apply(f);
                if (v.isPresent()) {
                    lowest = Math.min(lowest, v.getAsDouble() * 100);
                }
            }
        }
        gmY.setLowerBound(lowest >= 0 ? 0 : Math.floor((lowest - 5) / 20) * 20);
        updateMargins(r);
        rebuildBridge(r);
        rebuildCost(r);
    }

    /** Per tick: margins only, in place; the axis only widens when a value would fall off it. */
    private void updateMargins(MarginResult r) {
        if (r == null || gmSeries.get(0).getData().size() != r.periodCount()) {
            return;
        }
        double lowest = gmY.getLowerBound();
        for (int k = 0; k < gmMeasures.size(); k++) {
            ObservableList<XYChart.Data<String, Number>> data = gmSeries.get(k).getData();
            Function<Figures, OptionalDouble> m = gmMeasures.get(k);
            for (int i = 0; i < r.periodCount(); i++) {
                OptionalDouble v = m.apply(r.period(i));
                double y = v.isPresent() ? v.getAsDouble() * 100 : Double.NaN;
                XYChart.Data<String, Number> d = data.get(i);
                Number old = d.getYValue();
                if (old == null || Double.compare(old.doubleValue(), y) != 0) {
                    d.setYValue(y);
                }
                if (y < lowest) {
                    lowest = y;
                }
            }
        }
        if (lowest < gmY.getLowerBound()) {
            gmY.setLowerBound(Math.floor((lowest - 5) / 20) * 20);
        }
    }

    private void rebuildBridge(MarginResult r) {
        OptionalDouble rep = r.total().reportedBlended();
        OptionalDouble res = r.total().restatedBlended();
        XYChart.Series<String, Number> base = new XYChart.Series<>();
        XYChart.Series<String, Number> down = new XYChart.Series<>();
        XYChart.Series<String, Number> up = new XYChart.Series<>();
        XYChart.Series<String, Number> total = new XYChart.Series<>();
        base.setName("base");
        down.setName("Into COGS");
        up.setName("Out of COGS");
        total.setName("Margin");
        if (rep.isEmpty() || res.isEmpty()) {
            bridgeChart.getData().setAll(List.of(base, down, up, total));
            return;
        }
        List<BridgeItem> items = new ArrayList<>(r.bridge());
        items.sort(Comparator.comparingDouble((BridgeItem b) -> -Math.abs(b.gmImpact())));
        List<String> cats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double level = rep.getAsDouble() * 100;
        String first = "Reported";
        cats.add(first);
        seen.add(first);
        addBar(total, base, down, up, first, 0, level, true);
        double rest = 0;
        int restCount = 0;
        for (int i = 0; i < items.size(); i++) {
            BridgeItem b = items.get(i);
            if (i >= BRIDGE_LINES) {
                rest += b.gmImpact() * 100;
                restCount++;
                continue;
            }
            String name = shorten(b.label());
            while (!seen.add(name)) {
                name = name + " ";
            }
            cats.add(name);
            double next = level + b.gmImpact() * 100;
            addBar(total, base, down, up, name, level, next, false);
            level = next;
        }
        if (restCount > 0) {
            String name = restCount + " more lines";
            cats.add(name);
            double next = level + rest;
            addBar(total, base, down, up, name, level, next, false);
            level = next;
        }
        cats.add("Restated");
        addBar(total, base, down, up, "Restated", 0, res.getAsDouble() * 100, true);
        bridgeX.getCategories().setAll(cats);
        bridgeChart.getData().setAll(List.of(base, down, up, total));
        for (XYChart.Data<String, Number> d : base.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
    }

    private static void addBar(XYChart.Series<String, Number> total, XYChart.Series<String, Number> base,
                               XYChart.Series<String, Number> down, XYChart.Series<String, Number> up,
                               String cat, double from, double to, boolean isTotal) {
        if (isTotal) {
            base.getData().add(new XYChart.Data<>(cat, 0));
            down.getData().add(new XYChart.Data<>(cat, 0));
            up.getData().add(new XYChart.Data<>(cat, 0));
            total.getData().add(new XYChart.Data<>(cat, to));
            return;
        }
        base.getData().add(new XYChart.Data<>(cat, Math.min(from, to)));
        down.getData().add(new XYChart.Data<>(cat, to < from ? from - to : 0));
        up.getData().add(new XYChart.Data<>(cat, to > from ? to - from : 0));
        total.getData().add(new XYChart.Data<>(cat, 0));
    }

    private static String shorten(String s) {
        return s.length() <= 26 ? s : s.substring(0, 25) + "…";
    }

    private void rebuildCost(MarginResult r) {
        Treatment[] ts = Treatment.values();
        for (int k = 0; k < ts.length; k++) {
            XYChart.Series<String, Number> s = costChart.getData().get(k);
            if (s.getData().size() != r.periodCount()) {
                ObservableList<XYChart.Data<String, Number>> data = FXCollections.observableArrayList();
                for (int i = 0; i < r.periodCount(); i++) {
                    data.add(new XYChart.Data<>(r.periodLabels().get(i), r.costByTreatment(ts[k], i)));
                }
                s.setData(data);
            } else {
                for (int i = 0; i < r.periodCount(); i++) {
                    s.getData().get(i).setYValue(r.costByTreatment(ts[k], i));
                }
            }
        }
    }
}
