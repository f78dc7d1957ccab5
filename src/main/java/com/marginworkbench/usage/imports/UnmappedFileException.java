package com.marginworkbench.usage.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * A usage file that matches no preset and whose columns the mapping does not cover: the window
 * asks which column is which (the command line names the columns and {@code --map}).
 */
public final class UnmappedFileException extends ImportException {
    private final transient Path file;
    private final List<String> columns;

    public UnmappedFileException(String message, Path file, List<String> columns) {
        super(message);
        this.file = file;
        this.columns = List.copyOf(columns);
    }

    /** The file as it was named. */
    public Path file() {
        return file;
    }

    /** The columns found (lower case, in file order). */
    public List<String> columns() {
        return columns;
    }
}
