package com.marginworkbench.workbook.own;

import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.Layer;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.model.UnitInputs;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadCancelled;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.cells.StreamingGrid;
import com.marginworkbench.workbook.own.OwnModelCells.Type;
import com.marginworkbench.workbook.own.OwnModelCells.Value;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static com.marginworkbench.workbook.own.OwnModelLayout.*;

/**
 * Reads the product's own seventeen-sheet model by its known layout, with no guessing: revenue
 * from the revenue-by-layer block of {@value OwnModelLayout#REVENUE}, costs from
 * {@value OwnModelLayout#COGS} (reported in cost of revenue) and {@value OwnModelLayout#OPEX}
 * (reported under the function heading above each line), each line's type and layer from its
 * Cost type and Layer columns, and the unit-economics inputs from their defined names.
 *
 * <p>Values come from the cells' cached results; only a formula saved without one is evaluated.
 * An .xlsx whose needed cells all have saved results is read straight from the zip
 * ({@link #readSavedValues}); anything else goes through POI's user model, with the same result.
 * A cell in error becomes a {@link Problem} naming the cell and its amount is NaN, so every margin
 * that depends on it shows as not available instead of being computed on a made-up zero.
 */
public final class OwnModelReader {
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);
    private static final Pattern SPLIT = Pattern.compile("(?i)^ai\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*%$");
    private static final String NOTE = "Cost type column";

    private final OwnModelCells cells;
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    private OwnModelReader(OwnModelCells cells, Path file) {
        this.cells = cells;
        this.file = file;
    }

    /** True when the workbook carries the product's marker and the sheets this reader needs. */
    public static boolean recognizes(Workbook wb) {
        if (wb == null || wb.getName(MARKER_NAME) == null) {
            return false;
        }
        for (String s : List.of(REVENUE, OPEX, COGS, UNIT_ECONOMICS)) {
            if (wb.getSheet(s) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A quick look into an .xlsx/.xlsm file, without POI: true when its workbook part defines the
     * marker name. Lets a caller choose between this reader and a streaming read before paying for
     * the full user model. False for anything that is not a readable OOXML zip.
     */
    public static boolean recognizes(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry part = zip.getEntry("xl/workbook.xml");
            if (part == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(part)) {
                XMLInputFactory f = XMLInputFactory.newFactory();
                f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                XMLStreamReader x = f.createXMLStreamReader(in);
                try {
                    while (x.hasNext()) {
                        if (x.next() == XMLStreamConstants.START_ELEMENT && "definedName".equals(x.getLocalName())
                                && MARKER_NAME.equals(x.getAttributeValue(null, "name"))) {
                            return true;
                        }
                    }
                } finally {
                    x.close();
                }
            }
            return false;
        } catch (IOException | XMLStreamException | RuntimeException notAWorkbook) {
            return false;
        }
    }

    public static ReadResult read(Workbook wb, Path file) throws WorkbookReadException {
        if (!recognizes(wb)) {
            throw new WorkbookReadException(display(file) + " is not a Margin Workbench model (no " + MARKER_NAME
                    + " marker, or one of the sheets " + REVENUE + ", " + OPEX + ", " + COGS + ", " + UNIT_ECONOMICS
                    + " is missing); open it as a client workbook instead.");
        }
        return new OwnModelReader(new UserModelCells(wb), file).read();
    }

    /**
     * Reads an .xlsx/.xlsm model from the saved values of its cells, straight from the zip, without
     * POI's user model (whose classes alone take a second or more to load). Returns null when this
     * is not enough: the workbook is not recognized here, a cell the reader needs is a formula saved
     * without its result (only the user model can recalculate it), or the file holds anything this
     * quick read does not mirror exactly; the caller then reads it with {@link #read(Workbook, Path)},
     * which gives the same result for every file both can read.
     */
    public static ReadResult readSavedValues(Path file, Progress progress) throws WorkbookReadException {
        StreamingGrid.Book book;
        try {
            book = StreamingGrid.book(file, progress, SavedValueCells::wanted);
        } catch (ReadCancelled e) {
            throw e;
        } catch (Exception | StackOverflowError unreadable) {
            return null; // the user model gives its own message for a damaged file
        }
        try {
            SavedValueCells cells = SavedValueCells.of(book);
            return cells == null ? null : new OwnModelReader(cells, file).read();
        } catch (SavedValueCells.NeedsUserModel e) {
            return null;
        }
    }

    private ReadResult read() throws WorkbookReadException {
        Periods periods = periods();
        int n = periods.count();
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = FIRST_PERIOD_COL + i;
        }
        List<RevenueLine> revenue = new ArrayList<>();
        int revenueLast = readRevenue(cols, revenue);
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        int cogsLast = readCosts(cells.sheet(COGS), cols, costs, decisions, true);
        int opexLast = readCosts(cells.sheet(OPEX), cols, costs, decisions, false);
        if (revenue.isEmpty()) {
            throw new WorkbookReadException(display(file) + ": no revenue line on sheet " + REVENUE
                    + " (lines need a billing basis in column B); restore the sheet's layout.");
        }
        if (costs.isEmpty()) {
            throw new WorkbookReadException(display(file) + ": no cost line on sheets " + COGS + " or " + OPEX
                    + " (lines need a cost type in column B); restore the sheets' layout.");
        }
        String name = companyName();
        FinancialModel model = new FinancialModel(name, periods, revenue, costs, unitInputs(), fiscalYearStart());
        List<SheetInfo> sheets = new ArrayList<>();
        for (SheetInfo tab : cells.tabs()) {
            String range = switch (tab.name()) {
                case REVENUE -> tableRange(revenueLast);
                case COGS -> tableRange(cogsLast);
                case OPEX -> tableRange(opexLast);
                default -> null;
            };
            sheets.add(new SheetInfo(tab.name(), tab.hidden(), range));
        }
        return new ReadResult(file, model, decisions, problems, sheets, true);
    }

    // ---------------------------------------------------------------- periods

    private Periods periods() throws WorkbookReadException {
        String sheet = cells.sheet(OPEX);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < PERIODS; i++) {
            int col = FIRST_PERIOD_COL + i;
            String label = periodLabel(cells.value(sheet, HEADER_ROW, col));
            if (label == null) {
                throw new WorkbookReadException(display(file) + ": " + cellName(OPEX, HEADER_ROW, col)
                        + " should hold the month of column " + SourceRef.columnName(col)
                        + "; restore the header row of the " + OPEX + " sheet.");
            }
            labels.add(label);
        }
        return new Periods(labels, Granularity.MONTH);
    }

    private static String periodLabel(Value v) {
        if (v == null) {
            return null;
        }
        if (v.type() == Type.NUMBER) {
            if (DateUtil.isValidExcelDate(v.number())) {
                return DateUtil.getLocalDateTime(v.number()).format(PERIOD);
            }
            return null;
        }
        if (v.type() == Type.TEXT) {
            String s = v.text().trim();
            return s.isEmpty() ? null : s;
        }
        return null;
    }

    // ---------------------------------------------------------------- lines

    private int readRevenue(int[] cols, List<RevenueLine> out) {
        String sheet = cells.sheet(REVENUE);
        int last = HEADER_ROW;
        for (int r = HEADER_ROW + 1; r <= cells.lastRow(sheet); r++) {
            String label = text(sheet, r, LABEL_COL);
            String billing = text(sheet, r, TYPE_COL);
            if (label.isEmpty() || billing.isEmpty()) {
                continue;
            }
            boolean usage = billing.equalsIgnoreCase(BILLING_USAGE);
            if (!usage && !billing.equalsIgnoreCase(BILLING_SUBSCRIPTION)) {
                problems.add(new Problem(cellName(REVENUE, r, TYPE_COL), "billing basis '" + billing
                        + "' is neither " + BILLING_SUBSCRIPTION + " nor " + BILLING_USAGE
                        + "; the line is read as a subscription."));
            }
            LayerSplit layer = layer(sheet, REVENUE, r, LayerSplit.SOFTWARE);
            SourceRef src = new SourceRef(REVENUE, r, LABEL_COL, cols, 1.0);
            out.add(new RevenueLine(label, src, amounts(label, sheet, r, cols), layer, usage));
            last = r;
        }
        return last;
    }

    private int readCosts(String name, int[] cols, List<CostLine> costs, List<LineDecision> decisions,
                          boolean costOfRevenue) {
        Placement placement = costOfRevenue ? Placement.COST_OF_REVENUE : Placement.OTHER_OPEX;
        int last = HEADER_ROW;
        for (int r = HEADER_ROW + 1; r <= cells.lastRow(name); r++) {
            String label = text(name, r, LABEL_COL);
            if (label.isEmpty()) {
                continue;
            }
            String typeText = text(name, r, TYPE_COL);
            if (typeText.isEmpty()) {
                Placement section = costOfRevenue ? null : section(label);
                if (section != null) {
                    placement = section;
                    continue;
                }
                if (isSubtotal(label) || !hasNumber(name, r, cols)) {
                    continue;
                }
            }
            CostType type = CostType.find(typeText).orElse(null);
            LineDecision decision;
            if (type != null) {
                decision = new LineDecision(type, Answers.DEFAULTS, NOTE);
            } else {
                String why = typeText.isEmpty() ? "no cost type is given"
                        : "'" + typeText + "' is not a known cost type";
                problems.add(new Problem(cellName(name, r, TYPE_COL), why
                        + "; choose one so the line can be tested (it is under review until then)."));
                decision = new LineDecision(null, Answers.DEFAULTS, NOTE + ": " + why);
            }
            Layer fallback = type == null ? Layer.SOFTWARE : type.defaultLayer();
            LayerSplit layer = layer(name, name, r, LayerSplit.of(fallback));
            SourceRef src = new SourceRef(name, r, LABEL_COL, cols, 1.0);
            boolean llm = type != null && type.defaultLlmPriced();
            boolean variable = type != null && type.defaultUsageVariable();
            costs.add(new CostLine(label, src, amounts(label, name, r, cols), layer, placement, llm, variable));
            decisions.add(decision);
            last = r;
        }
        return last;
    }

    private static Placement section(String label) {
        return switch (label) {
            case SECTION_RND -> Placement.RESEARCH_DEVELOPMENT;
            case SECTION_SM -> Placement.SALES_MARKETING;
            case SECTION_GA -> Placement.GENERAL_ADMIN;
            case SECTION_OPERATIONS -> Placement.OTHER_OPEX;
            default -> null;
        };
    }

    private static boolean isSubtotal(String label) {
        return label.toLowerCase(Locale.ROOT).startsWith("total");
    }

    /** {@code source} is where the cells are read; {@code sheet} is the name problems give. */
    private LayerSplit layer(String source, String sheet, int r, LayerSplit fallback) {
        String s = text(source, r, LAYER_COL);
        if (s.isEmpty()) {
            return fallback;
        }
        Matcher m = SPLIT.matcher(s);
        if (m.matches()) {
            double share = Double.parseDouble(m.group(1)) / 100.0;
            if (share <= 1.0) {
                return new LayerSplit(share);
            }
        } else {
            try {
                return LayerSplit.of(Layer.parse(s));
            } catch (IllegalArgumentException unknown) {
                // reported below, with the cell
            }
        }
        problems.add(new Problem(cellName(sheet, r, LAYER_COL), "layer '" + s
                + "' is not AI, Software or a split such as AI 40%; read as " + fallback.describe() + "."));
        return fallback;
    }

    /** A line's amounts; a cell that cannot be read makes the problem name the line as not read. */
    private double[] amounts(String label, String sheet, int r, int[] cols) {
        double[] out = new double[cols.length];
        int before = problems.size();
        for (int i = 0; i < cols.length; i++) {
            out[i] = number(sheet, r, cols[i]);
        }
        for (int k = before; k < problems.size(); k++) {
            Problem p = problems.get(k);
            problems.set(k, new Problem(p.source(), "'" + label + "' could not be read: " + p.message(), label,
                    p.source(), p.message()));
        }
        return out;
    }

    private boolean hasNumber(String sheet, int r, int[] cols) {
        for (int c : cols) {
            if (cells.present(sheet, r, c)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- unit economics and header facts

    private UnitInputs unitInputs() {
        double arpa = named(NAME_ARPA);
        double churn = named(NAME_CHURN);
        double cac = named(NAME_CAC);
        if (Double.isNaN(arpa) || Double.isNaN(churn) || Double.isNaN(cac)) {
            return null;
        }
        String basisText = namedText(NAME_MARGIN_BASIS).toLowerCase(Locale.ROOT);
        UnitInputs.MarginBasis basis = basisText.startsWith("ai") || basisText.contains("ai layer")
                || basisText.contains("ai-layer") ? UnitInputs.MarginBasis.AI_LAYER : UnitInputs.MarginBasis.BLENDED;
        return new UnitInputs(arpa, churn, cac, basis);
    }

    /** The number in a single-cell defined name; NaN (with a problem) when missing or not a number. */
    private double named(String name) {
        CellReference ref = reference(name);
        if (ref == null) {
            problems.add(new Problem(UNIT_ECONOMICS, "the defined name " + name
                    + " is missing, so LTV:CAC is not available; restore it on the " + UNIT_ECONOMICS + " sheet."));
            return Double.NaN;
        }
        return number(cells.sheet(ref.getSheetName()), ref.getRow(), ref.getCol());
    }

    private String namedText(String name) {
        CellReference ref = reference(name);
        if (ref == null) {
            return "";
        }
        return text(cells.sheet(ref.getSheetName()), ref.getRow(), ref.getCol());
    }

    /** The first cell a defined name points at, on a sheet of this workbook; null otherwise. */
    private CellReference reference(String name) {
        String formula = cells.nameFormula(name);
        if (formula == null) {
            return null;
        }
        CellReference ref;
        try {
            ref = new AreaReference(formula, cells.version()).getFirstCell();
        } catch (RuntimeException badReference) {
            return null;
        }
        return ref.getSheetName() == null || cells.sheet(ref.getSheetName()) == null ? null : ref;
    }

    private String companyName() {
        String s = namedText(NAME_COMPANY);
        if (!s.isEmpty()) {
            return s;
        }
        return file == null || file.getFileName() == null ? "Model" : file.getFileName().toString();
    }

    private LocalDate fiscalYearStart() {
        CellReference ref = reference(NAME_FIRST_MONTH);
        if (ref == null) {
            return null;
        }
        double v = cells.plainNumber(cells.sheet(ref.getSheetName()), ref.getRow(), ref.getCol());
        if (!DateUtil.isValidExcelDate(v)) {
            return null;
        }
        LocalDateTime first = DateUtil.getLocalDateTime(v);
        return first.toLocalDate().withDayOfMonth(1);
    }

    // ---------------------------------------------------------------- cells

    /** A cell's number: saved result first; blank is zero; an error or stray text is NaN and a problem. */
    private double number(String sheet, int r, int col) {
        Value v = cells.value(sheet, r, col);
        if (v == null) {
            return 0.0;
        }
        if (v.failure() != null) {
            return notANumber(sheet, r, col, "its formula has no saved value and cannot be calculated here ("
                    + v.failure() + "); open and save the workbook in Excel");
        }
        return switch (v.type()) {
            case NUMBER -> v.number();
            case BLANK -> 0.0;
            case TEXT -> parseText(sheet, r, col, v.text());
            case ERROR -> error(sheet, r, col, v.errorCode());
            case OTHER -> notANumber(sheet, r, col, v.recalculated() ? "its formula gives no number"
                    : "holds " + v.text() + " instead of a number");
        };
    }

    private double parseText(String sheet, int r, int col, String s) {
        String t = s.trim();
        if (t.isEmpty() || t.equals("-") || t.equals("–")) {
            return 0.0;
        }
        boolean negative = t.startsWith("(") && t.endsWith(")");
        String digits = (negative ? t.substring(1, t.length() - 1) : t).replace(",", "").replace("$", "").trim();
        try {
            double v = Double.parseDouble(digits);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return notANumber(sheet, r, col, "holds the text '" + s + "' instead of a number");
        }
    }

    private double error(String sheet, int r, int col, String code) {
        return notANumber(sheet, r, col, "shows the error " + code);
    }

    private double notANumber(String sheet, int r, int col, String what) {
        problems.add(new Problem(cellName(sheet, r, col), what
                + "; margins that include this line are not available until the cell is fixed."));
        return Double.NaN;
    }

    private String text(String sheet, int r, int col) {
        Value v = cells.value(sheet, r, col);
        if (v == null || v.type() != Type.TEXT) {
            return "";
        }
        return v.text() == null ? "" : v.text().trim();
    }

    private static String tableRange(int lastRow) {
        return SourceRef.cellName(HEADER_ROW, LABEL_COL) + ":" + SourceRef.cellName(lastRow, TOTAL_COL);
    }

    private static String cellName(String sheet, int row, int col) {
        return sheet + "!" + SourceRef.cellName(row, col);
    }

    private static String display(Path file) {
        return file == null ? "The workbook" : String.valueOf(file.getFileName());
    }

}
