package com.marginworkbench.classify;

/**
 * The three questions of the COGS test for one cost line:
 * triggered by a paying customer, needed to deliver the contracted output, varies with usage.
 */
public record Answers(Answer triggeredByCustomer, Answer neededForDelivery, Answer variesWithUsage) {
    public static final Answers DEFAULTS = new Answers(Answer.DEFAULT, Answer.DEFAULT, Answer.DEFAULT);

    public Answers {
        triggeredByCustomer = triggeredByCustomer == null ? Answer.DEFAULT : triggeredByCustomer;
        neededForDelivery = neededForDelivery == null ? Answer.DEFAULT : neededForDelivery;
        variesWithUsage = variesWithUsage == null ? Answer.DEFAULT : variesWithUsage;
    }

    public static Answers of(boolean triggered, boolean needed, boolean varies) {
        return new Answers(Answer.of(triggered), Answer.of(needed), Answer.of(varies));
    }

    public Answers withTriggeredByCustomer(Answer a) {
        return new Answers(a, neededForDelivery, variesWithUsage);
    }

    public Answers withNeededForDelivery(Answer a) {
        return new Answers(triggeredByCustomer, a, variesWithUsage);
    }

    public Answers withVariesWithUsage(Answer a) {
        return new Answers(triggeredByCustomer, neededForDelivery, a);
    }

    public boolean allDefault() {
        // not equals(DEFAULTS): a record's equals is assembled from method handles on first use
        return triggeredByCustomer == Answer.DEFAULT && neededForDelivery == Answer.DEFAULT
                && variesWithUsage == Answer.DEFAULT;
    }

    public boolean allExplicit() {
        return triggeredByCustomer != Answer.DEFAULT && neededForDelivery != Answer.DEFAULT
                && variesWithUsage != Answer.DEFAULT;
    }
}
