package com.marginworkbench.usage;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workbook's customer-facing inference cost per month: the lines whose cost type is
 * customer-facing inference, the cost that per-customer usage files describe. Free-tier and
 * internal-tool inference are summed apart, so a reader can see what the files would not cover.
 */
public final class WorkbookInference {
    private WorkbookInference() {
    }

    /** Inference per month of the lines of the given types; months whose label is not a month are left out. */
    public static Map<YearMonth, Double> byMonth(FinancialModel model, List<LineDecision> decisions, CostType... types) {
        Map<YearMonth, Double> out = new TreeMap<>();
        List<String> labels = model.periods().labels();
        YearMonth[] months = new YearMonth[labels.size()];
        for (int i = 0; i < months.length; i++) {
            months[i] = month(labels.get(i));
        }
        List<CostLine> costs = model.costs();
        for (int l = 0; l < costs.size() && l < decisions.size(); l++) {
            CostType t = decisions.get(l).costType();
            boolean wanted = false;
            for (CostType w : types) {
                wanted |= w == t;
            }
            if (!wanted) {
                continue;
            }
            CostLine line = costs.get(l);
            for (int p = 0; p < months.length && p < line.periodCount(); p++) {
                if (months[p] != null) {
                    out.merge(months[p], line.amount(p), Double::sum);
                }
            }
        }
        return out;
    }

    /** Customer-facing inference per month. */
    public static Map<YearMonth, Double> customerFacing(FinancialModel model, List<LineDecision> decisions) {
        return byMonth(model, decisions, CostType.CUSTOMER_INFERENCE);
    }

    /**
     * A period label as a month: "Jan-26", "Jan 2026", "January 2026", "2026-01", "01/2026".
     * Null when the label is not one month (a quarter, a year, a total).
     */
    public static YearMonth month(String label) {
        if (label == null) {
            return null;
        }
        String s = label.trim().toLowerCase(Locale.ROOT).replace('.', ' ');
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})[-/](\\d{1,2})$").matcher(s);
        if (m.matches()) {
            return ym(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = java.util.regex.Pattern.compile("^(\\d{1,2})[-/](\\d{4})$").matcher(s);
        if (m.matches()) {
            return ym(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = java.util.regex.Pattern.compile("^([a-z]+)[\\s\\-/']*(\\d{2}|\\d{4})$").matcher(s);
        if (m.matches()) {
            Month month = monthName(m.group(1));
            if (month == null) {
                return null;
            }
            int y = Integer.parseInt(m.group(2));
            return YearMonth.of(y < 100 ? 2000 + y : y, month);
        }
        return null;
    }

    private static YearMonth ym(int y, int m) {
        return m >= 1 && m <= 12 ? YearMonth.of(y, m) : null;
    }

    private static Month monthName(String word) {
        for (Month mo : Month.values()) {
            String full = mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && full.startsWith(word)) {
                return mo;
            }
        }
        return null;
    }
}
