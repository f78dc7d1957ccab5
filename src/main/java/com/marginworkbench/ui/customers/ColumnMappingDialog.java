package com.marginworkbench.ui.customers;

import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageImporter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mapping step for a usage file no preset knows: every column the file has, with a field
 * choice and sample values, and the first rows as read. OK gives column → field; it is enabled
 * once a date and a cost (or token) column are chosen.
 */
public final class ColumnMappingDialog extends Dialog<Map<String, UsageField>> {
    /** How many rows the preview shows. */
    public static final int PREVIEW_ROWS = 8;

    private final UsageImporter.Preview preview;
    private final Map<String, ComboBox<UsageField>> choices = new LinkedHashMap<>();
    private final Label missing = new Label();

    /** @param current the mapping in use (its columns are chosen already) */
    public ColumnMappingDialog(UsageImporter.Preview preview, Map<String, UsageField> current) {
        this.preview = preview;
        setTitle("Which column is which");
        setHeaderText((preview.preset() == null ? preview.fileName() + " is not an export this program knows."
                : preview.fileName() + " is read as " + preview.preset() + "; a field chosen here is read from that"
                + " column instead.") + " Say which column holds which field: at least a date and a cost (or a model"
                + " and token counts). Columns left at “—” are not read.");
        getDialogPane().getStylesheets().add(ColumnMappingDialog.class
                .getResource("/com/marginworkbench/ui/customers/customers.css").toExternalForm());
        getDialogPane().getStyleClass().add("column-mapping");
        setResizable(true);

        Map<String, UsageField> lower = new LinkedHashMap<>();
        current.forEach((k, v) -> lower.put(k.trim().toLowerCase(Locale.ROOT), v));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        grid.addRow(0, heading("Column"), heading("Field"), heading("First values"));
        List<String> cols = preview.columns();
        for (int i = 0; i < cols.size(); i++) {
            String col = cols.get(i);
            ComboBox<UsageField> box = new ComboBox<>();
            box.setId("mapField-" + i);
            box.getItems().add(null);
            box.getItems().addAll(UsageField.values());
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(UsageField f) {
                    return f == null ? "—" : f.key();
                }

                @Override
                public UsageField fromString(String s) {
                    return s == null ? null : UsageField.parse(s);
                }
            });
            box.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(UsageField f, boolean empty) {
                    super.updateItem(f, empty);
                    setText(empty ? null : f == null ? "— (not read)" : f.key() + ": " + f.meaning());
                }
            });
            box.setValue(lower.containsKey(col) ? lower.get(col) : guess(col));
            box.valueProperty().addListener((o, a, b) -> check());
            box.setMaxWidth(Double.MAX_VALUE);
            choices.put(col, box);
            Label name = new Label(col);
            name.setMinWidth(80);
            Label sample = new Label(samples(i));
            sample.getStyleClass().add("mapping-sample");
            grid.addRow(i + 1, name, box, sample);
        }
        ScrollPane list = new ScrollPane(grid);
        list.setFitToWidth(true);
        list.setPrefViewportHeight(Math.min(320, 32.0 * (cols.size() + 1)));

        TableView<List<String>> rows = new TableView<>();
        rows.setId("mappingPreview");
        for (int i = 0; i < cols.size(); i++) {
            int k = i;
            TableColumn<List<String>, String> c = new TableColumn<>(cols.get(i));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(k < d.getValue().size() ? d.getValue().get(k) : ""));
            c.setSortable(false);
            rows.getColumns().add(c);
        }
        rows.getItems().setAll(preview.rows());
        rows.setPrefHeight(30 + 26.0 * Math.max(2, Math.min(PREVIEW_ROWS, preview.rows().size())));
        rows.setPlaceholder(new Label("The file has no rows."));

        missing.setId("mappingMissing");
        missing.getStyleClass().add("mapping-missing");
        missing.setWrapText(true);
        Label previewTitle = heading("First rows as read");
        VBox box = new VBox(8, list, missing, previewTitle, rows);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPrefWidth(760);
        getDialogPane().setContent(box);
        ButtonType ok = new ButtonType("Import with this mapping", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        setResultConverter(b -> b == ok ? mapping() : null);
        check();
    }

    private static Label heading(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("mapping-heading");
        return l;
    }

    /** A field whose name is the column's own (a column called {@code model} is the model). */
    private static UsageField guess(String column) {
        return UsageField.parse(column.replace(' ', '_'));
    }

    private String samples(int column) {
        List<String> out = new ArrayList<>();
        for (List<String> r : preview.rows()) {
            String v = column < r.size() ? r.get(column) : "";
            if (!v.isBlank() && out.size() < 3) {
                out.add(v.length() > 24 ? v.substring(0, 23) + "…" : v);
            }
        }
        return String.join(" · ", out);
    }

    /** Column → field as chosen now (columns left at “—” are not in it). */
    public Map<String, UsageField> mapping() {
        Map<String, UsageField> m = new LinkedHashMap<>();
        choices.forEach((col, box) -> {
            if (box.getValue() != null) {
                m.put(col, box.getValue());
            }
        });
        return m;
    }

    /** Chooses a field for a column (as the user would in its list). */
    public void choose(String column, UsageField field) {
        ComboBox<UsageField> box = choices.get(column.toLowerCase(Locale.ROOT));
        if (box == null) {
            throw new IllegalArgumentException("the file has no column " + column + "; it has " + choices.keySet());
        }
        box.setValue(field);
    }

    /** What the mapping still lacks, or "" when it can be imported. */
    public String missing() {
        return missing.getText();
    }

    private void check() {
        Map<String, UsageField> m = mapping();
        List<String> lacks = new ArrayList<>();
        if (preview.preset() != null) {
            // the preset reads the date and the cost; the mapping only changes columns
        } else if (!m.containsValue(UsageField.DATE)) {
            lacks.add("a date column");
        }
        if (preview.preset() == null && !(m.containsValue(UsageField.COST) || m.containsValue(UsageField.COST_CENTS)
                || m.containsValue(UsageField.INPUT_TOKENS))) {
            lacks.add("a cost column (or input_tokens with a model column)");
        }
        List<String> twice = new ArrayList<>();
        for (UsageField f : UsageField.values()) {
            if (m.values().stream().filter(f::equals).count() > 1) {
                twice.add(f.key());
            }
        }
        String text = lacks.isEmpty() ? "" : "Still needed: " + String.join(" and ", lacks) + ".";
        if (!twice.isEmpty()) {
            text = (text.isEmpty() ? "" : text + " ") + "Each field is read from one column; chosen twice: "
                    + String.join(", ", twice) + ".";
        }
        missing.setText(text);
        missing.setVisible(!text.isEmpty());
        missing.setManaged(!text.isEmpty());
        var okButton = getDialogPane().lookupButton(getDialogPane().getButtonTypes().isEmpty() ? null
                : getDialogPane().getButtonTypes().get(0));
        if (okButton != null) {
            okButton.setDisable(!text.isEmpty());
        }
    }
}
