package com.marginworkbench.ui.window;

import com.marginworkbench.ui.workbench.AssumptionsDialog;
import com.marginworkbench.ui.workbench.OutlineView;
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
import com.marginworkbench.ui.mapping.MappingViewModel;
import com.marginworkbench.ui.grid.RevenueGridView;
import com.marginworkbench.ui.customers.CustomersView;
import com.marginworkbench.ui.customers.CustomersViewModel;
import com.marginworkbench.ui.customers.MeasuredLeversBox;
import com.marginworkbench.usage.WorkbookInference;
import com.marginworkbench.ui.grid.TotalsView;
import com.marginworkbench.ui.stress.StressPanelView;
import com.marginworkbench.ui.tiles.TilesView;
import com.marginworkbench.workbook.WorkbookReadException;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The main window: menus, outline, cost grid, charts, tiles and stress panel, and the status bar.
 * Opening and exporting run as background tasks with a progress indicator and a cancel button.
 */
public final class WorkbenchView extends BorderPane {
    private static final String CSS = "/com/marginworkbench/ui/workbench.css";

    private final WorkbenchViewModel vm;
    private final WorkbookLoader loader;
    private final WorkbookExporter exporter;
    private final AppSettings settings;
    private final CostGridView grid;
    private final RevenueGridView revenueGrid;
    private final TabPane lineTabs = new TabPane();
    private final StressPanelView stressPanel;
    private final CustomersViewModel customersModel;
    private final CustomersView customers;
    private final ChartsView charts;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final CheckMenuItem darkItem = new CheckMenuItem("_Dark theme");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private final PauseTransition autosave = new PauseTransition(Duration.seconds(2));
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-background");
        t.setDaemon(true);
        return t;
    });
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
    private final TaskRunner tasks;
    private TilesView headline;
    private MappingView mappingView;
    private Consumer<String> errorSink = this::showError;

    public WorkbenchView(WorkbenchViewModel vm, WorkbookLoader loader, WorkbookExporter exporter, AppSettings settings) {
        this.vm = vm;
        this.loader = loader;
        this.tasks = new TaskRunner(vm::setStatus);
        this.exporter = exporter;
        this.settings = settings;
        getStyleClass().add("workbench");
        grid = new CostGridView(vm);
        stressPanel = new StressPanelView(vm);
        charts = new ChartsView(vm);
        revenueGrid = new RevenueGridView(vm);
        customersModel = new CustomersViewModel(vm.stress(),
                () -> vm.hasDocument() ? WorkbookInference.customerFacing(vm.model(), vm.decisions()) : null);
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
        TilesView headline = new TilesView(vm.tiles(), vm.plausibilityProperty());
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

        setTop(menuBar());
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
        rebuildRecent();
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
        if (!vm.hasDocument()) {
            return null;
        }
        if (mappingView == null) {
            MappingViewModel.Worker worker = new MappingViewModel.Worker() {
                @Override
                public <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
                    background.submit(() -> {
                        try {
                            T value = work.call();
                            Platform.runLater(() -> done.accept(value));
                        } catch (Exception ex) {
                            Platform.runLater(() -> failed.accept(ex));
                        }
                    });
                }
            };
            mappingView = new MappingView(new MappingViewModel(vm, loader, worker));
            Stage stage = new Stage();
            stage.initOwner(getScene().getWindow());
            stage.setTitle("Mapping — how the workbook is read");
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(mappingView, Math.min(1280, screen.getWidth()), Math.min(760, screen.getHeight()));
            scene.getStylesheets().addAll(getScene().getStylesheets());
            mappingView.getStyleClass().addAll(getStyleClass().filtered(c -> c.startsWith("theme-")));
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Z"), vm::undo);
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), vm::redo);
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+W"), stage::close);
            stage.setScene(scene);
            stage.titleProperty().bind(Bindings.createStringBinding(() -> "Mapping — "
                    + (vm.fileProperty().get() == null ? "" : vm.fileProperty().get().getFileName()), vm.fileProperty()));
        } else {
            mappingView.model().refresh();
        }
        Stage stage = (Stage) mappingView.getScene().getWindow();
        stage.show();
        stage.toFront();
        mappingView.cells().requestFocus();
        return mappingView;
    }

    /** Cost and revenue lines as two tabs over one totals row (reported and restated). */
    private VBox linesPane() {
        Tab costs = new Tab("Cost lines", grid);
        costs.setId("costTab");
        Tab revenue = new Tab("Revenue lines", revenueGrid);
        revenue.setId("revenueTab");
        costs.textProperty().bind(Bindings.size(vm.rows()).asString("Cost lines (%d)"));
        revenue.textProperty().bind(Bindings.size(vm.revenueRows()).asString("Revenue lines (%d)"));
        Tab customerTab = new Tab("Customers", customers);
        customerTab.setId("customersTab");
        lineTabs.getTabs().setAll(costs, revenue, customerTab);
        lineTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lineTabs.getStyleClass().add("line-tabs");
        VBox.setVgrow(lineTabs, Priority.ALWAYS);
        TotalsView totals = new TotalsView(vm.resultProperty(), vm.plausibilityProperty());
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
        this.errorSink = sink;
    }

    public Task<?> runningTask() {
        return tasks.current();
    }

    private MenuBar menuBar() {
        MenuItem open = item("_Open…", "Shortcut+O", Feather.FOLDER, e -> chooseAndOpen());
        MenuItem save = item("_Save project", "Shortcut+S", Feather.SAVE, e -> save(false, true));
        save.disableProperty().bind(vm.fileProperty().isNull());
        MenuItem export = item("_Export restated workbook…", "Shortcut+E", Feather.SHARE, e -> chooseAndExport());
        export.setId("exportItem");
        if (exporter == null) {
            export.setDisable(true);
            export.setText("Export restated workbook… (writer not available in this build)");
        } else {
            export.disableProperty().bind(vm.fileProperty().isNull());
        }
        MenuItem pack = item("Export _board pack (PDF)…", "Shortcut+P", Feather.FILE_TEXT, e -> chooseBoardPack());
        pack.setId("boardPackItem");
        pack.disableProperty().bind(vm.fileProperty().isNull());
        MenuItem quit = item("E_xit", null, null, e -> ((Stage) getScene().getWindow()).close());
        Menu file = new Menu("_File", null, open, recentMenu, new SeparatorMenuItem(), save, export, pack,
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("_Undo", "Shortcut+Z", Feather.ROTATE_CCW, e -> vm.undo());
        undo.textProperty().bind(vm.undoStack().undoTextProperty());
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        MenuItem redo = item("_Redo", "Shortcut+Y", Feather.ROTATE_CW, e -> vm.redo());
        redo.textProperty().bind(vm.undoStack().redoTextProperty());
        redo.disableProperty().bind(vm.undoStack().canRedoProperty().not());
        MenuItem find = item("_Find…", "Shortcut+F", Feather.SEARCH, e -> grid.focusFind());
        MenuItem focusGrid = item("Go to _grid", "Shortcut+1", null, e -> grid.table().requestFocus());
        MenuItem focusStress = item("Go to _stress panel", "Shortcut+2", null,
                e -> {
                    if (!stressDocked()) {
                        stressToggle.setSelected(true);
                    }
                    stressPanel.slider(com.marginworkbench.margin.Lever.LLM_COST).requestFocus();
                });
        MenuItem reset = item("Reset _levers", "Shortcut+R", Feather.SLIDERS, e -> vm.resetLevers());
        MenuItem assumptions = item("Model _assumptions…", "Shortcut+Shift+A", Feather.SETTINGS,
                e -> new AssumptionsDialog(vm, getScene().getWindow()).showAndWait());
        assumptions.setId("assumptionsItem");
        assumptions.disableProperty().bind(vm.fileProperty().isNull());
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), find, focusGrid, focusStress,
                new SeparatorMenuItem(), reset, assumptions);

        darkItem.setSelected(settings.darkTheme());
        darkItem.setOnAction(e -> setDarkTheme(darkItem.isSelected()));
        CheckMenuItem periods = new CheckMenuItem("_Period amounts");
        periods.selectedProperty().bindBidirectional(grid.showPeriodsToggle().selectedProperty());
        javafx.scene.control.ToggleGroup placeGroup = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem beside = new javafx.scene.control.RadioMenuItem("Beside the workbook");
        javafx.scene.control.RadioMenuItem appFolder = new javafx.scene.control.RadioMenuItem("In Margin Workbench's own folder");
        beside.setToggleGroup(placeGroup);
        appFolder.setToggleGroup(placeGroup);
        (settings.projectPlace() == AppSettings.ProjectPlace.APP_FOLDER ? appFolder : beside).setSelected(true);
        beside.setOnAction(e -> settings.setProjectPlace(AppSettings.ProjectPlace.BESIDE));
        appFolder.setOnAction(e -> settings.setProjectPlace(AppSettings.ProjectPlace.APP_FOLDER));
        Menu place = new Menu("Project _files", null, beside, appFolder);
        place.setId("projectPlaceMenu");
        MenuItem mapping = item("_Mapping of the workbook…", "Shortcut+M", Feather.GRID, e -> openMapping());
        mapping.setId("mappingItem");
        mapping.disableProperty().bind(vm.fileProperty().isNull());
        Menu view = new Menu("_View", null, mapping, new SeparatorMenuItem(), darkItem, periods,
                new SeparatorMenuItem(), place);

        MenuItem about = item("_About Margin Workbench", null, Feather.INFO, e -> about());
        MenuItem started = item("_Getting started", "F1", Feather.HELP_CIRCLE, e -> showGettingStarted());
        MenuItem keys = item("_Keyboard shortcuts", null, Feather.COMMAND, e -> showShortcuts());
        Menu help = new Menu("_Help", null, started, keys, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accel, Feather icon, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        MenuItem mi = new MenuItem(text);
        mi.setMnemonicParsing(true);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        if (icon != null) {
            mi.setGraphic(new FontIcon(icon));
        }
        mi.setOnAction(h);
        return mi;
    }

    private HBox statusBar() {
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
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
        darkItem.setSelected(dark);
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        List<Path> recent = settings.recentFiles();
        for (int i = 0; i < recent.size(); i++) {
            Path p = recent.get(i);
            MenuItem mi = new MenuItem((i + 1) + "  " + p.getFileName() + "  —  " + p.getParent());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a financial model");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Excel workbooks", "*.xlsx", "*.xlsm", "*.xls"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = vm.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads a workbook in the background; a bad file shows the reader's message and changes nothing. */
    public Task<WorkbenchViewModel.Loaded> open(Path file) {
        return open(file, null);
    }

    /** Like {@link #open(Path)}, taking the result of a read already under way when there is one. */
    public Task<WorkbenchViewModel.Loaded> open(Path file, java.util.concurrent.Future<WorkbenchViewModel.Loaded> started) {
        if (started == null && settings.shouldAskProjectPlace(file)) {
            askProjectPlace(file);
        }
        if (vm.hasDocument() && vm.dirtyProperty().get()) {
            save(false, false);
        }
        Task<WorkbenchViewModel.Loaded> task = tasks.task("Opening " + file.getFileName() + "…", progress -> {
            if (started != null) {
                try {
                    return started.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof Exception ex ? ex : e;
                }
            }
            long t0 = System.nanoTime();
            try {
                return WorkbenchViewModel.read(loader, file, progress, vm.projectLocator());
            } finally {
                if (Boolean.getBoolean("marginworkbench.timing")) {
                    System.err.println("margin-workbench: " + file.getFileName() + " read in "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms");
                }
            }
        });
        task.setOnSucceeded(e -> {
            vm.install(task.getValue());
            settings.addRecent(file);
            rebuildRecent();
            grid.table().requestFocus();
        });
        task.setOnFailed(e -> {
            vm.setStatus("Could not open " + file.getFileName());
            errorSink.accept(messageOf(file, task.getException()));
        });
        task.setOnCancelled(e -> vm.setStatus("Opening " + file.getFileName() + " cancelled"));
        tasks.start(task);
        return task;
    }

    static String messageOf(Path file, Throwable t) {
        if (t instanceof WorkbookReadException) {
            return t.getMessage();
        }
        String m = t.getMessage();
        return file.getFileName() + " could not be opened: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    /** Asks where to write the restated workbook (default beside the source), then writes it. */
    private void chooseAndExport() {
        if (exporter == null || !vm.hasDocument()) {
            return;
        }
        Path suggested = vm.defaultExportPath();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export restated workbook");
        fc.setInitialDirectory(suggested.getParent().toFile());
        fc.setInitialFileName(suggested.getFileName().toString());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel workbook", "*.xlsx", "*.xlsm"));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            export(f.toPath());
        }
    }

    /** Writes the restated workbook in the background; refuses the source itself as the target. */
    public Task<Path> export(Path target) {
        if (exporter == null || !vm.hasDocument()) {
            return null;
        }
        Path source = vm.fileProperty().get().toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        WorkbookExporter.Request req = vm.exportRequest(out);
        Task<Path> task = tasks.task("Writing " + out.getFileName() + "…", progress -> {
            refuseSource(source, out);
            return exporter.export(req, progress);
        });
        return runWriting(task, "Restated workbook written to ", "Export failed; nothing was written",
                "The restated workbook was not written: ", "Export cancelled; nothing was written");
    }

    private void chooseBoardPack() {
        if (!vm.hasDocument()) {
            return;
        }
        Path source = vm.fileProperty().get().toAbsolutePath();
        String name = source.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path suggested = com.marginworkbench.project.SafeFiles.freeName(source.getParent(), name, "-board-pack",
                ".pdf");
        FileChooser fc = new FileChooser();
        fc.setTitle("Export board pack");
        fc.setInitialDirectory(suggested.getParent().toFile());
        fc.setInitialFileName(suggested.getFileName().toString());
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF, A4", "*.pdf"),
                new FileChooser.ExtensionFilter("PDF, Letter", "*.pdf"));
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            boolean letter = fc.getSelectedExtensionFilter() != null
                    && fc.getSelectedExtensionFilter().getDescription().contains("Letter");
            exportBoardPack(f.toPath(), letter ? com.marginworkbench.report.BoardPackPdf.Paper.LETTER
                    : com.marginworkbench.report.BoardPackPdf.Paper.A4);
        }
    }

    /** Writes the board pack of the current figures in the background; never over the workbook itself. */
    public Task<Path> exportBoardPack(Path target, com.marginworkbench.report.BoardPackPdf.Paper paper) {
        if (!vm.hasDocument()) {
            return null;
        }
        Path source = vm.fileProperty().get().toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        com.marginworkbench.report.BoardPack boardPack = vm.boardPack(java.time.LocalDate.now());
        Task<Path> task = tasks.task("Writing " + out.getFileName() + "…", progress -> {
            refuseSource(source, out);
            try {
                com.marginworkbench.project.SafeFiles.write(out,
                        o -> com.marginworkbench.report.BoardPackPdf.write(boardPack, paper, o));
            } catch (java.io.IOException e) {
                throw com.marginworkbench.project.SafeFiles.explain(e, out);
            }
            return out;
        });
        return runWriting(task, "Board pack written to ", "Board pack not written",
                "The board pack was not written: ", "Board pack cancelled; nothing was written");
    }

    /** Runs a task that writes one file, with the status and error messages of its three endings. */
    private <T> Task<T> runWriting(Task<T> task, String written, String failedStatus, String failedMessage,
            String cancelled) {
        task.setOnSucceeded(e -> vm.setStatus(written + task.getValue()));
        task.setOnFailed(e -> {
            vm.setStatus(failedStatus);
            Throwable t = task.getException();
            errorSink.accept(failedMessage + (t.getMessage() == null ? t : t.getMessage()));
        });
        task.setOnCancelled(e -> vm.setStatus(cancelled));
        tasks.start(task);
        return task;
    }

    /** A target that is the open workbook itself is refused: the source is never written over. */
    private static void refuseSource(Path source, Path out) throws java.io.IOException {
        if (out.equals(source) || (Files.exists(out) && Files.isSameFile(source, out))) {
            throw new IllegalStateException(out.getFileName()
                    + " is the workbook you opened; choose another name so the source stays as it is.");
        }
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
        if (!vm.hasDocument() || vm.fileProperty().get() == null || (!askedFor && !wait && !vm.dirtyProperty().get())) {
            return;
        }
        var request = vm.saveRequest();
        Path target = request.target();
        vm.markSaved();
        var future = background.submit(() -> {
            try {
                var done = com.marginworkbench.app.Workbench.saveProject(request, replace);
                Platform.runLater(() -> vm.setStatus(vm.saved(request, done)));
            } catch (Exception ex) {
                Platform.runLater(() -> {
                    vm.setStatus("Not saved: " + ex.getMessage());
                    if (askedFor && ex instanceof IOException io && WorkbenchViewModel.canReplace(io)) {
                        askReplace(ex.getMessage());
                    } else if (askedFor) {
                        errorSink.accept("The project file " + target + " could not be saved: " + ex.getMessage());
                    }
                });
            }
        });
        if (wait) {
            try {
                future.get();
            } catch (Exception ignored) {
                // the failure was already reported on the UI thread
            }
        }
    }

    /** After Ctrl+S met another window's different decisions: replace them with these, or leave them. */
    private void askReplace(String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL);
        ButtonType replace = new ButtonType("Replace with mine", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(replace, ButtonType.CANCEL);
        a.initOwner(getScene().getWindow());
        a.setTitle("Margin Workbench");
        a.setHeaderText("Another window changed the same decisions");
        a.getDialogPane().setMinWidth(520);
        a.showAndWait().filter(replace::equals).ifPresent(b -> save(false, true, true));
    }

    private void showError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(getScene().getWindow());
        a.setTitle("Margin Workbench");
        a.setHeaderText("Something needs your attention");
        a.getDialogPane().setMinWidth(480);
        a.show();
    }

    /**
     * Asked once, for the first workbook in a folder that looks shared or cannot be written: keep
     * the project file beside it (others with the folder see it) or in this app's own folder.
     */
    private void askProjectPlace(Path file) {
        ButtonType beside = new ButtonType("Beside the workbook");
        ButtonType own = new ButtonType("In my own folder", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", own, beside);
        a.initOwner(getScene().getWindow());
        a.setTitle("Where should project files go?");
        a.setHeaderText(file.getFileName() + " is in a folder that looks shared or read-only");
        a.setContentText("Margin Workbench keeps your decisions, notes and scenarios for each workbook in a small "
                + "project file (" + com.marginworkbench.app.ProjectLocation.beside(file).getFileName() + "). "
                + "Beside the workbook, anyone with the folder sees it; in your own folder, only you do.\n\n"
                + "You can change this later under View > Project files.");
        a.getDialogPane().setMinWidth(520);
        ButtonType chosen = a.showAndWait().orElse(own);
        settings.answerProjectPlace(chosen == beside);
    }

    /** What this is, that the sample is a demo, and how to open your own workbook. */
    public void showGettingStarted() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(getScene().getWindow());
        a.setTitle("Getting started");
        a.setHeaderText("Welcome to Margin Workbench");
        a.setContentText("Margin Workbench sorts every cost line of a company's financial model with the AI "
                + "inference COGS test, shows reported against restated gross margin for the whole company and "
                + "for its AI layer, and lets you stress the AI layer with the levers on the right.\n\n"
                + "The workbook you see first is a demo: Northwind AI is a fictional company, built to show "
                + "how the figures move.\n\n"
                + "To work on your own model: File > Open (Ctrl+O), or drop an .xlsx, .xlsm or .xls file on the "
                + "window. Your file is never changed; File > Export restated workbook (Ctrl+E) writes a new one "
                + "beside it. Everything stays on this computer.\n\n"
                + "Help > Keyboard shortcuts lists the keys; Help > Getting started shows this again.");
        a.getDialogPane().setMinWidth(560);
        a.getDialogPane().setId("gettingStarted");
        a.show();
    }

    /** The keyboard shortcuts, as a short table. */
    public void showShortcuts() {
        String[][] keys = {
                {"Ctrl+O", "Open a workbook"}, {"Ctrl+S", "Save the project file"},
                {"Ctrl+E", "Export the restated workbook"}, {"Ctrl+Z / Ctrl+Y", "Undo / redo (edits, levers, Reset)"},
                {"Ctrl+F", "Find a line by label, cell or cost type"}, {"Ctrl+R", "Reset the levers"},
                {"Ctrl+1", "Go to the grid"}, {"Ctrl+2", "Go to the stress levers"},
                {"Enter or double-click", "Edit a grid cell"}, {"Esc", "Close an open side drawer"},
                {"F1", "Getting started"}, {"Alt+letter", "Open a menu (Alt+F, Alt+E, ...)"}};
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(18);
        g.setVgap(6);
        for (int i = 0; i < keys.length; i++) {
            Label k = new Label(keys[i][0]);
            k.getStyleClass().add("shortcut-key");
            g.addRow(i, k, new Label(keys[i][1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(getScene().getWindow());
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(g);
        a.show();
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(getScene().getWindow());
        a.setTitle("About Margin Workbench");
        a.setHeaderText("Margin Workbench " + version());
        a.setContentText("Sorts every cost line of a financial model with the COGS test, restates gross margin "
                + "by layer and stresses the AI layer. Works offline; files never leave this computer.\n\n"
                + "A decision framework, not accounting advice: classification depends on contracts, facts "
                + "and the auditor's judgment.");
        a.show();
    }

    private static String version() {
        String v = WorkbenchView.class.getPackage().getImplementationVersion();
        return v == null ? "" : v.toLowerCase(Locale.ROOT);
    }
}
