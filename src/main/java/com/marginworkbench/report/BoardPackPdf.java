package com.marginworkbench.report;

import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.GoalSeek;
import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.margin.StressWalk;
import com.marginworkbench.ui.util.Benchmarks;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Lays a {@link BoardPack} out on two or three pages: headline figures, margin chart, break-even and
 * goal seek, stress walk; then the bridge, the tornado and the lines that moved; then framework,
 * policies, scenario and the method note. Charts are vector drawings; fonts are embedded.
 */
public final class BoardPackPdf {
    /** Page sizes the pack is laid out for. */
    public enum Paper {
        A4, LETTER;

        /**
         * The page size, asked for when a pack is laid out: the command line names a paper before any
         * PDF is written (every command's options are set up at start), and PDFBox's classes are only
         * loaded for a report.
         */
        PDRectangle size() {
            return this == LETTER ? PDRectangle.LETTER : PDRectangle.A4;
        }

        /** "a4" or "letter", any case. */
        public static Paper parse(String s) {
            for (Paper p : values()) {
                if (p.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("'" + s + "' is not a paper size; use a4 or letter");
        }
    }

    static final String METHOD_NOTE = "Method. A management view, not accounting advice. Each cost line is sorted by "
            + "three questions (triggered by a paying customer? needed to deliver what was contracted? varies with "
            + "usage?); three yes answers place it in cost of revenue, otherwise it stays outside gross margin. "
            + "Reported figures use the workbook's own placement; restated figures use the test. The AI layer holds "
            + "AI-feature revenue and the cost of delivering it. Stressed figures apply the scenario's levers; "
            + "break-even and goal-seek values are solved exactly from the same arithmetic, one lever at a time. "
            + "Statutory classification depends on contracts, facts and the auditor's judgment.";

    private static final int INK = DecisionCharts.INK;
    private static final int MUTED = DecisionCharts.MUTED;
    private static final int RULE = DecisionCharts.RULE;
    private static final int NAVY = DecisionCharts.NAVY;
    private static final int BLUE = DecisionCharts.BLUE;
    private static final int GREY = DecisionCharts.GREY;
    private static final int ORANGE = 0xED7D31;
    private static final int RED = DecisionCharts.RED;
    private static final int GREEN = DecisionCharts.GREEN;
    private static final int TILE = 0xF3F5F9;
    private static final int BAND = 0xB08D57;
    private static final int BAND_TEXT = 0x8A6A3A;
    private static final float MARGIN = 40;

    private final BoardPack pack;
    private final Paper paper;
    private PDDocument doc;
    private Fonts fonts;
    private PdfCanvas page;
    private float y;
    private int pageNumber;

    private BoardPackPdf(BoardPack pack, Paper paper) {
        this.pack = pack;
        this.paper = paper;
    }

    /** Writes the pack as a PDF to {@code out} (not closed). */
    public static void write(BoardPack pack, Paper paper, OutputStream out) throws IOException {
        new BoardPackPdf(pack, paper).write(out);
    }

    private void write(OutputStream out) throws IOException {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            fonts = Fonts.load(d);
            PDDocumentInformation info = d.getDocumentInformation();
            info.setTitle("Board pack: " + pack.workbook());
            info.setSubject("Gross margin restated, AI layer, stress and break-even");
            info.setCreator("Margin Workbench");
            Calendar now = Calendar.getInstance();
            info.setCreationDate(now);
            try {
                pageOne();
                pageTwo();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                if (page != null) {
                    page.close();
                }
            }
            d.save(out);
        }
    }

    // ---------------------------------------------------------------- pages

    private float contentWidth() {
        return paper.size().getWidth() - 2 * MARGIN;
    }

    private float bottom() {
        return paper.size().getHeight() - MARGIN - 14;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        page = new PdfCanvas(doc, paper.size(), fonts);
        pageNumber++;
        y = MARGIN;
        page.line(MARGIN, bottom() + 6, MARGIN + contentWidth(), bottom() + 6, RULE, 0.5f, false);
        page.text(MARGIN, bottom() + 16, 7, false, MUTED, "Margin Workbench board pack · " + pack.workbook()
                + " · management view, not accounting advice");
        page.textRight(MARGIN + contentWidth(), bottom() + 16, 7, false, MUTED, "Page " + pageNumber);
    }

    private void ensure(float needed) throws IOException {
        if (y + needed > bottom()) {
            newPage();
        }
    }

    private void pageOne() throws IOException {
        newPage();
        Figures t = pack.total();
        page.text(MARGIN, y + 18, 18, true, NAVY, "Gross margin, restated and stressed");
        y += 32;
        List<String> periods = pack.model().periods().labels();
        String span = periods.isEmpty() ? "" : periods.size() + " periods (" + periods.get(0) + " to "
                + periods.get(periods.size() - 1) + ") · ";
        page.text(MARGIN, y, 9, false, MUTED, page.fit(9, false, pack.workbook() + " · " + span
                + pack.policy().framework().label() + " · " + pack.date(), contentWidth()));
        y += 14;

        String[][] tiles = {
                {"Reported gross margin", BoardPack.pct(t.reportedBlended()), "blended, workbook placement"},
                {"Restated gross margin", BoardPack.pct(t.restatedBlended()), "blended, after the COGS test"},
                {"AI-layer gross margin", BoardPack.pct(t.aiLayer()), "restated, unstressed"},
                {"AI layer, stressed", BoardPack.pct(t.aiLayerStressed()), "blended stressed "
                        + BoardPack.pct(t.restatedBlendedStressed())},
        };
        float gap = 8;
        float tw = (contentWidth() - gap * (tiles.length - 1)) / tiles.length;
        for (int i = 0; i < tiles.length; i++) {
            float x = MARGIN + i * (tw + gap);
            page.fill(x, y, tw, 58, TILE);
            page.fill(x, y, 3, 58, i == 3 ? RED : i == 2 ? ORANGE : i == 1 ? BLUE : GREY);
            page.text(x + 10, y + 14, 8, false, MUTED, tiles[i][0]);
            page.text(x + 10, y + 38, 20, true, INK, tiles[i][1]);
            page.text(x + 10, y + 51, 7, false, MUTED, page.fit(7, false, tiles[i][2], tw - 14));
        }
        y += 70;
        paragraph("Scenario. " + pack.scenario(), 8.5f, false, INK);
        y += 4;

        heading("Gross margin by period");
        marginChart(MARGIN, y, contentWidth(), 165);
        y += 175;

        heading("Break-even and goal seek");
        Decisions.Summary d = pack.decisions();
        for (GoalSeek.Result r : List.of(d.breakEvenLlmCost(), d.priceToRestoreAiLayer(),
                d.breakEvenHeavyMultiplier())) {
            bullet(r.sentence());
        }
        y += 6;

        heading("Stress walk: AI-layer gross margin");
        StressWalk w = d.walk();
        List<String> labels = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        for (StressWalk.Step s : w.steps()) {
            labels.add(s.label());
            deltas.add(s.effect());
        }
        ensure(150);
        DecisionCharts.waterfall(page, MARGIN, y, contentWidth(), 140, "Base AI layer", w.base(), labels, deltas,
                "Stressed", w.stressed());
        y += 150;
    }

    private void pageTwo() throws IOException {
        newPage();
        Figures t = pack.total();
        heading("Margin bridge: reported to restated gross margin (blended)");
        List<String> labels = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        int shown = Math.min(6, pack.moved().size());
        double rest = 0;
        for (int i = 0; i < pack.moved().size(); i++) {
            BoardPack.MovedLine m = pack.moved().get(i);
            if (i < shown) {
                labels.add(m.label());
                deltas.add(m.gmImpact());
            } else {
                rest += m.gmImpact();
            }
        }
        if (pack.moved().size() > shown) {
            labels.add((pack.moved().size() - shown) + " other lines");
            deltas.add(rest);
        }
        DecisionCharts.waterfall(page, MARGIN, y, contentWidth(), 150, "Reported",
                t.reportedBlended().orElse(Double.NaN), labels, deltas, "Restated",
                t.restatedBlended().orElse(Double.NaN));
        y += 160;

        heading("Sensitivity: each lever low and high (AI-layer gross margin, stressed)");
        y += DecisionCharts.tornado(page, MARGIN, y, contentWidth(), pack.decisions().tornado()) + 4;

        Decisions.Grid g = pack.grid();
        heading("Two-way: " + g.x().label() + " × " + g.y().label() + " (AI-layer gross margin, stressed"
                + (g.context().isEmpty() ? "" : ", " + g.context()) + ")");
        y += DecisionCharts.heatMap(page, MARGIN, y, contentWidth(), g.x(), g.xs(), g.y(), g.ys(), g.cells(),
                g.x().get(pack.levers()), g.y().get(pack.levers())) + 8;

        heading("Lines that moved");
        movedTable();

        ensure(90);
        heading("Framework and policies");
        for (String p : pack.policies()) {
            bullet(p);
        }
        y += 4;
        paragraph(METHOD_NOTE, 7.5f, false, MUTED);
    }

    // ---------------------------------------------------------------- text blocks

    private void heading(String s) throws IOException {
        ensure(40);
        page.text(MARGIN, y + 11, 11, true, NAVY, s);
        y += 14;
        page.line(MARGIN, y, MARGIN + contentWidth(), y, RULE, 0.5f, false);
        y += 6;
    }

    private void paragraph(String s, float size, boolean bold, int color) throws IOException {
        for (String line : page.wrap(size, s, contentWidth())) {
            ensure(size + 3);
            page.text(MARGIN, y + size, size, bold, color, line);
            y += size + 3;
        }
    }

    private void bullet(String s) throws IOException {
        List<String> lines = page.wrap(9, s, contentWidth() - 12);
        for (int i = 0; i < lines.size(); i++) {
            ensure(12);
            if (i == 0) {
                page.text(MARGIN + 2, y + 9, 9, true, NAVY, "•");
            }
            page.text(MARGIN + 12, y + 9, 9, false, INK, lines.get(i));
            y += 12;
        }
    }

    // ---------------------------------------------------------------- charts

    /** Reported and restated blended, AI layer and AI layer stressed per period, benchmark bands dotted. */
    private void marginChart(float x, float top, float w, float h) throws IOException {
        List<Figures> periods = pack.result().periods();
        int n = periods.size();
        double[][] series = new double[4][n];
        for (int i = 0; i < n; i++) {
            Figures f = periods.get(i);
            series[0][i] = or(f.reportedBlended());
            series[1][i] = or(f.restatedBlended());
            series[2][i] = or(f.aiLayer());
            series[3][i] = or(f.aiLayerStressed());
        }
        double lo = 0;
        double hi = 1;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        lo = Math.floor(lo * 5) / 5;
        hi = Math.ceil(hi * 5) / 5;
        float plotX = x + 34;
        float plotW = w - 34 - 150;
        float plotH = h - 30;
        Scale sy = new Scale(lo, hi, top + plotH, top);
        for (double g = lo; g <= hi + 1e-9; g += 0.2) {
            float gy = sy.at(g);
            page.line(plotX, gy, plotX + plotW, gy, g == 0 ? MUTED : RULE, 0.4f, false);
            page.textRight(plotX - 4, gy + 3, 7, false, MUTED, String.format(Locale.ROOT, "%.0f%%", g * 100));
        }
        for (Benchmarks.Band b : Benchmarks.BANDS) {
            double v = b.percent() / 100;
            if (v < lo || v > hi) {
                continue;
            }
            float by = sy.at(v);
            page.line(plotX, by, plotX + plotW, by, BAND, 0.5f, true);
            page.text(plotX + plotW + 4, by + 2.5f, 6, false, BAND_TEXT,
                    page.fit(6, false, b.label(), 146));
        }
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? plotX + plotW / 2 : plotX + plotW * i / (n - 1);
        }
        int[] colors = {GREY, BLUE, ORANGE, RED};
        String[] names = {"Reported (blended)", "Restated (blended)", "AI layer", "AI layer, stressed"};
        for (int s = 0; s < 4; s++) {
            float[] ys = new float[n];
            for (int i = 0; i < n; i++) {
                ys[i] = Double.isFinite(series[s][i]) ? sy.at(series[s][i]) : Float.NaN;
            }
            if (n == 1) {
                if (!Float.isNaN(ys[0])) {
                    page.fill(xs[0] - 2, ys[0] - 2, 4, 4, colors[s]);
                }
            } else {
                page.polyline(xs, ys, colors[s], s == 3 ? 1.6f : 1.2f, s == 3);
            }
        }
        // period labels: as many as fit without overlapping
        List<String> labels = pack.model().periods().labels();
        int every = Math.max(1, (int) Math.ceil(n * 34.0 / plotW));
        for (int i = 0; i < n; i += every) {
            page.textCenter(xs[i], top + plotH + 10, 6.5f, false, MUTED, labels.get(i));
        }
        float lx = plotX;
        for (int s = 0; s < 4; s++) {
            page.line(lx, top + h - 4, lx + 14, top + h - 4, colors[s], 1.4f, s == 3);
            page.text(lx + 18, top + h - 1.5f, 7.5f, false, INK, names[s]);
            lx += 22 + page.textWidth(7.5f, false, names[s]) + 12;
        }
        page.text(lx, top + h - 1.5f, 7, false, BAND_TEXT, "- - benchmarks (ICONIQ, Bessemer)");
    }

    /** The moved lines, largest effect first, as many as fit on this page and the next. */
    private void movedTable() throws IOException {
        List<BoardPack.MovedLine> lines = pack.moved();
        if (lines.isEmpty()) {
            paragraph("No line changes place: the workbook already reports cost of revenue as the test does.",
                    9, false, INK);
            return;
        }
        float w = contentWidth();
        float[] cols = {0, w * 0.26f, w * 0.37f, w * 0.46f, w * 0.55f};
        String[] heads = {"Line (source)", "Moved", "Amount", "GM effect", "Why, and the standard"};
        tableHead(cols, heads);
        int printed = 0;
        for (BoardPack.MovedLine m : lines) {
            String why = m.reason() + " (" + m.standards() + ")";
            List<String> whyLines = page.wrap(6.5f, why, w - cols[4]);
            int nLines = Math.min(3, Math.max(1, whyLines.size()));
            float rowH = 4 + 8 * Math.max(2, nLines);
            // the last page keeps room for the framework, the policies and the method note
            if (y + rowH > bottom() - (pageNumber >= 3 ? 150 : 0)) {
                if (pageNumber >= 3) {
                    break;
                }
                newPage();
                tableHead(cols, heads);
            }
            float ry = y;
            page.text(MARGIN, ry + 8, 7, true, INK, page.fit(7, true, m.label(), cols[1] - 6));
            page.text(MARGIN, ry + 16, 6.5f, false, MUTED, page.fit(6.5f, false, m.source(),
                    cols[1] - 6));
            page.text(MARGIN + cols[1], ry + 8, 7, false, INK, m.intoCogs() ? "into COGS" : "out of COGS");
            page.text(MARGIN + cols[1], ry + 16, 6.5f, false, MUTED, page.fit(6.5f, false,
                    m.treatment(), cols[2] - cols[1] - 4));
            page.textRight(MARGIN + cols[3] - 8, ry + 8, 7, false, INK,
                    String.format(Locale.ROOT, "%,.0f", m.amount()));
            page.textRight(MARGIN + cols[4] - 8, ry + 8, 7, false, m.gmImpact() < 0 ? RED : GREEN,
                    BoardPack.points(m.gmImpact()));
            for (int k = 0; k < nLines; k++) {
                String line = k == nLines - 1 && whyLines.size() > nLines
                        ? page.fit(6.5f, false, whyLines.get(k) + " …", w - cols[4]) : whyLines.get(k);
                page.text(MARGIN + cols[4], ry + 8 + k * 8, 6.5f, false, INK, line);
            }
            y += rowH;
            page.line(MARGIN, y - 1, MARGIN + w, y - 1, RULE, 0.3f, false);
            printed++;
        }
        if (printed < lines.size()) {
            y += 2;
            paragraph((lines.size() - printed) + " more lines moved, each smaller in effect; the restated workbook's "
                    + "Margin Bridge sheet lists them all.", 7.5f, false, MUTED);
        }
        y += 8;
    }

    private void tableHead(float[] cols, String[] heads) throws IOException {
        for (int i = 0; i < cols.length; i++) {
            boolean right = i == 2 || i == 3;
            if (right) {
                page.textRight(MARGIN + cols[i + 1] - 8, y + 8, 7, true, MUTED, heads[i]);
            } else {
                page.text(MARGIN + cols[i], y + 8, 7, true, MUTED, heads[i]);
            }
        }
        y += 12;
        page.line(MARGIN, y - 1, MARGIN + contentWidth(), y - 1, MUTED, 0.5f, false);
    }

    private static double or(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : Double.NaN;
    }

    /** Maps a value range onto a span of the page. */
    private record Scale(double lo, double hi, double from, double to) {
        float at(double v) {
            return (float) (from + (to - from) * (v - lo) / (hi - lo));
        }
    }
}
