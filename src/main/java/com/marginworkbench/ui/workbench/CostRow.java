package com.marginworkbench.ui.workbench;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Placement;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the cost grid as the view sees it: read-only properties that the view model keeps in
 * step with the line, its decision and its classification. Edits go through the view model.
 */
public final class CostRow {
    private final int index;
    private final String label;
    private final String source;
    private final String sheet;
    private final double total;
    private final Placement reported;
    private final double[] amounts;
    private final ReadOnlyObjectWrapper<LayerSplit> layer = new ReadOnlyObjectWrapper<>(this, "layer");
    private final ReadOnlyObjectWrapper<CostType> costType = new ReadOnlyObjectWrapper<>(this, "costType");
    private final ReadOnlyObjectWrapper<Answer> triggered = new ReadOnlyObjectWrapper<>(this, "triggered");
    private final ReadOnlyObjectWrapper<Answer> needed = new ReadOnlyObjectWrapper<>(this, "needed");
    private final ReadOnlyObjectWrapper<Answer> varies = new ReadOnlyObjectWrapper<>(this, "varies");
    private final ReadOnlyObjectWrapper<Classification> classification = new ReadOnlyObjectWrapper<>(this, "classification");
    private final ReadOnlyObjectWrapper<Treatment> treatment = new ReadOnlyObjectWrapper<>(this, "treatment");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper llmPriced = new ReadOnlyBooleanWrapper(this, "llmPriced");
    private final ReadOnlyBooleanWrapper usageVariable = new ReadOnlyBooleanWrapper(this, "usageVariable");

    CostRow(int index, CostLine line) {
        this.index = index;
        this.label = line.label();
        this.source = line.sourceCell();
        this.sheet = line.source() == null ? "" : line.source().sheet();
        this.total = line.total();
        this.reported = line.reported();
        this.amounts = line.amounts();
    }

    /** Position of the line in the model's cost list. */
    public int index() {
        return index;
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    public String sheet() {
        return sheet;
    }

    public double total() {
        return total;
    }

    public double amount(int period) {
        return amounts[period];
    }

    public Placement reported() {
        return reported;
    }

    public ReadOnlyObjectProperty<LayerSplit> layerProperty() {
        return layer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CostType> costTypeProperty() {
        return costType.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Answer> answerProperty(Question q) {
        return switch (q) {
            case TRIGGERED -> triggered.getReadOnlyProperty();
            case NEEDED -> needed.getReadOnlyProperty();
            case VARIES -> varies.getReadOnlyProperty();
        };
    }

    public ReadOnlyObjectProperty<Classification> classificationProperty() {
        return classification.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Treatment> treatmentProperty() {
        return treatment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty llmPricedProperty() {
        return llmPriced.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty usageVariableProperty() {
        return usageVariable.getReadOnlyProperty();
    }

    public Treatment treatment() {
        return treatment.get();
    }

    public CostType costType() {
        return costType.get();
    }

    public LayerSplit layer() {
        return layer.get();
    }

    public Classification classification() {
        return classification.get();
    }

    /** The treatment that matches where the workbook reported the line (Review never does). */
    public static Treatment reportedTreatment(Placement p) {
        return switch (p) {
            case COST_OF_REVENUE -> Treatment.COST_OF_REVENUE;
            case RESEARCH_DEVELOPMENT -> Treatment.RESEARCH_DEVELOPMENT;
            case CAPITALIZED -> Treatment.CAPITALIZED;
            default -> Treatment.OPERATING_EXPENSE;
        };
    }

    /**
     * True when the line's treatment differs from where the workbook reported it; a line under
     * review keeps its reported place in the figures, so it has not moved.
     */
    public boolean moved() {
        Treatment t = treatment();
        return t != null && t != Treatment.REVIEW && t != reportedTreatment(reported);
    }

    /** The answer used by the test for a question (the type's default filled in). */
    public boolean resolvedAnswer(Question q) {
        Classification c = classification.get();
        return switch (q) {
            case TRIGGERED -> c.triggeredByCustomer();
            case NEEDED -> c.neededForDelivery();
            case VARIES -> c.variesWithUsage();
        };
    }

    void update(CostLine line, com.marginworkbench.classify.LineDecision decision, Classification c) {
        layer.set(line.layer());
        llmPriced.set(line.llmPriced());
        usageVariable.set(line.usageVariable());
        costType.set(decision.costType());
        triggered.set(decision.answers().triggeredByCustomer());
        needed.set(decision.answers().neededForDelivery());
        varies.set(decision.answers().variesWithUsage());
        note.set(decision.note());
        classification.set(c);
        treatment.set(c.treatment());
    }
}
