package com.marginworkbench.ui.grid;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.ui.workbench.Format;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The totals under the grids: revenue (all, AI, software), cost of revenue (all, AI layer) and gross
 * margin, once as the workbook reports them and once restated. It prints what the engine computed.
 */
public final class TotalsView extends GridPane {
    private static final String[] HEADS = {"Totals", "Revenue", "AI revenue", "Software revenue", "Cost of revenue",
        "AI-layer cost", "Gross margin"};

    private final Label[][] cells = new Label[2][HEADS.length - 1];

    private final ObservableValue<String> withheld;
    private MarginResult shown;

    public TotalsView(ObservableValue<MarginResult> result) {
        this(result, new javafx.beans.property.SimpleStringProperty(""));
    }

    /**
     * @param withheld why the margins are not fit to show ("" when they are): the gross margins
     *                 then read "withheld", as in the headline strip, and the amounts stay
     */
    public TotalsView(ObservableValue<MarginResult> result, ObservableValue<String> withheld) {
        this.withheld = withheld;
        getStyleClass().add("totals");
        setId("totals");
        setHgap(14);
        setVgap(2);
        for (int c = 0; c < HEADS.length; c++) {
            Label h = new Label(HEADS[c]);
            h.getStyleClass().add(c == 0 ? "totals-title" : "totals-head");
            add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setHgrow(c == 0 ? Priority.NEVER : Priority.SOMETIMES);
            getColumnConstraints().add(cc);
        }
        String[] rowNames = {"Reported", "Restated"};
        for (int r = 0; r < 2; r++) {
            Label name = new Label(rowNames[r]);
            name.getStyleClass().add("totals-row-name");
            add(name, 0, r + 1);
            for (int c = 0; c < HEADS.length - 1; c++) {
                Label v = new Label("—");
                v.getStyleClass().add("totals-value");
                v.setId("total-" + rowNames[r].toLowerCase(java.util.Locale.ROOT) + "-" + c);
                cells[r][c] = v;
                add(v, c + 1, r + 1);
            }
        }
        result.addListener((obs, o, n) -> show(n));
        withheld.addListener((obs, o, n) -> show(shown));
        show(result.getValue());
    }

    /** The label that shows a figure: row 0 reported, 1 restated; column 0 revenue … 5 gross margin. */
    public Label cell(int row, int column) {
        return cells[row][column];
    }

    private void show(MarginResult r) {
        shown = r;
        if (r == null) {
            for (Label[] row : cells) {
                for (Label l : row) {
                    l.setText("—");
                }
            }
            return;
        }
        Figures t = r.total();
        boolean hide = withheld.getValue() != null && !withheld.getValue().isEmpty();
        set(0, t.revenue(), t.aiRevenue(), t.softwareRevenue(), t.reportedCogs(), t.reportedAiCogs(),
                hide ? "withheld" : Format.percent(t.reportedBlended()));
        set(1, t.revenue(), t.aiRevenue(), t.softwareRevenue(), t.restatedCogs(), t.restatedAiCogs(),
                hide ? "withheld" : Format.percent(t.restatedBlended()));
    }

    private void set(int row, double revenue, double ai, double software, double cogs, double aiCogs, String gm) {
        Label[] c = cells[row];
        c[0].setText(Format.amount(revenue));
        c[1].setText(Format.amount(ai));
        c[2].setText(Format.amount(software));
        c[3].setText(Format.amount(cogs));
        c[4].setText(Format.amount(aiCogs));
        c[5].setText(gm);
    }
}
