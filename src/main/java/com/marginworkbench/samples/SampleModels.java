package com.marginworkbench.samples;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the sample workbooks shipped in {@code sample-models/}: the demo company's own
 * seventeen-sheet model and two client-style workbooks laid out the way clients really send them.
 * Every formula is evaluated before saving so readers find cached values, and the files come out
 * byte for byte the same on every run (fixed document dates and zip timestamps), so a rebuild
 * shows no change unless the content changed.
 */
public final class SampleModels {
    public static final String OWN_MODEL = NorthwindModel.FILE_NAME;
    public static final String CLIENT_PNL = ClientWorkbooks.PNL_FILE;
    public static final String CLIENT_COSTS = ClientWorkbooks.COSTS_FILE;
    /** The demo company's per-customer usage, revenue and customer mapping (CSV). */
    public static final String USAGE = NorthwindUsage.USAGE_FILE;
    public static final String REVENUE = NorthwindUsage.REVENUE_FILE;
    public static final String CUSTOMERS = NorthwindUsage.CUSTOMERS_FILE;

    /** The date stamped into every sample's document properties and zip entries. */
    static final LocalDateTime STAMP = LocalDateTime.of(2026, 1, 15, 9, 0);

    private SampleModels() {
    }

    /** Usage: {@code SampleModels [OUTPUT_FOLDER]} (default {@code sample-models}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-models");
        for (Path p : writeAll(dir)) {
            System.out.println("wrote " + p);
        }
    }

    /** Writes every sample into the folder (created if missing) and returns the files written. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(write(dir.resolve(OWN_MODEL), NorthwindModel::build));
        out.add(write(dir.resolve(CLIENT_PNL), ClientWorkbooks::acmePnl));
        out.add(write(dir.resolve(CLIENT_COSTS), ClientWorkbooks::quarterlyCosts));
        NorthwindUsage usage = NorthwindUsage.build12Months();
        out.add(writeText(dir.resolve(USAGE), usage.usageCsv()));
        out.add(writeText(dir.resolve(REVENUE), usage.revenueCsv()));
        out.add(writeText(dir.resolve(CUSTOMERS), usage.customersCsv()));
        return out;
    }

    /** The demo company's model, evaluated, in memory. */
    public static XSSFWorkbook ownModel() {
        return finish(NorthwindModel.build());
    }

    public static XSSFWorkbook clientPnl() {
        return finish(ClientWorkbooks.acmePnl());
    }

    public static XSSFWorkbook clientCosts() {
        return finish(ClientWorkbooks.quarterlyCosts());
    }

    private static Path write(Path file, Supplier<XSSFWorkbook> builder) throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = finish(builder.get())) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            wb.write(buf);
            bytes = normalizeZip(buf.toByteArray());
        }
        return writeBytes(file, bytes);
    }

    private static Path writeText(Path file, String text) throws IOException {
        return writeBytes(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path writeBytes(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".sample-", ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    /** Temporary files are private to their owner; a committed sample is not. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default permissions already let others read the file.
        }
    }

    /** Caches every formula's value and fixes the document dates. */
    private static XSSFWorkbook finish(XSSFWorkbook wb) {
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        Date stamp = Date.from(STAMP.toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(stamp));
        core.setModified(Optional.of(stamp));
        core.setCreator("Margin Workbench sample generator");
        return wb;
    }

    /** Rewrites the zip with one fixed timestamp on every entry, keeping entry order and content. */
    static byte[] normalizeZip(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (InputStream raw = new ByteArrayInputStream(zip);
             ZipInputStream in = new ZipInputStream(raw);
             ZipOutputStream zo = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(STAMP);
                zo.putNextEntry(copy);
                in.transferTo(zo);
                zo.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
