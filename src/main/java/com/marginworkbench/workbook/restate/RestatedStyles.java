package com.marginworkbench.workbook.restate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
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
     * Appends the new fonts, fills, number formats and cell styles to the styles part {@code doc}
     * (parsed in the encoding it declares, see {@link XmlPartDom}) and says where they landed. The
     * part is edited as XML: lists are found as elements whatever their prefix (never inside a
     * comment), new elements take the prefix of the list they join, and the part is written back in
     * its declared encoding.
     */
    static RestatedStyles append(Document doc) throws IOException {
        Element root = doc.getDocumentElement();
        int cellXfCount = children(XmlPartDom.child(root, "cellXfs"), "xf").size();
        boolean hasStyleXf = !children(XmlPartDom.child(root, "cellStyleXfs"), "xf").isEmpty();
        int maxFmt = 163;
        for (Element e : children(XmlPartDom.child(root, "numFmts"), "numFmt")) {
            try {
                maxFmt = Math.max(maxFmt, Integer.parseInt(e.getAttribute("numFmtId").trim()));
            } catch (NumberFormatException ignored) {
                // A number format without a usable id cannot collide with ours.
            }
        }
        int pctFmt = maxFmt + 1;
        int amountFmt = maxFmt + 2;

        Element numFmts = list(root, "numFmts");
        numFmts.appendChild(with(XmlPartDom.element(numFmts, "numFmt"), "numFmtId", pctFmt, "formatCode", "0.0%"));
        numFmts.appendChild(with(XmlPartDom.element(numFmts, "numFmt"), "numFmtId", amountFmt, "formatCode",
                "#,##0;-#,##0;\"-\""));
        Element fonts = list(root, "fonts");
        int boldId = children(fonts, "font").size();
        fonts.appendChild(boldFont(fonts));
        Element fills = list(root, "fills");
        int headerFill = children(fills, "fill").size();
        int inputFill = headerFill + 1;
        int headlineFill = headerFill + 2;
        for (String argb : new String[] {"FFE6E9EE", "FFFFF2CC", "FFDCECFC"}) {
            fills.appendChild(solidFill(fills, argb));
        }
        Element xfs = list(root, "cellXfs");
        String xfId = hasStyleXf ? "0" : null;
        // Order matches the fields: text, title, header, section, number, numberBold, percent,
        // percentBold, inputPercent, inputNumber, factor, integer.
        int[][] made = {{0, 0, 0}, {0, boldId, 0}, {0, boldId, headerFill}, {0, boldId, 0}, {amountFmt, 0, 0},
                {amountFmt, boldId, 0}, {pctFmt, 0, 0}, {pctFmt, boldId, headlineFill}, {pctFmt, 0, inputFill},
                {2, 0, inputFill}, {4, 0, 0}, {1, 0, 0}};
        for (int i = 0; i < made.length; i++) {
            xfs.appendChild(xf(xfs, made[i][0], made[i][1], made[i][2], xfId, i == 2));
        }
        for (Element list : List.of(numFmts, fonts, fills, xfs)) {
            list.setAttribute("count", String.valueOf(children(list, null).size()));
        }
        return new RestatedStyles(cellXfCount, XmlPartDom.write(doc));
    }

    private static Element with(Element e, Object... attributes) {
        for (int i = 0; i < attributes.length; i += 2) {
            e.setAttribute((String) attributes[i], String.valueOf(attributes[i + 1]));
        }
        return e;
    }

    /** The bold font: a copy of the workbook's first (default) font made bold, so the new sheets match the rest. */
    private static Element boldFont(Element fonts) {
        List<Element> existing = children(fonts, "font");
        Element bold;
        if (existing.isEmpty()) {
            bold = XmlPartDom.element(fonts, "font");
            bold.appendChild(with(XmlPartDom.element(fonts, "sz"), "val", 11));
            bold.appendChild(with(XmlPartDom.element(fonts, "name"), "val", "Calibri"));
            bold.appendChild(with(XmlPartDom.element(fonts, "family"), "val", 2));
        } else {
            bold = (Element) existing.get(0).cloneNode(true);
            for (Element b : children(bold, "b")) {
                bold.removeChild(b);
            }
        }
        bold.insertBefore(XmlPartDom.element(fonts, "b"), bold.getFirstChild());
        return bold;
    }

    private static Element solidFill(Element fills, String argb) {
        Element fill = XmlPartDom.element(fills, "fill");
        Element pattern = with(XmlPartDom.element(fills, "patternFill"), "patternType", "solid");
        pattern.appendChild(with(XmlPartDom.element(fills, "fgColor"), "rgb", argb));
        pattern.appendChild(with(XmlPartDom.element(fills, "bgColor"), "indexed", 64));
        fill.appendChild(pattern);
        return fill;
    }

    private static Element xf(Element xfs, int fmt, int font, int fill, String xfId, boolean wrap) {
        Element xf = with(XmlPartDom.element(xfs, "xf"), "numFmtId", fmt, "fontId", font, "fillId", fill,
                "borderId", 0);
        if (xfId != null) {
            xf.setAttribute("xfId", xfId);
        }
        if (fmt != 0) {
            xf.setAttribute("applyNumberFormat", "1");
        }
        if (font != 0) {
            xf.setAttribute("applyFont", "1");
        }
        if (fill != 0) {
            xf.setAttribute("applyFill", "1");
        }
        if (wrap) {
            xf.setAttribute("applyAlignment", "1");
            xf.appendChild(with(XmlPartDom.element(xfs, "alignment"), "vertical", "center", "wrapText", "1"));
        }
        return xf;
    }

    /** The list element {@code name} of the styles part, created empty in its schema position when missing. */
    private static Element list(Element root, String name) {
        Element e = XmlPartDom.child(root, name);
        if (e == null) {
            e = XmlPartDom.element(root, name);
            int idx = List.of(ORDER).indexOf(name);
            XmlPartDom.insertBefore(root, e, List.of(ORDER).subList(idx + 1, ORDER.length).toArray(String[]::new));
        }
        return e;
    }

    /** The child elements of {@code parent} in its namespace named {@code localName} (any name when null). */
    private static List<Element> children(Element parent, String localName) {
        java.util.ArrayList<Element> out = new java.util.ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))
                    && java.util.Objects.equals(e.getNamespaceURI(), parent.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }
}
