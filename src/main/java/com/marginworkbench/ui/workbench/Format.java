package com.marginworkbench.ui.workbench;

import java.util.Locale;
import java.util.OptionalDouble;

/** How the window writes figures: margins as "40.6%", changes as "−28.6 pts", ratios as "4.16×". */
public final class Format {
    private static final char MINUS = '\u2212';

    private Format() {
    }

    public static String percent(OptionalDouble v) {
        return v.isPresent() ? percent(v.getAsDouble()) : "n/a";
    }

    public static String percent(double fraction) {
        return signFix(String.format(Locale.ROOT, "%.1f%%", fraction * 100));
    }

    /** Difference of two margins in percentage points, or "" when either is missing. */
    public static String points(OptionalDouble now, OptionalDouble base) {
        if (now.isEmpty() || base.isEmpty()) {
            return "";
        }
        double d = (now.getAsDouble() - base.getAsDouble()) * 100;
        if (Math.abs(d) < 0.05) {
            return "±0.0 pts";
        }
        return signFix(String.format(Locale.ROOT, "%+.1f pts", d));
    }

    public static String ratio(OptionalDouble v) {
        return v.isPresent() ? signFix(String.format(Locale.ROOT, "%.2f×", v.getAsDouble())) : "n/a";
    }

    public static String ratioChange(OptionalDouble now, OptionalDouble base) {
        if (now.isEmpty() || base.isEmpty()) {
            return "";
        }
        double d = now.getAsDouble() - base.getAsDouble();
        if (Math.abs(d) < 0.005) {
            return "±0.00×";
        }
        return signFix(String.format(Locale.ROOT, "%+.2f×", d));
    }

    /** Money with thousands separators and no decimals: "1,234,567"; negatives with a minus sign. */
    public static String amount(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return signFix(String.format(Locale.US, "%,.0f", v));
    }

    /** Money in short form with its scale: "1.24 M", "980 k", "312"; the workbook's own currency. */
    public static String money(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String s;
        if (a >= 1e9) {
            s = String.format(Locale.ROOT, "%.2f B", v / 1e9);
        } else if (a >= 1e6) {
            s = String.format(Locale.ROOT, "%.2f M", v / 1e6);
        } else if (a >= 1e4) {
            s = String.format(Locale.ROOT, "%.0f k", v / 1e3);
        } else {
            s = String.format(Locale.ROOT, "%.0f", v);
        }
        return signFix(s);
    }

    /** A change in money, short form with a sign: "+1.20 M"; "" when there is none. */
    public static String moneyChange(double now, double base) {
        double d = now - base;
        if (!Double.isFinite(d) || Math.abs(d) < 0.5) {
            return "";
        }
        return (d > 0 ? "+" : "") + money(d);
    }

    private static String signFix(String s) {
        return s.replace('-', MINUS);
    }
}
