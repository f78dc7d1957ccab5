package com.marginworkbench.workbook.cells;

/**
 * Text from a workbook made safe to show: control characters (which could move a terminal's cursor,
 * change its colours or hide text) become visible symbols, and the spreadsheet escape
 * {@code _xHHHH_} is decoded the same way whichever path read the file.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /**
     * Line breaks and tabs become spaces; other control characters (C0, DEL, C1) become their
     * visible picture (␛ for ESC) or {@code U+0085}-style codes; bidirectional overrides, which can
     * make text read backwards, become {@code [U+202E]}-style codes. Everything else is kept.
     */
    public static String visible(String s) {
        if (s == null || clean(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                sb.append('\u2421');
            } else if (c >= 0x80 && c <= 0x9F || isBidiControl(c)) {
                sb.append(String.format("[U+%04X]", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(char c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F;
    }

    /**
     * Decodes the spreadsheet escape {@code _xHHHH_} (how Excel stores characters XML cannot carry) as
     * POI's user model does, so the streaming read and the user model give the same text;
     * {@code _x005F_} before an escape keeps it literal.
     */
    public static String decodeEscapes(String s) {
        if (s == null || s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (isEscape(s, i)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                sb.append(s.charAt(i++));
            }
        }
        return sb.toString();
    }

    private static boolean isEscape(String s, int i) {
        if (i + 6 >= s.length() || s.charAt(i) != '_' || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
