package com.marginworkbench.samples;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static com.marginworkbench.model.SourceRef.columnName;

/**
 * Two workbooks laid out the way clients send them, nothing like the product's own model: the
 * reader has to find the table, the periods, the sections and the units by itself.
 *
 * <ul>
 *   <li>{@value #PNL_FILE}: one P&amp;L sheet with a merged title block, monthly date columns and a
 *       full-year column, section headings, subtotals, gross profit and margin rows, vendor-named
 *       lines, numbers typed as text, a refund typed in brackets and a credit line.</li>
 *   <li>{@value #COSTS_FILE}: notes sheets first, a hidden lookup sheet, and the cost table on the
 *       fourth sheet starting at D8 with quarterly text headers, amounts in USD thousands, blank
 *       rows, a revenue block and Cost type / Layer columns filled on a few lines only.</li>
 * </ul>
 */
final class ClientWorkbooks {
    static final String PNL_FILE = "client-pnl-acme.xlsx";
    static final String COSTS_FILE = "client-costs-quarterly.xlsx";

    private static final String AMOUNT = "#,##0;(#,##0);\"-\"";
    private static final String THOUSANDS = "#,##0.0;(#,##0.0);\"-\"";

    private ClientWorkbooks() {
    }

    // ---------------------------------------------------------------- Acme P&L

    /** One line of the Acme P&L: a label and twelve monthly amounts; text cells hold typed text. */
    private record Line(String label, Object[] months) {
    }

    static XSSFWorkbook acmePnl() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        XSSFSheet sh = wb.createSheet("P&L");
        int lastCol = 13; // A label, B..M months, N full year
        XSSFRow r0 = sh.createRow(0);
        cell(r0, 0, "Acme Analytics, Inc.", st.title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        XSSFRow r1 = sh.createRow(1);
        cell(r1, 0, "Income statement - fiscal year 2026 - management accounts (unaudited)", st.subtitle);
        sh.addMergedRegion(new CellRangeAddress(1, 1, 0, lastCol));
        cell(sh.createRow(2), 0, "All figures in USD", st.subtitle);

        XSSFRow h = sh.createRow(4);
        cell(h, 0, "", st.header);
        for (int m = 0; m < 12; m++) {
            XSSFCell c = h.createCell(1 + m);
            c.setCellValue(LocalDate.of(2026, 1 + m, 1));
            c.setCellStyle(st.headerDate);
        }
        cell(h, lastCol, "FY 2026", st.headerRight);

        int[] row = {5};
        heading(sh, row, "Revenue", st);
        int revFirst = row[0];
        line(sh, row, new Line("Subscription revenue", grow(410_000, 0.02, 100)), st);
        line(sh, row, new Line("AI assistant revenue (usage-based)", grow(62_000, 0.06, 100)), st);
        line(sh, row, new Line("Professional services", ints(18_000, 12_000, 25_000, 9_000, 15_000, 20_000, 11_000,
                16_000, 24_000, 14_000, 19_000, 27_000)), st);
        int revTotal = subtotal(sh, row, "Total revenue", revFirst, row[0] - 1, st);
        row[0]++;

        heading(sh, row, "Cost of revenue", st);
        int cogsFirst = row[0];
        line(sh, row, new Line("AWS hosting - production", grow(21_500, 0.02, 10)), st);
        line(sh, row, new Line("AWS promotional credits", ints(-5_000, -5_000, -5_000, -5_000, -5_000, -5_000, 0, 0, 0,
                0, 0, 0)), st);
        // Pasted from the support vendor's CSV: typed as text, so the client's own SUM skips it.
        line(sh, row, new Line("Zendesk (customer support)", texts("3,450", "3,450", "3,450", "3,450", "3,450",
                "3,450", "3,820", "3,820", "3,820", "3,820", "3,820", "3,820")), st);
        line(sh, row, new Line("Stripe fees", stripeFees()), st);
        int cogsTotal = subtotal(sh, row, "Total cost of revenue", cogsFirst, row[0] - 1, st);
        row[0]++;
        int gp = formulaRow(sh, row, "Gross profit", c -> c + (revTotal + 1) + "-" + c + (cogsTotal + 1), st.totalAmount,
                st.totalLabel);
        formulaRow(sh, row, "Gross margin %", c -> "IF(" + c + (revTotal + 1) + "=0,0," + c + (gp + 1) + "/" + c
                + (revTotal + 1) + ")", st.pct, st.label, true);
        row[0]++;

        heading(sh, row, "Operating expenses", st);
        subheading(sh, row, "Research & development", st);
        int rndFirst = row[0];
        line(sh, row, new Line("OpenAI API - production", grow(24_800, 0.07, 10)), st);
        line(sh, row, new Line("Pinecone (vector DB, production retrieval)", ints(3_900, 3_900, 3_900, 3_900, 3_900,
                3_900, 4_600, 4_600, 4_600, 4_600, 4_600, 4_600)), st);
        line(sh, row, new Line("Scale AI labeling", ints(12_000, 12_000, 12_000, 8_000, 8_000, 8_000, 8_000, 8_000,
                8_000, 8_000, 8_000, 8_000)), st);
        line(sh, row, new Line("Lambda Labs GPUs - model training", ints(0, 0, 45_000, 38_000, 0, 0, 0, 0, 0, 0, 0,
                0)), st);
        line(sh, row, new Line("Engineering salaries", ints(265_000, 265_000, 265_000, 281_000, 281_000, 281_000,
                296_000, 296_000, 296_000, 304_000, 304_000, 304_000)), st);
        int rnd = subtotal(sh, row, "Total research & development", rndFirst, row[0] - 1, st);
        subheading(sh, row, "Sales & marketing", st);
        int smFirst = row[0];
        line(sh, row, new Line("Google Ads", ints(38_000, 38_000, 38_000, 38_000, 38_000, 38_000, 38_000, 38_000,
                38_000, 38_000, 38_000, 38_000)), st);
        line(sh, row, new Line("OpenAI API - free trial users", grow(4_100, 0.05, 10)), st);
        line(sh, row, new Line("Sales salaries", ints(142_000, 142_000, 142_000, 142_000, 151_000, 151_000, 151_000,
                151_000, 160_000, 160_000, 160_000, 160_000)), st);
        int sm = subtotal(sh, row, "Total sales & marketing", smFirst, row[0] - 1, st);
        subheading(sh, row, "General & administrative", st);
        int gaFirst = row[0];
        line(sh, row, new Line("Anthropic API - internal tools", grow(2_300, 0.03, 10)), st);
        // March carries a refund for an overbilled quarter, typed by hand in brackets.
        line(sh, row, new Line("Datadog", new Object[]{6_400, 6_400, "(1,200)", 6_400, 6_400, 6_400, 6_900, 6_900,
                6_900, 6_900, 6_900, 6_900}), st);
        line(sh, row, new Line("Office rent", ints(28_000, 28_000, 28_000, 28_000, 28_000, 28_000, 28_000, 28_000,
                28_000, 28_000, 28_000, 28_000)), st);
        int ga = subtotal(sh, row, "Total general & administrative", gaFirst, row[0] - 1, st);
        int opex = formulaRow(sh, row, "Total operating expenses", c -> c + (rnd + 1) + "+" + c + (sm + 1) + "+" + c
                + (ga + 1), st.totalAmount, st.totalLabel);
        row[0]++;
        int ebitda = formulaRow(sh, row, "EBITDA", c -> c + (gp + 1) + "-" + c + (opex + 1), st.totalAmount,
                st.totalLabel);
        formulaRow(sh, row, "EBITDA margin %", c -> "IF(" + c + (revTotal + 1) + "=0,0," + c + (ebitda + 1) + "/" + c
                + (revTotal + 1) + ")", st.pct, st.label, true);

        sh.setColumnWidth(0, 44 * 256);
        for (int c = 1; c <= 12; c++) {
            sh.setColumnWidth(c, 11 * 256);
        }
        sh.setColumnWidth(lastCol, 13 * 256);
        sh.createFreezePane(1, 5);
        return wb;
    }

    private static Object[] stripeFees() {
        Object[] sub = grow(410_000, 0.02, 100);
        Object[] ai = grow(62_000, 0.06, 100);
        Object[] out = new Object[12];
        for (int i = 0; i < 12; i++) {
            out[i] = (int) Math.round(0.029 * ((Integer) sub[i] + (Integer) ai[i]));
        }
        return out;
    }

    private static void heading(XSSFSheet sh, int[] row, String text, Styles st) {
        cell(sh.createRow(row[0]++), 0, text, st.heading);
    }

    private static void subheading(XSSFSheet sh, int[] row, String text, Styles st) {
        cell(sh.createRow(row[0]++), 0, text, st.subheading);
    }

    private static void line(XSSFSheet sh, int[] row, Line line, Styles st) {
        XSSFRow r = sh.createRow(row[0]);
        cell(r, 0, "  " + line.label(), st.label);
        for (int m = 0; m < 12; m++) {
            Object v = line.months()[m];
            XSSFCell c = r.createCell(1 + m);
            if (v instanceof String s) {
                c.setCellValue(s);
                c.setCellStyle(st.textAmount);
            } else {
                c.setCellValue(((Number) v).doubleValue());
                c.setCellStyle(st.amount);
            }
        }
        int excel = row[0] + 1;
        XSSFCell fy = r.createCell(13);
        fy.setCellFormula("SUM(B" + excel + ":M" + excel + ")");
        fy.setCellStyle(st.amount);
        row[0]++;
    }

    private static int subtotal(XSSFSheet sh, int[] row, String label, int first, int last, Styles st) {
        return formulaRow(sh, row, label, c -> "SUM(" + c + (first + 1) + ":" + c + (last + 1) + ")", st.totalAmount,
                st.totalLabel);
    }

    private static int formulaRow(XSSFSheet sh, int[] row, String label, java.util.function.Function<String, String> f,
                                  CellStyle numberStyle, CellStyle labelStyle) {
        return formulaRow(sh, row, label, f, numberStyle, labelStyle, false);
    }

    /** A row of formulas B..M; the full-year column sums them, or applies the same formula for a ratio. */
    private static int formulaRow(XSSFSheet sh, int[] row, String label, java.util.function.Function<String, String> f,
                                  CellStyle numberStyle, CellStyle labelStyle, boolean ratio) {
        int index = row[0]++;
        XSSFRow r = sh.createRow(index);
        cell(r, 0, label, labelStyle);
        for (int m = 0; m <= 12; m++) {
            String col = columnName(1 + m);
            XSSFCell c = r.createCell(1 + m);
            c.setCellFormula(m < 12 || ratio ? f.apply(col) : "SUM(B" + (index + 1) + ":M" + (index + 1) + ")");
            c.setCellStyle(numberStyle);
        }
        return index;
    }

    // ---------------------------------------------------------------- Borealis quarterly costs

    /** A line of the quarterly table: label, optional cost type and layer, four quarters in USD thousands. */
    private record Quarterly(String label, String costType, String layer, double[] quarters) {
    }

    static XSSFWorkbook quarterlyCosts() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);

        XSSFSheet readMe = wb.createSheet("Read me");
        String[] notes = {
                "Borealis Health AI - FY26 budget pack",
                "",
                "This pack goes to the audit committee with the quarterly budget.",
                "Costs by quarter are on the sheet 'Costs by quarter'; amounts there are in USD thousands.",
                "Vendor-to-department mapping lives on a hidden sheet used by the finance team.",
                "Fiscal year FY26 runs from 1 April 2025 to 31 March 2026.",
                "",
                "Contact: finance@borealis-health.example"};
        for (int i = 0; i < notes.length; i++) {
            cell(readMe.createRow(i), 0, notes[i], i == 0 ? st.title : st.label);
        }
        readMe.setColumnWidth(0, 90 * 256);

        XSSFSheet board = wb.createSheet("Board notes");
        cell(board.createRow(0), 0, "Board notes - Q4 FY25 meeting", st.title);
        String[][] kpis = {
                {"Clinics live", "148"}, {"Patients triaged per month", "61,000"},
                {"Net revenue retention", "118%"}, {"Audit status", "Unqualified opinion, FY24"}};
        cell(board.createRow(2), 0, "Highlights", st.heading);
        for (int i = 0; i < kpis.length; i++) {
            XSSFRow r = board.createRow(3 + i);
            cell(r, 0, kpis[i][0], st.label);
            cell(r, 1, kpis[i][1], st.label);
        }
        cell(board.createRow(9), 0, "Actions: renegotiate the Azure commitment before Q2; review clinician "
                + "staffing for the AI summaries.", st.label);
        board.setColumnWidth(0, 40 * 256);
        board.setColumnWidth(1, 28 * 256);

        XSSFSheet lookup = wb.createSheet("Lookup");
        String[][] map = {{"Vendor", "Department"}, {"Microsoft Azure", "Engineering"}, {"Intercom", "Support"},
                {"CoreWeave", "Research"}, {"Labelbox", "Research"}, {"Weaviate", "Engineering"},
                {"OpenAI", "Company-wide"}};
        for (int i = 0; i < map.length; i++) {
            XSSFRow r = lookup.createRow(i);
            cell(r, 0, map[i][0], i == 0 ? st.header : st.label);
            cell(r, 1, map[i][1], i == 0 ? st.header : st.label);
        }
        wb.setSheetHidden(wb.getSheetIndex(lookup), true);

        XSSFSheet sh = wb.createSheet("Costs by quarter");
        int c0 = 3; // table starts in column D
        cell(row(sh, 1), c0, "Borealis Health AI - revenue and costs by quarter, FY26 budget", st.title);
        cell(row(sh, 2), c0, "USD thousands", st.subtitle);
        cell(row(sh, 3), c0, "Draft 3 - prepared by Finance", st.subtitle);
        XSSFRow h = row(sh, 7);
        String[] head = {"Line", "Cost type", "Layer", "Q1 FY26", "Q2 FY26", "Q3 FY26", "Q4 FY26", "FY26 total"};
        for (int i = 0; i < head.length; i++) {
            cell(h, c0 + i, head[i], i >= 3 ? st.headerRight : st.header);
        }
        int[] r = {8};
        qHeading(sh, r, "Revenue", st, c0);
        int revFirst = r[0];
        qLine(sh, r, new Quarterly("Platform licences", null, null, q(1_240.0, 1_296.5, 1_352.0, 1_410.5)), st, c0);
        qLine(sh, r, new Quarterly("AI triage add-on", null, "AI", q(310.0, 352.5, 401.0, 455.5)), st, c0);
        qTotal(sh, r, "Total revenue", revFirst, r[0] - 1, st, c0);
        r[0] += 2; // two blank rows, as the client left them

        qHeading(sh, r, "Cost of revenue", st, c0);
        int cogsFirst = r[0];
        qLine(sh, r, new Quarterly("Azure OpenAI - patient triage (production)", "Customer-facing inference", "AI",
                q(148.2, 171.9, 196.4, 224.8)), st, c0);
        qLine(sh, r, new Quarterly("Clinician review of AI summaries", "Human-in-the-loop (delivery)", "AI",
                q(42.0, 47.5, 53.0, 58.5)), st, c0);
        qLine(sh, r, new Quarterly("Azure hosting - production", null, null, q(96.4, 99.1, 102.3, 105.8)), st, c0);
        qLine(sh, r, new Quarterly("Intercom support", null, null, q(18.6, 18.6, 19.4, 19.4)), st, c0);
        qTotal(sh, r, "Total cost of revenue", cogsFirst, r[0] - 1, st, c0);
        r[0]++;

        qHeading(sh, r, "Operating expenses", st, c0);
        int opexFirst = r[0];
        qSub(sh, r, "R&D", st, c0);
        qLine(sh, r, new Quarterly("GPU cluster - model training (CoreWeave)", null, null, q(220.0, 0.0, 180.0, 0.0)),
                st, c0);
        qLine(sh, r, new Quarterly("Labelbox annotation", null, null, q(64.0, 58.0, 52.0, 52.0)), st, c0);
        qLine(sh, r, new Quarterly("Weaviate - embedding index build", "Vector DB / RAG data-asset build", "AI",
                q(35.0, 35.0, 12.0, 12.0)), st, c0);
        qLine(sh, r, new Quarterly("R&D salaries", null, null, q(1_020.0, 1_055.0, 1_090.0, 1_125.0)), st, c0);
        r[0]++;
        qSub(sh, r, "S&M", st, c0);
        qLine(sh, r, new Quarterly("Conferences & events", null, null, q(85.0, 40.0, 120.0, 45.0)), st, c0);
        qLine(sh, r, new Quarterly("Free pilot inference (Azure OpenAI)", null, null, q(21.5, 24.0, 26.5, 29.0)), st,
                c0);
        r[0]++;
        qSub(sh, r, "G&A", st, c0);
        qLine(sh, r, new Quarterly("ChatGPT Enterprise seats", null, "AI", q(14.4, 14.4, 16.2, 16.2)), st, c0);
        qLine(sh, r, new Quarterly("Legal & audit", null, null, q(60.0, 35.0, 35.0, 90.0)), st, c0);
        qTotal(sh, r, "Total operating expenses", opexFirst, r[0] - 1, st, c0);

        sh.setColumnWidth(0, 3 * 256);
        sh.setColumnWidth(1, 3 * 256);
        sh.setColumnWidth(2, 3 * 256);
        sh.setColumnWidth(c0, 44 * 256);
        sh.setColumnWidth(c0 + 1, 30 * 256);
        sh.setColumnWidth(c0 + 2, 8 * 256);
        for (int i = 3; i < head.length; i++) {
            sh.setColumnWidth(c0 + i, 12 * 256);
        }

        XSSFSheet fx = wb.createSheet("FX");
        cell(row(fx, 0), 0, "Budget exchange rates", st.title);
        XSSFRow fh = row(fx, 2);
        cell(fh, 0, "Currency", st.header);
        cell(fh, 1, "USD per unit", st.headerRight);
        String[] ccy = {"EUR", "GBP", "CAD"};
        double[] rate = {1.09, 1.27, 0.73};
        for (int i = 0; i < ccy.length; i++) {
            XSSFRow fr = row(fx, 3 + i);
            cell(fr, 0, ccy[i], st.label);
            XSSFCell c = fr.createCell(1);
            c.setCellValue(rate[i]);
        }
        wb.setActiveSheet(wb.getSheetIndex(sh));
        sh.setSelected(true);
        readMe.setSelected(false);
        return wb;
    }

    private static double[] q(double a, double b, double c, double d) {
        return new double[]{a, b, c, d};
    }

    private static void qHeading(XSSFSheet sh, int[] r, String text, Styles st, int c0) {
        cell(row(sh, r[0]++), c0, text, st.heading);
    }

    private static void qSub(XSSFSheet sh, int[] r, String text, Styles st, int c0) {
        cell(row(sh, r[0]++), c0, text, st.subheading);
    }

    private static void qLine(XSSFSheet sh, int[] r, Quarterly line, Styles st, int c0) {
        XSSFRow row = row(sh, r[0]);
        cell(row, c0, line.label(), st.label);
        if (line.costType() != null) {
            cell(row, c0 + 1, line.costType(), st.label);
        }
        if (line.layer() != null) {
            cell(row, c0 + 2, line.layer(), st.label);
        }
        for (int i = 0; i < 4; i++) {
            XSSFCell c = row.createCell(c0 + 3 + i);
            c.setCellValue(line.quarters()[i]);
            c.setCellStyle(st.thousands);
        }
        int excel = r[0] + 1;
        XSSFCell fy = row.createCell(c0 + 7);
        fy.setCellFormula("SUM(" + columnName(c0 + 3) + excel + ":" + columnName(c0 + 6) + excel + ")");
        fy.setCellStyle(st.thousands);
        r[0]++;
    }

    private static void qTotal(XSSFSheet sh, int[] r, String label, int first, int last, Styles st, int c0) {
        XSSFRow row = row(sh, r[0]++);
        cell(row, c0, label, st.totalLabel);
        for (int i = 0; i < 5; i++) {
            String col = columnName(c0 + 3 + i);
            XSSFCell c = row.createCell(c0 + 3 + i);
            c.setCellFormula("SUM(" + col + (first + 1) + ":" + col + (last + 1) + ")");
            c.setCellStyle(st.totalThousands);
        }
    }

    private static XSSFRow row(XSSFSheet sh, int index) {
        XSSFRow r = sh.getRow(index);
        return r != null ? r : sh.createRow(index);
    }

    // ---------------------------------------------------------------- values and cells

    /** Twelve months growing by a rate from a start, rounded to a step, as whole dollars. */
    private static Object[] grow(double start, double rate, int step) {
        Object[] out = new Object[12];
        for (int i = 0; i < 12; i++) {
            out[i] = (int) (Math.round(start * Math.pow(1 + rate, i) / step) * step);
        }
        return out;
    }

    private static Object[] ints(int... v) {
        Object[] out = new Object[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static Object[] texts(String... v) {
        return v.clone();
    }

    private static void cell(XSSFRow r, int col, String text, CellStyle style) {
        XSSFCell c = r.createCell(col);
        c.setCellValue(text);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    /** The few looks a hand-made client sheet has. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle headerRight;
        final CellStyle headerDate;
        final CellStyle heading;
        final CellStyle subheading;
        final CellStyle label;
        final CellStyle totalLabel;
        final CellStyle amount;
        final CellStyle textAmount;
        final CellStyle totalAmount;
        final CellStyle thousands;
        final CellStyle totalThousands;
        final CellStyle pct;
        private final XSSFWorkbook wb;
        private final Map<String, XSSFFont> fonts = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            title = make(null, font(true, false, 16), false, false, HorizontalAlignment.LEFT);
            subtitle = make(null, font(false, true, 11), false, false, HorizontalAlignment.LEFT);
            header = make(null, font(true, false, 11), false, true, HorizontalAlignment.LEFT);
            headerRight = make(null, font(true, false, 11), false, true, HorizontalAlignment.RIGHT);
            headerDate = make("mmm yy", font(true, false, 11), false, true, HorizontalAlignment.RIGHT);
            heading = make(null, font(true, false, 12), false, false, HorizontalAlignment.LEFT);
            subheading = make(null, font(true, true, 11), false, false, HorizontalAlignment.LEFT);
            label = make(null, font(false, false, 11), false, false, HorizontalAlignment.LEFT);
            totalLabel = make(null, font(true, false, 11), true, false, HorizontalAlignment.LEFT);
            amount = make(AMOUNT, font(false, false, 11), false, false, HorizontalAlignment.RIGHT);
            textAmount = make("@", font(false, false, 11), false, false, HorizontalAlignment.RIGHT);
            totalAmount = make(AMOUNT, font(true, false, 11), true, false, HorizontalAlignment.RIGHT);
            thousands = make(THOUSANDS, font(false, false, 11), false, false, HorizontalAlignment.RIGHT);
            totalThousands = make(THOUSANDS, font(true, false, 11), true, false, HorizontalAlignment.RIGHT);
            pct = make("0.0%", font(false, true, 11), false, false, HorizontalAlignment.RIGHT);
        }

        private XSSFFont font(boolean bold, boolean italic, int points) {
            return fonts.computeIfAbsent(bold + "" + italic + points, k -> {
                XSSFFont f = wb.createFont();
                f.setBold(bold);
                f.setItalic(italic);
                f.setFontHeightInPoints((short) points);
                return f;
            });
        }

        private CellStyle make(String format, XSSFFont font, boolean topBorder, boolean bottomBorder,
                               HorizontalAlignment align) {
            CellStyle s = wb.createCellStyle();
            if (format != null) {
                s.setDataFormat(wb.createDataFormat().getFormat(format));
            }
            s.setFont(font);
            if (topBorder) {
                s.setBorderTop(BorderStyle.THIN);
            }
            if (bottomBorder) {
                s.setBorderBottom(BorderStyle.THIN);
            }
            s.setAlignment(align);
            return s;
        }
    }
}
