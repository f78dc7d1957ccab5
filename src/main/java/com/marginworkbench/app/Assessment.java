package com.marginworkbench.app;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.project.ProjectFileDto;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assessment of one workbook: what was read, one {@link AssessedLine} per cost line (its
 * decision, note and classification as one value), the policy, the levers and the named
 * scenarios. The window and the command line both work on it; it is a value: every change gives a
 * new assessment, so an undo step can keep the old one.
 *
 * <p>The engine computes; this class only hands it the lines as the user has them.
 */
public final class Assessment {
    private final ReadResult source;
    private final FinancialModel model;
    private final List<AssessedLine> lines;
    private final List<RevenueLine> revenue;
    private final Policy policy;
    private final Levers levers;
    private final List<ProjectState.Scenario> scenarios;
    private final String activeScenario;
    private final List<String> notes;
    private final Assumptions assumptions;

    private Assessment(ReadResult source, List<AssessedLine> lines, List<RevenueLine> revenue, Policy policy,
                       Levers levers, List<ProjectState.Scenario> scenarios, String activeScenario,
                       List<String> notes, Assumptions assumptions) {
        this.source = source;
        this.assumptions = assumptions == null ? Assumptions.NONE : assumptions;
        this.lines = Collections.unmodifiableList(lines);
        this.revenue = List.copyOf(revenue);
        List<CostLine> costs = new ArrayList<>(lines.size());
        for (AssessedLine l : lines) {
            costs.add(l.line());
        }
        FinancialModel read = source.model();
        // one model with both lists (each new model checks every line's periods: 20,000 lines, twice)
        this.model = this.assumptions.applyTo(new FinancialModel(read.name(), read.periods(), this.revenue, costs,
                read.unitInputs(), read.fiscalYearStart()));
        this.policy = policy;
        this.levers = (levers == null ? Levers.NEUTRAL : levers)
                .withFirstForecastPeriod(this.assumptions.firstForecastIndex(model.periods()));
        this.scenarios = List.copyOf(scenarios);
        this.activeScenario = activeScenario == null ? "" : activeScenario;
        this.notes = List.copyOf(notes);
    }

    /**
     * A fresh assessment of what was read: the reader's suggested decisions, classified under
     * {@code policy} (its fiscal year start taken from the workbook), neutral levers.
     */
    public static Assessment of(ReadResult read, Policy policy) {
        Policy p = read.model().fiscalYearStart() == null ? policy
                : policy.withFiscalYearStart(read.model().fiscalYearStart());
        List<CostLine> costs = read.model().costs();
        List<Classification> cls = CogsTest.classifyAll(read.model(), read.decisions(), p);
        List<AssessedLine> lines = new ArrayList<>(costs.size());
        for (int i = 0; i < costs.size(); i++) {
            lines.add(new AssessedLine(costs.get(i), read.decisions().get(i), null, cls.get(i)));
        }
        return new Assessment(read, lines, read.model().revenue(), p, Levers.NEUTRAL, List.of(), "", List.of(),
                Assumptions.NONE);
    }

    /**
     * The same workbook with a saved project applied: its policy, levers, scenarios and, for each
     * line that still matches by source cell and label, its decision, note, layer and stress flags.
     * Saved lines that match nothing, and a reading mapping that no longer fits the workbook, are
     * named in {@link #notes()}.
     */
    public Assessment applyProject(ProjectState saved, ProjectFileDto.MappingDto mapping) {
        Policy p = model.fiscalYearStart() == null ? saved.policy()
                : saved.policy().withFiscalYearStart(model.fiscalYearStart());
        List<java.time.LocalDate> years = years(p);
        Map<String, ProjectState.LineState> byKey = new HashMap<>();
        for (ProjectState.LineState ls : saved.lines()) {
            byKey.put(AssessedLine.key(ls.sourceCell(), ls.label()), ls);
        }
        List<AssessedLine> out = new ArrayList<>(lines.size());
        for (AssessedLine l : lines) {
            ProjectState.LineState ls = byKey.remove(l.key());
            if (ls == null) {
                out.add(l.reclassify(p, years));
            } else {
                CostLine c = l.line().withLayer(ls.layer()).withFlags(ls.llmPriced(), ls.usageVariable());
                out.add(new AssessedLine(c, ls.decision(), ls.noteTime(),
                        CogsTest.classify(ls.decision(), c.reported(), p, years)));
            }
        }
        List<String> newNotes = new ArrayList<>(notes);
        if (!byKey.isEmpty()) {
            newNotes.add(byKey.size() + (byKey.size() == 1 ? " saved decision no longer matches a line"
                    : " saved decisions no longer match a line") + " (by source cell and label): "
                    + String.join(", ", byKey.values().stream().limit(5)
                    .map(ls -> ls.sourceCell() + " " + ls.label()).toList()) + (byKey.size() > 5 ? ", ..." : ""));
        }
        newNotes.addAll(mappingNotes(mapping));
        Assumptions kept = saved.assumptions();
        try {
            kept.firstForecastIndex(model.periods());
        } catch (IllegalArgumentException e) {
            newNotes.add("The project file's first forecast period " + e.getMessage().replaceFirst(";.*", "")
                    + "; the headings decide which periods are forecasts");
            kept = kept.withFirstForecast(null);
        }
        return new Assessment(source, out, restoreRevenue(saved.revenue()), p, saved.levers(), saved.scenarios(),
                saved.activeScenario(), newNotes, kept);
    }

    /** The same assessment with {@code more} notes after its own (what reading the project file noticed). */
    public Assessment withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Assessment(source, new ArrayList<>(lines), revenue, policy, levers, scenarios, activeScenario, all,
                assumptions);
    }

    /** The saved layer and usage pricing put back on the revenue lines they still match. */
    private List<RevenueLine> restoreRevenue(List<ProjectState.RevenueState> saved) {
        Map<String, ProjectState.RevenueState> byKey = new HashMap<>();
        for (ProjectState.RevenueState rs : saved) {
            byKey.put(AssessedLine.key(rs.sourceCell(), rs.label()), rs);
        }
        List<RevenueLine> out = new ArrayList<>(revenue.size());
        for (RevenueLine r : revenue) {
            ProjectState.RevenueState rs = byKey.get(AssessedLine.key(r.sourceCell(), r.label()));
            out.add(rs == null ? r : r.withLayer(rs.layer()).withUsagePriced(rs.usagePriced()));
        }
        return out;
    }

    /** Sheets the project's mapping names that the workbook no longer has; the automatic reading is used. */
    private List<String> mappingNotes(ProjectFileDto.MappingDto mapping) {
        if (mapping == null || mapping.sheets == null) {
            return List.of();
        }
        Set<String> present = new HashSet<>();
        for (SheetInfo s : source.sheets()) {
            present.add(s.name());
        }
        List<String> out = new ArrayList<>();
        for (String entry : mapping.sheets) {
            String sheet = entry;
            int bang = entry.lastIndexOf('!');
            if (bang > 0) {
                sheet = entry.substring(0, bang);
            }
            if (!present.contains(sheet)) {
                out.add("The project file's mapping names sheet '" + sheet + "', which the workbook no longer has;"
                        + " the automatic reading is used");
            }
        }
        return out;
    }

    /** The model's fiscal years under a policy (the ASU 2025-06 test runs per year). */
    private List<java.time.LocalDate> years(Policy p) {
        return CogsTest.fiscalYears(model.periods(), p);
    }

    // ----- changes (each gives a new assessment) -----

    /** Line {@code index} with a new decision and note time, classified again. */
    public Assessment decide(int index, LineDecision decision, Instant noteTime) {
        return withLine(index, lines.get(index).decide(decision, noteTime, policy, years(policy)));
    }

    /** Line {@code index} with its cost line changed (layer, stress flags). */
    public Assessment withCostLine(int index, CostLine line) {
        return withLine(index, lines.get(index).withLine(line));
    }

    /** Replaces one line; its classification is recomputed under the current policy. */
    public Assessment withLine(int index, AssessedLine line) {
        List<AssessedLine> copy = new ArrayList<>(lines);
        copy.set(index, line.reclassify(policy, years(policy)));
        return new Assessment(source, copy, revenue, policy, levers, scenarios, activeScenario, notes, assumptions);
    }

    /** Replaces several lines at once (one undo step). */
    public Assessment withLines(List<Integer> indices, List<AssessedLine> newLines) {
        List<AssessedLine> copy = new ArrayList<>(lines);
        List<java.time.LocalDate> years = years(policy);
        for (int k = 0; k < indices.size(); k++) {
            copy.set(indices.get(k), newLines.get(k).reclassify(policy, years));
        }
        return new Assessment(source, copy, revenue, policy, levers, scenarios, activeScenario, notes, assumptions);
    }

    /** Another framework or policy: every line is classified again. */
    public Assessment withPolicy(Policy newPolicy) {
        if (newPolicy.equals(policy)) {
            return this;
        }
        List<AssessedLine> copy = new ArrayList<>(lines.size());
        List<java.time.LocalDate> years = years(newPolicy);
        for (AssessedLine l : lines) {
            copy.add(l.reclassify(newPolicy, years));
        }
        return new Assessment(source, copy, revenue, newPolicy, levers, scenarios, activeScenario, notes, assumptions);
    }

    /** Revenue line {@code index} with another layer or usage pricing. */
    public Assessment withRevenueLine(int index, RevenueLine line) {
        List<RevenueLine> copy = new ArrayList<>(revenue);
        copy.set(index, line);
        return new Assessment(source, lines, copy, policy, levers, scenarios, activeScenario, notes, assumptions);
    }

    /** Other lever values; the first forecast period stays the assessment's own (see {@link #withAssumptions}). */
    public Assessment withLevers(Levers newLevers) {
        if (effective(newLevers).equals(levers)) {
            return this;
        }
        return new Assessment(source, lines, revenue, policy, newLevers, scenarios, activeScenario, notes, assumptions);
    }

    /**
     * Other model assumptions (ARPA, churn, CAC, first forecast period): the unit economics and the
     * token-price decline follow them.
     *
     * @throws IllegalArgumentException when the first forecast period names no period of the workbook
     */
    public Assessment withAssumptions(Assumptions newAssumptions) {
        Assumptions a = newAssumptions == null ? Assumptions.NONE : newAssumptions;
        a.firstForecastIndex(source.model().periods());
        if (a.equals(assumptions)) {
            return this;
        }
        return new Assessment(source, lines, revenue, policy, levers, scenarios, activeScenario, notes, a);
    }

    /**
     * {@code slider} levers as this assessment applies them: with its first forecast period (the
     * token-price decline works on forecast periods only). The window's live figures go through
     * here so they match {@link #figures()}.
     */
    public Levers effective(Levers slider) {
        return slider.withFirstForecastPeriod(levers.firstForecastPeriod());
    }

    public Assessment withScenarios(List<ProjectState.Scenario> newScenarios, String active) {
        return new Assessment(source, lines, revenue, policy, levers, newScenarios, active, notes, assumptions);
    }

    // ----- figures -----

    /** The engine's sums for the current classification, ready for lever changes. */
    public MarginEngine.Prepared prepare() {
        return MarginEngine.prepare(model, classifications());
    }

    /** The engine's figures for the current lines, policy and levers. */
    public MarginResult figures() {
        return prepare().apply(levers);
    }

    // ----- views for the writers and the project file -----

    /** What was read, with the lines as the user has them now (layer and flag edits included). */
    public ReadResult current() {
        return new ReadResult(source.file(), model, decisions(), source.problems(), source.sheets(), source.ownModel(),
                source.reading(), source.stamp());
    }

    public ProjectState projectState() {
        List<ProjectState.LineState> out = new ArrayList<>(lines.size());
        for (AssessedLine l : lines) {
            CostLine c = l.line();
            out.add(new ProjectState.LineState(c.sourceCell(), c.label(), l.decision(), l.noteTime(), c.layer(),
                    c.llmPriced(), c.usageVariable()));
        }
        List<ProjectState.RevenueState> rev = new ArrayList<>(revenue.size());
        for (RevenueLine r : revenue) {
            rev.add(new ProjectState.RevenueState(r.sourceCell(), r.label(), r.layer(), r.usagePriced()));
        }
        return new ProjectState(policy, levers, activeScenario, scenarios, out, rev, ReadingHints.NONE, assumptions);
    }

    /** How the workbook was read, as the project file records it. */
    public ProjectFileDto.MappingDto mapping() {
        ProjectFileDto.MappingDto m = new ProjectFileDto.MappingDto();
        m.ownModel = source.ownModel();
        for (SheetInfo s : source.sheets()) {
            m.sheets.add(s.tableRange() == null ? s.name() : s.name() + "!" + s.tableRange());
        }
        m.periods.addAll(model.periods().labels());
        return m;
    }

    // ----- accessors -----

    public ReadResult source() {
        return source;
    }

    public FinancialModel model() {
        return model;
    }

    public List<AssessedLine> lines() {
        return lines;
    }

    public AssessedLine line(int index) {
        return lines.get(index);
    }

    public List<LineDecision> decisions() {
        List<LineDecision> out = new ArrayList<>(lines.size());
        for (AssessedLine l : lines) {
            out.add(l.decision());
        }
        return Collections.unmodifiableList(out);
    }

    public List<Classification> classifications() {
        List<Classification> out = new ArrayList<>(lines.size());
        for (AssessedLine l : lines) {
            out.add(l.classification());
        }
        return Collections.unmodifiableList(out);
    }

    public Policy policy() {
        return policy;
    }

    public Levers levers() {
        return levers;
    }

    public List<ProjectState.Scenario> scenarios() {
        return scenarios;
    }

    public String activeScenario() {
        return activeScenario;
    }

    /** ARPA, churn, CAC and first forecast period as the user set them over the workbook's. */
    public Assumptions assumptions() {
        return assumptions;
    }

    /** What applying a project noticed (lines that no longer match, a mapping that no longer fits). */
    public List<String> notes() {
        return notes;
    }
}
