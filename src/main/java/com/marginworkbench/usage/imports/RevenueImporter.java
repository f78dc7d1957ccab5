package com.marginworkbench.usage.imports;

import com.marginworkbench.usage.RevenueLedger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Reads revenue per customer: a plain CSV of customer, date or period, amount, or Stripe's
 * payments and invoices exports (recognised from their column names). Amounts are in currency
 * units (dollars, not cents). Payments that did not succeed are not revenue and are counted apart;
 * refunds are taken off.
 */
public final class RevenueImporter {
    /** What one file gave. */
    public record FileResult(String file, String format, long rows, long badRows, long notPaid) {
    }

    private enum Preset {
        STRIPE_PAYMENTS("Stripe payments", List.of("customer id", "customer"),
                List.of("created date (utc)", "created (utc)", "created"), List.of("converted amount", "amount"),
                List.of("converted amount refunded", "amount refunded"), "status"),
        STRIPE_INVOICES("Stripe invoices", List.of("customer", "customer id"),
                List.of("date (utc)", "finalized at (utc)", "created (utc)", "period start (utc)"),
                List.of("amount paid"), List.of(), "status"),
        PLAIN("customer,date,amount", List.of("customer", "customer_id"),
                List.of("date", "period", "month"), List.of("amount", "revenue", "ai_revenue"), List.of(), null);

        final String label;
        final List<String> customer;
        final List<String> date;
        final List<String> amount;
        final List<String> refunded;
        final String status;

        Preset(String label, List<String> customer, List<String> date, List<String> amount, List<String> refunded,
               String status) {
            this.label = label;
            this.customer = customer;
            this.date = date;
            this.amount = amount;
            this.refunded = refunded;
            this.status = status;
        }

        boolean matches(Table.Columns c) {
            return any(c, customer) && any(c, date) && any(c, amount)
                    && (this != STRIPE_PAYMENTS || c.has("amount") && (c.has("customer id") || c.has("status")))
                    && (this != STRIPE_INVOICES || c.has("amount paid"));
        }

        private static boolean any(Table.Columns c, List<String> names) {
            for (String n : names) {
                if (c.has(n)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final RevenueLedger ledger;
    private final CustomerMap customers;
    private final Problems problems;

    public RevenueImporter(RevenueLedger ledger, CustomerMap customers, Problems problems) {
        this.ledger = ledger;
        this.customers = customers == null ? CustomerMap.EMPTY : customers;
        this.problems = problems;
    }

    public FileResult read(Path file) throws ImportException {
        try (Table t = Table.open(file)) {
            if (!t.fixedColumns()) {
                throw new ImportException(t.fileName + ": revenue is read from CSV (customer, date or period, amount,"
                        + " or a Stripe payments or invoices export)");
            }
            Preset p = null;
            for (Preset candidate : Preset.values()) {
                if (candidate.matches(t.columns())) {
                    p = candidate;
                    break;
                }
            }
            if (p == null) {
                throw new ImportException(t.fileName + ": not a revenue file this program knows; it needs columns customer,"
                        + " date (or period) and amount, or a Stripe payments or invoices export. Its columns are "
                        + String.join(", ", t.columns().names()));
            }
            Getter customer = Getter.compile(p.customer, t);
            Getter date = Getter.compile(p.date, t);
            Getter amount = Getter.compile(p.amount, t);
            Getter refunded = Getter.compile(p.refunded, t);
            Getter status = p.status == null ? Getter.NONE : Getter.compile(List.of(p.status), t);
            long rows = 0;
            long bad = 0;
            long notPaid = 0;
            while (t.next()) {
                rows++;
                String[] row = t.row();
                String st = status.text(row);
                if (st != null && !paid(st)) {
                    notPaid++;
                    continue;
                }
                String problem = null;
                String who = customer.text(row);
                String d = date.text(row);
                YearMonth month = Values.month(d);
                Double a = null;
                Double ref = null;
                try {
                    a = amount.number(row);
                    ref = refunded.number(row);
                } catch (Getter.BadValue e) {
                    problem = "'" + e.value + "' in " + e.column + " is not an amount; the row is left out";
                }
                if (problem == null && (who == null || who.isEmpty())) {
                    problem = "no customer in " + customer.columnNames() + "; the row is left out";
                } else if (problem == null && month == null) {
                    problem = d == null ? "no date in " + date.columnNames() + "; the row is left out"
                            : "date '" + d + "' is not a date or month (write 2026-01-15 or 2026-01); the row is left out";
                } else if (problem == null && a == null) {
                    problem = "no amount in " + amount.columnNames() + "; the row is left out";
                }
                if (problem != null) {
                    bad++;
                    problems.row(t.fileName, t.line(), problem);
                    continue;
                }
                String mapped = customers.customerOf(who);
                ledger.add(mapped == null ? who : mapped, month, a - (ref == null ? 0 : ref));
            }
            return new FileResult(t.fileName, p.label, rows, bad, notPaid);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static boolean paid(String status) {
        String s = status.trim().toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.equals("paid") || s.equals("succeeded") || s.equals("refunded")
                || s.equals("partially refunded") || s.equals("partially_refunded");
    }
}
