package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a cost table's labels say, from their words alone: the section a heading opens (cost of
 * revenue, R&D, sales and marketing, G&A, other operating expenses, revenue; metrics and
 * below-the-line blocks are skipped), totals and ratios, and revenue words. Each pattern is asked
 * only when a word it needs is in the label, so most labels run no regular expression at all.
 */
final class CostTableLabels {
    /** Where a line sits: a placement, or a block whose rows are not revenue or cost (metrics, other income). */
    enum Section { NONE, SKIP }

    private CostTableLabels() {
    }

    private static final Pattern LEADING_NUMBERING = Pattern.compile("^[\\s\\d.)(]*(?=[a-z])");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    static final Pattern REVENUE_WORDS = Pattern.compile("\\b(revenues?|sales|subscriptions?|bookings|turnover)\\b");
    static final Pattern COST_WORDS = Pattern.compile("\\b(cost|costs|expense|expenses|fees?|commissions?|tax)\\b");
    /** A title above the header such as "Cost of revenue detail" sets the section of a sheet with no headings. */
    static Object titleSection(GridSheet s, int headerRow, int labelCol) {
        for (int r = 0; r < headerRow; r++) {
            for (GridCell cell : s.row(r)) {
                if (cell != null && cell.isText()) {
                    Object sec = sectionOf(normalize(cell.text()));
                    if (sec instanceof Placement p && p != Placement.REVENUE) {
                        return sec;
                    }
                }
            }
        }
        return Section.NONE;
    }

    static String normalize(String label) {
        if (isPlain(label)) {
            return label.toLowerCase(Locale.ROOT);
        }
        return label.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replace('–', '-').replace('—', '-')
                .transform(x -> LEADING_NUMBERING.matcher(x).replaceFirst(""))
                .transform(x -> TRAILING_COLON.matcher(x).replaceFirst(""))
                .transform(x -> SPACES.matcher(x).replaceAll(" ")).trim();
    }

    private static final Pattern BELOW_LINE = Pattern.compile(
            "other income.*|other expense.*|other \\(income\\).*|non-operating.*|interest.*|income tax.*|taxes"
                    + "|tax|financing.*|depreciation.*|amortization.*|amortisation.*|below the line.*|extraordinary.*");
    private static final Pattern METRICS = Pattern.compile(
            "kpis?|metrics|key metrics|operating metrics|saas metrics|drivers|assumptions|unit economics|headcount"
                    + "|statistics|memo.*|notes?");
    private static final Pattern COGS = Pattern.compile(
            ".*\\b(cost of revenues?|costs of revenues?|cost of sales|cost of goods( sold)?|cogs|direct costs?"
                    + "|cost of services?|cost of subscriptions?)\\b.*");
    private static final Pattern RND = Pattern.compile(
            "(.*\\b(research (and|&) development|r ?& ?d|product development)\\b.*|engineering)");
    private static final Pattern SM = Pattern.compile(
            ".*\\b(sales (and|&) marketing|s ?& ?m|selling)\\b.*|marketing|sales and marketing expenses?");
    private static final Pattern GA = Pattern.compile(
            ".*\\b(general (and|&) administrative|g ?& ?a)\\b.*|administrative|admin|administration");
    private static final Pattern OPEX = Pattern.compile(
            "(other )?(operating expenses?|operating costs?|opex|overheads?|expenses|costs|operating expenditure)"
                    + "( \\(.*\\))?");
    private static final Pattern REVENUE = Pattern.compile(
            "(net |gross |total )?(revenues?|sales|turnover)( \\(.*\\)| by .*| - .*)?|revenues? .*|income");

    /** How a match of each anchored pattern above must begin; a label that begins otherwise skips it. */
    private static final String[] BELOW_LINE_STARTS = {"other ", "non-operating", "interest", "income tax", "tax",
            "financing", "depreciation", "amorti", "below the line", "extraordinary"};
    private static final String[] METRICS_STARTS = {"kpi", "metrics", "key metrics", "operating metrics",
            "saas metrics", "drivers", "assumptions", "unit economics", "headcount", "statistics", "memo", "note"};
    private static final String[] OPEX_STARTS = {"other ", "operating", "opex", "overhead", "expenses", "costs"};
    private static final String[] REVENUE_STARTS = {"net ", "gross ", "total ", "revenue", "sales", "turnover",
            "income"};

    static boolean startsWithAny(String s, String[] starts) {
        for (String start : starts) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** The section a heading opens: a placement, SKIP for metrics and below-the-line blocks, or null. */
    /** A label that starts with a letter, ends with a letter, digit or bracket, and has single spaces only. */
    static boolean isPlain(String label) {
        int n = label.length();
        if (n == 0 || !Character.isLetter(label.charAt(0))) {
            return false;
        }
        char last = label.charAt(n - 1);
        if (!Character.isLetterOrDigit(last) && last != ')') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char ch = label.charAt(i);
            if (ch == '\u00a0' || ch == '–' || ch == '—' || ch == '\t' || ch == '\n'
                    || ch == ' ' && i + 1 < n && label.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Words one of which every section heading contains; most line labels have none, so no regex runs. */
    static final WordSet SECTION_WORDS = new WordSet("cost", "cogs", "direct", "research", "r&d", "r &d", "r& d", "r & d",
            "development", "engineering", "sales", "marketing", "s&m", "s &m", "s& m", "s & m", "selling", "general",
            "g&a", "g &a", "g& a", "g & a", "admin", "operating", "opex", "overhead", "expens", "revenue", "turnover",
            "income", "other", "interest", "tax", "financing", "depreciation", "amorti", "below", "extraordinary",
            "kpi", "metric", "driver", "assumption", "unit economics", "headcount", "statistic", "memo", "note");
    /** Likewise for totals, profit, margin and metric rows. */
    static final WordSet TOTAL_WORDS = new WordSet("total", "gross", "contribution", "ebit", "operating", "net ",
            "profit", "tax", "margin", "growth", "yoy", "mom", "arr", "mrr", "arp", "churn", "cac", "ltv", "nrr",
            "grr", "headcount", "fte", "number of", "burn", "runway", "cash", "%", "percent");

    static boolean containsAny(String s, WordSet words) {
        return words.foundIn(s);
    }

    static Object sectionOf(String norm) {
        if (norm.isEmpty() || !containsAny(norm, SECTION_WORDS) || spaces(norm) > 6) {
            return null;
        }
        // Each test first asks for a word its pattern cannot match without, so a line label such as
        // "Marketing - paid search" runs none of the slow ".*\b(...)\b.*" patterns.
        boolean ampersand = norm.indexOf('&') >= 0;
        if ((norm.contains("cost") || norm.contains("cogs")) && COGS.matcher(norm).matches()) {
            return Placement.COST_OF_REVENUE;
        }
        if (startsWithAny(norm, BELOW_LINE_STARTS) && BELOW_LINE.matcher(norm).matches()
                || startsWithAny(norm, METRICS_STARTS) && METRICS.matcher(norm).matches()) {
            return Section.SKIP;
        }
        if ((ampersand || norm.contains("research") || norm.contains("development") || norm.equals("engineering"))
                && RND.matcher(norm).matches()) {
            return Placement.RESEARCH_DEVELOPMENT;
        }
        if ((ampersand || norm.contains("sales") || norm.contains("selling") || norm.equals("marketing"))
                && SM.matcher(norm).matches()) {
            return Placement.SALES_MARKETING;
        }
        if ((ampersand || norm.contains("general") || norm.startsWith("admin")) && GA.matcher(norm).matches()) {
            return Placement.GENERAL_ADMIN;
        }
        if (startsWithAny(norm, OPEX_STARTS) && OPEX.matcher(norm).matches()) {
            return Placement.OTHER_OPEX;
        }
        if (startsWithAny(norm, REVENUE_STARTS) && REVENUE.matcher(norm).matches()) {
            return Placement.REVENUE;
        }
        return null;
    }

    private static final Pattern TOTAL_OR_RATIO = Pattern.compile(
            "\\b(total|totals|subtotal|sub-total|gross profit|gross margin|gross loss|contribution margin"
                    + "|contribution|ebitda|ebit|operating income|operating profit|operating loss|operating result"
                    + "|net income|net loss|net profit|net result|profit before.*|pre-tax|pretax|margin|margins"
                    + "|growth|yoy|mom|arr|mrr|arpa|arpu|churn|cac|ltv|nrr|grr|headcount|fte|ftes|number of"
                    + "|burn|runway|cash balance)\\b|%|\\bas a percent|^#");

    static boolean isTotalOrRatio(String norm) {
        // '#' counts only at the start ("# of customers"), so "Datadog #2" does not run the pattern.
        return (norm.startsWith("#") || containsAny(norm, TOTAL_WORDS)) && TOTAL_OR_RATIO.matcher(norm).find();
    }

    /** Every word REVENUE_WORDS knows contains one of these, so most labels skip the regex. */
    static final WordSet REVENUE_STEMS = new WordSet("revenue", "sales", "subscription", "booking", "turnover");

    static boolean looksLikeRevenue(String norm) {
        return containsAny(norm, REVENUE_STEMS) && REVENUE_WORDS.matcher(norm).find()
                && !COST_WORDS.matcher(norm).find();
    }

    static int spaces(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
