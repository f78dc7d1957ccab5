package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.cells.AddedSheets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.zip.Deflater;

/**
 * Writes the restated workbook: a copy of the source package in which every original part is kept
 * byte for byte, plus four new sheets (Restated P&L, Classification, Stress, Margin Bridge).
 * Only four existing parts change, and only by insertion: the workbook part (new sheets, defined
 * names, recalculation on load), its relationships, the content types and the styles (new styles
 * appended at the end, so existing style numbers stay valid). Those four are edited with an XML
 * parser in their declared encoding ({@link XmlPartDom}), never as text. The sheets are streamed, so memory
 * stays bounded however large the source is. The file appears under its final name only once it
 * is complete.
 */
public final class RestatedWorkbookWriter {
    /** Sheet names of a restated workbook, before any " (2)" needed to keep them unique. */
    public static final String PL_SHEET = "Restated P&L";
    public static final String CLASSIFICATION_SHEET = "Classification";
    public static final String STRESS_SHEET = "Stress";
    public static final String BRIDGE_SHEET = "Margin Bridge";
    public static final String SENSITIVITY_SHEET = "Sensitivity";

    /** Defined names of the headline cells and of the lever inputs on the Stress sheet. */
    public static final List<String> HEADLINE_NAMES = List.of("ReportedBlendedGM", "RestatedBlendedGM", "AILayerGM",
            "AILayerGMStressed", "SoftwareLayerGM", "RestatedBlendedGMStressed");
    public static final List<String> INPUT_NAMES = Arrays.stream(Lever.values()).map(Lever::definedName).toList();

    /** Above this many amount cells the Classification sheet is compressed for speed rather than size. */
    private static final long FAST_COMPRESSION_CELLS = 250_000;

    private RestatedWorkbookWriter() {
    }

    /**
     * What was written: the file, the names of the new sheets, the defined names (wanted name →
     * name used; they differ only when the workbook already had that name) and the engine's figures
     * that the cached values carry.
     */
    public record Outcome(Path target, List<String> sheets, Map<String, String> definedNames, MarginResult figures) {
    }

    /**
     * The default output beside the source: {@code <name>-restated.xlsx} (.xlsm for a macro
     * workbook), then {@code -restated-2}, and so on, never an existing file.
     */
    public static Path defaultTarget(Path source) {
        return defaultTarget(source, source.toAbsolutePath().normalize().getParent());
    }

    /** The same name as {@link #defaultTarget(Path)}, in another folder. */
    public static Path defaultTarget(Path source, Path folder) {
        String file = source.toAbsolutePath().getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        return SafeFiles.freeName(folder.toAbsolutePath().normalize(), base, "-restated", extensionFor(source));
    }

    private static String extensionFor(Path source) {
        return lowerName(source).endsWith(".xlsm") ? ".xlsm" : ".xlsx";
    }

    private static String lowerName(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the restated workbook. {@code decisions} and {@code classifications} run in the order
     * of {@code read.model().costs()}.
     *
     * @throws RestateException    with one line for the user when the source cannot be restated or the
     *                             target cannot be written (nothing is left under the target's name)
     * @throws CancellationException when {@code progress} asked to stop (nothing is left behind)
     */
    public static Outcome write(Path source, ReadResult read, List<Classification> classifications,
                                List<LineDecision> decisions, Policy policy, Levers levers, Path target,
                                Progress progress) throws RestateException {
        return write(source, read, classifications, decisions, policy, levers, target, SafeFiles.Mode.REPLACE,
                progress);
    }

    /**
     * Like {@link #write(Path, ReadResult, List, List, Policy, Levers, Path, Progress)}, saying what to
     * do when {@code target} exists once the file is ready: replace it (the user agreed), refuse, or
     * take the next free numbered name ({@link Outcome#target()} says which). The output takes the
     * source's permissions, never wider. The source must still be the version that was read (size,
     * times and inode), when its package is opened and after it has been copied; else nothing is written.
     */
    public static Outcome write(Path source, ReadResult read, List<Classification> classifications,
                                List<LineDecision> decisions, Policy policy, Levers levers, Path target,
                                SafeFiles.Mode mode, Progress progress) throws RestateException {
        Progress listener = progress == null ? Progress.NONE : progress;
        int costs = read.model().costs().size();
        if (classifications.size() != costs || decisions.size() != costs) {
            throw new IllegalArgumentException("One classification and one decision per cost line expected");
        }
        check(source, target);
        if (read.model().periods().count() == 0) {
            throw new RestateException(source + ": no periods were found, so there is nothing to restate.");
        }
        try (SourcePackage pkg = SourcePackage.open(source)) {
            checkSameVersion(source, read);
            if (pkg.macroEnabled && !lowerName(source).endsWith(".xlsm")) {
                throw new RestateException(source + " holds macros but is named .xlsx; rename it to .xlsm first.");
            }
            Plan plan = plan(pkg, read, classifications, decisions, policy, levers, source);
            Path written;
            try {
                written = SafeFiles.write(target, source, mode, out -> {
                    writePackage(pkg, plan, out, listener);
                    try {
                        checkSameVersion(source, read);
                    } catch (RestateException e) {
                        throw new SafeFiles.WriteFailedException(e.getMessage(), e);
                    }
                });
            } catch (SafeFiles.WriteFailedException e) {
                throw new RestateException(e.getMessage(), e);
            } catch (IOException e) {
                throw new RestateException("Could not restate " + source + ": " + e.getMessage(), e);
            }
            listener.update(1.0, null);
            return new Outcome(written, List.of(plan.names.pl(), plan.names.classification(), plan.names.stress(),
                    plan.names.bridge(), plan.names.sensitivity()), plan.names.defined(), plan.sheets.result());
        } catch (IOException e) {
            throw new RestateException("Could not read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a source that is no longer the version that was read (replaced, or saved again, since). */
    private static void checkSameVersion(Path source, ReadResult read) throws RestateException {
        if (read.stamp() == null) {
            return;
        }
        try {
            read.stamp().check(source, "restated");
        } catch (WorkbookReadException e) {
            throw new RestateException(e.getMessage(), e);
        }
    }

    /**
     * The checks that need no reading: the source is an .xlsx/.xlsm file, the target is not the
     * source (however spelled) and keeps its type. Cheap, so callers run it before a long read.
     */
    public static void check(Path source, Path target) throws RestateException {
        checkSource(source);
        checkTarget(source, target);
    }

    private static void checkSource(Path source) throws RestateException {
        if (!Files.isRegularFile(source)) {
            throw new RestateException(source + " does not exist or is not a file.");
        }
        if (!Files.isReadable(source)) {
            throw new RestateException(source + " cannot be read (no permission).");
        }
        String name = lowerName(source);
        if (name.endsWith(".xls")) {
            throw new RestateException(source + " is an Excel 97-2003 workbook (.xls); restating writes into the "
                    + "workbook's own package, which needs .xlsx or .xlsm: save it as .xlsx in Excel or LibreOffice "
                    + "and restate that.");
        }
        if (!name.endsWith(".xlsx") && !name.endsWith(".xlsm")) {
            throw new RestateException(source + " is not an .xlsx or .xlsm workbook; only those can be restated.");
        }
    }

    private static void checkTarget(Path source, Path target) throws RestateException {
        if (SafeFiles.sameFile(source, target)) {
            throw new RestateException(target + " is the source workbook itself; the source is never overwritten. "
                    + "Choose another output name.");
        }
        String wanted = extensionFor(source);
        if (!lowerName(target).endsWith(wanted)) {
            throw new RestateException(target + ": the restated workbook must keep the source's type, so its name "
                    + "must end with " + wanted + ".");
        }
        if (Files.isDirectory(target)) {
            throw new RestateException(target + " is a folder; give a file name for the restated workbook.");
        }
    }

    // ------------------------------------------------------------------------------------ plan

    private static final class Plan {
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
    }

    private static Plan plan(SourcePackage pkg, ReadResult read, List<Classification> classifications,
                             List<LineDecision> decisions, Policy policy, Levers levers, Path source)
            throws IOException, RestateException {
        Plan plan = new Plan();
        Set<String> taken = new HashSet<>();
        Set<String> sourceSheets = new HashSet<>();
        for (SourcePackage.SheetEntry s : pkg.sheets) {
            taken.add(s.name().toLowerCase(Locale.ROOT));
            sourceSheets.add(s.name().toLowerCase(Locale.ROOT));
        }
        String pl = freeSheetName(PL_SHEET, taken);
        String cls = freeSheetName(CLASSIFICATION_SHEET, taken);
        String stress = freeSheetName(STRESS_SHEET, taken);
        String bridge = freeSheetName(BRIDGE_SHEET, taken);
        String sensitivity = freeSheetName(SENSITIVITY_SHEET, taken);

        Set<String> takenNames = new HashSet<>();
        for (SourcePackage.DefinedName d : pkg.definedNames) {
            if (d.workbookLevel()) {
                takenNames.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> defined = new LinkedHashMap<>();
        for (String wanted : HEADLINE_NAMES) {
            defined.put(wanted, freeDefinedName(wanted, takenNames));
        }
        for (String wanted : INPUT_NAMES) {
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
        plan.replaced.put(pkg.workbookPart, editWorkbook(pkg.bytes(pkg.workbookPart), sheetNames, maxSheetId,
                newIds, names));

        // Workbook relationships.
        if (!pkg.has(pkg.workbookRelsPart)) {
            throw new RestateException(source + " is damaged (its workbook has no relationships part); open and "
                    + "save it again in Excel or LibreOffice.");
        }
        org.w3c.dom.Document rels = XmlPartDom.parse(pkg.bytes(pkg.workbookRelsPart), pkg.workbookRelsPart);
        org.w3c.dom.Element relsRoot = rels.getDocumentElement();
        for (int i = 0; i < plan.sheetParts.size(); i++) {
            relsRoot.appendChild(relationship(relsRoot, newIds.get(i), SourcePackage.REL_WORKSHEET,
                    relative(wbFolder, plan.sheetParts.get(i))));
        }
        if (plan.newStylesPart != null) {
            relsRoot.appendChild(relationship(relsRoot, newIds.get(5), SourcePackage.REL_STYLES,
                    relative(wbFolder, plan.newStylesPart)));
        }
        plan.replaced.put(pkg.workbookRelsPart, XmlPartDom.write(rels));

        // Content types.
        org.w3c.dom.Document ct = XmlPartDom.parse(pkg.bytes(SourcePackage.CONTENT_TYPES), SourcePackage.CONTENT_TYPES);
        org.w3c.dom.Element types = ct.getDocumentElement();
        for (String part : plan.sheetParts) {
            types.appendChild(override(types, part, SourcePackage.CT_WORKSHEET));
        }
        if (plan.newStylesPart != null) {
            types.appendChild(override(types, plan.newStylesPart, SourcePackage.CT_STYLES));
        }
        plan.replaced.put(SourcePackage.CONTENT_TYPES, XmlPartDom.write(ct));

        String sourceName = source.getFileName().toString();
        SourceCellKinds kinds = new SourceCellKinds();
        plan.sheets = new RestatedSheets(sourceName, read.model(), classifications, decisions, policy, levers, names,
                styles, sourceSheets, kinds);
        plan.sheets.notRead(read.problems().stream().filter(Problem::unreadLine).toList());
        plan.sheets.sourceSha256(sha256(source));
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

    /** Excel's cell text limit as the writer applies it (for tests of that limit). */
    public static String fitCellForTest(String text) {
        return SheetXmlWriter.fitCell(text);
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

    /**
     * The workbook part with the four sheets, the defined names (headline figures, inputs, and the
     * hidden markers that name the added sheets) and recalculation on load, edited through an XML
     * parser in the part's own encoding.
     */
    private static byte[] editWorkbook(byte[] original, String[] sheetNames, long maxSheetId, List<String> ids,
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

    private static final String XMLConstants_XMLNS = javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private static org.w3c.dom.Element relationship(org.w3c.dom.Element root, String id, String type, String target) {
        org.w3c.dom.Element r = XmlPartDom.element(root, "Relationship");
        r.setAttribute("Id", id);
        r.setAttribute("Type", type);
        r.setAttribute("Target", target);
        return r;
    }

    private static org.w3c.dom.Element override(org.w3c.dom.Element root, String part, String contentType) {
        org.w3c.dom.Element o = XmlPartDom.element(root, "Override");
        o.setAttribute("PartName", "/" + part);
        o.setAttribute("ContentType", contentType);
        return o;
    }

    // ------------------------------------------------------------------------------------ write

    private static void writePackage(SourcePackage pkg, Plan plan, OutputStream out, Progress progress)
            throws IOException {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        double copyShare = 0.25;
        long copied = 0;
        long total = Math.max(1, plan.copyBytes);
        for (ZipArchiveEntry e : pkg.entries()) {
            checkCancel(progress);
            byte[] replacement = plan.replaced.get(e.getName());
            if (replacement != null) {
                ZipArchiveEntry fresh = new ZipArchiveEntry(e.getName());
                fresh.setTime(e.getTime());
                zip.putArchiveEntry(fresh);
                zip.write(replacement);
                zip.closeArchiveEntry();
            } else {
                try (InputStream raw = pkg.raw(e)) {
                    zip.addRawArchiveEntry(e, raw);
                }
            }
            copied += Math.max(0, e.getCompressedSize());
            progress.update(copyShare * copied / total, null);
        }
        if (plan.newStylesPart != null) {
            zip.putArchiveEntry(new ZipArchiveEntry(plan.newStylesPart));
            zip.write(plan.newStyles);
            zip.closeArchiveEntry();
        }
        RestatedSheets sheets = plan.sheets;
        double lines = Math.max(1, sheets.lineCount());
        OutputStream entryStream = new NonClosingStream(zip);

        // A big Classification sheet (one formula per line and period) compresses at the fastest
        // level: a third larger, but more than twice as quick to write.
        long cells = (long) sheets.lineCount() * sheets.periodCount();
        zip.setLevel(cells > FAST_COMPRESSION_CELLS ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(1)));
        sheets.writeClassification(entryStream, line -> {
            checkCancel(progress);
            progress.update(copyShare + 0.6 * line / lines, null);
        });
        zip.closeArchiveEntry();
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(0)));
        sheets.writePl(entryStream);
        zip.closeArchiveEntry();
        progress.update(0.9, null);
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(2)));
        sheets.writeStress(entryStream);
        zip.closeArchiveEntry();
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(3)));
        sheets.writeBridge(entryStream);
        zip.closeArchiveEntry();
        checkCancel(progress);

        zip.putArchiveEntry(new ZipArchiveEntry(plan.sheetParts.get(4)));
        plan.sensitivity.write(entryStream);
        zip.closeArchiveEntry();
        zip.finish();
        zip.flush();
        progress.update(0.99, null);
    }

    private static void checkCancel(Progress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("Export cancelled");
        }
    }

    /** The sheet writers flush but must not close the zip stream between entries. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The source file's SHA-256 in hex for the run details, or "" when it cannot be read again. */
    static String sha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) {
                md.update(buf, 0, k);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }
}
