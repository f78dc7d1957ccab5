package com.marginworkbench.workbook.cells;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an amount cell into a number: real numbers, and numbers typed as text ("1,234", "(56)", "$7k", "1.2m"). */
public final class CellValues {
    /** What an amount cell holds. */
    public enum Status { BLANK, NUMBER, PERCENT, PROBLEM }

    public record Value(Status status, double number, String problem) {
        static final Value BLANK = new Value(Status.BLANK, 0, null);
    }

    private static final Pattern NUMERIC_TEXT = Pattern.compile(
            "[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?|[-+]?\\.\\d+");
    private static final Pattern CURRENCY = Pattern.compile(
            "^[-+]?\\s*[$€£¥]\\s*|\\s*[€£¥]$|\\s*(USD|EUR|GBP)$|^(USD|EUR|GBP)\\s*");
    /**
     * Continental ways of writing an amount that English never uses: dots between groups of three with
     * or without a decimal comma ("1.234.567", "1.234,56"), or a comma before one or two decimals ("500,00").
     * "1.234" alone stays 1.234.
     */
    private static final Pattern CONTINENTAL = Pattern.compile("[-+]?(\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d{1,3}(\\.\\d{3})*,\\d{1,2}|\\d+,\\d{1,2})");
    /** A thousands or millions letter typed after the amount ("12k", "1.2m", "3.4mm", "2bn"). */
    private static final Pattern SCALE_SUFFIX = Pattern.compile("\\d(k|m|mm|mn|bn)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASHES = Pattern.compile("[-–—‒]+|n/?a|nil|none");

    private CellValues() {
    }

    public static Value read(GridCell cell) {
        if (cell == null) {
            return Value.BLANK;
        }
        return switch (cell.kind()) {
            case NUMBER -> cell.format() == GridCell.Format.PERCENT
                    ? new Value(Status.PERCENT, cell.number(), null)
                    : Double.isFinite(cell.number()) ? new Value(Status.NUMBER, cell.number(), null)
                    : new Value(Status.PROBLEM, 0, "a number that is not finite");
            case TEXT -> text(cell.text());
            case BOOLEAN -> new Value(Status.PROBLEM, 0, "TRUE/FALSE where an amount was expected");
            case ERROR -> new Value(Status.PROBLEM, 0, "the error " + cell.text());
            case NO_VALUE -> new Value(Status.PROBLEM, 0, "a formula with no saved result"
                    + (cell.text() == null ? "" : " (" + cell.text() + ")"));
        };
    }

    /** Numbers typed as text: separators, currency signs, negatives in parentheses or with a minus. */
    public static Value text(String raw) {
        if (raw == null) {
            return Value.BLANK;
        }
        String t = raw.trim().replace('\u00a0', ' ').replace('\u2212', '-');
        if (!t.isEmpty() && Character.isLetter(t.charAt(0)) && t.length() > 3 && !t.startsWith("USD")
                && !t.startsWith("EUR") && !t.startsWith("GBP") && !t.equalsIgnoreCase("none")) {
            // Labels are the common case: no number starts with a word.
            return new Value(Status.PROBLEM, 0, "the text '" + raw.trim() + "' where an amount was expected");
        }
        if (t.isEmpty() || DASHES.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
            return Value.BLANK;
        }
        boolean negative = false;
        if (t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1).trim();
        }
        boolean percent = false;
        if (t.endsWith("%")) {
            percent = true;
            t = t.substring(0, t.length() - 1).trim();
        }
        t = CURRENCY.matcher(t).replaceAll("");
        if (raw.trim().startsWith("-") && !t.startsWith("-")) {
            t = "-" + t;
        }
        t = t.replace(" ", "");
        double scale = 1;
        Matcher suffix = t.isEmpty() || !Character.isLetter(t.charAt(t.length() - 1)) ? null : SCALE_SUFFIX.matcher(t);
        if (suffix != null && suffix.find()) {
            String s = suffix.group(1).toLowerCase(Locale.ROOT);
            scale = s.equals("k") ? 1e3 : s.equals("bn") ? 1e9 : 1e6;
            t = t.substring(0, suffix.start(1));
        }
        if (t.length() > 1 && t.endsWith("-") && Character.isDigit(t.charAt(t.length() - 2))) {
            // an accounting system's credit, its minus after the amount ("1,250.00-")
            negative = !negative;
            t = t.substring(0, t.length() - 1);
        }
        if (!NUMERIC_TEXT.matcher(t).matches()) {
            if (!CONTINENTAL.matcher(t).matches()) {
                return new Value(Status.PROBLEM, 0, "the text '" + raw.trim() + "' where an amount was expected");
            }
            t = t.replace(".", "").replace(',', '.');
        }
        double v = Double.parseDouble(t.replace(",", "")) * scale;
        if (negative) {
            v = -v;
        }
        return percent ? new Value(Status.PERCENT, v / 100, null) : new Value(Status.NUMBER, v, null);
    }
}
