package com.marginworkbench.ui.grid;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.ui.workbench.Format;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.function.DoubleFunction;

/**
 * The totals under the grids, in one row: revenue (all, AI, software), cost of revenue (all, AI
 * layer) and gross margin, each as "reported → restated" where the two differ. It prints what the
 * engine computed: in full when the row is wide enough, else in the short money form ("13.58 M")
 * and then with short captions; each figure's tooltip always gives it in full.
 */
public final class TotalsView extends HBox {
    private static final String[] CAPTIONS = {"Revenue", "AI revenue", "Software revenue", "Cost of revenue",
        "AI-layer cost", "Gross margin"};
    private static final String[] SHORT_CAPTIONS = {"Revenue", "AI", "Software", "COGS", "AI COGS", "GM"};
    private static final String[] ROWS = {"reported", "restated"};

    /** How the row is written, widest first; the first that fits the width is used. */
    private enum Form {
        FULL(true, false, 16, 5, true), SHORT(false, false, 16, 5, true), TIGHT(false, true, 8, 4, true),
        BARE(false, true, 8, 4, false);

        /** Amounts in full ("13,578,000"), else in the short money form ("13.58 M"). */
        final boolean fullAmounts;
        /** Captions short ("COGS"), else whole ("Cost of revenue"). */
        final boolean shortCaptions;
        /** Space between two figures, and within one (caption, reported, arrow, restated). */
        final double spacing;
        final double inner;
        /** Whether the row starts with its title "Totals" (each figure's tooltip names it either way). */
        final boolean titled;

        Form(boolean fullAmounts, boolean shortCaptions, double spacing, double inner, boolean titled) {
            this.fullAmounts = fullAmounts;
            this.shortCaptions = shortCaptions;
            this.spacing = spacing;
            this.inner = inner;
            this.titled = titled;
        }
    }

    private final Label title = new Label("Totals");
    private final Label[] captions = new Label[CAPTIONS.length];
    private final Label[][] cells = new Label[2][CAPTIONS.length];
    private final Label[] arrows = new Label[CAPTIONS.length];
    private final Tooltip[] tips = new Tooltip[CAPTIONS.length];
    /** The figures in full, as the engine computed them: [row][column]; NaN for a margin shown as text. */
    private final double[][] amounts = new double[2][CAPTIONS.length];
    private final String[][] full = new String[2][CAPTIONS.length];

    private final ObservableValue<String> withheld;
    private MarginResult shown;
    private Form form;

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
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        title.getStyleClass().add("totals-title");
        title.managedProperty().bind(title.visibleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.setTooltip(new Tooltip("Totals of the whole workbook: reported → restated where the two differ"));
        getChildren().add(title);
        for (int c = 0; c < CAPTIONS.length; c++) {
            captions[c] = label("totals-head", null);
            arrows[c] = label("totals-arrow", null);
            arrows[c].setText("→");
            for (int r = 0; r < 2; r++) {
                cells[r][c] = label("totals-value", "total-" + ROWS[r] + "-" + c);
                cells[r][c].setText("—");
            }
            // Only the restated figure when the reported one is the same.
            cells[0][c].managedProperty().bind(cells[0][c].visibleProperty());
            arrows[c].visibleProperty().bind(cells[0][c].visibleProperty());
            arrows[c].managedProperty().bind(cells[0][c].visibleProperty());
            HBox item = new HBox(5, captions[c], cells[0][c], arrows[c], cells[1][c]);
            item.setAlignment(Pos.BASELINE_LEFT);
            item.getStyleClass().add("totals-item");
            item.setMinWidth(Region.USE_PREF_SIZE);
            tips[c] = new Tooltip();
            Tooltip.install(item, tips[c]);
            getChildren().add(item);
        }
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        result.addListener((obs, o, n) -> show(n));
        withheld.addListener((obs, o, n) -> show(shown));
        show(result.getValue());
    }

    private static Label label(String style, String id) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    /** The label that shows a figure: row 0 reported, 1 restated; column 0 revenue … 5 gross margin. */
    public Label cell(int row, int column) {
        return cells[row][column];
    }

    /** A figure in full, whatever form the row shows it in: row 0 reported, 1 restated; column 0 … 5. */
    public String figure(int row, int column) {
        return full[row][column];
    }

    private void show(MarginResult r) {
        shown = r;
        if (r == null) {
            for (int c = 0; c < CAPTIONS.length; c++) {
                for (int k = 0; k < 2; k++) {
                    amounts[k][c] = Double.NaN;
                    full[k][c] = "—";
                }
            }
        } else {
            Figures t = r.total();
            boolean hide = withheld.getValue() != null && !withheld.getValue().isEmpty();
            set(0, t.revenue(), t.aiRevenue(), t.softwareRevenue(), t.reportedCogs(), t.reportedAiCogs(),
                    hide ? "withheld" : Format.percent(t.reportedBlended()));
            set(1, t.revenue(), t.aiRevenue(), t.softwareRevenue(), t.restatedCogs(), t.restatedAiCogs(),
                    hide ? "withheld" : Format.percent(t.restatedBlended()));
        }
        for (int c = 0; c < CAPTIONS.length; c++) {
            boolean same = full[0][c].equals(full[1][c]);
            cells[0][c].setVisible(!same);
            tips[c].setText(CAPTIONS[c] + ": " + (same ? full[1][c] + ", reported and restated"
                    : full[0][c] + " reported → " + full[1][c] + " restated"));
        }
        form = null;
        requestLayout();
    }

    private void set(int row, double revenue, double ai, double software, double cogs, double aiCogs, String gm) {
        double[] values = {revenue, ai, software, cogs, aiCogs, Double.NaN};
        for (int c = 0; c < values.length; c++) {
            amounts[row][c] = values[c];
            full[row][c] = c == values.length - 1 ? gm : Format.amount(values[c]);
        }
    }

    /** Writes the row in a form: captions and figures. */
    private void apply(Form f) {
        if (f == form) {
            return;
        }
        form = f;
        setSpacing(f.spacing);
        title.setVisible(f.titled);
        for (Label caption : captions) {
            ((HBox) caption.getParent()).setSpacing(f.inner);
        }
        DoubleFunction<String> money = f.fullAmounts ? Format::amount : Format::money;
        for (int c = 0; c < CAPTIONS.length; c++) {
            captions[c].setText(f.shortCaptions ? SHORT_CAPTIONS[c] : CAPTIONS[c]);
            for (int r = 0; r < 2; r++) {
                double v = amounts[r][c];
                cells[r][c].setText(Double.isNaN(v) ? full[r][c] : money.apply(v));
            }
        }
    }

    /** As narrow as its parent wants: the row changes form to fit, and is clipped past the tightest. */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    /**
     * Writes the row in the widest form that fits the width, the tightest when none does, then lays
     * it out. Forms are measured off the scene, so choosing one changes the labels at most once.
     */
    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        Form chosen = Form.BARE;
        for (Form f : Form.values()) {
            if (width(f) <= w) {
                chosen = f;
                break;
            }
        }
        apply(chosen);
        super.layoutChildren();
    }

    /** The row's width written in a form, measured with a detached text in the labels' fonts. */
    private double width(Form f) {
        double w = 0;
        int shownChildren = CAPTIONS.length + (f.titled ? 1 : 0);
        w += f.spacing * Math.max(0, shownChildren - 1);
        w += f.titled ? textWidth(title, title.getText()) : 0;
        DoubleFunction<String> money = f.fullAmounts ? Format::amount : Format::money;
        for (int c = 0; c < CAPTIONS.length; c++) {
            HBox item = (HBox) captions[c].getParent();
            w += textWidth(captions[c], f.shortCaptions ? SHORT_CAPTIONS[c] : CAPTIONS[c]);
            int parts = 2;
            for (int r = 0; r < 2; r++) {
                if (r == 0 && !cells[0][c].isVisible()) {
                    continue;
                }
                double v = amounts[r][c];
                w += textWidth(cells[r][c], Double.isNaN(v) ? full[r][c] : money.apply(v));
                if (r == 0) {
                    w += textWidth(arrows[c], arrows[c].getText());
                    parts += 2;
                }
            }
            w += f.inner * (parts - 1) + item.snappedLeftInset() + item.snappedRightInset();
        }
        return Math.ceil(w);
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    private double textWidth(Label l, String text) {
        measure.setFont(l.getFont());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth() + l.snappedLeftInset() + l.snappedRightInset() + 1;
    }
}
