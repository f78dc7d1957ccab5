package com.marginworkbench.workbook.restate;

import com.marginworkbench.margin.BridgeItem;
import com.marginworkbench.margin.Figures;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Margin Bridge sheet: the steps from the reported to the restated and stressed margin.
 */
final class BridgeSheet extends RestatedSheets {
    BridgeSheet(RestatedSheets context) {
        super(context);
    }

    void write(OutputStream stream) throws IOException {
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
