package com.marginworkbench.ui.workbench;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Answers;

/** The three questions of the COGS test, as grid columns. */
public enum Question {
    TRIGGERED("Paying customer?", "Is the spend triggered by a paying customer?"),
    NEEDED("Needed to deliver?", "Is it needed to deliver what the customer contracted for?"),
    VARIES("Varies with usage?", "Does it grow and shrink with customer usage?");

    private final String header;
    private final String question;

    Question(String header, String question) {
        this.header = header;
        this.question = question;
    }

    public String header() {
        return header;
    }

    public String question() {
        return question;
    }

    public Answer of(Answers a) {
        return switch (this) {
            case TRIGGERED -> a.triggeredByCustomer();
            case NEEDED -> a.neededForDelivery();
            case VARIES -> a.variesWithUsage();
        };
    }

    public Answers with(Answers a, Answer value) {
        return switch (this) {
            case TRIGGERED -> a.withTriggeredByCustomer(value);
            case NEEDED -> a.withNeededForDelivery(value);
            case VARIES -> a.withVariesWithUsage(value);
        };
    }
}
