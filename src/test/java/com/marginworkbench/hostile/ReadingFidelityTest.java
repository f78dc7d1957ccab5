package com.marginworkbench.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.cli.CliRun;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is read is what the workbook says: a restated workbook is read from its original sheets
 * only (restating it again gives the same figures), the 1904 date system gives the right periods,
 * labels cannot drive the terminal and read the same from .xlsx and .xls, and the writer edits
 * the workbook part through an XML parser in its declared encoding.
 */
class ReadingFidelityTest {
    @TempDir
    Path dir;

    private static JsonNode json(Path file) throws Exception {
        CliRun r = CliRun.of("summary", file.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    // ------------------------------------------------------------------ own added sheets

    @Test
    void aRestatedWorkbookIsReadFromItsOriginalSheetsAndRestatingAgainGivesTheSameFigures() throws Exception {
        Path source = HostileFiles.small(dir, "client.xlsx");
        JsonNode original = json(source);
        Path once = dir.resolve("once.xlsx");
        assertThat(CliRun.of("restate", source.toString(), "-o", once.toString()).exit()).isZero();
        JsonNode read = json(once);
        assertThat(read.get("totals")).isEqualTo(original.get("totals"));
        assertThat(read.get("margins")).isEqualTo(original.get("margins"));
        assertThat(read.get("lines").size()).isEqualTo(original.get("lines").size());
        for (JsonNode line : read.get("lines")) {
            assertThat(line.get("source").asText()).startsWith("P&L!");
        }
        Path twice = dir.resolve("twice.xlsx");
        CliRun again = CliRun.of("restate", once.toString(), "-o", twice.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(json(twice).get("margins")).isEqualTo(original.get("margins"));
        try (Workbook wb = WorkbookFactory.create(twice.toFile(), null, true)) {
            assertThat(wb.getSheet("Restated P&L (2)")).isNotNull();
            long markers = wb.getAllNames().stream().filter(n -> n.getNameName().startsWith("_MW_AddedSheet"))
                    .count();
            // Five added sheets each time (Restated P&L, Classification, Stress, Margin Bridge, Sensitivity).
            assertThat(markers).isEqualTo(10);
        }
    }

    // ------------------------------------------------------------------ 1904 date system

    private static void use1904(XSSFWorkbook wb) {
        var ct = wb.getCTWorkbook();
        (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
    }

    private Path datedPnl(Workbook wb, String name, boolean date1904) throws Exception {
        Sheet s = wb.createSheet("P&L");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
        Row header = s.createRow(0);
        for (int m = 0; m < 3; m++) {
            var cell = header.createCell(1 + m);
            cell.setCellValue(org.apache.poi.ss.usermodel.DateUtil.getExcelDate(LocalDate.of(2026, 1 + m, 1)
                    .atStartOfDay(), date1904));
            cell.setCellStyle(date);
        }
        Object[][] rows = {{"Revenue"}, {"Subscription revenue", 1000, 1000, 1000}, {"Cost of revenue"},
                {"AWS hosting - production", 100, 100, 100}};
        for (int r = 0; r < rows.length; r++) {
            Row row = s.createRow(1 + r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Integer n) {
                    row.createCell(c).setCellValue(n);
                } else {
                    row.createCell(c).setCellValue((String) rows[r][c]);
                }
            }
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    @Test
    void theDate1904SystemGivesTheRightPeriods() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            use1904(wb);
            Path file = datedPnl(wb, "mac.xlsx", true);
            assertThat(json(file).get("periods")).extracting(JsonNode::asText)
                    .containsExactly("Jan-26", "Feb-26", "Mar-26");
        }
        // the user model's path (a formula saved without its result sends the workbook there)
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            use1904(wb);
            Path file = datedPnl(wb, "mac-formula.xlsx", true);
            try (Workbook again = WorkbookFactory.create(Files.newInputStream(file))) {
                again.getSheetAt(0).getRow(2).createCell(3).setCellFormula("B3");
                try (OutputStream out = Files.newOutputStream(dir.resolve("mac-formula-2.xlsx"))) {
                    again.write(out);
                }
            }
            JsonNode j = json(dir.resolve("mac-formula-2.xlsx"));
            assertThat(j.get("periods")).extracting(JsonNode::asText).containsExactly("Jan-26", "Feb-26", "Mar-26");
            assertThat(j.get("problems").toString()).contains("calculated here");
        }
    }

    // ------------------------------------------------------------------ labels

    @Test
    void controlCharactersInLabelsAreMadeVisibleAndReadTheSameFromXlsxAndXls() throws Exception {
        String label = "OpenAI API \u001B[2J\u001B]0;owned\u0007 - production";
        // .xlsx stores the characters XML cannot carry as _xHHHH_ escapes; .xls stores them as they are.
        String escaped = label.replace("\u001B", "_x001B_").replace("\u0007", "_x0007_");
        Path xlsx = HostileFiles.raw(dir.resolve("escapes.xlsx"), List.of(new HostileFiles.RawSheet("P&L", w -> {
            HostileFiles.row(w, 1, "", "Jan-26", "Feb-26");
            HostileFiles.row(w, 2, "Revenue");
            HostileFiles.row(w, 3, "Subscription revenue", 1000, 1000);
            HostileFiles.row(w, 4, "Cost of revenue");
            HostileFiles.row(w, 5, escaped, 100, 100);
        })), Map.of());
        Path xls = dir.resolve("escapes.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("P&L");
            Object[][] rows = {{"", "Jan-26", "Feb-26"}, {"Revenue"}, {"Subscription revenue", 1000, 1000},
                    {"Cost of revenue"}, {label, 100, 100}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(xls)) {
                wb.write(out);
            }
        }
        List<String> labels = new ArrayList<>();
        for (Path file : List.of(xlsx, xls)) {
            CliRun table = CliRun.of("summary", file.toString());
            assertThat(table.exit()).as(table.err()).isZero();
            assertThat(table.out()).doesNotContain("\u001B").doesNotContain("\u0007").contains("[2J");
            labels.add(com.marginworkbench.workbook.WorkbookReader.read(file).model().costs().get(0).label());
        }
        assertThat(labels.get(0)).isEqualTo("OpenAI API \u241B[2J\u241B]0;owned\u2407 - production");
        assertThat(labels.get(1)).isEqualTo(labels.get(0));
    }

    // ------------------------------------------------------------------ the workbook part

    @Test
    void aWorkbookPartInIso88591WithACommentBeforeItsSheetsIsEditedAsXml() throws Exception {
        Map<String, String> parts = HostileFiles.packageParts(List.of("R\u00e9sultats"), Map.of());
        String book = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<!-- <sheets><sheet name=\"old\"/></sheets> <definedNames></definedNames> -->"
                + "<sheets><sheet name=\"R\u00e9sultats\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        parts.put("xl/workbook.xml", book);
        Path source = latin1Package(parts, "xl/workbook.xml", "latin1.xlsx");
        Path out = dir.resolve("latin1-restated.xlsx");
        CliRun r = CliRun.of("restate", source.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (ZipFile zip = new ZipFile(out.toFile())) {
            String head = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readNBytes(60),
                    StandardCharsets.ISO_8859_1);
            assertThat(head).containsIgnoringCase("encoding=\"ISO-8859-1\"");
        }
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("R\u00e9sultats", "Restated P&L", "Classification", "Stress",
                    "Margin Bridge", "Sensitivity");
            assertThat(wb.getName("RestatedBlendedGM")).isNotNull();
            boolean linked = false;
            for (Row row : wb.getSheet("Classification")) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                            && cell.getCellFormula().contains("R\u00e9sultats")) {
                        linked = true;
                    }
                }
            }
            assertThat(linked).as("a formula points at the sheet 'R\u00e9sultats'").isTrue();
        }
    }

    /**
     * A small P&L package from {@code parts} with a two-month statement on its first sheet; the
     * part {@code latin1} is written in ISO-8859-1, the others in UTF-8.
     */
    private Path latin1Package(Map<String, String> parts, String latin1, String name) throws Exception {
        StringBuilder rows = new StringBuilder();
        HostileFiles.StringWriterRows w = new HostileFiles.StringWriterRows(rows);
        HostileFiles.row(w, 1, "", "Jan-26", "Feb-26");
        HostileFiles.row(w, 2, "Revenue");
        HostileFiles.row(w, 3, "Subscription revenue", 1000, 1100);
        HostileFiles.row(w, 4, "Cost of revenue");
        HostileFiles.row(w, 5, "OpenAI API - production", 120, 130);
        parts.put("xl/worksheets/sheet1.xml", HostileFiles.sheetXml(rows.toString()));
        Path source = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(source))) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(p.getKey().equals(latin1) ? StandardCharsets.ISO_8859_1
                        : StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return source;
    }

    // ------------------------------------------------------------------ the styles part

    @Test
    void aStylesPartInIso88591WithPrefixesAndACommentIsEditedAsXml() throws Exception {
        Map<String, String> parts = HostileFiles.packageParts(List.of("P&L"), Map.of());
        parts.put("[Content_Types].xml", parts.get("[Content_Types].xml").replace("</Types>",
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "spreadsheetml.styles+xml\"/></Types>"));
        parts.put("xl/_rels/workbook.xml.rels", parts.get("xl/_rels/workbook.xml.rels").replace("</Relationships>",
                "<Relationship Id=\"rIdStyles\" Type=\"" + HostileFiles.REL_NS + "/styles\" Target=\"styles.xml\"/>"
                        + "</Relationships>"));
        // The main namespace under the prefix "x", a second prefix for the same namespace on one list,
        // an extension namespace, a comment that looks like the cell styles list, and words in Latin-1.
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>\n"
                + "<x:styleSheet xmlns:x=\"" + HostileFiles.MAIN_NS + "\" xmlns:m=\"" + HostileFiles.MAIN_NS + "\""
                + " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">"
                + "<x:fonts count=\"1\" x14ac:knownFonts=\"1\"><x:font><x:sz val=\"10\"/>"
                + "<x:name val=\"Garamond Fran\u00e7ais\"/></x:font></x:fonts>"
                + "<m:fills count=\"2\"><m:fill><m:patternFill patternType=\"none\"/></m:fill>"
                + "<m:fill><m:patternFill patternType=\"gray125\"/></m:fill></m:fills>"
                + "<x:borders count=\"1\"><x:border/></x:borders>"
                + "<x:cellStyleXfs count=\"1\"><x:xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
                + "</x:cellStyleXfs>"
                + "<!-- <x:cellXfs count=\"0\"></x:cellXfs> -->"
                + "<x:cellXfs count=\"1\"><x:xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "</x:cellXfs>"
                + "<x:cellStyles count=\"1\"><x:cellStyle name=\"\u00dcberschrift \u00e9t\u00e9\" xfId=\"0\""
                + " builtinId=\"0\"/></x:cellStyles></x:styleSheet>");
        Path source = latin1Package(parts, "xl/styles.xml", "latin1-styles.xlsx");
        Path out = dir.resolve("latin1-styles-restated.xlsx");
        CliRun r = CliRun.of("restate", source.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        byte[] styles;
        try (ZipFile zip = new ZipFile(out.toFile())) {
            styles = zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes();
        }
        assertThat(new String(styles, 0, 60, StandardCharsets.ISO_8859_1)).containsIgnoringCase("encoding=\"ISO-8859-1\"");
        String text = new String(styles, StandardCharsets.ISO_8859_1);
        assertThat(text).as("the comment is left as it was").contains("<!-- <x:cellXfs count=\"0\"></x:cellXfs> -->")
                .contains("\u00dcberschrift \u00e9t\u00e9");
        try (XSSFWorkbook wb = (XSSFWorkbook) WorkbookFactory.create(out.toFile(), null, true)) {
            assertThat(wb.getNumCellStyles()).as("one style of the source and twelve new ones").isEqualTo(13);
            assertThat(wb.getStylesSource().getFills()).hasSize(5);
            var title = wb.getCellStyleAt(2);
            assertThat(wb.getFontAt(title.getFontIndex()).getBold()).isTrue();
            assertThat(wb.getFontAt(title.getFontIndex()).getFontName()).as("the bold font copies the workbook's own")
                    .isEqualTo("Garamond Fran\u00e7ais");
            Sheet pl = wb.getSheet("Restated P&L");
            assertThat(pl).isNotNull();
            boolean styled = false;
            for (Row row : pl) {
                for (var cell : row) {
                    styled |= cell.getCellStyle().getIndex() > 0;
                }
            }
            assertThat(styled).as("the new sheet's cells use the new styles").isTrue();
        }
    }
}
