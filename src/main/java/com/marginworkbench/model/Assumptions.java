package com.marginworkbench.model;

import java.util.Objects;

/**
 * What the user says about a model that its workbook does not (or says differently): average
 * revenue per account, monthly churn, acquisition cost, and the first forecast period. Each is
 * null when the workbook's own value (or, for the forecast, its headings marked E or F) stands.
 * The window's Model assumptions dialog, the command line's {@code --arpa}, {@code --churn},
 * {@code --cac} and {@code --forecast-from}, and the project file all carry this one value.
 *
 * @param arpaMonthly   average revenue per account per month, or null
 * @param churnMonthly  churn as a fraction per month (0.015 = 1.5%), or null
 * @param cac           acquisition cost per new account, or null
 * @param firstForecast the heading of the first forecast period, {@link #NO_FORECAST} when every
 *                      period is actual, or null to take it from the headings
 */
public record Assumptions(Double arpaMonthly, Double churnMonthly, Double cac, String firstForecast) {
    /** The workbook's own figures and headings throughout. */
    public static final Assumptions NONE = new Assumptions(null, null, null, null);
    /** {@link #firstForecast} when the user marks every period actual. */
    public static final String NO_FORECAST = "none";

    public Assumptions {
        if (arpaMonthly != null && !(arpaMonthly >= 0 && Double.isFinite(arpaMonthly))) {
            throw new IllegalArgumentException("ARPA must be zero or more: " + arpaMonthly);
        }
        if (churnMonthly != null && !(churnMonthly > 0 && churnMonthly <= 1)) {
            throw new IllegalArgumentException("monthly churn must be above 0% and at most 100%: " + churnMonthly);
        }
        if (cac != null && !(cac > 0 && Double.isFinite(cac))) {
            throw new IllegalArgumentException("CAC must be above zero: " + cac);
        }
        if (firstForecast != null && firstForecast.isBlank()) {
            firstForecast = null;
        }
    }

    /**
     * A typed amount ("1,200", "$1200", "950.50") for ARPA or CAC.
     *
     * @throws IllegalArgumentException with a sentence that can follow the field's name
     */
    public static double parseAmount(String text) {
        String raw = text == null ? "" : text.trim();
        String t = raw.replaceAll("[$€£\\s,]", "");
        if (!t.matches("\\d+(\\.\\d*)?|\\.\\d+") || !(Double.parseDouble(t) > 0)) {
            throw new IllegalArgumentException("'" + raw + "' is not a positive amount; write it like 1200");
        }
        return Double.parseDouble(t);
    }

    /**
     * A typed monthly churn in percent ("1.5", "1.5%", "1,5") as a fraction (0.015).
     *
     * @throws IllegalArgumentException with a sentence that can follow the field's name
     */
    public static double parseChurnPercent(String text) {
        String raw = text == null ? "" : text.trim();
        String t = raw.replace(',', '.').replaceAll("\\s*%$", "");
        double v = t.matches("\\d+(\\.\\d*)?|\\.\\d+") ? Double.parseDouble(t) / 100 : Double.NaN;
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException("'" + raw + "' is not a monthly churn; it must be above 0% and at most 100%");
        }
        return v;
    }

    /**
     * Written out rather than left to the record: its generated equals and hashCode are assembled from
     * method handles on first use, which every command-line run paid for at start-up. A new component
     * must be added here.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Assumptions a && Objects.equals(a.arpaMonthly, arpaMonthly)
                && Objects.equals(a.churnMonthly, churnMonthly) && Objects.equals(a.cac, cac)
                && Objects.equals(a.firstForecast, firstForecast);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arpaMonthly, churnMonthly, cac, firstForecast);
    }

    public boolean isEmpty() {
        // part by part, not equals(NONE): a record's equals is assembled from method handles on first
        // use, which every command-line run would pay for at start-up
        return arpaMonthly == null && churnMonthly == null && cac == null && firstForecast == null;
    }

    /** These assumptions where given, {@code base}'s where not (options typed over a project's). */
    public Assumptions over(Assumptions base) {
        return new Assumptions(arpaMonthly != null ? arpaMonthly : base.arpaMonthly,
                churnMonthly != null ? churnMonthly : base.churnMonthly, cac != null ? cac : base.cac,
                firstForecast != null ? firstForecast : base.firstForecast);
    }

    public Assumptions withFirstForecast(String heading) {
        return new Assumptions(arpaMonthly, churnMonthly, cac, heading);
    }

    /** True when ARPA, churn or CAC is set here rather than taken from the workbook. */
    public boolean overridesUnitInputs() {
        return arpaMonthly != null || churnMonthly != null || cac != null;
    }

    /** {@code model} with the unit-economics inputs given here put over its own. */
    public FinancialModel applyTo(FinancialModel model) {
        if (!overridesUnitInputs()) {
            return model;
        }
        UnitInputs own = model.unitInputs();
        return model.withUnitInputs(new UnitInputs(
                arpaMonthly != null ? arpaMonthly : own == null ? Double.NaN : own.arpaMonthly(),
                churnMonthly != null ? churnMonthly : own == null ? Double.NaN : own.churnMonthly(),
                cac != null ? cac : own == null ? Double.NaN : own.cac(), own == null ? null : own.basis()));
    }

    /**
     * The index of the first forecast period in {@code periods}: the named heading (or its number,
     * 1 = the first), -1 for {@link #NO_FORECAST}, else the first heading marked as a forecast
     * ("Jul-26E"), else -1 (every period actual).
     *
     * @throws IllegalArgumentException when the heading names no period of these periods
     */
    public int firstForecastIndex(Periods periods) {
        if (firstForecast == null) {
            return periods.firstForecastFromHeadings();
        }
        if (firstForecast.trim().equalsIgnoreCase(NO_FORECAST)) {
            return -1;
        }
        int i = periods.indexOf(firstForecast);
        if (i >= 0) {
            return i;
        }
        String t = firstForecast.trim();
        if (t.matches("\\d{1,6}")) {
            int k = Integer.parseInt(t);
            if (k >= 1 && k <= periods.count()) {
                return k - 1;
            }
        }
        throw new IllegalArgumentException("'" + firstForecast + "' is not a period of this workbook; give a heading"
                + " such as " + (periods.count() == 0 ? "Jan-26" : periods.label(0)) + " or a number from 1 to "
                + periods.count());
    }
}
