package com.marginworkbench.workbook.statement;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written as text inside a heading: "Jun-30-2016", "Mar. 29, 2025", "30 June 2025",
 * "2025-06-30", and numeric dates day first or month first ("31/01/2026", "1/31/26").
 */
final class TextDates {
    private TextDates() {
    }

    private static final Pattern TEXT_DATE = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?[\\s\\-/]*(\\d{1,2})(?:st|nd|rd|th)?"
                    + ",?[\\s\\-/]+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})[\\s\\-/]+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?[\\s\\-/]+(\\d{4}|\\d{2})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})");
    static LocalDate textDate(String lower) {
        Matcher n = NUMERIC_DATE.matcher(lower.trim());
        if (n.matches()) {
            return numericDate(Integer.parseInt(n.group(1)), Integer.parseInt(n.group(2)), n.group(3));
        }
        if (lower.length() < 8 || lower.length() > 60) {
            return null;
        }
        try {
            Matcher m = TEXT_DATE.matcher(lower);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), PeriodParser.monthIndex(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = DAY_MONTH_YEAR.matcher(lower);
            if (m.find()) {
                int year = Integer.parseInt(m.group(3));
                return LocalDate.of(m.group(3).length() == 2 ? 2000 + year : year, PeriodParser.monthIndex(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            m = ISO_DATE.matcher(lower);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * "31/01/2026" or "1/31/2026": day first or month first, whichever makes a valid date; where both
     * do, the one that falls on the first or one of the last days of its month (what a period heading
     * names: "01/02/2026" is 1 February, "12/1/26" is 1 December), else unknown (null).
     */
    private static LocalDate numericDate(int a, int b, String y) {
        int year = y.length() == 2 ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
        LocalDate dayFirst = date(year, b, a);
        LocalDate monthFirst = date(year, a, b);
        if (dayFirst == null || monthFirst == null || dayFirst.equals(monthFirst)) {
            return dayFirst != null ? dayFirst : monthFirst;
        }
        boolean dayFirstEdge = monthEdge(dayFirst);
        boolean monthFirstEdge = monthEdge(monthFirst);
        return dayFirstEdge == monthFirstEdge ? null : dayFirstEdge ? dayFirst : monthFirst;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return year >= 1900 && year <= 2100 ? LocalDate.of(year, month, day) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean monthEdge(LocalDate d) {
        return d.getDayOfMonth() == 1 || d.getDayOfMonth() >= d.lengthOfMonth() - 3;
    }
}
