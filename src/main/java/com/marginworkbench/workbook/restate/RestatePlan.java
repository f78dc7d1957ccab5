package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.ReadResult;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a restated workbook will hold, worked out before anything is written: the names of the new
 * sheets and defined names (free in the source), their part names and relationship ids, the
 * edited workbook, relationships, content types and styles parts, and the sheets' content.
 */
final class RestatePlan {
    RestatedSheets sheets;
    SensitivitySheet sensitivity;
    RestatedSheets.Names names;
    /** New sheet part names in the order PL, Classification, Stress, Bridge, Sensitivity. */
    final List<String> sheetParts = new ArrayList<>();
    final Map<String, byte[]> replaced = new LinkedHashMap<>();
    /** A styles part added because the workbook had none, or null. */
    String newStylesPart;
    byte[] newStyles;
    long copyBytes;

    RestatePlan() {
    }

    static RestatePlan of(SourcePackage pkg, ReadResult read, List<Classification> classifications,
                            List<LineDecision> decisions, Policy policy, Levers levers, Path source)
            throws IOException, RestateException {
        RestatePlan plan = new RestatePlan();
        Set<String> taken = new HashSet<>();
        Set<String> sourceSheets = new HashSet<>();
        for (SourcePackage.SheetEntry s : pkg.sheets) {
            taken.add(s.name().toLowerCase(Locale.ROOT));
            sourceSheets.add(s.name().toLowerCase(Locale.ROOT));
        }
        String pl = freeSheetName(RestatedWorkbookWriter.PL_SHEET, taken);
        String cls = freeSheetName(RestatedWorkbookWriter.CLASSIFICATION_SHEET, taken);
        String stress = freeSheetName(RestatedWorkbookWriter.STRESS_SHEET, taken);
        String bridge = freeSheetName(RestatedWorkbookWriter.BRIDGE_SHEET, taken);
        String sensitivity = freeSheetName(RestatedWorkbookWriter.SENSITIVITY_SHEET, taken);

        Set<String> takenNames = new HashSet<>();
        for (SourcePackage.DefinedName d : pkg.definedNames) {
            if (d.workbookLevel()) {
                takenNames.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> defined = new LinkedHashMap<>();
        for (String wanted : RestatedWorkbookWriter.HEADLINE_NAMES) {
            defined.put(wanted, freeDefinedName(wanted, takenNames));
        }
        for (String wanted : RestatedWorkbookWriter.INPUT_NAMES) {
            defined.put(wanted, freeDefinedName(wanted, takenNames));
        }
        plan.names = new RestatedSheets.Names(pl, cls, stress, bridge, sensitivity, defined);

        // Styles: append to the workbook's own part, or add a part when it has none.
        RestatedStyles styles;
        if (pkg.stylesPart != null) {
            styles = RestatedStyles.append(XmlPartDom.parse(pkg.bytes(pkg.stylesPart), pkg.stylesPart));
            plan.replaced.put(pkg.stylesPart, styles.bytes());
        } else {
            styles = RestatedStyles.append(XmlPartDom.parse(RestatedStyles.minimalStylesPart(), "styles"));
            plan.newStylesPart = freePart(pkg, SourcePackage.folderOf(pkg.workbookPart) + "styles", new HashSet<>());
            plan.newStyles = styles.bytes();
        }

        Set<String> reserved = new HashSet<>();
        if (plan.newStylesPart != null) {
            reserved.add(plan.newStylesPart.toLowerCase(Locale.ROOT));
        }
        List<String> overrides = pkg.overriddenParts();
        reserved.addAll(overrides);
        String folder = SourcePackage.folderOf(pkg.workbookPart) + "worksheets/sheet";
        for (int i = 0; i < 5; i++) {
            String part = freePart(pkg, folder, reserved);
            reserved.add(part.toLowerCase(Locale.ROOT));
            plan.sheetParts.add(part);
        }

        // Relationship ids for the new parts.
        Set<String> ids = new HashSet<>();
        for (SourcePackage.Relationship r : pkg.workbookRels) {
            ids.add(r.id());
        }
        List<String> newIds = new ArrayList<>();
        for (int i = 1; newIds.size() < 6; i++) {
            String id = "rIdMW" + i;
            if (!ids.contains(id)) {
                newIds.add(id);
            }
        }
        String[] sheetNames = {pl, cls, stress, bridge, sensitivity};
        String wbFolder = SourcePackage.folderOf(pkg.workbookPart);

        // Workbook part: the new sheets, the defined names and recalculation on load.
        long maxSheetId = 0;
        for (SourcePackage.SheetEntry s : pkg.sheets) {
            maxSheetId = Math.max(maxSheetId, s.sheetId());
        }
        RestatedSheets.Names names = plan.names;
        plan.replaced.put(pkg.workbookPart, WorkbookPartEdits.editWorkbook(pkg.bytes(pkg.workbookPart), sheetNames, maxSheetId,
                newIds, names));

        // Workbook relationships.
        if (!pkg.has(pkg.workbookRelsPart)) {
            throw new RestateException(source + " is damaged (its workbook has no relationships part); open and "
                    + "save it again in Excel or LibreOffice.");
        }
        org.w3c.dom.Document rels = XmlPartDom.parse(pkg.bytes(pkg.workbookRelsPart), pkg.workbookRelsPart);
        org.w3c.dom.Element relsRoot = rels.getDocumentElement();
        for (int i = 0; i < plan.sheetParts.size(); i++) {
            relsRoot.appendChild(WorkbookPartEdits.relationship(relsRoot, newIds.get(i), SourcePackage.REL_WORKSHEET,
                    relative(wbFolder, plan.sheetParts.get(i))));
        }
        if (plan.newStylesPart != null) {
            relsRoot.appendChild(WorkbookPartEdits.relationship(relsRoot, newIds.get(5), SourcePackage.REL_STYLES,
                    relative(wbFolder, plan.newStylesPart)));
        }
        plan.replaced.put(pkg.workbookRelsPart, XmlPartDom.write(rels));

        // Content types.
        org.w3c.dom.Document ct = XmlPartDom.parse(pkg.bytes(SourcePackage.CONTENT_TYPES), SourcePackage.CONTENT_TYPES);
        org.w3c.dom.Element types = ct.getDocumentElement();
        for (String part : plan.sheetParts) {
            types.appendChild(WorkbookPartEdits.override(types, part, SourcePackage.CT_WORKSHEET));
        }
        if (plan.newStylesPart != null) {
            types.appendChild(WorkbookPartEdits.override(types, plan.newStylesPart, SourcePackage.CT_STYLES));
        }
        plan.replaced.put(SourcePackage.CONTENT_TYPES, XmlPartDom.write(ct));

        String sourceName = source.getFileName().toString();
        SourceCellKinds kinds = new SourceCellKinds();
        plan.sheets = new RestatedSheets(sourceName, read.model(), classifications, decisions, policy, levers, names,
                styles, sourceSheets, kinds);
        plan.sheets.notRead(read.problems().stream().filter(Problem::unreadLine).toList());
        plan.sheets.sourceSha256(RestatedWorkbookWriter.sha256(source));
        plan.sensitivity = new SensitivitySheet(read.model(), classifications, levers, names, styles);
        for (com.marginworkbench.model.RevenueLine r : read.model().revenue()) {
            if (plan.sheets.linked(r.source())) {
                RestatedSheets.want(kinds, r.source(), r.amounts());
            }
        }
        for (com.marginworkbench.model.CostLine c : read.model().costs()) {
            if (plan.sheets.linked(c.source())) {
                RestatedSheets.want(kinds, c.source(), FinancialModel.amountsOf(c));
            }
        }
        kinds.scan(pkg);
        for (ZipArchiveEntry e : pkg.entries()) {
            plan.copyBytes += Math.max(0, e.getCompressedSize());
        }
        return plan;
    }

    private static String freeSheetName(String wanted, Set<String> taken) {
        String name = wanted;
        for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
            name = wanted + " (" + i + ")";
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static String freeDefinedName(String wanted, Set<String> taken) {
        String name = wanted;
        for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
            name = wanted + "_" + i;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** The first {@code prefix + k + ".xml"} that no entry, override or earlier choice uses. */
    private static String freePart(SourcePackage pkg, String prefix, Set<String> reserved) {
        for (int k = 1; ; k++) {
            String part = prefix + (prefix.endsWith("styles") ? (k == 1 ? "" : String.valueOf(k)) : k) + ".xml";
            if (!pkg.has(part) && !reserved.contains(part.toLowerCase(Locale.ROOT))) {
                return part;
            }
        }
    }

    /** A relationship target for {@code part} relative to the folder of the workbook part. */
    private static String relative(String folder, String part) {
        return part.startsWith(folder) ? part.substring(folder.length()) : "/" + part;
    }
}
