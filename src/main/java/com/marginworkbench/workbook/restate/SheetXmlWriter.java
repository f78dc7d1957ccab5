package com.marginworkbench.workbook.restate;

import com.marginworkbench.model.SourceRef;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams one worksheet part: rows are written as they come and never held, so a sheet of a
 * million cells costs no more memory than one of ten. Strings are written inline (the shared
 * string table of the workbook stays untouched); every formula carries its cached value.
 */
final class SheetXmlWriter {
    private final Writer out;
    private final String[] columnNames;
    private int row = -1;

    /** Frozen panes and column widths of a sheet. */
    record Layout(int frozenColumns, int frozenRows, double[] widths, String tabColor) {
    }

    SheetXmlWriter(OutputStream stream, int columns) {
        this.out = new java.io.BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.columnNames = new String[columns];
        for (int i = 0; i < columns; i++) {
            columnNames[i] = SourceRef.columnName(i);
        }
    }

    void begin(Layout layout, int lastRow, int lastColumn) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        out.write("<worksheet xmlns=\"" + SourcePackage.NS_MAIN + "\" xmlns:r=\"" + SourcePackage.NS_REL + "\">");
        // Printed on one page width (labels and numbers together), as many pages down as needed.
        out.write("<sheetPr>");
        if (layout.tabColor() != null) {
            out.write("<tabColor rgb=\"" + layout.tabColor() + "\"/>");
        }
        out.write("<pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        out.write("<dimension ref=\"A1:" + SourceRef.cellName(Math.max(lastRow, 0), Math.max(lastColumn, 0)) + "\"/>");
        out.write("<sheetViews><sheetView workbookViewId=\"0\">");
        int fc = layout.frozenColumns();
        int fr = layout.frozenRows();
        if (fc > 0 || fr > 0) {
            String topLeft = SourceRef.cellName(fr, fc);
            String pane = fc > 0 && fr > 0 ? "bottomRight" : fc > 0 ? "topRight" : "bottomLeft";
            out.write("<pane");
            if (fc > 0) {
                out.write(" xSplit=\"" + fc + "\"");
            }
            if (fr > 0) {
                out.write(" ySplit=\"" + fr + "\"");
            }
            out.write(" topLeftCell=\"" + topLeft + "\" activePane=\"" + pane + "\" state=\"frozen\"/>");
            out.write("<selection pane=\"" + pane + "\" activeCell=\"" + topLeft + "\" sqref=\"" + topLeft + "\"/>");
        }
        out.write("</sheetView></sheetViews>");
        out.write("<sheetFormatPr defaultRowHeight=\"15\"/>");
        double[] widths = layout.widths();
        if (widths.length > 0) {
            out.write("<cols>");
            for (int i = 0; i < widths.length; i++) {
                out.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i]
                        + "\" customWidth=\"1\"/>");
            }
            out.write("</cols>");
        }
        out.write("<sheetData>");
    }

    /** Starts row {@code r} (0-based); rows must come in increasing order. */
    void row(int r) throws IOException {
        endRow();
        row = r;
        out.write("<row r=\"");
        out.write(Integer.toString(r + 1));
        out.write("\">");
    }

    void row(int r, double height) throws IOException {
        endRow();
        row = r;
        out.write("<row r=\"" + (r + 1) + "\" ht=\"" + height + "\" customHeight=\"1\">");
    }

    private void endRow() throws IOException {
        if (row >= 0) {
            out.write("</row>");
            row = -1;
        }
    }

    private void open(int col, int style, String type) throws IOException {
        out.write("<c r=\"");
        out.write(columnNames[col]);
        out.write(Integer.toString(row + 1));
        out.write('"');
        if (style > 0) {
            out.write(" s=\"");
            out.write(Integer.toString(style));
            out.write('"');
        }
        if (type != null) {
            out.write(" t=\"");
            out.write(type);
            out.write('"');
        }
        out.write('>');
    }

    void text(int col, String value, int style) throws IOException {
        if (value == null || value.isEmpty()) {
            if (style > 0) {
                open(col, style, null);
                out.write("</c>");
            }
            return;
        }
        open(col, style, "inlineStr");
        out.write("<is><t xml:space=\"preserve\">");
        writeEscaped(fitCell(value), true);
        out.write("</t></is></c>");
    }

    /** The most characters Excel keeps in one cell. */
    static final int MAX_CELL_TEXT = 32_767;

    /** Text cut to Excel's limit for a cell, ending with an ellipsis when cut (never half a character pair). */
    static String fitCell(String value) {
        if (value.length() <= MAX_CELL_TEXT) {
            return value;
        }
        int end = MAX_CELL_TEXT - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    void number(int col, double value, int style) throws IOException {
        open(col, style, null);
        if (Double.isFinite(value)) {
            out.write("<v>");
            out.write(number(value));
            out.write("</v>");
        }
        out.write("</c>");
    }

    /** A formula with a numeric cached value. */
    void formula(int col, String formula, double cached, int style) throws IOException {
        if (!Double.isFinite(cached)) {
            formulaText(col, formula, "", style);
            return;
        }
        open(col, style, null);
        out.write("<f>");
        writeEscaped(formula, false);
        out.write("</f><v>");
        out.write(number(cached));
        out.write("</v></c>");
    }

    /** A formula whose cached result is text ("" where a margin has no revenue to divide by). */
    void formulaText(int col, String formula, String cached, int style) throws IOException {
        open(col, style, "str");
        out.write("<f>");
        writeEscaped(formula, false);
        out.write("</f><v>");
        writeEscaped(cached, true);
        out.write("</v></c>");
    }

    void end(List<String> mergedRanges) throws IOException {
        endRow();
        out.write("</sheetData>");
        if (!mergedRanges.isEmpty()) {
            out.write("<mergeCells count=\"" + mergedRanges.size() + "\">");
            for (String m : mergedRanges) {
                out.write("<mergeCell ref=\"" + m + "\"/>");
            }
            out.write("</mergeCells>");
        }
        out.write("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>");
        out.write("<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>");
        out.write("</worksheet>");
        out.flush();
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * XML-escapes text. In cell text, characters XML cannot carry are written as the spreadsheet
     * escape {@code _xHHHH_}, and a literal "_x" that looks like one is protected.
     */
    private void writeEscaped(String s, boolean cellText) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        if (cellText) {
                            out.write(String.format("_x%04X_", (int) c));
                        }
                    } else if (cellText && c == '_' && looksLikeEscape(s, i)) {
                        out.write("_x005F_");
                    } else {
                        out.write(c);
                    }
                }
            }
        }
    }

    private static boolean looksLikeEscape(String s, int i) {
        if (i + 6 >= s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
