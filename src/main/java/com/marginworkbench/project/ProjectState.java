package com.marginworkbench.project;

import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.ReadingHints;

import java.time.Instant;
import java.util.List;

/**
 * Everything the user decided about one workbook, in core terms: the policy, the lever values,
 * the named scenarios, one entry per cost and revenue line, and the mapping the user gave the
 * reader ({@link ReadingHints}: ranges, header row, label column, row roles, signs, units,
 * periods) and the model assumptions ({@link Assumptions}: ARPA, churn, CAC, first forecast
 * period). Lines are matched back to the workbook by their source cell and label, so a workbook
 * that gained or lost rows keeps the decisions that still fit.
 */
public record ProjectState(Policy policy, Levers levers, String activeScenario, List<Scenario> scenarios,
                           List<LineState> lines, List<RevenueState> revenue, ReadingHints hints,
                           Assumptions assumptions) {
    public ProjectState {
        hints = hints == null ? ReadingHints.NONE : hints;
        assumptions = assumptions == null ? Assumptions.NONE : assumptions;
        scenarios = List.copyOf(scenarios);
        lines = List.copyOf(lines);
        revenue = revenue == null ? List.of() : List.copyOf(revenue);
        levers = levers == null ? Levers.NEUTRAL : levers;
    }

    /** A state with no revenue decisions (each revenue line keeps the layer the reader gave it). */
    public ProjectState(Policy policy, Levers levers, String activeScenario, List<Scenario> scenarios,
                        List<LineState> lines) {
        this(policy, levers, activeScenario, scenarios, lines, List.of(), ReadingHints.NONE, Assumptions.NONE);
    }

    /** A state with no mapping: the reader finds the statement on its own. */
    public ProjectState(Policy policy, Levers levers, String activeScenario, List<Scenario> scenarios,
                        List<LineState> lines, List<RevenueState> revenue) {
        this(policy, levers, activeScenario, scenarios, lines, revenue, ReadingHints.NONE, Assumptions.NONE);
    }

    /** A state with a mapping and no model assumptions (the workbook's own ARPA, churn, CAC, forecast). */
    public ProjectState(Policy policy, Levers levers, String activeScenario, List<Scenario> scenarios,
                        List<LineState> lines, List<RevenueState> revenue, ReadingHints hints) {
        this(policy, levers, activeScenario, scenarios, lines, revenue, hints, Assumptions.NONE);
    }

    /** The same state with another mapping. */
    public ProjectState withHints(ReadingHints newHints) {
        return new ProjectState(policy, levers, activeScenario, scenarios, lines, revenue, newHints, assumptions);
    }

    /**
     * One revenue line as the user left it, matched back like a cost line by source cell and label:
     * its layer split and whether it is priced by usage.
     */
    public record RevenueState(String sourceCell, String label, LayerSplit layer, boolean usagePriced) {
    }

    /** A named set of lever values. */
    public record Scenario(String name, Levers levers) {
    }

    /**
     * One cost line as the user left it: decision (type, answers, note), when the note was last
     * written, the layer split and the two stress flags.
     */
    public record LineState(String sourceCell, String label, LineDecision decision, Instant noteTime,
                            LayerSplit layer, boolean llmPriced, boolean usageVariable) {
    }
}
