package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.Deflater;

/**
 * Writes the restated workbook: a copy of the source package in which every original part is kept
 * byte for byte, plus four new sheets (Restated P&L, Classification, Stress, Margin Bridge).
 * Only four existing parts change, and only by insertion: the workbook part (new sheets, defined
 * names, recalculation on load), its relationships, the content types and the styles (new styles
 * appended at the end, so existing style numbers stay valid). Those four are edited with an XML
 * parser in their declared encoding ({@link XmlPartDom}), never as text. The sheets are streamed, so memory
 * stays bounded however large the source is. The file appears under its final name only once it
 * is complete.
 */
public final class RestatedWorkbookWriter {
    /** Sheet names of a restated workbook, before any " (2)" needed to keep them unique. */
    public static final String PL_SHEET = "Restated P&L";
    public static final String CLASSIFICATION_SHEET = "Classification";
    public static final String STRESS_SHEET = "Stress";
    public static final String BRIDGE_SHEET = "Margin Bridge";
    public static final String SENSITIVITY_SHEET = "Sensitivity";

    /** Defined names of the headline cells and of the lever inputs on the Stress sheet. */
    public static final List<String> HEADLINE_NAMES = List.of("ReportedBlendedGM", "RestatedBlendedGM", "AILayerGM",
            "AILayerGMStressed", "SoftwareLayerGM", "RestatedBlendedGMStressed");
    public static final List<String> INPUT_NAMES = Arrays.stream(Lever.values()).map(Lever::definedName).toList();

    /** Above this many amount cells the Classification sheet is compressed for speed rather than size. */
    private static final long FAST_COMPRESSION_CELLS = 250_000;

    private RestatedWorkbookWriter() {
    }

    /**
     * What was written: the file, the names of the new sheets, the defined names (wanted name →
     * name used; they differ only when the workbook already had that name) and the engine's figures
     * that the cached values carry.
     */
    public record Outcome(Path target, List<String> sheets, Map<String, String> definedNames, MarginResult figures) {
    }

    /**
     * The default output beside the source: {@code <name>-restated.xlsx} (.xlsm for a macro
     * workbook), then {@code -restated-2}, and so on, never an existing file.
     */
    public static Path defaultTarget(Path source) {
        return defaultTarget(source, source.toAbsolutePath().normalize().getParent());
    }

    /** The same name as {@link #defaultTarget(Path)}, in another folder. */
    public static Path defaultTarget(Path source, Path folder) {
        String file = source.toAbsolutePath().getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        return SafeFiles.freeName(folder.toAbsolutePath().normalize(), base, "-restated", extensionFor(source));
    }

    private static String extensionFor(Path source) {
        return lowerName(source).endsWith(".xlsm") ? ".xlsm" : ".xlsx";
    }

    private static String lowerName(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the restated workbook. {@code decisions} and {@code classifications} run in the order
     * of {@code read.model().costs()}.
     *
     * @throws RestateException    with one line for the user when the source cannot be restated or the
     *                             target cannot be written (nothing is left under the target's name)
     * @throws CancellationException when {@code progress} asked to stop (nothing is left behind)
     */
    public static Outcome write(Path source, ReadResult read, List<Classification> classifications,
                                List<LineDecision> decisions, Policy policy, Levers levers, Path target,
                                Progress progress) throws RestateException {
        return write(source, read, classifications, decisions, policy, levers, target, SafeFiles.Mode.REPLACE,
                progress);
    }

    /**
     * Like {@link #write(Path, ReadResult, List, List, Policy, Levers, Path, Progress)}, saying what to
     * do when {@code target} exists once the file is ready: replace it (the user agreed), refuse, or
     * take the next free numbered name ({@link Outcome#target()} says which). The output takes the
     * source's permissions, never wider. The source must still be the version that was read (size,
     * times and inode), when its package is opened and after it has been copied; else nothing is written.
     */
    public static Outcome write(Path source, ReadResult read, List<Classification> classifications,
                                List<LineDecision> decisions, Policy policy, Levers levers, Path target,
                                SafeFiles.Mode mode, Progress progress) throws RestateException {
        Progress listener = progress == null ? Progress.NONE : progress;
        int costs = read.model().costs().size();
        if (classifications.size() != costs || decisions.size() != costs) {
            throw new IllegalArgumentException("One classification and one decision per cost line expected");
        }
        check(source, target);
        if (read.model().periods().count() == 0) {
            throw new RestateException(source + ": no periods were found, so there is nothing to restate.");
        }
        try (SourcePackage pkg = SourcePackage.open(source)) {
            checkSameVersion(source, read);
            if (pkg.macroEnabled && !lowerName(source).endsWith(".xlsm")) {
                throw new RestateException(source + " holds macros but is named .xlsx; rename it to .xlsm first.");
            }
            RestatePlan plan = RestatePlan.of(pkg, read, classifications, decisions, policy, levers, source);
            Path written;
            try {
                written = SafeFiles.write(target, source, mode, out -> {
                    writePackage(pkg, plan, out, listener);
                    try {
                        checkSameVersion(source, read);
                    } catch (RestateException e) {
                        throw new SafeFiles.WriteFailedException(e.getMessage(), e);
                    }
                });
            } catch (SafeFiles.WriteFailedException e) {
                throw new RestateException(e.getMessage(), e);
            } catch (IOException e) {
                throw new RestateException("Could not restate " + source + ": " + e.getMessage(), e);
            }
            listener.update(1.0, null);
            return new Outcome(written, List.of(plan.names.pl(), plan.names.classification(), plan.names.stress(),
                    plan.names.bridge(), plan.names.sensitivity()), plan.names.defined(), plan.sheets.result());
        } catch (IOException e) {
            throw new RestateException("Could not read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a source that is no longer the version that was read (replaced, or saved again, since). */
    private static void checkSameVersion(Path source, ReadResult read) throws RestateException {
        if (read.stamp() == null) {
            return;
        }
        try {
            read.stamp().check(source, "restated");
        } catch (WorkbookReadException e) {
            throw new RestateException(e.getMessage(), e);
        }
    }

    /**
     * The checks that need no reading: the source is an .xlsx/.xlsm file, the target is not the
     * source (however spelled) and keeps its type. Cheap, so callers run it before a long read.
     */
    public static void check(Path source, Path target) throws RestateException {
        checkSource(source);
        checkTarget(source, target);
    }

    private static void checkSource(Path source) throws RestateException {
        if (!Files.isRegularFile(source)) {
            throw new RestateException(source + " does not exist or is not a file.");
        }
        if (!Files.isReadable(source)) {
            throw new RestateException(source + " cannot be read (no permission).");
        }
        String name = lowerName(source);
        if (name.endsWith(".xls")) {
            throw new RestateException(source + " is an Excel 97-2003 workbook (.xls); restating writes into the "
                    + "workbook's own package, which needs .xlsx or .xlsm: save it as .xlsx in Excel or LibreOffice "
                    + "and restate that.");
        }
        if (!name.endsWith(".xlsx") && !name.endsWith(".xlsm")) {
            throw new RestateException(source + " is not an .xlsx or .xlsm workbook; only those can be restated.");
        }
    }

    private static void checkTarget(Path source, Path target) throws RestateException {
        if (SafeFiles.sameFile(source, target)) {
            throw new RestateException(target + " is the source workbook itself; the source is never overwritten. "
                    + "Choose another output name.");
        }
        String wanted = extensionFor(source);
        if (!lowerName(target).endsWith(wanted)) {
            throw new RestateException(target + ": the restated workbook must keep the source's type, so its name "
                    + "must end with " + wanted + ".");
        }
        if (Files.isDirectory(target)) {
            throw new RestateException(target + " is a folder; give a file name for the restated workbook.");
        }
    }

    /** Excel's cell text limit as the writer applies it (for tests of that limit). */
    public static String fitCellForTest(String text) {
        return SheetXmlWriter.fitCell(text);
    }

    // ------------------------------------------------------------------------------------ write

    private static void writePackage(SourcePackage pkg, RestatePlan plan, OutputStream out, Progress progress)
            throws IOException {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        double copyShare = 0.25;
        long copied = 0;
        long total = Math.max(1, plan.copyBytes);
        for (ZipArchiveEntry e : pkg.entries()) {
            checkCancel(progress);
            byte[] replacement = plan.replaced.get(e.getName());
            if (replacement != null) {
                ZipArchiveEntry fresh = new ZipArchiveEntry(e.getName());
                fresh.setTime(e.getTime());
                zip.putArchiveEntry(fresh);
                zip.write(replacement);
                zip.closeArchiveEntry();
            } else {
                try (InputStream raw = pkg.raw(e)) {
                    zip.addRawArchiveEntry(e, raw);
                }
            }
            copied += Math.max(0, e.getCompressedSize());
            progress.update(copyShare * copied / total, null);
        }
        if (plan.newStylesPart != null) {
            zip.putArchiveEntry(new ZipArchiveEntry(plan.newStylesPart));
            zip.write(plan.newStyles);
            zip.closeArchiveEntry();
        }
        RestatedSheets sheets = plan.sheets;
        double lines = Math.max(1, sheets.lineCount());
        // the sheet writers flush but must not close the zip stream between entries
        OutputStream entryStream = SafeFiles.keptOpen(zip);

        // A big Classification sheet (one formula per line and period) compresses at the fastest
        // level: a third larger, but more than twice as quick to write.
        long cells = (long) sheets.lineCount() * sheets.periodCount();
        zip.setLevel(cells > FAST_COMPRESSION_CELLS ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(1)));
        new ClassificationSheet(sheets).write(entryStream, line -> {
            checkCancel(progress);
            progress.update(copyShare + 0.6 * line / lines, null);
        });
        zip.closeArchiveEntry();
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(0)));
        new RestatedPlSheet(sheets).write(entryStream);
        zip.closeArchiveEntry();
        progress.update(0.9, null);
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(2)));
        new StressSheet(sheets).write(entryStream);
        zip.closeArchiveEntry();
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(3)));
        new BridgeSheet(sheets).write(entryStream);
        zip.closeArchiveEntry();
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(4)));
        plan.sensitivity.write(entryStream);
        zip.closeArchiveEntry();
        zip.finish();
        zip.flush();
        progress.update(0.99, null);
    }

    private static void checkCancel(Progress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("Export cancelled");
        }
    }

    /** The source file's SHA-256 in hex for the run details, or "" when it cannot be read again. */
    static String sha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) {
                md.update(buf, 0, k);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }
}
