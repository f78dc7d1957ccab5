package com.marginworkbench.ui;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.model.UnitInputs;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small in-memory model with the proportions of the published worked example (reported blended
 * GM 84.3%, AI layer 40.6%, about 12% with LLM cost +50%), for view-model tests that do not need
 * a workbook on disk. Figures per month: revenue 900k software + 100k AI.
 */
public final class DemoWorkbook {
    private DemoWorkbook() {
    }

    public static ReadResult read(Path file) {
        return read(file, 1);
    }

    /** The demo, with every cost line repeated {@code copies} times (scaled down) for load tests. */
    public static ReadResult read(Path file, int copies) {
        int n = 12;
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            labels.add(String.format("2026-%02d", i));
        }
        Periods periods = new Periods(labels, Granularity.MONTH);
        List<RevenueLine> revenue = List.of(
                new RevenueLine("Platform subscriptions", ref(4), flat(n, 900_000), LayerSplit.SOFTWARE, false),
                new RevenueLine("AI assistant add-on", ref(5), flat(n, 100_000), LayerSplit.AI, false));
        record Spec(String label, CostType type, double monthly, Placement placed) {
        }
        List<Spec> specs = List.of(
                new Spec("Customer hosting (AWS)", CostType.HOSTING_CUSTOMER, 100_000, Placement.COST_OF_REVENUE),
                new Spec("Customer support", CostType.CUSTOMER_SUPPORT, 40_000, Placement.COST_OF_REVENUE),
                new Spec("Payment processing (Stripe)", CostType.PAYMENT_PROCESSING, 17_000, Placement.COST_OF_REVENUE),
                new Spec("OpenAI API - production", CostType.CUSTOMER_INFERENCE, 57_200, Placement.OTHER_OPEX),
                new Spec("Output review team", CostType.HITL_DELIVERY, 2_200, Placement.OTHER_OPEX),
                new Spec("Internal copilot seats", CostType.INTERNAL_INFERENCE, 3_000, Placement.OTHER_OPEX),
                new Spec("Free tier inference", CostType.FREE_TIER_INFERENCE, 8_000, Placement.SALES_MARKETING),
                new Spec("Model training runs", CostType.MODEL_TRAINING, 20_000, Placement.RESEARCH_DEVELOPMENT),
                new Spec("Data labeling (Scale)", CostType.DATA_LABELING, 6_000, Placement.RESEARCH_DEVELOPMENT),
                new Spec("Sales salaries", CostType.SALES_MARKETING, 150_000, Placement.SALES_MARKETING),
                new Spec("Office and admin", CostType.GENERAL_ADMIN, 80_000, Placement.GENERAL_ADMIN),
                new Spec("Misc vendor", null, 1_000, Placement.OTHER_OPEX));
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        int row = 10;
        for (int c = 0; c < copies; c++) {
            for (Spec s : specs) {
                CostType t = s.type();
                boolean ai = t != null && t.defaultLayer() == com.marginworkbench.model.Layer.AI;
                String label = copies == 1 ? s.label() : s.label() + " #" + (c + 1);
                costs.add(new CostLine(label, ref(row++), flat(n, s.monthly() / copies), ai ? LayerSplit.AI : LayerSplit.SOFTWARE,
                        s.placed(), t != null && t.defaultLlmPriced(), t != null && t.defaultUsageVariable()));
                decisions.add(new LineDecision(t, null, t == null ? "no dictionary match" : "demo"));
            }
        }
        FinancialModel model = new FinancialModel("Demo AI Co", periods, revenue, costs,
                new UnitInputs(1000, 0.02, 9_400, UnitInputs.MarginBasis.BLENDED), LocalDate.of(2026, 1, 1));
        return new ReadResult(file, model, decisions, List.of(),
                List.of(new SheetInfo("P&L", false, "A3:N" + (row + 1)), new SheetInfo("Notes", true, null)), false);
    }

    private static SourceRef ref(int row) {
        int[] cols = new int[12];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = i + 2;
        }
        return new SourceRef("P&L", row, 0, cols, 1);
    }

    private static double[] flat(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
