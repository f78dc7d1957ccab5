package com.marginworkbench.usage.imports;

import com.marginworkbench.usage.HeavyUsers;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How usage is imported for one workbook, as the project keeps it: the usage, revenue and customer
 * files, the column mapping for files no preset knows, the model prices put over the bundled table,
 * and the heavy-user cut. The window restores it when the workbook is reopened; {@code usage
 * --workbook} applies what is not typed.
 *
 * @param customers null when there is no customer map
 * @param heavyCut  null for the default (the top decile)
 */
public record UsageSettings(List<Path> usageFiles, List<Path> revenueFiles, Path customers,
                            Map<String, UsageField> mapping, Map<String, PriceTable.Price> prices, Double heavyCut) {
    public static final UsageSettings NONE = new UsageSettings(List.of(), List.of(), null, Map.of(), Map.of(), null);

    public UsageSettings {
        usageFiles = List.copyOf(usageFiles == null ? List.of() : usageFiles);
        revenueFiles = List.copyOf(revenueFiles == null ? List.of() : revenueFiles);
        mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping == null ? Map.of() : mapping));
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices == null ? Map.of() : prices));
        if (heavyCut != null && !(heavyCut > 0 && heavyCut < 1)) {
            throw new IllegalArgumentException("the heavy-user cut must be above 0% and below 100%, not "
                    + heavyCut * 100 + "%");
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The cut to use: the saved one or the top decile. */
    public double cut() {
        return heavyCut == null ? HeavyUsers.DEFAULT_CUT : heavyCut;
    }

    /** The bundled price table with the saved prices over it. */
    public PriceTable priceTable() {
        return prices.isEmpty() ? PriceTable.bundled() : PriceTable.bundled().withOverrides(prices);
    }

    public UsageSettings withMapping(Map<String, UsageField> m) {
        return new UsageSettings(usageFiles, revenueFiles, customers, m, prices, heavyCut);
    }

    public UsageSettings withPrices(Map<String, PriceTable.Price> p) {
        return new UsageSettings(usageFiles, revenueFiles, customers, mapping, p, heavyCut);
    }

    public UsageSettings withFiles(List<Path> usage, List<Path> revenue, Path customerMap) {
        return new UsageSettings(usage, revenue, customerMap, mapping, prices, heavyCut);
    }

    public UsageSettings withHeavyCut(Double cut) {
        return new UsageSettings(usageFiles, revenueFiles, customers, mapping, prices, cut);
    }
}
