package com.marginworkbench.workbook.restate;

import com.marginworkbench.margin.Lever;
import com.marginworkbench.workbook.cells.AddedSheets;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The edits of the workbook part and its relationships and content types: elements inserted
 * through an XML parser in the part's own encoding ({@link XmlPartDom}), never as text.
 */
final class WorkbookPartEdits {
    private static final String XMLConstants_XMLNS = javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private WorkbookPartEdits() {
    }

    /**
     * The workbook part with the four sheets, the defined names (headline figures, inputs, and the
     * hidden markers that name the added sheets) and recalculation on load, edited through an XML
     * parser in the part's own encoding.
     */
    static byte[] editWorkbook(byte[] original, String[] sheetNames, long maxSheetId, List<String> ids,
                                       RestatedSheets.Names names) throws IOException {
        org.w3c.dom.Document doc = XmlPartDom.parse(original, "workbook");
        org.w3c.dom.Element wb = doc.getDocumentElement();
        org.w3c.dom.Element sheets = XmlPartDom.child(wb, "sheets");
        if (sheets == null) {
            throw new IOException("the workbook part has no list of sheets");
        }
        String relPrefix = wb.lookupPrefix(SourcePackage.NS_REL);
        int existingSheets = 0;
        for (org.w3c.dom.Node n = sheets.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element) {
                existingSheets++;
            }
        }
        for (int i = 0; i < sheetNames.length; i++) {
            org.w3c.dom.Element sheet = XmlPartDom.element(wb, "sheet");
            sheet.setAttribute("name", sheetNames[i]);
            sheet.setAttribute("sheetId", Long.toString(maxSheetId + 1 + i));
            if (relPrefix == null) {
                sheet.setAttributeNS(XMLConstants_XMLNS, "xmlns:mwr", SourcePackage.NS_REL);
                sheet.setAttributeNS(SourcePackage.NS_REL, "mwr:id", ids.get(i));
            } else {
                sheet.setAttributeNS(SourcePackage.NS_REL, relPrefix + ":id", ids.get(i));
            }
            sheets.appendChild(sheet);
        }

        String plRef = RestatedSheets.quote(names.pl()) + "!";
        String stRef = RestatedSheets.quote(names.stress()) + "!";
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("ReportedBlendedGM", plRef + RestatedSheets.abs(RestatedSheets.P_REP_GM, 1));
        targets.put("RestatedBlendedGM", plRef + RestatedSheets.abs(RestatedSheets.P_REST_GM, 1));
        targets.put("AILayerGM", plRef + RestatedSheets.abs(RestatedSheets.P_AI_GM, 1));
        targets.put("AILayerGMStressed", stRef + RestatedSheets.abs(RestatedSheets.S_ST_AI_GM, 1));
        targets.put("SoftwareLayerGM", plRef + RestatedSheets.abs(RestatedSheets.P_SW_GM, 1));
        targets.put("RestatedBlendedGMStressed", stRef + RestatedSheets.abs(RestatedSheets.S_ST_GM, 1));
        for (Lever lever : Lever.values()) {
            targets.put(lever.definedName(), stRef + RestatedSheets.abs(RestatedSheets.inputRow(lever), 1));
        }
        org.w3c.dom.Element defined = XmlPartDom.child(wb, "definedNames");
        if (defined == null) {
            defined = XmlPartDom.element(wb, "definedNames");
            XmlPartDom.insertBefore(wb, defined, "calcPr", "oleSize", "customWorkbookViews", "pivotCaches",
                    "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst");
        }
        for (Map.Entry<String, String> e : targets.entrySet()) {
            org.w3c.dom.Element name = XmlPartDom.element(wb, "definedName");
            name.setAttribute("name", names.name(e.getKey()));
            name.setTextContent(e.getValue());
            defined.appendChild(name);
        }
        // The markers: each added sheet named by a hidden name, so a later read knows the sheet is ours
        // (they follow the sheet through renames and moves in Excel).
        Set<String> existing = new HashSet<>();
        for (org.w3c.dom.Node n = defined.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element d) {
                existing.add(d.getAttribute("name").toLowerCase(Locale.ROOT));
            }
        }
        for (String sheetName : sheetNames) {
            org.w3c.dom.Element marker = XmlPartDom.element(wb, "definedName");
            int k = 1;
            while (existing.contains((AddedSheets.MARKER_PREFIX + k).toLowerCase(Locale.ROOT))) {
                k++;
            }
            existing.add((AddedSheets.MARKER_PREFIX + k).toLowerCase(Locale.ROOT));
            marker.setAttribute("name", AddedSheets.MARKER_PREFIX + k);
            marker.setAttribute("hidden", "1");
            marker.setTextContent(RestatedSheets.quote(sheetName) + "!$A$1");
            defined.appendChild(marker);
        }
        // Each new sheet repeats its label columns on every printed page: two on the P&L,
        // Classification and Stress sheets, one on the bridge and the sensitivity table.
        for (int i = 0; i < sheetNames.length; i++) {
            org.w3c.dom.Element titles = XmlPartDom.element(wb, "definedName");
            titles.setAttribute("name", "_xlnm.Print_Titles");
            titles.setAttribute("localSheetId", Integer.toString(existingSheets + i));
            titles.setTextContent(RestatedSheets.quote(sheetNames[i]) + (i < 3 ? "!$A:$B" : "!$A:$A"));
            defined.appendChild(titles);
        }

        // Recalculate on load: the new formulas then agree with the source cells in any program.
        org.w3c.dom.Element calc = XmlPartDom.child(wb, "calcPr");
        if (calc == null) {
            calc = XmlPartDom.element(wb, "calcPr");
            XmlPartDom.insertBefore(wb, calc, "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
                    "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst");
        }
        calc.setAttribute("fullCalcOnLoad", "1");
        return XmlPartDom.write(doc);
    }

    static org.w3c.dom.Element relationship(org.w3c.dom.Element root, String id, String type, String target) {
        org.w3c.dom.Element r = XmlPartDom.element(root, "Relationship");
        r.setAttribute("Id", id);
        r.setAttribute("Type", type);
        r.setAttribute("Target", target);
        return r;
    }

    static org.w3c.dom.Element override(org.w3c.dom.Element root, String part, String contentType) {
        org.w3c.dom.Element o = XmlPartDom.element(root, "Override");
        o.setAttribute("PartName", "/" + part);
        o.setAttribute("ContentType", contentType);
        return o;
    }
}
