package com.marginworkbench.workbook;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.List;

/**
 * The handful of cell styles the new sheets use, appended to the end of the workbook's style
 * lists so that every existing style keeps its number. Holds the index of each new cell style.
 */
final class RestatedStyles {
    /** Cell style indexes (the {@code s} attribute) of the new sheets. */
    final int text;
    final int title;
    final int header;
    final int section;
    final int number;
    final int numberBold;
    final int percent;
    final int percentBold;
    final int inputPercent;
    final int inputNumber;
    final int factor;
    final int integer;

    private final byte[] stylesBytes;

    private RestatedStyles(int base, byte[] stylesBytes) {
        text = base;
        title = base + 1;
        header = base + 2;
        section = base + 3;
        number = base + 4;
        numberBold = base + 5;
        percent = base + 6;
        percentBold = base + 7;
        inputPercent = base + 8;
        inputNumber = base + 9;
        factor = base + 10;
        integer = base + 11;
        this.stylesBytes = stylesBytes;
    }

    /** The new styles part content. */
    byte[] bytes() {
        return stylesBytes;
    }

    private static final String[] ORDER = {"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs",
            "cellStyles", "dxfs", "tableStyles", "colors", "extLst"};

    private static final String MINIMAL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"" + SourcePackage.NS_MAIN + "\"><fonts count=\"1\"><font><sz val=\"11\"/>"
            + "<name val=\"Calibri\"/><family val=\"2\"/></font></fonts><fills count=\"2\"><fill><patternFill "
            + "patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    /** A styles part for a workbook that has none. */
    static byte[] minimalStylesPart() {
        return MINIMAL.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Appends the new fonts, fills, number format and cell styles to {@code original} (the styles
     * part's bytes) and says where they landed. {@code parsed} is the same part as a DOM, read only
     * to count the existing entries.
     */
    static RestatedStyles append(byte[] original, Element parsed) {
        XmlPartText x = XmlPartText.decode(original);
        String p = x.rootPrefix();
        String ns = SourcePackage.NS_MAIN;

        int fontCount = count(parsed, "fonts", "font");
        int fillCount = count(parsed, "fills", "fill");
        int cellXfCount = count(parsed, "cellXfs", "xf");
        boolean hasStyleXf = count(parsed, "cellStyleXfs", "xf") > 0;
        int maxFmt = 163;
        for (Element e : children(child(parsed, "numFmts"), "numFmt")) {
            try {
                maxFmt = Math.max(maxFmt, Integer.parseInt(e.getAttribute("numFmtId").trim()));
            } catch (NumberFormatException ignored) {
                // A number format without a usable id cannot collide with ours.
            }
        }
        int pctFmt = maxFmt + 1;
        int amountFmt = maxFmt + 2;

        // The bold font copies the workbook's default font so the new sheets match the rest.
        String defaultFont = firstFontInner(x, p);
        String boldFont = "<" + p + "font><" + p + "b/>" + defaultFont.replaceAll("<" + p + "b\\s*/>", "") + "</" + p + "font>";
        int boldId = fontCount;
        int headerFill = fillCount;
        int inputFill = fillCount + 1;
        int headlineFill = fillCount + 2;

        ensure(x, p, "numFmts");
        insertChildren(x, p, "numFmts", 2,
                "<" + p + "numFmt numFmtId=\"" + pctFmt + "\" formatCode=\"0.0%\"/>"
                        + "<" + p + "numFmt numFmtId=\"" + amountFmt + "\" formatCode=\"#,##0;-#,##0;&quot;-&quot;\"/>");
        ensure(x, p, "fonts");
        insertChildren(x, p, "fonts", 1, boldFont);
        ensure(x, p, "fills");
        insertChildren(x, p, "fills", 3, solidFill(p, "FFE6E9EE") + solidFill(p, "FFFFF2CC") + solidFill(p, "FFDCECFC"));
        ensure(x, p, "cellXfs");
        String xfId = hasStyleXf ? " xfId=\"0\"" : "";
        StringBuilder xfs = new StringBuilder();
        // Order matches the fields: text, title, header, section, number, numberBold, percent,
        // percentBold, inputPercent, inputNumber, factor, integer.
        xfs.append(xf(p, 0, 0, 0, xfId, false));
        xfs.append(xf(p, 0, boldId, 0, xfId, false));
        xfs.append(xf(p, 0, boldId, headerFill, xfId, true));
        xfs.append(xf(p, 0, boldId, 0, xfId, false));
        xfs.append(xf(p, amountFmt, 0, 0, xfId, false));
        xfs.append(xf(p, amountFmt, boldId, 0, xfId, false));
        xfs.append(xf(p, pctFmt, 0, 0, xfId, false));
        xfs.append(xf(p, pctFmt, boldId, headlineFill, xfId, false));
        xfs.append(xf(p, pctFmt, 0, inputFill, xfId, false));
        xfs.append(xf(p, 2, 0, inputFill, xfId, false));
        xfs.append(xf(p, 4, 0, 0, xfId, false));
        xfs.append(xf(p, 1, 0, 0, xfId, false));
        insertChildren(x, p, "cellXfs", 12, xfs.toString());
        return new RestatedStyles(cellXfCount, x.encode());
    }

    private static String solidFill(String p, String argb) {
        return "<" + p + "fill><" + p + "patternFill patternType=\"solid\"><" + p + "fgColor rgb=\"" + argb
                + "\"/><" + p + "bgColor indexed=\"64\"/></" + p + "patternFill></" + p + "fill>";
    }

    private static String xf(String p, int fmt, int font, int fill, String xfId, boolean wrap) {
        StringBuilder sb = new StringBuilder();
        sb.append('<').append(p).append("xf numFmtId=\"").append(fmt).append("\" fontId=\"").append(font)
                .append("\" fillId=\"").append(fill).append("\" borderId=\"0\"").append(xfId);
        if (fmt != 0) {
            sb.append(" applyNumberFormat=\"1\"");
        }
        if (font != 0) {
            sb.append(" applyFont=\"1\"");
        }
        if (fill != 0) {
            sb.append(" applyFill=\"1\"");
        }
        if (wrap) {
            sb.append(" applyAlignment=\"1\"><").append(p).append("alignment vertical=\"center\" wrapText=\"1\"/></")
                    .append(p).append("xf>");
        } else {
            sb.append("/>");
        }
        return sb.toString();
    }

    /** The inside of the first {@code <font>} of the fonts list, or a plain Calibri 11. */
    private static String firstFontInner(XmlPartText x, String p) {
        String s = x.toString();
        int fonts = x.openTag(p + "fonts", 0);
        if (fonts >= 0 && !x.isSelfClosing(fonts)) {
            int first = x.openTag(p + "font", x.tagEnd(fonts));
            int close = x.closeTag(p + "fonts", fonts);
            if (first >= 0 && first < close) {
                if (x.isSelfClosing(first)) {
                    return "";
                }
                int innerStart = x.tagEnd(first);
                int innerEnd = x.closeTag(p + "font", innerStart);
                if (innerEnd > 0) {
                    return s.substring(innerStart, innerEnd);
                }
            }
        }
        return "<" + p + "sz val=\"11\"/><" + p + "name val=\"Calibri\"/><" + p + "family val=\"2\"/>";
    }

    /** Creates an empty container in its schema position when the part lacks it. */
    private static void ensure(XmlPartText x, String p, String name) {
        if (x.openTag(p + name, 0) >= 0) {
            return;
        }
        int at = -1;
        int idx = List.of(ORDER).indexOf(name);
        for (int i = idx + 1; i < ORDER.length && at < 0; i++) {
            at = x.openTag(p + ORDER[i], 0);
        }
        if (at < 0) {
            at = x.closeTag(p + "styleSheet", 0);
        }
        x.insert(at, "<" + p + name + " count=\"0\"/>");
    }

    private static void insertChildren(XmlPartText x, String p, String container, int added, String xml) {
        int open = x.openTag(p + container, 0);
        int at = x.endOfContent(open, p + container);
        x.insert(at, xml);
        open = x.openTag(p + container, 0);
        String tag = x.toString().substring(open, x.tagEnd(open));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\scount\\s*=\\s*[\"'](\\d+)[\"']").matcher(tag);
        if (m.find()) {
            x.setAttribute(open, "count", String.valueOf(Long.parseLong(m.group(1)) + added));
        }
    }

    private static int count(Element root, String container, String item) {
        return children(child(root, container), item).size();
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        java.util.ArrayList<Element> out = new java.util.ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
