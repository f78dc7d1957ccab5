package com.marginworkbench.usage.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Model prices (USD per million tokens) for rows that carry tokens and no cost: a dated table
 * bundled with the program, which a project can override line by line. Never fetched.
 */
public final class PriceTable {
    /** Prices of one model; {@code cachedInput} is null when the table gives none (input price then). */
    public record Price(double input, double output, Double cachedInput) {
        /** The cost of a row: cached input at the cached price, the rest at the input and output prices. */
        public double cost(long input, long cached, long output) {
            double c = cachedInput == null ? this.input : cachedInput;
            return ((input - cached) * this.input + cached * c + output * this.output) / 1_000_000.0;
        }
    }

    private static final String RESOURCE = "/com/marginworkbench/usage/model-prices.csv";
    private static volatile PriceTable bundled;

    private final Map<String, Price> prices;
    private final String asOf;

    private PriceTable(Map<String, Price> prices, String asOf) {
        this.prices = prices;
        this.asOf = asOf;
    }

    /** The table bundled with the program. */
    public static PriceTable bundled() {
        PriceTable t = bundled;
        if (t == null) {
            try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the model price table " + RESOURCE + " is missing from the program");
                }
                t = parse(new InputStreamReader(in, StandardCharsets.UTF_8), "model price table", null);
            } catch (IOException | ImportException e) {
                throw new IllegalStateException("the bundled model price table cannot be read: " + e.getMessage(), e);
            }
            bundled = t;
        }
        return t;
    }

    /** This table with the lines of a price file (same columns) put over it. */
    public PriceTable withOverrides(Path file) throws ImportException {
        return withOverrides(read(file));
    }

    /** The lines of a price file (model,input_per_1m,output_per_1m[,cached_input_per_1m]) by model, lower case. */
    public static Map<String, Price> read(Path file) throws ImportException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, name, null).prices;
        } catch (NoSuchFileException e) {
            throw new ImportException("no price file " + file.toAbsolutePath() + "; check the path");
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** This table with some models' prices replaced or added (the project's overrides). */
    public PriceTable withOverrides(Map<String, Price> overrides) {
        Map<String, Price> m = new LinkedHashMap<>(prices);
        overrides.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return new PriceTable(m, asOf + (overrides.isEmpty() ? "" : ", with the project's prices"));
    }

    /** The date the bundled prices were taken, as the table says. */
    public String asOf() {
        return asOf;
    }

    public Map<String, Price> prices() {
        return Collections.unmodifiableMap(prices);
    }

    /** The price of a model: its own line, else the longest line its name starts with; null if none. */
    public Price price(String model) {
        if (model == null || model.isBlank()) {
            return null;
        }
        String m = model.trim().toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1);
        }
        Price p = prices.get(m);
        if (p != null) {
            return p;
        }
        String best = null;
        for (String k : prices.keySet()) {
            if (m.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best == null ? null : prices.get(best);
    }

    private static PriceTable parse(Reader reader, String name, String asOfDefault) throws IOException, ImportException {
        Map<String, Price> m = new LinkedHashMap<>();
        String asOf = asOfDefault == null ? "undated" : asOfDefault;
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        boolean header = false;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.trim();
            if (t.startsWith("#")) {
                int i = t.indexOf("as_of:");
                if (i >= 0) {
                    asOf = t.substring(i + 6).trim();
                }
                continue;
            }
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split(",", -1);
            if (!header) {
                header = true;
                if (f[0].trim().equalsIgnoreCase("model")) {
                    continue;
                }
            }
            Double in = f.length > 1 ? Values.number(f[1]) : null;
            Double out = f.length > 2 ? Values.number(f[2]) : null;
            Double cached = f.length > 3 ? Values.number(f[3]) : null;
            if (f[0].isBlank() || in == null || out == null || in < 0 || out < 0) {
                throw new ImportException(name + ":" + n + ": a price line is model,input_per_1m,output_per_1m"
                        + "[,cached_input_per_1m] with prices in USD per million tokens; fix this line");
            }
            m.put(f[0].trim().toLowerCase(Locale.ROOT), new Price(in, out, cached));
        }
        return new PriceTable(m, asOf);
    }

    static PriceTable of(Map<String, Price> prices, String asOf) {
        return new PriceTable(new LinkedHashMap<>(prices), asOf);
    }
}
