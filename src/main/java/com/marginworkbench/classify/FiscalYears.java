package com.marginworkbench.classify;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The fiscal years a model covers, each by its first day, so a rule that depends on the year
 * (ASU 2025-06 is mandatory for years beginning after 15 December 2027) is applied year by year.
 */
public final class FiscalYears {
    private FiscalYears() {
    }

    /**
     * The starts of the fiscal years holding the months {@code first} to {@code last}.
     *
     * @param fiscalYearStart any start of a fiscal year (its month and day are the anchor); null
     *                        means the calendar year
     */
    public static List<LocalDate> covering(LocalDate fiscalYearStart, YearMonth first, YearMonth last) {
        int month = fiscalYearStart == null ? 1 : fiscalYearStart.getMonthValue();
        int day = fiscalYearStart == null ? 1 : Math.min(fiscalYearStart.getDayOfMonth(), 28);
        List<LocalDate> out = new ArrayList<>();
        if (first == null || last == null || last.isBefore(first)) {
            return out;
        }
        int year = first.getMonthValue() >= month ? first.getYear() : first.getYear() - 1;
        LocalDate start = LocalDate.of(year, month, day);
        LocalDate end = last.atEndOfMonth();
        while (!start.isAfter(end) && out.size() < 200) {
            out.add(start);
            start = start.plusYears(1);
        }
        return out;
    }

    /** "FY beginning 2028-01-01" for a message. */
    public static String describe(LocalDate start) {
        return "the fiscal year beginning " + start;
    }
}
