package com.marginworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.model.Layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggests a cost line's type, layer and stress flags from the words of its label, using the
 * vendor dictionary that ships as {@code vendor-dictionary.json} beside this class. A vendor or
 * topic term picks a group (model APIs, GPU clouds, vector databases, ...); a context word such as
 * "internal", "free tier" or "fine-tuning" can switch the group's type. The note names the terms
 * that decided, so a user can see why. No term, no suggestion: the COGS test then asks for review.
 */
public final class VendorDictionary {
    /** What the dictionary suggests for one label; {@code costType} is null when nothing matched. */
    public record Suggestion(CostType costType, Layer layer, boolean llmPriced, boolean usageVariable,
                             List<String> matchedTerms, String note) {
    }

    private record Group(String id, CostType costType, Layer layer, boolean llmPriced, boolean usageVariable,
                         Map<String, CostType> byContext) {
    }

    /** A term as tokens; exactly one of group (index) or context (id) is set, or it is a revenue word. */
    private record Term(String[] tokens, int group, String context, int revenueKind) {
    }

    private record Match(Term term, String text, int start) {
    }

    private static final int AI_REVENUE = 1;
    private static final int USAGE_REVENUE = 2;
    private static volatile VendorDictionary standard;

    private final List<Group> groups = new ArrayList<>();
    private final List<String> contextPriority = new ArrayList<>();
    private final Map<String, List<Term>> byFirstToken = new HashMap<>();

    /** The dictionary shipped with the product. */
    public static synchronized VendorDictionary standard() {
        VendorDictionary d = standard;
        if (d == null) {
            try (InputStream in = VendorDictionary.class.getResourceAsStream("vendor-dictionary.json")) {
                if (in == null) {
                    throw new IllegalStateException("vendor-dictionary.json is missing from the application");
                }
                d = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = d;
        }
        return d;
    }

    /** Reads a dictionary in the shipped JSON layout (an edited copy, for instance). */
    public static VendorDictionary load(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        VendorDictionary d = new VendorDictionary();
        for (JsonNode p : root.path("contextPriority")) {
            d.contextPriority.add(p.asText());
        }
        for (JsonNode c : root.path("contexts")) {
            String id = c.path("id").asText();
            for (JsonNode t : c.path("terms")) {
                d.add(new Term(tokens(t.asText()), -1, id, 0));
            }
        }
        for (JsonNode g : root.path("groups")) {
            Map<String, CostType> byContext = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : g.path("byContext").properties()) {
                byContext.put(e.getKey(), CostType.parse(e.getValue().asText()));
            }
            CostType type = CostType.parse(g.path("costType").asText());
            Layer layer = g.hasNonNull("layer") ? Layer.parse(g.path("layer").asText()) : type.defaultLayer();
            d.groups.add(new Group(g.path("id").asText(), type, layer,
                    g.path("llmPriced").asBoolean(type.defaultLlmPriced()),
                    g.path("usageVariable").asBoolean(type.defaultUsageVariable()), byContext));
            int index = d.groups.size() - 1;
            for (JsonNode t : g.path("terms")) {
                d.add(new Term(tokens(t.asText()), index, null, 0));
            }
        }
        for (JsonNode t : root.path("revenue").path("aiTerms")) {
            d.add(new Term(tokens(t.asText()), -1, null, AI_REVENUE));
        }
        for (JsonNode t : root.path("revenue").path("usageTerms")) {
            d.add(new Term(tokens(t.asText()), -1, null, USAGE_REVENUE));
        }
        return d;
    }

    private void add(Term t) {
        if (t.tokens.length > 0) {
            byFirstToken.computeIfAbsent(t.tokens[0], k -> new ArrayList<>()).add(t);
        }
    }

    /** The suggestion for a cost line's label (and any other text of its row, such as a vendor column). */
    public Suggestion suggest(String label) {
        if (label == null) {
            return none();
        }
        return compute(label);
    }

    private Suggestion compute(String label) {
        List<Match> matches = match(label);
        Match groupMatch = null;
        Map<String, Match> contexts = new HashMap<>();
        for (Match m : matches) {
            if (m.term.group >= 0 && (groupMatch == null || m.term.group < groupMatch.term.group)) {
                groupMatch = m;
            }
            if (m.term.context != null) {
                contexts.putIfAbsent(m.term.context, m);
            }
        }
        if (groupMatch == null) {
            return none();
        }
        Group g = groups.get(groupMatch.term.group);
        Match decisive = null;
        CostType type = g.costType;
        for (String ctx : contextPriority) {
            Match m = contexts.get(ctx);
            if (m != null && g.byContext.containsKey(ctx) && m.start != groupMatch.start) {
                decisive = m;
                type = g.byContext.get(ctx);
                break;
            }
        }
        if (decisive == null) {
            Match production = contexts.get("production");
            if (production != null && production.start != groupMatch.start) {
                decisive = production;
            }
        }
        boolean switched = type != g.costType;
        Layer layer = switched ? type.defaultLayer() : g.layer;
        boolean usage = switched ? type.defaultUsageVariable() : g.usageVariable;
        List<String> terms = new ArrayList<>();
        terms.add(groupMatch.text);
        if (decisive != null) {
            terms.add(decisive.text);
        }
        StringBuilder note = new StringBuilder("Suggested from ");
        for (int i = 0; i < terms.size(); i++) {
            note.append(i == 0 ? "" : " + ").append('\'').append(terms.get(i)).append('\'');
        }
        return new Suggestion(type, layer, g.llmPriced, usage, List.copyOf(terms), note.toString());
    }

    private static Suggestion none() {
        return new Suggestion(null, null, false, false, List.of(),
                "No dictionary term matched this label; choose a cost type");
    }

    /** True when a revenue line's label says it is AI revenue (AI add-on, AI credits, usage-billed model features). */
    public boolean isAiRevenue(String label) {
        return hasRevenueTerm(label, AI_REVENUE);
    }

    /** True when a revenue line's label says it is priced by usage (usage, credits, per-token, metered). */
    public boolean isUsagePriced(String label) {
        return hasRevenueTerm(label, USAGE_REVENUE);
    }

    private boolean hasRevenueTerm(String label, int kind) {
        if (label == null) {
            return false;
        }
        for (Match m : match(label)) {
            if (m.term.revenueKind == kind) {
                return true;
            }
        }
        return false;
    }

    private List<Match> match(String label) {
        List<int[]> spans = new ArrayList<>();
        List<String> toks = new ArrayList<>();
        tokenize(label, toks, spans);
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            String tok = toks.get(i);
            List<Term> exact = byFirstToken.get(tok);
            List<Term> singular = tok.length() > 3 && tok.endsWith("s")
                    ? byFirstToken.get(tok.substring(0, tok.length() - 1)) : null;
            if (exact == null && singular == null) {
                continue;
            }
            List<Term> candidates = new ArrayList<>();
            if (exact != null) {
                candidates.addAll(exact);
            }
            if (singular != null) {
                candidates.addAll(singular);
            }
            for (Term t : candidates) {
                if (i + t.tokens.length > toks.size()) {
                    continue;
                }
                boolean ok = true;
                for (int k = 0; k < t.tokens.length && ok; k++) {
                    String have = toks.get(i + k);
                    ok = have.equals(t.tokens[k]) || have.equals(t.tokens[k] + "s");
                }
                if (ok) {
                    int start = spans.get(i)[0];
                    int end = spans.get(i + t.tokens.length - 1)[1];
                    out.add(new Match(t, label.substring(start, end), start));
                }
            }
        }
        // Longer terms first, so "Claude Team" beats "Claude" when both name a group.
        out.sort((a, b) -> Integer.compare(b.term.tokens.length, a.term.tokens.length));
        List<Match> kept = new ArrayList<>();
        boolean[] covered = new boolean[label.length() + 1];
        for (Match m : out) {
            if (m.term.group >= 0 && covered[m.start]) {
                continue;
            }
            kept.add(m);
            if (m.term.group >= 0) {
                for (int k = m.start; k < m.start + m.text.length(); k++) {
                    covered[k] = true;
                }
            }
        }
        return kept;
    }

    static String[] tokens(String text) {
        List<String> toks = new ArrayList<>();
        tokenize(text, toks, new ArrayList<>());
        return toks.toArray(new String[0]);
    }

    private static void tokenize(String text, List<String> toks, List<int[]> spans) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '\'')) {
                end--;
            }
            while (start < end && (text.charAt(start) == '.' || text.charAt(start) == '\'')) {
                start++;
            }
            if (end > start) {
                toks.add(text.substring(start, end).toLowerCase(Locale.ROOT));
                spans.add(new int[]{start, end});
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '&' || c == '.' || c == '\'' || c == '+';
    }
}
