package com.marginworkbench.model;

import java.util.Locale;

/** The section of the workbook a line sits under: where the company itself put it. */
public enum Placement {
    REVENUE("REVENUE", "Revenue"),
    COST_OF_REVENUE("COGS", "Cost of revenue"),
    RESEARCH_DEVELOPMENT("RND", "R&D"),
    SALES_MARKETING("SM", "Sales & marketing"),
    GENERAL_ADMIN("GA", "General & administrative"),
    OTHER_OPEX("OPEX", "Other operating expense"),
    CAPITALIZED("CAPITALIZED", "Capitalized"),
    BELOW_THE_LINE("BELOW_LINE", "Below the line");

    private final String code;
    private final String label;

    Placement(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Short code used in JSON output and the project file. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** True when the workbook counts this line in gross margin as a cost. */
    public boolean isCostOfRevenue() {
        return this == COST_OF_REVENUE;
    }

    /** Accepts the code, the enum name or the label, any case. */
    public static Placement parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No placement given");
        }
        String t = text.trim();
        for (Placement p : values()) {
            if (p.code.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t) || p.label.equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown placement '" + text + "'; expected one of "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
