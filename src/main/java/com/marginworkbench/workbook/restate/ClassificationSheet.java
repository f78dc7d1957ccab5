package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The Classification sheet: one row per line with its source cells, layer, type, the three answers, the
 * treatment and the flags the other sheets sum over; lines the reader could not read below them.
 */
final class ClassificationSheet extends RestatedSheets {
    ClassificationSheet(RestatedSheets context) {
        super(context);
    }

    void write(OutputStream stream, IntConsumer progress) throws IOException {
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
}
