package com.marginworkbench.classify;

/**
 * What the user (or the reader's suggestion) decided about one cost line: its cost type (null when
 * unknown), its answers to the three questions, and a note: why a suggestion was made or why the
 * user overrode it.
 *
 * <p>{@code origin} says where the type came from: a vendor or topic name alone is a weaker basis
 * than a word that says what the spend does, so the COGS test will not let a name alone move a
 * line into cost of revenue against where the company reported it. {@code criteriaMet} answers the
 * capitalization criteria of a training or index-build line (DEFAULT = not yet assessed, which
 * keeps it in Review). {@code usefulLifeMonths} is the amortization period of a capitalized line
 * (0 = the stated default, {@link #DEFAULT_USEFUL_LIFE_MONTHS}).
 */
public record LineDecision(CostType costType, Answers answers, String note, Origin origin, Answer criteriaMet,
                           int usefulLifeMonths) {
    /** Amortization period of a capitalized model or index when none is entered: three years. */
    public static final int DEFAULT_USEFUL_LIFE_MONTHS = 36;

    /** Where a line's cost type came from. */
    public enum Origin {
        /** Chosen by a person, a Cost type column, or the product's own model. */
        USER,
        /** Suggested from a vendor or topic name together with a word saying what the spend does. */
        SUGGESTED_WITH_CONTEXT,
        /** Suggested from a vendor or topic name alone ("OpenAI", "GPU compute", "Snowflake"). */
        SUGGESTED_FROM_NAME
    }

    public LineDecision {
        answers = answers == null ? Answers.DEFAULTS : answers;
        note = note == null ? "" : note;
        origin = origin == null ? Origin.USER : origin;
        criteriaMet = criteriaMet == null ? Answer.DEFAULT : criteriaMet;
        if (usefulLifeMonths < 0 || usefulLifeMonths > 600) {
            throw new IllegalArgumentException("Useful life must be between 1 and 600 months, was " + usefulLifeMonths);
        }
    }

    public LineDecision(CostType costType, Answers answers, String note) {
        this(costType, answers, note, Origin.USER, Answer.DEFAULT, 0);
    }

    public static LineDecision of(CostType type) {
        return new LineDecision(type, Answers.DEFAULTS, "");
    }

    /** A person chose the type: the decision is no longer a name-only suggestion. */
    public LineDecision withCostType(CostType type) {
        return new LineDecision(type, answers, note, Origin.USER, criteriaMet, usefulLifeMonths);
    }

    public LineDecision withAnswers(Answers a) {
        return new LineDecision(costType, a, note, origin, criteriaMet, usefulLifeMonths);
    }

    public LineDecision withNote(String n) {
        return new LineDecision(costType, answers, n, origin, criteriaMet, usefulLifeMonths);
    }

    public LineDecision withOrigin(Origin o) {
        return new LineDecision(costType, answers, note, o, criteriaMet, usefulLifeMonths);
    }

    public LineDecision withCriteriaMet(Answer a) {
        return new LineDecision(costType, answers, note, origin, a, usefulLifeMonths);
    }

    public LineDecision withUsefulLifeMonths(int months) {
        return new LineDecision(costType, answers, note, origin, criteriaMet, months);
    }

    /** The useful life to amortize over: the entered one, else the stated default. */
    public int effectiveUsefulLifeMonths() {
        return usefulLifeMonths == 0 ? DEFAULT_USEFUL_LIFE_MONTHS : usefulLifeMonths;
    }
}
