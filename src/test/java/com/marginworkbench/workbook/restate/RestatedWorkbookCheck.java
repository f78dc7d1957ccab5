package com.marginworkbench.workbook.restate;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.MarginResult;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Checks shared by the restate tests: package parts kept, and formulas that evaluate to the engine's figures. */
final class RestatedWorkbookCheck {
    private RestatedWorkbookCheck() {
    }

    /**
     * Opens a workbook in memory. (POI's constructor taking a File opens the package read-write and
     * saves it again on close, which would change the very file under test.)
     */
    static Workbook open(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
        }
    }

    static Map<String, byte[]> parts(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    out.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /**
     * Every part of the source is in the result. Parts other than the four the writer may touch are
     * byte-identical; the touched ones still hold every original element and attribute (only
     * {@code count} and {@code fullCalcOnLoad} may change), in the original order.
     */
    static void assertOriginalPartsKept(Path source, Path result, Set<String> touched) throws Exception {
        Map<String, byte[]> before = parts(source);
        Map<String, byte[]> after = parts(result);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            String name = e.getKey();
            assertThat(after).as("part %s kept", name).containsKey(name);
            if (touched.contains(name)) {
                Element o = parse(e.getValue()).getDocumentElement();
                Element nw = parse(after.get(name)).getDocumentElement();
                if (!embedded(o, nw)) {
                    fail("Original content of " + name + " is not all kept");
                }
            } else {
                assertThat(after.get(name)).as("bytes of %s", name).isEqualTo(e.getValue());
            }
        }
    }

    static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static boolean embedded(Element o, Element n) {
        if (!same(o.getNamespaceURI(), n.getNamespaceURI()) || !same(o.getLocalName(), n.getLocalName())) {
            return false;
        }
        NamedNodeMap attrs = o.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String local = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if (local.equals("count") || local.equals("fullCalcOnLoad")) {
                continue;
            }
            if (javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                // a namespace declaration is not content: an XML writer may leave out one repeated inside its scope
                continue;
            }
            Node b = n.getAttributes().getNamedItemNS(a.getNamespaceURI(), local);
            if (b == null || !b.getNodeValue().equals(a.getNodeValue())) {
                return false;
            }
        }
        List<Element> oc = elements(o);
        List<Element> nc = elements(n);
        if (oc.isEmpty() && !o.getTextContent().equals(n.getTextContent()) && elements(n).isEmpty()) {
            return false;
        }
        int j = 0;
        for (Element child : oc) {
            while (j < nc.size() && !embedded(child, nc.get(j))) {
                j++;
            }
            if (j == nc.size()) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static List<Element> elements(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    /**
     * Evaluates every formula of the given sheets with POI and compares it with the cached value the
     * writer stored; returns how many formulas were checked.
     */
    static int assertFormulasMatchCache(Workbook wb, List<String> sheets) {
        FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        int checked = 0;
        for (String name : sheets) {
            Sheet sheet = wb.getSheet(name);
            assertThat(sheet).as("sheet %s", name).isNotNull();
            for (Row r : sheet) {
                for (Cell c : r) {
                    if (c.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    String where = name + "!" + c.getAddress();
                    CellValue v = ev.evaluate(c);
                    if (c.getCachedFormulaResultType() == CellType.STRING) {
                        assertThat(v.getCellType()).as(where).isEqualTo(CellType.STRING);
                        assertThat(v.getStringValue()).as(where).isEqualTo(c.getStringCellValue());
                    } else {
                        assertThat(v.getCellType()).as(where + " = " + c.getCellFormula()).isEqualTo(CellType.NUMERIC);
                        double cached = c.getNumericCellValue();
                        assertThat(v.getNumberValue()).as(where + " = " + c.getCellFormula())
                                .isCloseTo(cached, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(cached))));
                    }
                    checked++;
                }
            }
        }
        return checked;
    }

    /** The value a defined name's cell evaluates to, or empty when it evaluates to "". */
    static OptionalDouble evaluateName(Workbook wb, String name) {
        Name n = wb.getName(name);
        assertThat(n).as("defined name %s", name).isNotNull();
        CellReference ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
        Cell cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
        CellValue v = wb.getCreationHelper().createFormulaEvaluator().evaluate(cell);
        if (v.getCellType() == CellType.STRING) {
            assertThat(v.getStringValue()).isEmpty();
            return OptionalDouble.empty();
        }
        assertThat(v.getCellType()).as(name).isEqualTo(CellType.NUMERIC);
        return OptionalDouble.of(v.getNumberValue());
    }

    /** The five headline names evaluate to the engine's totals to 1e-9. */
    static void assertHeadlinesMatch(Workbook wb, MarginResult engine) {
        Figures t = engine.total();
        assertClose(evaluateName(wb, "ReportedBlendedGM"), t.reportedBlended(), "ReportedBlendedGM");
        assertClose(evaluateName(wb, "RestatedBlendedGM"), t.restatedBlended(), "RestatedBlendedGM");
        assertClose(evaluateName(wb, "AILayerGM"), t.aiLayer(), "AILayerGM");
        assertClose(evaluateName(wb, "AILayerGMStressed"), t.aiLayerStressed(), "AILayerGMStressed");
        assertClose(evaluateName(wb, "SoftwareLayerGM"), t.softwareLayer(), "SoftwareLayerGM");
        assertClose(evaluateName(wb, "RestatedBlendedGMStressed"), t.restatedBlendedStressed(), "RestatedBlendedGMStressed");
    }

    static void assertClose(OptionalDouble actual, OptionalDouble expected, String what) {
        assertThat(actual.isPresent()).as(what + " present").isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.getAsDouble()).as(what).isCloseTo(expected.getAsDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
