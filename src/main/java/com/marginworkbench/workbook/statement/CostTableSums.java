package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Placement;
import com.marginworkbench.workbook.statement.TableDetector.Candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subtotals found by their values or their formulas, so that no amount is counted twice: a row
 * whose amounts add up the lines above it, and SUM-like formulas over a column or a row.
 */
final class CostTableSums {
    private CostTableSums() {
    }

    /** How many lines a subtotal found by its values may add up; keeps the check linear on big sheets. */
    static final int MAX_SUBTOTAL_SPAN = 100;
    private static final Pattern AGGREGATE_FORMULA = Pattern.compile(
            "(?i)^[\\s(]*((SUM|SUBTOTAL)\\s*\\(\\s*(\\d+\\s*,\\s*)?)?[$A-Z0-9:,+\\-\\s()]*$");
    private static final Pattern CELL_REF = Pattern.compile("(?i)(?<![A-Z0-9_!.'])\\$?([A-Z]{1,3})\\$?(\\d{1,7})(?::\\$?([A-Z]{1,3})\\$?(\\d{1,7}))?(?![A-Z0-9_(!])");

    /**
     * A row whose amounts equal the sum of the lines just above it (or just below a heading) is a
     * subtotal. Prefix sums of row totals per block find a candidate span in O(log n); the span is
     * then checked period by period, so big sheets stay fast and chance matches are ruled out.
     */
    static void dropValueSubtotals(List<Candidate> candidates) {
        int size = candidates.size();
        double[] totals = new double[size];
        for (int i = 0; i < size; i++) {
            double t = 0;
            for (double v : candidates.get(i).values) {
                t += v;
            }
            totals[i] = t;
        }
        Prefixes current = new Prefixes();
        Prefixes previous = null;
        double running = 0;
        double previousRunning = 0;
        int previousEnd = -1;
        int block = Integer.MIN_VALUE;
        Placement previousPlacement = null;
        Placement lastPlacement = null;
        for (int i = 0; i < size; i++) {
            Candidate c = candidates.get(i);
            if (c.block != block) {
                previous = current;
                previousRunning = running;
                previousEnd = i - 1;
                previousPlacement = lastPlacement;
                current = new Prefixes();
                running = 0;
                current.add(0.0, i);
                block = c.block;
            }
            if (c.problem == null && !isZero(c.values)) {
                int n = c.values.length;
                if (spanMatches(candidates, current, running - totals[i], i - 1, c, n)) {
                    c.dropped = true;
                } else if (c.headingRow && previous != null && previousPlacement == c.placement
                        && c.block == candidates.get(Math.max(0, previousEnd)).block + 1
                        && spanMatches(candidates, previous, previousRunning - totals[i], previousEnd, c, n)) {
                    c.dropped = true;
                }
            }
            if (c.dropped) {
                current = new Prefixes();
                running = 0;
                current.add(0.0, i + 1);
                continue;
            }
            if (c.problem == null) {
                running += totals[i];
                current.add(running, i + 1);
                lastPlacement = c.placement;
            }
            if (!c.headingRow) {
                continue;
            }
            // A heading row with amounts that the lines below it add up to.
            double[] sum = new double[c.values.length];
            int count = 0;
            for (int j = i + 1; j < size && j <= i + MAX_SUBTOTAL_SPAN; j++) {
                Candidate below = candidates.get(j);
                if (below.headingRow || below.placement != c.placement) {
                    break;
                }
                if (below.problem != null) {
                    continue;
                }
                add(sum, below.values);
                count++;
                if (count >= 2 && equal(sum, c.values)) {
                    c.dropped = true;
                    current = new Prefixes();
                    running = 0;
                    current.add(0.0, i + 1);
                    break;
                }
            }
        }
    }

    /** True when the lines from some recorded start up to {@code end} (two or more) add up to {@code c}. */
    private static boolean spanMatches(List<Candidate> candidates, Prefixes prefixes, double target, int end,
                                       Candidate c, int n) {
        double tol = 0.5 * n + 1e-9 * Math.abs(target);
        int[] tries = {0};
        if (prefixes.map == null) {
            for (int k = prefixes.from(target - tol); k < prefixes.count && prefixes.sums[k] <= target + tol; k++) {
                if (spanFrom(candidates, prefixes.starts[k], end, c, n, tries)) {
                    return true;
                }
            }
            return false;
        }
        for (List<Integer> starts : prefixes.map.subMap(target - tol, true, target + tol, true).values()) {
            for (int j : starts) {
                if (spanFrom(candidates, j, end, c, n, tries)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One candidate start: at most nine are summed per subtotal, so a big block stays linear. */
    private static boolean spanFrom(List<Candidate> candidates, int j, int end, Candidate c, int n, int[] tries) {
        if (end - j < 1 || tries[0]++ > 8) {
            return false;
        }
        int lines = 0;
        for (int k = j; k <= end; k++) {
            if (candidates.get(k).problem == null) {
                lines++;
            }
        }
        return lines >= 2 && equal(sumOf(candidates, j, end, n), c.values);
    }

    /**
     * The running sums of a block, each with the line a span starting after it begins at, found by
     * range in ascending order of sum (then of line), as a sorted map would give them. Amounts of one
     * sign make the sums rise, so they stay in arrays and a range is a binary search; the first sum
     * that falls (a negative line) moves them into a sorted map.
     */
    private static final class Prefixes {
        double[] sums = new double[16];
        int[] starts = new int[16];
        int count;
        TreeMap<Double, List<Integer>> map;

        void add(double sum, int start) {
            if (map == null && (count == 0 || sum >= sums[count - 1])) {
                if (count == sums.length) {
                    sums = java.util.Arrays.copyOf(sums, count * 2);
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                sums[count] = sum;
                starts[count] = start;
                count++;
                return;
            }
            if (map == null) {
                map = new TreeMap<>();
                for (int k = 0; k < count; k++) {
                    map.computeIfAbsent(sums[k], key -> new ArrayList<>()).add(starts[k]);
                }
            }
            map.computeIfAbsent(sum, key -> new ArrayList<>()).add(start);
        }

        /** The first index whose sum is at least {@code low}. */
        int from(double low) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sums[mid] < low) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static double[] sumOf(List<Candidate> candidates, int from, int to, int n) {
        double[] sum = new double[n];
        for (int j = from; j <= to; j++) {
            Candidate p = candidates.get(j);
            if (p.problem == null) {
                add(sum, p.values);
            }
        }
        return sum;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void add(double[] sum, double[] v) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += v[k];
        }
    }

    private static boolean equal(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k] - b[k]) > 0.5 + 1e-9 * Math.abs(b[k])) {
                return false;
            }
        }
        return true;
    }

    /** =SUM(C5:C9), =C5+C6-C9, =SUBTOTAL(9,C5:C9): only cells of the same column, at least two of them. */
    static boolean isVerticalAggregate(String formula, int row, int col) {
        return isAggregate(formula, row, col, true);
    }

    /** =SUM(C5:N5) or =C5+D5+E5: only cells of the same row, at least two of them. */
    static boolean isHorizontalAggregate(String formula, int row, int col) {
        return isAggregate(formula, row, col, false);
    }

    private static boolean isAggregate(String formula, int row, int col, boolean vertical) {
        if (formula == null || formula.indexOf('!') >= 0 || !AGGREGATE_FORMULA.matcher(formula).matches()) {
            return false;
        }
        String f = formula.toUpperCase(Locale.ROOT);
        if (f.contains("*") || f.contains("/")) {
            return false;
        }
        Matcher m = CELL_REF.matcher(f);
        int cells = 0;
        while (m.find()) {
            int c1 = columnIndex(m.group(1));
            int r1 = Integer.parseInt(m.group(2)) - 1;
            int c2 = m.group(3) == null ? c1 : columnIndex(m.group(3));
            int r2 = m.group(4) == null ? r1 : Integer.parseInt(m.group(4)) - 1;
            if (vertical ? (c1 != col || c2 != col) : (r1 != row || r2 != row)) {
                return false;
            }
            cells += vertical ? Math.abs(r2 - r1) + 1 : Math.abs(c2 - c1) + 1;
        }
        return cells >= 2;
    }

    private static int columnIndex(String letters) {
        int c = 0;
        for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }
}
