package com.marginworkbench.model;

/** How long one period of the model is. */
public enum Granularity {
    MONTH(12), QUARTER(4), HALF_YEAR(2), YEAR(1), OTHER(12);

    private final int perYear;

    Granularity(int perYear) {
        this.perYear = perYear;
    }

    /** Periods in a year; OTHER is read as monthly, the common case for unlabeled columns. */
    public int perYear() {
        return perYear;
    }
}
