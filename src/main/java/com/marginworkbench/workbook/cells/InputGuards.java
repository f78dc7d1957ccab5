package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.WorkbookReadException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Limits and checks against crafted or unusual files, kept in one place so they are easy to find
 * and to test. The reader calls these at a few points; nothing here reads a whole file.
 */
public final class InputGuards {
    /**
     * Most parts a package may hold. POI's default (1,000) refuses a workbook of a few hundred
     * sheets with drawings or comments as "malicious"; a sheet brings at most a handful of parts.
     */
    static final long MAX_PACKAGE_PARTS = 20_000;

    /** Longest quotation of cell text or a label inside a message, so a message stays one readable line. */
    static final int MAX_QUOTE = 80;

    /**
     * Most rows with content a sheet may hold. A P&L or cost ledger of 100,000 lines reads in well
     * under a gigabyte; a sheet filled to Excel's last row (1,048,576) is a data dump, and is refused
     * early with a message instead of running out of memory or time.
     */
    public static final int MAX_ROWS_PER_SHEET = 250_000;

    private static final Pattern EXTERNAL_REF = Pattern.compile("\\[\\d+]");
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{" + (MAX_QUOTE + 1) + ",})'");

    private static volatile boolean installed;

    private InputGuards() {
    }

    /**
     * Sets POI's limits (zip bombs stay refused; more parts allowed) and sends any temporary file
     * POI makes to a private folder that is removed when the program ends, so no copy of client
     * data is left in the shared temporary folder. Safe to call more than once.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        ZipSecureFile.setMaxFileCount(MAX_PACKAGE_PARTS);
        TempFile.setTempFileCreationStrategy(new PrivateTempFiles());
        installed = true;
    }

    /** A limit was passed while reading; the reader turns it into a message naming the file. */
    public static final class TooLarge extends RuntimeException {
        private final String detail;

        TooLarge(String detail) {
            super(detail, null, false, false);
            this.detail = detail;
        }

        /** The TooLarge among {@code e} and its causes, or null. */
        public static TooLarge in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooLarge big) {
                    return big;
                }
                if (t instanceof org.xml.sax.SAXException sax && sax.getException() instanceof TooLarge big) {
                    return big;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return null;
        }

        public WorkbookReadException forFile(String name) {
            return new WorkbookReadException(name + ": " + detail);
        }
    }

    /** Called by {@link GridSheet} for each new row with content. */
    static void checkRowCount(String sheet, int rows) {
        if (rows > MAX_ROWS_PER_SHEET) {
            throw new TooLarge("sheet '" + sheet + "' has more than " + String.format("%,d", MAX_ROWS_PER_SHEET)
                    + " rows with content, more than a cost table read here can hold; copy the cost lines (or"
                    + " totals by vendor and month) into a smaller workbook and open that.");
        }
    }

    /** Excel's last row and column (0-based). */
    static final int LAST_ROW = 1_048_575;
    static final int LAST_COLUMN = 16_383;

    /**
     * Called by {@link GridSheet} before it makes room for a cell: a reference past Excel's last row
     * or column (a damaged or crafted file) would otherwise make it reserve room for billions of rows.
     */
    static void checkCell(String sheet, int r, int c) {
        if (r < 0 || r > LAST_ROW || c < 0 || c > LAST_COLUMN) {
            throw new TooLarge("sheet '" + sheet + "' places a cell outside Excel's grid (row " + (r + 1L)
                    + ", column " + (c + 1L) + "), so the file is damaged; open it in Excel, let Excel repair it,"
                    + " and save it again.");
        }
    }

    // ------------------------------------------------------------------ old formats

    /**
     * Excel 2.x to 4.0 files are bare BIFF records with no container: a BOF record (type 0x0009,
     * 0x0209 or 0x0409) of length 4 to 16 at the very start.
     */
    public static void checkBareBiff(String name, byte[] head, int n) throws WorkbookReadException {
        if (n < 8 || head[0] != 0x09 || head[1] < 0 || head[1] > 0x04 || head[1] % 2 != 0) {
            return;
        }
        int length = (head[2] & 0xFF) | (head[3] & 0xFF) << 8;
        if (length >= 4 && length <= 16) {
            throw oldExcel(name, head[1] == 0 ? "Excel 2.x" : head[1] == 2 ? "Excel 3.0" : "Excel 4.0");
        }
    }

    /** An Excel 5.0/95 workbook keeps its records in an OLE2 stream called "Book" instead of "Workbook". */
    public static boolean isExcel95(boolean hasBook, boolean hasWorkbook) {
        return hasBook && !hasWorkbook;
    }

    public static WorkbookReadException oldExcel(String name, String version) {
        return new WorkbookReadException(name + " is in the " + version + " format, which is too old to be read here;"
                + " open it in Excel (or LibreOffice) and save it as \"Excel Workbook (.xlsx)\".");
    }

    // ------------------------------------------------------------------ formulas

    /** True when a formula refers to a cell in another workbook, written {@code [1]Sheet!A1} in the file. */
    static boolean refersToOtherWorkbook(String formula) {
        return formula != null && EXTERNAL_REF.matcher(formula).find();
    }

    /** Why a formula saved without its result has no value here. */
    /** The name of a spreadsheet function POI's evaluator does not implement, found in {@code e}'s causes. */
    static String unsupportedFunction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.poi.ss.formula.eval.NotImplementedFunctionException f) {
                return f.getFunctionName();
            }
            if (t instanceof org.apache.poi.ss.formula.eval.NotImplementedException && t.getMessage() != null
                    && t.getCause() == null) {
                return t.getMessage();
            }
        }
        return null;
    }

    static String noResult(String formula) {
        if (refersToOtherWorkbook(formula)) {
            return "refers to another workbook and was saved without its result; open it in Excel with the other"
                    + " workbook at hand and save it so the result is stored";
        }
        return "could not be recalculated here; open the workbook in Excel and save it so the result is stored";
    }

    /**
     * Keeps recalculation of formulas saved without results bounded. A chain of formulas too deep
     * for the stack fails again for every cell below its top, each time after climbing the whole
     * chain, which turns one bad column into a hang; so after the first such failure, or after a few
     * seconds spent recalculating in all, the remaining formulas are reported instead.
     */
    static final class Recalculation {
        static final long BUDGET_NANOS = 4_000_000_000L;
        private long spentNanos;
        private String stopped;

        /** Null when the formula may be recalculated, else why it is not. */
        String refusal() {
            if (stopped == null && spentNanos > BUDGET_NANOS) {
                stopped = "was saved without its result, and recalculating this workbook's formulas here took too"
                        + " long; open the workbook in Excel and save it so the results are stored";
            }
            return stopped;
        }

        /** The reason for a failed recalculation; a stack overflow stops all further ones. */
        String failed(String formula, Throwable e) {
            if (e instanceof StackOverflowError) {
                stopped = "sits in a chain of formulas too deep to recalculate here; open the workbook in Excel and"
                        + " save it so the results are stored";
                return stopped;
            }
            String function = unsupportedFunction(e);
            if (function != null) {
                return "was saved without its result and uses the function " + function + ", which cannot be"
                        + " calculated here; open the workbook in Excel and save it so the result is stored";
            }
            return noResult(formula);
        }

        void spent(long nanos) {
            spentNanos += nanos;
        }
    }

    // ------------------------------------------------------------------ messages

    /** A message on one line of at most 140 characters. */
    public static String oneLine(String s) {
        if (s == null) {
            return "no detail";
        }
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 140 ? t.substring(0, 137) + "..." : t;
    }

    /** Shortens any quotation longer than {@link #MAX_QUOTE} characters and folds the message onto one line. */
    public static String shorten(String message) {
        if (message == null) {
            return null;
        }
        String one = message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0
                ? message.replaceAll("[\\r\\n]+", " ") : message;
        if (one.length() <= 2 * MAX_QUOTE) {
            return one;
        }
        Matcher m = LONG_QUOTE.matcher(one);
        if (!m.find()) {
            return one;
        }
        StringBuilder sb = new StringBuilder();
        do {
            String quoted = m.group(1);
            m.appendReplacement(sb, Matcher.quoteReplacement("'" + quoted.substring(0, MAX_QUOTE - 1).stripTrailing()
                    + "…'"));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** Words for a failure that came without a message, instead of a Java class name. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.io.EOFException) {
            return "it ends before its content does";
        }
        if (root instanceof java.util.zip.ZipException) {
            return "the zip archive is corrupt";
        }
        if (root instanceof IndexOutOfBoundsException || root instanceof NullPointerException
                || root instanceof IllegalArgumentException || root instanceof IllegalStateException
                || root instanceof ArithmeticException || root instanceof ClassCastException) {
            return "its content contradicts itself";
        }
        return "its content could not be followed";
    }

    // ------------------------------------------------------------------ temporary files

    /**
     * POI's temporary files (used by streaming writers and some readers of big parts) go to a folder
     * only this user can enter, made on first use and deleted with its content when the JVM exits.
     */
    static final class PrivateTempFiles implements TempFileCreationStrategy {
        private Path dir;

        synchronized Path dir() throws IOException {
            if (dir == null || !Files.isDirectory(dir)) {
                Path base = Path.of(System.getProperty("java.io.tmpdir"));
                try {
                    dir = Files.createTempDirectory(base, "margin-workbench-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    dir = Files.createTempDirectory(base, "margin-workbench-");
                }
                Path made = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(made), "remove-temporary-files"));
            }
            return dir;
        }

        @Override
        public File createTempFile(String prefix, String suffix) throws IOException {
            File f = Files.createTempFile(dir(), prefix, suffix).toFile();
            f.deleteOnExit();
            return f;
        }

        @Override
        public File createTempDirectory(String prefix) throws IOException {
            return Files.createTempDirectory(dir(), prefix).toFile();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort at exit; nothing else can be done then.
                }
            });
        } catch (IOException ignored) {
            // Same: the program is ending.
        }
    }
}
