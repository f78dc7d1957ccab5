package com.marginworkbench.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The model's columns in time order, labelled as the workbook labels them. */
public record Periods(List<String> labels, Granularity granularity) {
    private static final String MONTH_WORDS =
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH_WORDS + "[\\s\\-/'’,]*(\\d{4}|\\d{2})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern QUARTER_YEAR = Pattern.compile("q([1-4])[\\s\\-'’/]*(\\d{4}|\\d{2})");
    private static final Pattern YEAR_QUARTER = Pattern.compile("(\\d{4})[\\s\\-/]*q([1-4])");
    /** "H2 2025", "2H25", "H1 FY26": a half-year starts in month 1 or 7 of its year. */
    private static final Pattern HALF_YEAR = Pattern.compile(
            "(?:h([12])|([12])h)[\\s\\-'’/]*(?:fy|cy)?[\\s\\-'’]*(\\d{4}|\\d{2})");
    /** A heading marked as an estimate or forecast: "Jan-27E", "2027F", "Q1 2027 Fcst", "FY27 Budget". */
    private static final Pattern FORECAST = Pattern.compile(
            ".*\\d\\s*(e|f|est|fcst|forecast|budget|plan|proj)\\.?\\)?$"
                    + "|(est|estimate|fcst|forecast|fc|budget|bud|plan|proj|projected)\\b\\.?[\\s:\\-]+.*\\d.*");

    public Periods {
        labels = List.copyOf(labels);
        if (granularity == null) {
            granularity = Granularity.OTHER;
        }
    }

    public static Periods of(Granularity granularity, String... labels) {
        return new Periods(List.of(labels), granularity);
    }

    public int count() {
        return labels.size();
    }

    public String label(int index) {
        return labels.get(index);
    }

    /** Months in one period (12 ÷ periods per year). */
    public int monthsPerPeriod() {
        return 12 / granularity.perYear();
    }

    /**
     * The month period {@code index} starts in: read from its own label ("Jan-26", "2026-01",
     * "Q1 2026" is read as a calendar quarter), else counted on from the first label that can be
     * read. Null when no label gives a month and year.
     */
    public YearMonth start(int index) {
        YearMonth own = parseMonth(labels.get(index));
        if (own != null) {
            return own;
        }
        for (int i = 0; i < labels.size(); i++) {
            YearMonth m = parseMonth(labels.get(i));
            if (m != null) {
                return m.plusMonths((long) (index - i) * monthsPerPeriod());
            }
        }
        return null;
    }

    /**
     * The first period whose heading marks it as a forecast or estimate ("Jan-27E", "2027F",
     * "Q3 2026 Fcst"), or -1 when no heading does.
     */
    public int firstForecastFromHeadings() {
        for (int i = 0; i < labels.size(); i++) {
            String t = labels.get(i).trim().toLowerCase(Locale.ROOT);
            if (FORECAST.matcher(t).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** The period whose label is {@code text} (any case), or -1. */
    public int indexOf(String text) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).trim().equalsIgnoreCase(text.trim())) {
                return i;
            }
        }
        return -1;
    }

    static YearMonth parseMonth(String label) {
        String t = label.trim().toLowerCase(Locale.ROOT);
        Matcher m = MONTH_YEAR.matcher(t);
        if (m.lookingAt()) {
            int month = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                    .indexOf(m.group(1)) + 1;
            return YearMonth.of(year(m.group(2)), month);
        }
        m = ISO.matcher(t);
        if (m.lookingAt()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(1)), month) : null;
        }
        m = QUARTER_YEAR.matcher(t);
        if (m.lookingAt()) {
            return YearMonth.of(year(m.group(2)), (Integer.parseInt(m.group(1)) - 1) * 3 + 1);
        }
        m = YEAR_QUARTER.matcher(t);
        if (m.lookingAt()) {
            return YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
        }
        m = HALF_YEAR.matcher(t);
        if (m.lookingAt()) {
            int half = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            return YearMonth.of(year(m.group(3)), half == 1 ? 1 : 7);
        }
        return null;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + y : y;
    }
}
