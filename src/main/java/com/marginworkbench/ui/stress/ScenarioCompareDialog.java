package com.marginworkbench.ui.stress;

import com.marginworkbench.margin.Levers;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.ui.workbench.StressViewModel;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/** Two scenarios side by side: their levers and the margins they give on the same classification. */
public final class ScenarioCompareDialog extends Dialog<Void> {
    private static final String CURRENT = "Current levers";
    private static final String NEUTRAL = "Neutral (no stress)";

    private final StressViewModel vm;
    private final ComboBox<String> left = new ComboBox<>();
    private final ComboBox<String> right = new ComboBox<>();
    private final GridPane table = new GridPane();

    public ScenarioCompareDialog(StressViewModel vm, Window owner) {
        this.vm = vm;
        initOwner(owner);
        setTitle("Compare scenarios");
        setHeaderText("Two sets of levers on the same classification");
        setResizable(true);
        List<String> names = new ArrayList<>();
        names.add(NEUTRAL);
        names.add(CURRENT);
        vm.scenarios().forEach(s -> names.add(s.name()));
        left.getItems().setAll(names);
        right.getItems().setAll(names);
        left.setValue(NEUTRAL);
        right.setValue(names.size() > 2 ? names.get(names.size() - 1) : CURRENT);
        left.setAccessibleText("Left scenario");
        right.setAccessibleText("Right scenario");
        left.setId("compareLeft");
        right.setId("compareRight");
        left.setOnAction(e -> refresh());
        right.setOnAction(e -> refresh());
        table.setHgap(24);
        table.setVgap(6);
        table.setPadding(new Insets(8, 4, 4, 4));
        table.getStyleClass().add("compare-table");
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.SOMETIMES);
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHalignment(HPos.RIGHT);
        c1.setMinWidth(140);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHalignment(HPos.RIGHT);
        c2.setMinWidth(140);
        table.getColumnConstraints().addAll(c0, c1, c2);
        refresh();
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStyleClass().add("compare-dialog");
        getDialogPane().getStylesheets().add(
                ScenarioCompareDialog.class.getResource("/com/marginworkbench/ui/workbench.css").toExternalForm());
        // both boxes as wide as the longest scenario name, so none is cut to "Power use...": measured
        // once the dialog shows, in the font its cells are drawn in, and the dialog sized again
        for (ComboBox<String> box : List.of(left, right)) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(box.valueProperty());
            box.setTooltip(tip);
        }
        setOnShown(e -> fitNames(c1, c2));
    }

    private void fitNames(ColumnConstraints... columns) {
        getDialogPane().applyCss();
        Font font = left.lookup(".list-cell") instanceof Labeled cell ? cell.getFont() : Font.getDefault();
        double widest = 0;
        for (String name : left.getItems()) {
            Text t = new Text(name);
            t.setFont(font);
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        // the arrow button and the cell's padding
        double width = Math.max(140, Math.ceil(widest) + 56);
        for (ColumnConstraints c : columns) {
            c.setMinWidth(width);
            c.setPrefWidth(width);
        }
        left.setPrefWidth(width);
        right.setPrefWidth(width);
        getDialogPane().layout();
        getDialogPane().getScene().getWindow().sizeToScene();
    }

    private Levers levers(String name) {
        if (name == null || NEUTRAL.equals(name)) {
            return Levers.NEUTRAL;
        }
        if (CURRENT.equals(name)) {
            return vm.levers();
        }
        return vm.scenario(name).map(ProjectState.Scenario::levers).orElse(Levers.NEUTRAL);
    }

    private void refresh() {
        table.getChildren().clear();
        table.add(new Label(""), 0, 0);
        table.add(left, 1, 0);
        table.add(right, 2, 0);
        int row = 1;
        boolean figuresStarted = false;
        for (StressViewModel.CompareRow r : vm.compare(levers(left.getValue()), levers(right.getValue()))) {
            if (!figuresStarted && r.label().equals("Restated blended GM")) {
                table.add(new Separator(), 0, row++, 3, 1);
                figuresStarted = true;
            }
            Label name = new Label(r.label());
            Label a = new Label(r.left());
            Label b = new Label(r.right());
            a.getStyleClass().add("compare-figure");
            b.getStyleClass().add("compare-figure");
            if (!r.left().equals(r.right())) {
                b.getStyleClass().add("compare-differs");
                a.getStyleClass().add("compare-differs");
            }
            table.addRow(row++, name, a, b);
        }
    }
}
