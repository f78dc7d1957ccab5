package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.PeriodParser.Period;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement split over several sheets (Year 1, Year 2, Year 3; FY24, FY25) or stacked on one sheet
 * a year a block: blocks with the same lines and periods of their own are read with the chosen one,
 * in period order. A block whose periods overlap the chosen one's (a competitor's statement, a copy,
 * a budget below the actuals) is not joined.
 */
final class StatementJoin {
    private static final Pattern NUMBER = Pattern.compile("(?:^|\\D)((?:19|20)\\d{2}|\\d{1,2})(?!\\d)");

    private StatementJoin() {
    }

    static List<Outcome> parts(Outcome best, List<StatementBlock> candidates, List<Outcome> read, ReadingHints hints) {
        List<Outcome> parts = new ArrayList<>();
        parts.add(best);
        Set<String> labels = labels(best);
        boolean dated = best.block.columns.periods().stream().allMatch(p -> p.key() >= 1900 * 12);
        Map<Outcome, Integer> order = new HashMap<>();
        order.put(best, ordinal(best.block));
        for (StatementBlock b : candidates) {
            boolean sameSheet = b.sheet == best.block.sheet;
            if (b == best.block || b.score < best.block.score * 0.6
                    || b.columns.granularity() != best.block.columns.granularity()
                    || parts.stream().anyMatch(p -> p.block.sheet == b.sheet && (!sameSheet || rowsMeet(p.block, b)))) {
                continue;
            }
            // blocks stacked on one sheet are told apart by the year over each, not by the sheet's name
            Integer at = sameSheet ? ownYear(b) : ordinal(b);
            Integer mine = sameSheet ? ownYear(best.block) : order.get(best);
            if (!dated && (at == null || mine == null || at.equals(mine) || order.containsValue(at))) {
                continue;
            }
            // a block the choice read already is not read again
            Outcome o = read.stream().filter(x -> x.block == b).findFirst()
                    .orElseGet(() -> StatementRows.read(b, hints.roles()));
            if (!o.hasRevenue() || similarity(labels, labels(o)) < 0.6 || dated && overlaps(parts, o)) {
                continue;
            }
            if (sameSheet) {
                order.put(best, mine);
                best.block.partName = yearText(best.block);
                b.partName = yearText(b);
            }
            o.block.why = sameSheet ? "the same statement continued below, for another year"
                    : "the same statement continued on another sheet";
            order.put(o, at);
            parts.add(o);
        }
        if (parts.size() == 1) {
            return parts;
        }
        if (dated) {
            parts.sort(Comparator.comparingInt(p -> p.block.columns.periods().get(0).key()));
        } else {
            parts.sort(Comparator.comparingInt(order::get));
        }
        best.notes.add("The statement continues over " + parts.size() + " parts ("
                + String.join(", ", parts.stream().map(p -> p.block.sheet.name()
                        + (p.block.partName == null ? "" : " " + p.block.partName)).toList())
                + "); they are read together in period order.");
        return parts;
    }

    /** Said when another sheet holds the same statement for the same periods and nothing says which to read. */
    static final String FIRST_OF_RIVALS = "(the first found; choose another with --table or in the mapping)";

    /**
     * Another sheet with the same statement for the same periods (a budget beside the actuals, two
     * scenarios, an entity beside the consolidation): never added to the one read. The note says which
     * was read and why: the actuals before a budget or forecast, the consolidated whole before its
     * parts, else the first found, a guess for the user to check.
     */
    static void noteRivals(Outcome best, List<Outcome> read) {
        Set<String> labels = labels(best);
        List<String> rivals = new ArrayList<>();
        for (Outcome o : read) {
            if (o != best && o.block.sheet != best.block.sheet
                    && o.block.columns.granularity() == best.block.columns.granularity()
                    && overlaps(List.of(best), o) && similarity(labels, labels(o)) >= 0.6) {
                rivals.add(o.block.sheet.name());
            }
        }
        if (rivals.isEmpty()) {
            return;
        }
        String others = "'" + String.join("', '", rivals) + "'";
        String name = StatementLabels.normalize(best.block.sheet.name());
        int pref = StatementLabels.preference(name);
        boolean othersPlans = rivals.stream().allMatch(r -> StatementLabels.preference(StatementLabels.normalize(r)) < 0);
        best.notes.add("The same statement for the same periods stands on " + others + "; '" + best.block.sheet.name()
                + "' is read " + (pref > 0 ? "(" + StatementLabels.preferredAs(name) + ")."
                : pref == 0 && othersPlans ? "(the others are named as a budget, forecast or scenario)."
                : FIRST_OF_RIVALS + "."));
    }

    /** How close another sheet's statement may come to the one read before the reading is in doubt. */
    private static final double CLOSE_RIVAL = 2.5;

    /**
     * A valuation model often carries the statements of comparable companies on later sheets. Where
     * another sheet's different statement reads about as well as the one read (its totals check out
     * too) and its own sheet name or title does not say it is the income statement, the reading
     * says so: the user chooses.
     */
    static void noteOtherStatements(Outcome best, List<Outcome> parts, List<Outcome> read) {
        if (!best.checkedBeforeUser || best.failedBeforeUser || namedAsStatement(best)) {
            return;
        }
        List<String> others = new ArrayList<>();
        for (Outcome o : read) {
            // the parts (the one read first among them) and the sheets they stand on are not others
            if (parts.stream().noneMatch(p -> p.block.sheet == o.block.sheet)
                    && o.checkedBeforeUser && !o.failedBeforeUser
                    && StatementReader.judged(o) >= StatementReader.judged(best) - CLOSE_RIVAL
                    && best.notes.stream().noneMatch(n -> n.contains("'" + o.block.sheet.name() + "'"))
                    && !others.contains(o.block.sheet.name())) {
                others.add(o.block.sheet.name());
            }
        }
        if (!others.isEmpty()) {
            best.otherStatements.addAll(others);
            String holding = holding(others);
            best.notes.add(Character.toUpperCase(holding.charAt(0)) + holding.substring(1) + " an income statement of "
                    + (others.size() == 1 ? "its" : "their") + " own that reads as well; '" + best.block.sheet.name()
                    + "' is read, the first in the workbook. If another is the company's, choose it in the mapping"
                    + " (Ctrl+M) or with --table.");
        }
    }

    /** Whether the block's sheet name or title says it is the income statement. */
    private static boolean namedAsStatement(Outcome o) {
        return StatementLabels.namesIncomeStatement(StatementLabels.normalize(o.block.sheet.name()))
                || o.block.title != null && StatementLabels.namesIncomeStatement(StatementLabels.normalize(o.block.title));
    }

    /** "the sheet 'A' holds" or "the sheets 'A', 'B' hold". */
    static String holding(List<String> names) {
        return (names.size() == 1 ? "the sheet '" : "the sheets '") + String.join("', '", names)
                + (names.size() == 1 ? "' holds" : "' hold");
    }

    /** Whether two blocks on one sheet share rows (one found inside the other). */
    private static boolean rowsMeet(StatementBlock a, StatementBlock b) {
        return b.columns.row() <= a.lastRow && b.lastRow >= a.columns.row();
    }

    private static final Pattern YEAR = Pattern.compile("\\b((?:fy|cy)\\s*'?)?((?:19|20)\\d{2})\\b");

    /**
     * The year named right over a block's header (its own title, "Profit and loss FY2025"), or on
     * the header row left of the periods; null when none, or when amounts come first (the block above).
     */
    static Integer ownYear(StatementBlock b) {
        String t = yearText(b);
        return t == null ? null : Integer.parseInt(t.replaceAll("\\D", ""));
    }

    private static String yearText(StatementBlock b) {
        int header = b.columns.row();
        int firstPeriod = b.columns.columns()[0];
        for (int r = header; r >= Math.max(0, header - 3); r--) {
            com.marginworkbench.workbook.cells.GridCell[] row = b.sheet.row(r);
            for (int c = 0; c < row.length && (r != header || c < firstPeriod); c++) {
                com.marginworkbench.workbook.cells.GridCell cell = row[c];
                if (r != header && cell != null && cell.isNumber()) {
                    return null;
                }
                if (cell != null && cell.isText()) {
                    Matcher m = YEAR.matcher(cell.text().toLowerCase(java.util.Locale.ROOT));
                    if (m.find()) {
                        return m.group().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
                    }
                }
            }
        }
        return null;
    }

    /** The year or number a sheet's name (or else its title) carries: "Year 2" gives 2, "FY2025" 2025. */
    static Integer ordinal(StatementBlock b) {
        for (String text : new String[]{b.sheet.name(), b.title == null ? "" : b.title}) {
            Matcher m = NUMBER.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    private static boolean overlaps(List<Outcome> parts, Outcome o) {
        Set<Integer> keys = new HashSet<>();
        for (Outcome p : parts) {
            for (Period q : p.block.columns.periods()) {
                keys.add(q.key());
            }
        }
        return o.block.columns.periods().stream().anyMatch(q -> keys.contains(q.key()));
    }

    /** The lines and totals of the automatic reading: a role the user set never decides a join. */
    private static Set<String> labels(Outcome o) {
        Set<String> out = new HashSet<>();
        for (RowRead x : o.rows) {
            if (x.autoRole.isLine() || x.autoRole == RowRole.TOTAL) {
                out.add(x.norm);
            }
        }
        return out;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> any = new HashSet<>(a);
        any.addAll(b);
        return (double) both.size() / any.size();
    }
}
