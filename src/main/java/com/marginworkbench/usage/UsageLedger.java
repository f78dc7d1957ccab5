package com.marginworkbench.usage;

import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the usage files add up to: cost, requests and tokens per customer and month, and per model.
 * It grows with the number of customers, months and models, never with the number of rows, so a
 * file of millions of rows is summed in constant memory.
 */
public final class UsageLedger {
    /** cost, requests, tokens for one customer and month. */
    static final int COST = 0;
    static final int REQUESTS = 1;
    static final int TOKENS = 2;

    /** One customer's sums. */
    static final class Account {
        String group;
        final TreeMap<YearMonth, double[]> months = new TreeMap<>();
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, double[]> models = new LinkedHashMap<>();
    private final TreeSet<YearMonth> periods = new TreeSet<>();
    private long rows;
    private long pricedFromTable;
    private YearMonth lastMonth;
    private String lastCustomer;
    private Account lastAccount;

    /**
     * Adds one usage row. {@code group} is the customer's plan or team (null when unknown; the
     * first one seen stays). {@code priced} says the cost came from the model price table.
     */
    public void add(String customer, String group, YearMonth month, String model, double cost, long requests,
                    long tokens, boolean priced) {
        rows++;
        if (priced) {
            pricedFromTable++;
        }
        Account a;
        if (customer.equals(lastCustomer)) {
            a = lastAccount;
        } else {
            a = accounts.computeIfAbsent(customer, k -> new Account());
            lastCustomer = customer;
            lastAccount = a;
        }
        if (a.group == null && group != null && !group.isEmpty()) {
            a.group = group;
        }
        double[] m = a.months.computeIfAbsent(month, k -> new double[3]);
        m[COST] += cost;
        m[REQUESTS] += requests;
        m[TOKENS] += tokens;
        if (!month.equals(lastMonth)) {
            periods.add(month);
            lastMonth = month;
        }
        double[] byModel = models.computeIfAbsent(model == null || model.isEmpty() ? "(no model)" : model,
                k -> new double[3]);
        byModel[COST] += cost;
        byModel[REQUESTS] += requests;
        byModel[TOKENS] += tokens;
    }

    /** Sets a customer's plan or team, replacing what the usage rows said (a mapping file's plan column). */
    public void setGroup(String customer, String group) {
        Account a = accounts.get(customer);
        if (a != null && group != null && !group.isEmpty()) {
            a.group = group;
        }
    }

    public long rows() {
        return rows;
    }

    public long pricedFromTable() {
        return pricedFromTable;
    }

    public NavigableSet<YearMonth> periods() {
        return Collections.unmodifiableNavigableSet(periods);
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    Map<String, double[]> models() {
        return models;
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }
}
