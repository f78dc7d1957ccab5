package com.marginworkbench.usage.imports;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Parsing of the amounts and dates found in exports, fast enough for millions of rows. */
final class Values {
    private Values() {
    }

    /** A number as exports write it ("12.5", "-0.003", "1e-4", "$1,234.50", "(12.00)"); null when it is none. */
    static Double number(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        boolean simple = n > 0;
        for (int i = 0; i < n && simple; i++) {
            char c = s.charAt(i);
            simple = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+';
        }
        String t = s;
        boolean negative = false;
        if (!simple) {
            t = s.trim();
            if (t.startsWith("(") && t.endsWith(")")) {
                negative = true;
                t = t.substring(1, t.length() - 1).trim();
            }
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '$' || c == ',' || c == ' ' || c == '\u00a0') {
                    continue;
                }
                b.append(c);
            }
            t = b.toString();
            if (t.regionMatches(true, 0, "usd", 0, 3)) {
                t = t.substring(3);
            }
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                return null;
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The month of a date as exports write it: ISO dates and date-times ("2026-01-15",
     * "2026-01-15T10:00:00Z", "2024-05-29 13:46:19.963000", "2026/01/15"), a month ("2026-01"),
     * or Unix seconds or milliseconds. Null when it is none of these.
     */
    static YearMonth month(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n >= 7 && digit(s, 0) && digit(s, 1) && digit(s, 2) && digit(s, 3) && (s.charAt(4) == '-' || s.charAt(4) == '/')
                && digit(s, 5)) {
            int y = (s.charAt(0) - '0') * 1000 + (s.charAt(1) - '0') * 100 + (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
            int m;
            int end;
            if (digit(s, 6)) {
                m = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
                end = 7;
            } else {
                m = s.charAt(5) - '0';
                end = 6;
            }
            if (end < n && digit(s, end)) {
                return null;
            }
            if (m < 1 || m > 12 || y < 1970 || y > 2200) {
                return null;
            }
            if (end < n && !(s.charAt(end) == '-' || s.charAt(end) == '/')) {
                return null;
            }
            return YearMonth.of(y, m);
        }
        String t = s.trim();
        if (!t.isEmpty() && t.length() <= 13 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long v = Long.parseLong(t);
            Instant at = t.length() > 11 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
            return YearMonth.from(at.atOffset(ZoneOffset.UTC));
        }
        if (!t.equals(s)) {
            return month(t);
        }
        return null;
    }

    private static boolean digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    /** A whole count ("12", "12.0"); null when it is none. */
    static Long count(String s) {
        Double d = number(s);
        if (d == null || d < 0 || d != Math.rint(d)) {
            return null;
        }
        return d.longValue();
    }
}
