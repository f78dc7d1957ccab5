package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a statement row's label means, from its words alone: revenue, cost of revenue, an operating
 * expense and its function, a total of some kind, an item below the operating line, a KPI or
 * driver, a financing or balance-sheet item, or a caption. The reader combines this with the
 * section the row sits in and with the statement's own totals; a label that says nothing is
 * {@link Meaning#UNKNOWN}.
 */
final class StatementLabels {
    enum Meaning {
        REVENUE, REVENUE_TOTAL, COST_OF_REVENUE, COST_OF_REVENUE_TOTAL, GROSS_PROFIT, OPEX, OPEX_TOTAL, EBITDA,
        DEPRECIATION, OPERATING_PROFIT, PRETAX, NET_INCOME, OTHER_TOTAL, BELOW_THE_LINE, KPI, FINANCING, UNITS,
        UNKNOWN;

        boolean isTotal() {
            return this == REVENUE_TOTAL || this == COST_OF_REVENUE_TOTAL || this == GROSS_PROFIT
                    || this == OPEX_TOTAL || this == EBITDA || this == OPERATING_PROFIT || this == PRETAX
                    || this == NET_INCOME || this == OTHER_TOTAL;
        }
    }


    private static final Pattern KPI = Pattern.compile(
            "%|\\bpercent|\\bper cent|\\bas a percent|\\bgrowth\\b|\\byoy\\b|\\by/y\\b|\\bmom\\b|\\bcagr\\b|\\bmargin %"
                    + "|\\bper share\\b|\\beps\\b|\\bshares?\\b|\\bper unit\\b|\\bper user\\b|\\bper customer\\b"
                    + "|\\bheadcount\\b|\\bhead count\\b|\\bftes?\\b|\\bemployees\\b"
                    + "|\\bunits?\\b(?! economics)|\\bvolume\\b|\\bprice\\b|\\bpricing\\b|\\barpu\\b|\\barpa\\b|\\barr\\b"
                    + "|\\bmrr\\b|\\bacv\\b|\\btcv\\b|\\bbookings?\\b|\\bpipeline\\b|\\bltv\\b|\\bcac\\b|\\bpayback\\b"
                    + "|\\bchurn rate\\b|\\bretention\\b|\\bnrr\\b|\\bgrr\\b|\\bconversion\\b|\\brate\\b|\\bratio\\b"
                    + "|\\bdays\\b|\\bdso\\b|\\bdpo\\b|\\bdio\\b|\\b(in )?years\\b|\\bmonths\\b|\\bmultiple\\b|\\bx$"
                    + "|^#|\\bnumber of\\b|\\bno\\. of\\b|\\bcount\\b|\\baverage\\b|\\bmean\\b|\\bmedian\\b"
                    + "|\\bstd\\.? dev|\\bcheck\\b|^t$|\\bassumptions?\\b|\\bdrivers?\\b|\\bscenario\\b"
                    + "|\\bcommon size\\b|\\bexchange rate\\b|^currency$"
                    + "|\\bconversion method\\b|\\bfiling\\b|\\bdividends? per\\b"
                    + "|\\bgmv\\b|\\bgtv\\b|\\btpv\\b|\\bgross (merchandise|transaction|payment)s? (value|volume)"
                    + "|\\b(payment|transaction|processing) volume\\b"
                    + "|\\b(mau|dau|wau|downloads|installs|visitors|visits|traffic|sessions|sign-?ups|leads|trials"
                    + "|occupancy|stores|members)\\b");
    /** Counts of people or accounts, unless the label names a cost or a vendor ("OpenAI API - free trial users"). */
    private static final Pattern PEOPLE = Pattern.compile("\\b(users?|customers?|subscribers?|logos|accounts|clients)\\b");
    private static final Pattern NOT_PEOPLE = Pattern.compile(
            " - |\\bapi\\b|cost|expense|fee|spend|inference|hosting|support|success|service|revenue|sales|payable"
                    + "|receivable|acquisition");
    private static final Pattern STRONG_OPEX = Pattern.compile(
            "\\b(salar|wages|payroll|commission|marketing|advertising|research|general|admin|personnel|staff)");
    /** Gains, losses, impairments and write-downs: below the operating line even when they name assets. */
    private static final Pattern ONE_OFF = Pattern.compile(
            "\\b(gain|gains|loss on|impairment|writedown|write-down|write-off|unusual|restructuring)\\b");
    private static final Pattern FINANCING = Pattern.compile(
            "\\bcash\\b(?! (cost|expense))|\\breceivables?\\b|\\bpayables?\\b|\\binventor(y|ies)\\b|\\bprepaid\\b"
                    + "|\\bassets?\\b(?! (writedown|write-down|impairment))|\\bliabilit|\\bequity\\b(?! (in|method))"
                    + "|\\bloans?\\b|\\bborrowing|\\bdebt\\b|\\bgrants?\\b|\\bfunding\\b|\\bfunds raised\\b|\\braised\\b"
                    + "|\\binvestment\\b(?! income)|\\binvestments\\b|\\brepayments?\\b|\\bcapex\\b"
                    + "|\\bcapital expenditure|\\bcapital\\b|\\bdividends? paid\\b|\\bdividends?\\b(?! per)"
                    + "|\\bunearned\\b|\\bdeferred revenue\\b|\\bworking capital\\b|\\bgoodwill\\b(?! impair)"
                    + "|\\bproperty, plant|\\bpp&e\\b|\\bretained earnings\\b|\\bstock issued\\b|\\bshare issue"
                    + "|\\bbalance\\b|\\bbeg\\.|\\bopening\\b|\\bclosing\\b|\\bfree cash flow\\b|\\bcash flow"
                    + "|\\bobligation\\b|\\bpension\\b|\\bvaluation\\b|\\benterprise value\\b|\\bmarket cap");
    private static final Pattern UNITS = Pattern.compile(
            "^(all )?(figures|amounts|numbers|values)\\b|\\bin (thousands|millions|billions)\\b|\\$ ?000|'000|’000"
                    + "|\\(000s?\\)|^(usd|eur|gbp|\\$|£|€)( |$)|\\bunless otherwise\\b|^source\\b|^note\\b|^notes\\b");
    private static final Pattern REVENUE = Pattern.compile(
            "\\b(revenues?|net sales|sales|turnover|income from (sales|services)|fees earned)\\b");
    /** Income named by its kind ("Commission income", "Rental income"): a revenue line, not a function's cost. */
    private static final Pattern KIND_INCOME = Pattern.compile(
            "^(total )?([a-z&]+ ){0,2}(fees?|commissions?|rental|subscriptions?|services?|consulting|licen[cs]es?"
                    + "|royalt(y|ies)|advisory|trading|contract) income$");
    private static final Pattern CONTRA_REVENUE = Pattern.compile(
            "\\b(churn|discounts?|refunds?|returns|allowances|credits issued|rebates)\\b");
    private static final Pattern COGS = Pattern.compile(
            "\\b(costs? of (revenues?|sales|goods|goods sold|services|products?|subscriptions?|merchandise|operations)"
                    + "|costs? of ([a-z&\\-]+ ){1,2}(revenues?|sales)|applicable to (revenues?|sales)"
                    + "|cogs|cos|direct (costs?|expenses)|cost of delivery|hosting costs?|cost of personnel"
                    + "|merchandise costs?|variable (costs?|expenses))\\b");
    /** Words that name a spend: a row saying one is never revenue, wherever it stands. */
    private static final Pattern SPEND = Pattern.compile(
            "\\b(costs?|expenses?|expenditure|purchases|materials|freight|subcontract\\w*|spend)\\b");
    private static final Pattern GROSS = Pattern.compile("\\bgross (profit|margin|income|loss|result|contribution)\\b");
    /** A contribution statement's subtotal after its variable costs: where it has no gross profit, it stands for one. */
    private static final Pattern CONTRIBUTION = Pattern.compile(
            "^(total )?contribution( (margin|profit)| (to|towards) (overheads?|fixed (costs?|overheads?)))?$");
    private static final Pattern EBITDA = Pattern.compile("\\bebitda\\b");
    private static final Pattern OTHER_OPERATING_INCOME = Pattern.compile("^(total |net )?other operating (income|gains?)\\b");
    private static final Pattern OPERATING_PROFIT = Pattern.compile(
            "\\b(ebit|operating (income|profit|loss|result)|income from operations|profit from operations"
                    + "|operating earnings|net ordinary income)\\b");
    private static final Pattern PRETAX = Pattern.compile(
            "\\b(ebt|pre-?tax|before (income )?tax(es)?|before provision)\\b");
    private static final Pattern NET_INCOME = Pattern.compile(
            "\\b(net (income|loss|profit|earnings|result)|profit (for|after)|income after tax|earnings from cont"
                    + "|ni to common|net income to|comprehensive income|consolidated income)\\b");
    private static final Pattern DEPRECIATION = Pattern.compile("\\b(depreciation|amorti[sz]ation|d&a|d ?& ?a)\\b");
    /** Taxes that are costs of running the business (an accounting package's expense accounts), not tax on profit. */
    private static final Pattern OPERATING_TAX = Pattern.compile(
            "\\b(payroll|property|franchise|business|employer'?s?|sales and use) tax(es)?\\b|\\btaxes (and|&) licen[cs]es?\\b");
    private static final Pattern BELOW = Pattern.compile(
            "\\b(interest|tax|taxes|taxation|other income|other expense|other \\(income\\)|non-?operating"
                    + "|fx|foreign exchange|currency exchange|exchange (gain|loss)|gain|loss on|unusual"
                    + "|extraordinary|discontinued|minority|non-?controlling|affiliates|equity method|impairment"
                    + "|writedown|write-down|restructuring|merger|preferred dividends|pref\\. dividends"
                    + "|other income/|provision for)\\b");
    private static final Pattern RND = Pattern.compile(
            "\\b(research|r ?& ?d|r and d|product development|engineering|development)\\b");
    private static final Pattern SM = Pattern.compile(
            "\\b(sales (and|&) marketing|s ?& ?m|marketing|advertising|selling expenses?|sales expenses?"
                    + "|commissions?)\\b");
    private static final Pattern SGA = Pattern.compile("\\b(sg ?& ?a|selling,? general|s,? ?g ?& ?a)\\b");
    private static final Pattern GA = Pattern.compile(
            "\\b(general (and|&) admin|g ?& ?a|admin|administrative|administration|legal|accounting|office|rent"
                    + "|insurance|professional fees)\\b");
    private static final Pattern OPEX = Pattern.compile(
            "\\b(operating (expenses?|costs?|exp\\.?)|opex|overheads?|expenses?|salaries|wages|payroll|personnel"
                    + "|staff|compensation|benefits|contractors?|consultants?|travel"
                    + "|utilities|exploration|drilling|stock-based|bonus|recruit|training|it costs?|other operating"
                    + "|acquisition termination|servers?|hosting|marketing)\\b");
    private static final Pattern TOTAL = Pattern.compile("\\b(total|totals|subtotal|sub-total|sum of)\\b|, total\\b");

    private StatementLabels() {
    }

    /**
     * Lower case, no numbering or bullets in front, no trailing colon, single spaces, snake_case and
     * camelCase as words.
     */
    static String normalize(String label) {
        // One pass instead of three regular expressions: this runs for every row of every candidate
        // block, 20,000 rows and more in a generated ledger.
        String lower = camelWords(label).toLowerCase(Locale.ROOT);
        String t = collapsed(lower);
        int skip = 0;
        while (skip < t.length() && isNumbering(t.charAt(skip))) {
            skip++;
        }
        if (skip > 0 && skip < t.length() && startsWords(t.charAt(skip))) {
            t = t.substring(skip);
        }
        while (t.endsWith(":") || t.endsWith(".") && !t.endsWith("exp.")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }

    /**
     * An API's field name written as one camelCase word ("costOfRevenue", "totalRevenue") with a
     * space before each capital that follows a small letter; any other label as it is.
     */
    private static String camelWords(String label) {
        int len = label.length();
        if (len < 6 || label.indexOf(' ') >= 0) {
            return label;
        }
        StringBuilder b = null;
        for (int i = 1; i < len; i++) {
            char c = label.charAt(i);
            if (Character.isUpperCase(c) && Character.isLowerCase(label.charAt(i - 1))) {
                if (b == null) {
                    b = new StringBuilder(len + 8).append(label, 0, i);
                }
                b.append(' ');
            }
            if (b != null) {
                b.append(c);
            }
        }
        return b == null ? label : b.toString();
    }

    /**
     * Runs of spaces, underscores and line breaks as one space, dashes as '-', trimmed. Most labels
     * have nothing to change and are returned as they are, without copying them a character at a time.
     */
    private static String collapsed(String lower) {
        int len = lower.length();
        boolean plain = len > 0 && lower.charAt(0) > ' ' && lower.charAt(len - 1) > ' ';
        for (int i = 0; i < len && plain; i++) {
            char c = lower.charAt(i);
            plain = c != '_' && c != '\t' && c != '\n' && c != '\u000b' && c != '\f' && c != '\r' && c != '\u00a0'
                    && c != '\u2013' && c != '\u2014' && (c != ' ' || lower.charAt(i + 1) != ' ');
        }
        if (plain) {
            return lower;
        }
        StringBuilder b = new StringBuilder(len);
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r'
                    || c == '\u00a0') {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c == '\u2013' || c == '\u2014' ? '-' : c);
        }
        return b.toString().trim();
    }

    /** What may stand before a line's words as its number or bullet: digits, dots, brackets, dashes, bullets, spaces. */
    private static boolean isNumbering(char c) {
        return c == ' ' || c >= '0' && c <= '9' || c == '.' || c == ')' || c == '(' || c == '-' || c == '\u2022'
                || c == '*';
    }

    private static boolean startsWords(char c) {
        return c >= 'a' && c <= 'z' || c == '$' || c == '\u00a3' || c == '\u20ac' || c == '#' || c == '%';
    }

    /** Meanings by label shape (digits as 0): a generated ledger repeats a few shapes thousands of times. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Meaning> MEANINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The meaning of a normalized label. */
    static Meaning meaning(String n) {
        String key = shape(n);
        Meaning m = MEANINGS.get(key);
        if (m == null) {
            m = meaningOf(n);
            if (MEANINGS.size() > 50_000) {
                MEANINGS.clear();
            }
            MEANINGS.put(key, m);
        }
        return m;
    }

    /**
     * The label with each run of ASCII digits as one 0 ("vendor 117" and "vendor 9" share a shape);
     * the label itself when it has none. One pass: it runs for every row of a 20,000-line ledger.
     */
    private static String shape(String n) {
        int i = 0;
        int len = n.length();
        while (i < len && !isAsciiDigit(n.charAt(i))) {
            i++;
        }
        if (i == len) {
            return n;
        }
        StringBuilder b = new StringBuilder(len);
        b.append(n, 0, i);
        boolean inDigits = false;
        for (; i < len; i++) {
            char c = n.charAt(i);
            boolean digit = isAsciiDigit(c);
            if (!digit) {
                b.append(c);
            } else if (!inDigits) {
                b.append('0');
            }
            inDigits = digit;
        }
        return b.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Meaning meaningOf(String n) {
        if (n.isEmpty() || n.startsWith("ordinary income")) {
            // an accounting package's heading over the whole operating part ("Ordinary Income/Expense")
            return Meaning.UNKNOWN;
        }
        if (n.startsWith("total for ")) {
            // an accounting package's newer layout: "Total for Income", "Total for Cost of Goods Sold"
            return meaningOf("total " + n.substring(10));
        }
        if (n.equals("income") || n.equals("total income")) {
            // an accounting package's first section and its total (its other income has a section of its own)
            return n.equals("income") ? Meaning.REVENUE : Meaning.REVENUE_TOTAL;
        }
        if (UNITS.matcher(n).find()) {
            return Meaning.UNITS;
        }
        boolean total = TOTAL.matcher(n).find();
        if (GROSS.matcher(n).find()) {
            return n.contains("%") || n.contains("margin %") ? Meaning.KPI : Meaning.GROSS_PROFIT;
        }
        if (KIND_INCOME.matcher(n).matches()) {
            return total ? Meaning.REVENUE_TOTAL : Meaning.REVENUE;
        }
        if ((KPI.matcher(n).find() || PEOPLE.matcher(n).find() && !NOT_PEOPLE.matcher(n).find())
                && !n.startsWith("net revenue") && !n.startsWith("revenue (") && !revenueQualified(n)) {
            return Meaning.KPI;
        }
        if (isContribution(n)) {
            return Meaning.GROSS_PROFIT;
        }
        if (n.contains("margin") || n.contains("markup")) {
            return Meaning.KPI;
        }
        if (EBITDA.matcher(n).find()) {
            return Meaning.EBITDA;
        }
        if (NET_INCOME.matcher(n).find()) {
            return Meaning.NET_INCOME;
        }
        if (PRETAX.matcher(n).find()) {
            return Meaning.PRETAX;
        }
        if (OTHER_OPERATING_INCOME.matcher(n).find()) {
            // "Other operating income" is an item above operating profit, not operating profit itself
            return total ? Meaning.OTHER_TOTAL : Meaning.BELOW_THE_LINE;
        }
        if (OPERATING_PROFIT.matcher(n).find()) {
            return Meaning.OPERATING_PROFIT;
        }
        if (COGS.matcher(n).find()) {
            return total ? Meaning.COST_OF_REVENUE_TOTAL : Meaning.COST_OF_REVENUE;
        }
        if (ONE_OFF.matcher(n).find()) {
            return total ? Meaning.OTHER_TOTAL : Meaning.BELOW_THE_LINE;
        }
        if (FINANCING.matcher(n).find()) {
            return Meaning.FINANCING;
        }
        if (REVENUE.matcher(n).find() && !n.contains("cost") && !n.contains("expense") && function(n) == null
                && !STRONG_OPEX.matcher(n).find()) {
            return total ? Meaning.REVENUE_TOTAL : Meaning.REVENUE;
        }
        if (CONTRA_REVENUE.matcher(n).find() && !n.contains("cost")) {
            return Meaning.REVENUE;
        }
        if (DEPRECIATION.matcher(n).find()) {
            return Meaning.DEPRECIATION;
        }
        if (n.indexOf("tax") >= 0 && OPERATING_TAX.matcher(n).find()) {
            return total ? Meaning.OPEX_TOTAL : Meaning.OPEX;
        }
        if (BELOW.matcher(n).find() && !n.startsWith("other operating")) {
            return total ? Meaning.OTHER_TOTAL : Meaning.BELOW_THE_LINE;
        }
        if (total && (n.contains("operating") || n.contains("opex") || n.contains("expense") || n.contains("cost")
                || n.contains("overhead"))) {
            return Meaning.OPEX_TOTAL;
        }
        if (total) {
            return Meaning.OTHER_TOTAL;
        }
        if (function(n) != null || OPEX.matcher(n).find()) {
            return n.equals("operating expenses") || n.equals("operating costs") || n.equals("opex")
                    || n.equals("expenses") || n.equals("operating expense") || n.equals("operating cost")
                    ? Meaning.OPEX_TOTAL : Meaning.OPEX;
        }
        return Meaning.UNKNOWN;
    }

    /** What a qualifier after a revenue line's name may not say: a count, a share, a rate. */
    private static final Pattern COUNT_QUALIFIER = Pattern.compile(
            "%|#|\\b(units?|volume|count|number|qty|quantity|per|growth|rate|customers?|users?|seats?)\\b");

    /**
     * "Subscription revenue (MRR)", "Recurring revenue - ARR/12": a revenue line whose name is
     * qualified by a KPI word in parentheses or after a dash; not "Sales (units)" or "Revenue - growth %".
     */
    private static boolean revenueQualified(String n) {
        int cut = n.endsWith(")") ? n.lastIndexOf(" (") : n.indexOf(" - ");
        if (cut <= 0) {
            return false;
        }
        String lead = n.substring(0, cut);
        String qualifier = n.substring(cut);
        return REVENUE.matcher(lead).find() && !KPI.matcher(lead).find() && !PEOPLE.matcher(lead).find()
                && !COUNT_QUALIFIER.matcher(qualifier).find();
    }

    private static final java.util.Set<String> WHOLES = java.util.Set.of("revenue", "revenues", "net revenue",
            "net revenues", "sales", "net sales", "turnover", "income", "cogs", "cos", "cost of revenue",
            "cost of revenues", "cost of sales", "cost of goods sold", "direct costs", "operating expenses", "opex",
            "overheads", "expenses");

    /** True when the label names a whole ("Revenue", "COGS", "Operating expenses") rather than one part of it. */
    static boolean namesWhole(String n) {
        return WHOLES.contains(n);
    }

    /** "Less: discounts", "Refunds", "Sales returns": a deduction from revenue, whatever sign it is stored with. */
    static boolean namesDeduction(String n) {
        return n.startsWith("less") || CONTRA_REVENUE.matcher(n).find() && !n.contains("cost");
    }

    /** True when the label names a spend ("Production costs", "Purchases"), though not which kind. */
    static boolean namesSpend(String n) {
        return SPEND.matcher(n).find();
    }

    /** "Contribution margin", "Contribution": the subtotal of a statement that splits its costs into variable and fixed. */
    static boolean isContribution(String n) {
        return CONTRIBUTION.matcher(n).matches();
    }

    /** Functions by label shape, as {@link #MEANINGS}; {@link #NO_FUNCTION} where the label names none. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Object> FUNCTIONS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final Object NO_FUNCTION = new Object();

    /** The function an operating expense label names, or null. */
    static Placement function(String n) {
        String key = shape(n);
        Object f = FUNCTIONS.get(key);
        if (f == null) {
            Placement p = functionOf(n);
            if (FUNCTIONS.size() > 50_000) {
                FUNCTIONS.clear();
            }
            FUNCTIONS.put(key, p == null ? NO_FUNCTION : p);
            return p;
        }
        return f == NO_FUNCTION ? null : (Placement) f;
    }

    /** The function by the label's words (no digits in these patterns: the label's shape decides alike). */
    private static Placement functionOf(String n) {
        if (SGA.matcher(n).find()) {
            return Placement.OTHER_OPEX;
        }
        if (RND.matcher(n).find()) {
            return Placement.RESEARCH_DEVELOPMENT;
        }
        if (SM.matcher(n).find()) {
            return Placement.SALES_MARKETING;
        }
        if (GA.matcher(n).find()) {
            return Placement.GENERAL_ADMIN;
        }
        return null;
    }

    /** What a heading (a row without amounts) opens, or null: revenue, cost of revenue, opex or below the line. */
    static Meaning section(String n) {
        Meaning m = meaning(n);
        return switch (m) {
            case REVENUE, REVENUE_TOTAL -> Meaning.REVENUE;
            case COST_OF_REVENUE, COST_OF_REVENUE_TOTAL -> Meaning.COST_OF_REVENUE;
            case OPEX, OPEX_TOTAL -> Meaning.OPEX;
            case BELOW_THE_LINE, OTHER_TOTAL -> Meaning.BELOW_THE_LINE;
            case KPI, FINANCING -> Meaning.KPI;
            default -> null;
        };
    }

    /** Words a block's title or sheet name uses for an income statement. */
    static boolean namesIncomeStatement(String n) {
        return n.contains("income statement") || n.contains("statement of operations")
                || n.contains("statements of operations") || n.contains("statement of income")
                || n.contains("statements of income") || n.contains("profit and loss") || n.contains("profit & loss")
                || n.contains("p&l") || n.contains("p & l") || n.equals("pl") || n.equals("income")
                || n.contains("income_statement") || n.contains("statement of earnings")
                || n.contains("statements of earnings") || n.contains("operating model");
    }

    private static final Pattern ACTUALS = Pattern.compile("\\b(actuals?|act)\\b");
    private static final Pattern PLANS = Pattern.compile(
            "\\b(budgets?|forecasts?|fcst|plan|projections?|projected|targets?|scenarios?|cases?|upside|downside|bear|bull)\\b");

    private static final Pattern WHOLE = Pattern.compile(
            "\\b(consolidated|consolidation|combined|group|total company|all entities)\\b");

    /**
     * Which of several sheets holding the same statement to read: +1 for one named for the actuals or
     * the consolidated whole, -1 for a budget, forecast or scenario, else 0.
     */
    static int preference(String n) {
        return ACTUALS.matcher(n).find() || WHOLE.matcher(n).find() ? 1 : PLANS.matcher(n).find() ? -1 : 0;
    }

    /** What a preferred sheet's name says it is, for the notes: "the actuals" or "the consolidated statement". */
    static String preferredAs(String n) {
        return ACTUALS.matcher(n).find() ? "the actuals" : "the consolidated statement";
    }

    /** Words a sheet name or title uses for anything else: other statements, inputs, dashboards, comparisons. */
    static boolean namesOtherThing(String n) {
        return n.contains("balance") || n.contains("cash flow") || n.contains("cashflow") || n.contains("dashboard")
                || n.contains("assumption") || n.contains("driver") || n.contains("input") || n.contains("variance")
                || n.contains("budget vs") || n.contains("key stats") || n.contains("multiples")
                || n.contains("ratio") || n.contains("common size") || n.contains("valuation") || n.contains("dcf")
                || n.contains("sensitivity") || n.contains("comps") || n.contains("comparable")
                || n.contains("returns") || n.contains("schedule") || n.contains("comprehensive") || n.contains("cover")
                || n.contains("segment") || n.contains("capitalization") || n.contains("pension")
                || n.contains("supplemental") || n.contains("market data") || n.contains("stock price")
                || n.contains("monte carlo") || n.contains("wacc") || n.contains("disaggregat");
    }
}
