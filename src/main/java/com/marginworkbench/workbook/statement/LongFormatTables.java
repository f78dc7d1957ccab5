package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.cells.CellValues;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table in long format, one row per account and period (an export from an accounting system),
 * pivoted into one block with the periods across, as a statement is usually laid out.
 */
final class LongFormatTables {
    private LongFormatTables() {
    }

    /**
     * A table with one row per account and period (columns such as statement, account, fiscal_year,
     * value, unit) pivoted into one row per account and one column per period, income-statement rows only.
     */
    static StatementBlock longFormat(GridSheet s) {
        for (int r = 0; r < Math.min(5, s.rowCount()); r++) {
            GridCell[] row = s.row(r);
            int account = -1;
            int period = -1;
            int value = -1;
            int statement = -1;
            int unit = -1;
            for (int c = 0; c < row.length; c++) {
                if (row[c] == null || !row[c].isText()) {
                    continue;
                }
                String h = row[c].text().trim().toLowerCase(Locale.ROOT).replace('_', ' ');
                if (h.equals("account") || h.equals("line item") || h.equals("item") || h.equals("metric")
                        || h.equals("line") || h.equals("account name")) {
                    account = c;
                } else if (h.equals("fiscal year") || h.equals("year") || h.equals("period") || h.equals("fy")
                        || h.equals("date")) {
                    period = c;
                } else if (h.equals("value") || h.equals("amount")) {
                    value = c;
                } else if (h.equals("statement") || h.equals("statement type")) {
                    statement = c;
                } else if (h.equals("unit") || h.equals("units")) {
                    unit = c;
                }
            }
            if (account < 0 || period < 0 || value < 0) {
                continue;
            }
            return pivot(s, r, account, period, value, statement, unit);
        }
        return null;
    }

    private static StatementBlock pivot(GridSheet s, int header, int account, int periodCol, int valueCol,
                                        int statementCol, int unitCol) {
        Map<String, Map<Integer, Double>> byAccount = new LinkedHashMap<>();
        TreeMap<Integer, String> periods = new TreeMap<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        int last = header;
        for (int r = header + 1; r < s.rowCount(); r++) {
            String acc = StatementRows.text(s, r, account);
            GridCell p = s.cell(r, periodCol);
            if (acc == null || p == null) {
                continue;
            }
            if (statementCol >= 0) {
                String st = StatementRows.text(s, r, statementCol);
                String n = st == null ? "" : st.toLowerCase(Locale.ROOT);
                if (!(n.contains("income") || n.contains("p&l") || n.contains("profit") || n.contains("operations"))) {
                    continue;
                }
            }
            Period period = p.isNumber() ? new Period("FY" + (int) p.number(), Granularity.YEAR,
                    (int) p.number() * 12, false) : PeriodParser.parse(p);
            if (period == null) {
                continue;
            }
            periods.put(period.key(), period.label());
            GridCell v = s.cell(r, valueCol);
            CellValues.Value value = CellValues.read(v);
            if (value.status() == CellValues.Status.NUMBER) {
                byAccount.computeIfAbsent(acc, k -> new LinkedHashMap<>()).merge(period.key(), value.number(),
                        (a, b) -> a);
            } else {
                byAccount.computeIfAbsent(acc, k -> new LinkedHashMap<>());
            }
            if (unitCol >= 0) {
                String u = StatementRows.text(s, r, unitCol);
                if (u != null) {
                    units.merge(u, 1, Integer::sum);
                }
            }
            last = r;
        }
        if (periods.size() < 2 || byAccount.size() < 2) {
            return null;
        }
        GridSheet grid = new GridSheet(s.name(), s.hidden());
        List<Integer> keys = new ArrayList<>(periods.keySet());
        int[] cols = new int[keys.size()];
        List<Period> ps = new ArrayList<>();
        grid.set(0, 0, GridCell.text("account", null));
        for (int i = 0; i < keys.size(); i++) {
            cols[i] = i + 1;
            ps.add(new Period(periods.get(keys.get(i)), Granularity.YEAR, keys.get(i), false));
            grid.set(0, i + 1, GridCell.text(periods.get(keys.get(i)), null));
        }
        int r = 1;
        for (Map.Entry<String, Map<Integer, Double>> e : byAccount.entrySet()) {
            grid.set(r, 0, GridCell.text(e.getKey().replace('_', ' '), null));
            for (int i = 0; i < keys.size(); i++) {
                Double v = e.getValue().get(keys.get(i));
                if (v != null) {
                    grid.setNumber(r, i + 1, v);
                }
            }
            r++;
        }
        String unit = units.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        if (unit != null) {
            grid.set(r + 1, 0, GridCell.text("Units: " + unit, null));
        }
        StatementPeriods.Columns h = new StatementPeriods.Columns(0, cols, ps, Granularity.YEAR,
                List.of("The table holds one row per account and year; it is read pivoted, income-statement rows"
                        + " only."));
        StatementBlock b = new StatementBlock(grid, h, 1, r - 1, 0, null);
        b.orientation = "long format";
        b.sourceRange = SourceRef.cellName(header, 0) + ":" + SourceRef.cellName(last,
                Math.max(Math.max(account, periodCol), valueCol));
        b.title = "Units: " + (unit == null ? "" : unit) + " | " + s.name();
        return b;
    }
}
