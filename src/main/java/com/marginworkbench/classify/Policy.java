package com.marginworkbench.classify;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The framework and the company's accounting choices. ASU 2025-06 applies when adopted early, or
 * when the fiscal year begins after 15 December 2027 (then it is mandatory).
 */
public record Policy(Framework framework, boolean asu202506Adopted, LocalDate fiscalYearStart,
                     FreeTierPolicy freeTier) {
    /** Annual periods beginning after this date must apply ASU 2025-06. */
    public static final LocalDate ASU_2025_06_EFFECTIVE_AFTER = LocalDate.of(2027, 12, 15);

    public static final Policy US_GAAP_DEFAULT = new Policy(Framework.US_GAAP, false, null,
            FreeTierPolicy.ACQUISITION_COST);

    public Policy {
        framework = framework == null ? Framework.US_GAAP : framework;
        freeTier = freeTier == null ? FreeTierPolicy.ACQUISITION_COST : freeTier;
    }

    /**
     * Written out rather than left to the record: its generated equals and hashCode are assembled from
     * method handles on first use, which every command-line run paid for at start-up. A new component
     * must be added here.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && p.framework == framework && p.asu202506Adopted == asu202506Adopted
                && Objects.equals(p.fiscalYearStart, fiscalYearStart) && p.freeTier == freeTier;
    }

    @Override
    public int hashCode() {
        return Objects.hash(framework, asu202506Adopted, fiscalYearStart, freeTier);
    }

    public static Policy of(Framework framework) {
        return new Policy(framework, false, null, FreeTierPolicy.ACQUISITION_COST);
    }

    /** True when the fiscal year start alone makes ASU 2025-06 mandatory. */
    public boolean asu202506Mandatory() {
        return fiscalYearStart != null && fiscalYearStart.isAfter(ASU_2025_06_EFFECTIVE_AFTER);
    }

    /** True when ASU 2025-06 governs internal-use software under this policy (US GAAP only). */
    public boolean asu202506Applies() {
        return framework == Framework.US_GAAP && (asu202506Adopted || asu202506Mandatory());
    }

    /**
     * True when ASU 2025-06 governs the fiscal year beginning on {@code yearStart} (US GAAP only):
     * adopted early, or mandatory because that year begins after 15 December 2027. A multi-year
     * model can have years on both sides.
     */
    public boolean asu202506AppliesToYear(LocalDate yearStart) {
        return framework == Framework.US_GAAP
                && (asu202506Adopted || (yearStart != null && yearStart.isAfter(ASU_2025_06_EFFECTIVE_AFTER)));
    }

    public Policy withFramework(Framework f) {
        return new Policy(f, asu202506Adopted, fiscalYearStart, freeTier);
    }

    public Policy withAsu202506Adopted(boolean adopted) {
        return new Policy(framework, adopted, fiscalYearStart, freeTier);
    }

    public Policy withFiscalYearStart(LocalDate start) {
        return new Policy(framework, asu202506Adopted, start, freeTier);
    }

    public Policy withFreeTier(FreeTierPolicy p) {
        return new Policy(framework, asu202506Adopted, fiscalYearStart, p);
    }
}
