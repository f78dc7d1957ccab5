package com.marginworkbench.usage.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of records read one at a time: a CSV file with a header row, or JSON (an array of
 * objects, one object per line, or a page object whose {@code data} array holds the records).
 * Column names are matched without regard to case; JSON objects are flattened with dots
 * ({@code usage.input}).
 */
abstract class Table implements Closeable {
    /** Column names (lower case) and their positions in {@link #row()}. JSON tables grow as new keys appear. */
    static final class Columns {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int indexOf(String lowerName) {
            Integer i = index.get(lowerName);
            return i == null ? -1 : i;
        }

        int ensure(String lowerName) {
            Integer i = index.get(lowerName);
            if (i != null) {
                return i;
            }
            index.put(lowerName, names.size());
            names.add(lowerName);
            return names.size() - 1;
        }

        boolean has(String lowerName) {
            return index.containsKey(lowerName);
        }

        int size() {
            return names.size();
        }

        List<String> names() {
            return names;
        }
    }

    protected final Columns columns = new Columns();
    protected final String fileName;

    Table(String fileName) {
        this.fileName = fileName;
    }

    Columns columns() {
        return columns;
    }

    /**
     * Columns whose values the reader needs ({@code used[i]}); the others may come back as null in
     * {@link #row()}, which then is reused from one record to the next. Null: every column (the default).
     */
    protected boolean[] used;

    void readOnly(boolean[] columns) {
        used = columns.clone();
    }

    /** True for a table whose columns are fixed by a header row (values may hold JSON text). */
    abstract boolean fixedColumns();

    /** Moves to the next record; false at the end. */
    abstract boolean next() throws IOException, ImportException;

    /** The values of the current record by column position; may be shorter than {@link Columns#size()}. */
    protected String[] row;
    /** The line the current record starts on (1-based). */
    protected long line = 1;

    final String[] row() {
        return row;
    }

    final long line() {
        return line;
    }

    /** Opens a file as CSV or JSON, told apart by its first character. */
    static Table open(Path file) throws ImportException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                throw new ImportException(file + " is a folder; give the usage or revenue file itself");
            }
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ImportException("no file " + file.toAbsolutePath() + "; check the path");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            r.mark(1 << 15);
            int c;
            do {
                c = r.read();
            } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
            if (c < 0) {
                r.close();
                throw new ImportException(name + " is empty; export the usage again");
            }
            r.reset();
            if (c == '{' || c == '[') {
                return new JsonTable(name, r);
            }
            return new CsvTable(name, r);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
