package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.model.Layer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Restated P&L sheet: reported and restated cost of revenue and margins by layer, amortization and
 * credits, the ties back to the reported figures, and the run details.
 */
final class RestatedPlSheet extends RestatedSheets {
    RestatedPlSheet(RestatedSheets context) {
        super(context);
    }

    void write(OutputStream stream) throws IOException {
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
}
