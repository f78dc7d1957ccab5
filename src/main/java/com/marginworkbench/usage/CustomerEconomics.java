package com.marginworkbench.usage;

import java.time.YearMonth;
import java.util.Map;

/**
 * One customer's AI economics over the imported months.
 *
 * @param id           the customer (after the identity mapping)
 * @param group        plan or team, null when unknown
 * @param cost         AI cost (inference) in the imported usage
 * @param revenue      AI revenue from the revenue files; null when no revenue file was given
 * @param requests     model requests
 * @param tokens       tokens (input and output)
 * @param activeMonths months with usage
 * @param monthly      per month: cost and revenue
 */
public record CustomerEconomics(String id, String group, double cost, Double revenue, long requests, long tokens,
                                int activeMonths, Map<YearMonth, double[]> monthly) {
    public CustomerEconomics {
        monthly = Map.copyOf(monthly);
    }

    /** (revenue − cost) ÷ revenue; null without revenue, or when the revenue is zero. */
    public Double margin() {
        if (revenue == null || revenue == 0) {
            return null;
        }
        return (revenue - cost) / revenue;
    }

    /** Revenue − cost; null without revenue. */
    public Double marginAmount() {
        return revenue == null ? null : revenue - cost;
    }

    /** Under water: the AI layer of this account loses money (revenue below cost). */
    public boolean underWater() {
        return revenue != null && revenue - cost < 0;
    }

    /** Mean AI cost per month with usage: how heavy the account is, whatever its tenure. */
    public double costPerActiveMonth() {
        return activeMonths == 0 ? 0 : cost / activeMonths;
    }
}
