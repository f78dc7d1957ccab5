package com.marginworkbench.usage.imports;

/** A file that cannot be read at all; the message names the file and says what to do. */
public class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
