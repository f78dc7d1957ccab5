package com.marginworkbench.classify;

/** How the company treats inference served to users who do not pay. */
public enum FreeTierPolicy {
    /** Default: free usage wins customers, so it is a sales and marketing cost. */
    ACQUISITION_COST("Acquisition cost (S&M)"),
    /** The company's policy treats free usage as part of fulfilling its contracts. */
    CONTRACT_FULFILMENT("Contract fulfilment (COGS)");

    private final String label;

    FreeTierPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
