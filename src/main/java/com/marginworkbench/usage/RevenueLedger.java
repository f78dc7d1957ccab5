package com.marginworkbench.usage;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** AI revenue per customer and month, summed from revenue files. */
public final class RevenueLedger {
    private final Map<String, TreeMap<YearMonth, Double>> customers = new HashMap<>();
    private long rows;

    public void add(String customer, YearMonth month, double amount) {
        rows++;
        customers.computeIfAbsent(customer, k -> new TreeMap<>()).merge(month, amount, Double::sum);
    }

    public long rows() {
        return rows;
    }

    Map<String, TreeMap<YearMonth, Double>> customers() {
        return customers;
    }

    public double total(String customer) {
        TreeMap<YearMonth, Double> m = customers.get(customer);
        if (m == null) {
            return 0;
        }
        double t = 0;
        for (double v : m.values()) {
            t += v;
        }
        return t;
    }
}
