package com.marginworkbench.hostile;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds hostile workbooks in a folder: each is small on disk (the biggest are a few MB) and made
 * from raw package parts, so the tests control every byte a crafted file could hold. Run
 * {@code main(folder)} to get them all for poking at by hand.
 */
public final class HostileFiles {
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private HostileFiles() {
    }

    /** Writes the body of one sheet's {@code <sheetData>} (rows only). */
    @FunctionalInterface
    interface Rows {
        void write(Writer w) throws IOException;
    }

    /** A sheet of a raw workbook: its name and rows. */
    record RawSheet(String name, Rows rows) {
    }

    /** Every generated case by file name; the heavy ones are marked so tests can run them alone. */
    public static Map<String, Path> all(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("empty", empty(dir));
        files.put("truncated", truncated(dir));
        files.put("renamed-csv", renamedCsv(dir));
        files.put("zip-without-workbook", zipWithoutWorkbook(dir));
        files.put("zip-bomb", zipBomb(dir, "zip-bomb.xlsx", 2048, false));
        files.put("zip-bomb-lying-size", zipBomb(dir, "zip-bomb-lying-size.xlsx", 2048, true));
        files.put("entity-bomb", entityBomb(dir, false));
        files.put("entity-bomb-shared-strings", entityBomb(dir, true));
        files.put("entity-bomb-streamed", entityBombStreamed(dir));
        files.put("thousand-sheets", thousandSheets(dir));
        files.put("million-rows", millionRows(dir));
        files.put("max-columns", maxColumns(dir));
        files.put("long-text", longText(dir));
        files.put("external-links", externalLinks(dir));
        files.put("circular", circular(dir));
        files.put("deep-chain", deepChain(dir));
        files.put("biff5", biff5(dir));
        files.put("biff4", biff4(dir));
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "hostile-files");
        Files.createDirectories(dir);
        all(dir).forEach((k, v) -> System.out.println(k + "\t" + v));
    }

    // ------------------------------------------------------------------ simple damage

    static Path empty(Path dir) throws IOException {
        return Files.write(dir.resolve("empty.xlsx"), new byte[0]);
    }

    static Path truncated(Path dir) throws IOException {
        Path whole = small(dir, "whole.xlsx");
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        return Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    }

    static Path renamedCsv(Path dir) throws IOException {
        return Files.writeString(dir.resolve("renamed-csv.xlsx"),
                "Line,Jan-26,Feb-26,Mar-26\nOpenAI API - production,100,110,120\nOffice rent,50,50,50\n");
    }

    static Path zipWithoutWorkbook(Path dir) throws IOException {
        Path file = dir.resolve("zip-without-workbook.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("notes/readme.txt"));
            out.write("quarterly notes, no workbook here".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("images/logo.png"));
            out.write(new byte[2048]);
            out.closeEntry();
        }
        return file;
    }

    /** A normal small P&L: the healthy baseline the fuzz test and truncation start from. */
    public static Path small(Path dir, String name) throws IOException {
        return raw(dir.resolve(name), List.of(new RawSheet("P&L", w -> {
            row(w, 1, "", "Jan-26", "Feb-26", "Mar-26");
            row(w, 2, "Revenue");
            row(w, 3, "Subscription revenue", 1000, 1100, 1200);
            row(w, 4, "Cost of revenue");
            row(w, 5, "OpenAI API - production", 120, 130, 150);
            row(w, 6, "AWS hosting - production", 80, 85, 90);
            row(w, 7, "Operating expenses");
            row(w, 8, "Office rent", 50, 50, 50);
            row(w, 9, "Datadog", 20, 21, 22);
        })), Map.of());
    }

    // ------------------------------------------------------------------ bombs

    /**
     * A sheet part of {@code megabytes} MB of blanks compressed about a thousand to one. With
     * {@code lyingSize} the zip directory claims the part is 1 KB, so only the bytes inflated give
     * the game away.
     */
    static Path zipBomb(Path dir, String name, int megabytes, boolean lyingSize) throws IOException {
        byte[] head = (XML_HEAD + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) ' ');
        Deflater deflater = new Deflater(9, true);
        byte[] headZ = deflate(deflater, head, Deflater.FULL_FLUSH);
        // After a full flush the compressor starts afresh, so every chunk compresses to the same bytes.
        byte[] chunkZ = deflate(deflater, chunk, Deflater.FULL_FLUSH);
        byte[] chunkZ2 = deflate(deflater, chunk, Deflater.FULL_FLUSH);
        if (!Arrays.equals(chunkZ, chunkZ2)) {
            throw new IllegalStateException("deflate output is not repeatable");
        }
        deflater.setInput(tail);
        deflater.finish();
        ByteArrayOutputStream tailZ = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            tailZ.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(head);
        for (int i = 0; i < megabytes; i++) {
            crc.update(chunk);
        }
        crc.update(tail);
        long size = head.length + (long) megabytes * chunk.length + tail.length;
        long compressed = headZ.length + (long) megabytes * chunkZ.length + tailZ.size();

        Path file = dir.resolve(name);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            Map<String, String> parts = packageParts(List.of("Costs"), Map.of());
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
            ZipArchiveEntry bomb = new ZipArchiveEntry("xl/worksheets/sheet1.xml");
            bomb.setMethod(ZipEntry.DEFLATED);
            bomb.setCrc(crc.getValue());
            bomb.setSize(lyingSize ? 1024 : size);
            bomb.setCompressedSize(compressed);
            List<java.io.InputStream> pieces = new ArrayList<>();
            pieces.add(new ByteArrayInputStream(headZ));
            for (int i = 0; i < megabytes; i++) {
                pieces.add(new ByteArrayInputStream(chunkZ));
            }
            pieces.add(new ByteArrayInputStream(tailZ.toByteArray()));
            zip.addRawArchiveEntry(bomb, new SequenceInputStream(Collections.enumeration(pieces)));
        }
        return file;
    }

    private static byte[] deflate(Deflater d, byte[] input, int flush) {
        d.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        return out.toByteArray();
    }

    /** "Billion laughs": ten levels of entities, each ten of the one below, in a sheet or the shared strings. */
    static Path entityBomb(Path dir, boolean inSharedStrings) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE %s [\n<!ENTITY l0 \"ha\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        Path file = dir.resolve(inSharedStrings ? "entity-bomb-shared-strings.xlsx" : "entity-bomb.xlsx");
        Map<String, String> extra = new LinkedHashMap<>();
        String sheet;
        if (inSharedStrings) {
            extra.put("xl/sharedStrings.xml", "<?xml version=\"1.0\"?>\n" + String.format(dtd.toString(), "sst")
                    + "<sst xmlns=\"" + MAIN_NS + "\" count=\"1\" uniqueCount=\"1\"><si><t>&l10;</t></si></sst>");
            sheet = XML_HEAD + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
                    + "</c></row></sheetData></worksheet>";
        } else {
            sheet = "<?xml version=\"1.0\"?>\n" + String.format(dtd.toString(), "worksheet") + "<worksheet xmlns=\""
                    + MAIN_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l10;</t></is></c>"
                    + "</row></sheetData></worksheet>";
        }
        Map<String, String> parts = packageParts(List.of("Costs"), extra);
        parts.put("xl/worksheets/sheet1.xml", sheet);
        zip(file, parts);
        return file;
    }

    /** The same bomb beside a sheet big enough (over 8 MB of XML) to send the reader down its streaming path. */
    static Path entityBombStreamed(Path dir) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [\n<!ENTITY l0 \"ha\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        Path file = dir.resolve("entity-bomb-streamed.xlsx");
        Map<String, String> parts = packageParts(List.of("Costs", "Detail"), Map.of());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(1);
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\"?>\n" + dtd + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>"
                    + "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>Jan-26</t></is></c><c r=\"C1\" t=\"inlineStr\">"
                    + "<is><t>Feb-26</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&l10;</t></is>"
                    + "</c><c r=\"B2\"><v>1</v></c><c r=\"C2\"><v>2</v></c></row></sheetData></worksheet>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet2.xml"));
            Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
            w.write(XML_HEAD + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>");
            java.util.Random random = new java.util.Random(8);
            for (int r = 1; r <= 60_000; r++) {
                row(w, r, "Detail line " + r, random.nextInt(100_000), random.nextInt(100_000), random.nextInt(100_000));
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
        }
        return file;
    }

    // ------------------------------------------------------------------ size

    static Path thousandSheets(Path dir) throws IOException {
        List<RawSheet> sheets = new ArrayList<>();
        for (int s = 0; s < 1000; s++) {
            int k = s;
            sheets.add(new RawSheet("Entity " + (s + 1), w -> {
                row(w, 1, "", "Jan-26", "Feb-26", "Mar-26");
                row(w, 2, "Revenue");
                row(w, 3, "Subscription revenue", 1000 + k, 1000 + k, 1000 + k);
                row(w, 4, "Cost of revenue");
                row(w, 5, "OpenAI API - production", 10 + k, 11 + k, 12 + k);
                row(w, 6, "Operating expenses");
                row(w, 7, "Office rent", 5, 5, 5);
            }));
        }
        return raw(dir.resolve("thousand-sheets.xlsx"), sheets, Map.of());
    }

    /** Excel's last row: 1,048,576 rows, the first one holding the month headers. */
    static Path millionRows(Path dir) throws IOException {
        return raw(dir.resolve("million-rows.xlsx"), List.of(new RawSheet("Ledger", w -> {
            row(w, 1, "", "Jan-26", "Feb-26", "Mar-26");
            row(w, 2, "Cost of revenue");
            for (int r = 3; r <= 1_048_576; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>Vendor " + r
                        + "</t></is></c><c r=\"B" + r + "\"><v>" + (r % 97) + "</v></c><c r=\"C" + r + "\"><v>"
                        + (r % 89) + "</v></c><c r=\"D" + r + "\"><v>" + (r % 83) + "</v></c></row>");
            }
        })), Map.of());
    }

    /** Excel's last column: a label column and 16,383 monthly columns (2026-01 ... 3391-03). */
    static Path maxColumns(Path dir) throws IOException {
        return raw(dir.resolve("max-columns.xlsx"), List.of(new RawSheet("Plan", w -> {
            Object[] header = new Object[16_384];
            header[0] = "";
            for (int c = 1; c < header.length; c++) {
                int month = 2026 * 12 + c - 1;
                header[c] = String.format("%04d-%02d", month / 12, month % 12 + 1);
            }
            row(w, 1, header);
            row(w, 2, "Revenue");
            String[] labels = {"Subscription revenue", "Cost of revenue", "OpenAI API - production",
                    "AWS hosting - production", "Operating expenses", "Office rent"};
            for (int i = 0; i < labels.length; i++) {
                boolean heading = labels[i].startsWith("Cost of") || labels[i].startsWith("Operating");
                Object[] values = new Object[heading ? 1 : 16_384];
                values[0] = labels[i];
                for (int c = 1; c < values.length; c++) {
                    values[c] = (double) (100 * (i + 1) + c % 7);
                }
                row(w, 3 + i, values);
            }
        })), Map.of());
    }

    /**
     * Labels and notes at Excel's limit of 32,767 characters a cell, of varied words (repeated
     * text would compress like a zip bomb and be refused as one).
     */
    static Path longText(Path dir) throws IOException {
        String[] words = {"contract", "vendor", "renewal", "usage", "tier", "inference", "support", "region",
                "discount", "commitment", "overage", "invoice", "annual", "monthly", "credit", "hosting", "model",
                "tokens", "seats", "addendum", "clause", "termination", "pricing", "schedule", "exhibit"};
        java.util.Random random = new java.util.Random(32767);
        StringBuilder text = new StringBuilder();
        while (text.length() < 40_000) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
        }
        String filler = text.toString();
        return raw(dir.resolve("long-text.xlsx"), List.of(new RawSheet("P&L", w -> {
            row(w, 1, ("Heading " + filler).substring(0, 32_767), "Jan-26", "Feb-26", "Mar-26");
            row(w, 2, "Revenue");
            row(w, 3, "Subscription revenue", 1000, 1100, 1200);
            row(w, 4, "Cost of revenue");
            for (int i = 0; i < 200; i++) {
                String label = ("OpenAI API - production " + i + " " + filler).substring(0, 32_767);
                row(w, 5 + i, label, 10 + i, 11 + i, 12 + i);
            }
            row(w, 205, "Operating expenses");
            row(w, 206, "Office rent", ("x" + filler).substring(0, 32_767), 50, 50);
        })), Map.of());
    }

    // ------------------------------------------------------------------ formulas

    /**
     * Cost lines that are formulas on another workbook ({@code [1]Costs!B2}), saved without
     * results, with the link pointing at a web address that must never be fetched.
     */
    static Path externalLinks(Path dir) throws IOException {
        Path file = dir.resolve("external-links.xlsx");
        Map<String, String> parts = packageParts(List.of("P&L"), Map.of());
        parts.put("xl/workbook.xml", XML_HEAD + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS
                + "\"><sheets><sheet name=\"P&amp;L\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                + "<externalReferences><externalReference r:id=\"rId9\"/></externalReferences></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", XML_HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target="
                + "\"worksheets/sheet1.xml\"/><Relationship Id=\"rId9\" Type=\"" + REL_NS + "/externalLink\" Target="
                + "\"externalLinks/externalLink1.xml\"/></Relationships>");
        parts.put("xl/externalLinks/externalLink1.xml", XML_HEAD + "<externalLink xmlns=\"" + MAIN_NS + "\" xmlns:r=\""
                + REL_NS + "\"><externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"Costs\"/></sheetNames>"
                + "</externalBook></externalLink>");
        parts.put("xl/externalLinks/_rels/externalLink1.xml.rels", XML_HEAD + "<Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL_NS
                + "/externalLinkPath\" Target=\"http://127.0.0.1:9/costs.xlsx\" TargetMode=\"External\"/>"
                + "</Relationships>");
        String types = parts.get("[Content_Types].xml").replace("</Types>", "<Override PartName=\"/xl/externalLinks/"
                + "externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
                + "externalLink+xml\"/></Types>");
        parts.put("[Content_Types].xml", types);
        StringBuilder rows = new StringBuilder();
        StringWriterRows sw = new StringWriterRows(rows);
        row(sw, 1, "", "Jan-26", "Feb-26", "Mar-26");
        row(sw, 2, "Revenue");
        row(sw, 3, "Subscription revenue", 1000, 1100, 1200);
        row(sw, 4, "Cost of revenue");
        rows.append("<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>OpenAI API - production</t></is></c>");
        for (String col : List.of("B", "C", "D")) {
            rows.append("<c r=\"").append(col).append("5\"><f>[1]Costs!").append(col).append("2</f></c>");
        }
        rows.append("</row>");
        row(sw, 6, "AWS hosting - production", 80, 85, 90);
        parts.put("xl/worksheets/sheet1.xml", sheetXml(rows.toString()));
        zip(file, parts);
        return file;
    }

    /** Two cost lines whose cells refer to each other, saved without results. */
    static Path circular(Path dir) throws IOException {
        StringBuilder rows = new StringBuilder();
        StringWriterRows sw = new StringWriterRows(rows);
        row(sw, 1, "", "Jan-26", "Feb-26", "Mar-26");
        row(sw, 2, "Revenue");
        row(sw, 3, "Subscription revenue", 1000, 1100, 1200);
        row(sw, 4, "Cost of revenue");
        for (int r = 5; r <= 6; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>")
                    .append(r == 5 ? "OpenAI API - production" : "AWS hosting - production").append("</t></is></c>");
            for (String col : List.of("B", "C", "D")) {
                rows.append("<c r=\"").append(col).append(r).append("\"><f>").append(col).append(r == 5 ? 6 : 5)
                        .append("+1</f></c>");
            }
            rows.append("</row>");
        }
        row(sw, 7, "Operating expenses");
        row(sw, 8, "Office rent", 50, 50, 50);
        Map<String, String> parts = packageParts(List.of("P&L"), Map.of());
        parts.put("xl/worksheets/sheet1.xml", sheetXml(rows.toString()));
        Path file = dir.resolve("circular.xlsx");
        zip(file, parts);
        return file;
    }

    /**
     * A cost line at the top of a column of 50,000 formulas, each adding one to the cell below,
     * saved without results: recalculating the top cell recurses 50,000 deep, and each cell below
     * starts the climb again.
     */
    static Path deepChain(Path dir) throws IOException {
        int last = 50_006;
        return raw(dir.resolve("deep-chain.xlsx"), List.of(new RawSheet("P&L", w -> {
            row(w, 1, "", "Jan-26", "Feb-26");
            row(w, 2, "Revenue");
            row(w, 3, "Subscription revenue", 1000, 1100);
            row(w, 4, "Cost of revenue");
            w.write("<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>OpenAI API - production</t></is></c>"
                    + "<c r=\"B5\"><f>B7+1</f></c><c r=\"C5\"><v>10</v></c></row>");
            row(w, 6, "AWS hosting - production", 80, 85);
            for (int r = 7; r < last; r++) {
                w.write("<row r=\"" + r + "\"><c r=\"B" + r + "\"><f>B" + (r + 1) + "+1</f></c></row>");
            }
            w.write("<row r=\"" + last + "\"><c r=\"B" + last + "\"><v>1</v></c></row>");
        })), Map.of());
    }

    // ------------------------------------------------------------------ old formats

    /** An Excel 5.0/95 workbook: an OLE2 file whose stream is named "Book", holding BIFF5 records. */
    static Path biff5(Path dir) throws IOException {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        record(book, 0x0809, le16(0x0500), le16(0x0005), le16(0x0DBB), le16(0x07CC)); // BOF, workbook globals
        record(book, 0x0085, le32(0), le16(0), pascal("Sheet1")); // BOUNDSHEET
        record(book, 0x000A); // EOF
        record(book, 0x0809, le16(0x0500), le16(0x0010), le16(0x0DBB), le16(0x07CC)); // BOF, worksheet
        record(book, 0x0204, le16(0), le16(0), le16(15), label16("OpenAI API"));  // LABEL
        record(book, 0x000A);
        Path file = dir.resolve("excel95.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(book.toByteArray()), "Book");
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** An Excel 4.0 worksheet: bare BIFF4 records, no OLE2 container. */
    static Path biff4(Path dir) throws IOException {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        record(book, 0x0409, le16(0x0000), le16(0x0010), le16(0x0000)); // BOF BIFF4 worksheet
        record(book, 0x0204, le16(0), le16(0), le16(15), label16("OpenAI API"));
        record(book, 0x000A);
        return Files.write(dir.resolve("excel4.xls"), book.toByteArray());
    }

    private static void record(ByteArrayOutputStream out, int type, byte[]... data) {
        int len = 0;
        for (byte[] d : data) {
            len += d.length;
        }
        out.writeBytes(le16(type));
        out.writeBytes(le16(len));
        for (byte[] d : data) {
            out.writeBytes(d);
        }
    }

    private static byte[] le16(int v) {
        return new byte[]{(byte) v, (byte) (v >> 8)};
    }

    private static byte[] le32(int v) {
        return new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] pascal(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) b.length;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    private static byte[] label16(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[b.length + 2];
        out[0] = (byte) b.length;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    // ------------------------------------------------------------------ raw packages

    /** Writes a workbook of {@code sheets}, streaming each sheet's rows straight into the zip. */
    static Path raw(Path file, List<RawSheet> sheets, Map<String, String> extra) throws IOException {
        List<String> names = sheets.stream().map(RawSheet::name).toList();
        Map<String, String> parts = packageParts(names, extra);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(1);
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (int i = 0; i < sheets.size(); i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
                Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8),
                        1 << 16);
                w.write(XML_HEAD + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>");
                sheets.get(i).rows().write(w);
                w.write("</sheetData></worksheet>");
                w.flush();
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void zip(Path file, Map<String, String> parts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** Content types, relationships and workbook part for {@code sheets} (sheet parts not included). */
    static Map<String, String> packageParts(List<String> sheets, Map<String, String> extra) {
        StringBuilder types = new StringBuilder(XML_HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/"
                + "2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet.main+xml\"/>");
        StringBuilder book = new StringBuilder(XML_HEAD + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS
                + "\"><sheets>");
        StringBuilder rels = new StringBuilder(XML_HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\">");
        for (int i = 0; i < sheets.size(); i++) {
            int n = i + 1;
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            book.append("<sheet name=\"").append(escape(sheets.get(i))).append("\" sheetId=\"").append(n)
                    .append("\" r:id=\"rId").append(n).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(REL_NS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
        }
        if (extra.containsKey("xl/sharedStrings.xml")) {
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sharedStrings+xml\"/>");
            rels.append("<Relationship Id=\"rIdS\" Type=\"").append(REL_NS)
                    .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        }
        types.append("</Types>");
        book.append("</sheets></workbook>");
        rels.append("</Relationships>");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", types.toString());
        parts.put("_rels/.rels", XML_HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/"
                + "workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", book.toString());
        parts.put("xl/_rels/workbook.xml.rels", rels.toString());
        parts.putAll(extra);
        return parts;
    }

    static String sheetXml(String rows) {
        return XML_HEAD + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** One row: strings become inline strings, numbers stay numbers, nulls are skipped. */
    static void row(Writer w, int r, Object... values) throws IOException {
        w.write("<row r=\"" + r + "\">");
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            String ref = com.marginworkbench.model.SourceRef.columnName(c) + r;
            if (v instanceof Number n) {
                w.write("<c r=\"" + ref + "\"><v>" + n + "</v></c>");
            } else if (!v.toString().isEmpty()) {
                w.write("<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escape(v.toString()) + "</t></is></c>");
            }
        }
        w.write("</row>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Lets {@link #row} write into a StringBuilder. */
    static final class StringWriterRows extends Writer {
        private final StringBuilder sb;

        StringWriterRows(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
