package com.marginworkbench.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A company's model as the engine sees it: periods, revenue lines and cost lines with equal period
 * counts, optional unit-economics inputs and the start of the fiscal year (which decides whether
 * ASU 2025-06 is mandatory). Immutable.
 */
public record FinancialModel(String name, Periods periods, List<RevenueLine> revenue, List<CostLine> costs,
                             UnitInputs unitInputs, LocalDate fiscalYearStart) {
    public FinancialModel {
        revenue = List.copyOf(revenue);
        costs = List.copyOf(costs);
        int n = periods.count();
        for (RevenueLine r : revenue) {
            if (r.periodCount() != n) {
                throw new IllegalArgumentException("Revenue line '" + r.label() + "' has " + r.periodCount()
                        + " periods; the model has " + n);
            }
        }
        for (CostLine c : costs) {
            if (c.periodCount() != n) {
                throw new IllegalArgumentException("Cost line '" + c.label() + "' has " + c.periodCount()
                        + " periods; the model has " + n);
            }
        }
    }

    public FinancialModel withCosts(List<CostLine> newCosts) {
        return new FinancialModel(name, periods, revenue, newCosts, unitInputs, fiscalYearStart);
    }

    public FinancialModel withRevenue(List<RevenueLine> newRevenue) {
        return new FinancialModel(name, periods, newRevenue, costs, unitInputs, fiscalYearStart);
    }

    public FinancialModel withUnitInputs(UnitInputs inputs) {
        return new FinancialModel(name, periods, revenue, costs, inputs, fiscalYearStart);
    }

    public FinancialModel withCost(int index, CostLine line) {
        java.util.ArrayList<CostLine> copy = new java.util.ArrayList<>(costs);
        copy.set(index, line);
        return withCosts(copy);
    }

    /** Raw amounts of a cost line without a copy; for the margin engine's inner loop only. */
    public static double[] amountsOf(CostLine line) {
        return line.rawAmounts();
    }
}
