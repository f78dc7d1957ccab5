package com.marginworkbench.ui.customers;

import com.marginworkbench.usage.CustomerEconomics;
import com.marginworkbench.usage.imports.ImportException;
import com.marginworkbench.usage.imports.UsageAnalysis;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

        Button usage = new Button("Import usage…", new FontIcon(Feather.UPLOAD));
        usage.setId("importUsage");
        usage.setOnAction(e -> choose("Usage or spend exports", true, files -> {
            vm.setUsageFiles(files);
            reload();
        }));
        Button revenue = new Button("Revenue…", new FontIcon(Feather.DOLLAR_SIGN));
        revenue.setOnAction(e -> choose("Revenue per customer", true, files -> {
            vm.setRevenueFiles(files);
            reload();
        }));
        Button map = new Button("Customer map…", new FontIcon(Feather.USERS));
        map.setOnAction(e -> choose("Identity to customer mapping", false, files -> {
            vm.setCustomersFile(files.get(0));
            reload();
        }));
        useMeasured.setId("customersUseMeasured");
        useMeasured.setTooltip(new Tooltip("Set the heavy-user share and multiplier of the stress panel to the values"
                + " measured from the usage files"));
        useMeasured.setDisable(true);
        useMeasured.setOnAction(e -> vm.useMeasured());
        ToolBar bar = new ToolBar(usage, revenue, map, useMeasured);
        status.setId("customersStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        VBox top = new VBox(bar, pad(status));
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
        VBox charts = new VBox(6, summary, reconciliation, lorenz, margins);
        charts.setPadding(new Insets(6));
        VBox.setVgrow(lorenz, Priority.ALWAYS);
        VBox.setVgrow(margins, Priority.ALWAYS);
        charts.setMinWidth(0);
        lorenz.setMinHeight(0);
        margins.setMinHeight(0);
        SplitPane split = new SplitPane(table, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        setCenter(split);

        vm.reportProperty().addListener((o, a, r) -> refresh(r));
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
        if (!vm.hasUsage()) {
            vm.showError("Choose the usage or spend exports first (Import usage…).");
            return null;
        }
        vm.showError("Reading " + vm.usageFiles().size() + " usage file(s)…");
        Task<UsageAnalysis.Report> t = new Task<>() {
            @Override
            protected UsageAnalysis.Report call() throws ImportException {
                return vm.analyse();
            }
        };
        t.setOnSucceeded(e -> vm.show(t.getValue()));
        t.setOnFailed(e -> vm.showError(t.getException() instanceof ImportException ie ? ie.getMessage()
                : "Could not read the usage files: " + t.getException()));
        Thread th = new Thread(t, "customers-import");
        th.setDaemon(true);
        th.start();
        return t;
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
