package com.marginworkbench.usage.imports;

import com.marginworkbench.usage.UsageLedger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads usage and spend exports into a {@link UsageLedger}, one row at a time: the format is
 * recognised from the column names (or given by a column mapping), every row is either added or
 * named in {@link Problems} with its file and line, and a row with tokens but no cost is priced
 * from the {@link PriceTable} and counted as such.
 */
public final class UsageImporter {
    /** What one file gave. */
    public record FileResult(String file, String format, long rows, long badRows, long pricedFromTable) {
    }

    /** Observation types that are not model calls (Langfuse spans, events, tools...). */
    private static final Set<String> NOT_CALLS = Set.of("span", "event", "agent", "tool", "chain", "retriever",
            "evaluator", "guardrail");
    static final String NO_CUSTOMER = "(no customer)";

    private final UsageLedger ledger;
    private final CustomerMap customers;
    private final PriceTable prices;
    private final Map<String, UsageField> mapping;
    private final Problems problems;

    /**
     * @param mapping column name → field, for files no preset recognises or to change what a preset
     *                reads (empty for none)
     */
    public UsageImporter(UsageLedger ledger, CustomerMap customers, PriceTable prices, Map<String, UsageField> mapping,
                         Problems problems) {
        this.ledger = ledger;
        this.customers = customers == null ? CustomerMap.EMPTY : customers;
        this.prices = prices == null ? PriceTable.bundled() : prices;
        this.mapping = new LinkedHashMap<>();
        mapping.forEach((k, v) -> this.mapping.put(k.trim().toLowerCase(Locale.ROOT), v));
        this.problems = problems;
    }

    /** Parses {@code COLUMN=FIELD} options; throws with a message naming the bad one. */
    public static Map<String, UsageField> parseMapping(List<String> options) {
        Map<String, UsageField> m = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.lastIndexOf('=');
            UsageField f = eq > 0 ? UsageField.parse(o.substring(eq + 1)) : null;
            if (f == null) {
                throw new IllegalArgumentException("--map " + o + ": write COLUMN=FIELD, where FIELD is one of "
                        + UsageField.names());
            }
            m.put(o.substring(0, eq).trim(), f);
        }
        return m;
    }

    public FileResult read(Path file) throws ImportException {
        try (Table t = Table.open(file)) {
            return read(t, file);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private FileResult read(Table t, Path file) throws IOException, ImportException {
        boolean has = t.next();
        Table.Columns cols = t.columns();
        UsagePreset preset = detect(cols);
        Map<UsageField, List<String>> plan = new EnumMap<>(UsageField.class);
        if (preset != null) {
            plan.putAll(preset.columns());
        }
        List<String> unknownColumns = new ArrayList<>();
        mapping.forEach((col, field) -> {
            if (cols.has(col) || !t.fixedColumns()) {
                plan.put(field, List.of(col));
            } else {
                unknownColumns.add(col);
            }
        });
        if (!unknownColumns.isEmpty() && preset == null) {
            throw new UnmappedFileException(t.fileName + ": --map names " + String.join(", ", unknownColumns)
                    + ", which the file does not have; its columns are " + columnList(cols), file, cols.names());
        }
        if (preset == null && mapping.isEmpty()) {
            throw new UnmappedFileException(t.fileName + ": not a usage export this program knows (LiteLLM, Langfuse,"
                    + " Helicone, OpenAI, Anthropic, or customer,date,cost); its columns are " + columnList(cols)
                    + ". Say which column is which with --map COLUMN=FIELD (fields: " + UsageField.names() + ")",
                    file, cols.names());
        }
        if (!plan.containsKey(UsageField.DATE) || !(plan.containsKey(UsageField.COST)
                || plan.containsKey(UsageField.COST_CENTS) || plan.containsKey(UsageField.INPUT_TOKENS))) {
            String message = t.fileName + ": the column mapping needs a date column and a cost column (or"
                    + " model and token columns); map them with --map COLUMN=date and --map COLUMN=cost; its columns are "
                    + columnList(cols);
            throw preset == null ? new UnmappedFileException(message, file, cols.names()) : new ImportException(message);
        }
        String format = preset == null ? "column mapping" : preset.label() + (mapping.isEmpty() ? "" : " with mapping");
        Compiled c = new Compiled(plan, t, preset == null ? 0 : preset.requestsPerRow());
        long rows = 0;
        long bad = 0;
        long priced = 0;
        long before = ledger.pricedFromTable();
        while (has) {
            rows++;
            String problem = c.add(t.row());
            if (problem != null) {
                bad++;
                problems.row(t.fileName, t.line(), problem);
            }
            has = t.next();
        }
        priced = ledger.pricedFromTable() - before;
        return new FileResult(t.fileName, format, rows, bad, priced);
    }

    /** The first rows of a file as read, for a mapping step; {@code preset} is null when no preset knows it. */
    public record Preview(String fileName, List<String> columns, List<List<String>> rows, String preset) {
        public Preview {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** The column names and first {@code maxRows} rows of {@code file} (each row as long as the column list). */
    public static Preview preview(Path file, int maxRows) throws ImportException {
        try (Table t = Table.open(file)) {
            List<String[]> raw = new ArrayList<>();
            while (raw.size() < maxRows && t.next()) {
                raw.add(t.row().clone());
            }
            Table.Columns cols = t.columns();
            List<String> names = List.copyOf(cols.names());
            List<List<String>> rows = new ArrayList<>();
            for (String[] r : raw) {
                List<String> row = new ArrayList<>(names.size());
                for (int i = 0; i < names.size(); i++) {
                    row.add(i < r.length && r[i] != null ? r[i] : "");
                }
                rows.add(row);
            }
            UsagePreset preset = detect(cols);
            return new Preview(t.fileName, names, rows, preset == null ? null : preset.label());
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static UsagePreset detect(Table.Columns cols) {
        return UsagePreset.detect(new UsagePreset.Header() {
            @Override
            public boolean has(String n) {
                return cols.has(n);
            }

            @Override
            public boolean hasPrefix(String p) {
                for (String n : cols.names()) {
                    if (n.startsWith(p)) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    private static String columnList(Table.Columns cols) {
        List<String> n = cols.names();
        if (n.isEmpty()) {
            return "none (no records)";
        }
        return String.join(", ", n.size() > 30 ? n.subList(0, 30) : n) + (n.size() > 30 ? ", ..." : "");
    }

    /** The getters of one file, and what they do with a row. */
    private final class Compiled {
        final Getter[] identities = new Getter[UsageField.IDENTITIES.length];
        final Getter plan;
        final Getter team;
        final Getter date;
        final Getter cost;
        final Getter costCents;
        final Getter model;
        final Getter input;
        final Getter output;
        final Getter cached;
        final Getter cacheRead;
        final Getter tokens;
        final Getter requests;
        final Getter kind;
        final Getter note;
        final int requestsPerRow;
        /** The columns some field reads; a CSV table leaves the others as they are (no text made of them). */
        private final boolean[] used;

        Compiled(Map<UsageField, List<String>> p, Table t, int requestsPerRow) {
            used = new boolean[t.columns().size()];
            for (int i = 0; i < identities.length; i++) {
                identities[i] = g(p, UsageField.IDENTITIES[i], t);
            }
            plan = g(p, UsageField.PLAN, t);
            team = g(p, UsageField.TEAM, t);
            date = g(p, UsageField.DATE, t);
            cost = g(p, UsageField.COST, t);
            costCents = g(p, UsageField.COST_CENTS, t);
            model = g(p, UsageField.MODEL, t);
            input = g(p, UsageField.INPUT_TOKENS, t);
            output = g(p, UsageField.OUTPUT_TOKENS, t);
            cached = g(p, UsageField.CACHED_TOKENS, t);
            cacheRead = g(p, UsageField.CACHE_READ_TOKENS, t);
            tokens = g(p, UsageField.TOKENS, t);
            requests = g(p, UsageField.REQUESTS, t);
            kind = g(p, UsageField.KIND, t);
            note = g(p, UsageField.NOTE, t);
            this.requestsPerRow = requestsPerRow;
            if (t.fixedColumns()) {
                t.readOnly(used);
            }
        }

        private Getter g(Map<UsageField, List<String>> p, UsageField f, Table t) {
            List<String> cols = p.get(f);
            Getter g = cols == null ? Getter.NONE : Getter.compile(cols, t);
            g.mark(used);
            return g;
        }

        /** Adds a row to the ledger; returns what is wrong with it instead, or null. */
        String add(String[] row) {
            String dateText = date.text(row);
            YearMonth month = Values.month(dateText);
            if (month == null) {
                return dateText == null ? "no date in " + date.columnNames() + "; the row is left out"
                        : "date '" + dateText + "' in " + date.columnNames()
                        + " is not a date (write 2026-01-15, a date-time, or Unix seconds); the row is left out";
            }
            try {
                String modelName = model.text(row);
                if (modelName != null) {
                    int comma = modelName.indexOf(',');
                    if (comma > 0) {
                        modelName = modelName.substring(0, comma).trim(); // OpenAI line items: "gpt-4o-..., input"
                    }
                }
                long in = count(input, row);
                long out = count(output, row);
                long cach = Math.min(count(cached, row), in);
                long cacheR = count(cacheRead, row);
                Double totalTokens = tokens.number(row);
                long tok = totalTokens != null ? totalTokens.longValue() : in + out + cacheR;
                Double c = cost.number(row);
                if (c == null) {
                    Double cents = costCents.number(row);
                    c = cents == null ? null : cents / 100.0;
                }
                String kindText = kind.text(row);
                boolean call = kindText == null || !NOT_CALLS.contains(kindText.toLowerCase(Locale.ROOT));
                boolean priced = false;
                if (c == null) {
                    if (in + out + cacheR == 0) {
                        if (!call) {
                            c = 0.0;
                        } else {
                            return tok == 0 ? "no cost and no tokens in the row; the row is left out"
                                    : "tokens but no cost, and no input/output split to price them by; map the cost"
                                    + " column, or the input and output token columns";
                        }
                    } else {
                        PriceTable.Price price = prices.price(modelName);
                        if (price == null) {
                            return "no cost, and model '" + (modelName == null ? "" : modelName) + "' is not in the"
                                    + " model price table; add it to the project's prices (--prices FILE)";
                        }
                        c = price.cost(in + cacheR, cach + cacheR, out);
                        priced = true;
                    }
                }
                if (c < 0 && !isCredit(kindText, note.text(row))) {
                    return "negative cost " + c + " not marked as a credit or refund; the row is left out";
                }
                long req;
                Double r = requests.number(row);
                if (r != null) {
                    if (r < 0 || r != Math.rint(r)) {
                        return "request count '" + requests.text(row) + "' is not a whole number; the row is left out";
                    }
                    req = r.longValue();
                } else {
                    req = call ? requestsPerRow : 0;
                }
                String who = null;
                String group = null;
                String first = null;
                for (Getter id : identities) {
                    String v = id.text(row);
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    if (first == null) {
                        first = v;
                    }
                    String mapped = customers.customerOf(v);
                    if (mapped != null) {
                        who = mapped;
                        break;
                    }
                }
                if (who == null) {
                    who = first == null ? NO_CUSTOMER : first;
                }
                group = customers.planOf(who);
                if (group == null) {
                    group = plan.text(row);
                }
                if (group == null) {
                    group = team.text(row);
                }
                ledger.add(who, group, month, modelName, c, req, tok, priced);
                return null;
            } catch (Getter.BadValue e) {
                return "'" + e.value + "' in " + e.column + " is not a number; the row is left out";
            }
        }

        private long count(Getter g, String[] row) throws Getter.BadValue {
            Double d = g.number(row);
            return d == null ? 0 : Math.max(0, d.longValue());
        }
    }

    static boolean isCredit(String... texts) {
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            String l = t.toLowerCase(Locale.ROOT);
            if (l.contains("credit") || l.contains("refund") || l.contains("discount") || l.contains("adjustment")) {
                return true;
            }
        }
        return false;
    }
}
