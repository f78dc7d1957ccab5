package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.statement.PeriodParser.Period;
import com.marginworkbench.workbook.statement.StatementRows.Outcome;
import com.marginworkbench.workbook.statement.StatementRows.RowRead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement split over several sheets (Year 1, Year 2, Year 3; FY24, FY25): blocks on other sheets
 * with the same lines and periods of their own are read with the chosen one, in period order. A
 * block whose periods overlap the chosen one's (a competitor's statement, a copy) is not joined.
 */
final class StatementJoin {
    private static final Pattern NUMBER = Pattern.compile("(?:^|\\D)((?:19|20)\\d{2}|\\d{1,2})(?!\\d)");

    private StatementJoin() {
    }

    static List<Outcome> parts(Outcome best, List<StatementBlock> candidates, ReadingHints hints) {
        List<Outcome> parts = new ArrayList<>();
        parts.add(best);
        Set<String> labels = labels(best);
        boolean dated = best.block.columns.periods().stream().allMatch(p -> p.key() >= 1900 * 12);
        for (StatementBlock b : candidates) {
            if (b.sheet == best.block.sheet || b.score < best.block.score * 0.6
                    || b.columns.granularity() != best.block.columns.granularity()
                    || parts.stream().anyMatch(p -> p.block.sheet == b.sheet)) {
                continue;
            }
            Outcome o = StatementRows.read(b, hints.roles());
            if (!o.hasRevenue() || similarity(labels, labels(o)) < 0.6) {
                continue;
            }
            if (dated ? overlaps(parts, o) : ordinal(o.block) == null || ordinal(best.block) == null
                    || parts.stream().anyMatch(p -> ordinal(p.block).equals(ordinal(o.block)))) {
                continue;
            }
            o.block.why = "the same statement continued on another sheet";
            parts.add(o);
        }
        if (parts.size() == 1) {
            return parts;
        }
        if (dated) {
            parts.sort(Comparator.comparingInt(p -> p.block.columns.periods().get(0).key()));
        } else {
            parts.sort(Comparator.comparingInt(p -> ordinal(p.block)));
        }
        best.notes.add("The statement continues over " + parts.size() + " sheets ("
                + String.join(", ", parts.stream().map(p -> p.block.sheet.name()).toList())
                + "); they are read together in period order.");
        return parts;
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
