package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.workbook.ReadResult;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages written by other tools: every element with a namespace prefix (as the Open XML SDK
 * writes them), no defined names and no calculation settings, and no styles part at all.
 */
class RestatedPackageShapesTest {
    private static final Levers STRESSED = new Levers(0.5, 1.2, 0.1, 5, -0.1, 0);
    private static final List<String> NEW_SHEETS = List.of("Restated P&L", "Classification", "Stress", "Margin Bridge", "Sensitivity");

    @TempDir
    Path dir;

    /** Rewrites some parts of a package; a null result drops the part. */
    private static Path rewrite(Path source, Path target, Map<String, UnaryOperator<byte[]>> edits) throws Exception {
        Map<String, byte[]> parts = RestatedWorkbookCheck.parts(source);
        try (OutputStream os = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                byte[] content = edits.containsKey(e.getKey()) ? edits.get(e.getKey()).apply(e.getValue()) : e.getValue();
                if (content != null) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        }
        return target;
    }

    private static byte[] prefixed(byte[] xml, String dropLocalName) {
        try {
            Document doc = RestatedWorkbookCheck.parse(xml);
            Element root = doc.getDocumentElement();
            String ns = root.getNamespaceURI();
            if (dropLocalName != null) {
                for (Node n = root.getFirstChild(); n != null; ) {
                    Node next = n.getNextSibling();
                    if (n instanceof Element el && (el.getLocalName().equals(dropLocalName) || el.getLocalName().equals("calcPr"))) {
                        root.removeChild(n);
                    }
                    n = next;
                }
            }
            rename(doc, root, ns);
            root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", ns);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rename(Document doc, Element e, String ns) {
        if (ns.equals(e.getNamespaceURI())) {
            doc.renameNode(e, ns, "x:" + e.getLocalName());
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                rename(doc, el, ns);
            }
        }
    }

    private void restateAndCheck(Path source, ReadResult read, Set<String> touched) throws Exception {
        List<Classification> cls = CogsTest.classifyAll(read.decisions(), Policy.US_GAAP_DEFAULT);
        Path out = RestatedWorkbookWriter.defaultTarget(source);
        RestatedWorkbookWriter.write(source, read, cls, read.decisions(), Policy.US_GAAP_DEFAULT, STRESSED, out, null);
        RestatedWorkbookCheck.assertOriginalPartsKept(source, out, touched);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            RestatedWorkbookCheck.assertFormulasMatchCache(wb, NEW_SHEETS);
            RestatedWorkbookCheck.assertHeadlinesMatch(wb, MarginEngine.compute(read.model(), cls, STRESSED));
        }
        String workbookXml = new String(RestatedWorkbookCheck.parts(out).get("xl/workbook.xml"), StandardCharsets.UTF_8);
        assertThat(workbookXml).contains("fullCalcOnLoad=\"1\"");
    }

    @Test
    void prefixedElementsWithoutNamesOrCalculationSettings() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "plain.xlsx");
        Path source = rewrite(f.file(), dir.resolve("prefixed.xlsx"), Map.of(
                "xl/workbook.xml", b -> prefixed(b, "definedNames"),
                "xl/styles.xml", b -> prefixed(b, "numFmts")));
        String wb = new String(RestatedWorkbookCheck.parts(source).get("xl/workbook.xml"), StandardCharsets.UTF_8);
        assertThat(wb).contains("<x:sheets>").doesNotContain("definedNames").doesNotContain("calcPr");
        restateAndCheck(source, new ReadResult(source, f.read().model(), f.read().decisions(), List.of(),
                f.read().sheets(), false), Set.of("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "[Content_Types].xml", "xl/styles.xml"));
        String after = new String(RestatedWorkbookCheck.parts(RestatedWorkbookWriter.defaultTarget(source)
                .resolveSibling("prefixed-restated.xlsx")).get("xl/workbook.xml"), StandardCharsets.UTF_8);
        assertThat(after).contains("<x:definedNames>").contains("<x:sheet name=\"Restated P&amp;L\"");
    }

    @Test
    void aWorkbookWithoutStylesGetsAStylesPart() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "plain.xlsx");
        Path source = rewrite(f.file(), dir.resolve("nostyles.xlsx"), Map.of(
                "xl/styles.xml", b -> null,
                "xl/_rels/workbook.xml.rels", b -> new String(b, StandardCharsets.UTF_8)
                        .replaceAll("<Relationship [^>]*styles\"/>", "").getBytes(StandardCharsets.UTF_8),
                "[Content_Types].xml", b -> new String(b, StandardCharsets.UTF_8)
                        .replaceAll("<Override [^>]*styles\\+xml\"/>", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(RestatedWorkbookCheck.parts(source)).doesNotContainKey("xl/styles.xml");
        restateAndCheck(source, new ReadResult(source, f.read().model(), f.read().decisions(), List.of(),
                f.read().sheets(), false), Set.of("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "[Content_Types].xml"));
        assertThat(RestatedWorkbookCheck.parts(dir.resolve("nostyles-restated.xlsx"))).containsKey("xl/styles.xml");
    }
}
