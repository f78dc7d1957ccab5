package com.marginworkbench.ui.workbench;

import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.RevenueLine;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One revenue line as the window shows it: label, source and amounts fixed, layer and usage
 * pricing kept in step with the model by the view model. Edits go through the view model.
 */
public final class RevenueRow {
    private final int index;
    private final String label;
    private final String source;
    private final double total;
    private final double[] amounts;
    private final ReadOnlyObjectWrapper<LayerSplit> layer = new ReadOnlyObjectWrapper<>(this, "layer");
    private final ReadOnlyBooleanWrapper usagePriced = new ReadOnlyBooleanWrapper(this, "usagePriced");

    RevenueRow(int index, RevenueLine line) {
        this.index = index;
        this.label = line.label();
        this.source = line.sourceCell();
        this.total = line.total();
        this.amounts = line.amounts();
        update(line);
    }

    /** Position of the line in the model's revenue list. */
    public int index() {
        return index;
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    public double total() {
        return total;
    }

    public double amount(int period) {
        return amounts[period];
    }

    public LayerSplit layer() {
        return layer.get();
    }

    public ReadOnlyObjectProperty<LayerSplit> layerProperty() {
        return layer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty usagePricedProperty() {
        return usagePriced.getReadOnlyProperty();
    }

    void update(RevenueLine line) {
        layer.set(line.layer());
        usagePriced.set(line.usagePriced());
    }
}
