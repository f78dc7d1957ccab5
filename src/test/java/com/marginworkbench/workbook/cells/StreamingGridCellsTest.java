package com.marginworkbench.workbook.cells;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming read's cells, written by hand as XML the way different producers write them: the
 * common {@code <c r=".." s=".." t=".."><v>..</v></c>} shape read straight from the buffer, and every
 * variation that must fall back to the general path (line breaks between attributes, single quotes,
 * entities, formulas, inline strings, cells without a reference) giving the same cells.
 */
class StreamingGridCellsTest {
    @TempDir
    Path dir;

    private static final String STYLES = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"mmm\\-yy\"/></numFmts>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>";

    @Test
    void everyShapeOfCellReadsAsItSays() throws Exception {
        String rows = ""
                // the common shapes: number, styled date, percent, shared string, boolean, error, text
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>46023</v></c>"
                + "<c r=\"C1\" s=\"1\" t=\"n\"><v>46054.0</v></c><c r=\"D1\" s=\"2\"><v>0.25</v></c></row>\n"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"n\"><v>-1234.5</v></c>"
                + "<c r=\"C2\"><v>1E3</v></c><c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"e\"><v>#DIV/0!</v></c>"
                + "<c r=\"F2\" t=\"str\"><v>text result</v></c><c r=\"G2\"><v>12345678901234567</v></c></row>\n"
                // no value: dropped, except the kinds the general path keeps (error, text with no result)
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" s=\"0\"/><c r=\"C3\" t=\"e\"/>"
                + "<c r=\"D3\" t=\"str\"/><c r=\"E3\" t=\"n\"></c><c r=\"F3\"><v></v></c></row>\n"
                // fallbacks: line break between attributes, single quotes, entity, formula, inline string
                + "<row r=\"4\"><c r=\"A4\"\n t=\"s\"><v>3</v></c><c r='B4' t='n'><v>7</v></c>"
                + "<c r=\"C4\" t=\"str\"><v>R&amp;D</v></c><c r=\"D4\"><f>B4*2</f><v>14</v></c>"
                + "<c r=\"E4\" t=\"inlineStr\"><is><t>inline</t></is></c><c r=\"F4\" t=\"d\"><v>2026-01-01</v></c></row>\n"
                // cells and rows without a reference follow the one before
                + "<row><c t=\"s\"><v>4</v></c><c><v>5</v></c><c r=\"D5\"><v>6</v></c><c><v>7</v></c></row>\n"
                // inline strings: plain, preserved spaces, UTF-8, an entity, rich text runs, empty
                + "<row r=\"6\" spans=\"1:6\" ht=\"15\" customHeight=\"1\"><c r=\"A6\" t=\"inlineStr\"><is><t>Plain</t></is></c>"
                + "<c r=\"B6\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> padded </t></is></c>"
                + "<c r=\"C6\" t=\"inlineStr\"><is><t>Caf\u00e9 \u2014 \u00fcber</t></is></c>"
                + "<c r=\"D6\" t=\"inlineStr\"><is><t>R&amp;D</t></is></c>"
                + "<c r=\"E6\" t=\"inlineStr\"><is><r><t>Two </t></r><r><t>runs</t></r></is></c>"
                + "<c r=\"F6\" t=\"inlineStr\"><is><t></t></is></c><c r=\"G6\" t=\"inlineStr\"/></row>\n"
                // rows: self-closing, r of zero, no r, a line break inside the tag
                + "<row r=\"8\"/><row r=\"0\"><c r=\"A\"><v>9</v></c></row>\n"
                + "<row\n r=\"11\"><c><v>11</v></c></row><row><c><v>12</v></c></row>\n";
        GridSheet g = read(rows, "<si><t>Label one</t></si><si><t>Label two</t></si><si><t>Three</t></si>"
                + "<si><t>Four</t></si><si><t>Five</t></si>");

        assertThat(g.cell(0, 0)).isEqualTo(GridCell.text("Label one", null));
        assertThat(g.cell(0, 1)).isEqualTo(GridCell.number(46023, null, GridCell.Format.DATE));
        assertThat(g.cell(0, 2)).isEqualTo(GridCell.number(46054, null, GridCell.Format.DATE));
        assertThat(g.cell(0, 3)).isEqualTo(GridCell.number(0.25, null, GridCell.Format.PERCENT));

        assertThat(g.isPlainNumber(1, 1)).isTrue();
        assertThat(g.number(1, 1)).isEqualTo(-1234.5);
        assertThat(g.number(1, 2)).isEqualTo(1000);
        assertThat(g.cell(1, 3).kind()).isEqualTo(GridCell.Kind.BOOLEAN);
        assertThat(g.cell(1, 3).number()).isEqualTo(1);
        assertThat(g.cell(1, 4)).isEqualTo(new GridCell(GridCell.Kind.ERROR, 0, "#DIV/0!", null, GridCell.Format.GENERAL));
        assertThat(g.cell(1, 5)).isEqualTo(GridCell.text("text result", null));
        assertThat(g.number(1, 6)).isEqualTo(Double.parseDouble("12345678901234567"));

        assertThat(g.cell(2, 1)).isNull();
        assertThat(g.cell(2, 2).kind()).isEqualTo(GridCell.Kind.ERROR);
        assertThat(g.cell(2, 3).kind()).isEqualTo(GridCell.Kind.NO_VALUE);
        assertThat(g.cell(2, 4)).isNull();
        assertThat(g.cell(2, 5)).isNull();

        assertThat(g.cell(3, 0)).isEqualTo(GridCell.text("Four", null));
        assertThat(g.number(3, 1)).isEqualTo(7);
        assertThat(g.cell(3, 2)).isEqualTo(GridCell.text("R&D", null));
        assertThat(g.cell(3, 3)).isEqualTo(GridCell.number(14, "B4*2", GridCell.Format.GENERAL));
        assertThat(g.cell(3, 4)).isEqualTo(GridCell.text("inline", null));
        assertThat(g.cell(3, 5)).isEqualTo(GridCell.text("2026-01-01", null));

        assertThat(g.cell(4, 0)).isEqualTo(GridCell.text("Five", null));
        assertThat(g.number(4, 1)).isEqualTo(5);
        assertThat(g.number(4, 3)).isEqualTo(6);
        assertThat(g.number(4, 4)).isEqualTo(7);

        assertThat(g.cell(5, 0)).isEqualTo(GridCell.text("Plain", null));
        assertThat(g.cell(5, 1)).isEqualTo(GridCell.text(" padded ", null));
        assertThat(g.cell(5, 2)).isEqualTo(GridCell.text("Caf\u00e9 \u2014 \u00fcber", null));
        assertThat(g.cell(5, 3)).isEqualTo(GridCell.text("R&D", null));
        assertThat(g.cell(5, 4)).isEqualTo(GridCell.text("Two runs", null));
        assertThat(g.cell(5, 5)).isEqualTo(GridCell.text("", null));
        assertThat(g.cell(5, 6)).isNull();

        assertThat(g.width(7)).isZero();
        assertThat(g.number(8, 0)).as("row r=0 follows row 8").isEqualTo(9);
        assertThat(g.number(10, 0)).as("line break inside the row tag").isEqualTo(11);
        assertThat(g.number(11, 0)).as("row without r follows").isEqualTo(12);
    }

    /** Thousands of cells, so some straddle the scanner's read buffer; every one is read whole. */
    @Test
    void cellsAcrossReadBuffersAreReadWhole() throws Exception {
        StringBuilder rows = new StringBuilder();
        int n = 3_000;
        for (int r = 1; r <= n; r++) {
            rows.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 10; c++) {
                String ref = (char) ('A' + c) + Integer.toString(r);
                rows.append("<c r=\"").append(ref).append("\"").append(c % 3 == 0 ? " s=\"0\"" : "")
                        .append(c % 2 == 0 ? " t=\"n\"" : "").append("><v>").append(r * 100 + c).append(".5</v></c>");
            }
            rows.append("</row>\n");
        }
        GridSheet g = read(rows.toString(), "");
        assertThat(g.rowCount()).isEqualTo(n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 10; c++) {
                assertThat(g.number(r, c)).as("row %d col %d", r, c).isEqualTo((r + 1) * 100 + c + 0.5);
            }
        }
    }

    private GridSheet read(String rows, String sharedStrings) throws Exception {
        Path file = dir.resolve("cells.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Costs\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/styles.xml", STYLES);
            put(zip, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + sharedStrings + "</sst>");
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\n"
                    + rows + "</sheetData></worksheet>");
        }
        List<GridSheet> sheets = StreamingGrid.of(file, null);
        assertThat(sheets).hasSize(1);
        return sheets.get(0);
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
