package com.marginworkbench.usage.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;

/**
 * CSV through Jackson's streaming CSV parser: quoted fields, embedded separators and line breaks,
 * a byte-order mark; the separator (comma, semicolon or tab) is taken from the header line.
 */
final class CsvTable extends Table {
    private static final CsvMapper MAPPER = new CsvMapper();
    private final BufferedReader reader;
    private final CsvParser parser;
    private final ArrayList<String> values = new ArrayList<>();

    CsvTable(String fileName, BufferedReader reader) throws IOException, ImportException {
        super(fileName);
        this.reader = reader;
        char sep = separator(reader);
        parser = MAPPER.getFactory().createParser(reader);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(sep));
        parser.enable(CsvParser.Feature.TRIM_SPACES);
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY || !readRow()) {
                throw new ImportException(fileName + " has no header row; the first line must name the columns");
            }
            String[] header = row;
            for (int i = 0; i < header.length; i++) {
                String h = header[i] == null ? "" : header[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                if (!columns.has(h)) {
                    columns.ensure(h);
                } else {
                    columns.ensure(h + "#" + i);
                }
            }
        } catch (JsonProcessingException e) {
            throw new ImportException(fileName + ": the header row is not CSV (" + e.getOriginalMessage() + ")");
        }
    }

    /** Reads the fields of one row (after its START_ARRAY) into {@link #row}; false at the end. */
    private boolean readRow() throws IOException {
        values.clear();
        JsonToken t;
        boolean[] only = used;
        while ((t = parser.nextToken()) != null && t != JsonToken.END_ARRAY) {
            int i = values.size();
            if (i == 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            // A column no field reads stays null (blank lines are still told apart by their one empty cell).
            values.add(only == null || (i < only.length && only[i]) || i == 0 ? parser.getText() : null);
        }
        int n = values.size();
        if (only != null && row != null && row.length == n) {
            for (int i = 0; i < n; i++) {
                row[i] = values.get(i); // the same width as the last record: its array is reused
            }
        } else {
            row = values.toArray(new String[n]);
        }
        return true;
    }

    private static char separator(BufferedReader r) throws IOException {
        r.mark(1 << 15);
        char[] buf = new char[1 << 14];
        int n = r.read(buf);
        r.reset();
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < Math.max(0, n); i++) {
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    @Override
    boolean fixedColumns() {
        return true;
    }

    @Override
    boolean next() throws IOException, ImportException {
        try {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                readRow();
                if (row.length == 1 && (row[0] == null || row[0].isEmpty())) {
                    continue; // blank line
                }
                return true;
            }
            return false;
        } catch (RuntimeException | JsonProcessingException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ImportException(fileName + ":" + parser.currentLocation().getLineNr()
                    + ": not readable as CSV from here on (" + msg + "); check the quoting on that line");
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
