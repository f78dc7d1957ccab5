package com.marginworkbench.workbook;

import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.cells.InputGuards;
import com.marginworkbench.workbook.cells.PathChecks;
import com.marginworkbench.workbook.cells.PoiWorkbooks;
import com.marginworkbench.workbook.cells.StreamingGrid;
import com.marginworkbench.workbook.cells.UserModelGrid;
import com.marginworkbench.workbook.cells.VisibleText;
import com.marginworkbench.workbook.own.OwnModelReader;
import com.marginworkbench.workbook.statement.StatementChoice;
import com.marginworkbench.workbook.statement.VendorDictionary;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a workbook into a {@link ReadResult}. The file is checked by its bytes first, so a missing,
 * empty, damaged, encrypted, Strict OOXML, binary (.xlsb) or non-Excel file gets one plain sentence
 * saying what it is and what to do, not a stack trace. An .xlsx or .xlsm is streamed straight from
 * its zip (a million cells fit in a small heap, and no POI user model is loaded); POI's user model
 * reads .xls files, and .xlsx ones of normal size that hold a formula saved without its result,
 * which it recalculates. The source file is opened read-only and never written.
 */
public final class WorkbookReader {
    /** Uncompressed sheet XML above this goes through the streaming read. */
    static final long STREAMING_THRESHOLD_BYTES = 8L * 1024 * 1024;

    /** Absolute file paths inside POI's messages: the user knows where the file is, the line stays short. */
    private static final java.util.regex.Pattern ABSOLUTE_PATH = java.util.regex.Pattern.compile(
            "(?<=^|[\\s'(\"])'?(/|[A-Za-z]:\\\\)[^'\" ]*'?");

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private WorkbookReader() {
    }

    public static ReadResult read(Path file) throws WorkbookReadException {
        return read(file, null);
    }

    public static ReadResult read(Path file, Progress progress) throws WorkbookReadException {
        return read(file, progress, Route.AUTO);
    }

    /**
     * How the cells are read. AUTO: the product's own model from its saved values; any other .xlsx or
     * .xlsm through the streaming read, and through POI's user model (which can recalculate) only when
     * a formula was saved without its result and the sheets are small enough to hold; .xls always
     * through the user model. The other two force one path, for tests that compare them.
     */
    enum Route { AUTO, STREAMING, USER_MODEL }

    /** Reads with the user's hints: the range(s) to read, roles, signs, units (see {@link ReadingHints}). */
    public static ReadResult read(Path file, Progress progress, ReadingHints hints) throws WorkbookReadException {
        return read(file, progress, Route.AUTO, hints == null ? ReadingHints.NONE : hints);
    }

    static ReadResult read(Path file, Progress progress, Route route) throws WorkbookReadException {
        return read(file, progress, route, ReadingHints.NONE);
    }

    static ReadResult read(Path file, Progress progress, Route route, ReadingHints hints)
            throws WorkbookReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        PathChecks.checkReadable(file, name);
        SourceStamp stamp;
        try {
            stamp = SourceStamp.of(file);
        } catch (IOException e) {
            throw new WorkbookReadException(name + " cannot be read: " + InputGuards.oneLine(e.getMessage()) + ".");
        }
        ReadResult r = readChecked(file, name, progress, route, hints);
        // The file is opened more than once while reading; a different version at the end means the
        // figures could mix two versions.
        stamp.check(file, "read");
        return visibleLabels(r).withStamp(stamp);
    }

    /** Labels with control characters made visible, so a label can never drive the terminal or hide text. */
    private static ReadResult visibleLabels(ReadResult r) {
        FinancialModel m = r.model();
        boolean changed = false;
        List<com.marginworkbench.model.RevenueLine> revenue = new java.util.ArrayList<>(m.revenue().size());
        for (com.marginworkbench.model.RevenueLine l : m.revenue()) {
            String v = VisibleText.visible(l.label());
            changed |= !v.equals(l.label());
            revenue.add(v.equals(l.label()) ? l
                    : new com.marginworkbench.model.RevenueLine(v, l.source(), l.amounts(), l.layer(), l.usagePriced()));
        }
        List<com.marginworkbench.model.CostLine> costs = new java.util.ArrayList<>(m.costs().size());
        for (com.marginworkbench.model.CostLine l : m.costs()) {
            String v = VisibleText.visible(l.label());
            changed |= !v.equals(l.label());
            costs.add(v.equals(l.label()) ? l : new com.marginworkbench.model.CostLine(v, l.source(), l.amounts(),
                    l.layer(), l.reported(), l.llmPriced(), l.usageVariable()));
        }
        if (!changed) {
            return r;
        }
        return new ReadResult(r.file(), m.withRevenue(revenue).withCosts(costs), r.decisions(), r.problems(),
                r.sheets(), r.ownModel(), r.reading(), r.stamp());
    }

    private static ReadResult readChecked(Path file, String name, Progress progress, Route route,
                                          ReadingHints hints)
            throws WorkbookReadException {
        Checked checked = check(file, name);
        Kind kind = checked.kind();
        update(progress, 0.05, "Checked " + name);
        try {
            List<GridSheet> sheets = null;
            int calculated = 0;
            if (kind == Kind.XLSX && route != Route.USER_MODEL) {
                long xml = checked.sheetXmlBytes();
                // Reading needs about 1.3 bytes of memory per byte of sheet XML; with less than half
                // that, say so now rather than after a long fight with the garbage collector.
                if (xml / 2 > Runtime.getRuntime().maxMemory()) {
                    throw outOfMemory(name);
                }
                boolean large = xml > STREAMING_THRESHOLD_BYTES;
                boolean ownModel = route == Route.AUTO && !large && hints.tables().isEmpty()
                        && OwnModelReader.recognizes(file);
                if (ownModel) {
                    ReadResult own = OwnModelReader.readSavedValues(file, progress);
                    if (own != null) {
                        update(progress, 1, "Read " + name);
                        return own;
                    }
                    // a cell it needs has no saved result: the user model below recalculates it
                } else {
                    preloadDictionary();
                    update(progress, 0.1, "Streaming " + name);
                    sheets = StreamingGrid.of(file, progress);
                    if (route == Route.AUTO && !large && anyWithoutSavedResult(sheets)) {
                        sheets = null;
                    }
                }
            }
            if (sheets == null) {
                try (Workbook wb = PoiWorkbooks.open(file)) {
                    update(progress, 0.3, "Opened " + name);
                    ReadResult own = hints.tables().isEmpty() ? ownModel(wb, file) : null;
                    if (own != null) {
                        update(progress, 1, "Read " + name);
                        return own;
                    }
                    preloadDictionary();
                    UserModelGrid.Loaded loaded = UserModelGrid.load(wb, progress);
                    sheets = loaded.sheets();
                    calculated = loaded.calculated();
                }
            }
            ReadCancelled.check(progress);
            update(progress, 0.92, "Finding the income statement");
            ReadResult result = StatementChoice.read(file, baseName(name), name, sheets, hints);
            update(progress, 1, "Read " + name);
            if (calculated > 0) {
                List<Problem> problems = new java.util.ArrayList<>(result.problems());
                problems.add(0, new Problem("", calculated + (calculated == 1 ? " formula was" : " formulas were")
                        + " saved without a result and calculated here before reading"));
                result = new ReadResult(result.file(), result.model(), result.decisions(), problems, result.sheets(),
                        false, result.reading());
            }
            return result;
        } catch (WorkbookReadException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw passwordProtected(name);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(name);
        } catch (StackOverflowError e) {
            throw damaged(name, "its structure is nested too deeply");
        } catch (Exception e) {
            throw translate(name, e);
        }
    }

    /** True when some formula cell was saved without its result (the streaming read cannot recalculate). */
    private static boolean anyWithoutSavedResult(List<GridSheet> sheets) {
        for (GridSheet s : sheets) {
            for (int r = 0; r < s.rowCount(); r++) {
                Object[] entries = s.rowCells(r);
                if (entries == null) {
                    continue;
                }
                for (Object e : entries) {
                    if (e instanceof GridCell c && c.kind() == GridCell.Kind.NO_VALUE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Loads the dictionary on the side while cells are read: on a cold start that is a few hundred ms. */
    private static void preloadDictionary() {
        Thread preload = new Thread(() -> {
            VendorDictionary.standard();
            StatementChoice.prepare();
        }, "dictionary-preload");
        // a failure here shows again, with its message, where the dictionary is then needed
        preload.setUncaughtExceptionHandler(StreamingGrid.SILENT);
        preload.setDaemon(true);
        preload.start();
    }

    /** Hook for the product's own seventeen-sheet layout; null when the workbook is anything else. */
    private static ReadResult ownModel(Workbook wb, Path file) throws WorkbookReadException {
        return OwnModelReader.recognizes(wb) ? OwnModelReader.read(wb, file) : null;
    }

    // ---------------------------------------------------------------- checks by bytes

    enum Kind { XLSX, XLS }

    /** What the check by bytes found: the kind, and for a zip the unpacked size of its worksheet parts. */
    private record Checked(Kind kind, long sheetXmlBytes) {
    }

    private static Checked check(Path file, String name) throws WorkbookReadException {
        byte[] head = new byte[512];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new WorkbookReadException(name + " cannot be read: " + InputGuards.oneLine(e.getMessage()) + ".");
        }
        if (size == 0) {
            throw new WorkbookReadException(name + " is empty (0 bytes); save the workbook again from Excel.");
        }
        if (startsWith(head, n, OLE2)) {
            return new Checked(checkOle2(file, name), 0);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return new Checked(Kind.XLSX, checkZip(file, name));
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml") || start.startsWith("<html") || start.startsWith("<!doctype")
                || start.startsWith("<table")) {
            throw new WorkbookReadException(name + " is an XML or web page file, not an Excel workbook; open it in"
                    + " Excel and save it as \"Excel Workbook (.xlsx)\".");
        }
        InputGuards.checkBareBiff(name, head, n);
        if (looksLikeText(head, n)) {
            throw new WorkbookReadException(name + " is a text file (CSV or similar), not an Excel workbook; open"
                    + " it in Excel and save it as \"Excel Workbook (.xlsx)\".");
        }
        throw new WorkbookReadException(name + " is not an Excel workbook (.xlsx, .xlsm or .xls); check that you"
                + " chose the right file.");
    }

    private static Kind checkOle2(Path file, String name) throws WorkbookReadException {
        PoiWorkbooks.setLimits();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw passwordProtected(name);
            }
            if (InputGuards.isExcel95(root.hasEntry("Book"), root.hasEntry("Workbook") || root.hasEntry("WORKBOOK"))) {
                throw InputGuards.oldExcel(name, "Excel 5.0/95");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return Kind.XLS;
            }
            if (root.hasEntry("WordDocument")) {
                throw new WorkbookReadException(name + " is a Word document, not a workbook.");
            }
            if (root.hasEntry("PowerPoint Document")) {
                throw new WorkbookReadException(name + " is a PowerPoint file, not a workbook.");
            }
            throw new WorkbookReadException(name + " is an Office file but holds no Excel workbook.");
        } catch (WorkbookReadException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw damaged(name, "its Excel 97-2003 structure is broken");
        }
    }

    /** Checks the zip's parts and returns the unpacked size of its worksheet parts (as their headers say). */
    private static long checkZip(Path file, String name) throws WorkbookReadException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            boolean workbookXml = false;
            boolean workbookBin = false;
            long sheetXml = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String e = entry.getName();
                if (e.startsWith("xl/worksheets/") && e.endsWith(".xml")) {
                    sheetXml += Math.max(0, entry.getSize());
                }
                if (!seen.add(e.toLowerCase(Locale.ROOT))) {
                    throw damaged(name, "the zip archive holds the part " + e + " twice");
                }
                if (e.equalsIgnoreCase("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (e.startsWith("xl/") && e.endsWith(".bin") && e.contains("workbook")) {
                    workbookBin = true;
                } else if (e.startsWith("xl/") && e.endsWith(".xml") && e.contains("workbook")) {
                    workbookXml = true;
                }
            }
            String types = contentTypes ? readEntry(zip, "[Content_Types].xml", 256 * 1024) : "";
            if (workbookBin || types.contains("sheet.binary")) {
                throw new WorkbookReadException(name + " is an Excel Binary Workbook (.xlsb), which is not read"
                        + " here; open it in Excel and save it as \"Excel Workbook (.xlsx)\".");
            }
            if (!workbookXml) {
                if (types.contains("wordprocessingml")) {
                    throw new WorkbookReadException(name + " is a Word document, not a workbook.");
                }
                if (types.contains("presentationml")) {
                    throw new WorkbookReadException(name + " is a PowerPoint file, not a workbook.");
                }
                throw new WorkbookReadException(name + " is a zip archive with no Excel workbook inside; check"
                        + " that you chose the right file.");
            }
            String rels = readEntry(zip, "_rels/.rels", 64 * 1024);
            if (rels.contains("purl.oclc.org/ooxml")) {
                throw strict(name);
            }
            return sheetXml;
        } catch (WorkbookReadException e) {
            throw e;
        } catch (ZipException e) {
            throw damaged(name, "the zip archive is incomplete or corrupt (" + InputGuards.oneLine(e.getMessage()) + ")");
        } catch (IOException | RuntimeException e) {
            throw damaged(name, InputGuards.oneLine(e.getMessage()));
        }
    }

    private static String readEntry(ZipFile zip, String entry, int max) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- messages

    /** The sentence for a workbook that did not fit in the memory Java was given. */
    public static WorkbookReadException outOfMemory(String name) {
        return new WorkbookReadException(name + " is too large for the memory available; close other programs"
                + " or give Java more memory (for example -Xmx2g; for the installed command,"
                + " MARGIN_WORKBENCH_JAVA_OPTIONS=-Xmx2g) and try again.");
    }

    private static WorkbookReadException passwordProtected(String name) {
        return new WorkbookReadException(name + " is password-protected; remove the password in Excel (File > Info"
                + " > Protect Workbook) or save an unprotected copy, then open that.");
    }

    private static WorkbookReadException strict(String name) {
        return new WorkbookReadException(name + " is saved as Strict Open XML, which is not read here; open it in"
                + " Excel and save it as \"Excel Workbook (.xlsx)\".");
    }

    private static WorkbookReadException damaged(String name, String detail) {
        return new WorkbookReadException(name + " is damaged and cannot be read (" + detail + "); open it in Excel,"
                + " let Excel repair it, and save it again.");
    }

    private static WorkbookReadException translate(String name, Throwable e) {
        InputGuards.TooLarge big = InputGuards.TooLarge.in(e);
        if (big != null) {
            return big.forFile(name);
        }
        String msg = messages(e);
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("zip bomb") || lower.contains("inflate ratio") || lower.contains("exceeds the max")
                || lower.contains("entity expansion") || lower.contains("entityexpansion")
                || lower.contains("doctype") || lower.contains("entity") && lower.contains("limit")) {
            return new WorkbookReadException(name + " was not read: it expands to far more data than its size"
                    + " suggests (a zip or XML bomb); if you trust its source, open it in Excel and save it again.");
        }
        if (lower.contains("strict ooxml") || lower.contains("purl.oclc.org")) {
            return strict(name);
        }
        if (lower.contains("encrypt") || lower.contains("password")) {
            return passwordProtected(name);
        }
        return damaged(name, firstMessage(e));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 4000; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(' ');
        }
        return sb.toString();
    }

    /** The innermost message: POI wraps the real reason ("duplicate zip entry") in generic ones. */
    private static String firstMessage(Throwable e) {
        String found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                found = ABSOLUTE_PATH.matcher(t.getMessage()).replaceAll("").trim();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return found == null || found.isEmpty() ? InputGuards.describe(e) : InputGuards.oneLine(found);
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] head, int n) {
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t' || b >= 0x80) {
                printable++;
            }
        }
        return n > 0 && printable >= n * 0.95;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void update(Progress p, double fraction, String step) {
        if (p != null) {
            p.update(fraction, step);
        }
    }
}
