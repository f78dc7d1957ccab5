package com.marginworkbench.workbook.restate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A small package part the writer changes (workbook, relationships, content types), edited through
 * an XML parser: read in the encoding it declares, elements found as elements (never inside a
 * comment or a CDATA section), and written back in the same declared encoding. Comments, processing
 * instructions, unknown elements and attributes are kept.
 */
final class XmlPartDom {
    private XmlPartDom() {
    }

    static Document parse(byte[] bytes, String part) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("the part " + part + " is not well-formed XML (" + e.getMessage() + ")", e);
        }
    }

    /** The document in the encoding its declaration named (UTF-8 when it named none). */
    static byte[] write(Document doc) throws IOException {
        try {
            String encoding = doc.getXmlEncoding() == null ? "UTF-8" : doc.getXmlEncoding();
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, encoding);
            t.setOutputProperty(OutputKeys.INDENT, "no");
            doc.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("could not write an XML part: " + e.getMessage(), e);
        }
    }

    /** The first child element of {@code parent} with this local name in the parent's namespace, or null. */
    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && java.util.Objects.equals(e.getNamespaceURI(), parent.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** A new element in {@code parent}'s namespace, with its prefix. */
    static Element element(Element parent, String localName) {
        String prefix = parent.getPrefix();
        return parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(),
                prefix == null ? localName : prefix + ":" + localName);
    }

    /**
     * Puts {@code child} into {@code parent} before the first existing child element named in
     * {@code before} (the schema's order), else at the end.
     */
    static void insertBefore(Element parent, Element child, String... before) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                for (String name : before) {
                    if (name.equals(e.getLocalName())) {
                        parent.insertBefore(child, e);
                        return;
                    }
                }
            }
        }
        parent.appendChild(child);
    }
}
