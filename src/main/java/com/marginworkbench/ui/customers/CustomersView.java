package com.marginworkbench.ui.customers;

import com.marginworkbench.usage.CustomerEconomics;
import com.marginworkbench.usage.imports.ImportException;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.UsageAnalysis;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageImporter;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Customers view: AI cost, revenue and margin per customer from imported usage and revenue
 * files, with a badge on every account under water, the cost concentration (Lorenz curve) and the
 * spread of margins, and "Use measured values" for the heavy-user levers.
 */
public final class CustomersView extends BorderPane {
    private static final String CSS = "/com/marginworkbench/ui/customers/customers.css";
    /** Margin buckets of the distribution chart, from the deepest loss. */
    static final String[] BUCKETS = {"< −50", "−50…−25", "−25…0", "0…25", "25…50", "50…75", "≥ 75", "no rev."};

    private final CustomersViewModel vm;
    private final TableView<CustomerEconomics> table = new TableView<>();
    private final LineChart<Number, Number> lorenz;
    private final BarChart<String, Number> margins;
    private final Label summary = new Label();
    private final Label reconciliation = new Label();
    private final Label status = new Label();
    private final Button useMeasured = new Button("Use measured values");

    public CustomersView(CustomersViewModel vm) {
        this.vm = vm;
        getStyleClass().add("customers-view");
        getStylesheets().add(CustomersView.class.getResource(CSS).toExternalForm());

        Button usage = button("Usage…", Feather.UPLOAD, "importUsage",
                "Import usage or spend exports (LiteLLM, Langfuse, Helicone, OpenAI, Anthropic, customer,date,cost)");
        usage.setOnAction(e -> choose("Usage or spend exports", true, files -> {
            vm.setUsageFiles(files);
            reload();
        }));
        Button revenue = button("Revenue…", Feather.DOLLAR_SIGN, "importRevenue",
                "Import revenue per customer (customer, date or period, amount; Stripe payments or invoices)");
        revenue.setOnAction(e -> choose("Revenue per customer", true, files -> {
            vm.setRevenueFiles(files);
            reload();
        }));
        Button map = button("Customer map…", Feather.USERS, "importCustomerMap",
                "Which customer each user, key, team or project belongs to (identity,customer[,plan])");
        map.setOnAction(e -> choose("Identity to customer mapping", false, files -> {
            vm.setCustomersFile(files.get(0));
            reload();
        }));
        MenuButton settings = settingsMenu();
        useMeasured.setId("customersUseMeasured");
        useMeasured.setGraphic(new FontIcon(Feather.USER_CHECK));
        useMeasured.setTooltip(new Tooltip("Set the heavy-user share and multiplier of the stress panel to the values"
                + " measured from the usage files"));
        useMeasured.setDisable(true);
        useMeasured.setOnAction(e -> vm.useMeasured());
        toolButtons = List.of(usage, revenue, map, settings, useMeasured);
        bar.getChildren().setAll(usage, revenue, map, settings, useMeasured);
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        status.setId("customersStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(vm.statusProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(600);
        status.setTooltip(statusTip);
        pad(status);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        top.getChildren().setAll(bar, status);
        setTop(top);

        buildTable();
        NumberAxis x = new NumberAxis("Share of customers (lightest first)", 0, 1, 0.2);
        NumberAxis y = new NumberAxis("Share of AI cost", 0, 1, 0.2);
        lorenz = new LineChart<>(x, y);
        lorenz.setId("lorenzChart");
        lorenz.setTitle("Cost concentration");
        lorenz.setCreateSymbols(false);
        lorenz.setAnimated(false);
        lorenz.getStyleClass().add("lorenz-chart");
        CategoryAxis bx = new CategoryAxis();
        bx.setLabel("AI margin (%)");
        bx.setTickLabelRotation(0);
        NumberAxis by = new NumberAxis();
        by.setLabel("Customers");
        margins = new BarChart<>(bx, by);
        margins.setId("marginChart");
        margins.setTitle("Per-customer AI margin");
        margins.setAnimated(false);
        margins.setLegendVisible(false);
        summary.setId("concentrationLabel");
        summary.getStyleClass().add("customers-summary");
        summary.setWrapText(true);
        reconciliation.setId("reconciliationLabel");
        reconciliation.getStyleClass().add("customers-summary");
        reconciliation.setWrapText(true);
        for (Region r : new Region[]{lorenz, margins, table}) {
            r.setMinSize(0, 0);
        }
        summary.setMinHeight(Region.USE_PREF_SIZE);
        reconciliation.setMinHeight(Region.USE_PREF_SIZE);

        // Wide: the table beside the figures. Compact (the Customers tab shares the window with the
        // stress panel and the charts below it): one of table, concentration or margins at a time.
        split.setOrientation(Orientation.HORIZONTAL);
        split.getStyleClass().add("customers-split");
        ToggleGroup pick = new ToggleGroup();
        ToggleButton showTable = toggle("Customers", "customersShowTable", pick);
        ToggleButton showConcentration = toggle("Concentration", "customersShowConcentration", pick);
        ToggleButton showMargins = toggle("Margins", "customersShowMargins", pick);
        pick.selectToggle(showTable);
        pick.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                pick.selectToggle(a); // one always shows
            } else if (compact) {
                layoutCompact();
            }
        });
        compactPicker = new HBox(0, showTable, showConcentration, showMargins);
        compactPicker.getStyleClass().add("customers-picker");
        compactPicker.setMinWidth(Region.USE_PREF_SIZE);
        this.pick = pick;
        this.showConcentration = showConcentration;
        this.showMargins = showMargins;
        layoutWide();
        widthProperty().addListener(o -> relayout());
        heightProperty().addListener(o -> relayout());

        vm.reportProperty().addListener((o, a, r) -> refresh(r));
        vm.setOnRestored(this::reload);
    }

    /** Below this width or height the view shows one part at a time. */
    static final double COMPACT_WIDTH = 760;
    static final double COMPACT_HEIGHT = 440;
    /** Below this width the tool buttons show their icons only (the words are in their tooltips). */
    static final double ICONS_ONLY_WIDTH = 820;

    private final SplitPane split = new SplitPane();
    private final HBox compactPicker;
    private final HBox bar = new HBox(6);
    private final VBox top = new VBox();
    private final ToggleGroup pick;
    private final ToggleButton showConcentration;
    private final ToggleButton showMargins;
    private final List<ButtonBase> toolButtons;
    private boolean compact;
    private ColumnMappingDialog mappingDialog;

    /** True when the view shows one part at a time (a small window). */
    public boolean isCompact() {
        return compact;
    }

    private void relayout() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        boolean c = w < COMPACT_WIDTH || h < COMPACT_HEIGHT;
        if (c != compact) {
            compact = c;
            if (c) {
                layoutCompact();
            } else {
                layoutWide();
            }
        }
        // Compact: one tool row with the import buttons as icons (their words in the tooltips), the
        // part picker and, when there is room, the status line; every pixel of height goes to the table.
        boolean iconsOnly = w < (c ? COMPACT_WORDS_WIDTH : ICONS_ONLY_WIDTH);
        for (ButtonBase b : toolButtons) {
            b.setContentDisplay(iconsOnly && b != useMeasured ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
        boolean statusInBar = c && w >= STATUS_IN_BAR_WIDTH;
        List<javafx.scene.Node> items = new java.util.ArrayList<>(toolButtons);
        if (c) {
            items.add(compactPicker);
        }
        if (statusInBar) {
            items.add(status);
        }
        if (!bar.getChildren().equals(items)) {
            bar.getChildren().setAll(items);
        }
        List<javafx.scene.Node> rows = statusInBar ? List.of(bar) : List.of(bar, status);
        if (!top.getChildren().equals(rows)) {
            top.getChildren().setAll(rows);
        }
        status.setWrapText(!c);
    }

    /** In the compact layout, the import buttons keep their words from this width up. */
    static final double COMPACT_WORDS_WIDTH = 1150;
    /** In the compact layout, the status line joins the tool row from this width up. */
    static final double STATUS_IN_BAR_WIDTH = 880;

    private void layoutWide() {
        compactPicker.setVisible(false);
        compactPicker.setManaged(false);
        VBox charts = new VBox(6, summary, reconciliation, lorenz, margins);
        charts.setPadding(new Insets(6));
        charts.setMinWidth(0);
        VBox.setVgrow(lorenz, Priority.ALWAYS);
        VBox.setVgrow(margins, Priority.ALWAYS);
        split.getItems().setAll(table, charts);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    private void layoutCompact() {
        compactPicker.setVisible(true);
        compactPicker.setManaged(true);
        split.getItems().clear();
        Toggle t = pick.getSelectedToggle();
        if (t == showConcentration) {
            VBox box = new VBox(4, summary, reconciliation, lorenz);
            box.setPadding(new Insets(0, 6, 4, 6));
            VBox.setVgrow(lorenz, Priority.ALWAYS);
            setCenter(box);
        } else if (t == showMargins) {
            BorderPane box = new BorderPane(margins);
            box.setPadding(new Insets(0, 6, 4, 6));
            setCenter(box);
        } else {
            setCenter(table);
        }
    }

    private static Button button(String text, Feather icon, String id, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static ToggleButton toggle(String text, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.getStyleClass().add("customers-pick");
        return b;
    }

    /** Column mapping, model prices and the heavy-user cut: kept in the workbook's project file. */
    private MenuButton settingsMenu() {
        MenuButton m = new MenuButton("Import settings", new FontIcon(Feather.SLIDERS));
        m.setId("customersSettings");
        m.setTooltip(new Tooltip("Column mapping, model prices and the heavy-user cut (kept with the project)"));
        MenuItem mapping = new MenuItem("Column mapping…");
        mapping.setId("customersColumnMapping");
        mapping.setOnAction(e -> {
            if (vm.hasUsage()) {
                askMapping(vm.usageFiles().get(0), null);
            } else {
                vm.showError("Choose the usage or spend exports first (Usage…).");
            }
        });
        MenuItem edit = new MenuItem("Model prices…");
        edit.setId("customersPrices");
        edit.setOnAction(e -> editPrices());
        MenuItem prices = new MenuItem("Model prices from a file…");
        prices.setOnAction(e -> choose("Model prices (model,input_per_1m,output_per_1m[,cached_input_per_1m])", false,
                files -> {
                    try {
                        Map<String, PriceTable.Price> p = new LinkedHashMap<>(vm.prices());
                        p.putAll(PriceTable.read(files.get(0)));
                        vm.setPrices(p);
                        reload();
                    } catch (ImportException ex) {
                        vm.showError(ex.getMessage());
                    }
                }));
        MenuItem clearPrices = new MenuItem("Bundled model prices only");
        clearPrices.setOnAction(e -> {
            vm.setPrices(Map.of());
            reload();
        });
        Menu cut = new Menu("Heavy users");
        ToggleGroup cuts = new ToggleGroup();
        for (int pct : new int[]{5, 10, 15, 20, 25}) {
            RadioMenuItem item = new RadioMenuItem("Top " + pct + "% of customers by AI cost");
            item.setUserData(pct / 100.0);
            item.setToggleGroup(cuts);
            item.setOnAction(e -> {
                vm.setHeavyCut(pct / 100.0);
                reload();
            });
            cut.getItems().add(item);
        }
        m.setOnShowing(e -> cuts.getToggles().forEach(t ->
                t.setSelected(Math.abs((double) t.getUserData() - vm.heavyCut()) < 1e-9)));
        m.getItems().addAll(mapping, edit, prices, clearPrices, new SeparatorMenuItem(), cut);
        return m;
    }

    /** The model prices dialog open now, or null. */
    public PriceOverridesDialog pricesDialog() {
        return pricesDialog;
    }

    private PriceOverridesDialog pricesDialog;

    /** Opens the project's model prices; OK imports again with them. */
    public void editPrices() {
        PriceOverridesDialog d = new PriceOverridesDialog(vm.prices(), PriceTable.bundled().asOf());
        if (getScene() != null && getScene().getWindow() != null) {
            d.initOwner(getScene().getWindow());
        }
        pricesDialog = d;
        d.setOnHidden(e -> {
            pricesDialog = null;
            Map<String, PriceTable.Price> chosen = d.getResult();
            if (chosen != null) {
                vm.setPrices(chosen);
                if (vm.hasUsage()) {
                    reload();
                } else {
                    vm.saveSettings();
                }
            }
        });
        d.show();
    }

    /** The mapping step open now, or null. */
    public ColumnMappingDialog mappingDialog() {
        return mappingDialog;
    }

    /**
     * Shows the columns of {@code file} with a field choice each and its first rows; OK imports again
     * with that mapping (kept in the project file once the import succeeds).
     */
    private void askMapping(Path file, String why) {
        UsageImporter.Preview preview;
        try {
            preview = UsageImporter.preview(file, ColumnMappingDialog.PREVIEW_ROWS);
        } catch (ImportException e) {
            vm.showError(e.getMessage());
            return;
        }
        if (mappingDialog != null) {
            mappingDialog.close();
        }
        ColumnMappingDialog d = new ColumnMappingDialog(preview, vm.mapping());
        if (getScene() != null && getScene().getWindow() != null) {
            d.initOwner(getScene().getWindow());
        }
        if (why != null) {
            vm.showError(why);
        }
        mappingDialog = d;
        d.setOnHidden(e -> {
            if (mappingDialog == d) {
                mappingDialog = null;
            }
            Map<String, UsageField> chosen = d.getResult();
            if (chosen != null) {
                vm.setMapping(chosen);
                reload();
            }
        });
        d.show();
    }

    private static Label pad(Label l) {
        l.setPadding(new Insets(2, 8, 4, 8));
        return l;
    }

    public TableView<CustomerEconomics> table() {
        return table;
    }

    public LineChart<Number, Number> lorenzChart() {
        return lorenz;
    }

    public BarChart<String, Number> marginChart() {
        return margins;
    }

    public Button useMeasuredButton() {
        return useMeasured;
    }

    private void buildTable() {
        table.setId("customersTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("Import usage or spend exports (LiteLLM, Langfuse, Helicone, OpenAI,"
                + " Anthropic, or customer,date,cost) to see AI margin per customer."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<CustomerEconomics, CustomerEconomics> badge = new TableColumn<>("Status");
        badge.setId("customersBadge");
        badge.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        badge.setComparator(Comparator.comparing((CustomerEconomics c) -> !c.underWater())
                .thenComparing(c -> c.revenue() == null));
        badge.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CustomerEconomics item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                setGraphic(badge(item));
            }
        });
        badge.setPrefWidth(125);
        table.getColumns().add(badge);
        table.getColumns().add(text("Customer", CustomerEconomics::id));
        table.getColumns().add(text("Plan or team", c -> c.group() == null ? "" : c.group()));
        table.getColumns().add(number("AI cost", CustomerEconomics::cost, CustomersView::money));
        table.getColumns().add(number("AI revenue", CustomerEconomics::revenue, CustomersView::money));
        table.getColumns().add(number("AI margin", CustomerEconomics::margin, CustomersView::pct));
        table.getColumns().add(number("Margin $", CustomerEconomics::marginAmount, CustomersView::money));
        table.getColumns().add(number("Cost / month", CustomerEconomics::costPerActiveMonth, CustomersView::money));
        table.getColumns().add(number("Requests", c -> (double) c.requests(),
                v -> String.format(Locale.ROOT, "%,.0f", v)));
    }

    /** The badge of an account: under water, no revenue, or in profit; a word and an icon, not colour alone. */
    static Label badge(CustomerEconomics c) {
        Label l = new Label();
        l.getStyleClass().add("badge");
        if (c.underWater()) {
            l.setText("Under water");
            l.setGraphic(new FontIcon(Feather.TRENDING_DOWN));
            l.getStyleClass().add("badge-underwater");
        } else if (c.revenue() == null) {
            l.setText("No revenue data");
            l.setGraphic(new FontIcon(Feather.HELP_CIRCLE));
            l.getStyleClass().add("badge-norevenue");
        } else {
            l.setText("In profit");
            l.setGraphic(new FontIcon(Feather.CHECK));
            l.getStyleClass().add("badge-profitable");
        }
        return l;
    }

    private static TableColumn<CustomerEconomics, String> text(String title, Function<CustomerEconomics, String> f) {
        TableColumn<CustomerEconomics, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(90);
        return c;
    }

    private static TableColumn<CustomerEconomics, Double> number(String title, Function<CustomerEconomics, Double> f,
                                                                 Function<Double, String> format) {
        TableColumn<CustomerEconomics, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "–" : format.apply(v));
            }
        });
        c.getStyleClass().add("amount-cell");
        c.setPrefWidth(105);
        return c;
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%s$%,.2f", v < 0 ? "−" : "", Math.abs(v));
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100).replace('-', '−');
    }

    private void refresh(UsageAnalysis.Report r) {
        useMeasured.setDisable(r == null || r.economics().heavyUsers().customers() < 2);
        summary.setText(vm.concentrationText() + "\n" + vm.measuredText());
        reconciliation.setText(vm.reconciliationText());
        lorenz.getData().clear();
        margins.getData().clear();
        if (r == null) {
            return;
        }
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        curve.setName("Customers");
        for (double[] p : r.economics().concentration().lorenz()) {
            curve.getData().add(new XYChart.Data<>(p[0], p[1]));
        }
        XYChart.Series<Number, Number> equal = new XYChart.Series<>();
        equal.setName("Equal shares");
        equal.getData().add(new XYChart.Data<>(0, 0));
        equal.getData().add(new XYChart.Data<>(1, 1));
        lorenz.getData().setAll(List.of(curve, equal));
        int[] counts = distribution(r.economics().customers());
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        bars.setName("Customers");
        for (int i = 0; i < BUCKETS.length; i++) {
            bars.getData().add(new XYChart.Data<>(BUCKETS[i], counts[i]));
        }
        margins.getData().setAll(List.of(bars));
    }

    /** How many customers fall in each margin bucket. */
    static int[] distribution(List<CustomerEconomics> customers) {
        int[] counts = new int[BUCKETS.length];
        for (CustomerEconomics c : customers) {
            Double m = c.margin();
            int b;
            if (m == null) {
                b = c.underWater() ? 0 : BUCKETS.length - 1;
            } else if (m < -0.5) {
                b = 0;
            } else if (m < -0.25) {
                b = 1;
            } else if (m < 0) {
                b = 2;
            } else if (m < 0.25) {
                b = 3;
            } else if (m < 0.5) {
                b = 4;
            } else if (m < 0.75) {
                b = 5;
            } else {
                b = 6;
            }
            counts[b]++;
        }
        return counts;
    }

    /** Reads the chosen files in the background and shows the result; a bad file's message goes to the status line. */
    public Task<UsageAnalysis.Report> reload() {
        return vm.reload(this::askMapping);
    }

    private void choose(String title, boolean many, java.util.function.Consumer<List<Path>> then) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV or JSON", "*.csv", "*.json", "*.jsonl",
                "*.ndjson", "*.txt"), new FileChooser.ExtensionFilter("All files", "*.*"));
        Window w = getScene() == null ? null : getScene().getWindow();
        if (many) {
            List<File> files = fc.showOpenMultipleDialog(w);
            if (files != null && !files.isEmpty()) {
                then.accept(files.stream().map(File::toPath).toList());
            }
        } else {
            File f = fc.showOpenDialog(w);
            if (f != null) {
                then.accept(List.of(f.toPath()));
            }
        }
    }
}
