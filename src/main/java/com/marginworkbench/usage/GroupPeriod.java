package com.marginworkbench.usage;

import java.time.YearMonth;

/** AI cost and revenue of one plan or team in one month. Revenue is null without a revenue file. */
public record GroupPeriod(String group, YearMonth period, double cost, Double revenue, int customers) {
    public Double margin() {
        return revenue == null || revenue == 0 ? null : (revenue - cost) / revenue;
    }
}
