package com.marginworkbench.ui.charts;

import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.GoalSeek;
import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.margin.StressWalk;
import com.marginworkbench.report.DecisionCharts;
import com.marginworkbench.ui.workbench.ChartsViewModel;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The decision tabs of the charts area: Sensitivity (break-even and goal seek, the tornado with its
 * editable ranges, the two-way heat map) and the Stress walk. Everything is computed by the engine
 * from the view model's prepared sums, about a hundred evaluations of a few operations per period,
 * on the UI thread and only while a decision tab is showing; a hidden tab catches up when shown.
 */
public final class DecisionsView {
    private final ChartsViewModel vm;
    private final Tab sensitivity;
    private final Tab walkTab;
    private final Label[] answers = {new Label(), new Label(), new Label()};
    private final ChartCanvas tornado = new ChartCanvas("decisions-tornado", 150, this::drawTornado);
    private final ChartCanvas heatMap = new ChartCanvas("decisions-heatmap", 190, this::drawHeatMap);
    private final ChartCanvas walk = new ChartCanvas("decisions-walk", 170, this::drawWalk);
    private final Map<LeverAxis, double[]> ranges = Decisions.defaultRanges();
    private final Map<LeverAxis, TextField[]> rangeFields = new EnumMap<>(LeverAxis.class);

    private Decisions.Summary summary;
    private Decisions.Grid grid;
    private Levers levers = Levers.NEUTRAL;
    private boolean stale = true;
    private long redraws;

    public DecisionsView(ChartsViewModel vm) {
        this.vm = vm;
        VBox answersBox = new VBox(2);
        for (int i = 0; i < answers.length; i++) {
            answers[i].setWrapText(true);
            answers[i].setId("decisions-answer-" + i);
            answersBox.getChildren().add(answers[i]);
        }
        Label answersTitle = new Label("Break-even and goal seek (exact, one lever at a time)");
        answersTitle.getStyleClass().add("muted");
        Label tornadoTitle = new Label("Tornado: each lever from low to high, the others as set");
        tornadoTitle.getStyleClass().add("muted");
        Label heatTitle = new Label("Two-way table: stressed AI-layer margin, coloured by the benchmark bands");
        heatTitle.getStyleClass().add("muted");
        Label rangesTitle = new Label("Tornado ranges (type a value and press Enter)");
        rangesTitle.getStyleClass().add("muted");
        VBox content = new VBox(6, answersTitle, answersBox, tornadoTitle, tornado, rangesTitle, rangeEditor(),
                heatTitle, heatMap);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        sensitivity = new Tab("Sensitivity", scroll);
        sensitivity.setId("tab-sensitivity");
        Label walkTitle = new Label("Unstressed to stressed AI-layer margin, one lever group at a time.");
        walkTitle.getStyleClass().add("muted");
        walkTitle.setWrapText(true);
        VBox walkBox = new VBox(6, walkTitle, walk);
        walkBox.setPadding(new Insets(8));
        VBox.setVgrow(walk, Priority.ALWAYS);
        walkTab = new Tab("Stress walk", walkBox);
        walkTab.setId("tab-stress-walk");

        vm.resultProperty().addListener((obs, o, n) -> changed());
        vm.structureVersionProperty().addListener((obs, o, n) -> changed());
        sensitivity.selectedProperty().addListener((obs, o, n) -> {
            if (n) {
                refreshIfStale();
            }
        });
        walkTab.selectedProperty().addListener((obs, o, n) -> {
            if (n) {
                refreshIfStale();
            }
        });
    }

    public List<Tab> tabs() {
        return List.of(sensitivity, walkTab);
    }

    /** How many times the decision charts were recomputed and drawn (for tests). */
    public long redraws() {
        return redraws;
    }

    /** The tornado as last drawn; empty before the first draw. */
    public List<Decisions.TornadoBar> tornadoBars() {
        return summary == null ? List.of() : summary.tornado();
    }

    /** The two-way table as last drawn; null before the first draw. */
    public Decisions.Grid grid() {
        return grid;
    }

    public String answer(int i) {
        return answers[i].getText();
    }

    private boolean showing() {
        return sensitivity.isSelected() || walkTab.isSelected();
    }

    private void changed() {
        stale = true;
        if (showing()) {
            refreshIfStale();
        }
    }

    private void refreshIfStale() {
        if (!stale) {
            return;
        }
        MarginEngine.Prepared prepared = vm.prepared();
        MarginResult r = vm.result();
        if (prepared == null || r == null) {
            return;
        }
        stale = false;
        levers = r.levers();
        summary = Decisions.summarize(prepared, levers, ranges);
        grid = Decisions.defaultGrid(prepared, levers);
        GoalSeek.Result[] rs = {summary.breakEvenLlmCost(), summary.priceToRestoreAiLayer(),
                summary.breakEvenHeavyMultiplier()};
        for (int i = 0; i < rs.length; i++) {
            answers[i].setText("• " + rs[i].sentence());
        }
        redraws++;
        tornado.draw();
        heatMap.draw();
        walk.draw();
    }

    /** Low and high of every lever, typed as in the stress panel; a value out of range is refused in red. */
    private GridPane rangeEditor() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(3);
        int row = 0;
        int half = (Decisions.TORNADO_LEVERS.size() + 1) / 2;
        for (LeverAxis a : Decisions.TORNADO_LEVERS) {
            TextField lo = new TextField();
            TextField hi = new TextField();
            lo.setPrefColumnCount(6);
            hi.setPrefColumnCount(6);
            lo.setId("range-low-" + a.id());
            hi.setId("range-high-" + a.id());
            rangeFields.put(a, new TextField[] {lo, hi});
            showRange(a);
            Consumer<TextField> commit = f -> commitRange(a);
            for (TextField f : new TextField[] {lo, hi}) {
                f.setOnAction(e -> commit.accept(f));
                f.focusedProperty().addListener((obs, o, n) -> {
                    if (!n) {
                        commit.accept(f);
                    }
                });
            }
            Label name = new Label(a.label());
            name.setTooltip(new Tooltip(a.lever().help()));
            int col = row < half ? 0 : 4;
            int r = row < half ? row : row - half;
            g.add(name, col, r);
            g.add(lo, col + 1, r);
            g.add(new Label("to"), col + 2, r);
            g.add(hi, col + 3, r);
            row++;
        }
        return g;
    }

    private void showRange(LeverAxis a) {
        double[] r = ranges.get(a);
        TextField[] f = rangeFields.get(a);
        f[0].setText(a.lever().format(a.lever().toDisplay(r[0])));
        f[1].setText(a.lever().format(a.lever().toDisplay(r[1])));
    }

    private void commitRange(LeverAxis a) {
        TextField[] f = rangeFields.get(a);
        double[] next = new double[2];
        for (int k = 0; k < 2; k++) {
            String problem = a.lever().problem(f[k].getText());
            if (problem != null) {
                f[k].setStyle("-fx-border-color: #c00000;");
                vm.setStatus(a.label() + ": " + problem);
                return;
            }
            f[k].setStyle("");
            next[k] = a.lever().toEngine(a.lever().parse(f[k].getText()));
        }
        double[] old = ranges.get(a);
        if (old[0] == next[0] && old[1] == next[1]) {
            return;
        }
        ranges.put(a, next);
        showRange(a);
        changed();
        if (!showing()) {
            return;
        }
        refreshIfStale();
    }

    /** Sets a tornado range from code (engine units), as typing it would. */
    public void setRange(LeverAxis a, double low, double high) {
        ranges.put(a, new double[] {low, high});
        showRange(a);
        changed();
    }

    // ---------------------------------------------------------------- drawing

    private void drawTornado(CanvasPainter p, double w) {
        if (summary != null) {
            double h = DecisionCharts.tornado(p, 4, 6, w - 8, summary.tornado());
            tornado.want(h + 10);
        }
    }

    private void drawHeatMap(CanvasPainter p, double w) {
        if (grid != null) {
            Levers at = levers;
            double h = DecisionCharts.heatMap(p, 4, 4, w - 8, grid.x(), grid.xs(), grid.y(), grid.ys(), grid.cells(),
                    grid.x().get(at), grid.y().get(at));
            if (!grid.context().isEmpty()) {
                p.text(4, h + 16, 7, false, DecisionCharts.MUTED, "Heavy users " + grid.context() + ".");
            }
            heatMap.want(h + 22);
        }
    }

    private void drawWalk(CanvasPainter p, double w) {
        if (summary == null) {
            return;
        }
        StressWalk s = summary.walk();
        List<String> labels = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        for (StressWalk.Step step : s.steps()) {
            labels.add(step.label());
            deltas.add(step.effect());
        }
        DecisionCharts.waterfall(p, 8, 8, w - 16, walk.unitHeight() - 12, "Base AI layer", s.base(), labels, deltas,
                "Stressed", s.stressed());
    }

    /**
     * A canvas that fills its width, draws in the charts' point units scaled by {@link #ZOOM}, and
     * redraws when resized.
     */
    private static final class ChartCanvas extends Pane {
        static final double ZOOM = 1.35;
        private final Canvas canvas = new Canvas();
        private final java.util.function.BiConsumer<CanvasPainter, Double> painter;
        private double unitHeight;
        private CanvasPainter cached;

        ChartCanvas(String id, double unitHeight, java.util.function.BiConsumer<CanvasPainter, Double> painter) {
            this.painter = painter;
            this.unitHeight = unitHeight;
            setId(id);
            getChildren().add(canvas);
            setMinHeight(unitHeight * ZOOM);
            setPrefHeight(unitHeight * ZOOM);
            widthProperty().addListener(o -> draw());
            heightProperty().addListener(o -> draw());
        }

        double unitHeight() {
            return Math.max(unitHeight, getHeight() / ZOOM);
        }

        /** Asks for the height a drawing needed (in chart units). */
        void want(double units) {
            if (Math.abs(units - unitHeight) > 0.5) {
                unitHeight = units;
                setMinHeight(units * ZOOM);
                setPrefHeight(units * ZOOM);
            }
        }

        @Override
        protected void layoutChildren() {
            canvas.setLayoutX(0);
            canvas.setLayoutY(0);
        }

        void draw() {
            double w = Math.max(1, getWidth());
            double h = Math.max(1, Math.max(getHeight(), unitHeight * ZOOM));
            if (canvas.getWidth() != w || canvas.getHeight() != h) {
                canvas.setWidth(w);
                canvas.setHeight(h);
            }
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.save();
            g.clearRect(0, 0, w, h);
            g.setFill(javafx.scene.paint.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(ZOOM, ZOOM);
            if (cached == null) {
                cached = new CanvasPainter(g, false);
            }
            painter.accept(cached, w / ZOOM);
            g.restore();
        }
    }
}
