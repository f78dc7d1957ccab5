package com.marginworkbench.workbook.cells;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip entry's bytes under the zip-bomb limits: no entry inflates beyond 4 GB, nor beyond a
 * hundred times its compressed size once past the first megabyte.
 */
final class GuardedEntry {
    /** Inflated bytes may not exceed this many times the compressed bytes (POI uses the same 1:100). */
    private static final long MAX_RATIO = 100;
    /** Below this many inflated bytes the ratio is not checked (tiny parts compress extremely well). */
    private static final long RATIO_GRACE_BYTES = 1 << 20;
    private static final long MAX_ENTRY_BYTES = 4L * 1024 * 1024 * 1024;

    private GuardedEntry() {
    }

    /** Thrown when an entry inflates beyond the limits. */
    static final class BombException extends IOException {
        BombException(String entry) {
            super("Zip bomb detected: " + entry + " expands far beyond its compressed size");
        }
    }

    /** The entry's bytes, cut off with an error as soon as they outgrow the limits. */
    static InputStream open(ZipFile zip, ZipEntry e) throws IOException {
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
}
