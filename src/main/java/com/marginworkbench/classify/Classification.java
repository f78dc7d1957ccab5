package com.marginworkbench.classify;

import java.util.List;

/**
 * The outcome of the COGS test for one line: the treatment, the OpEx function where it is OpEx,
 * one plain sentence saying why, the standards behind it under the chosen framework, the answers
 * actually used (defaults filled in) and, for Review, what contradicts what.
 */
public record Classification(Treatment treatment, OpexFunction function, String reason, List<Citation> references,
                             boolean triggeredByCustomer, boolean neededForDelivery, boolean variesWithUsage,
                             String contradiction) {
    public Classification {
        references = List.copyOf(references);
    }

    public boolean isReview() {
        return treatment == Treatment.REVIEW;
    }

    /** References joined for a tooltip or a cell, e.g. "ASC 340-40; ASC 705". */
    public String referencesText() {
        if (references.isEmpty()) {
            return "No standard names this cost; presented by function";
        }
        StringBuilder sb = new StringBuilder();
        for (Citation c : references) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Badge text with the OpEx function where there is one, e.g. "OpEx (Sales & marketing)". */
    public String describe() {
        return function == null ? treatment.label() : treatment.label() + " (" + function.label() + ")";
    }
}
