package com.marginworkbench.ui.stress;

import com.marginworkbench.ui.workbench.StressViewModel;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.FreeTierPolicy;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.project.ProjectState;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sliders and exact-value fields for the stress levers, the named scenarios, and the framework and
 * policy switches. Everything goes to the view models; this class only wires controls.
 */
public final class StressPanelView extends VBox {
    private final StressViewModel stress;
    private final Map<Lever, Slider> sliders = new EnumMap<>(Lever.class);
    private final Map<Lever, TextField> fields = new EnumMap<>(Lever.class);
    private final ComboBox<String> scenarioBox = new ComboBox<>();
    private final ComboBox<Framework> framework = new ComboBox<>();
    private final CheckBox asu = new CheckBox("ASU 2025-06 adopted");
    private final ComboBox<FreeTierPolicy> freeTier = new ComboBox<>();
    private boolean syncing;

    public StressPanelView(StressViewModel stress) {
        this.stress = stress;
        getStyleClass().add("stress-panel");
        setSpacing(10);
        getChildren().addAll(leversSection(), scenarioSection(), policySection());
    }

    public Slider slider(Lever spec) {
        return sliders.get(spec);
    }

    public TextField field(Lever spec) {
        return fields.get(spec);
    }

    private VBox leversSection() {
        Label title = new Label("Stress");
        title.getStyleClass().add("section-title");
        Button reset = new Button("Reset", new FontIcon(Feather.ROTATE_CCW));
        reset.setTooltip(new Tooltip("Back to neutral levers: the unstressed restatement"));
        reset.setOnAction(e -> stress.resetLevers());
        reset.setId("resetLevers");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, reset);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints sliderCol = new ColumnConstraints();
        sliderCol.setHgrow(Priority.ALWAYS);
        ColumnConstraints fieldCol = new ColumnConstraints();
        fieldCol.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(sliderCol, fieldCol);
        int row = 0;
        for (Lever spec : Lever.values()) {
            Label name = new Label(spec.label());
            name.setTooltip(new Tooltip(spec.help()));
            name.getTooltip().setWrapText(true);
            name.getTooltip().setMaxWidth(380);
            name.getStyleClass().add("lever-label");
            // a long name takes a second line in the narrow panel rather than losing its end
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            if (spec == Lever.TOKEN_DECLINE) {
                CheckBox on = new CheckBox(spec.label());
                on.selectedProperty().bindBidirectional(stress.tokenDeclineEnabledProperty());
                on.setTooltip(name.getTooltip());
                on.setMnemonicParsing(false);
                on.setWrapText(true);
                Label note = new Label("what-if only, not a forecast");
                note.getStyleClass().add("muted");
                note.setWrapText(true);
                javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(0, on, note);
                note.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
                grid.add(box, 0, row++, 2, 1);
            } else {
                grid.add(name, 0, row++, 2, 1);
            }
            Slider slider = new Slider(spec.sliderMin(), spec.sliderMax(), stress.valueProperty(spec).get());
            slider.setAccessibleText(spec.label());
            // The filled part of the track shows how far a lever is pushed, in both themes.
            slider.setSkin(new atlantafx.base.controls.ProgressSliderSkin(slider));
            slider.setBlockIncrement(spec.step() * (spec.isPercent() ? 5 : 10));
            slider.setId("slider-" + spec.name());
            TextField field = new TextField(spec.format(stress.valueProperty(spec).get()));
            field.setPrefColumnCount(6);
            field.setAccessibleText(spec.label() + ", exact value");
            field.setId("field-" + spec.name());
            field.setTooltip(new Tooltip("Type an exact value and press Enter ("
                    + spec.format(spec.min()) + " to " + spec.format(spec.max()) + ")"));
            sliders.put(spec, slider);
            fields.put(spec, field);
            if (spec == Lever.TOKEN_DECLINE) {
                slider.disableProperty().bind(stress.tokenDeclineEnabledProperty().not());
                field.disableProperty().bind(stress.tokenDeclineEnabledProperty().not());
            }
            slider.valueChangingProperty().addListener((obs, o, n) -> stress.changingProperty().set(n));
            slider.valueProperty().addListener((obs, o, n) -> {
                if (!syncing) {
                    double s = spec.step();
                    stress.valueProperty(spec).set(Math.round(n.doubleValue() / s) * s);
                }
            });
            stress.valueProperty(spec).addListener((obs, o, n) -> show(spec, n.doubleValue()));
            field.setOnAction(e -> commitField(spec));
            field.focusedProperty().addListener((obs, o, focused) -> {
                if (!focused) {
                    commitField(spec);
                }
            });
            grid.add(slider, 0, row);
            grid.add(field, 1, row++);
        }
        VBox box = new VBox(6, head, grid);
        box.getStyleClass().add("panel-section");
        return box;
    }

    private void show(Lever spec, double v) {
        syncing = true;
        try {
            Slider s = sliders.get(spec);
            s.setValue(Math.max(s.getMin(), Math.min(s.getMax(), v)));
            TextField f = fields.get(spec);
            if (!f.isFocused()) {
                f.setText(spec.format(v));
            }
        } finally {
            syncing = false;
        }
    }

    private void commitField(Lever spec) {
        TextField f = fields.get(spec);
        var problem = stress.setFromText(spec, f.getText());
        if (problem.isPresent()) {
            if (!f.getStyleClass().contains("field-error")) {
                f.getStyleClass().add("field-error");
            }
            f.setTooltip(new Tooltip(problem.get()));
            stress.setStatus(problem.get());
        } else {
            f.getStyleClass().remove("field-error");
            f.setText(spec.format(stress.valueProperty(spec).get()));
        }
    }

    private VBox scenarioSection() {
        Label title = new Label("Scenarios");
        title.getStyleClass().add("section-title");
        scenarioBox.setPromptText("No saved scenario");
        scenarioBox.setMaxWidth(Double.MAX_VALUE);
        scenarioBox.setAccessibleText("Switch scenario");
        scenarioBox.setId("scenarioBox");
        // the panel is narrow: a long name is cut in the box, so it is whole in the tooltip
        Tooltip scenarioTip = new Tooltip();
        scenarioTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> scenarioBox.getValue() == null ? "No saved scenario" : scenarioBox.getValue(),
                scenarioBox.valueProperty()));
        scenarioBox.setTooltip(scenarioTip);
        refreshScenarioNames();
        stress.scenarios().addListener((ListChangeListener<ProjectState.Scenario>) c -> refreshScenarioNames());
        stress.activeScenarioProperty().addListener((obs, o, n) -> selectActive());
        scenarioBox.setOnAction(e -> {
            String name = scenarioBox.getValue();
            if (!syncing && name != null && !name.equals(stress.activeScenarioProperty().get())) {
                stress.switchScenario(name);
            }
        });
        Button save = new Button("Save as…", new FontIcon(Feather.BOOKMARK));
        save.setOnAction(e -> saveScenario());
        save.setId("saveScenario");
        Button compare = new Button("Compare…", new FontIcon(Feather.COLUMNS));
        compare.setOnAction(e -> new ScenarioCompareDialog(stress, getScene().getWindow()).show());
        compare.setId("compareScenarios");
        Button delete = new Button(null, new FontIcon(Feather.X));
        delete.setTooltip(new Tooltip("Delete the selected scenario"));
        delete.setAccessibleText("Delete scenario");
        delete.disableProperty().bind(scenarioBox.valueProperty().isNull());
        delete.setOnAction(e -> stress.removeScenario(scenarioBox.getValue()));
        HBox.setHgrow(scenarioBox, Priority.ALWAYS);
        Label modified = new Label("modified", new FontIcon(Feather.EDIT_2));
        modified.getStyleClass().add("scenario-modified");
        modified.setId("scenarioModified");
        modified.setTooltip(new Tooltip("The levers differ from this scenario as saved; Save as… keeps them"));
        modified.visibleProperty().bind(stress.modifiedProperty());
        modified.managedProperty().bind(modified.visibleProperty());
        modified.setMinWidth(Region.USE_PREF_SIZE);
        HBox row1 = new HBox(6, scenarioBox, modified, delete);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(6, save, compare);
        VBox box = new VBox(6, title, row1, row2);
        box.getStyleClass().add("panel-section");
        return box;
    }

    private void refreshScenarioNames() {
        syncing = true;
        try {
            scenarioBox.getItems().setAll(stress.scenarios().stream().map(ProjectState.Scenario::name).toList());
        } finally {
            syncing = false;
        }
        selectActive();
    }

    private void selectActive() {
        syncing = true;
        try {
            String a = stress.activeScenarioProperty().get();
            if (a == null || a.isEmpty() || !scenarioBox.getItems().contains(a)) {
                scenarioBox.getSelectionModel().clearSelection();
                scenarioBox.setValue(null);
            } else {
                scenarioBox.setValue(a);
            }
        } finally {
            syncing = false;
        }
    }

    private void saveScenario() {
        TextInputDialog d = new TextInputDialog(stress.activeScenarioProperty().get());
        d.initOwner(getScene().getWindow());
        d.setTitle("Save scenario");
        d.setHeaderText("Save the current lever values as a named scenario");
        d.setContentText("Name:");
        d.showAndWait().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(stress::saveScenario);
    }

    private VBox policySection() {
        Label title = new Label("Framework and policy");
        title.getStyleClass().add("section-title");
        framework.getItems().setAll(Framework.values());
        framework.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Framework f) {
                return f == null ? "" : f.label();
            }

            @Override
            public Framework fromString(String s) {
                return Framework.parse(s);
            }
        });
        framework.setAccessibleText("Accounting framework");
        freeTier.getItems().setAll(FreeTierPolicy.values());
        freeTier.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FreeTierPolicy f) {
                return f == null ? "" : f.label();
            }

            @Override
            public FreeTierPolicy fromString(String s) {
                return null;
            }
        });
        freeTier.setAccessibleText("Free-tier inference policy");
        freeTier.setMaxWidth(Double.MAX_VALUE);
        asu.setTooltip(new Tooltip("Internal-use software under the amended ASC 350-40 (US GAAP). "
                + "Mandatory for fiscal years beginning after 15 December 2027."));
        asu.setMnemonicParsing(false);
        showPolicy(stress.policy());
        stress.policyProperty().addListener((obs, o, n) -> showPolicy(n));
        framework.setOnAction(e -> {
            if (!syncing && framework.getValue() != null) {
                stress.changePolicy(stress.policy().withFramework(framework.getValue()));
            }
        });
        asu.setOnAction(e -> {
            if (!syncing) {
                stress.changePolicy(stress.policy().withAsu202506Adopted(asu.isSelected()));
            }
        });
        freeTier.setOnAction(e -> {
            if (!syncing && freeTier.getValue() != null) {
                stress.changePolicy(stress.policy().withFreeTier(freeTier.getValue()));
            }
        });
        Label ft = new Label("Free-tier inference");
        ft.setLabelFor(freeTier);
        Label fw = new Label("Framework");
        fw.setLabelFor(framework);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, fw, framework);
        g.add(asu, 0, 1, 2, 1);
        g.addRow(2, ft, freeTier);
        VBox box = new VBox(6, title, g);
        box.getStyleClass().add("panel-section");
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    private void showPolicy(Policy p) {
        syncing = true;
        try {
            framework.setValue(p.framework());
            asu.setSelected(p.asu202506Adopted() || p.asu202506Mandatory());
            asu.setDisable(p.framework() != Framework.US_GAAP || p.asu202506Mandatory());
            freeTier.setValue(p.freeTier());
        } finally {
            syncing = false;
        }
    }
}
