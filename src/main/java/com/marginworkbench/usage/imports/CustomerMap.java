package com.marginworkbench.usage.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which customer each usage identity (user, key, team, project, or a billing id) belongs to, and
 * optionally the customer's plan: a CSV of {@code identity,customer[,plan]}, with or without a
 * header row, or entries made in the window.
 */
public final class CustomerMap {
    public static final CustomerMap EMPTY = new CustomerMap();

    private final Map<String, String> customers = new LinkedHashMap<>();
    private final Map<String, String> plans = new LinkedHashMap<>();

    public CustomerMap() {
    }

    /** Reads a mapping file; bad lines go to problems. */
    public static CustomerMap read(Path file, Problems problems) throws ImportException {
        CustomerMap map = new CustomerMap();
        try (Table t = Table.open(file)) {
            if (!t.fixedColumns()) {
                throw new ImportException(t.fileName + ": a customer mapping is a CSV file of identity,customer[,plan]");
            }
            java.util.List<String> names = t.columns().names();
            boolean headerIsData = !(names.size() >= 2 && (names.get(1).contains("customer")
                    || names.get(0).contains("identity") || names.get(0).contains("user") || names.get(0).contains("key")));
            if (names.size() < 2) {
                throw new ImportException(t.fileName + ": a customer mapping needs two columns, identity and customer"
                        + " (a third, plan, is optional); it has " + names.size());
            }
            if (headerIsData) {
                // No header: the first line is a mapping too. Column names were lower-cased, so read it again raw.
                t.close();
                return readNoHeader(file, problems);
            }
            while (t.next()) {
                map.addRow(t.row(), t.fileName, t.line(), problems);
            }
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return map;
    }

    private static CustomerMap readNoHeader(Path file, Problems problems) throws ImportException {
        CustomerMap map = new CustomerMap();
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).replace("\uFEFF", "");
                if (l.isBlank()) {
                    continue;
                }
                map.addRow(l.split(",", -1), name, i + 1, problems);
            }
        } catch (IOException e) {
            throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return map;
    }

    private void addRow(String[] row, String file, long line, Problems problems) {
        String id = row.length > 0 && row[0] != null ? row[0].trim() : "";
        String customer = row.length > 1 && row[1] != null ? row[1].trim() : "";
        if (id.isEmpty() || customer.isEmpty()) {
            problems.row(file, line, "a mapping line needs an identity and a customer; this one is left out");
            return;
        }
        String plan = row.length > 2 && row[2] != null ? row[2].trim() : "";
        put(id, customer, plan.isEmpty() ? null : plan);
    }

    /** Maps an identity to a customer (and the customer to a plan, when given). */
    public void put(String identity, String customer, String plan) {
        customers.put(identity, customer);
        if (plan != null && !plan.isBlank()) {
            plans.put(customer, plan);
        }
    }

    /** The customer of an identity, or null when it is not mapped. */
    public String customerOf(String identity) {
        return customers.get(identity);
    }

    /** The plan of a customer, or null. */
    public String planOf(String customer) {
        return plans.get(customer);
    }

    public boolean isEmpty() {
        return customers.isEmpty();
    }

    public Map<String, String> entries() {
        return Collections.unmodifiableMap(customers);
    }

    public Map<String, String> plans() {
        return Collections.unmodifiableMap(plans);
    }
}
