package com.marginworkbench.classify;

import java.util.List;

/**
 * The outcome of the COGS test for one line: the treatment, the OpEx function where it is OpEx,
 * one plain sentence saying why, the standards behind it under the chosen framework, the answers
 * actually used (defaults filled in) and, for Review, what contradicts what.
 *
 * <p>{@code criteria} is the checklist a person works through before a training or index-build
 * line can leave Review (empty for other lines). {@code usefulLifeMonths} is the amortization
 * period of a capitalized line (0 otherwise); {@code amortizationInCogs} says its amortization is a
 * cost of revenue because the asset delivers the paid service.
 */
public record Classification(Treatment treatment, OpexFunction function, String reason, List<Citation> references,
                             boolean triggeredByCustomer, boolean neededForDelivery, boolean variesWithUsage,
                             String contradiction, List<String> criteria, int usefulLifeMonths,
                             boolean amortizationInCogs) {
    public Classification {
        references = List.copyOf(references);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public Classification(Treatment treatment, OpexFunction function, String reason, List<Citation> references,
                          boolean triggeredByCustomer, boolean neededForDelivery, boolean variesWithUsage,
                          String contradiction) {
        this(treatment, function, reason, references, triggeredByCustomer, neededForDelivery, variesWithUsage,
                contradiction, List.of(), 0, false);
    }

    /**
     * A cost of revenue that does not vary with usage (a reserved GPU cluster serving customers):
     * it counts in gross margin, and the stress levers leave it alone.
     */
    public boolean fixedDelivery() {
        return treatment == Treatment.COST_OF_REVENUE && !variesWithUsage;
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
