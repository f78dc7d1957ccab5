package com.marginworkbench.workbook;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one small XML part (workbook, relationships, content types, styles), edited by
 * inserting text at chosen places. Everything not inserted stays exactly as it was, byte for byte
 * once encoded back, which is why the restated workbook edits these parts as text rather than
 * through a DOM that would rewrite them.
 */
final class XmlPartText {
    private final Charset charset;
    private final byte[] bom;
    private final StringBuilder text;

    private XmlPartText(Charset charset, byte[] bom, String text) {
        this.charset = charset;
        this.bom = bom;
        this.text = new StringBuilder(text);
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    static XmlPartText decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new XmlPartText(StandardCharsets.UTF_8, new byte[] {bytes[0], bytes[1], bytes[2]},
                    new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new XmlPartText(StandardCharsets.UTF_16BE, new byte[] {bytes[0], bytes[1]},
                    new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new XmlPartText(StandardCharsets.UTF_16LE, new byte[] {bytes[0], bytes[1]},
                    new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        }
        return new XmlPartText(StandardCharsets.UTF_8, new byte[0], new String(bytes, StandardCharsets.UTF_8));
    }

    byte[] encode() {
        byte[] body = text.toString().getBytes(charset);
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The namespace prefix of the root element with its colon ("x:"), or "" when it has none. */
    String rootPrefix() {
        int i = 0;
        while (true) {
            i = text.indexOf("<", i);
            if (i < 0) {
                return "";
            }
            char c = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (c == '?' || c == '!') {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                    && text.charAt(end) != '/') {
                end++;
            }
            String name = text.substring(i + 1, end);
            int colon = name.indexOf(':');
            return colon < 0 ? "" : name.substring(0, colon + 1);
        }
    }

    /** Start of the first opening tag {@code <qname ...>} (or self-closing) at or after {@code from}, or -1. */
    int openTag(String qname, int from) {
        Matcher m = pattern("<" + Pattern.quote(qname) + "(?=[\\s/>])").matcher(text);
        return m.find(from) ? m.start() : -1;
    }

    /** Index just past the {@code >} ending the tag that starts at {@code tagStart}, skipping quoted values. */
    int tagEnd(int tagStart) {
        char quote = 0;
        for (int i = tagStart; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new IllegalStateException("Unterminated tag");
    }

    boolean isSelfClosing(int tagStart) {
        int end = tagEnd(tagStart);
        return text.charAt(end - 2) == '/';
    }

    /** Start of the closing tag {@code </qname>} at or after {@code from}, or -1. */
    int closeTag(String qname, int from) {
        Matcher m = pattern("</" + Pattern.quote(qname) + "\\s*>").matcher(text);
        return m.find(from) ? m.start() : -1;
    }

    void insert(int at, String s) {
        text.insert(at, s);
    }

    /**
     * Turns a self-closing {@code <qname .../>} at {@code tagStart} into an open and close pair
     * and returns where children can be inserted (just before the new closing tag).
     */
    int openUp(int tagStart, String qname) {
        int end = tagEnd(tagStart);
        int slash = end - 2;
        text.replace(slash, end, "></" + qname + ">");
        return slash + 1;
    }

    /**
     * Where to insert children at the end of the element whose opening tag starts at
     * {@code tagStart}: before its closing tag (opening it up first when it is self-closing).
     */
    int endOfContent(int tagStart, String qname) {
        if (isSelfClosing(tagStart)) {
            return openUp(tagStart, qname);
        }
        return closeTag(qname, tagEnd(tagStart));
    }

    /** Sets (or adds) an attribute on the opening tag that starts at {@code tagStart}. */
    void setAttribute(int tagStart, String name, String value) {
        int end = tagEnd(tagStart);
        String tag = text.substring(tagStart, end);
        Matcher m = Pattern.compile("(\\s" + Pattern.quote(name) + "\\s*=\\s*)([\"'])(.*?)\\2").matcher(tag);
        if (m.find()) {
            text.replace(tagStart + m.start(3), tagStart + m.end(3), value);
            return;
        }
        int insertAt = text.charAt(end - 2) == '/' ? end - 2 : end - 1;
        text.insert(insertAt, " " + name + "=\"" + value + "\"");
    }

    /** Escapes text for an attribute value or element content. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
