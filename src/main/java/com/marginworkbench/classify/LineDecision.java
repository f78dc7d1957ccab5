package com.marginworkbench.classify;

/**
 * What the user (or the reader's suggestion) decided about one cost line: its cost type (null when
 * unknown), its answers to the three questions, and a note: why a suggestion was made or why the
 * user overrode it.
 */
public record LineDecision(CostType costType, Answers answers, String note) {
    public LineDecision {
        answers = answers == null ? Answers.DEFAULTS : answers;
        note = note == null ? "" : note;
    }

    public static LineDecision of(CostType type) {
        return new LineDecision(type, Answers.DEFAULTS, "");
    }

    public LineDecision withCostType(CostType type) {
        return new LineDecision(type, answers, note);
    }

    public LineDecision withAnswers(Answers a) {
        return new LineDecision(costType, a, note);
    }

    public LineDecision withNote(String n) {
        return new LineDecision(costType, answers, n);
    }
}
