package com.marginworkbench.ui.workbench;

import com.marginworkbench.app.AssessedLine;
import com.marginworkbench.app.Assessment;
import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.workbook.SheetInfo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The state behind the cost and revenue grids: one row per line, the filters and find, and the
 * edits of a line (type, answers, capitalization, layer, stress flags, note; a revenue line's
 * layer and usage pricing), each one undoable step. An edit hands the new assessment to the
 * workbench, which re-runs the figures once; this class computes no figure.
 */
public final class GridViewModel {
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

    private final WorkbenchViewModel workbench;
    private final ObservableList<CostRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RevenueRow> revenueRows = FXCollections.observableArrayList();
    private final ObjectProperty<Treatment> filterTreatment = new SimpleObjectProperty<>(this, "filterTreatment");
    private final ObjectProperty<LayerFilter> filterLayer = new SimpleObjectProperty<>(this, "filterLayer", LayerFilter.ALL);
    private final ObjectProperty<CostType> filterType = new SimpleObjectProperty<>(this, "filterType");
    private final StringProperty filterSheet = new SimpleStringProperty(this, "filterSheet", "");
    private final BooleanProperty filterMoved = new SimpleBooleanProperty(this, "filterMoved", false);
    private final StringProperty findText = new SimpleStringProperty(this, "findText", "");
    private final ReadOnlyObjectWrapper<Predicate<CostRow>> rowFilter = new ReadOnlyObjectWrapper<>(this, "rowFilter", r -> true);

    GridViewModel(WorkbenchViewModel workbench) {
        this.workbench = workbench;
        filterTreatment.addListener(o -> refreshFilter());
        filterLayer.addListener(o -> refreshFilter());
        filterType.addListener(o -> refreshFilter());
        filterSheet.addListener(o -> refreshFilter());
        filterMoved.addListener(o -> refreshFilter());
        findText.addListener(o -> refreshFilter());
    }

    /** A workbook was installed: one row per cost and revenue line. */
    void load(Assessment assessment, boolean sameWorkbook) {
        FinancialModel m = assessment.model();
        List<CostRow> newRows = new ArrayList<>(m.costs().size());
        for (int i = 0; i < m.costs().size(); i++) {
            AssessedLine l = assessment.line(i);
            CostRow r = new CostRow(i, l.line());
            r.update(l.line(), l.decision(), l.classification());
            newRows.add(r);
        }
        if (!sameWorkbook) {
            filterSheet.set("");
        }
        rows.setAll(newRows);
        List<RevenueRow> newRevenueRows = new ArrayList<>(m.revenue().size());
        for (int i = 0; i < m.revenue().size(); i++) {
            newRevenueRows.add(new RevenueRow(i, m.revenue().get(i)));
        }
        revenueRows.setAll(newRevenueRows);
    }

    /** Every line was classified again (a new policy): every row shows its new badge. */
    void showAll(Assessment assessment) {
        for (int i = 0; i < assessment.lines().size(); i++) {
            AssessedLine l = assessment.line(i);
            rows.get(i).update(l.line(), l.decision(), l.classification());
        }
    }

    // ----- edits (all undoable) -----

    /** Sets the cost type of several lines at once; the stress flags follow the new type. */
    public void setCostType(List<Integer> indices, CostType type) {
        List<Integer> changed = new ArrayList<>();
        List<AssessedLine> after = new ArrayList<>();
        for (int i : indices) {
            AssessedLine l = line(i);
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
        workbench.undoStack().execute(new LineEdit(what, changed, after));
    }

    private String label(int index) {
        return line(index).line().label();
    }

    public void setAnswer(int index, Question q, Answer answer) {
        AssessedLine l = line(index);
        LineDecision d = l.decision();
        if (q.of(d.answers()) == answer) {
            return;
        }
        LineDecision nd = d.withAnswers(q.with(d.answers(), answer));
        workbench.undoStack().execute(new LineEdit("answer on '" + label(index) + "'", List.of(index),
                List.of(new AssessedLine(l.line(), nd, l.noteTime(), l.classification()))));
    }

    /**
     * Records whether the capitalization criteria are met for a training or index-build line and
     * its useful life in months (0 = the stated default), as one undoable edit.
     */
    public void setCapitalization(int index, Answer criteriaMet, int usefulLifeMonths) {
        AssessedLine l = line(index);
        LineDecision d = l.decision();
        if (d.criteriaMet() == criteriaMet && d.usefulLifeMonths() == usefulLifeMonths) {
            return;
        }
        LineDecision nd = d.withCriteriaMet(criteriaMet).withUsefulLifeMonths(usefulLifeMonths);
        workbench.undoStack().execute(new LineEdit("capitalization of '" + label(index) + "'", List.of(index),
                List.of(new AssessedLine(l.line(), nd, l.noteTime(), l.classification()))));
    }

    public void setLayer(int index, LayerSplit layer) {
        AssessedLine l = line(index);
        if (l.line().layer().equals(layer)) {
            return;
        }
        workbench.undoStack().execute(new LineEdit("layer of '" + label(index) + "'", List.of(index),
                List.of(l.withLine(l.line().withLayer(layer)))));
    }

    public void setFlags(int index, boolean llmPriced, boolean usageVariable) {
        AssessedLine l = line(index);
        CostLine line = l.line();
        if (line.llmPriced() == llmPriced && line.usageVariable() == usageVariable) {
            return;
        }
        workbench.undoStack().execute(new LineEdit("stress flags of '" + line.label() + "'", List.of(index),
                List.of(l.withLine(line.withFlags(llmPriced, usageVariable)))));
    }

    /** Records why a line was decided the way it was, with the time of writing. */
    public void setNote(int index, String note) {
        String n = note == null ? "" : note.trim();
        AssessedLine l = line(index);
        if (l.decision().note().equals(n)) {
            return;
        }
        workbench.undoStack().execute(new LineEdit("note on '" + label(index) + "'", List.of(index),
                List.of(new AssessedLine(l.line(), l.decision().withNote(n), Instant.now(), l.classification()))));
    }

    /** Sets the layer of a revenue line (AI, software or an AI share) as one undoable edit. */
    public void setRevenueLayer(int index, LayerSplit layer) {
        RevenueLine line = workbench.assessment().model().revenue().get(index);
        if (layer == null || line.layer().equals(layer)) {
            return;
        }
        workbench.undoStack().execute(new RevenueEdit("layer of revenue '" + line.label() + "'", index, line,
                line.withLayer(layer)));
    }

    /** Says whether a revenue line is priced by usage (heavy users then bring revenue with their cost). */
    public void setRevenueUsagePriced(int index, boolean usagePriced) {
        RevenueLine line = workbench.assessment().model().revenue().get(index);
        if (line.usagePriced() == usagePriced) {
            return;
        }
        workbench.undoStack().execute(new RevenueEdit("usage pricing of '" + line.label() + "'", index, line,
                line.withUsagePriced(usagePriced)));
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
                before.add(line(i));
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
        Assessment next = workbench.assessment().withLines(indices, lines);
        for (int i : indices) {
            AssessedLine l = next.line(i);
            rows.get(i).update(l.line(), l.decision(), l.classification());
        }
        workbench.edited(next);
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
        Assessment next = workbench.assessment().withRevenueLine(index, line);
        revenueRows.get(index).update(line);
        workbench.edited(next);
    }

    // ----- filter -----

    void refreshFilter() {
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

    // ----- what the grids show -----

    /** The figures the totals row under the grids shows (the engine's one result per change). */
    public javafx.beans.property.ReadOnlyObjectProperty<com.marginworkbench.margin.MarginResult> resultProperty() {
        return workbench.resultProperty();
    }

    /** Why the margins are withheld (a reading in doubt), or empty: the totals row says so too. */
    public javafx.beans.property.ReadOnlyStringProperty plausibilityProperty() {
        return workbench.plausibilityProperty();
    }

    public ObservableList<CostRow> rows() {
        return rows;
    }

    /** One row per revenue line, in the model's order. */
    public ObservableList<RevenueRow> revenueRows() {
        return revenueRows;
    }

    /** A cost line as the user has assessed it (line, decision, classification, note time). */
    public AssessedLine line(int index) {
        return workbench.assessment().line(index);
    }

    /** The sheets of the open workbook (the sheet filter's choices). */
    public ObservableList<SheetInfo> sheets() {
        return workbench.sheets();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return workbench.fileProperty();
    }

    /** The model read, for the period columns; null without a workbook. */
    public FinancialModel model() {
        return workbench.model();
    }

    /** The policy the badges were decided under (their tooltips cite it). */
    public Policy policy() {
        return workbench.policy();
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
    public BooleanProperty filterMovedProperty() {
        return filterMoved;
    }

    public StringProperty findTextProperty() {
        return findText;
    }

    public ReadOnlyObjectProperty<Predicate<CostRow>> rowFilterProperty() {
        return rowFilter.getReadOnlyProperty();
    }
}
