package com.marginworkbench.classify;

/** The function an operating expense is presented under. */
public enum OpexFunction {
    SALES_MARKETING("Sales & marketing"),
    GENERAL_ADMIN("General & administrative"),
    OPERATIONS("Operations (by the function that uses it)");

    private final String label;

    OpexFunction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
