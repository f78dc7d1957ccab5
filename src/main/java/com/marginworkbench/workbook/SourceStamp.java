package com.marginworkbench.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What identifies one version of a source file: its size, modification time, change time and file
 * key (device and inode). The reader and the writer open the source more than once; taken before
 * the first open and compared after the last, it tells whether the file was replaced or changed in
 * between, so that an output never mixes two versions.
 */
public record SourceStamp(long size, long modifiedNanos, Object changed, Object fileKey) {

    /** The stamp of {@code file} now. */
    public static SourceStamp of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object ctime = null;
        try {
            ctime = Files.getAttribute(file, "unix:ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // not a Unix file system: size, time and key are what there is
        }
        return new SourceStamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), ctime,
                a.fileKey());
    }

    /** Throws with one line when {@code file} is no longer the version this stamp describes. */
    public void check(Path file, String whileDoing) throws WorkbookReadException {
        SourceStamp now;
        try {
            now = of(file);
        } catch (IOException e) {
            throw changed(file, whileDoing);
        }
        if (!equals(now)) {
            throw changed(file, whileDoing);
        }
    }

    private static WorkbookReadException changed(Path file, String whileDoing) {
        return new WorkbookReadException(name(file) + " was changed or replaced while it was being " + whileDoing
                + ", so nothing was produced from a mix of two versions; wait until it is saved and try again.");
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceStamp s && s.size == size && s.modifiedNanos == modifiedNanos
                && Objects.equals(s.changed, changed) && Objects.equals(s.fileKey, fileKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, modifiedNanos, fileKey);
    }
}
