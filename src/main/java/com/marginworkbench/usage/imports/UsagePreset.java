package com.marginworkbench.usage.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.marginworkbench.usage.imports.UsageField.*;

/**
 * The export formats recognised from their column names, with where each field is found. A
 * column written {@code a+b} is the sum of two columns; several columns for one field are tried in
 * order and the first with a value wins. Names are the documented ones of each export.
 */
public enum UsagePreset {
    /** LiteLLM proxy spend logs (the SpendLogs table: one row per request). */
    LITELLM_SPEND_LOGS("LiteLLM spend logs", 1,
            h -> h.has("spend") && h.has("starttime") && (h.has("request_id") || h.has("api_key")),
            spec().put(CUSTOMER, "end_user").put(USER, "user").put(TEAM, "team_id").put(KEY, "api_key")
                    .put(DATE, "starttime").put(COST, "spend").put(MODEL, "model", "model_group")
                    .put(INPUT_TOKENS, "prompt_tokens").put(OUTPUT_TOKENS, "completion_tokens")
                    .put(TOKENS, "total_tokens").put(KIND, "call_type")),
    /** LiteLLM daily spend tables (per user, team or end user, per day, key and model). */
    LITELLM_DAILY_SPEND("LiteLLM daily spend", 0,
            h -> h.has("spend") && h.has("date") && (h.has("user_id") || h.has("team_id") || h.has("end_user_id"))
                    && h.has("prompt_tokens"),
            spec().put(CUSTOMER, "end_user_id").put(USER, "user_id").put(TEAM, "team_id").put(KEY, "api_key")
                    .put(DATE, "date").put(COST, "spend").put(MODEL, "model", "model_group")
                    .put(INPUT_TOKENS, "prompt_tokens").put(OUTPUT_TOKENS, "completion_tokens")
                    .put(REQUESTS, "api_requests")),
    /** Langfuse blob-storage export, enriched or legacy observations (snake_case fields). */
    LANGFUSE_OBSERVATIONS_EXPORT("Langfuse observations export", 1,
            h -> h.has("trace_id") && (h.has("total_cost") || h.has("provided_model_name") || h.hasPrefix("cost_details")),
            spec().put(USER, "user_id").put(PROJECT, "project_id").put(DATE, "start_time")
                    .put(COST, "total_cost", "cost_details.total").put(MODEL, "provided_model_name", "model_id")
                    .put(INPUT_TOKENS, "usage_details.input").put(OUTPUT_TOKENS, "usage_details.output")
                    .put(TOKENS, "usage_details.total").put(KIND, "type")),
    /** Langfuse observations and traces from the public API or the UI export (camelCase fields). */
    LANGFUSE_API("Langfuse observations/traces", 1,
            h -> (h.has("traceid") || h.has("userid")) && (h.has("calculatedtotalcost") || h.has("totalcost")
                    || h.hasPrefix("costdetails") || h.hasPrefix("usagedetails")),
            spec().put(USER, "userid").put(PROJECT, "projectid").put(DATE, "starttime", "timestamp")
                    .put(COST, "calculatedtotalcost", "costdetails.total", "totalcost").put(MODEL, "model", "providedmodelname")
                    .put(INPUT_TOKENS, "usagedetails.input", "usage.input", "prompttokens")
                    .put(OUTPUT_TOKENS, "usagedetails.output", "usage.output", "completiontokens")
                    .put(TOKENS, "usagedetails.total", "usage.total", "totaltokens").put(KIND, "type")),
    /** Helicone request export (the export tool's CSV or JSON lines). */
    HELICONE("Helicone requests", 1,
            h -> h.has("request_user_id") || (h.has("response_id") && (h.has("cost") || h.has("cost_usd"))),
            spec().put(USER, "request_user_id").put(DATE, "request_created_at", "response_created_at")
                    .put(COST, "cost", "cost_usd").put(MODEL, "model", "request_model", "response_model")
                    .put(INPUT_TOKENS, "prompt_tokens").put(OUTPUT_TOKENS, "completion_tokens")
                    .put(TOKENS, "total_tokens")),
    /** OpenAI organization costs (daily buckets, grouped by project and line item). */
    OPENAI_COSTS("OpenAI organization costs", 0,
            h -> h.has("amount.value") && h.has("start_time"),
            spec().put(PROJECT, "project_id").put(DATE, "start_time").put(COST, "amount.value")
                    .put(MODEL, "line_item").put(NOTE, "line_item")),
    /** OpenAI organization usage (completions buckets, grouped by project, user, key or model). */
    OPENAI_USAGE("OpenAI organization usage", 0,
            h -> h.has("num_model_requests") && h.has("input_tokens") && h.has("start_time"),
            spec().put(USER, "user_id").put(PROJECT, "project_id").put(KEY, "api_key_id").put(DATE, "start_time")
                    .put(MODEL, "model").put(INPUT_TOKENS, "input_tokens").put(OUTPUT_TOKENS, "output_tokens")
                    .put(CACHED_TOKENS, "input_cached_tokens").put(REQUESTS, "num_model_requests")),
    /** Anthropic cost report (daily buckets; amounts in cents as decimal text). */
    ANTHROPIC_COST("Anthropic cost report", 0,
            h -> h.has("starting_at") && h.has("amount") && (h.has("currency") || h.has("cost_type")),
            spec().put(PROJECT, "workspace_id").put(DATE, "starting_at").put(COST_CENTS, "amount")
                    .put(MODEL, "model", "description").put(NOTE, "description").put(KIND, "cost_type")),
    /** Anthropic messages usage report (buckets of token counts by key, workspace and model). */
    ANTHROPIC_USAGE("Anthropic usage report", 0,
            h -> h.has("starting_at") && h.has("uncached_input_tokens"),
            spec().put(PROJECT, "workspace_id").put(KEY, "api_key_id").put(DATE, "starting_at").put(MODEL, "model")
                    .put(INPUT_TOKENS, "uncached_input_tokens+cache_creation.ephemeral_5m_input_tokens"
                            + "+cache_creation.ephemeral_1h_input_tokens+cache_creation_5m_input_tokens"
                            + "+cache_creation_1h_input_tokens")
                    .put(CACHE_READ_TOKENS, "cache_read_input_tokens").put(OUTPUT_TOKENS, "output_tokens")),
    /** A plain file: customer, date, cost (model, requests, tokens, plan optional). */
    PLAIN("customer,date,cost", 0,
            h -> h.has("customer") && h.has("date") && (h.has("cost") || h.has("cost_usd")),
            spec().put(CUSTOMER, "customer").put(PLAN, "plan").put(TEAM, "team").put(DATE, "date")
                    .put(COST, "cost", "cost_usd").put(MODEL, "model").put(INPUT_TOKENS, "input_tokens")
                    .put(OUTPUT_TOKENS, "output_tokens").put(TOKENS, "tokens", "total_tokens")
                    .put(REQUESTS, "requests"));

    /** The column names a preset is recognised by. */
    interface Header {
        boolean has(String lowerName);

        boolean hasPrefix(String lowerPrefix);
    }

    private final String label;
    private final int requestsPerRow;
    private final Predicate<Header> detect;
    private final Map<UsageField, List<String>> columns;

    UsagePreset(String label, int requestsPerRow, Predicate<Header> detect, Spec spec) {
        this.label = label;
        this.requestsPerRow = requestsPerRow;
        this.detect = detect;
        this.columns = spec.map;
    }

    public String label() {
        return label;
    }

    /** Requests a row stands for when the file has no request count (1 for per-request logs). */
    int requestsPerRow() {
        return requestsPerRow;
    }

    Map<UsageField, List<String>> columns() {
        return columns;
    }

    /** The first preset whose columns the header has, or null. */
    static UsagePreset detect(Header header) {
        for (UsagePreset p : values()) {
            if (p.detect.test(header)) {
                return p;
            }
        }
        return null;
    }

    private static Spec spec() {
        return new Spec();
    }

    private static final class Spec {
        final Map<UsageField, List<String>> map = new EnumMap<>(UsageField.class);

        Spec put(UsageField f, String... cols) {
            map.put(f, List.of(cols));
            return this;
        }
    }
}
