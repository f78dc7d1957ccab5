package com.marginworkbench.ui.workbench;

import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stress panel's state: the levers in display units (percent or multiple), the named
 * scenarios and the one {@link Levers} value they add up to, and the framework and policy. Setting
 * several levers at once (reset, scenario switch) publishes a single new value; a drag, a typed
 * value, Reset or a scenario switch is one undoable step. The figures the levers move are the
 * workbench's: a new value only asks it to refresh them.
 */
public final class StressViewModel {
    /** One row of a side-by-side scenario comparison. */
    public record CompareRow(String label, String left, String right) {
    }

    private final WorkbenchViewModel workbench;
    private final Map<Lever, DoubleProperty> values = new EnumMap<>(Lever.class);
    private final BooleanProperty tokenDeclineEnabled = new SimpleBooleanProperty(this, "tokenDeclineEnabled", false);
    private final ReadOnlyObjectWrapper<Levers> levers = new ReadOnlyObjectWrapper<>(this, "levers", Levers.NEUTRAL);
    private final ObservableList<ProjectState.Scenario> scenarios = FXCollections.observableArrayList();
    private final StringProperty activeScenario = new SimpleStringProperty(this, "activeScenario", "");
    private final BooleanProperty changing = new SimpleBooleanProperty(this, "changing", false);
    private final javafx.beans.binding.BooleanBinding modified;
    private boolean batch;
    /** The levers as of the last undoable step; a drag in between is one step. */
    private Levers leversAtRest = Levers.NEUTRAL;
    private String scenarioAtRest = "";
    private boolean applyingLevers;
    private boolean leverBatch;

    StressViewModel(WorkbenchViewModel workbench) {
        this.workbench = workbench;
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
        levers.addListener((obs, o, n) -> {
            workbench.leversChanged();
            if (!changing.get() && !leverBatch) {
                commitLevers();
            }
        });
        changing.addListener((obs, o, now) -> {
            if (!now) {
                commitLevers();
            }
        });
        scenarios.addListener((javafx.collections.ListChangeListener<ProjectState.Scenario>) c -> workbench.markDirty());
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

    /** A workbook was installed: its saved scenarios and levers, with no undoable step. */
    void show(List<ProjectState.Scenario> saved, Levers current, String active) {
        applyingLevers = true;
        try {
            restore(saved, current, active);
        } finally {
            applyingLevers = false;
        }
        leversAtRest = levers();
        scenarioAtRest = activeScenario.get();
    }

    // ----- undoable lever steps -----

    /** Back to neutral levers, as one undoable step. */
    public void resetLevers() {
        leverBatch = true;
        try {
            reset();
        } finally {
            leverBatch = false;
        }
        commitLevers();
    }

    /** Switches to a saved scenario, as one undoable step. */
    public void switchScenario(String name) {
        leverBatch = true;
        try {
            switchTo(name);
        } finally {
            leverBatch = false;
        }
        commitLevers();
    }

    /**
     * Records the lever change since the last step as one undoable edit: called when a drag ends,
     * and after any change that is not part of a drag (a typed value, Reset, a scenario).
     */
    public void commitLevers() {
        if (applyingLevers) {
            return;
        }
        Levers now = levers();
        String scenarioNow = activeScenario.get();
        if (now.equals(leversAtRest)) {
            scenarioAtRest = scenarioNow;
            return;
        }
        Levers before = leversAtRest;
        String scenarioBefore = scenarioAtRest;
        leversAtRest = now;
        scenarioAtRest = scenarioNow;
        workbench.undoStack().execute(new UndoStack.Edit() {
            @Override
            public String description() {
                return now.equals(Levers.NEUTRAL) ? "reset of the levers" : "lever change";
            }

            @Override
            public void apply() {
                putLevers(now, scenarioNow);
            }

            @Override
            public void revert() {
                putLevers(before, scenarioBefore);
            }
        });
    }

    private void putLevers(Levers l, String scenario) {
        if (l.equals(levers()) && Objects.equals(scenario, activeScenario.get())) {
            return;
        }
        applyingLevers = true;
        try {
            setLevers(l);
            activeScenario.set(scenario == null ? "" : scenario);
        } finally {
            applyingLevers = false;
        }
        leversAtRest = l;
        scenarioAtRest = scenario;
    }

    /** Both scenarios' figures side by side, computed by the engine from the same classification. */
    public List<CompareRow> compare(Levers left, Levers right) {
        List<CompareRow> out = new ArrayList<>();
        for (Lever s : Lever.values()) {
            out.add(new CompareRow(s.label(), s.format(s.read(left)), s.format(s.read(right))));
        }
        MarginEngine.Prepared prepared = workbench.prepared();
        if (prepared == null) {
            return out;
        }
        MarginResult a = prepared.apply(workbench.assessment().effective(left));
        MarginResult b = prepared.apply(workbench.assessment().effective(right));
        Figures fa = a.total();
        Figures fb = b.total();
        out.add(new CompareRow("Restated blended GM", Format.percent(fa.restatedBlended()), Format.percent(fb.restatedBlended())));
        out.add(new CompareRow("Stressed blended GM", Format.percent(fa.restatedBlendedStressed()),
                Format.percent(fb.restatedBlendedStressed())));
        out.add(new CompareRow("AI-layer GM", Format.percent(fa.aiLayer()), Format.percent(fb.aiLayer())));
        out.add(new CompareRow("Stressed AI-layer GM", Format.percent(fa.aiLayerStressed()), Format.percent(fb.aiLayerStressed())));
        out.add(new CompareRow("Stressed AI revenue", Format.amount(fa.stressedAiRevenue()), Format.amount(fb.stressedAiRevenue())));
        out.add(new CompareRow("Stressed AI-layer COGS", Format.amount(fa.stressedAiCogs()), Format.amount(fb.stressedAiCogs())));
        out.add(new CompareRow("LTV:CAC", Format.ratio(a.unitEconomics().ltvToCac()), Format.ratio(b.unitEconomics().ltvToCac())));
        out.add(new CompareRow("Stressed LTV:CAC", Format.ratio(a.unitEconomics().ltvToCacStressed()),
                Format.ratio(b.unitEconomics().ltvToCacStressed())));
        return out;
    }

    // ----- framework and policy -----

    public ReadOnlyObjectProperty<Policy> policyProperty() {
        return workbench.policyProperty();
    }

    public Policy policy() {
        return workbench.policy();
    }

    /** Changes framework or policy as one undoable edit; every badge is re-run. */
    public void changePolicy(Policy p) {
        workbench.changePolicy(p);
    }

    /** Says something in the status bar (a typed value that is out of range). */
    public void setStatus(String s) {
        workbench.setStatus(s);
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

    /** A part of the project kept outside the levers changed (the Customers tab's usage settings). */
    public void projectEdited() {
        workbench.markDirty();
    }

    /** Set by the workbench when a workbook is shown. */
    void setDocument(Document d) {
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
