package com.marginworkbench.usage.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a usage column means. The names are the ones typed in {@code --map COLUMN=FIELD}. */
public enum UsageField {
    CUSTOMER("customer", "the customer or account"),
    USER("user", "an end user or user id"),
    PROJECT("project", "a project or workspace"),
    TEAM("team", "a team (also taken as the plan or team grouping)"),
    KEY("key", "an API key or key id"),
    PLAN("plan", "the customer's plan"),
    DATE("date", "date or time of the request or bucket (ISO date, date-time or Unix seconds)"),
    COST("cost", "cost in dollars"),
    COST_CENTS("cost_cents", "cost in cents"),
    MODEL("model", "model name"),
    INPUT_TOKENS("input_tokens", "input (prompt) tokens"),
    OUTPUT_TOKENS("output_tokens", "output (completion) tokens"),
    CACHED_TOKENS("cached_tokens", "input tokens served from the cache (part of input_tokens)"),
    CACHE_READ_TOKENS("cache_read_tokens", "tokens read from the cache (not in input_tokens)"),
    TOKENS("tokens", "total tokens"),
    REQUESTS("requests", "number of requests the row stands for"),
    KIND("kind", "row type (only LLM calls count as requests; 'credit' or 'refund' marks a credit)"),
    NOTE("note", "line item or description ('credit' or 'refund' marks a credit)");

    /** Identity fields, in the order a row's customer is looked for. */
    static final UsageField[] IDENTITIES = {CUSTOMER, USER, PROJECT, TEAM, KEY};

    private final String key;
    private final String meaning;

    UsageField(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    /** The field named in a mapping, or null. */
    public static UsageField parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (UsageField f : values()) {
            if (f.key.equals(n)) {
                return f;
            }
        }
        return null;
    }

    /** "customer, user, ..." for messages. */
    public static String names() {
        return Arrays.stream(values()).map(UsageField::key).collect(Collectors.joining(", "));
    }
}
