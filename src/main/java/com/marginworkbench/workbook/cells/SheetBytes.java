package com.marginworkbench.workbook.cells;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one XML part, read in one pass without building a tree or a string per tag: tag
 * names and attributes into small byte buffers, element text into another, the five XML entities
 * and character references decoded only where they occur, comments and CDATA handled and a
 * DOCTYPE refused. {@link SheetScanner} gives the elements of a worksheet their meaning.
 */
abstract class SheetBytes {
    /** What {@link #fastRow} returns when the row tag needs the general path. */
    static final int NOT_FAST = Integer.MIN_VALUE;

    final InputStream in;
    final byte[] buf = new byte[1 << 16];
    int pos;
    int len;
    final byte[] name = new byte[64];
    int nameLen;
    byte[] text = new byte[256];
    int textLen;
    static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    static final int IGNORE = 0;
    final byte[] attrName = new byte[32];
    byte[] attrValue = new byte[64];

    SheetBytes(InputStream in) {
        this.in = in;
    }

    final int next() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    static boolean startsWith(byte[] bytes, int at, byte[] prefix, int end) {
        if (at < 0 || at + prefix.length > end) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code <row r="12" ...>} read straight from the buffer (attributes other than r skipped): its
     * r (-1 when it has none), or {@link #NOT_FAST} with nothing consumed for anything else (a prefix,
     * single quotes, a line break in the tag, a tag split across two reads), which the general path
     * then reads.
     */
    final int fastRow() {
        final byte[] bytes = buf;
        final int end = len;
        int p = pos + 3;
        int r = -1;
        while (true) {
            while (p < end && bytes[p] == ' ') {
                p++;
            }
            if (p >= end) {
                return NOT_FAST;
            }
            if (bytes[p] == '>') {
                p++;
                break;
            }
            if (bytes[p] == '/') {
                if (p + 1 >= end || bytes[p + 1] != '>') {
                    return NOT_FAST;
                }
                p += 2;
                break;
            }
            int nameStart = p;
            while (p < end && bytes[p] != '=') {
                byte b = bytes[p];
                if (b == ' ' || b == '>' || b == ':' || b == '\n' || b == '\r' || b == '\t') {
                    return NOT_FAST;
                }
                p++;
            }
            if (p + 1 >= end || bytes[p + 1] != '"') {
                return NOT_FAST;
            }
            boolean isRef = p - nameStart == 1 && bytes[nameStart] == 'r';
            int v = p + 2;
            int q = v;
            while (q < end && bytes[q] != '"') {
                q++;
            }
            if (q >= end) {
                return NOT_FAST;
            }
            if (isRef) {
                int n = 0;
                for (int k = v; k < q; k++) {
                    int d = bytes[k] - '0';
                    if (d < 0 || d > 9 || k - v > 7) {
                        return NOT_FAST;
                    }
                    n = n * 10 + d;
                }
                r = q == v ? -1 : n;
            }
            p = q + 1;
        }
        pos = p;
        return r;
    }

    /**
     * Parses a plain decimal ("1234.5", "-0.25", "46023") from {@code bytes[from, to)}. With at most
     * 15 significant digits the mantissa and the power of ten are exact doubles, so one division
     * gives the correctly rounded value, the same as Double.parseDouble. Anything else returns NaN.
     */
    static double parseDecimal(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && bytes[i] == '-') {
            negative = true;
            i++;
        }
        if (i == to) {
            return Double.NaN;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < to; i++) {
            int ch = bytes[i];
            if (ch >= '0' && ch <= '9') {
                if (mantissa != 0 || ch != '0') {
                    digits++;
                }
                if (digits > 15) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (ch - '0');
                if (dot) {
                    scale++;
                }
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        double v = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    /** Reads a tag name (without prefix) into {@code name}; returns the byte that ended it. */
    final int readName(int b) throws IOException {
        nameLen = 0;
        while (b >= 0 && b != ' ' && b != '>' && b != '/' && b != '\t' && b != '\n' && b != '\r') {
            if (b == ':') {
                nameLen = 0;
            } else if (nameLen < name.length) {
                name[nameLen++] = (byte) b;
            }
            b = next();
        }
        return b;
    }

    final boolean nameIs(String s) {
        if (nameLen != s.length()) {
            return false;
        }
        for (int i = 0; i < nameLen; i++) {
            if (name[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    final void skipTo(int c) throws IOException {
        int b;
        while ((b = next()) >= 0 && b != c) {
            // skip
        }
    }

    final void skipDeclaration() throws IOException {
        int b = next();
        if (b == '-') {
            // Comment: skip to "-->".
            int dashes = 0;
            while ((b = next()) >= 0) {
                if (b == '>' && dashes >= 2) {
                    return;
                }
                dashes = b == '-' ? dashes + 1 : 0;
            }
            return;
        }
        if (b == 'D' || b == 'd') {
            throw new IOException("the sheet declares a DOCTYPE, which a workbook never needs; it was not read");
        }
        skipTo('>');
    }

    /**
     * Reads attributes up to '>' into the fields of the element being read (c: r, s, t; row: r;
     * f: t, si, ref) without building maps or strings; returns true for a self-closing tag.
     */
    final boolean attributes(int b, int element) throws IOException {
        boolean selfClosing = false;
        int nLen = 0;
        while (b >= 0 && b != '>') {
            if (b == '/') {
                selfClosing = true;
            } else if (b == '=') {
                int q = next();
                while (q == ' ' || q == '\t' || q == '\n' || q == '\r') {
                    q = next();
                }
                int vLen = 0;
                int v;
                while ((v = next()) >= 0 && v != q) {
                    if (vLen == attrValue.length) {
                        attrValue = java.util.Arrays.copyOf(attrValue, vLen * 2);
                    }
                    attrValue[vLen++] = (byte) v;
                }
                if (element != IGNORE) {
                    attribute(element, nLen, vLen);
                }
                nLen = 0;
            } else if (b == ':') {
                nLen = 0;
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                if (nLen < attrName.length) {
                    attrName[nLen++] = (byte) b;
                }
                selfClosing = false;
            } else {
                nLen = 0;
            }
            b = next();
        }
        return selfClosing;
    }

    final boolean attrIs(int nLen, String s) {
        if (nLen != s.length()) {
            return false;
        }
        for (int i = 0; i < nLen; i++) {
            if (attrName[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    final int attrInt(int vLen) {
        int n = 0;
        for (int i = 0; i < vLen; i++) {
            int d = attrValue[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return vLen == 0 ? -1 : n;
    }

    final String attrString(int vLen) {
        return new String(attrValue, 0, vLen, StandardCharsets.UTF_8);
    }

    /** One attribute of the element being read (not {@link #IGNORE}): its name and value are in the buffers. */
    abstract void attribute(int element, int nLen, int vLen);

    /** {@link #parseDecimal(byte[], int, int)} over the element text read by {@link #readRaw}. */
    final double parseDecimal() {
        return parseDecimal(text, 0, textLen);
    }

    /** Reads an element's text into the byte buffer without decoding (for numbers). */
    final void readRaw() throws IOException {
        textLen = 0;
        int b;
        while ((b = next()) >= 0) {
            if (b == '<') {
                int c = next();
                if (c == '!') {
                    readCdata();
                    continue;
                }
                if (readName(c == '/' ? next() : c) != '>') {
                    skipTo('>');
                }
                return;
            }
            if (textLen == text.length) {
                text = java.util.Arrays.copyOf(text, text.length * 2);
            }
            text[textLen++] = (byte) b;
        }
    }

    /** Reads text up to the next '<' (the element's end tag, which it also consumes). */
    final String readText() throws IOException {
        readRaw();
        return decode();
    }

    final void readCdata() throws IOException {
        // "<![CDATA[" ... "]]>": copy the content as it is.
        for (int i = 0; i < 7; i++) {
            next();
        }
        int b;
        int brackets = 0;
        while ((b = next()) >= 0) {
            if (b == '>' && brackets >= 2) {
                textLen -= 2;
                return;
            }
            brackets = b == ']' ? brackets + 1 : 0;
            if (textLen == text.length) {
                text = java.util.Arrays.copyOf(text, text.length * 2);
            }
            text[textLen++] = (byte) b;
        }
    }

    final String decode() {
        boolean plain = true;
        for (int i = 0; i < textLen && plain; i++) {
            plain = text[i] != '&' && text[i] >= 0;
        }
        if (plain) {
            return new String(text, 0, textLen, StandardCharsets.ISO_8859_1);
        }
        String s = new String(text, 0, textLen, StandardCharsets.UTF_8);
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int semi = ch == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0) {
                sb.append(ch);
                continue;
            }
            String ent = s.substring(i + 1, semi);
            switch (ent) {
                case "amp" -> sb.append('&');
                case "lt" -> sb.append('<');
                case "gt" -> sb.append('>');
                case "quot" -> sb.append('"');
                case "apos" -> sb.append('\'');
                default -> {
                    try {
                        int code = ent.startsWith("#x") ? Integer.parseInt(ent.substring(2), 16)
                                : ent.startsWith("#") ? Integer.parseInt(ent.substring(1)) : -1;
                        if (code < 0) {
                            sb.append(s, i, semi + 1);
                        } else {
                            sb.appendCodePoint(code);
                        }
                    } catch (IllegalArgumentException e) {
                        sb.append(s, i, semi + 1);
                    }
                }
            }
            i = semi;
        }
        return sb.toString();
    }
}
