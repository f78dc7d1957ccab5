package com.marginworkbench.ui.grid;

import com.marginworkbench.ui.workbench.GridViewModel;
import com.marginworkbench.app.AssessedLine;
import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The capitalization answer of one training or index-build line: whether the framework's criteria
 * are met (the checklist the classification gives is shown) and the useful life over which a
 * capitalized cost is amortized. OK applies both as one undoable edit.
 */
public final class CapitalizationDialog extends Dialog<ButtonType> {
    private final ComboBox<Answer> criteria = new ComboBox<>();
    private final Spinner<Integer> life = new Spinner<>();

    public CapitalizationDialog(GridViewModel vm, int index, Window owner) {
        initOwner(owner);
        AssessedLine line = vm.line(index);
        LineDecision d = line.decision();
        Classification c = line.classification();
        setTitle("Capitalization");
        setHeaderText("'" + line.line().label() + "' (" + line.line().sourceCell() + ")");
        setResizable(true);

        VBox checklist = new VBox(4);
        Label what = new Label(c.criteria().isEmpty()
                ? "This line's cost type has no capitalization checklist; the answer is kept for the record."
                : "Criteria to work through before this cost leaves Review:");
        what.setWrapText(true);
        checklist.getChildren().add(what);
        for (String criterion : c.criteria()) {
            Label l = new Label("• " + criterion);
            l.setWrapText(true);
            checklist.getChildren().add(l);
        }

        criteria.getItems().setAll(Answer.DEFAULT, Answer.YES, Answer.NO);
        criteria.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Answer a) {
                return a == null ? "" : switch (a) {
                    case YES -> "Yes: all criteria are met";
                    case NO -> "No: expense it";
                    case DEFAULT -> "Not assessed yet (stays in Review)";
                };
            }

            @Override
            public Answer fromString(String s) {
                return null;
            }
        });
        criteria.setValue(d.criteriaMet());
        criteria.setId("criteriaChoice");
        criteria.setAccessibleText("Capitalization criteria met");
        life.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 600, d.effectiveUsefulLifeMonths()));
        life.setEditable(true);
        life.setId("usefulLifeSpinner");
        life.setAccessibleText("Useful life in months");

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        Label cl = new Label("Criteria met");
        cl.setLabelFor(criteria);
        Label ll = new Label("Useful life (months)");
        ll.setLabelFor(life);
        Label dl = new Label("default " + LineDecision.DEFAULT_USEFUL_LIFE_MONTHS);
        dl.getStyleClass().add("muted");
        for (Label l : new Label[] {cl, ll, dl}) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        criteria.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.addRow(0, cl, criteria);
        g.addRow(1, ll, life, dl);
        Label now = new Label("Now: " + c.treatment().label() + (d.usefulLifeMonths() > 0 || c.usefulLifeMonths() > 0
                ? ", amortized over " + d.effectiveUsefulLifeMonths() + " months." : "."));
        now.setWrapText(true);
        now.getStyleClass().add("muted");
        VBox content = new VBox(10, checklist, g, now);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(
                CapitalizationDialog.class.getResource("/com/marginworkbench/ui/workbench.css").toExternalForm());
        setResultConverter(b -> {
            if (b == ButtonType.OK) {
                int months = life.getValue() == null ? 0 : life.getValue();
                vm.setCapitalization(index, criteria.getValue(),
                        months == LineDecision.DEFAULT_USEFUL_LIFE_MONTHS && d.usefulLifeMonths() == 0 ? 0 : months);
            }
            return b;
        });
    }

    public ComboBox<Answer> criteriaChoice() {
        return criteria;
    }

    public Spinner<Integer> usefulLifeSpinner() {
        return life;
    }
}
