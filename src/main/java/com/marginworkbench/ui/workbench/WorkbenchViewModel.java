package com.marginworkbench.ui.workbench;

import com.marginworkbench.app.AssessedLine;
import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.ProjectLocation;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.margin.UnitEconomics;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.model.UnitInputs;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.workbench.StressViewModel;
import com.marginworkbench.ui.tiles.Tile;
import com.marginworkbench.ui.util.Benchmarks;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.restate.RestatedWorkbookWriter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The state behind the main window: the open workbook, one decision per cost line, the policy,
 * the levers, the margins and the undo history. It never touches a control; views bind to its
 * properties and call its methods. All methods run on the UI thread except the loading work the
 * view hands to a background task.
 */
public final class WorkbenchViewModel {
    /** Which layer rows to show. */
    public enum LayerFilter {
        ALL("All layers"), AI("AI"), SOFTWARE("Software"), SPLIT("Split");

        private final String label;

        LayerFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A loaded workbook with its saved project state, if any, ready to install on the UI thread. */
    public record Loaded(ReadResult read, Workbench.SavedProject saved) {
    }

    /** One row of a side-by-side scenario comparison. */
    public record CompareRow(String label, String left, String right) {
    }

    private final UndoStack undo = new UndoStack();
    private final StressViewModel stress = new StressViewModel();
    private final Consumer<Runnable> figuresScheduler;
    private final UnaryOperator<Path> projectLocator;
    private final ObservableList<CostRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RevenueRow> revenueRows = FXCollections.observableArrayList();
    private final ObservableList<SheetInfo> sheets = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final List<Tile> tiles = List.of(
            new Tile("revenue", "Revenue", "all periods",
                    "Total revenue of the periods read, in the workbook's currency."),
            new Tile("cogs", "Cost of revenue", "restated, vs reported",
                    "Cost of revenue with each cost where the COGS test puts it; the change is against the workbook's own cost of revenue."),
            new Tile("reported", "Reported blended GM", "as the workbook reports it",
                    "Gross margin with each cost where the workbook put it."),
            new Tile("restated", "Restated blended GM", "vs reported",
                    "Gross margin with each cost where the COGS test puts it."),
            new Tile("stressed", "Stressed blended GM", "vs restated",
                    "Blended gross margin under the stress levers; the change is against the unstressed restated margin."),
            new Tile("ai-reported", "Reported AI-layer GM", "as the workbook reports it",
                    "AI revenue less the cost of delivering it, with each cost where the workbook put it."),
            new Tile("ai", "AI-layer GM", "vs reported",
                    "AI revenue less the restated cost of delivering it; the change is against the AI layer as the workbook reports it."),
            new Tile("ai-stressed", "Stressed AI-layer GM", "vs base",
                    "The AI-layer margin under the stress levers; the change is against the unstressed AI-layer margin."),
            new Tile("ltv", "LTV:CAC", "vs reported",
                    "Lifetime value over acquisition cost on the restated margin; the change is against the same ratio on the reported margin."),
            new Tile("ltv-stressed", "Stressed LTV:CAC", "vs base",
                    "Lifetime value over acquisition cost under the levers; the change is against the unstressed ratio."));

    private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(this, "policy", Policy.US_GAAP_DEFAULT);
    private final ReadOnlyObjectWrapper<MarginResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyIntegerWrapper structureVersion = new ReadOnlyIntegerWrapper(this, "structureVersion");
    private final ReadOnlyIntegerWrapper documentVersion = new ReadOnlyIntegerWrapper(this, "documentVersion");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Margin Workbench");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper plausibility = new ReadOnlyStringWrapper(this, "plausibility", "");
    private final StringProperty readingDoubt = new SimpleStringProperty(this, "readingDoubt", "");

    private final ObjectProperty<Treatment> filterTreatment = new SimpleObjectProperty<>(this, "filterTreatment");
    private final ObjectProperty<LayerFilter> filterLayer = new SimpleObjectProperty<>(this, "filterLayer", LayerFilter.ALL);
    private final ObjectProperty<CostType> filterType = new SimpleObjectProperty<>(this, "filterType");
    private final StringProperty filterSheet = new SimpleStringProperty(this, "filterSheet", "");
    private final javafx.beans.property.BooleanProperty filterMoved =
            new javafx.beans.property.SimpleBooleanProperty(this, "filterMoved", false);
    private final StringProperty findText = new SimpleStringProperty(this, "findText", "");
    private final ReadOnlyObjectWrapper<Predicate<CostRow>> rowFilter = new ReadOnlyObjectWrapper<>(this, "rowFilter", r -> true);

    /** The workbook as the user has assessed it (lines with their decisions, policy); levers live in {@link #stress}. */
    private Assessment assessment;
    /** What the user told the reader in the mapping view (kept in the project file). */
    private ReadingHints hints = ReadingHints.NONE;
    /** The project file's version this window last read or wrote, and the state it held then. */
    private Workbench.ProjectSync projectSync;
    private MarginEngine.Prepared prepared;
    private boolean figuresPending;
    private boolean restoring;
    /** The levers as of the last undoable step; a drag in between is one step. */
    private Levers leversAtRest = Levers.NEUTRAL;
    private String scenarioAtRest = "";
    private boolean applyingLevers;
    private boolean leverBatch;

    /**
     * @param figuresScheduler runs the figure refresh after a lever change; the window coalesces
     *                         it to one run per frame, tests pass {@code Runnable::run}
     */
    public WorkbenchViewModel(Consumer<Runnable> figuresScheduler) {
        this(figuresScheduler, ProjectLocation::beside);
    }

    /** @param projectLocator where the project file of a workbook lives */
    public WorkbenchViewModel(Consumer<Runnable> figuresScheduler, UnaryOperator<Path> projectLocator) {
        this.figuresScheduler = figuresScheduler;
        this.projectLocator = projectLocator;
        stress.setOnProjectEdited(this::markDirty);
        stress.leversProperty().addListener((obs, o, n) -> {
            markDirty();
            scheduleFigures();
            if (!stress.changingProperty().get() && !leverBatch) {
                commitLevers();
            }
        });
        stress.changingProperty().addListener((obs, o, changing) -> {
            if (!changing) {
                commitLevers();
            }
        });
        stress.scenarios().addListener((javafx.collections.ListChangeListener<ProjectState.Scenario>) c -> markDirty());
        policy.addListener((obs, o, n) -> {
            if (!restoring) {
                reclassifyAll();
                markDirty();
            }
        });
        filterTreatment.addListener(o -> refreshFilter());
        filterLayer.addListener(o -> refreshFilter());
        filterType.addListener(o -> refreshFilter());
        filterSheet.addListener(o -> refreshFilter());
        filterMoved.addListener(o -> refreshFilter());
        findText.addListener(o -> refreshFilter());
    }

    // ----- loading -----

    /** Reads the workbook and its project file; safe to call off the UI thread. */
    public static Loaded read(WorkbookLoader loader, Path workbook) throws Exception {
        return read(loader, workbook, Progress.NONE, ProjectLocation::beside);
    }

    /** Like {@link #read(WorkbookLoader, Path)} with progress, cancellation and the project file's place. */
    public static Loaded read(WorkbookLoader loader, Path workbook, Progress progress,
                              UnaryOperator<Path> projectLocator) throws Exception {
        Workbench.SavedProject saved = Workbench.readProject(workbook,
                Workbench.ProjectChoice.at(projectLocator.apply(workbook)), null);
        // The saved mapping goes to the reader: the user's ranges, roles, signs and units come back
        // (one that no longer fits the workbook is named in the reading notes and left out).
        Workbench.Read r = Workbench.read(saved, java.util.List.of(), h -> loader.load(workbook, progress, h));
        return new Loaded(r.result(), r.note().isEmpty() ? saved : saved.withoutMapping());
    }

    /** Shows a loaded workbook, restoring its saved decisions; runs on the UI thread. */
    public void install(Loaded loaded) {
        install(loaded, false);
    }

    /**
     * Shows the same workbook read again with a new mapping, keeping every decision that still
     * matches a line (by source cell and label), the policy, levers, scenarios and the undo history
     * (a mapping edit is undone by showing the earlier reading again, so older line edits find
     * their lines where they left them). The project file then keeps the new mapping.
     */
    public void reread(ReadResult read, ReadingHints newHints) {
        hints = newHints == null ? ReadingHints.NONE : newHints;
        install(new Loaded(read, Workbench.SavedProject.current(projectPath(), snapshot())), true);
    }

    private void install(Loaded loaded, boolean sameWorkbook) {
        ReadResult rr = loaded.read();
        Workbench.Opened opened = Workbench.assess(rr, Policy.US_GAAP_DEFAULT, loaded.saved());
        assessment = opened.assessment();
        if (!sameWorkbook) {
            hints = loaded.saved().hints();
        }
        FinancialModel m = assessment.model();
        restoring = true;
        try {
            policy.set(assessment.policy());
        } finally {
            restoring = false;
        }
        List<CostRow> newRows = new ArrayList<>(m.costs().size());
        for (int i = 0; i < m.costs().size(); i++) {
            AssessedLine l = assessment.line(i);
            CostRow r = new CostRow(i, l.line());
            r.update(l.line(), l.decision(), l.classification());
            newRows.add(r);
        }
        file.set(rr.file());
        sheets.setAll(rr.sheets());
        problems.setAll(rr.problems());
        if (!sameWorkbook) {
            filterSheet.set("");
        }
        rows.setAll(newRows);
        List<RevenueRow> newRevenueRows = new ArrayList<>(m.revenue().size());
        for (int i = 0; i < m.revenue().size(); i++) {
            newRevenueRows.add(new RevenueRow(i, m.revenue().get(i)));
        }
        revenueRows.setAll(newRevenueRows);
        if (!sameWorkbook) {
            undo.clear();
        }
        title.set("Margin Workbench — " + (rr.file() == null ? m.name() : rr.file().getFileName()));
        prepared = assessment.prepare();
        applyingLevers = true;
        try {
            stress.restore(assessment.scenarios(), assessment.levers(), assessment.activeScenario());
        } finally {
            applyingLevers = false;
        }
        leversAtRest = stress.levers();
        scenarioAtRest = stress.activeScenarioProperty().get();
        readingDoubt.set(doubtOf(rr.reading()));
        stress.setDocument(rr.file() == null ? null : new StressViewModel.Document(rr.file(), projectPath()));
        refreshFigures();
        documentVersion.set(documentVersion.get() + 1);
        structureVersion.set(structureVersion.get() + 1);
        dirty.set(false);
        if (sameWorkbook) {
            markDirty();
            refreshFilter();
        } else {
            projectSync = Workbench.ProjectSync.opened(loaded.saved(), projectState());
        }
        long review = assessment.lines().stream().filter(l -> l.classification().isReview()).count();
        StringBuilder sb = new StringBuilder();
        sb.append(m.costs().size()).append(" cost lines, ").append(review).append(" to review");
        long unread = com.marginworkbench.workbook.Problem.unreadLines(rr.problems());
        if (unread > 0) {
            sb.append(", ").append(unread).append(unread == 1 ? " line" : " lines")
                    .append(" not read (left out of the figures; see Reading notes)");
        }
        if (!rr.problems().isEmpty()) {
            sb.append(", ").append(rr.problems().size()).append(" reading notes");
        }
        if (sameWorkbook) {
            sb.append("; read again with your mapping");
        } else if (opened.project().isPresent()) {
            sb.append("; saved decisions restored");
        }
        for (String note : assessment.notes()) {
            sb.append("; ").append(note);
        }
        if (!loaded.saved().warning().isEmpty()) {
            sb.append("; ").append(loaded.saved().warning());
        }
        status.set(sb.toString());
    }

    /** The reader's low confidence in words, "" when the reading is medium or high. */
    private static String doubtOf(com.marginworkbench.model.Reading reading) {
        if (reading == null || reading.confidence() != com.marginworkbench.model.Reading.Confidence.LOW) {
            return "";
        }
        String why = reading.reasons().isEmpty() ? "the reader could not check the figures against the workbook's own totals"
                : String.join("; ", reading.reasons());
        return "the reading of this workbook is low-confidence (" + why + "). Check the mapping before quoting any margin.";
    }

    // ----- edits (all undoable) -----

    /** Sets the cost type of several lines at once; the stress flags follow the new type. */
    public void setCostType(List<Integer> indices, CostType type) {
        List<Integer> changed = new ArrayList<>();
        List<AssessedLine> after = new ArrayList<>();
        for (int i : indices) {
            AssessedLine l = assessment.line(i);
            LineDecision d = l.decision();
            if (d.costType() == type) {
                continue;
            }
            CostLine line = l.line();
            CostLine newLine = line;
            if (type != null) {
                newLine = line.withFlags(type.defaultLlmPriced(), type.defaultUsageVariable());
                CostType old = d.costType();
                boolean layerWasDefault = old == null || line.layer().equals(LayerSplit.of(old.defaultLayer()));
                if (layerWasDefault) {
                    newLine = newLine.withLayer(LayerSplit.of(type.defaultLayer()));
                }
            }
            changed.add(i);
            after.add(new AssessedLine(newLine, d.withCostType(type), l.noteTime(), l.classification()));
        }
        if (changed.isEmpty()) {
            return;
        }
        String what = changed.size() == 1 ? "type of '" + label(changed.get(0)) + "'"
                : "type of " + changed.size() + " lines";
        undo.execute(new LineEdit(what, changed, after));
    }

    private String label(int index) {
        return assessment.line(index).line().label();
    }

    public void setAnswer(int index, Question q, Answer answer) {
        AssessedLine l = assessment.line(index);
        LineDecision d = l.decision();
        if (q.of(d.answers()) == answer) {
            return;
        }
        LineDecision nd = d.withAnswers(q.with(d.answers(), answer));
        undo.execute(new LineEdit("answer on '" + label(index) + "'", List.of(index),
                List.of(new AssessedLine(l.line(), nd, l.noteTime(), l.classification()))));
    }

    /**
     * Records whether the capitalization criteria are met for a training or index-build line and
     * its useful life in months (0 = the stated default), as one undoable edit.
     */
    public void setCapitalization(int index, Answer criteriaMet, int usefulLifeMonths) {
        AssessedLine l = assessment.line(index);
        LineDecision d = l.decision();
        if (d.criteriaMet() == criteriaMet && d.usefulLifeMonths() == usefulLifeMonths) {
            return;
        }
        LineDecision nd = d.withCriteriaMet(criteriaMet).withUsefulLifeMonths(usefulLifeMonths);
        undo.execute(new LineEdit("capitalization of '" + label(index) + "'", List.of(index),
                List.of(new AssessedLine(l.line(), nd, l.noteTime(), l.classification()))));
    }

    public void setLayer(int index, LayerSplit layer) {
        AssessedLine l = assessment.line(index);
        if (l.line().layer().equals(layer)) {
            return;
        }
        undo.execute(new LineEdit("layer of '" + label(index) + "'", List.of(index),
                List.of(l.withLine(l.line().withLayer(layer)))));
    }

    public void setFlags(int index, boolean llmPriced, boolean usageVariable) {
        AssessedLine l = assessment.line(index);
        CostLine line = l.line();
        if (line.llmPriced() == llmPriced && line.usageVariable() == usageVariable) {
            return;
        }
        undo.execute(new LineEdit("stress flags of '" + line.label() + "'", List.of(index),
                List.of(l.withLine(line.withFlags(llmPriced, usageVariable)))));
    }

    /** Records why a line was decided the way it was, with the time of writing. */
    public void setNote(int index, String note) {
        String n = note == null ? "" : note.trim();
        AssessedLine l = assessment.line(index);
        if (l.decision().note().equals(n)) {
            return;
        }
        undo.execute(new LineEdit("note on '" + label(index) + "'", List.of(index),
                List.of(new AssessedLine(l.line(), l.decision().withNote(n), Instant.now(), l.classification()))));
    }

    /** Changes framework or policy as one undoable edit; every badge is re-run. */
    public void changePolicy(Policy newPolicy) {
        Policy old = policy.get();
        if (old.equals(newPolicy)) {
            return;
        }
        undo.execute(new UndoStack.Edit() {
            @Override
            public String description() {
                return "framework or policy";
            }

            @Override
            public void apply() {
                policy.set(newPolicy);
            }

            @Override
            public void revert() {
                policy.set(old);
            }
        });
    }

    /** Back to neutral levers, as one undoable step. */
    public void resetLevers() {
        leverBatch = true;
        try {
            stress.reset();
        } finally {
            leverBatch = false;
        }
        commitLevers();
    }

    /** Switches to a saved scenario, as one undoable step. */
    public void switchScenario(String name) {
        leverBatch = true;
        try {
            stress.switchTo(name);
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
        Levers now = stress.levers();
        String scenarioNow = stress.activeScenarioProperty().get();
        if (now.equals(leversAtRest)) {
            scenarioAtRest = scenarioNow;
            return;
        }
        Levers before = leversAtRest;
        String scenarioBefore = scenarioAtRest;
        leversAtRest = now;
        scenarioAtRest = scenarioNow;
        undo.execute(new UndoStack.Edit() {
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
        if (l.equals(stress.levers()) && java.util.Objects.equals(scenario, stress.activeScenarioProperty().get())) {
            return;
        }
        applyingLevers = true;
        try {
            stress.setLevers(l);
            stress.activeScenarioProperty().set(scenario == null ? "" : scenario);
        } finally {
            applyingLevers = false;
        }
        leversAtRest = l;
        scenarioAtRest = scenario;
    }

    /**
     * Sets ARPA, churn, CAC and the first forecast period as one undoable edit; LTV:CAC and the
     * token-price decline follow them.
     *
     * @throws IllegalArgumentException when the first forecast period names no period of the workbook
     */
    public void changeAssumptions(Assumptions next) {
        if (assessment == null) {
            return;
        }
        Assumptions old = assessment.assumptions();
        if (assessment.withAssumptions(next).assumptions().equals(old)) {
            return;
        }
        undo.execute(new UndoStack.Edit() {
            @Override
            public String description() {
                return "model assumptions";
            }

            @Override
            public void apply() {
                setAssumptions(next);
            }

            @Override
            public void revert() {
                setAssumptions(old);
            }
        });
    }

    private void setAssumptions(Assumptions a) {
        assessment = assessment.withAssumptions(a);
        afterStructureChange();
    }

    /** ARPA, churn, CAC and first forecast period as set over the workbook's own. */
    public Assumptions assumptions() {
        return assessment == null ? Assumptions.NONE : assessment.assumptions();
    }

    /** Sets the layer of a revenue line (AI, software or an AI share) as one undoable edit. */
    public void setRevenueLayer(int index, LayerSplit layer) {
        RevenueLine line = assessment.model().revenue().get(index);
        if (layer == null || line.layer().equals(layer)) {
            return;
        }
        undo.execute(new RevenueEdit("layer of revenue '" + line.label() + "'", index, line, line.withLayer(layer)));
    }

    /** Says whether a revenue line is priced by usage (heavy users then bring revenue with their cost). */
    public void setRevenueUsagePriced(int index, boolean usagePriced) {
        RevenueLine line = assessment.model().revenue().get(index);
        if (line.usagePriced() == usagePriced) {
            return;
        }
        undo.execute(new RevenueEdit("usage pricing of '" + line.label() + "'", index, line,
                line.withUsagePriced(usagePriced)));
    }

    /** Replaces one revenue line; reverting puts the old one back. */
    private final class RevenueEdit implements UndoStack.Edit {
        private final String description;
        private final int index;
        private final RevenueLine before;
        private final RevenueLine after;

        RevenueEdit(String description, int index, RevenueLine before, RevenueLine after) {
            this.description = description;
            this.index = index;
            this.before = before;
            this.after = after;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void apply() {
            putRevenue(index, after);
        }

        @Override
        public void revert() {
            putRevenue(index, before);
        }
    }

    private void putRevenue(int index, RevenueLine line) {
        assessment = assessment.withRevenueLine(index, line);
        revenueRows.get(index).update(line);
        afterStructureChange();
    }

    public void undo() {
        commitLevers();
        undo.undo();
    }

    public void redo() {
        undo.redo();
    }

    /** Replaces some lines; reverting puts the captured old lines back. */
    private final class LineEdit implements UndoStack.Edit {
        private final String description;
        private final List<Integer> indices;
        private final List<AssessedLine> before = new ArrayList<>();
        private final List<AssessedLine> after;

        LineEdit(String description, List<Integer> indices, List<AssessedLine> after) {
            this.description = description;
            this.indices = List.copyOf(indices);
            this.after = List.copyOf(after);
            for (int i : indices) {
                before.add(assessment.line(i));
            }
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void apply() {
            put(indices, after);
        }

        @Override
        public void revert() {
            put(indices, before);
        }
    }

    private void put(List<Integer> indices, List<AssessedLine> lines) {
        assessment = assessment.withLines(indices, lines);
        for (int i : indices) {
            AssessedLine l = assessment.line(i);
            rows.get(i).update(l.line(), l.decision(), l.classification());
        }
        afterStructureChange();
    }

    private void reclassifyAll() {
        if (assessment == null) {
            return;
        }
        assessment = assessment.withPolicy(policy.get());
        for (int i = 0; i < assessment.lines().size(); i++) {
            AssessedLine l = assessment.line(i);
            rows.get(i).update(l.line(), l.decision(), l.classification());
        }
        afterStructureChange();
    }

    private void afterStructureChange() {
        prepared = assessment.prepare();
        markDirty();
        refreshFigures();
        structureVersion.set(structureVersion.get() + 1);
        refreshFilter();
    }

    // ----- figures -----

    private void scheduleFigures() {
        if (figuresPending) {
            return;
        }
        figuresPending = true;
        figuresScheduler.accept(this::refreshFigures);
    }

    /** Applies the current levers to the prepared sums and updates the result and the tiles. */
    public void refreshFigures() {
        figuresPending = false;
        if (prepared == null) {
            return;
        }
        MarginResult r = prepared.apply(assessment.effective(stress.levers()));
        result.set(r);
        updateTiles(r);
    }

    private void updateTiles(MarginResult r) {
        Figures t = r.total();
        UnitEconomics ue = r.unitEconomics();
        tile("revenue").set(Format.money(t.revenue()), "", Tile.Tone.NONE);
        tile("cogs").set(Format.money(t.restatedCogs()), Format.moneyChange(t.restatedCogs(), t.reportedCogs()),
                Tile.Tone.NONE);
        tile("reported").set(Format.percent(t.reportedBlended()), "", Tile.Tone.NONE);
        set(tile("restated"), t.restatedBlended(), t.reportedBlended());
        set(tile("stressed"), t.restatedBlendedStressed(), t.restatedBlended());
        tile("ai-reported").set(Format.percent(t.reportedAiLayer()), "", Tile.Tone.NONE);
        set(tile("ai"), t.aiLayer(), t.reportedAiLayer());
        set(tile("ai-stressed"), t.aiLayerStressed(), t.aiLayer());
        tile("stressed").setStanding(Benchmarks.standing(t.restatedBlendedStressed()));
        tile("ai-stressed").setStanding(Benchmarks.standing(t.aiLayerStressed()));
        OptionalDouble ltvReported = ltvToCacAsReported(assessment.model().unitInputs(), t);
        tile("ltv").set(Format.ratio(ue.ltvToCac()), Format.ratioChange(ue.ltvToCac(), ltvReported),
                tone(ue.ltvToCac(), ltvReported));
        tile("ltv-stressed").set(Format.ratio(ue.ltvToCacStressed()),
                Format.ratioChange(ue.ltvToCacStressed(), ue.ltvToCac()),
                tone(ue.ltvToCacStressed(), ue.ltvToCac()));
        plausibility.set(plausibility(t));
    }

    /**
     * Why the headline figures cannot be shown as they are, or "" when they can: a gross margin
     * above 100% needs negative costs, and no revenue leaves no margin to speak of. The reader's
     * own confidence in the reading, when it says low, counts the same way.
     */
    private String plausibility(Figures t) {
        if (!readingDoubt.get().isEmpty()) {
            return readingDoubt.get();
        }
        if (!(t.revenue() > 0)) {
            return "no revenue was read, so there is no margin to show. Check the sheet, the header row and the sign of the revenue lines.";
        }
        for (OptionalDouble m : List.of(t.reportedBlended(), t.restatedBlended(), t.aiLayer(), t.reportedAiLayer())) {
            if (m.isPresent() && m.getAsDouble() > 1.0 + 1e-9) {
                return "a gross margin of " + Format.percent(m) + " is impossible (it needs negative costs). "
                        + "Check the signs, the units and which lines were read as costs before quoting these figures.";
            }
        }
        return "";
    }

    private static void set(Tile tile, OptionalDouble now, OptionalDouble base) {
        tile.set(Format.percent(now), Format.points(now, base), tone(now, base));
    }

    private static Tile.Tone tone(OptionalDouble now, OptionalDouble base) {
        if (now.isEmpty() || base.isEmpty()) {
            return Tile.Tone.NONE;
        }
        double d = now.getAsDouble() - base.getAsDouble();
        return Math.abs(d) < 1e-4 ? Tile.Tone.FLAT : d > 0 ? Tile.Tone.UP : Tile.Tone.DOWN;
    }

    /** LTV:CAC as it would look on the margin the workbook reports. */
    private static OptionalDouble ltvToCacAsReported(UnitInputs in, Figures t) {
        if (in == null || !in.isComplete()) {
            return OptionalDouble.empty();
        }
        OptionalDouble gm = in.basis() == UnitInputs.MarginBasis.AI_LAYER ? t.reportedAiLayer() : t.reportedBlended();
        if (gm.isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = in.arpaMonthly() * gm.getAsDouble() / in.churnMonthly() / in.cac();
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Both scenarios' figures side by side, computed from the same classification. */
    public List<CompareRow> compare(Levers left, Levers right) {
        List<CompareRow> out = new ArrayList<>();
        for (Lever s : Lever.values()) {
            out.add(new CompareRow(s.label(), s.format(s.read(left)), s.format(s.read(right))));
        }
        if (prepared == null) {
            return out;
        }
        MarginResult a = prepared.apply(assessment.effective(left));
        MarginResult b = prepared.apply(assessment.effective(right));
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

    // ----- filter -----

    private void refreshFilter() {
        Treatment t = filterTreatment.get();
        LayerFilter lf = filterLayer.get() == null ? LayerFilter.ALL : filterLayer.get();
        CostType ct = filterType.get();
        String sheet = filterSheet.get() == null ? "" : filterSheet.get();
        String find = findText.get() == null ? "" : findText.get().trim().toLowerCase(Locale.ROOT);
        boolean moved = filterMoved.get();
        rowFilter.set(r -> (t == null || r.treatment() == t)
                && (!moved || r.moved())
                && (lf == LayerFilter.ALL || matches(lf, r.layer()))
                && (ct == null || r.costType() == ct)
                && (sheet.isEmpty() || sheet.equals(r.sheet()))
                && (find.isEmpty() || r.label().toLowerCase(Locale.ROOT).contains(find)
                || r.source().toLowerCase(Locale.ROOT).contains(find)
                || (r.costType() != null && r.costType().label().toLowerCase(Locale.ROOT).contains(find))));
    }

    private static boolean matches(LayerFilter lf, LayerSplit s) {
        return switch (lf) {
            case ALL -> true;
            case AI -> s.aiShare() == 1.0;
            case SOFTWARE -> s.aiShare() == 0.0;
            case SPLIT -> s.isSplit();
        };
    }

    // ----- project file -----

    public boolean hasDocument() {
        return assessment != null;
    }

    /**
     * The assessment as the user has it now, levers and scenarios included: an immutable value,
     * so it can be saved or restated off the UI thread.
     */
    public Assessment snapshot() {
        return assessment.withLevers(stress.levers())
                .withScenarios(List.copyOf(stress.scenarios()), stress.activeScenarioProperty().get());
    }

    /** What the project file will hold, captured now. */
    public ProjectState projectState() {
        return snapshot().projectState().withHints(hints);
    }

    /**
     * Saves the project file beside the workbook and returns its path, joining what another window
     * saved since this one read the file (see {@link Workbench#saveProject(Workbench.SaveRequest, boolean)}).
     *
     * @throws Workbench.ProjectConflictException when both changed the same decision; nothing is written
     */
    public Path saveProject() throws IOException {
        return saveProject(false);
    }

    /** Like {@link #saveProject()}; {@code replace} writes this window's decisions over another window's. */
    public Path saveProject(boolean replace) throws IOException {
        Workbench.SaveRequest request = saveRequest();
        saved(request, Workbench.saveProject(request, replace));
        return request.target();
    }

    /** What a save writes, captured now (so the writing can happen off the UI thread). */
    public Workbench.SaveRequest saveRequest() {
        return new Workbench.SaveRequest(snapshot(), hints, projectPath(), projectSync);
    }

    /**
     * After a save of {@code request} succeeded (UI thread): remembers the version written, and when
     * the save took decisions made in another window, shows them here too (any edit made here since
     * the save began is kept). Returns what to say in the status bar.
     */
    public String saved(Workbench.SaveRequest request, Workbench.Saved done) {
        projectSync = done.sync();
        String name = request.target().getFileName().toString();
        if (done.fromOther().isEmpty()) {
            return "Saved " + name;
        }
        ProjectState shown = com.marginworkbench.project.ProjectMerge.merge(request.state(), projectState(),
                done.state()).state();
        boolean editedSince = !projectState().equals(request.state());
        hints = shown.hints();
        install(new Loaded(assessment.source(), Workbench.SavedProject.of(request.target(), shown, assessment)), true);
        if (!editedSince) {
            dirty.set(false);
        }
        String said = "Saved " + name + " with " + done.fromOther().size() + " change"
                + (done.fromOther().size() == 1 ? "" : "s") + " made in another window: "
                + Workbench.list(done.fromOther());
        status.set(said);
        return said;
    }

    /** Whether a file can be written over after a conflict (it is this workbook's own project file). */
    public static boolean canReplace(IOException e) {
        return e instanceof Workbench.ProjectConflictException c && c.canReplace();
    }

    public UnaryOperator<Path> projectLocator() {
        return projectLocator;
    }

    public Path projectPath() {
        return projectLocator.apply(file.get());
    }

    /** Clears the unsaved flag after a background save of the given state succeeded. */
    public void markSaved() {
        dirty.set(false);
    }

    private void markDirty() {
        if (assessment != null && file.get() != null) {
            dirty.set(true);
        }
    }

    /** The default export target: {@code <name>-restated.xlsx} beside the workbook, never an existing file. */
    public Path defaultExportPath() {
        return RestatedWorkbookWriter.defaultTarget(file.get());
    }

    /** What the writer needs, as the user has it now (layer and flag edits included). */
    public WorkbookExporter.Request exportRequest(Path target) {
        Assessment a = snapshot();
        return new WorkbookExporter.Request(file.get(), a.current(), a.classifications(), a.decisions(),
                a.policy(), a.levers(), target);
    }

    /** The board pack of what the user has now (edits, policy and levers included); null without a workbook. */
    public com.marginworkbench.report.BoardPack boardPack(java.time.LocalDate date) {
        if (assessment == null) {
            return null;
        }
        Assessment a = snapshot();
        return com.marginworkbench.report.BoardPack.of(file.get().getFileName().toString(), a.current().model(),
                a.classifications(), a.policy(), a.levers(), date);
    }

    /** The lever-independent sums of the current classification, for goal seek and sensitivity; null without a workbook. */
    public MarginEngine.Prepared prepared() {
        return prepared;
    }

    // ----- accessors -----

    public ObservableList<CostRow> rows() {
        return rows;
    }

    /** One row per revenue line, in the model's order. */
    public ObservableList<RevenueRow> revenueRows() {
        return revenueRows;
    }

    public ObservableList<SheetInfo> sheets() {
        return sheets;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public Tile tile(String id) {
        return tiles.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    public StressViewModel stress() {
        return stress;
    }

    public UndoStack undoStack() {
        return undo;
    }

    public ReadOnlyObjectProperty<Policy> policyProperty() {
        return policy;
    }

    public Policy policy() {
        return policy.get();
    }

    public ReadOnlyObjectProperty<MarginResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public MarginResult result() {
        return result.get();
    }

    /** Changes whenever the classification (and so the bridge and cost by treatment) changes. */
    public ReadOnlyIntegerProperty structureVersionProperty() {
        return structureVersion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Why the headline figures are not fit to show ("" when they are); the window shows a banner
     * with this text in place of the headline margins.
     */
    public ReadOnlyStringProperty plausibilityProperty() {
        return plausibility.getReadOnlyProperty();
    }

    /**
     * The reader's doubt about the reading in words ("" when none): set from the reading's
     * confidence when it is low, so the banner replaces the headline figures.
     */
    public void setReadingDoubt(String doubt) {
        readingDoubt.set(doubt == null ? "" : doubt);
        if (prepared != null) {
            refreshFigures();
        }
    }

    public void setStatus(String s) {
        status.set(s);
    }

    public ObjectProperty<Treatment> filterTreatmentProperty() {
        return filterTreatment;
    }

    public ObjectProperty<LayerFilter> filterLayerProperty() {
        return filterLayer;
    }

    public ObjectProperty<CostType> filterTypeProperty() {
        return filterType;
    }

    public StringProperty filterSheetProperty() {
        return filterSheet;
    }

    /** Show only lines whose treatment differs from where the workbook reported them. */
    public javafx.beans.property.BooleanProperty filterMovedProperty() {
        return filterMoved;
    }

    /** Changes when another workbook is installed (not on edits). */
    public ReadOnlyIntegerProperty documentVersionProperty() {
        return documentVersion.getReadOnlyProperty();
    }

    public StringProperty findTextProperty() {
        return findText;
    }

    public ReadOnlyObjectProperty<Predicate<CostRow>> rowFilterProperty() {
        return rowFilter.getReadOnlyProperty();
    }

    public FinancialModel model() {
        return assessment == null ? null : assessment.model();
    }

    public ReadResult source() {
        return assessment == null ? null : assessment.source();
    }

    public Assessment assessment() {
        return assessment;
    }

    /** What the user told the reader (none until the mapping view is used or a project file gives it). */
    public ReadingHints hints() {
        return hints;
    }

    public List<LineDecision> decisions() {
        return assessment.decisions();
    }

    public List<Classification> classifications() {
        return assessment.classifications();
    }
}
