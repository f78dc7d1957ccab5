package com.marginworkbench.workbook.restate;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A source .xlsx/.xlsm opened as a zip package, read-only: the entries in their stored order, and
 * the few facts the restated workbook needs from its small XML parts (where the workbook part is,
 * its relationships, sheet names and defined names, where the styles are).
 */
final class SourcePackage implements Closeable {
    static final String NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    static final String REL_OFFICE_DOCUMENT = NS_REL + "/officeDocument";
    static final String REL_WORKSHEET = NS_REL + "/worksheet";
    static final String REL_STYLES = NS_REL + "/styles";
    static final String CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    static final String CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    static final String CONTENT_TYPES = "[Content_Types].xml";

    /** Largest XML part this class parses in memory; real workbook and styles parts are far smaller. */
    private static final long MAX_SMALL_PART = 64L << 20;

    record Relationship(String id, String type, String target, boolean external) {
    }

    /** A sheet of the workbook: its name, id and its part (null when the relationship is missing). */
    record SheetEntry(String name, long sheetId, String part) {
    }

    record DefinedName(String name, boolean workbookLevel) {
    }

    private final Path file;
    private final ZipFile zip;
    private final List<ZipArchiveEntry> entries;
    private final Map<String, ZipArchiveEntry> byLowerName = new HashMap<>();

    final String workbookPart;
    final String workbookRelsPart;
    final List<Relationship> workbookRels;
    final List<SheetEntry> sheets;
    final List<DefinedName> definedNames;
    final String stylesPart;
    final boolean macroEnabled;

    private SourcePackage(Path file, ZipFile zip) throws RestateException, IOException {
        this.file = file;
        this.zip = zip;
        this.entries = Collections.list(zip.getEntriesInPhysicalOrder());
        for (ZipArchiveEntry e : entries) {
            if (byLowerName.put(e.getName().toLowerCase(Locale.ROOT), e) != null) {
                throw new RestateException(file + " holds the part " + e.getName()
                        + " twice, so it is damaged; open and save it again in Excel or LibreOffice.");
            }
        }
        if (!has(CONTENT_TYPES)) {
            throw notWorkbook(null);
        }
        List<Relationship> rootRels = relationships("_rels/.rels");
        String wb = null;
        for (Relationship r : rootRels) {
            if (r.type().endsWith("/officeDocument") && !r.external()) {
                if (!r.type().equals(REL_OFFICE_DOCUMENT)) {
                    throw new RestateException(file + " is saved as Strict Open XML, which cannot be restated; "
                            + "save it as an Excel Workbook (.xlsx) and try again.");
                }
                wb = resolve("", r.target());
            }
        }
        if (wb == null || !has(wb)) {
            throw notWorkbook(null);
        }
        workbookPart = wb;
        workbookRelsPart = relsPartOf(wb);
        workbookRels = has(workbookRelsPart) ? relationships(workbookRelsPart) : List.of();

        Document doc = parse(wb);
        Element root = doc.getDocumentElement();
        if (NS_MAIN_STRICT.equals(root.getNamespaceURI())) {
            throw new RestateException(file + " is saved as Strict Open XML, which cannot be restated; "
                    + "save it as an Excel Workbook (.xlsx) and try again.");
        }
        if (!NS_MAIN.equals(root.getNamespaceURI()) || !"workbook".equals(root.getLocalName())) {
            throw notWorkbook(null);
        }
        List<SheetEntry> sheetList = new ArrayList<>();
        NodeList sheetNodes = root.getElementsByTagNameNS(NS_MAIN, "sheet");
        for (int i = 0; i < sheetNodes.getLength(); i++) {
            Element s = (Element) sheetNodes.item(i);
            long id;
            try {
                id = Long.parseLong(s.getAttribute("sheetId").trim());
            } catch (NumberFormatException e) {
                id = 0;
            }
            String rid = s.getAttributeNS(NS_REL, "id");
            String part = null;
            for (Relationship r : workbookRels) {
                if (r.id().equals(rid) && !r.external()) {
                    part = resolve(folderOf(wb), r.target());
                }
            }
            sheetList.add(new SheetEntry(s.getAttribute("name"), id, part != null && has(part) ? part : null));
        }
        sheets = List.copyOf(sheetList);
        List<DefinedName> names = new ArrayList<>();
        NodeList nameNodes = root.getElementsByTagNameNS(NS_MAIN, "definedName");
        for (int i = 0; i < nameNodes.getLength(); i++) {
            Element n = (Element) nameNodes.item(i);
            names.add(new DefinedName(n.getAttribute("name"), !n.hasAttribute("localSheetId")));
        }
        definedNames = List.copyOf(names);

        String styles = null;
        for (Relationship r : workbookRels) {
            if (r.type().equals(REL_STYLES) && !r.external()) {
                styles = resolve(folderOf(wb), r.target());
            }
        }
        stylesPart = styles != null && has(styles) ? styles : null;
        String ct = new String(bytes(CONTENT_TYPES), java.nio.charset.StandardCharsets.UTF_8);
        macroEnabled = ct.contains("application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                || ct.contains("application/vnd.ms-excel.template.macroEnabled.main+xml");
    }

    /** Opens the package; a file that is not a readable .xlsx/.xlsm package gives one clear message. */
    static SourcePackage open(Path file) throws RestateException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw new RestateException(file + " is not an .xlsx or .xlsm workbook (it is not a valid zip "
                    + "package, or it is password-protected); save it as .xlsx and try again.", e);
        }
        try {
            return new SourcePackage(file, zip);
        } catch (RestateException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            throw notWorkbookStatic(file, e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Nothing more to do with a file we failed to read.
        }
    }

    private RestateException notWorkbook(Throwable cause) {
        return notWorkbookStatic(file, cause);
    }

    private static RestateException notWorkbookStatic(Path file, Throwable cause) {
        return new RestateException(file + " is damaged or is not an Excel workbook package; open and save it "
                + "again in Excel or LibreOffice and try again.", cause);
    }

    List<ZipArchiveEntry> entries() {
        return entries;
    }

    boolean has(String part) {
        return byLowerName.containsKey(part.toLowerCase(Locale.ROOT));
    }

    ZipArchiveEntry entry(String part) {
        return byLowerName.get(part.toLowerCase(Locale.ROOT));
    }

    /** The decompressed content of a part, streamed. */
    InputStream open(String part) throws IOException {
        ZipArchiveEntry e = entry(part);
        if (e == null) {
            throw new IOException("No part " + part);
        }
        return zip.getInputStream(e);
    }

    InputStream raw(ZipArchiveEntry e) throws IOException {
        return zip.getRawInputStream(e);
    }

    byte[] bytes(String part) throws IOException {
        ZipArchiveEntry e = entry(part);
        if (e == null) {
            throw new IOException("No part " + part);
        }
        if (e.getSize() > MAX_SMALL_PART) {
            throw new IOException("Part " + part + " is implausibly large");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readNBytes((int) Math.min(MAX_SMALL_PART + 1, Integer.MAX_VALUE - 16));
        }
    }

    List<Relationship> relationships(String part) throws IOException {
        if (!has(part)) {
            return List.of();
        }
        Element root = parse(part).getDocumentElement();
        List<Relationship> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(NS_PKG_REL, "Relationship");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element r = (Element) nodes.item(i);
            out.add(new Relationship(r.getAttribute("Id"), r.getAttribute("Type"), r.getAttribute("Target"),
                    "External".equalsIgnoreCase(r.getAttribute("TargetMode"))));
        }
        return out;
    }

    /** Part names in the content-type overrides, lower case, for finding names nobody uses. */
    List<String> overriddenParts() throws IOException {
        Element root = parse(CONTENT_TYPES).getDocumentElement();
        List<String> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(NS_CONTENT_TYPES, "Override");
        for (int i = 0; i < nodes.getLength(); i++) {
            String name = ((Element) nodes.item(i)).getAttribute("PartName");
            out.add(name.startsWith("/") ? name.substring(1).toLowerCase(Locale.ROOT)
                    : name.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    Document parse(String part) throws IOException {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes(part)));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("Cannot parse " + part + ": " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        // The JDK's own parser, without a search of every jar on the class path for another one.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    /** The folder of a part name, with a trailing slash ("xl/" for "xl/workbook.xml"), or "". */
    static String folderOf(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    /** The relationships part of a part: xl/_rels/workbook.xml.rels for xl/workbook.xml. */
    static String relsPartOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** Resolves a relationship target against the source part's folder into a zip entry name. */
    static String resolve(String folder, String target) {
        String t = percentDecode(target.replace('\\', '/'));
        String path = t.startsWith("/") ? t.substring(1) : folder + t;
        List<String> parts = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    /** Relationship targets are URIs: "my%20sheet.xml" names the part "my sheet.xml". */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                try {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException ignored) {
                    // Not an escape; keep the percent sign.
                }
            }
            byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
