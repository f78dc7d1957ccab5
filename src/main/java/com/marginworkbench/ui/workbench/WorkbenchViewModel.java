package com.marginworkbench.ui.workbench;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.ProjectLocation;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.usage.WorkbookInference;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The coordinator behind the main window: the open workbook as the user has assessed it (through
 * the application layer), its policy, its one result for the current levers, the undo history and
 * the project file. Each part of the window has its own view model, fed from here: the grids
 * ({@link #grid()}), the stress panel ({@link #stress()}), the charts ({@link #charts()}) and the
 * headline ({@link #tiles()}). An edit in a part hands the new assessment back here, where the
 * figures are computed once. It never touches a control. All methods run on the UI thread except
 * the loading work the view hands to a background task.
 */
public final class WorkbenchViewModel {
    /** A loaded workbook with its saved project state, if any, ready to install on the UI thread. */
    public record Loaded(ReadResult read, Workbench.SavedProject saved) {
    }

    private final UndoStack undo = new UndoStack();
    private final StressViewModel stress = new StressViewModel(this);
    private final GridViewModel grid = new GridViewModel(this);
    private final ChartsViewModel charts = new ChartsViewModel(this);
    private final Consumer<Runnable> figuresScheduler;
    private final UnaryOperator<Path> projectLocator;
    private final ObservableList<SheetInfo> sheets = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(this, "policy", Policy.US_GAAP_DEFAULT);
    private final ReadOnlyObjectWrapper<MarginResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyIntegerWrapper structureVersion = new ReadOnlyIntegerWrapper(this, "structureVersion");
    private final ReadOnlyIntegerWrapper documentVersion = new ReadOnlyIntegerWrapper(this, "documentVersion");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Margin Workbench");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper plausibility = new ReadOnlyStringWrapper(this, "plausibility", "");
    private final ReadOnlyStringWrapper caution = new ReadOnlyStringWrapper(this, "caution", "");
    private final TilesViewModel tiles = new TilesViewModel(plausibility.getReadOnlyProperty(),
            caution.getReadOnlyProperty());
    /** The reader's doubt about the reading in words ("" when none); the figures are withheld then. */
    private String readingDoubt = "";
    private com.marginworkbench.model.Reading reading = com.marginworkbench.model.Reading.of(
            com.marginworkbench.model.Reading.Confidence.HIGH, List.of());
    /** The workbook as the user has assessed it (lines with their decisions, policy); levers live in {@link #stress}. */
    private Assessment assessment;
    /** What the user told the reader in the mapping view (kept in the project file). */
    private ReadingHints hints = ReadingHints.NONE;
    /** The project file's version this window last read or wrote, and the state it held then. */
    private Workbench.ProjectSync projectSync;
    private MarginEngine.Prepared prepared;
    private boolean figuresPending;
    private boolean restoring;

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
        policy.addListener((obs, o, n) -> {
            if (!restoring) {
                reclassifyAll();
                markDirty();
            }
        });
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
        file.set(rr.file());
        reading = rr.reading();
        sheets.setAll(rr.sheets());
        problems.setAll(rr.problems());
        grid.load(assessment, sameWorkbook);
        if (!sameWorkbook) {
            undo.clear();
        }
        title.set("Margin Workbench — " + (rr.file() == null ? m.name() : rr.file().getFileName()));
        prepared = assessment.prepare();
        stress.show(assessment.scenarios(), assessment.levers(), assessment.activeScenario());
        readingDoubt = Plausibility.doubtOf(rr.reading());
        caution.set(Plausibility.cautionOf(rr.reading()));
        stress.setDocument(rr.file() == null ? null : new StressViewModel.Document(rr.file(), projectPath()));
        refreshFigures();
        documentVersion.set(documentVersion.get() + 1);
        structureVersion.set(structureVersion.get() + 1);
        dirty.set(false);
        if (sameWorkbook) {
            markDirty();
            grid.refreshFilter();
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

    public void undo() {
        stress.commitLevers();
        undo.undo();
    }

    public void redo() {
        undo.redo();
    }

    private void reclassifyAll() {
        if (assessment == null) {
            return;
        }
        assessment = assessment.withPolicy(policy.get());
        grid.showAll(assessment);
        afterStructureChange();
    }

    /** A part's edit (or its undo) produced a new assessment: figures, badges' filter and parts follow. */
    void edited(Assessment next) {
        assessment = next;
        afterStructureChange();
    }

    private void afterStructureChange() {
        prepared = assessment.prepare();
        markDirty();
        refreshFigures();
        structureVersion.set(structureVersion.get() + 1);
        grid.refreshFilter();
    }

    // ----- figures -----

    /** The levers moved: the project changed, and the figures follow on the next frame. */
    void leversChanged() {
        markDirty();
        scheduleFigures();
    }

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
        tiles.show(r);
        plausibility.set(Plausibility.of(readingDoubt, r.total()));
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

    void markDirty() {
        if (assessment != null && file.get() != null) {
            dirty.set(true);
        }
    }

    /** The default export target: {@code <name>-restated.xlsx} beside the workbook, never an existing file. */
    public Path defaultExportPath() {
        return RestatedWorkbookWriter.defaultTarget(file.get());
    }

    /** The lever-independent sums of the current classification, for goal seek and sensitivity; null without a workbook. */
    public MarginEngine.Prepared prepared() {
        return prepared;
    }

    // ----- the parts' view models -----

    /** The cost and revenue grids: rows, filters and the edits of a line. */
    public GridViewModel grid() {
        return grid;
    }

    /** The charts: the result, its rebuild signals and the sums goal seek works on. */
    public ChartsViewModel charts() {
        return charts;
    }

    /** The headline figures. */
    public TilesViewModel tiles() {
        return tiles;
    }

    /** The stress panel: levers, scenarios, framework and policy. */
    public StressViewModel stress() {
        return stress;
    }

    // ----- accessors -----

    public ObservableList<SheetInfo> sheets() {
        return sheets;
    }

    /** What the reader says about its reading: tables read and why, units, checks, confidence, notes. */
    public com.marginworkbench.model.Reading reading() {
        return reading;
    }

    public ObservableList<Problem> problems() {
        return problems;
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

    public void setStatus(String s) {
        status.set(s);
    }

    /** Changes when another workbook is installed (not on edits). */
    public ReadOnlyIntegerProperty documentVersionProperty() {
        return documentVersion.getReadOnlyProperty();
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

    /**
     * The open workbook's customer-facing inference per month, as its lines are now decided (the
     * Customers tab reconciles imported usage with it); null without a workbook.
     */
    public Map<YearMonth, Double> customerFacingInference() {
        return hasDocument() ? WorkbookInference.customerFacing(model(), decisions()) : null;
    }

    public List<LineDecision> decisions() {
        return assessment.decisions();
    }

    public List<Classification> classifications() {
        return assessment.classifications();
    }
}
