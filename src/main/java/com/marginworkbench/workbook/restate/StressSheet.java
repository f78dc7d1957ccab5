package com.marginworkbench.workbook.restate;

import com.marginworkbench.margin.EngineSums;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.StressWalk;
import com.marginworkbench.model.Layer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The Stress sheet: the lever inputs (one row per lever of the catalogue), the stressed figures per period
 * as formulas over the Classification sheet, the walk from restated to stressed, and the scenarios.
 */
final class StressSheet extends RestatedSheets {
    StressSheet(RestatedSheets context) {
        super(context);
    }

    void write(OutputStream stream) throws IOException {
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

}
