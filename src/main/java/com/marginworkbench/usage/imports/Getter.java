package com.marginworkbench.usage.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one field from a row: the first of its columns with a value, or a sum of columns. */
final class Getter {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Getter NONE = new Getter(new int[0][], new String[0][], List.of());

    /** Per alternative, the column positions summed (one for a plain column). */
    private final int[][] alternatives;
    /** Per alternative and column, the key inside a JSON cell (CSV columns that hold JSON), or null. */
    private final String[][] jsonKeys;
    /** The column names, for messages. */
    private final List<String> names;

    private Getter(int[][] alternatives, String[][] jsonKeys, List<String> names) {
        this.alternatives = alternatives;
        this.jsonKeys = jsonKeys;
        this.names = names;
    }

    /** Sets {@code used[i]} for every column this getter reads. */
    void mark(boolean[] used) {
        for (int[] cols : alternatives) {
            for (int i : cols) {
                if (i < used.length) {
                    used[i] = true;
                }
            }
        }
    }

    boolean present() {
        return alternatives.length > 0;
    }

    String columnNames() {
        return String.join(" or ", names);
    }

    /**
     * Compiles the columns for a field against a table. In a CSV table a column missing from the
     * header is skipped, and {@code a.b} is read from a column {@code a} holding a JSON object; in
     * a JSON table every name is kept, as later records may bring it.
     */
    static Getter compile(List<String> columns, Table table) {
        Table.Columns cols = table.columns();
        List<int[]> alts = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String spec : columns) {
            String[] parts = spec.toLowerCase(Locale.ROOT).split("\\+");
            List<Integer> idx = new ArrayList<>();
            List<String> jk = new ArrayList<>();
            for (String part : parts) {
                String p = part.trim();
                if (!table.fixedColumns()) {
                    idx.add(cols.ensure(p));
                    jk.add(null);
                } else if (cols.has(p)) {
                    idx.add(cols.indexOf(p));
                    jk.add(null);
                } else {
                    int dot = p.indexOf('.');
                    if (dot > 0 && cols.has(p.substring(0, dot))) {
                        idx.add(cols.indexOf(p.substring(0, dot)));
                        jk.add(p.substring(dot + 1));
                    }
                }
            }
            if (!idx.isEmpty()) {
                alts.add(idx.stream().mapToInt(Integer::intValue).toArray());
                keys.add(jk.toArray(new String[0]));
                names.add(spec);
            }
        }
        if (alts.isEmpty()) {
            return NONE;
        }
        return new Getter(alts.toArray(new int[0][]), keys.toArray(new String[0][]), names);
    }

    /** The text of the first alternative with a value (for a sum, its first column); null if none. */
    String text(String[] row) {
        for (int a = 0; a < alternatives.length; a++) {
            String v = cell(row, a, 0);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /**
     * The number of the first alternative with a value (a sum adds its columns with a value); null
     * when none has one. Throws with the text when a value is not a number.
     */
    Double number(String[] row) throws BadValue {
        for (int a = 0; a < alternatives.length; a++) {
            int[] cols = alternatives[a];
            double sum = 0;
            boolean any = false;
            for (int c = 0; c < cols.length; c++) {
                String v = cell(row, a, c);
                if (v == null || v.isEmpty() || v.equals("null")) {
                    continue;
                }
                Double d = Values.number(v);
                if (d == null) {
                    throw new BadValue(names.get(a), v);
                }
                sum += d;
                any = true;
            }
            if (any) {
                return sum;
            }
        }
        return null;
    }

    private String cell(String[] row, int alt, int col) {
        int i = alternatives[alt][col];
        if (i >= row.length) {
            return null;
        }
        String v = row[i];
        String key = jsonKeys[alt][col];
        if (key == null || v == null) {
            return v;
        }
        String t = v.trim();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(t);
            for (String k : key.split("\\.")) {
                n = n == null ? null : n.get(k);
            }
            return n == null || n.isNull() ? null : n.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A value that should be a number and is not. */
    static final class BadValue extends Exception {
        final String column;
        final String value;

        BadValue(String column, String value) {
            super(null, null, false, false);
            this.column = column;
            this.value = value;
        }
    }
}
