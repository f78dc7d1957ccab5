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

    private static final Pattern ACTUAL = Pattern.compile("(actuals?|act\\.?|actual mtd|mtd actual)");

    /**
     * Periods over groups of columns headed in the row below ("Jan 2025" over "Budget", "Actual",
     * "Variance"): each period is read from the column of its group headed Actual, where every group
     * has one; else as the header stands.
     */
    static void actualBelow(GridSheet s, int r, List<Integer> cols, List<String> notes) {
        if (r + 1 >= s.rowCount() || cols.size() < 2) {
            return;
        }
        GridCell[] below = s.row(r + 1);
        int[] read = new int[cols.size()];
        boolean moved = false;
        for (int i = 0; i < cols.size(); i++) {
            int from = cols.get(i);
            int to = i + 1 < cols.size() && cols.get(i + 1) > from ? cols.get(i + 1) : from + 8;
            read[i] = -1;
            for (int c = from; c < to && c < below.length; c++) {
                GridCell cell = below[c];
                if (cell != null && cell.isText() && ACTUAL.matcher(cell.text().trim().toLowerCase(Locale.ROOT)).matches()) {
                    read[i] = c;
                    break;
                }
            }
            if (read[i] < 0) {
                return;
            }
            moved |= read[i] != from;
        }
        if (moved) {
            for (int i = 0; i < read.length; i++) {
                cols.set(i, read[i]);
            }
            notes.add("Each period is read from its Actual column; the Budget and Variance columns beside it are left out.");
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

    private static final Pattern CONSOLIDATED = Pattern.compile(
            "\\b(consolidated|consolidation|combined|group total|total group|total company|all entities)\\b"
                    + "|^(grand )?totals?$");

    /**
     * The same periods again, side by side under group headings (an entity, a region, a scenario
     * other than Budget): the periods are not summed across the groups. A group headed
     * "Consolidated" (or "Combined", "Group total") is read; else the first, and the note says so.
     */
    /** Said when several groups repeat the periods and none is the consolidated one: a guess to check. */
    static final String FIRST_GROUP = "(the first; choose another in the mapping)";

    static void keepOneGroup(GridSheet s, int r, List<Integer> cols, List<Period> periods, List<String> notes) {
        // a period is the same one again only with the same length: "Q1 2026" beside "Jan-26" is not
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean repeated = false;
        for (Period p : periods) {
            // months named without a year ("Jan".."Dec" twice) run on into the next year: not groups
            repeated |= p != null && p.key() >= 1900 * 12 && !seen.add(p.granularity() + " " + p.key());
        }
        if (!repeated) {
            return;
        }
        String[] group = new String[cols.size()];
        GridCell[] above = r == 0 ? new GridCell[0] : s.row(r - 1);
        for (int i = 0; i < cols.size(); i++) {
            for (int c = Math.min(cols.get(i), above.length - 1); c >= 0; c--) {
                if (above[c] != null && above[c].isText() && !above[c].text().isBlank()) {
                    group[i] = above[c].text().trim();
                    break;
                }
            }
        }
        String chosen = null;
        for (String g : group) {
            if (g != null && CONSOLIDATED.matcher(g.toLowerCase(Locale.ROOT)).find()) {
                chosen = g;
                break;
            }
        }
        boolean consolidated = chosen != null;
        if (chosen == null) {
            chosen = group[0];
        }
        java.util.Set<String> others = new java.util.LinkedHashSet<>();
        for (String g : group) {
            if (g != null && !g.equals(chosen)) {
                others.add(g);
            }
        }
        // the chosen group's columns; where the groups cannot be told apart, each period once
        seen.clear();
        List<Integer> keptCols = new java.util.ArrayList<>();
        List<Period> keptPeriods = new java.util.ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Period p = periods.get(i);
            if (java.util.Objects.equals(group[i], chosen) && seen.add(p.granularity() + " " + p.key())) {
                keptCols.add(cols.get(i));
                keptPeriods.add(p);
            }
        }
        cols.clear();
        cols.addAll(keptCols);
        periods.clear();
        periods.addAll(keptPeriods);
        if (chosen == null || others.isEmpty()) {
            notes.add("The periods repeat along the header row; each is read once, from its first column.");
        } else {
            notes.add("The periods repeat under " + (others.size() + 1) + " headings side by side; the columns under '"
                    + chosen + "' are read" + (consolidated ? "" : " " + FIRST_GROUP)
                    + ", not added to those under '" + String.join("', '", others) + "'.");
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
