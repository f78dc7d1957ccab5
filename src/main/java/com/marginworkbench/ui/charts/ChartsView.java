package com.marginworkbench.ui.charts;

import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.BridgeItem;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.ui.workbench.Format;
import com.marginworkbench.ui.workbench.ChartsViewModel;
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
import javafx.scene.layout.StackPane;
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

    private final ChartsViewModel vm;
    private final CategoryAxis gmX = new CategoryAxis();
    private final NumberAxis gmY = new NumberAxis(0, 100, 10);
    private final BandedLineChart gmChart = new BandedLineChart(gmX, gmY);
    private final List<Function<Figures, OptionalDouble>> gmMeasures = List.of(
            Figures::reportedBlended, Figures::restatedBlended, Figures::aiLayer,
            Figures::restatedBlendedStressed, Figures::aiLayerStressed);
    private final List<XYChart.Series<String, Number>> gmSeries = new ArrayList<>();

    private final CategoryAxis bridgeX = new CategoryAxis();
    private final NumberAxis bridgeY = new NumberAxis();
    private final LabelledBarChart bridgeChart = new LabelledBarChart(bridgeX, bridgeY);

    private final DecisionsView decisions;

    private final CategoryAxis costX = new CategoryAxis();
    private final NumberAxis costY = new NumberAxis();
    private final StackedBarChart<String, Number> costChart = new StackedBarChart<>(costX, costY);

    public ChartsView(ChartsViewModel vm) {
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
        vm.documentVersionProperty().addListener((obs, o, n) -> rebuild());
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
        return plotted(4, period);
    }

    /** The value series {@code k} plots for a period (percent), NaN when it plots none there. */
    double plotted(int k, int period) {
        String label = vm.result().periodLabels().get(period);
        for (XYChart.Data<String, Number> d : gmSeries.get(k).getData()) {
            if (d.getXValue().equals(label)) {
                return d.getYValue().doubleValue();
            }
        }
        return Double.NaN;
    }

    /** The margin chart's series, in the order: reported blended, restated blended, AI layer, stressed blended, stressed AI layer. */
    public List<XYChart.Series<String, Number>> gmSeries() {
        return List.copyOf(gmSeries);
    }

    /** The text at the end of a margin series (what a reader sees beside the line), "" when none. */
    public String endLabel(int series) {
        return gmChart.endLabel(series);
    }

    /** The margin axis' lower bound (percent). */
    public double gmAxisLowerBound() {
        return gmY.getLowerBound();
    }

    /** The value written above a bridge bar. */
    public String bridgeLabel(String category) {
        return bridgeChart.barLabel(category);
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
                    savePng(chart, title, exportCaption(), f.toPath());
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
        if (chart != costChart) {
            // Margins the headline withholds are not drawn either: a note takes the chart's place.
            Label note = new Label("Margins withheld: the figures of this reading cannot be shown as they are "
                    + "(see the banner above). Open the mapping to correct the reading.");
            note.getStyleClass().addAll("muted", "chart-withheld");
            note.setWrapText(true);
            note.setId(fileStem + "-withheld");
            javafx.beans.binding.BooleanBinding withheld = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> !vm.plausibilityProperty().get().isEmpty(), vm.plausibilityProperty());
            note.visibleProperty().bind(withheld);
            note.managedProperty().bind(withheld);
            chart.visibleProperty().bind(withheld.not());
            save.disableProperty().bind(withheld);
            javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(chart, note);
            StackPane.setAlignment(note, Pos.TOP_LEFT);
            stack.setMinSize(0, 0);
            pane.setCenter(stack);
        }
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

    /** Company, scenario and lever values, as written under the title of a saved chart. */
    public List<String> exportCaption() {
        return vm.exportCaption();
    }

    /** Writes a snapshot of a chart (or any node) as a PNG file at twice its size on screen. */
    public static void savePng(Node node, Path file) throws IOException {
        write(snapshot2x(node), file);
    }

    /**
     * Writes a chart as a PNG at twice its size on screen, with a title and caption lines above it
     * (company, scenario, levers), ready for a board deck.
     */
    public static void savePng(Node chart, String title, List<String> caption, Path file) throws IOException {
        WritableImage img = snapshot2x(chart);
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(img);
        view.setFitWidth(img.getWidth() / 2);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        Label head = new Label(title);
        head.getStyleClass().add("export-title");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, head);
        for (String line : caption) {
            Label l = new Label(line);
            l.getStyleClass().add("export-caption");
            box.getChildren().add(l);
        }
        box.getChildren().add(view);
        box.getStyleClass().add("chart-export");
        box.setPadding(new javafx.geometry.Insets(14, 14, 10, 14));
        javafx.scene.Scene scene = new javafx.scene.Scene(box);
        if (chart.getScene() != null) {
            scene.getStylesheets().setAll(chart.getScene().getStylesheets());
            javafx.scene.Parent root = chart.getScene().getRoot();
            box.getStyleClass().addAll(root.getStyleClass().filtered(c -> c.startsWith("theme-")));
        }
        box.applyCss();
        box.layout();
        write(snapshot2x(box), file);
    }

    private static WritableImage snapshot2x(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(javafx.scene.transform.Transform.scale(2, 2));
        return node.snapshot(params, null);
    }

    private static void write(WritableImage img, Path file) throws IOException {
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void quiet(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
    }

    private static final String[] GM_NAMES = {"Reported blended", "Restated blended", "AI layer", "Stressed blended",
            "Stressed AI layer"};
    private static final String[] GM_SHORT = {"Reported", "Blended", "AI layer", "Stressed", "Stressed AI"};

    private void setupGmChart() {
        quiet(gmChart);
        gmChart.setCreateSymbols(false);
        gmChart.setTitle(null);
        gmChart.getStyleClass().add("gm-chart");
        gmY.setAutoRanging(false);
        gmChart.setAxisLabels("Gross margin (%)", "GM (%)");
        gmX.setAutoRanging(false);
        for (String n : GM_NAMES) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(n);
            gmSeries.add(s);
        }
        gmChart.getData().addAll(gmSeries);
        gmChart.setMinHeight(160);
    }

    private void setupBridge() {
        quiet(bridgeChart);
        bridgeChart.setLegendVisible(false);
        bridgeY.setLabel("Blended GM (%)");
        // Set on every rebuild, with room above the highest bar for its value (fitBridgeAxis); the
        // room above 100% carries no figure, as no margin is found there.
        bridgeY.setAutoRanging(false);
        bridgeY.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number v) {
                return v.doubleValue() > 100 ? "" : String.format(java.util.Locale.ROOT, "%.0f", v.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        // The categories are set by hand on every rebuild. With auto-ranging categories a stacked bar
        // chart clears them when its last bar goes, which removes the other bars one by one, each
        // clearing again: a stack overflow once the chart is rebuilt over its old bars.
        bridgeX.setAutoRanging(false);
        bridgeChart.setCategoryGap(6);
        bridgeChart.setMinHeight(160);
        bridgeChart.getStyleClass().add("bridge-chart");
    }

    private void setupCost() {
        quiet(costChart);
        costY.setLabel("Cost");
        costX.setAutoRanging(false);
        costChart.setMinHeight(160);
        costChart.getStyleClass().add("cost-chart");
        for (Treatment t : Treatment.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(t.label());
            costChart.getData().add(s);
        }
    }

    /**
     * New workbook or new classification: every series, category list and label is built again
     * from the current result, so nothing of a previous workbook can stay on a chart.
     */
    private void rebuild() {
        MarginResult r = vm.result();
        if (r == null) {
            return;
        }
        List<String> labels = r.periodLabels();
        // Categories only when they change: resetting a stacked bar chart's categories under its data
        // makes JavaFX remove and re-add every bar recursively (a stack overflow on a large model).
        if (!gmX.getCategories().equals(labels)) {
            gmX.getCategories().setAll(labels);
        }
        if (!costX.getCategories().equals(labels)) {
            costX.getCategories().setAll(labels);
        }
        for (int k = 0; k < gmSeries.size(); k++) {
            gmSeries.get(k).setData(gmData(r, k));
        }
        fitAxis(r, true);
        updateMargins(r);
        rebuildBridge(r);
        rebuildCost(r);
    }

    /** Data points for the periods where measure {@code k} has a value (no revenue: no point). */
    private ObservableList<XYChart.Data<String, Number>> gmData(MarginResult r, int k) {
        ObservableList<XYChart.Data<String, Number>> data = FXCollections.observableArrayList();
        Function<Figures, OptionalDouble> m = gmMeasures.get(k);
        for (int i = 0; i < r.periodCount(); i++) {
            OptionalDouble v = m.apply(r.period(i));
            if (v.isPresent()) {
                data.add(new XYChart.Data<>(r.periodLabels().get(i), v.getAsDouble() * 100));
            }
        }
        return data;
    }

    /**
     * Sets the margin axis around the figures: tight when {@code tight} (a new workbook, a new
     * classification, neutral levers), else only wider when a value would fall off, so the axis
     * stays put while a slider is dragged and Reset brings it back.
     */
    private void fitAxis(MarginResult r, boolean tight) {
        double lowest = 0;
        double highest = 100;
        for (Figures f : r.periods()) {
            for (Function<Figures, OptionalDouble> m : gmMeasures) {
                OptionalDouble v = m.apply(f);
                if (v.isPresent()) {
                    lowest = Math.min(lowest, v.getAsDouble() * 100);
                    highest = Math.max(highest, v.getAsDouble() * 100);
                }
            }
        }
        double lower = lowest >= 0 ? 0 : Math.floor((lowest - 5) / 20) * 20;
        double upper = highest <= 100 ? 100 : Math.ceil((highest + 5) / 20) * 20;
        if (tight || lower < gmY.getLowerBound()) {
            gmY.setLowerBound(lower);
        }
        if (tight || upper > gmY.getUpperBound()) {
            gmY.setUpperBound(upper);
        }
        gmY.setTickUnit((gmY.getUpperBound() - gmY.getLowerBound()) > 150 ? 20 : 10);
    }

    /** Per tick: margins only, in place; a series is rebuilt only when a period gains or loses its value. */
    private void updateMargins(MarginResult r) {
        if (r == null || !gmX.getCategories().equals(r.periodLabels())) {
            return;
        }
        boolean neutral = vm.neutralLevers();
        for (int k = 0; k < gmMeasures.size(); k++) {
            XYChart.Series<String, Number> series = gmSeries.get(k);
            ObservableList<XYChart.Data<String, Number>> data = series.getData();
            Function<Figures, OptionalDouble> m = gmMeasures.get(k);
            int present = 0;
            for (int i = 0; i < r.periodCount(); i++) {
                if (m.apply(r.period(i)).isPresent()) {
                    present++;
                }
            }
            if (present != data.size()) {
                series.setData(gmData(r, k));
            } else {
                int j = 0;
                for (int i = 0; i < r.periodCount(); i++) {
                    OptionalDouble v = m.apply(r.period(i));
                    if (v.isEmpty()) {
                        continue;
                    }
                    XYChart.Data<String, Number> d = data.get(j++);
                    double y = v.getAsDouble() * 100;
                    if (d.getYValue() == null || Double.compare(d.getYValue().doubleValue(), y) != 0) {
                        d.setYValue(y);
                    }
                }
            }
            // At neutral levers the stressed lines lie exactly on the restated ones: hide them.
            boolean shown = !(neutral && (k == 3 || k == 4));
            if (series.getNode() != null && series.getNode().isVisible() != shown) {
                series.getNode().setVisible(shown);
            }
            OptionalDouble last = OptionalDouble.empty();
            for (int i = r.periodCount() - 1; i >= 0 && last.isEmpty(); i--) {
                last = m.apply(r.period(i));
            }
            gmChart.setEndLabel(k, last.isPresent() ? GM_SHORT[k] + " " + Format.percent(last) : "");
        }
        fitAxis(r, neutral);
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
        java.util.Map<String, String> valueLabels = new java.util.LinkedHashMap<>();
        if (rep.isEmpty() || res.isEmpty()) {
            bridgeChart.getData().setAll(List.of(base, down, up, total));
            bridgeChart.setBarLabels(valueLabels);
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
        valueLabels.put(first, Format.percent(rep));
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
            valueLabels.put(name, Format.points(OptionalDouble.of(b.gmImpact()), OptionalDouble.of(0)));
            level = next;
        }
        if (restCount > 0) {
            String name = restCount + " more lines";
            cats.add(name);
            double next = level + rest;
            addBar(total, base, down, up, name, level, next, false);
            valueLabels.put(name, Format.points(OptionalDouble.of(rest / 100), OptionalDouble.of(0)));
            level = next;
        }
        cats.add("Restated");
        addBar(total, base, down, up, "Restated", 0, res.getAsDouble() * 100, true);
        valueLabels.put("Restated", Format.percent(res));
        bridgeX.getCategories().setAll(cats);
        fitBridgeAxis(List.of(base, down, up, total));
        bridgeChart.getData().setAll(List.of(base, down, up, total));
        for (XYChart.Data<String, Number> d : base.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
        bridgeChart.setBarLabels(valueLabels);
    }

    /**
     * The bridge's axis from zero (or the lowest bar) to a round value above the highest bar with
     * room for the value written over it: an auto-ranged axis ended at the top of a 96% bar and the
     * label sat on the bar.
     */
    private void fitBridgeAxis(List<XYChart.Series<String, Number>> series) {
        java.util.Map<String, Double> tops = new java.util.HashMap<>();
        double lowest = 0;
        for (XYChart.Series<String, Number> s : series) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                double v = d.getYValue().doubleValue();
                tops.merge(d.getXValue(), Math.max(0, v), Double::sum);
                lowest = Math.min(lowest, v);
            }
        }
        double highest = tops.values().stream().mapToDouble(Double::doubleValue).max().orElse(100);
        double upper = Math.max(10, Math.ceil((highest + 8) / 10) * 10);
        double lower = lowest >= 0 ? 0 : Math.floor((lowest - 2) / 10) * 10;
        bridgeY.setAutoRanging(false);
        bridgeY.setLowerBound(lower);
        bridgeY.setUpperBound(upper);
        bridgeY.setTickUnit(upper - lower > 150 ? 20 : 10);
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
