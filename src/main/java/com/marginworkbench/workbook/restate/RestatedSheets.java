package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.BridgeItem;
import com.marginworkbench.margin.EngineSums;
import com.marginworkbench.margin.StressWalk;
import com.marginworkbench.model.Layer;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The content of the four new sheets. Every figure is a formula: the Classification sheet points
 * each line's period cells at the source cells (times the line's scale), the Restated P&L sums
 * them with SUMPRODUCT/SUMIFS over the Classification columns, and the Stress sheet applies the
 * lever inputs exactly as {@link MarginEngine} does. Cached values are the engine's own figures.
 */
final class RestatedSheets {
    // Classification sheet columns (0-based).
    static final int C_LINE = 0;
    static final int C_LABEL = 1;
    static final int C_KIND = 2;
    static final int C_SOURCE = 3;
    static final int C_LAYER = 4;
    static final int C_AI_SHARE = 5;
    static final int C_TYPE = 6;
    static final int C_Q1 = 7;
    static final int C_Q2 = 8;
    static final int C_Q3 = 9;
    static final int C_TREATMENT = 10;
    static final int C_FUNCTION = 11;
    static final int C_REPORTED = 12;
    static final int C_REFERENCES = 13;
    static final int C_REASON = 14;
    static final int C_NOTE = 15;
    static final int C_USAGE_PRICED = 16;
    static final int C_REPORTED_COGS = 17;
    static final int C_RESTATED_COGS = 18;
    static final int C_LLM = 19;
    static final int C_VARIABLE = 20;
    static final int C_SW_SHARE = 21;
    static final int C_TOTAL = 22;
    /** 1 when the line is a vendor credit or discount (its total is negative): held fixed under stress. */
    static final int C_CREDIT = 23;
    /** 1 when the levers leave the line alone: a credit, or a cost of revenue that does not vary with usage. */
    static final int C_FIXED = 24;
    /** LLM-priced and not fixed: what the LLM price factor scales. */
    static final int C_LLM_STRESSED = 25;
    /** Usage-variable and not fixed: what the buffer and heavy users scale. */
    static final int C_VARIABLE_STRESSED = 26;
    static final int C_FIRST_PERIOD = 27;

    // Restated P&L rows (0-based); column A labels, B total, C onwards periods.
    static final int P_HEADER = 3;
    static final int P_AI_REV = 5;
    static final int P_SW_REV = 6;
    static final int P_REV = 7;
    static final int P_REP_COGS = 10;
    static final int P_REP_AI_COGS = 11;
    static final int P_REP_GM = 12;
    static final int P_REP_AI_GM = 13;
    static final int P_TREATMENT = 16;
    static final int P_REST_AI = 23;
    static final int P_REST_SW = 24;
    static final int P_REST = 25;
    static final int P_REST_GM = 26;
    static final int P_AI_GM = 27;
    static final int P_SW_GM = 28;
    static final int P_ST_GM = 31;
    static final int P_ST_AI_GM = 32;
    static final int P_AMORT_AI = 35;
    static final int P_AMORT_SW = 36;
    static final int P_CREDITS = 37;
    static final int P_GM_EX_CREDITS = 38;
    static final int P_AI_GM_EX_CREDITS = 39;
    static final int P_TIE_REPORTED = 42;
    static final int P_TIE_RESTATED = 43;
    static final int P_TIE_DIFF = 44;
    static final int P_TIE_OK = 45;
    static final int P_OP_REPORTED = 47;
    static final int P_OP_RESTATED = 48;
    static final int P_OP_EXPLAINED = 49;
    static final int P_OP_DIFF = 50;
    static final int P_OP_OK = 51;
    static final int P_RUN = 53;
    /** Text shown for the reported AI-layer margin when the workbook puts no AI cost in cost of revenue. */
    static final String NO_AI_COST = "n/a (no AI cost in reported cost of revenue)";

    // Stress rows (0-based); lever inputs in column B, one row per lever of the catalogue from S_LLM.
    static final int S_LLM = 2;
    /** First row below the lever inputs; the rows under it are placed relative to it. */
    static final int S_HEAVY = S_LLM + Lever.values().length;
    static final int S_VARIABLE = S_HEAVY + 1;
    static final int S_PER_YEAR = S_HEAVY + 2;
    static final int S_HEADER = S_HEAVY + 4;
    static final int S_INDEX = S_HEAVY + 5;
    static final int S_LLM_FACTOR = S_HEAVY + 6;
    static final int S_AI_FLAT = S_HEAVY + 8;
    static final int S_AI_USAGE = S_HEAVY + 9;
    static final int S_SW_REV = S_HEAVY + 10;
    static final int S_ST_AI_REV = S_HEAVY + 11;
    static final int S_ST_REV = S_HEAVY + 12;
    static final int S_AI_LV = S_HEAVY + 14;
    static final int S_AI_L = S_HEAVY + 15;
    static final int S_AI_V = S_HEAVY + 16;
    static final int S_AI_N = S_HEAVY + 17;
    static final int S_SW_L = S_HEAVY + 18;
    static final int S_SW_N = S_HEAVY + 19;
    static final int S_ST_AI = S_HEAVY + 21;
    static final int S_ST_SW = S_HEAVY + 22;
    static final int S_ST = S_HEAVY + 23;
    static final int S_ST_GM = S_HEAVY + 24;
    static final int S_ST_AI_GM = S_HEAVY + 25;
    static final int S_ST_SW_GM = S_HEAVY + 26;
    /** The first forecast period's index (an input; -1 = none), in the row before the period header. */
    static final int S_FIRST_FORECAST = S_HEAVY + 3;
    static final int S_WALK = S_ST_SW_GM + 2;
    static final int S_SCENARIOS = S_WALK + 9;

    /** The row of a lever's input on the Stress sheet: the catalogue's order from {@link #S_LLM}. */
    static int inputRow(Lever lever) {
        return S_LLM + lever.ordinal();
    }

    static final int B_HEADER = 2;
    static final int B_REPORTED = 3;

    /** Names of the four new sheets and the defined names actually used (a name may carry a suffix when taken). */
    record Names(String pl, String classification, String stress, String bridge, String sensitivity,
                 Map<String, String> defined) {
        String name(String wanted) {
            return defined.get(wanted);
        }
    }

    private final String sourceName;
    private final FinancialModel model;
    private final List<Classification> classifications;
    private final List<LineDecision> decisions;
    private final Policy policy;
    private final Levers levers;
    private final MarginResult result;
    private final Names names;
    private final RestatedStyles styles;
    private final Set<String> sourceSheets;
    private final SourceCellKinds kinds;
    private final int n;
    private final int revenueCount;
    private final int costCount;
    private final EngineSums sums;
    private final MarginEngine.Prepared prepared;
    /** Cost lines whose amortization the P&L works out (training and index builds), and their useful life. */
    private final List<Integer> amortized = new java.util.ArrayList<>();
    private String sourceSha256 = "";
    private String version = "development build";
    private int pAmortLines;
    private int pLast;

    RestatedSheets(String sourceName, FinancialModel model, List<Classification> classifications,
                   List<LineDecision> decisions, Policy policy, Levers levers, Names names, RestatedStyles styles,
                   Set<String> sourceSheetsLower, SourceCellKinds kinds) {
        this.sourceName = sourceName;
        this.model = model;
        this.classifications = classifications;
        this.decisions = decisions;
        this.policy = policy;
        this.levers = levers;
        this.prepared = MarginEngine.prepare(model, classifications);
        this.result = prepared.apply(levers);
        this.names = names;
        this.styles = styles;
        this.sourceSheets = sourceSheetsLower;
        this.kinds = kinds;
        this.n = model.periods().count();
        this.revenueCount = model.revenue().size();
        this.costCount = model.costs().size();
        this.sums = result.sums();
        for (int i = 0; i < costCount; i++) {
            CostType type = decisions.get(i).costType();
            if (type == CostType.MODEL_TRAINING || type == CostType.RAG_BUILD) {
                amortized.add(i);
            }
        }
        this.pAmortLines = P_RUN + 16;
        this.pLast = pAmortLines + Math.max(amortized.size(), 1);
        Package pkg = RestatedSheets.class.getPackage();
        if (pkg != null && pkg.getImplementationVersion() != null) {
            version = pkg.getImplementationVersion();
        }
    }

    /** The source file's SHA-256 (hex), for the run details. */
    void sourceSha256(String hex) {
        this.sourceSha256 = hex == null ? "" : hex;
    }

    /** Lines the reader could not read: listed below the lines on the Classification sheet. */
    private List<Problem> notRead = List.of();

    void notRead(List<Problem> unreadLines) {
        this.notRead = List.copyOf(unreadLines);
    }

    MarginResult result() {
        return result;
    }

    int periodCount() {
        return n;
    }

    int lineCount() {
        return revenueCount + costCount;
    }

    // ---------------------------------------------------------------- references

    static String quote(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }

    private String cls() {
        return quote(names.classification());
    }

    private String pl() {
        return quote(names.pl());
    }

    private String st() {
        return quote(names.stress());
    }

    private static String col(int c) {
        return SourceRef.columnName(c);
    }

    /** Excel row number of revenue line i on the Classification sheet. */
    int revenueRow(int i) {
        return i + 2;
    }

    int costRow(int i) {
        return revenueCount + i + 2;
    }

    private String revRange(int column) {
        return cls() + "!$" + col(column) + "$" + revenueRow(0) + ":$" + col(column) + "$" + revenueRow(revenueCount - 1);
    }

    private String costRange(int column) {
        return cls() + "!$" + col(column) + "$" + costRow(0) + ":$" + col(column) + "$" + costRow(costCount - 1);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Absolute A1 name of a 0-based cell, e.g. $B$13. */
    static String abs(int row, int column) {
        return "$" + col(column) + "$" + (row + 1);
    }

    // ---------------------------------------------------------------- Classification

    void writeClassification(OutputStream stream, IntConsumer progress) throws IOException {
        int lastCol = C_FIRST_PERIOD + n - 1;
        SheetXmlWriter w = new SheetXmlWriter(stream, lastCol + 1);
        double[] widths = new double[lastCol + 1];
        double[] fixed = {6, 42, 9, 18, 11, 9, 30, 15, 15, 15, 12, 20, 22, 40, 70, 40, 9, 9, 9, 9, 9, 9, 14, 11, 11, 11, 11};
        System.arraycopy(fixed, 0, widths, 0, fixed.length);
        for (int i = C_FIRST_PERIOD; i <= lastCol; i++) {
            widths[i] = 12;
        }
        int lastRow = lineCount() + (notRead.isEmpty() ? 0 : notRead.size() + 2);
        w.begin(new SheetXmlWriter.Layout(2, 1, widths, "FF0F8B8D"), lastRow, lastCol);
        w.row(0, 45);
        String[] headers = {"Line", "Label", "Kind", "Source cell", "Layer", "AI share", "Cost type",
                "Triggered by a paying customer?", "Needed to deliver the output?", "Varies with usage?",
                "Treatment", "OpEx function", "Reported placement", "References (" + policy.framework().label() + ")",
                "Reason", "Note / override", "Usage-priced revenue", "In reported COGS", "In restated COGS",
                "LLM-priced", "Usage-variable", "Software share", "Total", "Vendor credit (total below 0)",
                "Fixed under stress", "LLM-priced, stressed", "Usage-variable, stressed"};
        for (int c = 0; c < headers.length; c++) {
            w.text(c, headers[c], styles.header);
        }
        for (int p = 0; p < n; p++) {
            w.text(C_FIRST_PERIOD + p, model.periods().label(p), styles.header);
        }
        String sumFrom = "SUM(" + col(C_FIRST_PERIOD);
        String sumTo = ":" + col(lastCol);
        int line = 0;
        for (int i = 0; i < revenueCount; i++) {
            RevenueLine r = model.revenue().get(i);
            int row = revenueRow(i) - 1;
            w.row(row);
            w.number(C_LINE, ++line, styles.integer);
            w.text(C_LABEL, r.label(), styles.text);
            w.text(C_KIND, "Revenue", styles.text);
            w.text(C_SOURCE, sourceText(r.sourceCell(), r.source(), r.amounts()), styles.text);
            w.text(C_LAYER, r.layer().describe(), styles.text);
            w.number(C_AI_SHARE, r.layer().aiShare(), styles.percent);
            w.number(C_USAGE_PRICED, r.usagePriced() ? 1 : 0, styles.integer);
            w.formula(C_SW_SHARE, "1-" + col(C_AI_SHARE) + (row + 1), 1 - r.layer().aiShare(), styles.percent);
            w.formula(C_TOTAL, sumFrom + (row + 1) + sumTo + (row + 1) + ")", r.total(), styles.number);
            writeAmounts(w, r.source(), r.amounts());
            maybeProgress(progress, line);
        }
        for (int i = 0; i < costCount; i++) {
            CostLine c = model.costs().get(i);
            Classification k = classifications.get(i);
            LineDecision d = decisions.get(i);
            int row = costRow(i) - 1;
            w.row(row);
            w.number(C_LINE, ++line, styles.integer);
            w.text(C_LABEL, c.label(), styles.text);
            w.text(C_KIND, "Cost", styles.text);
            w.text(C_SOURCE, sourceText(c.sourceCell(), c.source(), c.amounts()), styles.text);
            w.text(C_LAYER, c.layer().describe(), styles.text);
            w.number(C_AI_SHARE, c.layer().aiShare(), styles.percent);
            w.text(C_TYPE, d.costType() == null ? "(not set)" : d.costType().label(), styles.text);
            boolean typed = d.costType() != null;
            w.text(C_Q1, answer(typed, d.answers().triggeredByCustomer(), k.triggeredByCustomer()), styles.text);
            w.text(C_Q2, answer(typed, d.answers().neededForDelivery(), k.neededForDelivery()), styles.text);
            w.text(C_Q3, answer(typed, d.answers().variesWithUsage(), k.variesWithUsage()), styles.text);
            w.text(C_TREATMENT, k.treatment().label(), styles.text);
            w.text(C_FUNCTION, k.function() == null ? "" : k.function().label(), styles.text);
            w.text(C_REPORTED, c.reported().label(), styles.text);
            w.text(C_REFERENCES, k.referencesText(), styles.text);
            w.text(C_REASON, k.reason(), styles.text);
            w.text(C_NOTE, d.note(), styles.text);
            w.number(C_REPORTED_COGS, c.reported().isCostOfRevenue() ? 1 : 0, styles.integer);
            // Every flag follows the Treatment column: change a treatment and the sums move.
            String r1 = Integer.toString(row + 1);
            String treat = "$" + col(C_TREATMENT) + r1;
            w.formula(C_RESTATED_COGS, "IF(OR(" + treat + "=\"" + Treatment.COST_OF_REVENUE.label() + "\",AND(" + treat
                    + "=\"" + Treatment.REVIEW.label() + "\",$" + col(C_REPORTED_COGS) + r1 + "=1)),1,0)",
                    MarginEngine.inRestatedCogs(c, k) ? 1 : 0, styles.integer);
            w.number(C_LLM, c.llmPriced() ? 1 : 0, styles.integer);
            w.number(C_VARIABLE, c.usageVariable() ? 1 : 0, styles.integer);
            w.formula(C_SW_SHARE, "1-" + col(C_AI_SHARE) + (row + 1), 1 - c.layer().aiShare(), styles.percent);
            w.formula(C_TOTAL, sumFrom + (row + 1) + sumTo + (row + 1) + ")", result.lineTotal(i),
                    styles.number);
            boolean credit = MarginEngine.isCredit(c);
            w.formula(C_CREDIT, "IF($" + col(C_TOTAL) + r1 + "<0,1,0)", credit ? 1 : 0, styles.integer);
            boolean heldFixed = credit || k.fixedDelivery();
            w.formula(C_FIXED, "IF(OR($" + col(C_CREDIT) + r1 + "=1,AND(" + treat + "=\""
                    + Treatment.COST_OF_REVENUE.label() + "\",LEFT($" + col(C_Q3) + r1 + ",2)=\"No\")),1,0)",
                    heldFixed ? 1 : 0, styles.integer);
            w.formula(C_LLM_STRESSED, "$" + col(C_LLM) + r1 + "*(1-$" + col(C_FIXED) + r1 + ")",
                    c.llmPriced() && !heldFixed ? 1 : 0, styles.integer);
            w.formula(C_VARIABLE_STRESSED, "$" + col(C_VARIABLE) + r1 + "*(1-$" + col(C_FIXED) + r1 + ")",
                    c.usageVariable() && !heldFixed ? 1 : 0, styles.integer);
            writeAmounts(w, c.source(), c.amounts());
            maybeProgress(progress, line);
        }
        writeNotRead(w, lineCount() + 2);
        w.end(List.of());
    }

    /**
     * The lines that could not be read, below the others and outside every sum: label, the cell that
     * stopped it and what it holds. They are named here so the restated workbook never hides them.
     */
    private void writeNotRead(SheetXmlWriter w, int firstRow) throws IOException {
        if (notRead.isEmpty()) {
            return;
        }
        w.row(firstRow);
        w.text(C_LABEL, "Lines not read (" + notRead.size() + "): left out of every figure, never read as zero",
                styles.header);
        w.text(C_KIND, "Not read", styles.header);
        w.text(C_SOURCE, "Source cell", styles.header);
        w.text(C_REASON, "Problem", styles.header);
        int row = firstRow;
        for (Problem p : notRead) {
            w.row(++row);
            w.text(C_LABEL, p.line(), styles.text);
            w.text(C_KIND, "Not read", styles.text);
            w.text(C_SOURCE, p.source(), styles.text);
            w.text(C_REASON, p.message(), styles.text);
        }
    }

    private static void maybeProgress(IntConsumer progress, int line) {
        if ((line & 255) == 0) {
            progress.accept(line);
        }
    }

    private static String answer(boolean typed, Answer given, boolean resolved) {
        if (!typed && given == Answer.DEFAULT) {
            return "";
        }
        String yesNo = resolved ? "Yes" : "No";
        return given == Answer.DEFAULT ? yesNo + " (type default)" : yesNo;
    }

    /** True when the line's period cells can be referenced: its sheet exists and it has a cell per period. */
    boolean linked(SourceRef src) {
        return src != null && sourceSheets.contains(src.sheet().toLowerCase(Locale.ROOT))
                && src.periodColumns().length == n;
    }

    /** Registers the cells whose kind must be known (non-zero amounts: a zero is read through SUM()). */
    static void want(SourceCellKinds kinds, SourceRef src, double[] amounts) {
        for (int p = 0; p < amounts.length && p < src.periodColumns().length; p++) {
            if (amounts[p] != 0 && src.periodColumn(p) >= 0) {
                kinds.want(src.sheet(), src.row(), src.periodColumn(p));
            }
        }
    }

    private boolean copiedAsValue(SourceRef src, int p, double amount) {
        return amount != 0 && kinds.isText(src.sheet(), src.row(), src.periodColumn(p));
    }

    /** The source cell, plus the cells whose numbers were typed as text and so are copied as values. */
    private String sourceText(String cell, SourceRef src, double[] amounts) {
        if (!linked(src)) {
            return src == null ? "(no source cell)" : cell + " (amounts copied as values)";
        }
        StringBuilder copied = new StringBuilder();
        for (int p = 0; p < n; p++) {
            if (src.periodColumn(p) >= 0 && copiedAsValue(src, p, amounts[p])) {
                copied.append(copied.length() == 0 ? "" : ", ").append(SourceRef.cellName(src.row(), src.periodColumn(p)));
            }
        }
        return copied.length() == 0 ? cell : cell + " (numbers stored as text, copied as values: " + copied + ")";
    }

    /** The per-period cells: the source cell times the scale, or the amount itself where no cell backs it. */
    private void writeAmounts(SheetXmlWriter w, SourceRef src, double[] amounts) throws IOException {
        boolean linked = linked(src);
        String sheet = linked ? quote(src.sheet()) + "!" : null;
        String scale = linked ? scaleSuffix(src.scale()) : null;
        for (int p = 0; p < n; p++) {
            double v = amounts[p];
            int column = linked ? src.periodColumn(p) : -1;
            if (column < 0 || copiedAsValue(src, p, v)) {
                w.number(C_FIRST_PERIOD + p, v, styles.number);
                continue;
            }
            String ref = sheet + SourceRef.cellName(src.row(), column);
            // A zero may come from a blank, a dash or text in the source; SUM() reads those as 0, as the
            // reader did, where a plain reference times the scale would give #VALUE!.
            String base = v == 0 ? "SUM(" + ref + ")" : ref;
            String f = scale == null ? base : scale.equals("-") ? "-" + base : base + "*" + scale;
            w.formula(C_FIRST_PERIOD + p, f, v, styles.number);
        }
    }

    private static String scaleSuffix(double scale) {
        if (scale == 1) {
            return null;
        }
        if (scale == -1) {
            return "-";
        }
        return plain(scale);
    }

    // ---------------------------------------------------------------- Restated P&L

    void writePl(OutputStream stream) throws IOException {
        int lastCol = 2 + n - 1;
        SheetXmlWriter w = new SheetXmlWriter(stream, lastCol + 1);
        double[] widths = new double[lastCol + 1];
        widths[0] = 58;
        for (int i = 1; i <= lastCol; i++) {
            widths[i] = 14;
        }
        w.begin(new SheetXmlWriter.Layout(2, P_HEADER + 1, widths, "FF0F8B8D"), pLast, lastCol);
        w.row(0);
        w.text(0, "Management-view reclassification of " + sourceName + " (not a restatement of an error under ASC 250 "
                + "or IAS 8)", styles.title);
        w.row(1);
        w.text(0, "Framework: " + policy.framework().label() + ". Every figure is a formula over the source cells and "
                + "the Treatment column (sheet " + names.classification() + "): change a treatment there and this P&L "
                + "and its margins move. Stressed figures come from sheet " + names.stress() + ".", styles.text);
        w.row(2);
        w.text(0, "\"Restated\" here means reclassified for a management view: cost of revenue holds the lines the "
                + "COGS test puts there, Review lines where the workbook reports them in cost of revenue, and the "
                + "amortization of capitalized lines that deliver the service. A decision framework, not accounting "
                + "advice: the final classification depends on the contracts, the facts and the auditor's judgment.",
                styles.text);
        headerRow(w, P_HEADER, "Line");

        List<Figures> f = result.periods();
        Figures t = result.total();
        section(w, 4, "Revenue");
        amountRow(w, P_AI_REV, "AI-layer revenue", p -> revenueCount == 0 ? null
                : "SUMPRODUCT(" + revRange(C_AI_SHARE) + "," + revRange(C_FIRST_PERIOD + p) + ")",
                p -> f.get(p).aiRevenue(), t.aiRevenue(), false);
        amountRow(w, P_SW_REV, "Software-layer revenue", p -> revenueCount == 0 ? null
                : "SUMPRODUCT(" + revRange(C_SW_SHARE) + "," + revRange(C_FIRST_PERIOD + p) + ")",
                p -> f.get(p).softwareRevenue(), t.softwareRevenue(), false);
        amountRow(w, P_REV, "Total revenue", p -> ref(P_AI_REV, p) + "+" + ref(P_SW_REV, p),
                p -> f.get(p).revenue(), t.revenue(), true);

        section(w, 9, "As the workbook reports it");
        amountRow(w, P_REP_COGS, "Cost of revenue as reported", p -> costCount == 0 ? null
                : "SUMPRODUCT(" + costRange(C_REPORTED_COGS) + "," + costRange(C_FIRST_PERIOD + p) + ")",
                p -> f.get(p).reportedCogs(), t.reportedCogs(), false);
        amountRow(w, P_REP_AI_COGS, "  of which AI layer", p -> costCount == 0 ? null
                : "SUMPRODUCT(" + costRange(C_REPORTED_COGS) + "," + costRange(C_AI_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")",
                p -> f.get(p).reportedAiCogs(), t.reportedAiCogs(), false);
        marginRow(w, P_REP_GM, "Reported gross margin (blended)", P_REV, P_REP_COGS,
                p -> f.get(p).reportedBlended(), t.reportedBlended());
        reportedAiMarginRow(w, f, t);

        section(w, 15, "Restated cost by treatment (every cost line, unstressed)");
        Treatment[] ts = Treatment.values();
        for (int k = 0; k < ts.length; k++) {
            Treatment tr = ts[k];
            String label = tr == Treatment.REVIEW ? "Review (kept where the workbook put it until decided)" : tr.label();
            double total = 0;
            for (int p = 0; p < n; p++) {
                total += result.costByTreatment(tr, p);
            }
            amountRow(w, P_TREATMENT + k, label, p -> costCount == 0 ? null
                    : "SUMIFS(" + costRange(C_FIRST_PERIOD + p) + "," + costRange(C_TREATMENT) + ",\""
                    + tr.label() + "\")", p -> result.costByTreatment(tr, p), total, false);
        }

        section(w, 22, "Restated gross margin (COGS test)");
        amountRow(w, P_REST_AI, "Restated cost of revenue, AI layer (amortization included)", p -> costCount == 0
                ? ref(P_AMORT_AI, p) : "SUMPRODUCT(" + costRange(C_RESTATED_COGS) + "," + costRange(C_AI_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")+" + ref(P_AMORT_AI, p),
                p -> f.get(p).restatedAiCogs(), t.restatedAiCogs(), false);
        amountRow(w, P_REST_SW, "Restated cost of revenue, software layer (amortization included)", p -> costCount == 0
                ? ref(P_AMORT_SW, p) : "SUMPRODUCT(" + costRange(C_RESTATED_COGS) + "," + costRange(C_SW_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")+" + ref(P_AMORT_SW, p),
                p -> f.get(p).restatedSoftwareCogs(), t.restatedSoftwareCogs(), false);
        amountRow(w, P_REST, "Restated cost of revenue",
                p -> ref(P_REST_AI, p) + "+" + ref(P_REST_SW, p), p -> f.get(p).restatedCogs(), t.restatedCogs(), true);
        marginRow(w, P_REST_GM, "Restated gross margin (blended)", P_REV, P_REST,
                p -> f.get(p).restatedBlended(), t.restatedBlended());
        marginRow(w, P_AI_GM, "AI-layer gross margin", P_AI_REV, P_REST_AI, p -> f.get(p).aiLayer(), t.aiLayer());
        marginRow(w, P_SW_GM, "Software-layer gross margin", P_SW_REV, P_REST_SW,
                p -> f.get(p).softwareLayer(), t.softwareLayer());

        section(w, 30, "Stressed (inputs on sheet " + names.stress() + ")");
        linkRow(w, P_ST_GM, "Stressed gross margin (blended)", S_ST_GM, p -> f.get(p).restatedBlendedStressed(),
                t.restatedBlendedStressed());
        linkRow(w, P_ST_AI_GM, "Stressed AI-layer gross margin", S_ST_AI_GM, p -> f.get(p).aiLayerStressed(),
                t.aiLayerStressed());
        writeAmortizationAndCredits(w, f, t);
        writeTies(w);
        writeRunDetails(w);
        writeAmortizationLines(w);
        w.end(List.of());
    }

    /** "n/a (no AI cost in reported cost of revenue)" rather than 100% where nothing AI sits in reported COGS. */
    private void reportedAiMarginRow(SheetXmlWriter w, List<Figures> f, Figures t) throws IOException {
        w.row(P_REP_AI_GM);
        w.text(0, "AI-layer gross margin, costs placed as reported", styles.section);
        for (int c = 1; c <= n + 1; c++) {
            String r = col(c) + (P_AI_REV + 1);
            String k = col(c) + (P_REP_AI_COGS + 1);
            String fx = "IF(ABS(" + r + ")=0,\"\",IF(ABS(" + k + ")=0,\"" + NO_AI_COST + "\",(" + r + "-" + k + ")/"
                    + r + "))";
            Figures fig = c == 1 ? t : f.get(c - 2);
            int style = c == 1 ? styles.percentBold : styles.percent;
            if (fig.aiRevenue() == 0) {
                w.formulaText(c, fx, "", style);
            } else if (fig.reportedAiCogs() == 0) {
                w.formulaText(c, fx, NO_AI_COST, style);
            } else {
                w.formula(c, fx, fig.reportedAiLayer().orElse(0), style);
            }
        }
    }

    /** Amortization in cost of revenue, vendor credits, and gross margin with the credits taken out. */
    private void writeAmortizationAndCredits(SheetXmlWriter w, List<Figures> f, Figures t) throws IOException {
        section(w, P_AMORT_AI - 1, "Amortization and vendor credits inside restated cost of revenue");
        amountRow(w, P_AMORT_AI, "Amortization of capitalized lines, AI layer (the asset delivers the service)",
                p -> amortizationSum(p, true), p -> sums.amortization(Layer.AI, p),
                result.totalAmortization(Layer.AI), false);
        amountRow(w, P_AMORT_SW, "Amortization of capitalized lines, software layer",
                p -> amortizationSum(p, false), p -> sums.amortization(Layer.SOFTWARE, p),
                result.totalAmortization(Layer.SOFTWARE), false);
        amountRow(w, P_CREDITS, "Vendor credits and discounts in restated cost of revenue (held fixed under stress)",
                p -> costCount == 0 ? null : "-SUMPRODUCT(" + costRange(C_RESTATED_COGS) + "," + costRange(C_CREDIT)
                        + "," + costRange(C_FIRST_PERIOD + p) + ")",
                p -> sums.credits(Layer.AI, p) + sums.credits(Layer.SOFTWARE, p),
                result.totalCredits(Layer.AI) + result.totalCredits(Layer.SOFTWARE), false);
        w.row(P_GM_EX_CREDITS);
        w.text(0, "Restated gross margin excluding vendor credits", styles.section);
        for (int c = 1; c <= n + 1; c++) {
            String r = col(c) + (P_REV + 1);
            String k = "(" + col(c) + (P_REST + 1) + "+" + col(c) + (P_CREDITS + 1) + ")";
            OptionalDouble v = c == 1 ? result.restatedBlendedExCredits()
                    : Figures.margin(f.get(c - 2).revenue(), f.get(c - 2).restatedCogs()
                    + sums.credits(Layer.AI, c - 2) + sums.credits(Layer.SOFTWARE, c - 2));
            writeMargin(w, c, marginFormula(r, k), v, c == 1 ? styles.percentBold : styles.percent);
        }
        w.row(P_AI_GM_EX_CREDITS);
        w.text(0, "AI-layer gross margin excluding vendor credits", styles.section);
        for (int c = 1; c <= n + 1; c++) {
            String r = col(c) + (P_AI_REV + 1);
            String credits = costCount == 0 ? "0" : c == 1
                    ? "-SUMPRODUCT(" + costRange(C_RESTATED_COGS) + "," + costRange(C_CREDIT) + ","
                    + costRange(C_AI_SHARE) + "," + costRange(C_TOTAL) + ")"
                    : "-SUMPRODUCT(" + costRange(C_RESTATED_COGS) + "," + costRange(C_CREDIT) + ","
                    + costRange(C_AI_SHARE) + "," + costRange(C_FIRST_PERIOD + c - 2) + ")";
            String k = "(" + col(c) + (P_REST_AI + 1) + "+" + credits + ")";
            OptionalDouble v = c == 1 ? result.aiLayerExCredits()
                    : Figures.margin(f.get(c - 2).aiRevenue(), f.get(c - 2).restatedAiCogs()
                    + sums.credits(Layer.AI, c - 2));
            writeMargin(w, c, marginFormula(r, k), v, c == 1 ? styles.percentBold : styles.percent);
        }
    }

    /** The amortization of period p: the per-line rows at the foot of the sheet, by layer share. */
    private String amortizationSum(int p, boolean ai) {
        if (amortized.isEmpty()) {
            return null;
        }
        StringBuilder fx = new StringBuilder();
        for (int k = 0; k < amortized.size(); k++) {
            int row = costRow(amortized.get(k));
            fx.append(k == 0 ? "" : "+").append(cls()).append("!$").append(col(ai ? C_AI_SHARE : C_SW_SHARE))
                    .append('$').append(row).append('*').append(ref(pAmortLines + k, p));
        }
        return fx.toString();
    }

    /**
     * One row per training or index-build line: straight-line amortization of its spend over its
     * useful life from the period after the spend, counted only while its Treatment reads Capitalized.
     */
    private void writeAmortizationLines(SheetXmlWriter w) throws IOException {
        section(w, pAmortLines - 1, "Amortization by line (training and index builds; counted while the Treatment is "
                + "Capitalized; useful life as exported)");
        int mpp = model.periods().monthsPerPeriod();
        for (int k = 0; k < amortized.size(); k++) {
            int li = amortized.get(k);
            int life = decisions.get(li).effectiveUsefulLifeMonths();
            int clsRow = costRow(li);
            String treat = cls() + "!$" + col(C_TREATMENT) + "$" + clsRow;
            String label = model.costs().get(li).label() + " (" + life + " months)";
            double[] cached = new double[n];
            for (int p = 0; p < n; p++) {
                cached[p] = sums.lineAmortization(li, p);
            }
            int full = life / mpp;
            int rem = life % mpp;
            amountRow(w, pAmortLines + k, label, p -> {
                if (p == 0) {
                    return "0";
                }
                int from = Math.max(0, p - full);
                StringBuilder fx = new StringBuilder("IF(" + treat + "=\"" + Treatment.CAPITALIZED.label() + "\",");
                fx.append(p - 1 >= from ? "SUM(" + cls() + "!$" + col(C_FIRST_PERIOD + from) + "$" + clsRow + ":$"
                        + col(C_FIRST_PERIOD + p - 1) + "$" + clsRow + ")*" + mpp + "/" + life : "0");
                int partial = p - 1 - full;
                if (rem > 0 && partial >= 0) {
                    fx.append("+").append(cls()).append("!$").append(col(C_FIRST_PERIOD + partial)).append('$')
                            .append(clsRow).append('*').append(rem).append('/').append(life);
                }
                return fx.append(",0)").toString();
            }, p -> cached[p], sum(cached), false);
        }
        if (amortized.isEmpty()) {
            w.row(pAmortLines);
            w.text(0, "(no training or index-build lines)", styles.text);
        }
    }

    /** Tie rows: total cost and operating result before and after the reclassification, with a check cell. */
    private void writeTies(SheetXmlWriter w) throws IOException {
        section(w, P_TIE_REPORTED - 1, "Ties: the reclassification moves cost between lines, it does not add or remove "
                + "any");
        double[] every = new double[n];
        double[] capitalized = new double[n];
        double[] amort = new double[n];
        for (int p = 0; p < n; p++) {
            for (Treatment tr : Treatment.values()) {
                every[p] += result.costByTreatment(tr, p);
            }
            capitalized[p] = result.costByTreatment(Treatment.CAPITALIZED, p);
            amort[p] = sums.amortization(Layer.AI, p) + sums.amortization(Layer.SOFTWARE, p);
        }
        amountRow(w, P_TIE_REPORTED, "Total cost, every line as the workbook reports it", p -> costCount == 0 ? null
                : "SUM(" + costRange(C_FIRST_PERIOD + p) + ")", p -> every[p], sum(every), false);
        int lastTreatment = P_TREATMENT + Treatment.values().length - 1;
        amountRow(w, P_TIE_RESTATED, "Total cost after the reclassification (the treatment rows above)",
                p -> "SUM(" + ref(P_TREATMENT, p) + ":" + ref(lastTreatment, p) + ")", p -> every[p], sum(every), false);
        amountRow(w, P_TIE_DIFF, "Difference (0 when it ties)", p -> ref(P_TIE_REPORTED, p) + "-" + ref(P_TIE_RESTATED, p),
                p -> 0, 0, false);
        checkCell(w, P_TIE_OK, P_TIE_DIFF);
        double[] opRep = new double[n];
        double[] opRest = new double[n];
        double[] explained = new double[n];
        for (int p = 0; p < n; p++) {
            double rev = result.period(p).revenue();
            opRep[p] = rev - every[p];
            opRest[p] = rev - (every[p] - capitalized[p]) - amort[p];
            explained[p] = capitalized[p] - amort[p];
        }
        amountRow(w, P_OP_REPORTED, "Operating result as reported (revenue less every cost line)",
                p -> ref(P_REV, p) + "-" + ref(P_TIE_REPORTED, p), p -> opRep[p], sum(opRep), false);
        int capRow = P_TREATMENT + Treatment.CAPITALIZED.ordinal();
        amountRow(w, P_OP_RESTATED, "Operating result after the reclassification (capitalized spend out, amortization in)",
                p -> ref(P_REV, p) + "-(" + ref(P_TIE_RESTATED, p) + "-" + ref(capRow, p) + ")-" + ref(P_AMORT_AI, p)
                        + "-" + ref(P_AMORT_SW, p), p -> opRest[p], sum(opRest), false);
        amountRow(w, P_OP_EXPLAINED, "Amortization aside: capitalized spend less its amortization",
                p -> ref(capRow, p) + "-" + ref(P_AMORT_AI, p) + "-" + ref(P_AMORT_SW, p), p -> explained[p],
                sum(explained), false);
        amountRow(w, P_OP_DIFF, "Difference after that (0 when it ties)", p -> ref(P_OP_RESTATED, p) + "-"
                + ref(P_OP_REPORTED, p) + "-" + ref(P_OP_EXPLAINED, p), p -> 0, 0, false);
        checkCell(w, P_OP_OK, P_OP_DIFF);
    }

    /** A visible check: "OK" when every cell of the difference row is within half a cent, else "DOES NOT TIE". */
    private void checkCell(SheetXmlWriter w, int row, int diffRow) throws IOException {
        w.row(row);
        w.text(0, "Check", styles.section);
        String range = col(1) + (diffRow + 1) + ":" + col(1 + n) + (diffRow + 1);
        w.formulaText(1, "IF(SUMPRODUCT(ABS(" + range + "))<0.005,\"OK\",\"DOES NOT TIE\")", "OK", styles.section);
    }

    /** Run details: what produced this workbook, so a reviewer can reproduce it. */
    private void writeRunDetails(SheetXmlWriter w) throws IOException {
        section(w, P_RUN, "Run details");
        int r = P_RUN + 1;
        String[][] rows = {
                {"Framework", policy.framework().label()},
                {"ASU 2025-06", policy.framework() != com.marginworkbench.classify.Framework.US_GAAP ? "not applicable (IFRS)"
                        : (policy.asu202506Adopted() ? "adopted early" : "not adopted early; mandatory for fiscal years "
                        + "beginning after 15 December 2027")},
                {"Fiscal year start", policy.fiscalYearStart() == null ? "not set (calendar years)"
                        : policy.fiscalYearStart().toString()},
                {"Free-tier inference", policy.freeTier().label()},
                {"Levers", leversText()},
                {"Forecast periods", levers.firstForecastPeriod() < 0 ? "none (every period actual)"
                        : "from " + model.periods().label(levers.firstForecastPeriod())},
                {"Heavy users in the actuals", pct(levers.heavyUserBaseline()) + " of usage (the stress is measured "
                        + "against this)"},
                {"Default useful life", LineDecision.DEFAULT_USEFUL_LIFE_MONTHS + " months, unless a line gives its own"},
                {"Product version", "Margin Workbench " + version},
                {"Written on", java.time.LocalDate.now().toString()},
                {"Source file", sourceName},
                {"Source SHA-256", sourceSha256.isEmpty() ? "(not computed)" : sourceSha256},
                {"What this is", "A management-view reclassification for analysis; not a restatement of an error under "
                        + "ASC 250 or IAS 8, and not accounting advice."},
        };
        for (String[] kv : rows) {
            w.row(r++);
            w.text(0, kv[0], styles.text);
            w.text(1, kv[1], styles.text);
        }
    }

    private String leversText() {
        StringBuilder sb = new StringBuilder();
        for (com.marginworkbench.margin.Lever lever : com.marginworkbench.margin.Lever.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(lever.label()).append(' ')
                    .append(lever.format(lever.read(levers)));
        }
        return sb.toString();
    }

    private static String pct(double f) {
        return BigDecimal.valueOf(f * 100).stripTrailingZeros().toPlainString() + "%";
    }

    private interface Formula {
        String at(int period);
    }

    private interface Value {
        double at(int period);
    }

    private interface Margin {
        OptionalDouble at(int period);
    }

    /** Relative reference to a cell of the same sheet's period column. */
    private static String ref(int row, int period) {
        return col(2 + period) + (row + 1);
    }

    private void headerRow(SheetXmlWriter w, int row, String first) throws IOException {
        w.row(row);
        w.text(0, first, styles.header);
        w.text(1, "Total", styles.header);
        for (int p = 0; p < n; p++) {
            w.text(2 + p, model.periods().label(p), styles.header);
        }
    }

    private void section(SheetXmlWriter w, int row, String title) throws IOException {
        w.row(row);
        w.text(0, title, styles.section);
    }

    /** A row of amounts: one formula per period (or 0 where nothing feeds it) and their sum. */
    private void amountRow(SheetXmlWriter w, int row, String label, Formula formula, Value cached, double total,
                           boolean bold) throws IOException {
        w.row(row);
        w.text(0, label, bold ? styles.section : styles.text);
        int style = bold ? styles.numberBold : styles.number;
        w.formula(1, "SUM(" + col(2) + (row + 1) + ":" + col(1 + n) + (row + 1) + ")", total, style);
        for (int p = 0; p < n; p++) {
            String fx = formula.at(p);
            if (fx == null) {
                w.number(2 + p, 0, style);
            } else {
                w.formula(2 + p, fx, cached.at(p), style);
            }
        }
    }

    /** A row of margins (revenue − cost) / revenue, blank where revenue is zero, in total too. */
    private void marginRow(SheetXmlWriter w, int row, String label, int revRow, int costRow, Margin cached,
                           OptionalDouble total) throws IOException {
        w.row(row);
        w.text(0, label, styles.section);
        for (int c = 1; c <= n + 1; c++) {
            String r = col(c) + (revRow + 1);
            String k = col(c) + (costRow + 1);
            String fx = marginFormula(r, k);
            OptionalDouble v = c == 1 ? total : cached.at(c - 2);
            writeMargin(w, c, fx, v, c == 1 ? styles.percentBold : styles.percent);
        }
    }

    /**
     * (revenue − cost) / revenue, blank without revenue. ABS() because a zero share of a negative
     * amount is −0, which some evaluators (POI) do not see as equal to 0.
     */
    private static String marginFormula(String revenue, String cost) {
        return "IF(ABS(" + revenue + ")=0,\"\",(" + revenue + "-" + cost + ")/" + revenue + ")";
    }

    private static void writeMargin(SheetXmlWriter w, int col, String fx, OptionalDouble v, int style)
            throws IOException {
        if (v.isPresent()) {
            w.formula(col, fx, v.getAsDouble(), style);
        } else {
            w.formulaText(col, fx, "", style);
        }
    }

    /** A row that shows the Stress sheet's row of the same layout (total and periods in the same columns). */
    private void linkRow(SheetXmlWriter w, int row, String label, int stressRow, Margin cached, OptionalDouble total)
            throws IOException {
        w.row(row);
        w.text(0, label, styles.section);
        for (int c = 1; c <= n + 1; c++) {
            OptionalDouble v = c == 1 ? total : cached.at(c - 2);
            writeMargin(w, c, st() + "!" + col(c) + (stressRow + 1), v, c == 1 ? styles.percentBold : styles.percent);
        }
    }

    // ---------------------------------------------------------------- Stress

    void writeStress(OutputStream stream) throws IOException {
        int lastCol = 2 + n - 1;
        SheetXmlWriter w = new SheetXmlWriter(stream, Math.max(lastCol, 2) + 1);
        double[] widths = new double[Math.max(lastCol, 2) + 1];
        widths[0] = 52;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 14;
        }
        widths[2] = Math.max(widths[2], 14);
        w.begin(new SheetXmlWriter.Layout(2, S_HEADER + 1, widths, "FF0F8B8D"), S_SCENARIOS + 2 + scenarios().size(),
                Math.max(lastCol, 2));
        w.row(0);
        w.text(0, "Stress test: change the yellow inputs and the stressed margins recalculate", styles.title);
        w.row(1);
        w.text(0, "Input", styles.header);
        w.text(1, "Value", styles.header);
        w.text(2, "What it does", styles.header);
        for (Lever lever : Lever.values()) {
            input(w, inputRow(lever), lever.label(), lever.get(levers), lever.isPercent(), lever.help());
        }
        String share = names.name(Lever.HEAVY_SHARE.definedName());
        String mult = names.name(Lever.HEAVY_MULTIPLIER.definedName());
        String base = names.name(Lever.HEAVY_BASELINE.definedName());
        w.row(S_HEAVY);
        w.text(0, "Heavy-user factor ((1 − share) + share × multiplier) ÷ the actuals' own", styles.text);
        w.formula(1, "((1-" + share + ")+" + share + "*" + mult + ")/(1+IF(" + base + "=0,0," + base + "/(" + mult
                + "*(1-" + base + ")+" + base + "))*(" + mult + "-1))", levers.heavyUserFactor(), styles.factor);
        w.text(2, "Scales usage-variable AI cost, and AI revenue on usage-priced lines. Heavy users holding a share u "
                + "of usage in the actuals are u ÷ (m·(1 − u) + u) of users, so the actuals already run at "
                + "1 + that × (m − 1); the stress is measured against it", styles.text);
        w.row(S_VARIABLE);
        w.text(0, "Usage-variable AI cost factor (buffer × heavy-user factor)", styles.text);
        w.formula(1, names.name(Lever.VARIANCE_BUFFER.definedName()) + "*" + abs(S_HEAVY, 1),
                levers.varianceBuffer() * levers.heavyUserFactor(), styles.factor);
        w.row(S_PER_YEAR);
        w.text(0, "Periods per year", styles.text);
        w.number(1, model.periods().granularity().perYear(), styles.integer);
        w.text(2, "Used by the token price decline", styles.text);
        w.row(S_FIRST_FORECAST);
        w.text(0, "First forecast period (index in the row below; -1 = every period is actual)", styles.text);
        w.number(1, levers.firstForecastPeriod(), styles.inputNumber);
        w.text(2, "The token price decline applies to forecast periods only", styles.text);

        headerRow(w, S_HEADER, "Line");
        w.row(S_INDEX);
        w.text(0, "Period index", styles.text);
        for (int p = 0; p < n; p++) {
            w.number(2 + p, p, styles.integer);
        }
        w.row(S_LLM_FACTOR);
        w.text(0, "LLM price factor (1 + LLM cost change) × (1 − decline) ^ ((index − first forecast) ÷ periods per "
                + "year) on forecast periods", styles.text);
        String first = abs(S_FIRST_FORECAST, 1);
        for (int p = 0; p < n; p++) {
            w.formula(2 + p, "(1+" + names.name(Lever.LLM_COST.definedName()) + ")*IF(AND(" + first + ">=0,"
                    + ref(S_INDEX, p) + ">=" + first + "),(1-" + names.name(Lever.TOKEN_DECLINE.definedName())
                    + ")^((" + ref(S_INDEX, p) + "-" + first + ")/" + abs(S_PER_YEAR, 1) + "),1)", sums.llmFactor(p),
                    styles.factor);
        }

        List<Figures> f = result.periods();
        Figures t = result.total();
        section(w, S_AI_FLAT - 1, "Revenue");
        amountRow(w, S_AI_FLAT, "AI revenue, seat or flat priced", p -> pl() + "!" + ref(P_AI_REV, p) + "-"
                + ref(S_AI_USAGE, p), p -> sums.aiFlatRevenue(p), total(sums::aiFlatRevenue), false);
        amountRow(w, S_AI_USAGE, "AI revenue, usage-priced (moves with heavy users)", p -> revenueCount == 0 ? null
                : "SUMPRODUCT(" + revRange(C_USAGE_PRICED) + "," + revRange(C_AI_SHARE) + ","
                + revRange(C_FIRST_PERIOD + p) + ")", p -> sums.aiUsageRevenue(p), total(sums::aiUsageRevenue), false);
        amountRow(w, S_SW_REV, "Software-layer revenue", p -> pl() + "!" + ref(P_SW_REV, p),
                p -> f.get(p).softwareRevenue(), t.softwareRevenue(), false);
        amountRow(w, S_ST_AI_REV, "Stressed AI-layer revenue", p -> "(" + ref(S_AI_FLAT, p) + "+" + ref(S_AI_USAGE, p)
                + "*" + abs(S_HEAVY, 1) + ")*(1+" + names.name(Lever.PRICE_CHANGE.definedName()) + ")",
                p -> f.get(p).stressedAiRevenue(), t.stressedAiRevenue(), false);
        amountRow(w, S_ST_REV, "Stressed revenue", p -> ref(S_ST_AI_REV, p) + "+" + ref(S_SW_REV, p),
                p -> f.get(p).stressedRevenue(), t.stressedRevenue(), true);

        section(w, S_AI_LV - 1, "Restated cost of revenue by stress class (unstressed)");
        String rest = costCount == 0 ? null : costRange(C_RESTATED_COGS);
        String llm = costRange(C_LLM_STRESSED);
        String var = costRange(C_VARIABLE_STRESSED);
        amountRow(w, S_AI_LV, "AI layer, LLM-priced and usage-variable", p -> rest == null ? null
                : "SUMPRODUCT(" + rest + "," + llm + "," + var + "," + costRange(C_AI_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")",
                p -> cost(Layer.AI, EngineSums.StressClass.LLM_AND_VARIABLE, p),
                total(p -> cost(Layer.AI, EngineSums.StressClass.LLM_AND_VARIABLE, p)), false);
        amountRow(w, S_AI_L, "AI layer, LLM-priced only", p -> rest == null ? null
                : "SUMPRODUCT(" + rest + "," + llm + "," + costRange(C_AI_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")-" + ref(S_AI_LV, p),
                p -> cost(Layer.AI, EngineSums.StressClass.LLM_ONLY, p),
                total(p -> cost(Layer.AI, EngineSums.StressClass.LLM_ONLY, p)), false);
        amountRow(w, S_AI_V, "AI layer, usage-variable only", p -> rest == null ? null
                : "SUMPRODUCT(" + rest + "," + var + "," + costRange(C_AI_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")-" + ref(S_AI_LV, p),
                p -> cost(Layer.AI, EngineSums.StressClass.VARIABLE_ONLY, p),
                total(p -> cost(Layer.AI, EngineSums.StressClass.VARIABLE_ONLY, p)), false);
        amountRow(w, S_AI_N, "AI layer, fixed under stress (neither flag, fixed delivery, credits, amortization)",
                p -> pl() + "!" + ref(P_REST_AI, p) + "-" + ref(S_AI_LV, p) + "-" + ref(S_AI_L, p) + "-"
                        + ref(S_AI_V, p), p -> cost(Layer.AI, EngineSums.StressClass.FIXED, p),
                total(p -> cost(Layer.AI, EngineSums.StressClass.FIXED, p)), false);
        amountRow(w, S_SW_L, "Software layer, LLM-priced", p -> rest == null ? null
                : "SUMPRODUCT(" + rest + "," + llm + "," + costRange(C_SW_SHARE) + ","
                + costRange(C_FIRST_PERIOD + p) + ")", p -> swLlm(p), total(this::swLlm), false);
        amountRow(w, S_SW_N, "Software layer, other", p -> pl() + "!" + ref(P_REST_SW, p) + "-" + ref(S_SW_L, p),
                p -> f.get(p).restatedSoftwareCogs() - swLlm(p),
                total(p -> f.get(p).restatedSoftwareCogs() - swLlm(p)), false);

        section(w, S_ST_AI - 1, "Stressed");
        String variable = abs(S_VARIABLE, 1);
        amountRow(w, S_ST_AI, "Stressed AI-layer cost of revenue", p -> ref(S_AI_N, p) + "+" + ref(S_AI_L, p) + "*"
                + ref(S_LLM_FACTOR, p) + "+" + ref(S_AI_V, p) + "*" + variable + "+" + ref(S_AI_LV, p) + "*"
                + ref(S_LLM_FACTOR, p) + "*" + variable, p -> f.get(p).stressedAiCogs(), t.stressedAiCogs(), false);
        amountRow(w, S_ST_SW, "Stressed software-layer cost of revenue", p -> ref(S_SW_N, p) + "+" + ref(S_SW_L, p)
                + "*" + ref(S_LLM_FACTOR, p), p -> f.get(p).stressedSoftwareCogs(), t.stressedSoftwareCogs(), false);
        amountRow(w, S_ST, "Stressed cost of revenue", p -> ref(S_ST_AI, p) + "+" + ref(S_ST_SW, p),
                p -> f.get(p).stressedCogs(), t.stressedCogs(), true);
        marginRow(w, S_ST_GM, "Stressed gross margin (blended)", S_ST_REV, S_ST,
                p -> f.get(p).restatedBlendedStressed(), t.restatedBlendedStressed());
        marginRow(w, S_ST_AI_GM, "Stressed AI-layer gross margin", S_ST_AI_REV, S_ST_AI,
                p -> f.get(p).aiLayerStressed(), t.aiLayerStressed());
        w.row(S_ST_SW_GM);
        w.text(0, "Stressed software-layer gross margin", styles.section);
        for (int c = 1; c <= n + 1; c++) {
            String r = col(c) + (S_SW_REV + 1);
            String k = col(c) + (S_ST_SW + 1);
            OptionalDouble v = c == 1 ? t.softwareLayerStressed() : f.get(c - 2).softwareLayerStressed();
            writeMargin(w, c, marginFormula(r, k), v,
                    c == 1 ? styles.percentBold : styles.percent);
        }
        writeWalk(w);
        writeScenarios(w);
        w.end(List.of());
    }

    private double cost(Layer layer, EngineSums.StressClass cls, int p) {
        return sums.restatedCost(layer, cls, p);
    }

    /** Software-layer restated cost scaled by the LLM factor (both LLM classes of the software share). */
    private double swLlm(int p) {
        return cost(Layer.SOFTWARE, EngineSums.StressClass.LLM_ONLY, p)
                + cost(Layer.SOFTWARE, EngineSums.StressClass.LLM_AND_VARIABLE, p);
    }

    private double total(Value v) {
        double t = 0;
        for (int p = 0; p < n; p++) {
            t += v.at(p);
        }
        return t;
    }

    /**
     * The stress walk on the AI layer: the unstressed margin, then each lever group added in turn
     * (LLM cost with any token decline, variance buffer, heavy users, price), ending at the stressed
     * margin. Formulas over the rows above; cached values are the engine's {@link StressWalk}.
     */
    private void writeWalk(SheetXmlWriter w) throws IOException {
        StressWalk walk = StressWalk.of(prepared, levers);
        section(w, S_WALK, "Stress walk, AI layer (all periods): each step adds one lever group to the ones before");
        w.row(S_WALK + 1);
        w.text(0, "Step", styles.header);
        w.text(1, "Margin after", styles.header);
        w.text(2, "Effect", styles.header);
        String rangeFrom = col(2);
        String rangeTo = col(1 + n);
        java.util.function.Function<Integer, String> row = r -> rangeFrom + (r + 1) + ":" + rangeTo + (r + 1);
        String llmPart = "SUMPRODUCT(" + row.apply(S_AI_L) + "," + row.apply(S_LLM_FACTOR) + ")";
        String lvPart = "SUMPRODUCT(" + row.apply(S_AI_LV) + "," + row.apply(S_LLM_FACTOR) + ")";
        String buffer = names.name(Lever.VARIANCE_BUFFER.definedName());
        String heavy = abs(S_HEAVY, 1);
        String aiN = abs(S_AI_N, 1);
        String aiV = abs(S_AI_V, 1);
        String flat = abs(S_AI_FLAT, 1);
        String usage = abs(S_AI_USAGE, 1);
        String rev = "(" + flat + "+" + usage + ")";
        String revHeavy = "(" + flat + "+" + usage + "*" + heavy + ")";
        String[] costs = {
                aiN + "+" + llmPart + "+" + aiV + "+" + lvPart,
                aiN + "+" + llmPart + "+(" + aiV + "+" + lvPart + ")*" + buffer,
                aiN + "+" + llmPart + "+(" + aiV + "+" + lvPart + ")*" + buffer + "*" + heavy,
                aiN + "+" + llmPart + "+(" + aiV + "+" + lvPart + ")*" + buffer + "*" + heavy,
        };
        String[] revenues = {rev, rev, revHeavy,
                "(" + revHeavy + "*(1+" + names.name(Lever.PRICE_CHANGE.definedName()) + "))"};
        int r = S_WALK + 2;
        w.row(r);
        w.text(0, "AI-layer gross margin, unstressed", styles.text);
        writeMargin(w, 1, pl() + "!" + abs(P_AI_GM, 1), finite(walk.base()), styles.percent);
        for (int k = 0; k < walk.steps().size(); k++) {
            StressWalk.Step step = walk.steps().get(k);
            w.row(++r);
            w.text(0, "+ " + step.label(), styles.text);
            String fx = "IF(ABS(" + revenues[k] + ")=0,\"\",(" + revenues[k] + "-(" + costs[k] + "))/" + revenues[k] + ")";
            writeMargin(w, 1, fx, finite(step.marginAfter()), styles.percent);
            String prev = col(1) + r;
            String here = col(1) + (r + 1);
            writeMargin(w, 2, "IF(AND(ISNUMBER(" + here + "),ISNUMBER(" + prev + "))," + here + "-" + prev + ",\"\")",
                    finite(step.effect()), styles.percent);
        }
        w.row(++r);
        w.text(0, "Stressed AI-layer gross margin (check: equals the row above)", styles.section);
        writeMargin(w, 1, abs(S_ST_AI_GM, 1), finite(walk.stressed()), styles.percentBold);
    }

    private static OptionalDouble finite(double v) {
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Named scenarios the engine ran at export, with the margins and LTV:CAC each gives. */
    private List<Map.Entry<String, Levers>> scenarios() {
        Levers keep = Levers.NEUTRAL.withFirstForecastPeriod(levers.firstForecastPeriod());
        return List.of(Map.entry("Unstressed", keep),
                Map.entry("LLM cost +50%, prices flat (the worked example)", keep.withLlmCostChange(0.5)),
                Map.entry("Seed preset: LLM +50%, variance buffer 1.2x", keep.withLlmCostChange(0.5)
                        .withVarianceBuffer(1.2)),
                Map.entry("AI price -10%", keep.withPriceChange(-0.1)),
                Map.entry("This workbook's inputs", levers));
    }

    private void writeScenarios(SheetXmlWriter w) throws IOException {
        section(w, S_SCENARIOS, "Scenario table (all periods; figures the app computed when it wrote this workbook, "
                + "they do not recalculate)");
        w.row(S_SCENARIOS + 1);
        String[] heads = {"Scenario", "Blended GM, stressed", "AI-layer GM, stressed", "LTV:CAC blended",
                "LTV:CAC AI layer"};
        for (int c = 0; c < heads.length && c <= Math.max(2 + n - 1, 2); c++) {
            w.text(c, heads[c], styles.header);
        }
        int r = S_SCENARIOS + 2;
        for (Map.Entry<String, Levers> e : scenarios()) {
            com.marginworkbench.margin.MarginResult m = prepared.apply(e.getValue());
            w.row(r++);
            w.text(0, e.getKey(), styles.text);
            number(w, 1, m.total().restatedBlendedStressed(), styles.percent);
            number(w, 2, m.total().aiLayerStressed(), styles.percent);
            if (3 <= Math.max(2 + n - 1, 2)) {
                number(w, 3, m.unitEconomics().ltvToCacStressed(), styles.factor);
            }
            if (4 <= Math.max(2 + n - 1, 2)) {
                number(w, 4, m.unitEconomics().ltvToCacAiLayerStressed(), styles.factor);
            }
        }
    }

    private static void number(SheetXmlWriter w, int col, OptionalDouble v, int style) throws IOException {
        if (v.isPresent()) {
            w.number(col, v.getAsDouble(), style);
        } else {
            w.text(col, "n/a", style);
        }
    }

    private void input(SheetXmlWriter w, int row, String label, double value, boolean percent, String help)
            throws IOException {
        w.row(row);
        w.text(0, label, styles.text);
        w.number(1, value, percent ? styles.inputPercent : styles.inputNumber);
        w.text(2, help, styles.text);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    // ---------------------------------------------------------------- Margin Bridge

    void writeBridge(OutputStream stream) throws IOException {
        SheetXmlWriter w = new SheetXmlWriter(stream, 7);
        List<BridgeItem> items = result.bridge();
        int last = B_REPORTED + items.size() + 2;
        w.begin(new SheetXmlWriter.Layout(0, B_HEADER + 1, new double[] {52, 18, 14, 12, 12, 16, 16}, "FF0F8B8D"),
                last, 6);
        w.row(0);
        w.text(0, "Margin bridge: reported to restated gross margin (blended, all periods)", styles.title);
        w.row(1);
        w.text(0, "Each line the COGS test moves into or out of cost of revenue changes blended gross margin by its "
                + "total over all periods divided by total revenue.", styles.text);
        w.row(B_HEADER);
        String[] headers = {"Step", "Source cell", "Treatment", "Reported in COGS", "Restated in COGS",
                "Amount, all periods", "Effect on gross margin"};
        for (int c = 0; c < headers.length; c++) {
            w.text(c, headers[c], styles.header);
        }
        Figures t = result.total();
        w.row(B_REPORTED);
        w.text(0, "Reported gross margin (blended)", styles.section);
        writeMargin(w, 6, names.name("ReportedBlendedGM"), t.reportedBlended(), styles.percentBold);
        String revenue = pl() + "!" + abs(P_REV, 1);
        double running = t.reportedBlended().orElse(Double.NaN);
        for (int i = 0; i < items.size(); i++) {
            BridgeItem b = items.get(i);
            int row = B_REPORTED + 1 + i;
            w.row(row);
            w.text(0, (b.restatedInCogs() ? "Into COGS: " : "Out of COGS: ") + b.label(), styles.text);
            w.text(1, b.source(), styles.text);
            w.text(2, classifications.get(b.lineIndex()).treatment().label(), styles.text);
            w.text(3, b.reportedInCogs() ? "Yes" : "No", styles.text);
            w.text(4, b.restatedInCogs() ? "Yes" : "No", styles.text);
            w.formula(5, cls() + "!" + abs(costRow(b.lineIndex()) - 1, C_TOTAL), b.amount(), styles.number);
            String sign = b.restatedInCogs() ? "-" : "";
            w.formula(6, "IF(" + revenue + "=0,0," + sign + col(5) + (row + 1) + "/" + revenue + ")", b.gmImpact(),
                    styles.percent);
            running += b.gmImpact();
        }
        int end = B_REPORTED + 1 + items.size();
        w.row(end);
        w.text(0, "Restated gross margin (blended)", styles.section);
        String first = col(6) + (B_REPORTED + 1);
        String fx = items.isEmpty() ? "IF(ISNUMBER(" + first + ")," + first + ",\"\")"
                : "IF(ISNUMBER(" + first + ")," + first + "+SUM(" + col(6) + (B_REPORTED + 2) + ":" + col(6) + end
                + "),\"\")";
        writeMargin(w, 6, fx, Double.isFinite(running) ? OptionalDouble.of(running) : OptionalDouble.empty(),
                styles.percentBold);
        w.row(end + 1);
        w.text(0, "Check: difference to the Restated P&L (should be 0)", styles.text);
        String endCell = col(6) + (end + 1);
        OptionalDouble restated = t.restatedBlended();
        OptionalDouble diff = Double.isFinite(running) && restated.isPresent()
                ? OptionalDouble.of(running - restated.getAsDouble()) : OptionalDouble.empty();
        writeMargin(w, 6, "IF(ISNUMBER(" + endCell + ")," + endCell + "-" + names.name("RestatedBlendedGM") + ",\"\")",
                diff, styles.percent);
        w.end(List.of());
    }
}
