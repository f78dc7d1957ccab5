package com.marginworkbench.samples;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Per-customer usage and revenue for the demo company, consistent with its workbook: every month
 * holds exactly the workbook's active accounts, their inference cost adds up to the workbook's
 * customer-facing inference (accounts x requests x tokens x price) and their AI revenue to its AI
 * revenue (add-on plus credits), to the cent.
 *
 * <p>Accounts come in three sizes that keep the mean at one typical account: heavy (5.5 times the
 * typical volume), typical (1x) and light (0.5x). Each month a tenth of the accounts (rounded down)
 * are heavy, nine light accounts stand against each heavy one (5.5 + 9 x 0.5 = 10 typical), and the
 * rest are typical, so the month's volume is exactly the workbook's. A size belongs to an account
 * for its whole life; churn takes the oldest accounts of a size there are too many of, then light
 * ones. Credits scale with volume; the add-on does not, so a heavy account pays $250 + 8,250 x
 * $0.10 = $1,075 a month against $1,258.40 of inference: under water.
 *
 * <p>Files: {@value #USAGE_FILE} (LiteLLM daily end-user spend columns, one row per account and
 * month), {@value #REVENUE_FILE} (customer, period, amount) and {@value #CUSTOMERS_FILE} (end-user
 * id → customer, plan).
 */
final class NorthwindUsage {
    static final String USAGE_FILE = "northwind-usage.csv";
    static final String REVENUE_FILE = "northwind-revenue.csv";
    static final String CUSTOMERS_FILE = "northwind-customers.csv";
    static final String MODEL = "blended-llm";

    static final double HEAVY = 5.5;
    static final double TYPICAL = 1.0;
    static final double LIGHT = 0.5;
    private static final double[] WEIGHTS = {HEAVY, TYPICAL, LIGHT};
    /** Prompt tokens per request; the rest of the workbook's tokens per request are completion. */
    static final int PROMPT_TOKENS = 6_000;

    /** One account-month. */
    record Row(YearMonth month, int account, double weight) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<int[]> accounts = new ArrayList<>(); // id, size index

    private NorthwindUsage() {
        build();
    }

    static NorthwindUsage build12Months() {
        return new NorthwindUsage();
    }

    List<Row> rows() {
        return rows;
    }

    private void build() {
        List<Deque<Integer>> bySize = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
        int nextId = 1;
        int n = NorthwindModel.ACCOUNTS0;
        for (int i = 1; i <= n; i++) {
            int size = i % 10 == 0 ? 0 : 2;
            bySize.get(size).add(nextId);
            accounts.add(new int[]{nextId++, size});
        }
        YearMonth month = YearMonth.from(NorthwindModel.FIRST_MONTH);
        for (int m = 0; m < 12; m++, month = month.plusMonths(1)) {
            int added = (int) Math.round(n * NorthwindModel.NEW_RATE);
            int churned = (int) Math.round(n * NorthwindModel.CHURN);
            int close = n + added - churned;
            int heavy = close / 10;
            int[] target = {heavy, close - 10 * heavy, 9 * heavy};
            int left = churned;
            for (int s = 0; s < 3 && left > 0; s++) {
                int excess = bySize.get(s).size() - target[s];
                for (int k = 0; k < excess && left > 0; k++, left--) {
                    bySize.get(s).poll();
                }
            }
            for (int s : new int[]{2, 1, 0}) {
                while (left > 0 && !bySize.get(s).isEmpty()) {
                    bySize.get(s).poll();
                    left--;
                }
            }
            for (int s = 0; s < 3; s++) {
                int add = target[s] - bySize.get(s).size();
                if (add < 0) {
                    throw new IllegalStateException("churn left too many accounts of size " + s + " in " + month);
                }
                for (int k = 0; k < add; k++) {
                    bySize.get(s).add(nextId);
                    accounts.add(new int[]{nextId++, s});
                }
            }
            List<Row> monthRows = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                for (int id : bySize.get(s)) {
                    monthRows.add(new Row(month, id, WEIGHTS[s]));
                }
            }
            monthRows.sort((a, b) -> Integer.compare(a.account, b.account));
            rows.addAll(monthRows);
            n = close;
        }
    }

    static String endUser(int account) {
        return String.format(Locale.ROOT, "nw-%04d", account);
    }

    static String customer(int account) {
        return String.format(Locale.ROOT, "C%04d", account);
    }

    static String plan(int account) {
        return account % 3 == 0 ? "Business" : "Team";
    }

    /** Usage in LiteLLM's daily end-user spend columns, one row per account and month. */
    String usageCsv() {
        StringBuilder b = new StringBuilder("date,end_user_id,api_key,model,prompt_tokens,completion_tokens,spend,"
                + "api_requests\n");
        for (Row r : rows) {
            long requests = Math.round(NorthwindModel.REQUESTS * r.weight());
            long prompt = requests * PROMPT_TOKENS;
            long completion = requests * (NorthwindModel.TOKENS_PER_REQUEST - PROMPT_TOKENS);
            double spend = (prompt + completion) / 1_000_000.0 * NorthwindModel.LLM_PRICE;
            b.append(r.month().atDay(1)).append(',').append(endUser(r.account())).append(",sk-nw-")
                    .append(String.format(Locale.ROOT, "%04d", r.account())).append(',').append(MODEL).append(',')
                    .append(prompt).append(',').append(completion).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", spend)).append(',').append(requests).append('\n');
        }
        return b.toString();
    }

    /** AI revenue per customer and month: the add-on plus the credits the account used. */
    String revenueCsv() {
        StringBuilder b = new StringBuilder("customer,period,amount\n");
        for (Row r : rows) {
            double amount = NorthwindModel.PRICE_ADDON + NorthwindModel.CREDITS * r.weight() * NorthwindModel.PRICE_CREDIT;
            b.append(customer(r.account())).append(',').append(r.month()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", amount)).append('\n');
        }
        return b.toString();
    }

    /** Which customer each end-user id belongs to, and its plan. */
    String customersCsv() {
        StringBuilder b = new StringBuilder("identity,customer,plan\n");
        for (int[] a : accounts) {
            b.append(endUser(a[0])).append(',').append(customer(a[0])).append(',').append(plan(a[0])).append('\n');
        }
        return b.toString();
    }
}
