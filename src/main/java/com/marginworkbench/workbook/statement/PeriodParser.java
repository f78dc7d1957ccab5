package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.workbook.cells.GridCell;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one header cell as a period: a real date, a date serial, or text such as "Jan-26",
 * "Jan 2026", "2026-01", "M1", "Q1 FY25", "Q1 2026", "H1 2025" or "FY26". Also recognizes total columns
 * ("Total", "Full year", "FY total", "YTD").
 */
final class PeriodParser {
    /** A parsed header: its label, its length, a key that orders periods, and whether it is a total. */
    record Period(String label, Granularity granularity, int key, boolean total) {
    }

    static final Period TOTAL = new Period("Total", Granularity.OTHER, Integer.MAX_VALUE, true);

    /** A month's label, as English names it in short ("Sep"): not looked up in the locale data, which a first read paid for. */
    private static final String[] LABELS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};
    private static final Pattern MONTH_NAME = Pattern.compile(
            "(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\\.?(?:[\\s\\-/'’,]*(\\d{2}|\\d{4}))?[abef]?");
    /** "2025-01", "2025/1", "2025-01-31", and a statistics office's "2025M01". */
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(?:[-/.]|m)(\\d{1,2})(?:[-/.]\\d{1,2})?");
    private static final Pattern MONTH_YEAR = Pattern.compile("m?(\\d{1,2})[-/.](\\d{4})|(0[1-9]|1[0-2])/(\\d{2})");
    /** "M1", "Month 12", and a fiscal calendar's "P1".."P13" / "Period 4" (read a month each). */
    private static final Pattern ORDINAL_MONTH = Pattern.compile("(?:m|month|p|period)\\s*(\\d{1,3})");
    private static final Pattern QUARTER = Pattern.compile(
            "f?q([1-4])(?:[\\s\\-'’/]*(?:fy|cy)?[\\s\\-'’]*(\\d{2}|\\d{4}))?[abef]?");
    private static final Pattern YEAR_QUARTER = Pattern.compile("(?:fy|cy)?\\s*'?(\\d{2}|\\d{4})[\\s\\-/]*q([1-4])[abef]?");
    /** "1Q25", "3Q 2024", "2QFY25". */
    private static final Pattern NUMBER_QUARTER = Pattern.compile("([1-4])q[\\s\\-'’]*(?:fy|cy)?[\\s\\-'’]*(\\d{2}|\\d{4})[abef]?");
    /** "2024/25", "FY 2024-25", "FY24/25": a fiscal year across two calendar years, keyed by the later. */
    private static final Pattern SPLIT_YEAR = Pattern.compile(
            "(fy|cy)?\\s*'?(\\d{2}|\\d{4})\\s*[/\\-]\\s*(\\d{2}|\\d{4})[abef]?");
    /** "1st Qtr 2026", "Qtr 1 2026", "Quarter 3 FY25". */
    private static final Pattern WORD_QUARTER = Pattern.compile(
            "(?:([1-4])(?:st|nd|rd|th)\\s*(?:qtr|quarter)|(?:qtr|quarter)\\s*([1-4]))"
                    + "(?:[\\s\\-'’,/]*(?:fy|cy)?[\\s\\-'’]*(\\d{2}|\\d{4}))?[abef]?");
    /**
     * A scenario word after the period ("Jun-26 Act", "Jul-26 Fcst"), or its letter alone after the period's
     * digits ("Jan-26 A", "Jul-26 F", "2025 E"); the forecast is found from the label.
     */
    private static final Pattern SCENARIO_SUFFIX = Pattern.compile(
            "\\s+(act|actual|actuals|fcst|forecast|fc|bud|budget|plan|est|estimate|proj|projected)\\.?$|(?<=\\d)\\s+[abefp]\\.?$");
    /** The same words before the period ("Actual 2024", "Forecast 2025", "Budget FY26"). */
    private static final Pattern SCENARIO_PREFIX = Pattern.compile(
            "^(act|actual|actuals|fcst|forecast|fc|bud|budget|plan|est|estimate|proj|projected)\\.?[\\s:\\-]+(?=\\S)");
    /** "H1 2025", "H2'25", "1H25", "2H FY26", "HY1 2025": a half-year. */
    private static final Pattern HALF_YEAR = Pattern.compile(
            "(?:h|hy)([12])(?:[\\s\\-'’/]*(?:fy|cy)?[\\s\\-'’]*(\\d{2}|\\d{4}))?[abef]?"
                    + "|([12])h[\\s\\-'’]*(?:fy|cy)?[\\s\\-'’]*(\\d{2}|\\d{4})[abef]?");
    private static final Pattern FISCAL_YEAR = Pattern.compile("(?:fy|cy)[\\s\\-]*'?(\\d{2}|\\d{4})[abefp]?");
    /** "Year 2025", "Fiscal Year 2025", "FYE 2025", "YE 2025", "2025 FY", "Year 1 (2025)": a year said in words. */
    private static final Pattern WORDED_YEAR = Pattern.compile(
            "(?:year|fiscal(?: year)?|fye|ye|12m)[\\s\\-]*((?:19|20|21)\\d{2})[abefp]?|((?:19|20|21)\\d{2})\\s*(?:fy|cy)"
                    + "|(?:year|yr|y)\\s*\\d{1,2}\\s*[(\\-–:]\\s*(?:fy|cy)?\\s*'?((?:19|20|21)\\d{2})[abefp]?\\)?");
    /** "Jan-Mar 2025", "Oct–Dec 25": a quarter written as its first and last month. */
    private static final Pattern MONTH_RANGE = Pattern.compile(
            "(jan|apr|jul|oct)[a-z]*\\.?\\s*[-–]\\s*(mar|jun|sep|dec)[a-z]*\\.?[\\s\\-'’,]*(\\d{2}|\\d{4})");
    /** "January - December 2025", "Jan 1 - Jun 30, 2025", "Feb 2024 - Jan 2025": a span of months, its length read. */
    private static final Pattern SPAN = Pattern.compile(
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?: \\d{1,2})?,?(?: (\\d{4}))? ?(?:-|–|to|through"
                    + "|thru) ?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?: \\d{1,2})?,?[\\s'’]*(\\d{2}|\\d{4})");
    /** "3M Mar-25", "QE Jun 2025", "Q/E Sep-25", "Mar-25 QTD", "3 months to Dec-25": the quarter ending in the month named. */
    private static final Pattern QUARTER_ENDING = Pattern.compile(
            "(?:3\\s*m(?:onths?)?|qe|q/e|qtd|quarter end(?:ed|ing)?)(?:\\s+(?:ended|ending|to))?[\\s\\-:]+(.+)|(.+?)\\s+qtd");
    private static final Pattern PLAIN_YEAR = Pattern.compile("(19\\d{2}|20\\d{2}|21\\d{2})[abefp]?");
    private static final Pattern TOTAL_WORDS = Pattern.compile(
            "\\b(total|totals|sum|ytd|full[\\s\\-]?year|annual|year[\\s\\-]?to[\\s\\-]?date)\\b");

    private PeriodParser() {
    }

    /** The period a header cell names, or null when it names none. */
    static Period parse(GridCell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.isNumber() && cell.format() == GridCell.Format.DATE) {
            LocalDate d = serialToDate(cell.number());
            return d == null ? null : month(d.getYear(), d.getMonthValue());
        }
        if (cell.isText()) {
            return parseText(cell.text());
        }
        return null;
    }

    static Period parseText(String raw) {
        String t = raw.trim().toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        if ("abefp".indexOf(t.charAt(0)) >= 0) {
            t = SCENARIO_PREFIX.matcher(t).replaceFirst("");
        }
        // Every period heading starts with a digit, a month, q/m/p/fy/cy/h, or is a total word.
        char first = t.charAt(0);
        if (!Character.isDigit(first) && "jfmasondqctyhgp'".indexOf(first) < 0) {
            return null;
        }
        t = SCENARIO_SUFFIX.matcher(t).replaceFirst("");
        Matcher m;
        if ((m = SPLIT_YEAR.matcher(t)).matches()) {
            int a = year(m.group(2));
            int b = m.group(3).length() == 2 ? a / 100 * 100 + Integer.parseInt(m.group(3)) : year(m.group(3));
            // "2024-25" is a fiscal year; "2024-12" is December (a fiscal year only when it says FY)
            if (b == a + 1 && (m.group(1) != null || b % 100 > 12 || m.group(3).length() == 4)) {
                return new Period(raw.trim(), Granularity.YEAR, b * 12, false);
            }
        }
        if ((m = WORD_QUARTER.matcher(t)).matches()) {
            int q = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            int year = m.group(3) == null ? 0 : year(m.group(3));
            return new Period(raw.trim(), Granularity.QUARTER, year * 12 + (q - 1) * 3, false);
        }
        if ((m = YEAR_MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? month(Integer.parseInt(m.group(1)), month, raw) : null;
        }
        if ((m = MONTH_YEAR.matcher(t)).matches()) {
            // "3/2025", or "03/25" (a two-digit month and year: "24/25" is a fiscal year, read above)
            int month = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
            int year = m.group(1) != null ? Integer.parseInt(m.group(2)) : year(m.group(4));
            return month >= 1 && month <= 12 ? month(year, month, raw) : null;
        }
        if ((m = MONTH_NAME.matcher(t)).matches()) {
            int month = monthIndex(m.group(1));
            int year = m.group(2) == null ? 0 : year(m.group(2));
            return month(year, month, raw);
        }
        if ((m = ORDINAL_MONTH.matcher(t)).matches()) {
            int n = Integer.parseInt(m.group(1));
            return n >= 1 ? new Period(raw.trim(), Granularity.MONTH, n, false) : null;
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int q = Integer.parseInt(m.group(1));
            int year = m.group(2) == null ? 0 : year(m.group(2));
            return new Period(raw.trim(), Granularity.QUARTER, year * 12 + (q - 1) * 3, false);
        }
        if ((m = YEAR_QUARTER.matcher(t)).matches()) {
            int q = Integer.parseInt(m.group(2));
            return new Period(raw.trim(), Granularity.QUARTER, year(m.group(1)) * 12 + (q - 1) * 3, false);
        }
        if ((m = NUMBER_QUARTER.matcher(t)).matches()) {
            int q = Integer.parseInt(m.group(1));
            return new Period(raw.trim(), Granularity.QUARTER, year(m.group(2)) * 12 + (q - 1) * 3, false);
        }
        if ((m = HALF_YEAR.matcher(t)).matches()) {
            int half = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
            String y = m.group(1) != null ? m.group(2) : m.group(4);
            return new Period(raw.trim(), Granularity.HALF_YEAR, (y == null ? 0 : year(y)) * 12 + (half - 1) * 6, false);
        }
        if ((m = MONTH_RANGE.matcher(t)).matches() && monthIndex(m.group(2)) == monthIndex(m.group(1)) + 2) {
            return new Period(raw.trim(), Granularity.QUARTER, year(m.group(3)) * 12 + monthIndex(m.group(1)) - 1, false);
        }
        if ((m = SPAN.matcher(t)).matches()) {
            int endYear = year(m.group(4));
            int from = monthIndex(m.group(1));
            int to = monthIndex(m.group(3));
            int startYear = m.group(2) != null ? Integer.parseInt(m.group(2)) : from <= to ? endYear : endYear - 1;
            int months = endYear * 12 + to - (startYear * 12 + from) + 1;
            Granularity g = months == 12 ? Granularity.YEAR : months == 6 ? Granularity.HALF_YEAR
                    : months == 3 ? Granularity.QUARTER : months == 1 ? Granularity.MONTH : Granularity.OTHER;
            return months >= 1 && months <= 24 ? new Period(raw.trim(), g, startYear * 12 + from - 1, false) : null;
        }
        if ((m = WORDED_YEAR.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            return new Period(raw.trim(), Granularity.YEAR, y * 12, false);
        }
        if ((m = FISCAL_YEAR.matcher(t)).matches()) {
            return new Period(raw.trim(), Granularity.YEAR, year(m.group(1)) * 12, false);
        }
        if ((m = PLAIN_YEAR.matcher(t)).matches()) {
            return new Period(raw.trim(), Granularity.YEAR, Integer.parseInt(m.group(1)) * 12, false);
        }
        if ((first == '3' || first == 'q' || t.endsWith("qtd")) && (m = QUARTER_ENDING.matcher(t)).matches()) {
            Period end = parseText(m.group(1) != null ? m.group(1) : m.group(2));
            if (end != null && end.granularity() == Granularity.MONTH && end.key() >= 1900 * 12) {
                return new Period(raw.trim(), Granularity.QUARTER, end.key() - 2, false);
            }
        }
        if (t.length() <= 24 && TOTAL_WORDS.matcher(t).find()) {
            return TOTAL;
        }
        return null;
    }

    /** Date serials (numbers without a date format) only count in a run with a steady step; see the detector. */
    static LocalDate serialToDate(double serial) {
        if (!(serial >= 1 && serial < 2958466)) {
            return null;
        }
        // Excel's 1900 system: serial 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was.
        long days = (long) Math.floor(serial);
        LocalDate base = days >= 61 ? LocalDate.of(1899, 12, 30) : LocalDate.of(1899, 12, 31);
        return base.plusDays(days);
    }

    static Period month(LocalDate d) {
        return month(d.getYear(), d.getMonthValue());
    }

    static Period month(int year, int month) {
        int yy = year % 100;
        String label = LABELS[java.time.Month.of(month).ordinal()]
                + (year == 0 ? "" : "-" + (yy >= 0 && yy < 10 ? "0" + yy : String.valueOf(yy)));
        return new Period(label, Granularity.MONTH, year * 12 + month - 1, false);
    }

    static Period quarterOf(LocalDate d) {
        int q = (d.getMonthValue() - 1) / 3 + 1;
        return new Period("Q" + q + " " + d.getYear(), Granularity.QUARTER, d.getYear() * 12 + (q - 1) * 3, false);
    }

    static Period yearOf(LocalDate d) {
        return new Period(Integer.toString(d.getYear()), Granularity.YEAR, d.getYear() * 12, false);
    }

    private static Period month(int year, int month, String raw) {
        return new Period(raw.trim(), Granularity.MONTH, year * 12 + month - 1, false);
    }

    static int monthIndex(String name) {
        String key = name.substring(0, 3);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(key)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + y : y;
    }
}
