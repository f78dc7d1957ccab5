package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.GoalSeek;
import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.SourceRef;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import static com.marginworkbench.workbook.restate.RestatedSheets.abs;
import static com.marginworkbench.workbook.restate.RestatedSheets.quote;

/**
 * The Sensitivity sheet: the three break-even and goal-seek answers as live formulas on the Stress
 * sheet's rows (each lever acts linearly on its own, so Excel solves them in closed form and they
 * move when the yellow inputs change), and the tornado's values as computed at export. Cached values
 * are the engine's answers; a formula says "never" in words where the answer lies outside the
 * lever's range.
 */
final class SensitivitySheet {
    static final int ANSWER_FIRST = 3;
    static final int TORNADO_HEADER = 9;

    private final RestatedSheets.Names names;
    private final RestatedStyles styles;
    private final Levers levers;
    private final Decisions.Summary summary;
    private final int n;

    SensitivitySheet(FinancialModel model, List<Classification> classifications, Levers levers,
                     RestatedSheets.Names names, RestatedStyles styles) {
        this.names = names;
        this.styles = styles;
        this.levers = levers;
        this.n = model.periods().count();
        this.summary = Decisions.summarize(MarginEngine.prepare(model, classifications), levers);
    }

    private String st(int row, int column) {
        return quote(names.stress()) + "!" + abs(row, column);
    }

    /** Stress sheet row, periods only (columns C onwards). */
    private String periods(int row) {
        return quote(names.stress()) + "!$" + SourceRef.columnName(2) + "$" + (row + 1) + ":$"
                + SourceRef.columnName(2 + n - 1) + "$" + (row + 1);
    }

    /** The total column (B) of a Stress sheet row. */
    private String total(int row) {
        return st(row, 1);
    }

    void write(OutputStream stream) throws IOException {
        List<Decisions.TornadoBar> bars = summary.tornado();
        int last = TORNADO_HEADER + bars.size() + 2;
        SheetXmlWriter w = new SheetXmlWriter(stream, 6);
        w.begin(new SheetXmlWriter.Layout(0, 3, new double[] {58, 16, 16, 16, 16, 60}, "FF0F8B8D"), last, 5);
        w.row(0);
        w.text(0, "Sensitivity: where the AI layer breaks even, and what restores it", styles.title);
        w.row(1);
        w.text(0, "Answers follow the yellow inputs on sheet " + names.stress() + "; one lever moves, the others stay"
                + " as set there. A management view, not accounting advice.", styles.text);
        w.row(2);
        String[] heads = {"Question", "Answer", "", "", "", "Formula in words"};
        for (int c = 0; c < heads.length; c++) {
            w.text(c, heads[c], styles.header);
        }
        if (n == 0) {
            w.end(List.of());
            return;
        }
        String var = total(RestatedSheets.S_VARIABLE);
        String llm = names.name("LLMCostChange");
        String price = names.name("PriceChange");
        String share = names.name("HeavyUserShare");
        String buffer = names.name("VarianceBuffer");
        // Σ over periods of (LLM-priced AI cost, buffered where usage-variable) × the LLM price factor
        String lf = "SUMPRODUCT(" + periods(RestatedSheets.S_AI_L) + "," + periods(RestatedSheets.S_LLM_FACTOR) + ")";
        String lvf = "SUMPRODUCT(" + periods(RestatedSheets.S_AI_LV) + "," + periods(RestatedSheets.S_LLM_FACTOR) + ")";
        String llmPart = "(" + lf + "+" + lvf + "*" + var + ")";
        String fixedPart = "(" + total(RestatedSheets.S_AI_N) + "+" + total(RestatedSheets.S_AI_V) + "*" + var + ")";
        String revenue = total(RestatedSheets.S_ST_AI_REV);

        // 1. LLM cost change at break-even: R = fixed + (1 + x) · llmPart / (1 + llm)
        String x = "(" + revenue + "-" + fixedPart + ")/(" + llmPart + "/(1+" + llm + "))-1";
        answer(w, ANSWER_FIRST, "LLM cost change at which the stressed AI layer breaks even",
                "IF(" + revenue + "=0,\"not available\"," + guard(llmPart + "=0", "no LLM-priced AI cost", x,
                        LeverAxis.LLM_COST) + ")",
                summary.breakEvenLlmCost(), styles.percent,
                "(stressed AI revenue − other AI cost) ÷ LLM-priced AI cost at today's prices − 1");

        // 2. price change restoring the unstressed AI-layer margin t: (1 + p) · R0 · (1 − t) = C
        String r0 = "(" + total(RestatedSheets.S_AI_FLAT) + "+" + total(RestatedSheets.S_AI_USAGE) + "*"
                + st(RestatedSheets.S_HEAVY, 1) + ")";
        String t = names.name("AILayerGM");
        String p = total(RestatedSheets.S_ST_AI) + "/(" + r0 + "*(1-" + t + "))-1";
        answer(w, ANSWER_FIRST + 1, "AI price change that restores the unstressed AI-layer margin",
                "IF(NOT(ISNUMBER(" + t + ")),\"not available\"," + guard(r0 + "*(1-" + t + ")<=0", "not available", p,
                        LeverAxis.PRICE_CHANGE) + ")",
                summary.priceToRestoreAiLayer(), styles.percent,
                "stressed AI cost ÷ (AI revenue before the price change × (1 − unstressed AI-layer margin)) − 1");

        // 3. heavy-user multiplier at break-even: factor h solves (flat + usage·h)(1+price) = N + ΣL·F + buffer·h·(V + ΣLV·F)
        String denominator = "(" + total(RestatedSheets.S_AI_USAGE) + "*(1+" + price + ")-" + buffer + "*("
                + total(RestatedSheets.S_AI_V) + "+" + lvf + "))";
        String h = "((" + total(RestatedSheets.S_AI_N) + "+" + lf + "-" + total(RestatedSheets.S_AI_FLAT) + "*(1+"
                + price + "))/" + denominator + ")";
        String f = "IF(" + share + "=0," + LeverAxis.ASSUMED_HEAVY_SHARE + "," + share + ")";
        String m = "(" + h + "-(1-" + f + "))/" + f;
        answer(w, ANSWER_FIRST + 2, "Heavy-user multiplier at which the stressed AI layer breaks even"
                        + (levers.heavyUserShare() == 0 ? " (at an assumed 10% share while the share is 0)" : ""),
                "IF((" + total(RestatedSheets.S_AI_FLAT) + "+" + total(RestatedSheets.S_AI_USAGE) + ")*(1+" + price
                        + ")=0,\"not available\"," + guard(denominator + "=0", "no effect", m,
                        LeverAxis.HEAVY_MULTIPLIER) + ")",
                summary.breakEvenHeavyMultiplier(), styles.factor,
                "heavy-user factor at break-even, then (factor − (1 − share)) ÷ share");

        w.row(ANSWER_FIRST + 4);
        w.text(0, "Each answer in words, as the window and the board pack say it:", styles.section);
        w.row(ANSWER_FIRST + 5);
        w.text(0, summary.breakEvenLlmCost().sentence() + " " + summary.priceToRestoreAiLayer().sentence() + " "
                + summary.breakEvenHeavyMultiplier().sentence(), styles.text);

        w.row(TORNADO_HEADER - 1);
        w.text(0, "Tornado: the stressed AI-layer margin with one lever at its low and high value (values at export)",
                styles.section);
        w.row(TORNADO_HEADER);
        String[] th = {"Lever", "Low", "High", "Margin at low", "Margin at high", "Note"};
        for (int c = 0; c < th.length; c++) {
            w.text(c, th[c], styles.header);
        }
        for (int i = 0; i < bars.size(); i++) {
            Decisions.TornadoBar b = bars.get(i);
            w.row(TORNADO_HEADER + 1 + i);
            w.text(0, b.lever().label(), styles.text);
            int style = b.lever().isPercent() ? styles.percent : styles.factor;
            w.number(1, b.low(), style);
            w.number(2, b.high(), style);
            margin(w, 3, b.marginAtLow());
            margin(w, 4, b.marginAtHigh());
            w.text(5, b.context(), styles.text);
        }
        w.end(List.of());
    }

    private void margin(SheetXmlWriter w, int col, double v) throws IOException {
        if (Double.isFinite(v)) {
            w.number(col, v, styles.percent);
        } else {
            w.text(col, "n/a", styles.text);
        }
    }

    /** IF(bad, "reason", IF(outside the range, "never within ...", value)). */
    private static String guard(String bad, String reason, String value, LeverAxis a) {
        // at a price change of -100% there is no revenue, so no margin to reach
        String below = a == LeverAxis.PRICE_CHANGE ? "<=" : "<";
        return "IF(" + bad + ",\"" + reason + "\",IF(OR((" + value + ")" + below + a.min() + ",(" + value + ")>" + a.max()
                + "),\"never within " + a.format(a.min()) + " to " + a.format(a.max()) + "\"," + value + "))";
    }

    private void answer(SheetXmlWriter w, int row, String question, String formula, GoalSeek.Result r, int style,
                        String words) throws IOException {
        w.row(row);
        w.text(0, question, styles.text);
        if (r.found()) {
            w.formula(1, formula, r.value(), style);
        } else {
            // where the engine finds no answer the cell says so as a value: the edge cases (no revenue at
            // the root, a lever without effect) are the engine's to judge, not a second copy of its rules
            String cached = switch (r.status()) {
                case NEVER_IN_RANGE -> "never within " + r.lever().format(r.min()) + " to " + r.lever().format(r.max());
                case NO_EFFECT -> r.lever() == LeverAxis.LLM_COST ? "no LLM-priced AI cost" : "no effect";
                default -> "not available";
            };
            w.text(1, cached + " (at export)", styles.text);
        }
        w.text(5, words, styles.text);
    }
}
