package com.marginworkbench.workbook;

/** Thrown when the {@link Progress} of a read asked it to stop. */
public final class ReadCancelled extends WorkbookReadException {
    public ReadCancelled() {
        super("Reading was cancelled.");
    }

    /** Throws when {@code p} (which may be null) asks to stop. */
    public static void check(Progress p) throws ReadCancelled {
        if (p != null && p.cancelled()) {
            throw new ReadCancelled();
        }
    }
}
