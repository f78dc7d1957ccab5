package com.marginworkbench.ui.workbench;

import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.project.ProjectState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stress levers in display units (percent or multiple), the named scenarios and the one
 * {@link Levers} value they add up to. Setting several levers at once (reset, scenario switch)
 * publishes a single new value.
 */
public final class StressViewModel {
    private final Map<Lever, DoubleProperty> values = new EnumMap<>(Lever.class);
    private final BooleanProperty tokenDeclineEnabled = new SimpleBooleanProperty(this, "tokenDeclineEnabled", false);
    private final ReadOnlyObjectWrapper<Levers> levers = new ReadOnlyObjectWrapper<>(this, "levers", Levers.NEUTRAL);
    private final ObservableList<ProjectState.Scenario> scenarios = FXCollections.observableArrayList();
    private final StringProperty activeScenario = new SimpleStringProperty(this, "activeScenario", "");
    private final BooleanProperty changing = new SimpleBooleanProperty(this, "changing", false);
    private final javafx.beans.binding.BooleanBinding modified;
    private boolean batch;

    public StressViewModel() {
        for (Lever s : Lever.values()) {
            DoubleProperty p = new SimpleDoubleProperty(this, s.name(), s.neutral());
            p.addListener((obs, o, n) -> publish());
            values.put(s, p);
        }
        tokenDeclineEnabled.addListener((obs, o, n) -> publish());
        modified = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            String a = activeScenario.get();
            return a != null && !a.isEmpty() && scenario(a).map(s -> !s.levers().equals(levers.get())).orElse(false);
        }, activeScenario, levers, scenarios);
    }

    /** True while a slider is being dragged; the drag becomes one undoable step when it ends. */
    public BooleanProperty changingProperty() {
        return changing;
    }

    /** True when the levers no longer match the scenario that was last chosen or saved. */
    public javafx.beans.binding.BooleanBinding modifiedProperty() {
        return modified;
    }

    /** The lever's value in display units; bind a slider to it. */
    public DoubleProperty valueProperty(Lever spec) {
        return values.get(spec);
    }

    public BooleanProperty tokenDeclineEnabledProperty() {
        return tokenDeclineEnabled;
    }

    public ReadOnlyObjectProperty<Levers> leversProperty() {
        return levers.getReadOnlyProperty();
    }

    public Levers levers() {
        return levers.get();
    }

    public ObservableList<ProjectState.Scenario> scenarios() {
        return scenarios;
    }

    public StringProperty activeScenarioProperty() {
        return activeScenario;
    }

    /**
     * Sets a lever from typed text ("50", "+50%", "1.2x"); returns the problem in words when the
     * text is not a number in the lever's range, and leaves the value unchanged then.
     */
    public Optional<String> setFromText(Lever spec, String text) {
        String problem = spec.problem(text);
        if (problem != null) {
            return Optional.of(spec.label() + ": " + problem);
        }
        double v = spec.parse(text);
        if (spec == Lever.TOKEN_DECLINE && v > 0) {
            tokenDeclineEnabled.set(true);
        }
        values.get(spec).set(v);
        return Optional.empty();
    }

    /** Back to neutral: the unstressed restatement. */
    public void reset() {
        setLevers(Levers.NEUTRAL);
        activeScenario.set("");
    }

    public void setLevers(Levers l) {
        batch = true;
        try {
            for (Lever s : Lever.values()) {
                values.get(s).set(s.read(l));
            }
            tokenDeclineEnabled.set(l.tokenPriceDeclinePerYear() > 0);
        } finally {
            batch = false;
        }
        publish();
    }

    /** Saves the current levers under a name, replacing a scenario of the same name. */
    public void saveScenario(String name) {
        String n = name.trim();
        ProjectState.Scenario sc = new ProjectState.Scenario(n, levers());
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).name().equalsIgnoreCase(n)) {
                scenarios.set(i, sc);
                activeScenario.set(n);
                return;
            }
        }
        scenarios.add(sc);
        activeScenario.set(n);
    }

    public Optional<ProjectState.Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public void switchTo(String name) {
        scenario(name).ifPresent(s -> {
            setLevers(s.levers());
            activeScenario.set(s.name());
        });
    }

    public void removeScenario(String name) {
        scenarios.removeIf(s -> s.name().equals(name));
        if (name.equals(activeScenario.get())) {
            activeScenario.set("");
        }
    }

    public void restore(List<ProjectState.Scenario> saved, Levers current, String active) {
        scenarios.setAll(saved);
        setLevers(current);
        activeScenario.set(active == null ? "" : active);
    }

    /**
     * The open workbook and its project file, for the views that keep their own part of the project
     * next to the levers (the Customers tab's usage settings); null when no workbook is open.
     */
    public record Document(java.nio.file.Path workbook, java.nio.file.Path projectFile) {
    }

    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    private Runnable onProjectEdited = () -> { };

    /** Set by the workbench: what marks the project as changed, so the next save writes it. */
    public void setOnProjectEdited(Runnable r) {
        onProjectEdited = r == null ? () -> { } : r;
    }

    /** A part of the project kept outside the levers changed (the Customers tab's usage settings). */
    public void projectEdited() {
        onProjectEdited.run();
    }

    /** Set by the workbench when a workbook is shown. */
    public void setDocument(Document d) {
        document.set(d);
    }

    private void publish() {
        if (batch) {
            return;
        }
        Levers l = Levers.NEUTRAL;
        for (Lever s : Lever.values()) {
            if (s == Lever.TOKEN_DECLINE && !tokenDeclineEnabled.get()) {
                continue;
            }
            l = s.write(l, values.get(s).get());
        }
        levers.set(l);
    }
}
