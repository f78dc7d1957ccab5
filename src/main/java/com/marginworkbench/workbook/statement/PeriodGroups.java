package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Period columns that are not periods of their own, known by the group headings above them: under
 * "3 Months Ended" / "6 Months Ended" only the shortest group is read, and where Actual and
 * Budget/Forecast name the same periods only Actual is.
 */
final class PeriodGroups {
    private PeriodGroups() {
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,2})\\s*(months?|weeks?)\\s*(ended|ending)?");

    /** Under "3 Months Ended" / "6 Months Ended" group headings, only the shortest group is periods. */
    static void keepShortestDuration(GridSheet s, int r, List<Integer> cols, List<Period> periods,
                                             List<String> notes) {
        if (r == 0) {
            return;
        }
        GridCell[] above = s.row(r - 1);
        int[] months = new int[cols.size()];
        int shortest = Integer.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < cols.size(); i++) {
            int m = 0;
            for (int c = Math.min(cols.get(i), above.length - 1); c >= 0; c--) {
                GridCell cell = above[c];
                if (cell != null && cell.isText()) {
                    Matcher dm = DURATION.matcher(cell.text().toLowerCase(Locale.ROOT));
                    if (dm.find()) {
                        m = Integer.parseInt(dm.group(1)) * (dm.group(2).startsWith("week") ? 0 : 1);
                    }
                    break;
                }
            }
            months[i] = m;
            if (m > 0) {
                any = true;
                shortest = Math.min(shortest, m);
            }
        }
        if (!any) {
            return;
        }
        boolean dropped = false;
        for (int i = cols.size() - 1; i >= 0; i--) {
            if (months[i] != shortest) {
                cols.remove(i);
                periods.remove(i);
                dropped = true;
            }
        }
        if (dropped) {
            notes.add("Only the " + shortest + "-month columns are read; the longer year-to-date columns"
                    + " contain them.");
        }
        if (shortest == 3) {
            for (int i = 0; i < periods.size(); i++) {
                Period p = periods.get(i);
                if (p.granularity() != Granularity.QUARTER) {
                    periods.set(i, new Period(p.label(), Granularity.QUARTER, p.key(), false));
                }
            }
        }
    }

    /** Where the header or the row above says Actual and Budget/Forecast for the same periods, Actual is read. */
    static void keepActual(GridSheet s, int r, List<Integer> cols, List<Period> periods, List<String> notes) {
        String[] scenario = new String[cols.size()];
        boolean actual = false;
        boolean other = false;
        for (int i = 0; i < cols.size(); i++) {
            String sc = scenarioOf(s, r, cols.get(i));
            scenario[i] = sc;
            actual |= "actual".equals(sc);
            other |= sc != null && !"actual".equals(sc);
        }
        if (!actual || !other) {
            return;
        }
        Map<Integer, Boolean> keysWithActual = new HashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            if ("actual".equals(scenario[i])) {
                keysWithActual.put(periods.get(i).key(), true);
            }
        }
        boolean dropped = false;
        for (int i = cols.size() - 1; i >= 0; i--) {
            if (scenario[i] != null && !"actual".equals(scenario[i])
                    && keysWithActual.containsKey(periods.get(i).key())) {
                cols.remove(i);
                periods.remove(i);
                dropped = true;
            }
        }
        if (dropped) {
            notes.add("Actual columns are read; Budget/Forecast columns for the same periods are left out.");
        }
    }

    private static String scenarioOf(GridSheet s, int r, int c) {
        for (int k = r; k >= Math.max(0, r - 2); k--) {
            GridCell[] row = s.row(k);
            for (int cc = Math.min(c, row.length - 1); cc >= 0 && cc >= c - 24; cc--) {
                GridCell cell = row[cc];
                if (cell != null && cell.isText()) {
                    String t = cell.text().toLowerCase(Locale.ROOT);
                    if (t.contains("actual")) {
                        return "actual";
                    }
                    if (t.contains("budget") || t.contains("forecast") || t.contains("plan")) {
                        return "budget";
                    }
                    if (k < r || cc == c) {
                        break;
                    }
                }
            }
        }
        return null;
    }
}
