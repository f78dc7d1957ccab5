package com.marginworkbench.report;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.BridgeItem;
import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.FinancialModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What the board pack prints, gathered once from the engine: the figures, the decisions, the lines
 * that moved and the settings. The PDF writer only lays it out.
 */
public record BoardPack(String workbook, LocalDate date, FinancialModel model, Policy policy, Levers levers,
                        MarginResult result, Decisions.Summary decisions, Decisions.Grid grid, List<MovedLine> moved) {
    public BoardPack {
        moved = List.copyOf(moved);
    }

    /** A line the COGS test moved into or out of cost of revenue, with why and on which standard. */
    public record MovedLine(String label, String source, boolean intoCogs, double amount, double gmImpact,
                            String treatment, String reason, String standards) {
    }

    public static BoardPack of(String workbook, FinancialModel model, List<Classification> classifications,
                               Policy policy, Levers levers, LocalDate date) {
        MarginEngine.Prepared prepared = MarginEngine.prepare(model, classifications);
        MarginResult result = prepared.apply(levers);
        List<MovedLine> moved = new ArrayList<>();
        List<BridgeItem> items = new ArrayList<>(result.bridge());
        items.sort(Comparator.comparingDouble((BridgeItem b) -> Math.abs(b.gmImpact())).reversed());
        for (BridgeItem b : items) {
            Classification c = classifications.get(b.lineIndex());
            moved.add(new MovedLine(b.label(), b.source(), b.restatedInCogs(), b.amount(), b.gmImpact(),
                    c.describe(), c.reason(), c.referencesText()));
        }
        return new BoardPack(workbook, date, model, policy, levers, result, Decisions.summarize(prepared, levers),
                Decisions.defaultGrid(prepared, levers), moved);
    }

    public Figures total() {
        return result.total();
    }

    /** "LLM cost +50%, variance buffer 1.20×, heavy users 10% at 3.00×, AI price -5%, token decline off". */
    public String scenario() {
        if (levers.isNeutral()) {
            return "No stress: every lever neutral (the stressed figures equal the restated ones).";
        }
        return "LLM cost " + LeverAxis.LLM_COST.format(levers.llmCostChange()) + ", variance buffer "
                + LeverAxis.VARIANCE_BUFFER.format(levers.varianceBuffer()) + ", heavy users "
                + LeverAxis.HEAVY_SHARE.format(levers.heavyUserShare()) + " at "
                + LeverAxis.HEAVY_MULTIPLIER.format(levers.heavyUserMultiplier()) + ", AI price "
                + LeverAxis.PRICE_CHANGE.format(levers.priceChange()) + ", token price decline "
                + (levers.tokenPriceDeclinePerYear() == 0 ? "off"
                : LeverAxis.TOKEN_DECLINE.format(levers.tokenPriceDeclinePerYear()) + " a year") + ".";
    }

    /** The framework and the policy choices, one sentence each. */
    public List<String> policies() {
        List<String> out = new ArrayList<>();
        out.add("Framework: " + policy.framework().label() + ".");
        if (policy.framework().name().equals("US_GAAP")) {
            out.add("ASU 2025-06 (internal-use software): " + (policy.asu202506Applies()
                    ? (policy.asu202506Mandatory() ? "applies (fiscal year starts after 15 Dec 2027)." : "adopted early.")
                    : "not applied.") );
        }
        out.add("Free-tier inference: " + policy.freeTier().label() + ".");
        if (policy.fiscalYearStart() != null) {
            out.add("Fiscal year starts " + policy.fiscalYearStart() + ".");
        }
        return out;
    }

    static String pct(OptionalDouble d) {
        return d.isPresent() ? pct(d.getAsDouble()) : "n/a";
    }

    static String pct(double fraction) {
        return DecisionCharts.pct(fraction);
    }

    static String points(double fraction) {
        return DecisionCharts.points(fraction);
    }

}
