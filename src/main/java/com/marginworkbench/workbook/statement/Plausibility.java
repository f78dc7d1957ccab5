package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RevenueLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a reading can be trusted. Low: negative or no revenue, negative cost of revenue, a gross
 * margin outside −100%..100%, a total that does not add up, most rows unclassifiable, or a revenue or
 * cost of revenue line (any line above gross profit) that could not be read. Medium: no total to
 * check the reading against, cost of revenue derived or missing, or an expense line that could not
 * be read. High otherwise.
 */
final class Plausibility {
    private Plausibility() {
    }

    static Reading judge(Reading r, List<RevenueLine> revenue, List<CostLine> costs, StatementRows.Outcome main) {
        List<String> low = new ArrayList<>();
        List<String> medium = new ArrayList<>();
        double rev = revenue.stream().mapToDouble(RevenueLine::total).sum();
        double cogs = costs.stream().filter(c -> c.reported().isCostOfRevenue()).mapToDouble(CostLine::total).sum();
        figures(rev, cogs, revenue.isEmpty(), low);
        for (Reading.Check c : r.checks()) {
            if (!c.holds() && c.what().startsWith("operating income")) {
                medium.add("operating income does not add up from the lines read at " + c.row()
                        + (c.detail() == null ? "" : " (" + c.detail() + ")"));
            } else if (!c.holds()) {
                low.add("the workbook's own total does not add up: " + c.what() + " at " + c.row()
                        + (c.detail() == null ? "" : " (" + c.detail() + ")"));
            }
        }
        if (main != null) {
            if (main.numericRows >= 4 && main.unclassified * 2 > main.numericRows) {
                low.add("most rows have labels that say nothing about what they are");
            }
            boolean aboveGross = main.grossProfit != null;
            for (StatementRows.RowRead x : main.rows) {
                aboveGross &= x != main.grossProfit;
                if (x.unreadAs == null) {
                    continue;
                }
                // a line whose amount is not known: the figures it belongs to are short by it
                String what = "'" + x.label + "' could not be read (" + x.problem + "); the figures leave it out";
                if (aboveGross || x.unreadAs == com.marginworkbench.model.RowRole.REVENUE
                        || x.unreadAs == com.marginworkbench.model.RowRole.COST_OF_REVENUE) {
                    low.add(what);
                } else {
                    medium.add(what);
                }
            }
            if (r.checks().isEmpty()) {
                medium.add("the statement has no totals to check the reading against");
                String accounts = balanceAccounts(main);
                if (accounts != null && StatementSigns.incomeAsCredits(main)) {
                    low.add("balance-sheet accounts (" + accounts + ") stand among the lines and income is stored"
                            + " as credits: this reads like a trial balance, not a profit and loss statement");
                }
            }
            if (main.block.columns.notes().stream().anyMatch(n -> n.contains(PeriodGroups.FIRST_GROUP))) {
                medium.add("the periods repeat under several headings side by side and only the first group"
                        + " is read");
            }
            for (String n : main.notes) {
                if (n.contains(StatementJoin.FIRST_OF_RIVALS)) {
                    medium.add("the same statement for the same periods" + n.substring(n.indexOf(" stands on "),
                            n.indexOf("; '")) + " too; the first found is read");
                }
            }
            if (!main.otherStatements.isEmpty()) {
                medium.add(StatementJoin.holding(main.otherStatements) + " a different income statement that reads as"
                        + " well: which one is the company's is not settled");
            }
            if (main.grossProfit != null && StatementLabels.isContribution(main.grossProfit.norm)) {
                medium.add("the statement shows a contribution margin, not a gross profit: its variable costs are"
                        + " read as cost of revenue");
            }
            if (main.derivedCost != null) {
                medium.add("cost of revenue is derived as revenue − gross profit");
            } else if (costs.stream().noneMatch(c -> c.reported().isCostOfRevenue())) {
                low.add("no cost of revenue line was found, so the gross margin is not a reading of the statement");
            } else if (costByPlaceOnly(main)) {
                medium.add("cost of revenue is read by its place in the statement: there is no gross profit or"
                        + " cost total to check it against");
            }
        }
        if (!low.isEmpty()) {
            return r.withConfidence(Reading.Confidence.LOW, low);
        }
        return medium.isEmpty() ? r.withConfidence(Reading.Confidence.HIGH, List.of())
                : r.withConfidence(Reading.Confidence.MEDIUM, medium);
    }

    /** Up to two balance-sheet or financing rows of the statement, named; null when it has none. */
    private static String balanceAccounts(StatementRows.Outcome main) {
        List<String> named = new ArrayList<>();
        for (StatementRows.RowRead x : main.rows) {
            if (x.role == com.marginworkbench.model.RowRole.FINANCING && x.hasNumber && named.size() < 2) {
                named.add(x.label);
            }
        }
        return named.isEmpty() ? null : String.join(", ", named);
    }

    /** Whether some cost-of-revenue line stands by its place alone, and no gross profit or cost total confirms it. */
    private static boolean costByPlaceOnly(StatementRows.Outcome main) {
        boolean placed = false;
        for (StatementRows.RowRead x : main.rows) {
            // under a "Cost of revenue" heading is more than a place: only rows placed by position count
            placed |= x.role == com.marginworkbench.model.RowRole.COST_OF_REVENUE && x.tentative && !x.userSet
                    && !x.why.startsWith("under the cost of revenue heading");
        }
        return placed && main.checks.stream().noneMatch(c -> c.holds() && (c.what().startsWith("gross profit")
                || c.what().startsWith("total cost of revenue")));
    }

    /** The plain figure checks, also for readings with no statement behind them. */
    static void figures(double revenue, double cogs, boolean noRevenue, List<String> low) {
        if (noRevenue || revenue == 0) {
            low.add("no revenue was read");
        } else if (revenue < 0) {
            low.add(String.format(Locale.ROOT, "total revenue is negative (%,.0f)", revenue));
        }
        if (cogs < 0) {
            low.add(String.format(Locale.ROOT, "cost of revenue is negative (%,.0f)", cogs));
        }
        if (revenue > 0) {
            double gm = (revenue - cogs) / revenue;
            if (gm < -1 || gm > 1) {
                low.add(String.format(Locale.ROOT, "the gross margin comes out at %.0f%%, outside -100%%..100%%",
                        gm * 100));
            }
        }
    }
}
