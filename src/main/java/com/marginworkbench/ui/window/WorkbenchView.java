package com.marginworkbench.ui.window;

import com.marginworkbench.ui.workbench.DocumentTasks;
import com.marginworkbench.ui.workbench.TaskRunner;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookExporter;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.marginworkbench.ui.AppSettings;
import com.marginworkbench.ui.charts.ChartsView;
import com.marginworkbench.ui.grid.CostGridView;
import com.marginworkbench.ui.mapping.MappingView;
import com.marginworkbench.ui.grid.RevenueGridView;
import com.marginworkbench.ui.customers.CustomersView;
import com.marginworkbench.ui.customers.CustomersViewModel;
import com.marginworkbench.ui.customers.MeasuredLeversBox;
import com.marginworkbench.ui.grid.TotalsView;
import com.marginworkbench.ui.stress.StressPanelView;
import com.marginworkbench.ui.tiles.TilesView;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main window: menus, outline, cost grid, charts, tiles and stress panel, and the status bar.
 * Opening and exporting run as background tasks with a progress indicator and a cancel button.
 */
public final class WorkbenchView extends BorderPane {
    private static final String CSS = "/com/marginworkbench/ui/workbench.css";

    private final WorkbenchViewModel vm;
    private final DocumentTasks documents;
    private final AppSettings settings;
    private final CostGridView grid;
    private final RevenueGridView revenueGrid;
    private final TabPane lineTabs = new TabPane();
    private final StressPanelView stressPanel;
    private final CustomersViewModel customersModel;
    private final CustomersView customers;
    private final ChartsView charts;
    private final WindowMenus menus;
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private final PauseTransition autosave = new PauseTransition(Duration.seconds(2));
    private final ToggleButton outlineToggle = new ToggleButton("Sheets");
    private final ToggleButton stressToggle = new ToggleButton("Stress");
    private final StackPane body = new StackPane();
    private final StackPane leftDrawer = new StackPane();
    private final StackPane rightDrawer = new StackPane();
    private final javafx.beans.binding.BooleanBinding leftOpen;
    private final javafx.beans.binding.BooleanBinding rightOpen;
    private final SplitPane main;
    private final Region outlinePane;
    private final Region rightPane;
    private final Region centrePane;
    private Boolean outlineDocked;
    private Boolean rightDocked;
    private TilesView headline;
    private final MappingWindow mapping;

    public WorkbenchView(WorkbenchViewModel vm, WorkbookLoader loader, WorkbookExporter exporter, AppSettings settings) {
        this.vm = vm;
        this.documents = new DocumentTasks(vm, loader, exporter);
        documents.setErrorSink(this::showError);
        menus = new WindowMenus(this, vm, settings, documents.canExport());
        mapping = new MappingWindow(this, vm, loader, documents);
        documents.setOnConflict(message -> {
            if (WindowDialogs.replaceOthers(getScene().getWindow(), message)) {
                save(false, true, true);
            }
        });
        this.settings = settings;
        getStyleClass().add("workbench");
        grid = new CostGridView(vm.grid());
        stressPanel = new StressPanelView(vm.stress());
        charts = new ChartsView(vm.charts());
        revenueGrid = new RevenueGridView(vm.grid());
        customersModel = new CustomersViewModel(vm.stress(), vm::customerFacingInference);
        customers = new CustomersView(customersModel);

        OutlineView outline = new OutlineView(vm);
        // Docked, the outline keeps a usable width: a split pane would otherwise close it to nothing
        // when it comes back from its drawer.
        outline.setMinWidth(170);
        outline.setOnOpenMapping(this::openMapping);
        SplitPane centreSplit = new SplitPane(linesPane(), charts);
        centreSplit.setOrientation(Orientation.VERTICAL);
        centreSplit.setDividerPositions(0.58);

        // The headline figures change on every slider tick; they sit outside any scroll pane
        // so a tick does not make JavaFX re-measure a whole panel (ADR 0003).
        TilesView headline = new TilesView(vm.tiles());
        headline.setOnOpenMapping(this::openMapping);
        this.headline = headline;
        outlineToggle.setGraphic(new FontIcon(Feather.SIDEBAR));
        outlineToggle.setTooltip(new Tooltip("Show the workbook's sheets and tables"));
        outlineToggle.setId("outlineToggle");
        stressToggle.setGraphic(new FontIcon(Feather.SLIDERS));
        stressToggle.setTooltip(new Tooltip("Show the stress levers, scenarios and framework"));
        stressToggle.setId("stressToggle");
        for (ToggleButton t : List.of(outlineToggle, stressToggle)) {
            t.managedProperty().bind(t.visibleProperty());
            t.setMinWidth(Region.USE_PREF_SIZE);
            t.getStyleClass().add("drawer-toggle");
            // Icon only: the headline figures keep the width (the tooltip names the panel).
            t.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox head = new HBox(10, outlineToggle, headline, stressToggle);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("headline-bar");
        VBox centre = new VBox(head, centreSplit);
        VBox.setVgrow(centreSplit, Priority.ALWAYS);
        centre.setMinWidth(0);

        stressPanel.setPadding(new Insets(10));
        ScrollPane stressScroll = new ScrollPane(stressPanel);
        stressScroll.setFitToWidth(true);
        stressScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(stressScroll, Priority.ALWAYS);
        VBox rightScroll = new VBox(10, new MeasuredLeversBox(customersModel), stressScroll);
        rightScroll.getStyleClass().add("right-panel");
        rightScroll.setMinWidth(290);
        rightScroll.setPrefWidth(320);

        outlinePane = outline;
        rightPane = rightScroll;
        centrePane = centre;
        main = new SplitPane(outline, centre, rightScroll);
        SplitPane.setResizableWithParent(outline, false);
        SplitPane.setResizableWithParent(rightScroll, false);
        leftDrawer.getStyleClass().addAll("drawer", "drawer-left");
        rightDrawer.getStyleClass().addAll("drawer", "drawer-right");
        for (StackPane d : List.of(leftDrawer, rightDrawer)) {
            d.setMaxWidth(Region.USE_PREF_SIZE);
            d.setPickOnBounds(true);
        }
        leftDrawer.setPrefWidth(260);
        rightDrawer.setPrefWidth(330);
        StackPane.setAlignment(leftDrawer, Pos.TOP_LEFT);
        StackPane.setAlignment(rightDrawer, Pos.TOP_RIGHT);
        // A closed drawer leaves the scene altogether: a list inside a hidden pane would still be
        // laid out on every pulse.
        leftOpen = outlineToggle.selectedProperty().and(outlineToggle.visibleProperty());
        rightOpen = stressToggle.selectedProperty().and(stressToggle.visibleProperty());
        leftOpen.addListener((obs, was, open) -> showDrawer(leftDrawer, open));
        rightOpen.addListener((obs, was, open) -> showDrawer(rightDrawer, open));
        body.getChildren().add(main);
        body.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                outlineToggle.setSelected(false);
                stressToggle.setSelected(false);
            }
        });
        body.widthProperty().addListener((obs, o, w) -> arrange(w.doubleValue()));
        arrange(1600);

        setTop(menus.bar());
        setCenter(body);
        setBottom(statusBar());

        autosave.setOnFinished(e -> save(false, false));
        vm.dirtyProperty().addListener((obs, o, dirty) -> {
            if (dirty) {
                autosave.playFromStart();
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        menus.rebuildRecent();
    }

    /** Below this width the outline becomes a drawer opened from the headline bar. */
    public static final double OUTLINE_DOCKED_FROM = 1366;
    /** Below this width the stress panel becomes a drawer as well. */
    public static final double STRESS_DOCKED_FROM = 1200;

    /**
     * Docks the side panels when the window is wide enough, else turns them into drawers over the
     * grid, so the grid and charts keep the room on a small screen or a projector.
     */
    private void arrange(double width) {
        if (width <= 0) {
            return;
        }
        boolean left = width >= OUTLINE_DOCKED_FROM - 20;
        boolean right = width >= STRESS_DOCKED_FROM - 20;
        if (Boolean.valueOf(left).equals(outlineDocked) && Boolean.valueOf(right).equals(rightDocked)) {
            return;
        }
        outlineDocked = left;
        rightDocked = right;
        List<Node> items = new java.util.ArrayList<>();
        if (left) {
            items.add(outlinePane);
        }
        items.add(centrePane);
        if (right) {
            items.add(rightPane);
        }
        if (!main.getItems().equals(items)) {
            // Taken out first, then put back: a node must leave one parent before joining another.
            main.getItems().clear();
            leftDrawer.getChildren().clear();
            rightDrawer.getChildren().clear();
            if (!left) {
                leftDrawer.getChildren().add(outlinePane);
            }
            if (!right) {
                rightDrawer.getChildren().add(rightPane);
            }
            main.getItems().addAll(items);
        }
        outlineToggle.setVisible(!left);
        stressToggle.setVisible(!right);
        if (left && right) {
            main.setDividerPositions(230 / width, 1 - 330 / width);
        } else if (right) {
            main.setDividerPositions(1 - 320 / width);
        }
    }

    private void showDrawer(StackPane drawer, boolean open) {
        if (open && !body.getChildren().contains(drawer)) {
            body.getChildren().add(drawer);
        } else if (!open) {
            body.getChildren().remove(drawer);
        }
    }

    /** True when the outline sits in the window, false when it is a drawer. */
    public boolean outlineDocked() {
        return Boolean.TRUE.equals(outlineDocked);
    }

    /** True when the stress panel sits in the window, false when it is a drawer. */
    public boolean stressDocked() {
        return Boolean.TRUE.equals(rightDocked);
    }

    /** Shows the window on a stage with theme, stylesheet and icons. */
    public void show(Stage stage) {
        applyTheme(settings.darkTheme());
        // Fit small screens: never open larger than the screen's usable area.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(this, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(getClass().getResource(CSS).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> vm.titleProperty().get() + (vm.dirtyProperty().get() ? " •" : ""),
                vm.titleProperty(), vm.dirtyProperty()));
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            InputStream in = WorkbenchView.class.getResourceAsStream("/com/marginworkbench/icons/app-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
        stage.setOnCloseRequest(e -> {
            if (vm.hasDocument() && vm.dirtyProperty().get()) {
                save(true, false);
            }
        });
        stage.show();
        grid.table().requestFocus();
    }

    /** Switches between the light and the dark theme and remembers the choice. */
    public void setDarkTheme(boolean dark) {
        applyTheme(dark);
        settings.setDarkTheme(dark);
    }

    public CostGridView grid() {
        return grid;
    }

    public RevenueGridView revenueGrid() {
        return revenueGrid;
    }

    /** The per-customer AI economics from imported usage (the Customers tab). */
    public CustomersView customers() {
        return customers;
    }

    public CustomersViewModel customersModel() {
        return customersModel;
    }

    /** Brings the cost lines (0), the revenue lines (1) or the customers (2) to the front. */
    public void showLines(int tab) {
        lineTabs.getSelectionModel().select(tab);
    }

    /**
     * Shows the mapping view in its own window (one per main window): the sheet's cells with each
     * row's role, the checks, and the controls that correct the reading.
     */
    public MappingView openMapping() {
        return vm.hasDocument() ? mapping.show() : null;
    }

    /** Cost and revenue lines as two tabs over one totals row (reported and restated). */
    private VBox linesPane() {
        Tab costs = new Tab("Cost lines", grid);
        costs.setId("costTab");
        Tab revenue = new Tab("Revenue lines", revenueGrid);
        revenue.setId("revenueTab");
        costs.textProperty().bind(Bindings.size(vm.grid().rows()).asString("Cost lines (%d)"));
        revenue.textProperty().bind(Bindings.size(vm.grid().revenueRows()).asString("Revenue lines (%d)"));
        Tab customerTab = new Tab("Customers", customers);
        customerTab.setId("customersTab");
        lineTabs.getTabs().setAll(costs, revenue, customerTab);
        lineTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lineTabs.getStyleClass().add("line-tabs");
        VBox.setVgrow(lineTabs, Priority.ALWAYS);
        TotalsView totals = new TotalsView(vm.grid().resultProperty(), vm.grid().plausibilityProperty());
        totals.setPadding(new Insets(4, 10, 6, 10));
        VBox box = new VBox(lineTabs, totals);
        box.setMinHeight(0);
        return box;
    }

    public StressPanelView stressPanel() {
        return stressPanel;
    }

    public ChartsView charts() {
        return charts;
    }

    /** The headline strip (figures, or the banner that withholds them). */
    public TilesView headline() {
        return headline;
    }

    /** Where error messages go; a dialog unless a test replaces it. */
    public void setErrorSink(Consumer<String> sink) {
        documents.setErrorSink(sink);
    }

    public Task<?> runningTask() {
        return documents.runner().current();
    }

    /** Brings the stress panel forward (its drawer when it is not docked) with the first lever focused. */
    void focusStress() {
        if (!stressDocked()) {
            stressToggle.setSelected(true);
        }
        stressPanel.slider(com.marginworkbench.margin.Lever.LLM_COST).requestFocus();
    }

    private HBox statusBar() {
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        TaskRunner tasks = documents.runner();
        cancel.setOnAction(e -> tasks.cancel());
        progress.visibleProperty().bind(tasks.runningProperty());
        progress.progressProperty().bind(tasks.progressProperty());
        cancel.visibleProperty().bind(tasks.runningProperty());
        cancel.getStyleClass().add("small");
        status.textProperty().bind(vm.statusProperty());
        status.setId("statusText");
        Label disclaimer = new Label("A decision framework for where costs sit, not accounting advice.");
        disclaimer.getStyleClass().add("disclaimer");
        disclaimer.setTooltip(new Tooltip("Statutory classification depends on the contracts, the facts and the "
                + "auditor's judgment."));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, progress, cancel, status, gap, disclaimer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        getStyleClass().removeAll("theme-dark", "theme-light");
        getStyleClass().add(dark ? "theme-dark" : "theme-light");
        menus.showDarkTheme(dark);
    }

    /** Reads a workbook in the background; a bad file shows the reader's message and changes nothing. */
    public Task<WorkbenchViewModel.Loaded> open(Path file) {
        return open(file, null);
    }

    /** Like {@link #open(Path)}, taking the result of a read already under way when there is one. */
    public Task<WorkbenchViewModel.Loaded> open(Path file, java.util.concurrent.Future<WorkbenchViewModel.Loaded> started) {
        if (started == null && settings.shouldAskProjectPlace(file)) {
            settings.answerProjectPlace(WindowDialogs.projectFilesBeside(getScene().getWindow(), file));
        }
        if (vm.hasDocument() && vm.dirtyProperty().get()) {
            save(false, false);
        }
        return documents.open(file, started, () -> {
            settings.addRecent(file);
            menus.rebuildRecent();
            grid.table().requestFocus();
        });
    }

    /** Writes the restated workbook in the background; refuses the source itself as the target. */
    public Task<Path> export(Path target) {
        return documents.export(target);
    }

    /** Writes the board pack of the current figures in the background; never over the workbook itself. */
    public Task<Path> exportBoardPack(Path target, com.marginworkbench.report.BoardPackPdf.Paper paper) {
        return documents.exportBoardPack(target, paper);
    }

    /**
     * Saves the project file; the state is captured here, the writing happens off the UI thread.
     * A failed autosave only says so in the status bar; a failed Ctrl+S also shows a dialog. When
     * another window saved the file since, its decisions are joined in; when both changed the same
     * decision nothing is written: an autosave says so in the status bar, Ctrl+S asks whether to
     * replace the other window's decisions with these.
     */
    public void save(boolean wait, boolean askedFor) {
        save(wait, askedFor, false);
    }

    private void save(boolean wait, boolean askedFor, boolean replace) {
        autosave.stop();
        documents.save(wait, askedFor, replace);
    }

    private void showError(String message) {
        WindowDialogs.error(getScene().getWindow(), message);
    }

    /** What this is, that the sample is a demo, and how to open your own workbook. */
    public void showGettingStarted() {
        showGettingStarted(vm.fileProperty().get());
    }

    /** The same, for the workbook {@code open} (at start, while it is still being read). */
    public void showGettingStarted(Path open) {
        boolean sample = open != null && open.getFileName() != null
                && com.marginworkbench.app.SampleLocator.SAMPLE_FILE.equals(open.getFileName().toString());
        WindowDialogs.gettingStarted(getScene().getWindow(), sample);
    }

    /** The keyboard shortcuts, as a short table. */
    public void showShortcuts() {
        WindowDialogs.shortcuts(getScene().getWindow());
    }
}
