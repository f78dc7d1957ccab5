package com.marginworkbench.workbook.statement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    /**
     * What the dictionary suggests for one label; {@code costType} is null when nothing matched.
     * {@code nameOnly}: only a vendor or topic name matched, no word saying what the spend does.
     */
    public record Suggestion(CostType costType, Layer layer, boolean llmPriced, boolean usageVariable,
                             List<String> matchedTerms, String note, boolean nameOnly) {
    }

    private record Group(String id, CostType costType, Layer layer, boolean llmPriced, boolean usageVariable,
                         Map<String, CostType> byContext, boolean namesTheActivity) {
    }

    /** A term as tokens; exactly one of group (index) or context (id) is set, or it is a revenue word. */
    private record Term(String[] tokens, int group, String context, int revenueKind) {
    }

    private record Match(Term term, String text, int start) {
    }

    /** The group of a statement's own section names ("cost of sales"): they cover their words and suggest nothing. */
    private static final int SECTION_NAME = -2;
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
        // Jackson's streaming parser into plain maps and lists: the data binder costs a fifth of a
        // second of class loading at start-up, which a command-line summary would feel.
        Object parsed;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            parsed = value(p);
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IOException("the vendor dictionary is not a JSON object");
        }
        VendorDictionary d = new VendorDictionary();
        for (Object p : list(root.get("contextPriority"))) {
            d.contextPriority.add(text(p));
        }
        for (Object c : list(root.get("contexts"))) {
            Map<?, ?> context = map(c);
            String id = text(context.get("id"));
            for (Object t : list(context.get("terms"))) {
                d.add(new Term(tokens(text(t)), -1, id, 0));
            }
        }
        for (Object o : list(root.get("groups"))) {
            Map<?, ?> g = map(o);
            Map<String, CostType> byContext = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map(g.get("byContext")).entrySet()) {
                byContext.put(String.valueOf(e.getKey()), CostType.parse(text(e.getValue())));
            }
            CostType type = CostType.parse(text(g.get("costType")));
            Layer layer = g.get("layer") != null ? Layer.parse(text(g.get("layer"))) : type.defaultLayer();
            d.groups.add(new Group(text(g.get("id")), type, layer,
                    flag(g.get("llmPriced"), type.defaultLlmPriced()),
                    flag(g.get("usageVariable"), type.defaultUsageVariable()), byContext,
                    flag(g.get("namesTheActivity"), false)));
            int index = d.groups.size() - 1;
            for (Object t : list(g.get("terms"))) {
                d.add(new Term(tokens(text(t)), index, null, 0));
            }
        }
        for (Object t : list(root.get("sectionNames"))) {
            d.add(new Term(tokens(text(t)), SECTION_NAME, null, 0));
        }
        Map<?, ?> revenue = map(root.get("revenue"));
        for (Object t : list(revenue.get("aiTerms"))) {
            d.add(new Term(tokens(text(t)), -1, null, AI_REVENUE));
        }
        for (Object t : list(revenue.get("usageTerms"))) {
            d.add(new Term(tokens(text(t)), -1, null, USAGE_REVENUE));
        }
        return d;
    }

    /** The value at the parser's current token, as maps, lists, strings, booleans, numbers or null. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("the vendor dictionary ends too early");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t + " in the vendor dictionary");
        }
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static boolean flag(Object o, boolean otherwise) {
        return o instanceof Boolean b ? b : otherwise;
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
            // a context word inside the group's own term ("support staff") does not switch it
            if (m != null && g.byContext.containsKey(ctx) && outside(m, groupMatch)) {
                decisive = m;
                type = g.byContext.get(ctx);
                break;
            }
        }
        if (decisive == null) {
            Match production = contexts.get("production");
            if (production != null && outside(production, groupMatch)) {
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
        return new Suggestion(type, layer, g.llmPriced, usage, List.copyOf(terms), note.toString(),
                decisive == null && !g.namesTheActivity);
    }

    private static boolean outside(Match context, Match group) {
        return context.start >= group.start + group.text.length()
                || context.start + context.text.length() <= group.start;
    }

    private static Suggestion none() {
        return new Suggestion(null, null, false, false, List.of(),
                "No dictionary term matched this label; choose a cost type", false);
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
        Words words = new Words(label);
        List<Match> out = new ArrayList<>(4);
        for (int i = 0; i < words.count; i++) {
            String tok = words.text[i];
            List<Term> exact = byFirstToken.get(tok);
            if (exact != null) {
                collect(exact, words, i, label, out);
            }
            if (tok.length() > 3 && tok.endsWith("s")) {
                List<Term> singular = byFirstToken.get(tok.substring(0, tok.length() - 1));
                if (singular != null) {
                    collect(singular, words, i, label, out);
                }
            }
        }
        if (out.size() < 2) {
            return out;
        }
        // Longer terms first, so "Claude Team" beats "Claude" when both name a group.
        out.sort((x, y) -> Integer.compare(y.term.tokens.length, x.term.tokens.length));
        List<Match> kept = new ArrayList<>(out.size());
        boolean[] covered = new boolean[label.length() + 1];
        for (Match m : out) {
            boolean covers = m.term.group >= 0 || m.term.group == SECTION_NAME;
            if (covers && covered[m.start]) {
                continue;
            }
            kept.add(m);
            if (covers) {
                for (int k = m.start; k < m.start + m.text.length(); k++) {
                    covered[k] = true;
                }
            }
        }
        return kept;
    }

    /** Adds each of the terms that the words from {@code i} on spell (a word may add a plural "s"). */
    private static void collect(List<Term> terms, Words words, int i, String label, List<Match> out) {
        for (Term t : terms) {
            if (i + t.tokens.length > words.count) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < t.tokens.length && ok; k++) {
                String have = words.text[i + k];
                String want = t.tokens[k];
                ok = have.equals(want) || have.length() == want.length() + 1 && have.endsWith("s")
                        && have.startsWith(want);
            }
            if (ok) {
                int start = words.start[i];
                int end = words.end[i + t.tokens.length - 1];
                out.add(new Match(t, label.substring(start, end), start));
            }
        }
    }

    static String[] tokens(String text) {
        Words words = new Words(text);
        return java.util.Arrays.copyOf(words.text, words.count);
    }

    /**
     * The words of a text, lower case, with where each sits: runs of letters, digits and {@code & . ' +},
     * without dots or apostrophes at either end ("Inc." is "inc", "'24" is "24").
     */
    private static final class Words {
        String[] text = new String[8];
        int[] start = new int[8];
        int[] end = new int[8];
        int count;

        Words(String s) {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            // ASCII lower-cases letter by letter, so one call serves every word; other scripts per word.
            String lower = ascii ? s.toLowerCase(Locale.ROOT) : null;
            int i = 0;
            while (i < n) {
                while (i < n && !isWordChar(s.charAt(i))) {
                    i++;
                }
                int from = i;
                while (i < n && isWordChar(s.charAt(i))) {
                    i++;
                }
                int to = i;
                while (to > from && (s.charAt(to - 1) == '.' || s.charAt(to - 1) == '\'')) {
                    to--;
                }
                while (from < to && (s.charAt(from) == '.' || s.charAt(from) == '\'')) {
                    from++;
                }
                if (to > from) {
                    add(lower != null ? lower.substring(from, to) : s.substring(from, to).toLowerCase(Locale.ROOT),
                            from, to);
                }
            }
        }

        private void add(String word, int from, int to) {
            if (count == text.length) {
                text = java.util.Arrays.copyOf(text, count * 2);
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
            }
            text[count] = word;
            start[count] = from;
            end[count] = to;
            count++;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '&' || c == '.' || c == '\'' || c == '+';
    }
}
