package com.marginworkbench.ui.grid;

import com.marginworkbench.model.LayerSplit;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.util.StringConverter;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The layer column of the cost and the revenue grid: the same choices, typing and sorting in both. */
final class LayerColumns {
    private LayerColumns() {
    }

    /** "AI", "Software", "AI 40%"; typing "40%", "40" or "AI 40" gives a 40% AI share. */
    static final StringConverter<LayerSplit> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(LayerSplit s) {
            return s == null ? "" : s.describe();
        }

        @Override
        public LayerSplit fromString(String text) {
            if (text == null) {
                return null;
            }
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("ai")) {
                return LayerSplit.AI;
            }
            if (t.startsWith("soft") || t.equals("sw") || t.equals("saas")) {
                return LayerSplit.SOFTWARE;
            }
            t = t.replace("ai", "").replace("%", "").trim();
            try {
                double v = Double.parseDouble(t);
                return v >= 0 && v <= 100 ? new LayerSplit(v / 100) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };

    /** An editable layer column; a committed value is handed to {@code edit} with the row. */
    static <R> TableColumn<R, LayerSplit> column(String title, Function<R, ObservableValue<LayerSplit>> value,
                                                 BiConsumer<R, LayerSplit> edit) {
        TableColumn<R, LayerSplit> layer = new TableColumn<>(title);
        layer.setCellValueFactory(c -> value.apply(c.getValue()));
        layer.setCellFactory(col -> {
            ComboBoxTableCell<R, LayerSplit> cell = new ComboBoxTableCell<>(CONVERTER,
                    LayerSplit.AI, LayerSplit.SOFTWARE, new LayerSplit(0.25), new LayerSplit(0.5), new LayerSplit(0.75));
            cell.setComboBoxEditable(true);
            return cell;
        });
        layer.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                edit.accept(e.getRowValue(), e.getNewValue());
            }
        });
        layer.setComparator(Comparator.comparingDouble(LayerSplit::aiShare));
        return layer;
    }
}
