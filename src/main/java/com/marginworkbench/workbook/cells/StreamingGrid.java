package com.marginworkbench.workbook.cells;

import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadCancelled;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the values of a large .xlsx straight from its zip entries into {@link GridSheet}s: a few
 * dozen bytes a cell instead of the user model's kilobyte and more. The small parts (workbook,
 * relationships, styles, shared strings) go through a secure SAX parser; the sheets, which hold
 * nearly all the bytes, through a byte-level scanner that only knows the handful of elements a
 * sheet's cells use (row, c, v, f, is/t). No DTD is ever processed, and every entry is inflated
 * under a size and ratio limit, so neither a zip bomb nor an XML bomb gets through.
 * Saved formula results are used as they are; a formula saved without one is kept as "no value"
 * (reported, never read as zero), since recalculating needs the user model.
 */
public final class StreamingGrid {
    /** Inflated bytes may not exceed this many times the compressed bytes (POI uses the same 1:100). */
    private static final long MAX_RATIO = 100;
    /** Below this many inflated bytes the ratio is not checked (tiny parts compress extremely well). */
    private static final long RATIO_GRACE_BYTES = 1 << 20;
    private static final long MAX_ENTRY_BYTES = 4L * 1024 * 1024 * 1024;
    private static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Pattern REF = Pattern.compile("(\\$?)([A-Z]{1,3})(\\$?)(\\d{1,7})(?![A-Z0-9(!])");

    /** Thrown when an entry inflates beyond the limits. */
    static final class BombException extends IOException {
        BombException(String entry) {
            super("Zip bomb detected: " + entry + " expands far beyond its compressed size");
        }
    }

    private StreamingGrid() {
    }

    /**
     * Every sheet of the workbook in tab order; a chart sheet (or any sheet without cells) comes as
     * an empty grid, so the list names the same sheets as POI's user model would.
     */
    public static List<GridSheet> of(Path file, Progress progress) throws Exception {
        // The sheets a restate added are not read: the figures come from the original sheets only.
        Book book = book(file, progress, names -> {
            java.util.Set<String> added = AddedSheets.of(names);
            return name -> !AddedSheets.isAdded(added, name);
        });
        List<GridSheet> out = new ArrayList<>(book.sheets().size());
        java.util.Iterator<GridSheet> scanned = book.grids().iterator();
        for (SheetEntry e : book.sheets()) {
            out.add(e.worksheet() && scanned.hasNext() ? scanned.next() : new GridSheet(e.name(), e.hidden()));
        }
        return out;
    }

    /** One {@code <sheet>} of the workbook part, in tab order; {@code worksheet} when it is a worksheet whose part exists. */
    public record SheetEntry(String name, boolean hidden, boolean worksheet) {
    }

    /** One {@code <definedName>}, in document order; {@code formula} is its text (may be empty). */
    public record DefinedName(String name, String formula) {
    }

    /** The workbook part's sheets and defined names, and the grids of the worksheets that were scanned. */
    public record Book(List<SheetEntry> sheets, List<DefinedName> names, List<GridSheet> grids) {
    }

    /**
     * Reads the workbook part and then only the worksheets that {@code wanted} (given the defined
     * names, so a caller can follow them) accepts by sheet name.
     */
    public static Book book(Path file, Progress progress,
                     Function<List<DefinedName>, Predicate<String>> wanted) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String workbookPath = officeDocument(zip);
            String dir = workbookPath.contains("/") ? workbookPath.substring(0, workbookPath.lastIndexOf('/') + 1) : "";
            Map<String, String[]> rels = relationships(zip, dir + "_rels/"
                    + workbookPath.substring(dir.length()) + ".rels");
            List<String[]> sheets = new ArrayList<>();
            List<DefinedName> names = new ArrayList<>();
            boolean[] date1904 = new boolean[1];
            parse(zip, workbookPath, new DefaultHandler() {
                private final StringBuilder text = new StringBuilder();
                private String name;

                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    if ("workbookPr".equals(local)) {
                        date1904[0] = DateSystem.is1904(a.getValue("date1904"));
                    } else if ("sheet".equals(local)) {
                        sheets.add(new String[]{a.getValue("name"), a.getValue(NS_REL, "id"), a.getValue("state")});
                    } else if ("definedName".equals(local)) {
                        name = a.getValue("name");
                        text.setLength(0);
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (name != null) {
                        text.append(ch, start, length);
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    if ("definedName".equals(local) && name != null) {
                        names.add(new DefinedName(name, text.toString()));
                        name = null;
                    }
                }
            });
            Predicate<String> scan = wanted.apply(names);
            String stylesPath = null;
            String stringsPath = null;
            for (String[] rel : rels.values()) {
                if (rel[0].endsWith("/styles")) {
                    stylesPath = resolve(dir, rel[1]);
                } else if (rel[0].endsWith("/sharedStrings")) {
                    stringsPath = resolve(dir, rel[1]);
                }
            }
            GridCell.Format[] formats = stylesPath == null ? new GridCell.Format[0] : formats(zip, stylesPath);
            List<String> strings = stringsPath == null ? List.of() : sharedStrings(zip, stringsPath);
            List<GridSheet> out = new ArrayList<>();
            List<SheetEntry> entries = new ArrayList<>();
            int index = 0;
            for (String[] s : sheets) {
                String[] rel = rels.get(s[1]);
                index++;
                boolean hidden = s[2] != null && !"visible".equals(s[2]);
                ZipEntry e = rel == null || !rel[0].endsWith("/worksheet") ? null : zip.getEntry(resolve(dir, rel[1]));
                entries.add(new SheetEntry(s[0], hidden, e != null));
                if (e == null || !scan.test(s[0])) {
                    continue;
                }
                GridSheet grid = new GridSheet(s[0], hidden);
                try (InputStream in = new Prefetch(guarded(zip, e))) {
                    new SheetScanner(in, grid, strings, formats, progress).scan();
                }
                out.add(grid);
                if (progress != null) {
                    progress.update(Math.min(0.9, 0.1 + 0.8 * index / sheets.size()), "Read sheet " + s[0]);
                }
            }
            if (date1904[0]) {
                DateSystem.shiftTo1900(out);
            }
            return new Book(entries, names, out);
        }
    }

    private static String officeDocument(ZipFile zip) throws Exception {
        Map<String, String[]> rels = relationships(zip, "_rels/.rels");
        for (String[] rel : rels.values()) {
            if (rel[0].endsWith("/officeDocument")) {
                return rel[1].startsWith("/") ? rel[1].substring(1) : rel[1];
            }
        }
        return "xl/workbook.xml";
    }

    /** rId → {type, target}. */
    private static Map<String, String[]> relationships(ZipFile zip, String path) throws Exception {
        Map<String, String[]> rels = new LinkedHashMap<>();
        if (zip.getEntry(path) == null) {
            return rels;
        }
        parse(zip, path, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if ("Relationship".equals(local) && !"External".equals(a.getValue("TargetMode"))) {
                    rels.put(a.getValue("Id"), new String[]{a.getValue("Type"), a.getValue("Target")});
                }
            }
        });
        return rels;
    }

    private static String resolve(String dir, String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        String path = dir + target;
        while (path.contains("/../")) {
            path = path.replaceFirst("[^/]+/\\.\\./", "");
        }
        return path;
    }

    /** Number format of each cell style (xf index): date, percent or general. */
    private static GridCell.Format[] formats(ZipFile zip, String path) throws Exception {
        Map<Integer, String> custom = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        parse(zip, path, new DefaultHandler() {
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if ("numFmt".equals(local)) {
                    custom.put(Integer.parseInt(a.getValue("numFmtId")), a.getValue("formatCode"));
                } else if ("cellXfs".equals(local)) {
                    inCellXfs = true;
                } else if (inCellXfs && "xf".equals(local)) {
                    String id = a.getValue("numFmtId");
                    xfs.add(id == null ? 0 : Integer.parseInt(id));
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if ("cellXfs".equals(local)) {
                    inCellXfs = false;
                }
            }
        });
        GridCell.Format[] out = new GridCell.Format[xfs.size()];
        for (int i = 0; i < out.length; i++) {
            int id = xfs.get(i);
            String code = custom.containsKey(id) ? custom.get(id) : BuiltinFormats.getBuiltinFormat(id);
            if (code != null && code.contains("%")) {
                out[i] = GridCell.Format.PERCENT;
            } else {
                out[i] = code != null && DateUtil.isADateFormat(id, code) ? GridCell.Format.DATE : GridCell.Format.GENERAL;
            }
        }
        return out;
    }

    private static List<String> sharedStrings(ZipFile zip, String path) throws Exception {
        List<String> out = new ArrayList<>();
        parse(zip, path, new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();
            private boolean inT;
            private boolean inPhonetic;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                switch (local) {
                    case "si" -> text.setLength(0);
                    case "rPh" -> inPhonetic = true;
                    case "t" -> inT = !inPhonetic;
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inT) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                switch (local) {
                    case "si" -> out.add(VisibleText.decodeEscapes(text.toString()));
                    case "rPh" -> inPhonetic = false;
                    case "t" -> inT = false;
                    default -> {
                    }
                }
            }
        });
        return out;
    }

    private static void parse(ZipFile zip, String path, DefaultHandler handler) throws Exception {
        ZipEntry e = zip.getEntry(path);
        if (e == null) {
            throw new IOException("the part " + path + " is missing");
        }
        try (InputStream in = guarded(zip, e)) {
            XMLReader xml = secureReader();
            xml.setContentHandler(handler);
            // DefaultHandler throws on a fatal error; without it the parser also prints "[Fatal Error]" to stderr
            xml.setErrorHandler(handler);
            xml.parse(new InputSource(in));
        }
    }

    private static final SAXParserFactory SAX = saxFactory();

    /**
     * The settings POI's XMLHelper gives a SAX reader (no external DTD or entities, secure
     * processing, no DOCTYPE, at most one entity expansion), made here so that a read that needs no other POI
     * class does not load POI's logging for it.
     */
    private static SAXParserFactory saxFactory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setValidating(false);
        f.setNamespaceAware(true);
        // Each setting on its own, as POI does: a parser without one still gets the others.
        String[] features = {XMLConstants.FEATURE_SECURE_PROCESSING,
                "http://apache.org/xml/features/nonvalidating/load-dtd-grammar",
                "http://apache.org/xml/features/nonvalidating/load-external-dtd",
                "http://xml.org/sax/features/external-general-entities",
                "http://apache.org/xml/features/disallow-doctype-decl"};
        boolean[] values = {true, false, false, false, true};
        for (int i = 0; i < features.length; i++) {
            try {
                f.setFeature(features[i], values[i]);
            } catch (Exception | AbstractMethodError unsupported) {
                // not known to this parser
            }
        }
        return f;
    }

    private static XMLReader secureReader() throws Exception {
        XMLReader xml = SAX.newSAXParser().getXMLReader();
        xml.setEntityResolver(IGNORE_ENTITIES);
        try {
            xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (Exception | AbstractMethodError unsupported) {
            // not known to this parser
        }
        try {
            xml.setFeature("http://xml.org/sax/features/external-general-entities", false);
        } catch (Exception | AbstractMethodError unsupported) {
            // not known to this parser
        }
        try {
            xml.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 1);
        } catch (Exception | AbstractMethodError unsupported) {
            // not known to this parser
        }
        return xml;
    }

    /** Resolves every external entity to nothing. */
    private static final org.xml.sax.EntityResolver IGNORE_ENTITIES = new org.xml.sax.EntityResolver() {
        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new java.io.StringReader(""));
        }
    };

    /** An entry's bytes, cut off with an error as soon as they outgrow the zip-bomb limits. */
    private static InputStream guarded(ZipFile zip, ZipEntry e) throws IOException {
        long compressed = Math.max(1, e.getCompressedSize());
        String name = e.getName();
        return new FilterInputStream(zip.getInputStream(e)) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    check(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    check(n);
                }
                return n;
            }

            private void check(int n) throws BombException {
                count += n;
                if (count > MAX_ENTRY_BYTES || count > RATIO_GRACE_BYTES && count > compressed * MAX_RATIO) {
                    throw new BombException(name);
                }
            }
        };
    }

    /**
     * Inflates an entry on a second thread, a few chunks ahead of the scanner, so unpacking and
     * scanning overlap. Errors (a zip bomb, a damaged entry) reach the reader on its next read.
     */
    static final class Prefetch extends InputStream {
        private static final Object END = new Object();
        private static final int CHUNK = 1 << 18;

        private final InputStream source;
        private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
        private final Thread worker;
        private byte[] current = new byte[0];
        private int pos;
        private boolean finished;

        Prefetch(InputStream source) {
            this.source = source;
            worker = new Thread(this::pump, "sheet-inflater");
            worker.setDaemon(true);
            // Its errors reach the reader through the queue; one it could not even queue (out of
            // memory) is seen by the reader as the thread ending early, never printed here.
            worker.setUncaughtExceptionHandler(SILENT);
            worker.start();
        }

        private void pump() {
            try {
                while (true) {
                    byte[] chunk = new byte[CHUNK];
                    int n = source.readNBytes(chunk, 0, CHUNK);
                    if (n > 0) {
                        queue.put(n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
                    }
                    if (n < CHUNK) {
                        queue.put(END);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private boolean fill() throws IOException {
            while (pos >= current.length) {
                if (finished) {
                    return false;
                }
                Object next;
                try {
                    next = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (next == null) {
                        if (!worker.isAlive() && queue.isEmpty()) {
                            finished = true;
                            throw new OutOfMemoryError("the sheet inflater stopped without a word");
                        }
                        continue;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("reading was interrupted");
                }
                if (next == END) {
                    finished = true;
                    return false;
                }
                if (next instanceof IOException io) {
                    finished = true;
                    throw io;
                }
                if (next instanceof RuntimeException re) {
                    finished = true;
                    throw re;
                }
                if (next instanceof Error err) {
                    finished = true;
                    throw err;
                }
                current = (byte[]) next;
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            worker.interrupt();
            try {
                worker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            source.close();
        }
    }

    /** For helper threads whose failures are reported by the thread that waits for them. */
    public static final Thread.UncaughtExceptionHandler SILENT = (thread, error) -> {
    };

    /** Shifts the relative references of a shared formula from its first cell to another. */
    static String shift(String formula, int rows, int cols) {
        if (rows == 0 && cols == 0) {
            return formula;
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = REF.matcher(formula);
        int last = 0;
        boolean inString = false;
        while (m.find()) {
            for (int k = last; k < m.start(); k++) {
                if (formula.charAt(k) == '"') {
                    inString = !inString;
                }
            }
            sb.append(formula, last, m.start());
            if (inString || m.start() > 0 && Character.isLetterOrDigit(formula.charAt(m.start() - 1))) {
                sb.append(m.group());
            } else {
                int col = columnIndex(m.group(2));
                int row = Integer.parseInt(m.group(4));
                if (m.group(1).isEmpty()) {
                    col += cols;
                }
                if (m.group(3).isEmpty()) {
                    row += rows;
                }
                sb.append(m.group(1)).append(SourceRef.columnName(Math.max(0, col))).append(m.group(3))
                        .append(Math.max(1, row));
            }
            last = m.end();
        }
        sb.append(formula.substring(last));
        return sb.toString();
    }

    private static int columnIndex(String letters) {
        int c = 0;
        for (int i = 0; i < letters.length(); i++) {
            c = c * 26 + (letters.charAt(i) - 'A' + 1);
        }
        return c - 1;
    }

    /**
     * A byte-level scanner for a worksheet part. It reads tags and text in one pass, ignores every
     * element but row, c, v, f and the t of inline strings, and decodes the five XML entities and
     * character references. A DOCTYPE is refused outright.
     */
    private static final class SheetScanner {
        private record Shared(String formula, int row, int col) {
        }

        private final InputStream in;
        private final GridSheet grid;
        private final List<String> strings;
        private final GridCell.Format[] formats;
        private final Progress progress;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;
        private final byte[] name = new byte[64];
        private int nameLen;
        private byte[] text = new byte[256];
        private int textLen;
        private final Map<String, Shared> shared = new HashMap<>();

        private int row = -1;
        private int col = -1;
        private String type;
        private int style = -1;
        private String formula;
        private String value;
        /** Marks a value already parsed into {@code fastNumber}; compared by identity. */
        @SuppressWarnings("StringOperationCanBeSimplified")
        private static final String FAST = new String("fast");
        /** The value parsed straight from the bytes of a plain number, or NaN when it needs the slow path. */
        private double fastNumber;
        private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        private String inline;
        private boolean inInline;
        private boolean inPhonetic;
        private String fType;
        private String fSi;
        private boolean fRef;
        private long cells;

        SheetScanner(InputStream in, GridSheet grid, List<String> strings, GridCell.Format[] formats,
                     Progress progress) {
            this.in = in;
            this.grid = grid;
            this.strings = strings;
            this.formats = formats;
            this.progress = progress;
        }

        private int next() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++] & 0xFF;
        }

        void scan() throws IOException, ReadCancelled {
            int b;
            while (true) {
                // Text between tags (line breaks, mostly) is skipped without a call per byte.
                byte[] bytes = buf;
                int p = pos;
                int limit = len;
                while (p < limit && bytes[p] != '<') {
                    p++;
                }
                pos = p;
                if ((b = next()) < 0) {
                    break;
                }
                if (b != '<') {
                    continue;
                }
                if (pos + 1 < len && buf[pos] == 'c' && buf[pos + 1] == ' ' && fastCell()) {
                    continue;
                }
                if (pos + 3 < len && buf[pos] == 'r' && buf[pos + 1] == 'o' && buf[pos + 2] == 'w'
                        && (buf[pos + 3] == ' ' || buf[pos + 3] == '>') && fastRow()) {
                    continue;
                }
                b = next();
                if (b == '/') {
                    if (readName(next()) != '>') {
                        skipTo('>');
                    }
                    endElement();
                } else if (b == '?') {
                    skipTo('>');
                } else if (b == '!') {
                    skipDeclaration();
                } else {
                    startElement(readName(b));
                }
            }
        }

        /**
         * The cell as nearly every large sheet writes it, {@code <c r="B7" s="2" t="n"><v>12.5</v></c>}
         * (or self-closing, or a shared string, boolean, error or formula-less text), read straight from
         * the buffer when it lies wholly inside it: no call per byte and no string for a number. Anything
         * else (a formula, an inline string, an entity, a prefix, a cell split across two reads) returns
         * false with nothing consumed, and the general path reads it.
         */
        private boolean fastCell() throws ReadCancelled {
            final byte[] bytes = buf;
            final int end = len;
            int p = pos + 2;
            int cellRow = row;
            int cellCol = col + 1;
            int cellStyle = -1;
            int typeStart = -1;
            int typeLen = 0;
            // attributes
            while (true) {
                while (p < end && bytes[p] == ' ') {
                    p++;
                }
                if (p >= end) {
                    return false;
                }
                byte a = bytes[p];
                if (a == '>' || a == '/') {
                    break;
                }
                int nameStart = p;
                while (p < end && bytes[p] != '=' && bytes[p] != ' ' && bytes[p] != ':' && bytes[p] != '>') {
                    if (bytes[p] == '\n' || bytes[p] == '\r' || bytes[p] == '\t') {
                        return false;
                    }
                    p++;
                }
                if (p + 1 >= end || bytes[p] != '=' || bytes[p + 1] != '"') {
                    return false;
                }
                int nameLength = p - nameStart;
                int v = p + 2;
                int q = v;
                while (q < end && bytes[q] != '"') {
                    if (bytes[q] == '&') {
                        return false;
                    }
                    q++;
                }
                if (q >= end) {
                    return false;
                }
                if (nameLength == 1) {
                    byte n = bytes[nameStart];
                    if (n == 'r') {
                        int i = v;
                        int c = 0;
                        while (i < q && (bytes[i] >= 'A' && bytes[i] <= 'Z')) {
                            c = c * 26 + (bytes[i] - 'A' + 1);
                            i++;
                        }
                        int r = 0;
                        for (int k = i; k < q; k++) {
                            int d = bytes[k] - '0';
                            if (d < 0 || d > 9 || k - i > 7) {
                                return false;
                            }
                            r = r * 10 + d;
                        }
                        if (i == v || i - v > 3 || i == q) {
                            return false;
                        }
                        cellCol = c - 1;
                        cellRow = r - 1;
                    } else if (n == 's') {
                        int st = 0;
                        for (int k = v; k < q; k++) {
                            int d = bytes[k] - '0';
                            if (d < 0 || d > 9 || k - v > 8) {
                                return false;
                            }
                            st = st * 10 + d;
                        }
                        cellStyle = q == v ? -1 : st;
                    } else if (n == 't') {
                        typeStart = v;
                        typeLen = q - v;
                    }
                }
                p = q + 1;
            }
            char kind = 'n';
            if (typeStart >= 0) {
                if (typeLen == 1) {
                    kind = (char) bytes[typeStart];
                    if (kind != 'n' && kind != 's' && kind != 'b' && kind != 'e') {
                        return false;
                    }
                } else if (typeLen == 3 && bytes[typeStart] == 's' && bytes[typeStart + 1] == 't'
                        && bytes[typeStart + 2] == 'r') {
                    kind = 't';
                } else if (typeLen == 9 && startsWith(bytes, typeStart, INLINE_STR, end)) {
                    kind = 'i';
                } else {
                    return false;
                }
            }
            int valueStart = -1;
            int valueEnd = -1;
            if (bytes[p] == '/') {
                if (p + 1 >= end || bytes[p + 1] != '>') {
                    return false;
                }
                p += 2;
            } else if (kind == 'i') {
                // p at '>': exactly <is><t>text</t></is></c> must follow (or <t xml:space="preserve">).
                int q = p + 1;
                if (startsWith(bytes, q, IS_T, end)) {
                    q += IS_T.length;
                } else if (startsWith(bytes, q, IS_T_PRESERVE, end)) {
                    q += IS_T_PRESERVE.length;
                } else {
                    return false;
                }
                valueStart = q;
                while (q < end && bytes[q] != '<') {
                    if (bytes[q] == '&') {
                        return false;
                    }
                    q++;
                }
                if (!startsWith(bytes, q, T_IS_C, end)) {
                    return false;
                }
                valueEnd = q;
                p = q + T_IS_C.length;
            } else {
                // p at '>': exactly <v>text</v></c> must follow.
                if (p + 4 >= end || bytes[p + 1] != '<') {
                    return false;
                }
                if (bytes[p + 2] == '/' && bytes[p + 3] == 'c' && bytes[p + 4] == '>') {
                    p += 5;
                } else {
                    if (bytes[p + 2] != 'v' || bytes[p + 3] != '>') {
                        return false;
                    }
                    valueStart = p + 4;
                    int q = valueStart;
                    while (q < end && bytes[q] != '<') {
                        if (bytes[q] == '&' || bytes[q] < 0) {
                            return false;
                        }
                        q++;
                    }
                    if (q + 7 >= end || bytes[q + 1] != '/' || bytes[q + 2] != 'v' || bytes[q + 3] != '>'
                            || bytes[q + 4] != '<' || bytes[q + 5] != '/' || bytes[q + 6] != 'c'
                            || bytes[q + 7] != '>') {
                        return false;
                    }
                    valueEnd = q;
                    p = q + 8;
                }
            }
            // Committed: the cell is consumed.
            pos = p;
            row = cellRow;
            col = cellCol;
            if (++cells % 65_536 == 0 && progress != null && progress.cancelled()) {
                throw new ReadCancelled();
            }
            if (row < 0 || col < 0 || valueStart < 0 && (kind == 'n' || kind == 's')) {
                // No value and no formula: nothing to keep (the general path drops it the same way).
                return true;
            }
            if (kind == 'n') {
                double v = parseDecimal(bytes, valueStart, valueEnd);
                if (Double.isNaN(v)) {
                    String text = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
                    if (text.isEmpty()) {
                        return true;
                    }
                    try {
                        v = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        grid.set(row, col, GridCell.text(text, null));
                        return true;
                    }
                }
                GridCell.Format f = cellStyle >= 0 && cellStyle < formats.length ? formats[cellStyle]
                        : GridCell.Format.GENERAL;
                if (f == GridCell.Format.GENERAL) {
                    grid.setNumber(row, col, v);
                } else {
                    grid.set(row, col, GridCell.number(v, null, f));
                }
                return true;
            }
            if (kind == 'i') {
                if (valueStart >= 0) {
                    grid.set(row, col, GridCell.text(VisibleText.decodeEscapes(new String(bytes, valueStart,
                            valueEnd - valueStart, StandardCharsets.UTF_8)), null));
                }
                return true;
            }
            // The general path keeps the rest: shared strings, booleans, errors, formula-less text.
            type = kind == 's' ? "s" : kind == 'b' ? "b" : kind == 'e' ? "e" : "str";
            style = cellStyle;
            formula = null;
            inline = null;
            fastNumber = Double.NaN;
            value = valueStart < 0 ? null
                    : new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
            finishCell();
            return true;
        }

        private static final byte[] INLINE_STR = "inlineStr".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] IS_T = "<is><t>".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] IS_T_PRESERVE = "<is><t xml:space=\"preserve\">".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] T_IS_C = "</t></is></c>".getBytes(StandardCharsets.US_ASCII);

        private static boolean startsWith(byte[] bytes, int at, byte[] prefix, int end) {
            if (at < 0 || at + prefix.length > end) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (bytes[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code <row r="12" ...>} read straight from the buffer (attributes other than r skipped); false
         * with nothing consumed for anything else (a prefix, single quotes, a line break in the tag, a
         * tag split across two reads), which the general path then reads.
         */
        private boolean fastRow() {
            final byte[] bytes = buf;
            final int end = len;
            int p = pos + 3;
            int r = -1;
            while (true) {
                while (p < end && bytes[p] == ' ') {
                    p++;
                }
                if (p >= end) {
                    return false;
                }
                if (bytes[p] == '>') {
                    p++;
                    break;
                }
                if (bytes[p] == '/') {
                    if (p + 1 >= end || bytes[p + 1] != '>') {
                        return false;
                    }
                    p += 2;
                    break;
                }
                int nameStart = p;
                while (p < end && bytes[p] != '=') {
                    byte b = bytes[p];
                    if (b == ' ' || b == '>' || b == ':' || b == '\n' || b == '\r' || b == '\t') {
                        return false;
                    }
                    p++;
                }
                if (p + 1 >= end || bytes[p + 1] != '"') {
                    return false;
                }
                boolean isRef = p - nameStart == 1 && bytes[nameStart] == 'r';
                int v = p + 2;
                int q = v;
                while (q < end && bytes[q] != '"') {
                    q++;
                }
                if (q >= end) {
                    return false;
                }
                if (isRef) {
                    int n = 0;
                    for (int k = v; k < q; k++) {
                        int d = bytes[k] - '0';
                        if (d < 0 || d > 9 || k - v > 7) {
                            return false;
                        }
                        n = n * 10 + d;
                    }
                    r = q == v ? -1 : n;
                }
                p = q + 1;
            }
            pos = p;
            row = r > 0 ? r - 1 : row + 1;
            col = -1;
            return true;
        }

        /**
         * Parses a plain decimal ("1234.5", "-0.25", "46023") from {@code bytes[from, to)}. With at most
         * 15 significant digits the mantissa and the power of ten are exact doubles, so one division
         * gives the correctly rounded value, the same as Double.parseDouble. Anything else returns NaN.
         */
        private static double parseDecimal(byte[] bytes, int from, int to) {
            int i = from;
            boolean negative = false;
            if (i < to && bytes[i] == '-') {
                negative = true;
                i++;
            }
            if (i == to) {
                return Double.NaN;
            }
            long mantissa = 0;
            int digits = 0;
            int scale = 0;
            boolean dot = false;
            for (; i < to; i++) {
                int ch = bytes[i];
                if (ch >= '0' && ch <= '9') {
                    if (mantissa != 0 || ch != '0') {
                        digits++;
                    }
                    if (digits > 15) {
                        return Double.NaN;
                    }
                    mantissa = mantissa * 10 + (ch - '0');
                    if (dot) {
                        scale++;
                    }
                } else if (ch == '.' && !dot) {
                    dot = true;
                } else {
                    return Double.NaN;
                }
            }
            double v = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
            return negative ? -v : v;
        }

        /** Reads a tag name (without prefix) into {@code name}; returns the byte that ended it. */
        private int readName(int b) throws IOException {
            nameLen = 0;
            while (b >= 0 && b != ' ' && b != '>' && b != '/' && b != '\t' && b != '\n' && b != '\r') {
                if (b == ':') {
                    nameLen = 0;
                } else if (nameLen < name.length) {
                    name[nameLen++] = (byte) b;
                }
                b = next();
            }
            return b;
        }

        private boolean nameIs(String s) {
            if (nameLen != s.length()) {
                return false;
            }
            for (int i = 0; i < nameLen; i++) {
                if (name[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void skipTo(int c) throws IOException {
            int b;
            while ((b = next()) >= 0 && b != c) {
                // skip
            }
        }

        private void skipDeclaration() throws IOException {
            int b = next();
            if (b == '-') {
                // Comment: skip to "-->".
                int dashes = 0;
                while ((b = next()) >= 0) {
                    if (b == '>' && dashes >= 2) {
                        return;
                    }
                    dashes = b == '-' ? dashes + 1 : 0;
                }
                return;
            }
            if (b == 'D' || b == 'd') {
                throw new IOException("the sheet declares a DOCTYPE, which a workbook never needs; it was not read");
            }
            skipTo('>');
        }

        private static final int IGNORE = 0;
        private static final int CELL = 1;
        private static final int ROW = 2;
        private static final int FORMULA = 3;
        private final byte[] attrName = new byte[32];
        private byte[] attrValue = new byte[64];

        /**
         * Reads attributes up to '>' into the fields of the element being read (c: r, s, t; row: r;
         * f: t, si, ref) without building maps or strings; returns true for a self-closing tag.
         */
        private boolean attributes(int b, int element) throws IOException {
            boolean selfClosing = false;
            int nLen = 0;
            while (b >= 0 && b != '>') {
                if (b == '/') {
                    selfClosing = true;
                } else if (b == '=') {
                    int q = next();
                    while (q == ' ' || q == '\t' || q == '\n' || q == '\r') {
                        q = next();
                    }
                    int vLen = 0;
                    int v;
                    while ((v = next()) >= 0 && v != q) {
                        if (vLen == attrValue.length) {
                            attrValue = java.util.Arrays.copyOf(attrValue, vLen * 2);
                        }
                        attrValue[vLen++] = (byte) v;
                    }
                    if (element != IGNORE) {
                        attribute(element, nLen, vLen);
                    }
                    nLen = 0;
                } else if (b == ':') {
                    nLen = 0;
                } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    if (nLen < attrName.length) {
                        attrName[nLen++] = (byte) b;
                    }
                    selfClosing = false;
                } else {
                    nLen = 0;
                }
                b = next();
            }
            return selfClosing;
        }

        private boolean attrIs(int nLen, String s) {
            if (nLen != s.length()) {
                return false;
            }
            for (int i = 0; i < nLen; i++) {
                if (attrName[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int attrInt(int vLen) {
            int n = 0;
            for (int i = 0; i < vLen; i++) {
                int d = attrValue[i] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                n = n * 10 + d;
            }
            return vLen == 0 ? -1 : n;
        }

        private String attrString(int vLen) {
            return new String(attrValue, 0, vLen, StandardCharsets.UTF_8);
        }

        private void attribute(int element, int nLen, int vLen) {
            if (element == CELL) {
                if (attrIs(nLen, "r")) {
                    int i = 0;
                    int c = 0;
                    while (i < vLen && (attrValue[i] >= 'A' && attrValue[i] <= 'Z' || attrValue[i] >= 'a' && attrValue[i] <= 'z')) {
                        c = c * 26 + (Character.toUpperCase(attrValue[i]) - 'A' + 1);
                        i++;
                    }
                    col = c - 1;
                    int r = 0;
                    for (int k = i; k < vLen; k++) {
                        r = r * 10 + (attrValue[k] - '0');
                    }
                    if (i < vLen) {
                        row = r - 1;
                    }
                    cellHasRef = true;
                } else if (attrIs(nLen, "s")) {
                    style = attrInt(vLen);
                } else if (attrIs(nLen, "t")) {
                    type = vLen == 1 && attrValue[0] == 'n' ? null : vLen == 1 && attrValue[0] == 's' ? "s"
                            : attrString(vLen);
                }
            } else if (element == ROW) {
                if (attrIs(nLen, "r")) {
                    int r = attrInt(vLen);
                    if (r > 0) {
                        row = r - 1;
                        rowHasRef = true;
                    }
                }
            } else if (element == FORMULA) {
                if (attrIs(nLen, "t")) {
                    fType = attrString(vLen);
                } else if (attrIs(nLen, "si")) {
                    fSi = attrString(vLen);
                } else if (attrIs(nLen, "ref")) {
                    fRef = true;
                }
            }
        }

        private boolean cellHasRef;
        private boolean rowHasRef;

        private void startElement(int b) throws IOException, ReadCancelled {
            if (nameIs("c")) {
                type = null;
                style = -1;
                formula = null;
                value = null;
                fastNumber = Double.NaN;
                inline = null;
                cellHasRef = false;
                int previousCol = col;
                boolean selfClosing = attributes(b, CELL);
                if (!cellHasRef) {
                    col = previousCol + 1;
                }
                if (++cells % 65_536 == 0 && progress != null && progress.cancelled()) {
                    throw new ReadCancelled();
                }
                if (selfClosing) {
                    finishCell();
                }
            } else if (nameIs("v")) {
                if (!attributes(b, IGNORE)) {
                    boolean numeric = type == null && formula == null;
                    if (numeric) {
                        readRaw();
                        fastNumber = parseDecimal();
                        value = Double.isNaN(fastNumber) ? decode() : FAST;
                    } else {
                        value = readText();
                    }
                }
            } else if (nameIs("f")) {
                fType = null;
                fSi = null;
                fRef = false;
                boolean selfClosing = attributes(b, FORMULA);
                finishFormula(selfClosing ? "" : readText());
            } else if (nameIs("row")) {
                rowHasRef = false;
                int previousRow = row;
                attributes(b, ROW);
                if (!rowHasRef) {
                    row = previousRow + 1;
                }
                col = -1;
            } else if (nameIs("is")) {
                inInline = !attributes(b, IGNORE);
            } else if (nameIs("rPh")) {
                inPhonetic = !attributes(b, IGNORE);
            } else if (nameIs("t") && inInline && !inPhonetic) {
                if (!attributes(b, IGNORE)) {
                    String t = readText();
                    inline = inline == null ? t : inline + t;
                }
            } else {
                attributes(b, IGNORE);
            }
        }

        private void endElement() {
            if (nameIs("c")) {
                finishCell();
            } else if (nameIs("is")) {
                inInline = false;
            } else if (nameIs("rPh")) {
                inPhonetic = false;
            }
        }

        /** {@link #parseDecimal(byte[], int, int)} over the element text read by {@link #readRaw}. */
        private double parseDecimal() {
            return parseDecimal(text, 0, textLen);
        }

        /** Reads an element's text into the byte buffer without decoding (for numbers). */
        private void readRaw() throws IOException {
            textLen = 0;
            int b;
            while ((b = next()) >= 0) {
                if (b == '<') {
                    int c = next();
                    if (c == '!') {
                        readCdata();
                        continue;
                    }
                    if (readName(c == '/' ? next() : c) != '>') {
                        skipTo('>');
                    }
                    return;
                }
                if (textLen == text.length) {
                    text = java.util.Arrays.copyOf(text, text.length * 2);
                }
                text[textLen++] = (byte) b;
            }
        }

        /** Reads text up to the next '<' (the element's end tag, which it also consumes). */
        private String readText() throws IOException {
            readRaw();
            return decode();
        }

        private void readCdata() throws IOException {
            // "<![CDATA[" ... "]]>": copy the content as it is.
            for (int i = 0; i < 7; i++) {
                next();
            }
            int b;
            int brackets = 0;
            while ((b = next()) >= 0) {
                if (b == '>' && brackets >= 2) {
                    textLen -= 2;
                    return;
                }
                brackets = b == ']' ? brackets + 1 : 0;
                if (textLen == text.length) {
                    text = java.util.Arrays.copyOf(text, text.length * 2);
                }
                text[textLen++] = (byte) b;
            }
        }

        private String decode() {
            boolean plain = true;
            for (int i = 0; i < textLen && plain; i++) {
                plain = text[i] != '&' && text[i] >= 0;
            }
            if (plain) {
                return new String(text, 0, textLen, StandardCharsets.ISO_8859_1);
            }
            String s = new String(text, 0, textLen, StandardCharsets.UTF_8);
            if (s.indexOf('&') < 0) {
                return s;
            }
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                int semi = ch == '&' ? s.indexOf(';', i) : -1;
                if (semi < 0) {
                    sb.append(ch);
                    continue;
                }
                String ent = s.substring(i + 1, semi);
                switch (ent) {
                    case "amp" -> sb.append('&');
                    case "lt" -> sb.append('<');
                    case "gt" -> sb.append('>');
                    case "quot" -> sb.append('"');
                    case "apos" -> sb.append('\'');
                    default -> {
                        try {
                            int code = ent.startsWith("#x") ? Integer.parseInt(ent.substring(2), 16)
                                    : ent.startsWith("#") ? Integer.parseInt(ent.substring(1)) : -1;
                            if (code < 0) {
                                sb.append(s, i, semi + 1);
                            } else {
                                sb.appendCodePoint(code);
                            }
                        } catch (IllegalArgumentException e) {
                            sb.append(s, i, semi + 1);
                        }
                    }
                }
                i = semi;
            }
            return sb.toString();
        }

        private void finishFormula(String f) {
            if ("shared".equals(fType) && fSi != null) {
                if (fRef || !f.isEmpty()) {
                    shared.put(fSi, new Shared(f, row, col));
                } else {
                    Shared master = shared.get(fSi);
                    f = master == null ? "?" : shift(master.formula, row - master.row, col - master.col);
                }
            }
            formula = f.isEmpty() ? "?" : f;
        }

        private void finishCell() {
            if (row < 0 || col < 0) {
                return;
            }
            GridCell cell;
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    if (value == null) {
                        return;
                    }
                    int idx;
                    try {
                        idx = Integer.parseInt(value.trim());
                    } catch (NumberFormatException e) {
                        return;
                    }
                    if (idx < 0 || idx >= strings.size()) {
                        return;
                    }
                    cell = GridCell.text(strings.get(idx), formula);
                }
                case "inlineStr" -> {
                    if (inline == null) {
                        return;
                    }
                    cell = GridCell.text(VisibleText.decodeEscapes(inline), formula);
                }
                case "str", "d" -> cell = value == null ? noValue() : GridCell.text(value, formula);
                case "b" -> cell = value == null ? noValue() : new GridCell(GridCell.Kind.BOOLEAN,
                        "1".equals(value) ? 1 : 0, "1".equals(value) ? "TRUE" : "FALSE", formula,
                        GridCell.Format.GENERAL);
                case "e" -> cell = new GridCell(GridCell.Kind.ERROR, 0, value == null ? "#ERROR" : value, formula,
                        GridCell.Format.GENERAL);
                default -> {
                    if (value == null || value.isEmpty()) {
                        if (formula == null) {
                            return;
                        }
                        cell = noValue();
                    } else {
                        try {
                            double v = value == FAST ? fastNumber : Double.parseDouble(value);
                            GridCell.Format f = style >= 0 && style < formats.length ? formats[style]
                                    : GridCell.Format.GENERAL;
                            if (formula == null && f == GridCell.Format.GENERAL) {
                                grid.setNumber(row, col, v);
                                return;
                            }
                            cell = GridCell.number(v, formula,
                                    style >= 0 && style < formats.length ? formats[style] : GridCell.Format.GENERAL);
                        } catch (NumberFormatException e) {
                            cell = GridCell.text(value, formula);
                        }
                    }
                }
            }
            grid.set(row, col, cell);
        }

        private GridCell noValue() {
            return new GridCell(GridCell.Kind.NO_VALUE, 0, "saved without its result; open the workbook in Excel"
                    + " and save it so the result is stored", formula, GridCell.Format.GENERAL);
        }
    }
}
