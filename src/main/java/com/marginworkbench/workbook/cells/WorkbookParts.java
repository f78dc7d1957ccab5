package com.marginworkbench.workbook.cells;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The small parts of an .xlsx package, each read by its own parser over a secure SAX reader (no
 * DTD, no external entities, at most one entity expansion): the package and workbook
 * relationships, the workbook part (sheets, defined names, date system), the styles' number
 * formats and the shared strings. The sheets themselves go through {@link SheetScanner}.
 */
final class WorkbookParts {
    private static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private WorkbookParts() {
    }

    /** The workbook part: its sheets ({name, relationship id, state}) in tab order, defined names, date system. */
    record Workbook(List<String[]> sheets, List<StreamingGrid.DefinedName> names, boolean date1904) {
    }

    static Workbook workbook(ZipFile zip, String workbookPath) throws Exception {
        List<String[]> sheets = new ArrayList<>();
        List<StreamingGrid.DefinedName> names = new ArrayList<>();
        boolean[] date1904 = new boolean[1];
        parse(zip, workbookPath, new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();
            private String name;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if ("workbookPr".equals(local)) {
                    date1904[0] = DateSystem.is1904(a.getValue("date1904"));
                } else if ("sheet".equals(local)) {
                    sheets.add(new String[]{a.getValue("name"), a.getValue(NS_REL, "id"), a.getValue("state")});
                } else if ("definedName".equals(local)) {
                    name = a.getValue("name");
                    text.setLength(0);
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (name != null) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if ("definedName".equals(local) && name != null) {
                    names.add(new StreamingGrid.DefinedName(name, text.toString()));
                    name = null;
                }
            }
        });
        return new Workbook(sheets, names, date1904[0]);
    }

    static String officeDocument(ZipFile zip) throws Exception {
        Map<String, String[]> rels = relationships(zip, "_rels/.rels");
        for (String[] rel : rels.values()) {
            if (rel[0].endsWith("/officeDocument")) {
                return rel[1].startsWith("/") ? rel[1].substring(1) : rel[1];
            }
        }
        return "xl/workbook.xml";
    }

    /** rId → {type, target}. */
    static Map<String, String[]> relationships(ZipFile zip, String path) throws Exception {
        Map<String, String[]> rels = new LinkedHashMap<>();
        if (zip.getEntry(path) == null) {
            return rels;
        }
        parse(zip, path, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if ("Relationship".equals(local) && !"External".equals(a.getValue("TargetMode"))) {
                    rels.put(a.getValue("Id"), new String[]{a.getValue("Type"), a.getValue("Target")});
                }
            }
        });
        return rels;
    }

    static String resolve(String dir, String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        String path = dir + target;
        while (path.contains("/../")) {
            path = path.replaceFirst("[^/]+/\\.\\./", "");
        }
        return path;
    }

    /** Number format of each cell style (xf index): date, percent or general. */
    static GridCell.Format[] formats(ZipFile zip, String path) throws Exception {
        Map<Integer, String> custom = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        parse(zip, path, new DefaultHandler() {
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if ("numFmt".equals(local)) {
                    custom.put(Integer.parseInt(a.getValue("numFmtId")), a.getValue("formatCode"));
                } else if ("cellXfs".equals(local)) {
                    inCellXfs = true;
                } else if (inCellXfs && "xf".equals(local)) {
                    String id = a.getValue("numFmtId");
                    xfs.add(id == null ? 0 : Integer.parseInt(id));
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if ("cellXfs".equals(local)) {
                    inCellXfs = false;
                }
            }
        });
        GridCell.Format[] out = new GridCell.Format[xfs.size()];
        for (int i = 0; i < out.length; i++) {
            int id = xfs.get(i);
            String code = custom.containsKey(id) ? custom.get(id) : BuiltinFormats.getBuiltinFormat(id);
            if (code != null && code.contains("%")) {
                out[i] = GridCell.Format.PERCENT;
            } else {
                out[i] = code != null && DateUtil.isADateFormat(id, code) ? GridCell.Format.DATE : GridCell.Format.GENERAL;
            }
        }
        return out;
    }

    static List<String> sharedStrings(ZipFile zip, String path) throws Exception {
        List<String> out = new ArrayList<>();
        parse(zip, path, new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();
            private boolean inT;
            private boolean inPhonetic;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                switch (local) {
                    case "si" -> text.setLength(0);
                    case "rPh" -> inPhonetic = true;
                    case "t" -> inT = !inPhonetic;
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inT) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                switch (local) {
                    case "si" -> out.add(VisibleText.decodeEscapes(text.toString()));
                    case "rPh" -> inPhonetic = false;
                    case "t" -> inT = false;
                    default -> {
                    }
                }
            }
        });
        return out;
    }

    private static void parse(ZipFile zip, String path, DefaultHandler handler) throws Exception {
        ZipEntry e = zip.getEntry(path);
        if (e == null) {
            throw new IOException("the part " + path + " is missing");
        }
        try (InputStream in = GuardedEntry.open(zip, e)) {
            XMLReader xml = secureReader();
            xml.setContentHandler(handler);
            // DefaultHandler throws on a fatal error; without it the parser also prints "[Fatal Error]" to stderr
            xml.setErrorHandler(handler);
            xml.parse(new InputSource(in));
        }
    }

    private static final SAXParserFactory SAX = saxFactory();

    /**
     * The settings POI's XMLHelper gives a SAX reader (no external DTD or entities, secure
     * processing, no DOCTYPE, at most one entity expansion), made here so that a read that needs no other POI
     * class does not load POI's logging for it.
     */
    private static SAXParserFactory saxFactory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setValidating(false);
        f.setNamespaceAware(true);
        // Each setting on its own, as POI does: a parser without one still gets the others.
        String[] features = {XMLConstants.FEATURE_SECURE_PROCESSING,
                "http://apache.org/xml/features/nonvalidating/load-dtd-grammar",
                "http://apache.org/xml/features/nonvalidating/load-external-dtd",
                "http://xml.org/sax/features/external-general-entities",
                "http://apache.org/xml/features/disallow-doctype-decl"};
        boolean[] values = {true, false, false, false, true};
        for (int i = 0; i < features.length; i++) {
            try {
                f.setFeature(features[i], values[i]);
            } catch (Exception | AbstractMethodError unsupported) {
                // not known to this parser
            }
        }
        return f;
    }

    private static XMLReader secureReader() throws Exception {
        XMLReader xml = SAX.newSAXParser().getXMLReader();
        xml.setEntityResolver(IGNORE_ENTITIES);
        try {
            xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (Exception | AbstractMethodError unsupported) {
            // not known to this parser
        }
        try {
            xml.setFeature("http://xml.org/sax/features/external-general-entities", false);
        } catch (Exception | AbstractMethodError unsupported) {
            // not known to this parser
        }
        try {
            xml.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 1);
        } catch (Exception | AbstractMethodError unsupported) {
            // not known to this parser
        }
        return xml;
    }

    /** Resolves every external entity to nothing. */
    private static final org.xml.sax.EntityResolver IGNORE_ENTITIES = new org.xml.sax.EntityResolver() {
        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new java.io.StringReader(""));
        }
    };
}
