package com.marginworkbench.workbook;

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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

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

import static com.marginworkbench.workbook.OwnModelLayout.*;

/**
 * Reads the product's own seventeen-sheet model by its known layout, with no guessing: revenue
 * from the revenue-by-layer block of {@value OwnModelLayout#REVENUE}, costs from
 * {@value OwnModelLayout#COGS} (reported in cost of revenue) and {@value OwnModelLayout#OPEX}
 * (reported under the function heading above each line), each line's type and layer from its
 * Cost type and Layer columns, and the unit-economics inputs from their defined names.
 *
 * <p>Values come from the cells' cached results; only a formula saved without one is evaluated.
 * A cell in error becomes a {@link Problem} naming the cell and its amount is NaN, so every margin
 * that depends on it shows as not available instead of being computed on a made-up zero.
 */
public final class OwnModelReader {
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);
    private static final Pattern SPLIT = Pattern.compile("(?i)^ai\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*%$");
    private static final String NOTE = "Cost type column";

    private final Workbook wb;
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private FormulaEvaluator evaluator;

    private OwnModelReader(Workbook wb, Path file) {
        this.wb = wb;
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
        return new OwnModelReader(wb, file).read();
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
        int cogsLast = readCosts(wb.getSheet(COGS), cols, costs, decisions, true);
        int opexLast = readCosts(wb.getSheet(OPEX), cols, costs, decisions, false);
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
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            String s = wb.getSheetName(i);
            String range = switch (s) {
                case REVENUE -> tableRange(revenueLast);
                case COGS -> tableRange(cogsLast);
                case OPEX -> tableRange(opexLast);
                default -> null;
            };
            sheets.add(new SheetInfo(s, wb.isSheetHidden(i) || wb.isSheetVeryHidden(i), range));
        }
        return new ReadResult(file, model, decisions, problems, sheets, true);
    }

    // ---------------------------------------------------------------- periods

    private Periods periods() throws WorkbookReadException {
        Sheet sheet = wb.getSheet(OPEX);
        Row header = sheet.getRow(HEADER_ROW);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < PERIODS; i++) {
            int col = FIRST_PERIOD_COL + i;
            Cell c = header == null ? null : header.getCell(col);
            String label = periodLabel(c);
            if (label == null) {
                throw new WorkbookReadException(display(file) + ": " + cellName(OPEX, HEADER_ROW, col)
                        + " should hold the month of column " + SourceRef.columnName(col)
                        + "; restore the header row of the " + OPEX + " sheet.");
            }
            labels.add(label);
        }
        return new Periods(labels, Granularity.MONTH);
    }

    private String periodLabel(Cell c) {
        if (c == null) {
            return null;
        }
        CellType t = c.getCellType() == CellType.FORMULA ? resultType(c) : c.getCellType();
        if (t == CellType.NUMERIC) {
            double v = c.getCellType() == CellType.FORMULA && missingCache(c) ? evaluate(c).getNumberValue()
                    : c.getNumericCellValue();
            if (DateUtil.isValidExcelDate(v)) {
                return DateUtil.getLocalDateTime(v).format(PERIOD);
            }
            return null;
        }
        if (t == CellType.STRING) {
            String s = c.getStringCellValue().trim();
            return s.isEmpty() ? null : s;
        }
        return null;
    }

    // ---------------------------------------------------------------- lines

    private int readRevenue(int[] cols, List<RevenueLine> out) {
        Sheet sheet = wb.getSheet(REVENUE);
        int last = HEADER_ROW;
        for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String label = text(row, LABEL_COL);
            String billing = text(row, TYPE_COL);
            if (label.isEmpty() || billing.isEmpty()) {
                continue;
            }
            boolean usage = billing.equalsIgnoreCase(BILLING_USAGE);
            if (!usage && !billing.equalsIgnoreCase(BILLING_SUBSCRIPTION)) {
                problems.add(new Problem(cellName(REVENUE, r, TYPE_COL), "billing basis '" + billing
                        + "' is neither " + BILLING_SUBSCRIPTION + " nor " + BILLING_USAGE
                        + "; the line is read as a subscription."));
            }
            LayerSplit layer = layer(row, REVENUE, r, LayerSplit.SOFTWARE);
            SourceRef src = new SourceRef(REVENUE, r, LABEL_COL, cols, 1.0);
            out.add(new RevenueLine(label, src, amounts(sheet, row, r, cols), layer, usage));
            last = r;
        }
        return last;
    }

    private int readCosts(Sheet sheet, int[] cols, List<CostLine> costs, List<LineDecision> decisions,
                          boolean costOfRevenue) {
        String name = sheet.getSheetName();
        Placement placement = costOfRevenue ? Placement.COST_OF_REVENUE : Placement.OTHER_OPEX;
        int last = HEADER_ROW;
        for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String label = text(row, LABEL_COL);
            if (label.isEmpty()) {
                continue;
            }
            String typeText = text(row, TYPE_COL);
            if (typeText.isEmpty()) {
                Placement section = costOfRevenue ? null : section(label);
                if (section != null) {
                    placement = section;
                    continue;
                }
                if (isSubtotal(label) || !hasNumber(row, cols)) {
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
            LayerSplit layer = layer(row, name, r, LayerSplit.of(fallback));
            SourceRef src = new SourceRef(name, r, LABEL_COL, cols, 1.0);
            boolean llm = type != null && type.defaultLlmPriced();
            boolean variable = type != null && type.defaultUsageVariable();
            costs.add(new CostLine(label, src, amounts(sheet, row, r, cols), layer, placement, llm, variable));
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

    private LayerSplit layer(Row row, String sheet, int r, LayerSplit fallback) {
        String s = text(row, LAYER_COL);
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

    private double[] amounts(Sheet sheet, Row row, int r, int[] cols) {
        double[] out = new double[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = number(sheet.getSheetName(), row, r, cols[i]);
        }
        return out;
    }

    private boolean hasNumber(Row row, int[] cols) {
        if (row == null) {
            return false;
        }
        for (int c : cols) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() != CellType.BLANK) {
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
        Sheet sheet = wb.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow());
        return number(sheet.getSheetName(), row, ref.getRow(), ref.getCol());
    }

    private String namedText(String name) {
        CellReference ref = reference(name);
        if (ref == null) {
            return "";
        }
        return text(wb.getSheet(ref.getSheetName()).getRow(ref.getRow()), ref.getCol());
    }

    private CellReference reference(String name) {
        Name n = wb.getName(name);
        if (n == null || n.getRefersToFormula() == null) {
            return null;
        }
        try {
            CellReference ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
            return ref.getSheetName() == null || wb.getSheet(ref.getSheetName()) == null ? null : ref;
        } catch (RuntimeException badReference) {
            return null;
        }
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
        Row row = wb.getSheet(ref.getSheetName()).getRow(ref.getRow());
        Cell c = row == null ? null : row.getCell(ref.getCol());
        if (c == null || c.getCellType() != CellType.NUMERIC || !DateUtil.isValidExcelDate(c.getNumericCellValue())) {
            return null;
        }
        LocalDateTime first = DateUtil.getLocalDateTime(c.getNumericCellValue());
        return first.toLocalDate().withDayOfMonth(1);
    }

    // ---------------------------------------------------------------- cells

    /** A cell's number: cached result first; blank is zero; an error or stray text is NaN and a problem. */
    private double number(String sheet, Row row, int r, int col) {
        Cell c = row == null ? null : row.getCell(col);
        if (c == null) {
            return 0.0;
        }
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) {
            if (missingCache(c)) {
                return evaluated(sheet, r, col, c);
            }
            t = c.getCachedFormulaResultType();
        }
        return switch (t) {
            case NUMERIC -> c.getNumericCellValue();
            case BLANK -> 0.0;
            case STRING -> parseText(sheet, r, col, c.getStringCellValue());
            case ERROR -> error(sheet, r, col, FormulaError.forInt(c.getErrorCellValue()).getString());
            default -> notANumber(sheet, r, col, "holds " + t.name().toLowerCase(Locale.ROOT) + " instead of a number");
        };
    }

    private double evaluated(String sheet, int r, int col, Cell c) {
        CellValue v;
        try {
            v = evaluate(c);
        } catch (RuntimeException e) {
            return notANumber(sheet, r, col, "its formula has no saved value and cannot be calculated here ("
                    + e.getClass().getSimpleName() + "); open and save the workbook in Excel");
        }
        return switch (v.getCellType()) {
            case NUMERIC -> v.getNumberValue();
            case BLANK -> 0.0;
            case STRING -> parseText(sheet, r, col, v.getStringValue());
            case ERROR -> error(sheet, r, col, FormulaError.forInt(v.getErrorValue()).getString());
            default -> notANumber(sheet, r, col, "its formula gives no number");
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

    private static boolean missingCache(Cell c) {
        return c instanceof XSSFCell x && !x.getCTCell().isSetV();
    }

    private CellValue evaluate(Cell c) {
        if (evaluator == null) {
            evaluator = wb.getCreationHelper().createFormulaEvaluator();
        }
        return evaluator.evaluate(c);
    }

    private CellType resultType(Cell c) {
        if (missingCache(c)) {
            try {
                return evaluate(c).getCellType();
            } catch (RuntimeException e) {
                return CellType.ERROR;
            }
        }
        return c.getCachedFormulaResultType();
    }

    private String text(Row row, int col) {
        Cell c = row == null ? null : row.getCell(col);
        if (c == null) {
            return "";
        }
        CellType t = c.getCellType() == CellType.FORMULA ? resultType(c) : c.getCellType();
        if (t != CellType.STRING) {
            return "";
        }
        String s = c.getCellType() == CellType.FORMULA && missingCache(c) ? evaluate(c).getStringValue()
                : c.getStringCellValue();
        return s == null ? "" : s.trim();
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
