package com.marginworkbench.project;

import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Joins two saves of one project made from the same starting point: {@code base} (what this window
 * last read or wrote), {@code ours} (what it has now) and {@code theirs} (what another window or a
 * person wrote to the file since). Each part is taken from the side that changed it: every cost
 * and revenue line (by source cell and label), the policy, the levers, the scenarios and the
 * reading mapping. A part both sides changed, differently, is a conflict.
 */
public final class ProjectMerge {
    private ProjectMerge() {
    }

    /**
     * The joined state; {@code fromTheirs} names the parts taken from the other save, and
     * {@code conflicts} the parts both changed differently (there {@code state} keeps ours).
     */
    public record Result(ProjectState state, List<String> fromTheirs, List<String> conflicts) {
        public Result {
            fromTheirs = List.copyOf(fromTheirs);
            conflicts = List.copyOf(conflicts);
        }
    }

    public static Result merge(ProjectState base, ProjectState ours, ProjectState theirs) {
        Join j = new Join();
        var policy = j.pick("the policy", base.policy(), ours.policy(), theirs.policy());
        var levers = levers(j, base.levers(), ours.levers(), theirs.levers());
        var active = j.pick("the active scenario", base.activeScenario(), ours.activeScenario(),
                theirs.activeScenario());
        var scenarios = j.pick("the scenarios", base.scenarios(), ours.scenarios(), theirs.scenarios());
        var hints = j.pick("the reading mapping", base.hints(), ours.hints(), theirs.hints());
        var assumptions = j.pick("the model assumptions", base.assumptions(), ours.assumptions(),
                theirs.assumptions());
        List<ProjectState.LineState> lines = j.lines(base.lines(), ours.lines(), theirs.lines(),
                l -> key(l.sourceCell(), l.label()), ProjectMerge::describe);
        List<ProjectState.RevenueState> revenue = j.lines(base.revenue(), ours.revenue(), theirs.revenue(),
                r -> key(r.sourceCell(), r.label()), (r, o) -> "revenue line " + name(r.sourceCell(), r.label()));
        return new Result(new ProjectState(policy, levers, active, scenarios, lines, revenue, hints, assumptions),
                j.fromTheirs,
                j.conflicts);
    }

    /** Each lever on its own: one window moving the LLM cost and another the price is no clash. */
    private static Levers levers(Join j, Levers base, Levers ours, Levers theirs) {
        Levers out = ours;
        for (Lever l : Lever.values()) {
            out = l.with(out, j.pick("the " + l.label() + " lever", l.get(base), l.get(ours), l.get(theirs)));
        }
        return out.withFirstForecastPeriod(j.pick("the first forecast period", base.firstForecastPeriod(),
                ours.firstForecastPeriod(), theirs.firstForecastPeriod()));
    }

    private static String key(String cell, String label) {
        return cell + "\u0000" + label;
    }

    private static String name(String cell, String label) {
        return (cell == null ? "" : cell + " ") + "'" + label + "'";
    }

    /** A cost line, with the two cost types when that is where the saves differ. */
    private static String describe(ProjectState.LineState mine, ProjectState.LineState other) {
        String s = "line " + name(mine.sourceCell(), mine.label());
        if (other != null && !Objects.equals(mine.decision().costType(), other.decision().costType())) {
            s += " (here " + type(mine) + ", in the other save " + type(other) + ")";
        }
        return s;
    }

    private static String type(ProjectState.LineState l) {
        return l.decision().costType() == null ? "no cost type" : l.decision().costType().label();
    }

    private static final class Join {
        final List<String> fromTheirs = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();

        <T> T pick(String what, T base, T ours, T theirs) {
            if (Objects.equals(ours, theirs) || Objects.equals(theirs, base)) {
                return ours;
            }
            if (Objects.equals(ours, base)) {
                fromTheirs.add(what);
                return theirs;
            }
            conflicts.add(what);
            return ours;
        }

        <T> List<T> lines(List<T> base, List<T> ours, List<T> theirs, Function<T, String> key,
                          java.util.function.BiFunction<T, T, String> describe) {
            Map<String, T> b = byKey(base, key);
            Map<String, T> t = byKey(theirs, key);
            Map<String, T> out = new LinkedHashMap<>();
            for (T o : ours) {
                String k = key.apply(o);
                T other = t.remove(k);
                if (other == null || Objects.equals(o, other) || Objects.equals(other, b.get(k))) {
                    out.put(k, o);
                } else if (Objects.equals(o, b.get(k))) {
                    fromTheirs.add(describe.apply(other, null));
                    out.put(k, other);
                } else {
                    conflicts.add(describe.apply(o, other));
                    out.put(k, o);
                }
            }
            for (Map.Entry<String, T> e : t.entrySet()) {
                if (!Objects.equals(e.getValue(), b.get(e.getKey()))) {
                    fromTheirs.add(describe.apply(e.getValue(), null));
                }
                out.put(e.getKey(), e.getValue());
            }
            return new ArrayList<>(out.values());
        }

        private static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
            Map<String, T> m = new LinkedHashMap<>();
            for (T x : list) {
                m.put(key.apply(x), x);
            }
            return m;
        }
    }
}
