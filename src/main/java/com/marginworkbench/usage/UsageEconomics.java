package com.marginworkbench.usage;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-customer AI economics from summed usage and revenue: cost, revenue and margin per customer
 * (accounts under water first), per plan or team and month, cost concentration, the heavy-user
 * lever measured from the data, and unit costs by model. One place computes these; the command
 * line and the window print what it computed.
 */
public record UsageEconomics(long rows, long pricedFromTable, List<YearMonth> periods, double totalCost,
                             Double totalRevenue, List<CustomerEconomics> customers, List<GroupPeriod> groups,
                             Concentration concentration, HeavyUsers heavyUsers, List<ModelCost> byModel,
                             Map<YearMonth, Double> costByMonth) {
    public UsageEconomics {
        periods = List.copyOf(periods);
        customers = List.copyOf(customers);
        groups = List.copyOf(groups);
        byModel = List.copyOf(byModel);
        costByMonth = Map.copyOf(costByMonth);
    }

    /** Under-water accounts first (most negative margin first), then the rest by cost, largest first. */
    public static final Comparator<CustomerEconomics> UNDER_WATER_FIRST = Comparator
            .comparing((CustomerEconomics c) -> !c.underWater())
            .thenComparing(c -> c.underWater() ? c.marginAmount() : -c.cost())
            .thenComparing(CustomerEconomics::id);

    public List<CustomerEconomics> underWater() {
        return customers.stream().filter(CustomerEconomics::underWater).toList();
    }

    /** Computes everything with the default cut (top decile) for heavy users. */
    public static UsageEconomics compute(UsageLedger usage, RevenueLedger revenue) {
        return compute(usage, revenue, HeavyUsers.DEFAULT_CUT);
    }

    /**
     * @param revenue   null when no revenue file was given (revenue and margins are then unknown)
     * @param heavyCut  the share of customers counted as heavy (0 &lt; cut &lt; 1)
     */
    public static UsageEconomics compute(UsageLedger usage, RevenueLedger revenue, double heavyCut) {
        if (!(heavyCut > 0 && heavyCut < 1)) {
            throw new IllegalArgumentException("The heavy-user cut must be between 0% and 100%, was " + heavyCut);
        }
        Map<String, UsageLedger.Account> accounts = usage.accounts();
        Set<String> ids = new HashSet<>(accounts.keySet());
        if (revenue != null) {
            ids.addAll(revenue.customers().keySet());
        }
        TreeMap<YearMonth, Double> costByMonth = new TreeMap<>();
        List<CustomerEconomics> list = new ArrayList<>();
        for (String id : ids) {
            UsageLedger.Account a = accounts.get(id);
            Map<YearMonth, double[]> monthly = new HashMap<>();
            double cost = 0;
            long requests = 0;
            long tokens = 0;
            int active = 0;
            if (a != null) {
                for (Map.Entry<YearMonth, double[]> e : a.months.entrySet()) {
                    double[] v = e.getValue();
                    cost += v[UsageLedger.COST];
                    requests += (long) v[UsageLedger.REQUESTS];
                    tokens += (long) v[UsageLedger.TOKENS];
                    active++;
                    monthly.put(e.getKey(), new double[]{v[UsageLedger.COST], 0});
                    costByMonth.merge(e.getKey(), v[UsageLedger.COST], Double::sum);
                }
            }
            Double rev = null;
            if (revenue != null) {
                double r = 0;
                Map<YearMonth, Double> rm = revenue.customers().get(id);
                if (rm != null) {
                    for (Map.Entry<YearMonth, Double> e : rm.entrySet()) {
                        r += e.getValue();
                        monthly.computeIfAbsent(e.getKey(), k -> new double[2])[1] += e.getValue();
                    }
                }
                rev = r;
            }
            list.add(new CustomerEconomics(id, a == null ? null : a.group, cost, rev, requests, tokens, active, monthly));
        }
        list.sort(UNDER_WATER_FIRST);
        double totalCost = 0;
        for (CustomerEconomics c : list) {
            totalCost += c.cost();
        }
        Double totalRevenue = null;
        if (revenue != null) {
            double t = 0;
            for (CustomerEconomics c : list) {
                t += c.revenue();
            }
            totalRevenue = t;
        }
        List<YearMonth> periods = new ArrayList<>(usage.periods());
        return new UsageEconomics(usage.rows(), usage.pricedFromTable(), periods, totalCost, totalRevenue, list,
                groups(list, revenue != null), concentration(list), heavyUsers(list, heavyCut), byModel(usage),
                costByMonth);
    }

    private static List<ModelCost> byModel(UsageLedger usage) {
        List<ModelCost> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : usage.models().entrySet()) {
            double[] v = e.getValue();
            out.add(new ModelCost(e.getKey(), v[UsageLedger.COST], (long) v[UsageLedger.TOKENS],
                    (long) v[UsageLedger.REQUESTS]));
        }
        out.sort(Comparator.comparingDouble(ModelCost::cost).reversed().thenComparing(ModelCost::model));
        return out;
    }

    private static List<GroupPeriod> groups(List<CustomerEconomics> list, boolean withRevenue) {
        Map<String, TreeMap<YearMonth, double[]>> g = new TreeMap<>();
        for (CustomerEconomics c : list) {
            String name = c.group() == null ? "(no plan or team)" : c.group();
            TreeMap<YearMonth, double[]> months = g.computeIfAbsent(name, k -> new TreeMap<>());
            for (Map.Entry<YearMonth, double[]> e : c.monthly().entrySet()) {
                double[] v = months.computeIfAbsent(e.getKey(), k -> new double[3]);
                v[0] += e.getValue()[0];
                v[1] += e.getValue()[1];
                v[2]++;
            }
        }
        List<GroupPeriod> out = new ArrayList<>();
        g.forEach((name, months) -> months.forEach((m, v) ->
                out.add(new GroupPeriod(name, m, v[0], withRevenue ? v[1] : null, (int) v[2]))));
        return out;
    }

    /** How many of n customers a top share takes: the share rounded up, at least one. */
    static int topCount(int n, double share) {
        return n == 0 ? 0 : Math.max(1, (int) Math.ceil(n * share - 1e-9));
    }

    static Concentration concentration(List<CustomerEconomics> list) {
        int n = list.size();
        double[] costs = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            costs[i] = Math.max(0, list.get(i).cost());
            total += costs[i];
        }
        if (n == 0 || total <= 0) {
            return Concentration.NONE;
        }
        Arrays.sort(costs);
        List<double[]> lorenz = new ArrayList<>();
        lorenz.add(new double[]{0, 0});
        int step = Math.max(1, n / 200);
        double cum = 0;
        double area = 0;
        double prev = 0;
        for (int i = 0; i < n; i++) {
            cum += costs[i];
            double y = cum / total;
            area += (prev + y) / (2.0 * n);
            prev = y;
            if ((i + 1) % step == 0 || i == n - 1) {
                lorenz.add(new double[]{(i + 1) / (double) n, y});
            }
        }
        double gini = 1 - 2 * area;
        return new Concentration(topShare(costs, total, 0.01), topShare(costs, total, 0.05),
                topShare(costs, total, 0.10), lorenz, gini);
    }

    /** Share of cost of the top share of customers; {@code ascending} is sorted from the lightest. */
    private static double topShare(double[] ascending, double total, double share) {
        int k = topCount(ascending.length, share);
        double s = 0;
        for (int i = ascending.length - k; i < ascending.length; i++) {
            s += ascending[i];
        }
        return s / total;
    }

    /**
     * The heaviest {@code cut} of customers by cost per active month (so that a customer who joined
     * in the last month is weighed by the volume it runs, not by its tenure). Customers with no
     * usage (revenue only) are left out.
     */
    static HeavyUsers heavyUsers(List<CustomerEconomics> list, double cut) {
        double[] perMonth = list.stream().filter(c -> c.activeMonths() > 0)
                .mapToDouble(CustomerEconomics::costPerActiveMonth).sorted().toArray();
        int n = perMonth.length;
        if (n < 2) {
            return new HeavyUsers(cut, n, n, n == 0 ? 0 : 1, 1);
        }
        int k = Math.min(n - 1, topCount(n, cut));
        double heavy = 0;
        double others = 0;
        for (int i = 0; i < n; i++) {
            if (i >= n - k) {
                heavy += perMonth[i];
            } else {
                others += perMonth[i];
            }
        }
        double meanOthers = others / (n - k);
        double multiplier = meanOthers <= 0 ? 1 : (heavy / k) / meanOthers;
        return new HeavyUsers(cut, k, n, k / (double) n, multiplier);
    }
}
