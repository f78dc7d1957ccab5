package com.marginworkbench.ui.customers;

import com.marginworkbench.usage.imports.PriceTable;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's model prices, one row per model (USD per million input, output and cached input
 * tokens), put over the bundled table for rows with tokens and no cost. OK gives the rows; it is
 * enabled when every row has a model and prices of 0 or more.
 */
public final class PriceOverridesDialog extends Dialog<Map<String, PriceTable.Price>> {
    private final GridPane grid = new GridPane();
    private final List<TextField[]> rows = new ArrayList<>();
    private final Label problem = new Label();
    private final ButtonType ok = new ButtonType("Use these prices", ButtonBar.ButtonData.OK_DONE);

    public PriceOverridesDialog(Map<String, PriceTable.Price> current, String bundledAsOf) {
        setTitle("Model prices");
        setHeaderText("Prices put over the bundled table (list prices as of " + bundledAsOf + ") for rows with tokens and no cost,"
                + " in USD per million tokens; kept with the project. A model name also prices the names that"
                + " start with it.");
        setResizable(true);
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        current.forEach(this::addRow);
        Button add = new Button("Add a model", new FontIcon(Feather.PLUS));
        add.setId("pricesAdd");
        add.setOnAction(e -> addRow("", null));
        problem.setId("pricesProblem");
        problem.setWrapText(true);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(240);
        VBox box = new VBox(8, scroll, add, problem);
        box.setPrefWidth(620);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        setResultConverter(b -> b == ok ? prices() : null);
        layoutRows();
    }

    /** A row for one model (the prices blank when {@code p} is null). */
    public void addRow(String model, PriceTable.Price p) {
        TextField[] f = {new TextField(model), field(p == null ? null : p.input()), field(p == null ? null : p.output()),
                field(p == null ? null : p.cachedInput())};
        f[0].setPromptText("model");
        f[3].setPromptText("input price");
        for (TextField t : f) {
            t.textProperty().addListener(o -> check());
        }
        rows.add(f);
        layoutRows();
    }

    /** Sets the text of one cell (row, column 0 model, 1 input, 2 output, 3 cached input) as the user would. */
    public void type(int row, int column, String text) {
        rows.get(row)[column].setText(text);
    }

    private static TextField field(Double v) {
        TextField t = new TextField(v == null ? "" : String.format(Locale.ROOT, "%s", v));
        t.setPrefColumnCount(7);
        return t;
    }

    private void layoutRows() {
        grid.getChildren().clear();
        grid.addRow(0, new Label("Model"), new Label("Input / 1M"), new Label("Output / 1M"), new Label("Cached input / 1M"));
        for (int i = 0; i < rows.size(); i++) {
            TextField[] f = rows.get(i);
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().add("flat");
            TextField[] me = f;
            remove.setOnAction(e -> {
                rows.remove(me);
                layoutRows();
            });
            grid.addRow(i + 1, new Node[]{f[0], f[1], f[2], f[3], remove});
        }
        check();
    }

    /** The prices as typed; rows that are not complete are left out. */
    public Map<String, PriceTable.Price> prices() {
        Map<String, PriceTable.Price> m = new LinkedHashMap<>();
        for (TextField[] f : rows) {
            Double in = number(f[1].getText());
            Double out = number(f[2].getText());
            Double cached = f[3].getText().isBlank() ? null : number(f[3].getText());
            if (!f[0].getText().isBlank() && in != null && out != null) {
                m.put(f[0].getText().trim().toLowerCase(Locale.ROOT), new PriceTable.Price(in, out, cached));
            }
        }
        return m;
    }

    /** What keeps OK disabled, or "". */
    public String problem() {
        return problem.getText();
    }

    private void check() {
        String text = "";
        for (TextField[] f : rows) {
            String model = f[0].getText().isBlank() ? "a row" : f[0].getText().trim();
            if (f[0].getText().isBlank()) {
                text = "Each row needs a model name.";
            } else if (number(f[1].getText()) == null || number(f[2].getText()) == null
                    || (!f[3].getText().isBlank() && number(f[3].getText()) == null)) {
                text = model + ": the prices are numbers of 0 or more (the cached input price may stay empty).";
            }
            if (!text.isEmpty()) {
                break;
            }
        }
        problem.setText(text);
        Node button = getDialogPane().lookupButton(ok);
        if (button != null) {
            button.setDisable(!text.isEmpty());
        }
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s.trim().replace("$", ""));
            return v >= 0 && !Double.isInfinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
