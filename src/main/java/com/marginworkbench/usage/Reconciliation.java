package com.marginworkbench.usage;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The imported inference cost against the workbook's customer-facing inference lines, month by
 * month. Nothing is scaled: the coverage says how much of the workbook's figure the files explain,
 * and the gap is what they leave out (negative when the files hold more than the workbook).
 *
 * @param months            one row per month of the workbook
 * @param workbookInference the workbook's inference over its months
 * @param imported          the imported cost over the same months
 * @param outside           imported cost in months the workbook does not have
 */
public record Reconciliation(List<Month> months, double workbookInference, double imported, double outside) {
    public record Month(YearMonth period, double imported, double workbook) {
        /** Imported ÷ workbook; null when the workbook has nothing that month. */
        public Double coverage() {
            return workbook == 0 ? null : imported / workbook;
        }

        public double gap() {
            return workbook - imported;
        }
    }

    public Reconciliation {
        months = List.copyOf(months);
    }

    /** Imported ÷ workbook over the workbook's months; null when the workbook has no inference cost. */
    public Double coverage() {
        return workbookInference == 0 ? null : imported / workbookInference;
    }

    public double gap() {
        return workbookInference - imported;
    }

    /** Compares the imported cost per month with the workbook's inference per month. */
    public static Reconciliation of(Map<YearMonth, Double> importedByMonth, Map<YearMonth, Double> workbookByMonth) {
        NavigableMap<YearMonth, Double> wb = new TreeMap<>(workbookByMonth);
        List<Month> rows = new ArrayList<>();
        double w = 0;
        double i = 0;
        for (Map.Entry<YearMonth, Double> e : wb.entrySet()) {
            double imp = importedByMonth.getOrDefault(e.getKey(), 0.0);
            rows.add(new Month(e.getKey(), imp, e.getValue()));
            w += e.getValue();
            i += imp;
        }
        double outside = 0;
        for (Map.Entry<YearMonth, Double> e : importedByMonth.entrySet()) {
            if (!wb.containsKey(e.getKey())) {
                outside += e.getValue();
            }
        }
        return new Reconciliation(rows, w, i, outside);
    }
}
