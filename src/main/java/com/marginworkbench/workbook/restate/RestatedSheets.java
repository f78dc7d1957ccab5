package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.EngineSums;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the new sheets share: where everything sits (the Classification sheet's columns, the rows of
 * the Restated P&L, Stress and Margin Bridge sheets), the model, classifications and the engine's
 * figures, the names and styles, and the row helpers. Each sheet is written by its own subclass
 * ({@link ClassificationSheet}, {@link RestatedPlSheet}, {@link StressSheet}, {@link BridgeSheet}).
 * Every figure is a formula: the Classification sheet points each line's period cells at the
 * source cells (times the line's scale), the Restated P&L sums them with SUMPRODUCT/SUMIFS over the
 * Classification columns, and the Stress sheet applies the lever inputs exactly as
 * {@link MarginEngine} does. Cached values are the engine's own figures.
 */
class RestatedSheets {
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

    final String sourceName;
    final FinancialModel model;
    final List<Classification> classifications;
    final List<LineDecision> decisions;
    final Policy policy;
    final Levers levers;
    final MarginResult result;
    final Names names;
    final RestatedStyles styles;
    final Set<String> sourceSheets;
    final SourceCellKinds kinds;
    final int n;
    final int revenueCount;
    final int costCount;
    final EngineSums sums;
    final MarginEngine.Prepared prepared;
    /** Cost lines whose amortization the P&L works out (training and index builds), and their useful life. */
    final List<Integer> amortized;
    String sourceSha256 = "";
    String version = "development build";
    int pAmortLines;
    int pLast;

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
        this.amortized = new java.util.ArrayList<>();
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
    List<Problem> notRead = List.of();

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

    String cls() {
        return quote(names.classification());
    }

    String pl() {
        return quote(names.pl());
    }

    String st() {
        return quote(names.stress());
    }

    static String col(int c) {
        return SourceRef.columnName(c);
    }

    /** Excel row number of revenue line i on the Classification sheet. */
    int revenueRow(int i) {
        return i + 2;
    }

    int costRow(int i) {
        return revenueCount + i + 2;
    }

    String revRange(int column) {
        return cls() + "!$" + col(column) + "$" + revenueRow(0) + ":$" + col(column) + "$" + revenueRow(revenueCount - 1);
    }

    String costRange(int column) {
        return cls() + "!$" + col(column) + "$" + costRow(0) + ":$" + col(column) + "$" + costRow(costCount - 1);
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Absolute A1 name of a 0-based cell, e.g. $B$13. */
    static String abs(int row, int column) {
        return "$" + col(column) + "$" + (row + 1);
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

    interface Formula {
        String at(int period);
    }

    interface Value {
        double at(int period);
    }

    interface Margin {
        OptionalDouble at(int period);
    }

    /** Relative reference to a cell of the same sheet's period column. */
    static String ref(int row, int period) {
        return col(2 + period) + (row + 1);
    }

    void headerRow(SheetXmlWriter w, int row, String first) throws IOException {
        w.row(row);
        w.text(0, first, styles.header);
        w.text(1, "Total", styles.header);
        for (int p = 0; p < n; p++) {
            w.text(2 + p, model.periods().label(p), styles.header);
        }
    }

    void section(SheetXmlWriter w, int row, String title) throws IOException {
        w.row(row);
        w.text(0, title, styles.section);
    }

    /** A row of amounts: one formula per period (or 0 where nothing feeds it) and their sum. */
    void amountRow(SheetXmlWriter w, int row, String label, Formula formula, Value cached, double total,
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
    void marginRow(SheetXmlWriter w, int row, String label, int revRow, int costRow, Margin cached,
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
    static String marginFormula(String revenue, String cost) {
        return "IF(ABS(" + revenue + ")=0,\"\",(" + revenue + "-" + cost + ")/" + revenue + ")";
    }

    static void writeMargin(SheetXmlWriter w, int col, String fx, OptionalDouble v, int style)
            throws IOException {
        if (v.isPresent()) {
            w.formula(col, fx, v.getAsDouble(), style);
        } else {
            w.formulaText(col, fx, "", style);
        }
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
    /** The same sheets' context, for one sheet's writer. */
    RestatedSheets(RestatedSheets from) {
        this.sourceName = from.sourceName;
        this.model = from.model;
        this.classifications = from.classifications;
        this.decisions = from.decisions;
        this.policy = from.policy;
        this.levers = from.levers;
        this.result = from.result;
        this.names = from.names;
        this.styles = from.styles;
        this.sourceSheets = from.sourceSheets;
        this.kinds = from.kinds;
        this.n = from.n;
        this.revenueCount = from.revenueCount;
        this.costCount = from.costCount;
        this.sums = from.sums;
        this.prepared = from.prepared;
        this.amortized = from.amortized;
        this.sourceSha256 = from.sourceSha256;
        this.version = from.version;
        this.pAmortLines = from.pAmortLines;
        this.pLast = from.pLast;
        this.notRead = from.notRead;
    }
}
