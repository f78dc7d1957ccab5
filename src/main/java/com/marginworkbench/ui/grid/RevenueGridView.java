package com.marginworkbench.ui.grid;

import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.ui.workbench.Format;
import com.marginworkbench.ui.workbench.RevenueRow;
import com.marginworkbench.ui.workbench.GridViewModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The revenue lines: label, layer (AI, software or an AI share, edited like a cost line's),
 * usage pricing, total and source. Every edit goes to the view model as one undoable step, and
 * the margins follow at once.
 */
public final class RevenueGridView extends BorderPane {
    private final GridViewModel vm;
    private final TableView<RevenueRow> table = new TableView<>();

    public RevenueGridView(GridViewModel vm) {
        this.vm = vm;
        getStyleClass().add("revenue-grid");
        table.setItems(vm.revenueRows());
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setId("revenueGrid");
        table.setPlaceholder(new Label("No revenue lines were read. Open the mapping (Ctrl+M) to point at the "
                + "statement or mark a row as revenue."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        buildColumns();
        setCenter(table);
    }

    public TableView<RevenueRow> table() {
        return table;
    }

    private void buildColumns() {
        TableColumn<RevenueRow, String> label = new TableColumn<>("Revenue line");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        label.setPrefWidth(240);

        TableColumn<RevenueRow, LayerSplit> layer = LayerColumns.column("Layer", RevenueRow::layerProperty,
                (row, split) -> vm.setRevenueLayer(row.index(), split));
        layer.setPrefWidth(100);
        layer.setId("revenueLayerColumn");
        Label layerHeader = new Label("Layer");
        layerHeader.setTooltip(new Tooltip("AI, Software, or the AI share in percent (type 40 for 40% AI). "
                + "The AI-layer margin divides by AI revenue."));
        layer.setGraphic(layerHeader);
        layer.setText("");

        TableColumn<RevenueRow, Boolean> usage = new TableColumn<>("Priced by usage");
        usage.setCellValueFactory(c -> c.getValue().usagePricedProperty());
        usage.setCellFactory(col -> new UsageCell());
        usage.setPrefWidth(120);

        TableColumn<RevenueRow, Number> total = new TableColumn<>("Total");
        total.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().total()));
        total.setCellFactory(col -> new TableCell<>() {
            {
                getStyleClass().add("amount-cell");
            }

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Format.amount(v.doubleValue()));
            }
        });
        total.setPrefWidth(120);

        TableColumn<RevenueRow, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        source.setPrefWidth(120);

        table.getColumns().add(label);
        table.getColumns().add(layer);
        table.getColumns().add(usage);
        table.getColumns().add(total);
        table.getColumns().add(source);
    }

    /** Usage pricing as a check box; ticking it is an undoable edit. */
    private final class UsageCell extends TableCell<RevenueRow, Boolean> {
        private final CheckBox box = new CheckBox();

        UsageCell() {
            box.setAccessibleText("Priced by usage");
            box.setOnAction(e -> {
                RevenueRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    vm.setRevenueUsagePriced(row.index(), box.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(Boolean v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            box.setSelected(v);
            setGraphic(box);
        }
    }
}
