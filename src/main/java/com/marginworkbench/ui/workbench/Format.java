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

    private static String signFix(String s) {
        return s.replace('-', MINUS);
    }
}
