package com.marginworkbench.classify;

/** Where the COGS test puts a cost line. */
public enum Treatment {
    COST_OF_REVENUE("COGS", "COGS"),
    OPERATING_EXPENSE("OPEX", "OpEx"),
    RESEARCH_DEVELOPMENT("RND", "R&D"),
    CAPITALIZED("CAPITALIZED", "Capitalized"),
    REVIEW("REVIEW", "Review");

    private final String code;
    private final String label;

    Treatment(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Short code used in JSON and the project file: COGS, OPEX, RND, CAPITALIZED, REVIEW. */
    public String code() {
        return code;
    }

    /** The badge text. */
    public String label() {
        return label;
    }
}
