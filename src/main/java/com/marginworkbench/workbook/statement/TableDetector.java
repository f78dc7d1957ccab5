package com.marginworkbench.workbook.statement;

import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.Layer;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.cells.CellValues;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.cells.Parallel;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cost table in a workbook that is not the product's own layout: the row of period
 * headings, the label column to its left, the section headings that say where the company put
 * each line, and the lines themselves. Subtotals, totals, profit and margin rows and full-year
 * columns are left out (by their label, by SUM formulas over their neighbours, or because their
 * numbers add up the lines next to them), so no amount is counted twice.
 */
public final class TableDetector {

    /** Everything found, ready to become a {@code FinancialModel} and a {@code ReadResult}. */
    public record Detection(Periods periods, List<RevenueLine> revenue, List<CostLine> costs,
                            List<LineDecision> decisions, List<Problem> problems, List<SheetInfo> sheets) {
    }

    /** Where a line sits: a placement, or a block whose rows are not revenue or cost (metrics, other income). */
    private enum Section { NONE, SKIP }

    private record Header(int row, int[] columns, List<Period> periods, Granularity granularity) {
    }

    /** A row that holds amounts and may become a line. */
    private static final class Candidate {
        int row;
        String label;
        int labelColumn;
        String otherText;
        Placement placement;
        boolean headingRow;
        double[] values;
        String problem;
        String problemCell;
        String problemWhat;
        boolean dropped;
        int block;
    }

    private record SheetTable(GridSheet sheet, Header header, int labelColumn, int costTypeColumn, int layerColumn,
                              double unitScale, String unitsNote, List<Candidate> lines, int lastRow,
                              List<Problem> problems) {
        long costCount() {
            return lines.stream().filter(c -> c.placement != Placement.REVENUE).count();
        }

        long revenueCount() {
            return lines.stream().filter(c -> c.placement == Placement.REVENUE).count();
        }

        String range() {
            int first = labelColumn;
            if (costTypeColumn >= 0) {
                first = Math.min(first, costTypeColumn);
            }
            if (layerColumn >= 0) {
                first = Math.min(first, layerColumn);
            }
            int last = header.columns[header.columns.length - 1];
            return SourceRef.cellName(header.row, first) + ":" + SourceRef.cellName(lastRow, last);
        }
    }

    private static final int HEADER_SCAN_ROWS = 400;
    private static final Pattern AI_SHARE = Pattern.compile("(?:ai\\s*)?(\\d{1,3}(?:\\.\\d+)?)\\s*%(?:\\s*ai)?");
    private static final Pattern LEADING_NUMBERING = Pattern.compile("^[\\s\\d.)(]*(?=[a-z])");
    private static final Pattern TRAILING_COLON = Pattern.compile("[:\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REVENUE_WORDS = Pattern.compile("\\b(revenues?|sales|subscriptions?|bookings|turnover)\\b");
    private static final Pattern COST_WORDS = Pattern.compile("\\b(cost|costs|expense|expenses|fees?|commissions?|tax)\\b");
    /** How many lines a subtotal found by its values may add up; keeps the check linear on big sheets. */
    private static final int MAX_SUBTOTAL_SPAN = 100;
    private static final Pattern THOUSANDS = Pattern.compile(
            "in thousands|thousands of|\\(000s?\\)|\\$\\s?000s?|'000s?|’000s?|\\b000s\\b|\\busd\\s?k\\b|\\$k\\b|\\(k\\)|eur\\s?k\\b|gbp\\s?k\\b|\\bk\\s?usd\\b|\\bthousands\\b|\\bin k\\b");
    private static final Pattern MILLIONS = Pattern.compile(
            "in millions|millions of|\\$\\s?m{1,2}n?\\b|\\busd\\s?m{1,2}n?\\b|\\beur\\s?m{1,2}n?\\b|\\bgbp\\s?m{1,2}n?\\b|\\(m\\)|\\bmillions\\b|\\bin m\\b");
    private static final Pattern AGGREGATE_FORMULA = Pattern.compile(
            "(?i)^[\\s(]*((SUM|SUBTOTAL)\\s*\\(\\s*(\\d+\\s*,\\s*)?)?[$A-Z0-9:,+\\-\\s()]*$");
    private static final Pattern CELL_REF = Pattern.compile("(?i)(?<![A-Z0-9_!.'])\\$?([A-Z]{1,3})\\$?(\\d{1,7})(?::\\$?([A-Z]{1,3})\\$?(\\d{1,7}))?(?![A-Z0-9_(!])");

    private final String fileName;
    private final VendorDictionary dictionary;

    public TableDetector(String fileName, VendorDictionary dictionary) {
        this.fileName = fileName;
        this.dictionary = dictionary;
    }

    /** Detects the table across all sheets; visible sheets win over hidden ones. */
    public Detection detect(List<GridSheet> sheets) throws WorkbookReadException {
        List<SheetTable> tables = new ArrayList<>();
        for (GridSheet s : sheets) {
            SheetTable t = detectSheet(s);
            if (t != null) {
                tables.add(t);
            }
        }
        SheetTable primary = null;
        for (boolean hiddenAllowed : new boolean[]{false, true}) {
            for (SheetTable t : tables) {
                if ((hiddenAllowed || !t.sheet.hidden()) && t.costCount() > 0
                        && (primary == null || t.costCount() > primary.costCount())) {
                    primary = t;
                }
            }
            if (primary != null) {
                break;
            }
        }
        if (primary == null) {
            throw new WorkbookReadException(fileName + ": no cost table found. Looked on every sheet for a row of"
                    + " period headings (dates, Jan-26, 2026-01, M1, Q1 2026, FY26) with named rows of amounts"
                    + " below it; put the periods in one row and the line names in a column to their left.");
        }
        List<String> labels = primary.header.periods.stream().map(Period::label).toList();
        List<SheetTable> used = new ArrayList<>();
        used.add(primary);
        if (primary.revenueCount() == 0) {
            SheetTable revenueSource = null;
            for (SheetTable t : tables) {
                if (t != primary && t.revenueCount() > 0 && !t.sheet.hidden()
                        && t.header.periods.stream().map(Period::label).toList().equals(labels)
                        && (revenueSource == null || t.revenueCount() > revenueSource.revenueCount())) {
                    revenueSource = t;
                }
            }
            if (revenueSource != null) {
                used.add(revenueSource);
            }
        }

        List<RevenueLine> revenue = new ArrayList<>();
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (SheetTable t : used) {
            problems.addAll(t.problems);
            build(t, t == primary, revenue, costs, decisions, problems);
        }
        List<SheetInfo> infos = new ArrayList<>();
        for (GridSheet s : sheets) {
            String range = null;
            for (SheetTable t : used) {
                if (t.sheet == s) {
                    range = t.range();
                }
            }
            infos.add(new SheetInfo(s.name(), s.hidden(), range));
        }
        return new Detection(new Periods(labels, primary.header.granularity), revenue, costs, decisions, problems,
                infos);
    }

    private void build(SheetTable t, boolean primary, List<RevenueLine> revenue, List<CostLine> costs,
                       List<LineDecision> decisions, List<Problem> problems) {
        // A block whose lines are mostly entered negative holds costs (or revenue) typed with a minus.
        Map<Placement, double[]> signs = new HashMap<>();
        for (Candidate c : t.lines) {
            double total = 0;
            for (double v : c.values) {
                total += v;
            }
            double[] s = signs.computeIfAbsent(c.placement, k -> new double[2]);
            if (total < 0) {
                s[0]++;
            } else if (total > 0) {
                s[1]++;
            }
        }
        // Suggestions depend on the label alone, so a big sheet gets them on all cores at once.
        VendorDictionary.Suggestion[] suggestions = new VendorDictionary.Suggestion[t.lines.size()];
        Parallel.forRange(suggestions.length, 1000, (from, to) -> {
            for (int i = from; i < to; i++) {
                Candidate c = t.lines.get(i);
                if (c.placement != Placement.REVENUE) {
                    suggestions[i] = dictionary.suggest(c.otherText.isEmpty() ? c.label : c.label + " " + c.otherText);
                }
            }
        });
        int index = -1;
        boolean unplacedNoted = false;
        for (Candidate c : t.lines) {
            index++;
            double[] s = signs.get(c.placement);
            double sign = s[0] > s[1] ? -1 : 1;
            double scale = t.unitScale * sign;
            double[] amounts = new double[c.values.length];
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = c.values[i] * scale;
            }
            SourceRef src = new SourceRef(t.sheet.name(), c.row, c.labelColumn, t.header.columns, scale);
            String cell = src.labelCell();
            LayerSplit layerOverride = null;
            if (t.layerColumn >= 0) {
                String text = textAt(t.sheet, c.row, t.layerColumn);
                if (text != null) {
                    layerOverride = parseLayer(text);
                    if (layerOverride == null) {
                        problems.add(new Problem(t.sheet.name() + "!" + SourceRef.cellName(c.row, t.layerColumn),
                                "'" + text + "' is not a layer; use AI, Software or an AI share such as 40%."
                                        + " The suggestion is used instead."));
                    }
                }
            }
            if (c.placement == Placement.REVENUE) {
                boolean ai = dictionary.isAiRevenue(c.label);
                LayerSplit layer = layerOverride != null ? layerOverride : ai ? LayerSplit.AI : LayerSplit.SOFTWARE;
                boolean usage = dictionary.isUsagePriced(c.label + " " + c.otherText);
                revenue.add(new RevenueLine(c.label, src, amounts, layer, usage));
                continue;
            }
            if (!primary) {
                continue;
            }
            Placement placement = c.placement;
            if (placement == null) {
                placement = Placement.OTHER_OPEX;
                if (!unplacedNoted) {
                    unplacedNoted = true;
                    problems.add(new Problem(cell, "Lines from row " + (c.row + 1) + " of " + t.sheet.name()
                            + " sit under no section heading (such as Cost of revenue or Operating expenses);"
                            + " they are taken as reported in operating expenses."));
                }
            }
            VendorDictionary.Suggestion sug = suggestions[index];
            CostType type = sug.costType();
            String note = sug.note();
            LineDecision.Origin origin = sug.nameOnly() ? LineDecision.Origin.SUGGESTED_FROM_NAME
                    : LineDecision.Origin.SUGGESTED_WITH_CONTEXT;
            boolean llm = sug.llmPriced();
            boolean usage = sug.usageVariable();
            Layer layer = sug.layer();
            if (t.costTypeColumn >= 0) {
                String text = textAt(t.sheet, c.row, t.costTypeColumn);
                if (text != null) {
                    CostType given = CostType.find(text).orElse(null);
                    String typeCell = t.sheet.name() + "!" + SourceRef.cellName(c.row, t.costTypeColumn);
                    if (given == null) {
                        problems.add(new Problem(typeCell, "'" + text + "' is not a cost type this product knows;"
                                + " use an id such as CUSTOMER_INFERENCE. The suggestion is used instead."));
                    } else {
                        if (given != type) {
                            llm = given.defaultLlmPriced();
                            usage = given.defaultUsageVariable();
                            layer = given.defaultLayer();
                        }
                        type = given;
                        origin = LineDecision.Origin.USER;
                        note = "Cost type from the workbook's Cost type column (" + typeCell + ")";
                    }
                }
            }
            LayerSplit split = layerOverride != null ? layerOverride
                    : layer != null ? LayerSplit.of(layer) : LayerSplit.SOFTWARE;
            costs.add(new CostLine(c.label, src, amounts, split, placement, llm, usage));
            decisions.add(new LineDecision(type, Answers.DEFAULTS, note).withOrigin(origin));
        }
    }

    private static LayerSplit parseLayer(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            return LayerSplit.of(Layer.parse(t));
        } catch (IllegalArgumentException e) {
            Matcher m = AI_SHARE.matcher(t);
            if (m.matches()) {
                double share = Double.parseDouble(m.group(1)) / 100;
                return share >= 0 && share <= 1 ? new LayerSplit(share) : null;
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- one sheet

    private SheetTable detectSheet(GridSheet s) {
        Header header = findHeader(s, 0, Math.min(s.rowCount(), HEADER_SCAN_ROWS));
        if (header == null) {
            return null;
        }
        int firstPeriodCol = header.columns[0];
        int costTypeCol = -1;
        int layerCol = -1;
        GridCell[] hdr = s.row(header.row);
        for (int c = 0; c < hdr.length; c++) {
            if (hdr[c] != null && hdr[c].isText()) {
                String h = hdr[c].text().trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
                if (h.equals("cost type") || h.equals("costtype")) {
                    costTypeCol = c;
                } else if (h.equals("layer")) {
                    layerCol = c;
                }
            }
        }
        int typeCol = costTypeCol;
        int layer = layerCol;
        int labelCol = StatementBlocks.labelColumn(s, header.row, firstPeriodCol, s.rowCount() - 1,
                c -> c == typeCol || c == layer);
        if (labelCol < 0) {
            return null;
        }
        double unitScale = 1;
        String unitsNote = null;
        for (int r = 0; r <= header.row && unitsNote == null; r++) {
            for (GridCell cell : s.row(r)) {
                if (cell != null && cell.isText() && PeriodParser.parse(cell) == null) {
                    String t = cell.text().toLowerCase(Locale.ROOT);
                    if (THOUSANDS.matcher(t).find()) {
                        unitScale = 1_000;
                        unitsNote = cell.text();
                        break;
                    }
                    if (MILLIONS.matcher(t).find()) {
                        unitScale = 1_000_000;
                        unitsNote = cell.text();
                        break;
                    }
                }
            }
        }
        Header columns = dropTotalColumns(s, header);
        if (columns.columns.length == 0) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Object section = titleSection(s, header.row, labelCol);
        int block = 0;
        int lastRow = header.row;
        List<String> periodLabels = columns.periods.stream().map(Period::label).toList();
        // What each row says depends on that row alone, so a big sheet is looked at on all cores;
        // the walk that follows (sections, blocks) is sequential.
        int first = header.row + 1;
        RowFacts[] facts = new RowFacts[Math.max(0, s.rowCount() - first)];
        int labelColumn = labelCol;
        int typeColumn = costTypeCol;
        int layerColumn = layerCol;
        Parallel.forRange(facts.length, 1000, (from, to) -> {
            for (int i = from; i < to; i++) {
                facts[i] = RowFacts.of(s, first + i, columns.columns, firstPeriodCol, labelColumn, typeColumn,
                        layerColumn);
            }
        });
        for (int i = 0; i < facts.length; i++) {
            RowFacts f = facts[i];
            int r = first + i;
            if (f == null) {
                continue;
            }
            if (r > header.row + 1 && f.mayBeHeader) {
                Header again = headerAt(s, r);
                if (again != null && again.periods.size() >= 2) {
                    boolean same = again.periods.stream().map(Period::label).toList().containsAll(periodLabels);
                    if (!same) {
                        break;
                    }
                    continue;
                }
            }
            if (f.label == null) {
                continue;
            }
            Object heading = f.heading;
            if (!f.hasNumber && f.errors == 0) {
                // Words across the period columns (a sub-header such as "Sum of Cost") make no line.
                if (heading != null) {
                    section = heading;
                    block++;
                }
                continue;
            }
            if (f.percent && !f.hasNumber) {
                continue;
            }
            if (f.percent || f.totalOrRatio || (f.formulas > 0 && f.aggregates * 2 >= f.formulas)) {
                block++;
                continue;
            }
            Object own = section;
            if (heading != null) {
                // A named row with amounts is placed by its own name; it opens a new block only for the
                // main sections, so "Engineering 120" under Operating expenses does not move the lines after it.
                own = heading;
                block++;
                if (section == Section.NONE || heading == Placement.REVENUE || heading == Placement.COST_OF_REVENUE
                        || heading == Placement.OTHER_OPEX || heading == Section.SKIP) {
                    section = heading;
                }
            }
            if (own == Section.SKIP) {
                continue;
            }
            Candidate c = new Candidate();
            c.row = r;
            c.label = f.label.trim();
            c.labelColumn = f.labelColumn;
            c.otherText = f.otherText;
            c.values = f.values;
            c.headingRow = heading != null;
            c.block = block;
            if (own instanceof Placement p) {
                c.placement = p;
            } else if (f.revenueWords) {
                c.placement = Placement.REVENUE;
            }
            if (f.problem != null) {
                c.problem = f.problem + (f.problemCount > 1 ? " (and " + (f.problemCount - 1) + " more cells)" : "");
                c.problemCell = f.problemCell;
                c.problemWhat = f.problemWhat;
            }
            candidates.add(c);
        }
        dropValueSubtotals(candidates);
        List<Candidate> lines = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.dropped) {
                continue;
            }
            if (c.problem != null) {
                // Never dropped in silence: the line stays in the reading, named with its cell, and is
                // left out of every figure rather than read as zero.
                problems.add(new Problem(s.name() + "!" + SourceRef.cellName(c.row, c.labelColumn),
                        "'" + c.label + "' could not be read: " + c.problem + "; it is left out of every figure"
                                + " (not read as zero); fix the cell in the workbook and read it again.",
                        c.label, c.problemCell, c.problemWhat));
                continue;
            }
            lines.add(c);
        }
        if (lines.isEmpty()) {
            return null;
        }
        for (Candidate c : lines) {
            lastRow = Math.max(lastRow, c.row);
        }
        return new SheetTable(s, columns, labelCol, costTypeCol, layerCol, unitScale, unitsNote, lines, lastRow,
                problems);
    }

    /** What one row holds, worked out without reference to the rows around it. */
    private static final class RowFacts {
        boolean mayBeHeader;
        String label;
        int labelColumn;
        String otherText;
        double[] values;
        boolean hasNumber;
        boolean percent;
        String problem;
        String problemCell;
        String problemWhat;
        int problemCount;
        int errors;
        int aggregates;
        int formulas;
        Object heading;
        boolean totalOrRatio;
        boolean revenueWords;

        /** Null for an empty row. */
        static RowFacts of(GridSheet s, int r, int[] periodColumns, int firstPeriodCol, int labelCol, int costTypeCol,
                           int layerCol) {
            int width = s.width(r);
            if (width == 0) {
                return null;
            }
            RowFacts f = new RowFacts();
            f.mayBeHeader = mayBeHeader(s, r);
            f.labelColumn = labelCol;
            f.label = textAt(s, r, labelCol);
            StringBuilder other = new StringBuilder();
            for (int c = 0; c < firstPeriodCol && c < width; c++) {
                if (c == costTypeCol || c == layerCol || c == labelCol) {
                    continue;
                }
                String t = textAt(s, r, c);
                if (t != null && CellValues.text(t).status() == CellValues.Status.PROBLEM) {
                    if (f.label == null) {
                        f.label = t;
                        f.labelColumn = c;
                    } else {
                        other.append(other.length() == 0 ? "" : " ").append(t);
                    }
                }
            }
            f.otherText = other.toString();
            f.values = new double[periodColumns.length];
            Object[] entries = s.rowCells(r);
            double[] numbers = s.rowNumbers(r);
            for (int i = 0; i < periodColumns.length; i++) {
                int col = periodColumns[i];
                if (col < entries.length && GridSheet.isPlain(entries[col]) && Double.isFinite(numbers[col])) {
                    // The common case, straight from the row's arrays: a plain number.
                    f.values[i] = numbers[col];
                    f.hasNumber = true;
                    continue;
                }
                GridCell cell = s.cell(r, col);
                CellValues.Value v = CellValues.read(cell);
                switch (v.status()) {
                    case NUMBER -> {
                        f.values[i] = v.number();
                        f.hasNumber = true;
                    }
                    case PERCENT -> f.percent = true;
                    case PROBLEM -> {
                        if (cell != null && cell.kind() != GridCell.Kind.TEXT) {
                            f.errors++;
                        }
                        if (f.problem == null) {
                            f.problemCell = s.name() + "!" + SourceRef.cellName(r, col);
                            f.problemWhat = cell != null && cell.kind() == GridCell.Kind.ERROR ? cell.text()
                                    : v.problem();
                            f.problem = f.problemCell + " holds " + v.problem();
                        }
                        f.problemCount++;
                    }
                    default -> {
                    }
                }
                if (cell != null && cell.formula() != null) {
                    f.formulas++;
                    if (isVerticalAggregate(cell.formula(), r, col)) {
                        f.aggregates++;
                    }
                }
            }
            if (f.label != null) {
                String norm = normalize(f.label);
                f.heading = sectionOf(norm);
                f.totalOrRatio = isTotalOrRatio(norm);
                f.revenueWords = looksLikeRevenue(norm);
            }
            return f;
        }
    }

    /** Cheap test before {@link #headerAt}: a header has at least two words or dates. */
    private static boolean mayBeHeader(GridSheet s, int r) {
        Object[] entries = s.rowCells(r);
        if (entries == null) {
            return false;
        }
        int n = 0;
        for (Object entry : entries) {
            if (entry instanceof GridCell c && (c.isText() || c.format() == GridCell.Format.DATE) && ++n >= 2) {
                return true;
            }
        }
        return false;
    }

    /** A title above the header such as "Cost of revenue detail" sets the section of a sheet with no headings. */
    private static Object titleSection(GridSheet s, int headerRow, int labelCol) {
        for (int r = 0; r < headerRow; r++) {
            for (GridCell cell : s.row(r)) {
                if (cell != null && cell.isText()) {
                    Object sec = sectionOf(normalize(cell.text()));
                    if (sec instanceof Placement p && p != Placement.REVENUE) {
                        return sec;
                    }
                }
            }
        }
        return Section.NONE;
    }

    /**
     * A row whose amounts equal the sum of the lines just above it (or just below a heading) is a
     * subtotal. Prefix sums of row totals per block find a candidate span in O(log n); the span is
     * then checked period by period, so big sheets stay fast and chance matches are ruled out.
     */
    private static void dropValueSubtotals(List<Candidate> candidates) {
        int size = candidates.size();
        double[] totals = new double[size];
        for (int i = 0; i < size; i++) {
            double t = 0;
            for (double v : candidates.get(i).values) {
                t += v;
            }
            totals[i] = t;
        }
        Prefixes current = new Prefixes();
        Prefixes previous = null;
        double running = 0;
        double previousRunning = 0;
        int previousEnd = -1;
        int block = Integer.MIN_VALUE;
        Placement previousPlacement = null;
        Placement lastPlacement = null;
        for (int i = 0; i < size; i++) {
            Candidate c = candidates.get(i);
            if (c.block != block) {
                previous = current;
                previousRunning = running;
                previousEnd = i - 1;
                previousPlacement = lastPlacement;
                current = new Prefixes();
                running = 0;
                current.add(0.0, i);
                block = c.block;
            }
            if (c.problem == null && !isZero(c.values)) {
                int n = c.values.length;
                if (spanMatches(candidates, current, running - totals[i], i - 1, c, n)) {
                    c.dropped = true;
                } else if (c.headingRow && previous != null && previousPlacement == c.placement
                        && c.block == candidates.get(Math.max(0, previousEnd)).block + 1
                        && spanMatches(candidates, previous, previousRunning - totals[i], previousEnd, c, n)) {
                    c.dropped = true;
                }
            }
            if (c.dropped) {
                current = new Prefixes();
                running = 0;
                current.add(0.0, i + 1);
                continue;
            }
            if (c.problem == null) {
                running += totals[i];
                current.add(running, i + 1);
                lastPlacement = c.placement;
            }
            if (!c.headingRow) {
                continue;
            }
            // A heading row with amounts that the lines below it add up to.
            double[] sum = new double[c.values.length];
            int count = 0;
            for (int j = i + 1; j < size && j <= i + MAX_SUBTOTAL_SPAN; j++) {
                Candidate below = candidates.get(j);
                if (below.headingRow || below.placement != c.placement) {
                    break;
                }
                if (below.problem != null) {
                    continue;
                }
                add(sum, below.values);
                count++;
                if (count >= 2 && equal(sum, c.values)) {
                    c.dropped = true;
                    current = new Prefixes();
                    running = 0;
                    current.add(0.0, i + 1);
                    break;
                }
            }
        }
    }

    /** True when the lines from some recorded start up to {@code end} (two or more) add up to {@code c}. */
    private static boolean spanMatches(List<Candidate> candidates, Prefixes prefixes, double target, int end,
                                       Candidate c, int n) {
        double tol = 0.5 * n + 1e-9 * Math.abs(target);
        int[] tries = {0};
        if (prefixes.map == null) {
            for (int k = prefixes.from(target - tol); k < prefixes.count && prefixes.sums[k] <= target + tol; k++) {
                if (spanFrom(candidates, prefixes.starts[k], end, c, n, tries)) {
                    return true;
                }
            }
            return false;
        }
        for (List<Integer> starts : prefixes.map.subMap(target - tol, true, target + tol, true).values()) {
            for (int j : starts) {
                if (spanFrom(candidates, j, end, c, n, tries)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One candidate start: at most nine are summed per subtotal, so a big block stays linear. */
    private static boolean spanFrom(List<Candidate> candidates, int j, int end, Candidate c, int n, int[] tries) {
        if (end - j < 1 || tries[0]++ > 8) {
            return false;
        }
        int lines = 0;
        for (int k = j; k <= end; k++) {
            if (candidates.get(k).problem == null) {
                lines++;
            }
        }
        return lines >= 2 && equal(sumOf(candidates, j, end, n), c.values);
    }

    /**
     * The running sums of a block, each with the line a span starting after it begins at, found by
     * range in ascending order of sum (then of line), as a sorted map would give them. Amounts of one
     * sign make the sums rise, so they stay in arrays and a range is a binary search; the first sum
     * that falls (a negative line) moves them into a sorted map.
     */
    private static final class Prefixes {
        double[] sums = new double[16];
        int[] starts = new int[16];
        int count;
        TreeMap<Double, List<Integer>> map;

        void add(double sum, int start) {
            if (map == null && (count == 0 || sum >= sums[count - 1])) {
                if (count == sums.length) {
                    sums = java.util.Arrays.copyOf(sums, count * 2);
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                sums[count] = sum;
                starts[count] = start;
                count++;
                return;
            }
            if (map == null) {
                map = new TreeMap<>();
                for (int k = 0; k < count; k++) {
                    map.computeIfAbsent(sums[k], key -> new ArrayList<>()).add(starts[k]);
                }
            }
            map.computeIfAbsent(sum, key -> new ArrayList<>()).add(start);
        }

        /** The first index whose sum is at least {@code low}. */
        int from(double low) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sums[mid] < low) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static double[] sumOf(List<Candidate> candidates, int from, int to, int n) {
        double[] sum = new double[n];
        for (int j = from; j <= to; j++) {
            Candidate p = candidates.get(j);
            if (p.problem == null) {
                add(sum, p.values);
            }
        }
        return sum;
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void add(double[] sum, double[] v) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += v[k];
        }
    }

    private static boolean equal(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k] - b[k]) > 0.5 + 1e-9 * Math.abs(b[k])) {
                return false;
            }
        }
        return true;
    }

    /** =SUM(C5:C9), =C5+C6-C9, =SUBTOTAL(9,C5:C9): only cells of the same column, at least two of them. */
    static boolean isVerticalAggregate(String formula, int row, int col) {
        return isAggregate(formula, row, col, true);
    }

    /** =SUM(C5:N5) or =C5+D5+E5: only cells of the same row, at least two of them. */
    static boolean isHorizontalAggregate(String formula, int row, int col) {
        return isAggregate(formula, row, col, false);
    }

    private static boolean isAggregate(String formula, int row, int col, boolean vertical) {
        if (formula == null || formula.indexOf('!') >= 0 || !AGGREGATE_FORMULA.matcher(formula).matches()) {
            return false;
        }
        String f = formula.toUpperCase(Locale.ROOT);
        if (f.contains("*") || f.contains("/")) {
            return false;
        }
        Matcher m = CELL_REF.matcher(f);
        int cells = 0;
        while (m.find()) {
            int c1 = columnIndex(m.group(1));
            int r1 = Integer.parseInt(m.group(2)) - 1;
            int c2 = m.group(3) == null ? c1 : columnIndex(m.group(3));
            int r2 = m.group(4) == null ? r1 : Integer.parseInt(m.group(4)) - 1;
            if (vertical ? (c1 != col || c2 != col) : (r1 != row || r2 != row)) {
                return false;
            }
            cells += vertical ? Math.abs(r2 - r1) + 1 : Math.abs(c2 - c1) + 1;
        }
        return cells >= 2;
    }

    private static int columnIndex(String letters) {
        int c = 0;
        for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    /** Drops full-year or total columns: coarser than the rest, or SUM formulas over neighbouring periods. */
    private static Header dropTotalColumns(GridSheet s, Header h) {
        List<Integer> keep = new ArrayList<>();
        List<Period> kept = new ArrayList<>();
        for (int i = 0; i < h.columns.length; i++) {
            int col = h.columns[i];
            int formulas = 0;
            int aggregates = 0;
            int limit = Math.min(s.rowCount(), h.row + 200);
            for (int r = h.row + 1; r < limit; r++) {
                if (s.isPlainNumber(r, col)) {
                    continue;
                }
                GridCell cell = s.cell(r, col);
                if (cell != null && cell.formula() != null) {
                    formulas++;
                    if (isHorizontalAggregate(cell.formula(), r, col)) {
                        aggregates++;
                    }
                }
            }
            if (formulas > 0 && aggregates * 2 > formulas) {
                continue;
            }
            keep.add(col);
            kept.add(h.periods.get(i));
        }
        return new Header(h.row, keep.stream().mapToInt(Integer::intValue).toArray(), kept, h.granularity);
    }

    private static String textAt(GridSheet s, int r, int c) {
        GridCell cell = s.cell(r, c);
        return cell != null && cell.isText() ? cell.text().trim() : null;
    }

    // ---------------------------------------------------------------- header row

    private static Header findHeader(GridSheet s, int from, int to) {
        Header best = null;
        for (int r = from; r < to; r++) {
            Header h = headerAt(s, r);
            if (h != null && (best == null || h.periods.size() > best.periods.size())) {
                best = h;
            }
        }
        return best;
    }

    /** The periods a row names, or null when it names fewer than two (three for bare numbers). */
    private static Header headerAt(GridSheet s, int r) {
        GridCell[] row = s.row(r);
        if (row.length == 0) {
            return null;
        }
        List<Integer> cols = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        List<Integer> dateCols = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        int plainNumbers = 0;
        for (int c = 0; c < row.length; c++) {
            GridCell cell = row[c];
            if (cell == null) {
                continue;
            }
            if (cell.isNumber() && cell.format() == GridCell.Format.DATE) {
                LocalDate d = PeriodParser.serialToDate(cell.number());
                if (d != null) {
                    dateCols.add(c);
                    dates.add(d);
                }
                continue;
            }
            if (cell.isNumber()) {
                plainNumbers++;
                continue;
            }
            Period p = PeriodParser.parse(cell);
            if (p != null) {
                cols.add(c);
                periods.add(p);
            }
        }
        if (dates.isEmpty() && plainNumbers >= 3) {
            // Date serials without a date format: only a steady monthly, quarterly or yearly step counts.
            for (int c = 0; c < row.length; c++) {
                GridCell cell = row[c];
                if (cell != null && cell.isNumber() && cell.number() >= 20000 && cell.number() <= 80000
                        && cell.number() == Math.rint(cell.number())) {
                    dateCols.add(c);
                    dates.add(PeriodParser.serialToDate(cell.number()));
                }
            }
            if (dates.size() < 3 || steadyStep(dates) == null) {
                dateCols.clear();
                dates.clear();
            }
            if (dates.isEmpty()) {
                addPlainYears(row, cols, periods);
            }
        }
        if (!dates.isEmpty()) {
            Granularity g = steadyStep(dates);
            if (g == null) {
                g = Granularity.MONTH;
            }
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                Period p = g == Granularity.QUARTER ? PeriodParser.quarterOf(d)
                        : g == Granularity.YEAR ? PeriodParser.yearOf(d) : PeriodParser.month(d);
                int at = 0;
                while (at < cols.size() && cols.get(at) < dateCols.get(i)) {
                    at++;
                }
                cols.add(at, dateCols.get(i));
                periods.add(at, p);
            }
        }
        // The most common length wins; coarser periods in the same row (FY26 after twelve months) are totals.
        Map<Granularity, Integer> counts = new HashMap<>();
        for (Period p : periods) {
            if (!p.total()) {
                counts.merge(p.granularity(), 1, Integer::sum);
            }
        }
        Granularity g = null;
        int n = 0;
        for (Map.Entry<Granularity, Integer> e : counts.entrySet()) {
            if (e.getValue() > n || e.getValue() == n && g != null && e.getKey().perYear() > g.perYear()) {
                g = e.getKey();
                n = e.getValue();
            }
        }
        if (g == null || n < 2) {
            return null;
        }
        List<Integer> keepCols = new ArrayList<>();
        List<Period> keep = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (!periods.get(i).total() && periods.get(i).granularity() == g) {
                keepCols.add(cols.get(i));
                keep.add(periods.get(i));
            }
        }
        return new Header(r, keepCols.stream().mapToInt(Integer::intValue).toArray(), keep, g);
    }

    private static void addPlainYears(GridCell[] row, List<Integer> cols, List<Period> periods) {
        List<Integer> yc = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int c = 0; c < row.length; c++) {
            GridCell cell = row[c];
            if (cell != null && cell.isNumber()) {
                double v = cell.number();
                if (v >= 1990 && v <= 2100 && v == Math.rint(v)) {
                    yc.add(c);
                    years.add((int) v);
                } else {
                    return;
                }
            }
        }
        for (int i = 1; i < years.size(); i++) {
            if (years.get(i) != years.get(i - 1) + 1) {
                return;
            }
        }
        if (years.size() >= 3) {
            for (int i = 0; i < years.size(); i++) {
                cols.add(yc.get(i));
                periods.add(new Period(Integer.toString(years.get(i)), Granularity.YEAR, years.get(i) * 12, false));
            }
        }
    }

    private static Granularity steadyStep(List<LocalDate> dates) {
        if (dates.size() < 2) {
            return Granularity.MONTH;
        }
        Granularity g = null;
        for (int i = 1; i < dates.size(); i++) {
            long days = dates.get(i).toEpochDay() - dates.get(i - 1).toEpochDay();
            Granularity step = days >= 28 && days <= 31 ? Granularity.MONTH
                    : days >= 89 && days <= 92 ? Granularity.QUARTER
                    : days >= 365 && days <= 366 ? Granularity.YEAR : null;
            if (step == null || g != null && step != g) {
                return null;
            }
            g = step;
        }
        return g;
    }

    // ---------------------------------------------------------------- labels

    static String normalize(String label) {
        if (isPlain(label)) {
            return label.toLowerCase(Locale.ROOT);
        }
        return label.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replace('–', '-').replace('—', '-')
                .transform(x -> LEADING_NUMBERING.matcher(x).replaceFirst(""))
                .transform(x -> TRAILING_COLON.matcher(x).replaceFirst(""))
                .transform(x -> SPACES.matcher(x).replaceAll(" ")).trim();
    }

    private static final Pattern BELOW_LINE = Pattern.compile(
            "other income.*|other expense.*|other \\(income\\).*|non-operating.*|interest.*|income tax.*|taxes"
                    + "|tax|financing.*|depreciation.*|amortization.*|amortisation.*|below the line.*|extraordinary.*");
    private static final Pattern METRICS = Pattern.compile(
            "kpis?|metrics|key metrics|operating metrics|saas metrics|drivers|assumptions|unit economics|headcount"
                    + "|statistics|memo.*|notes?");
    private static final Pattern COGS = Pattern.compile(
            ".*\\b(cost of revenues?|costs of revenues?|cost of sales|cost of goods( sold)?|cogs|direct costs?"
                    + "|cost of services?|cost of subscriptions?)\\b.*");
    private static final Pattern RND = Pattern.compile(
            "(.*\\b(research (and|&) development|r ?& ?d|product development)\\b.*|engineering)");
    private static final Pattern SM = Pattern.compile(
            ".*\\b(sales (and|&) marketing|s ?& ?m|selling)\\b.*|marketing|sales and marketing expenses?");
    private static final Pattern GA = Pattern.compile(
            ".*\\b(general (and|&) administrative|g ?& ?a)\\b.*|administrative|admin|administration");
    private static final Pattern OPEX = Pattern.compile(
            "(other )?(operating expenses?|operating costs?|opex|overheads?|expenses|costs|operating expenditure)"
                    + "( \\(.*\\))?");
    private static final Pattern REVENUE = Pattern.compile(
            "(net |gross |total )?(revenues?|sales|turnover)( \\(.*\\)| by .*| - .*)?|revenues? .*|income");

    /** How a match of each anchored pattern above must begin; a label that begins otherwise skips it. */
    private static final String[] BELOW_LINE_STARTS = {"other ", "non-operating", "interest", "income tax", "tax",
            "financing", "depreciation", "amorti", "below the line", "extraordinary"};
    private static final String[] METRICS_STARTS = {"kpi", "metrics", "key metrics", "operating metrics",
            "saas metrics", "drivers", "assumptions", "unit economics", "headcount", "statistics", "memo", "note"};
    private static final String[] OPEX_STARTS = {"other ", "operating", "opex", "overhead", "expenses", "costs"};
    private static final String[] REVENUE_STARTS = {"net ", "gross ", "total ", "revenue", "sales", "turnover",
            "income"};

    private static boolean startsWithAny(String s, String[] starts) {
        for (String start : starts) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** The section a heading opens: a placement, SKIP for metrics and below-the-line blocks, or null. */
    /** A label that starts with a letter, ends with a letter, digit or bracket, and has single spaces only. */
    private static boolean isPlain(String label) {
        int n = label.length();
        if (n == 0 || !Character.isLetter(label.charAt(0))) {
            return false;
        }
        char last = label.charAt(n - 1);
        if (!Character.isLetterOrDigit(last) && last != ')') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char ch = label.charAt(i);
            if (ch == '\u00a0' || ch == '–' || ch == '—' || ch == '\t' || ch == '\n'
                    || ch == ' ' && i + 1 < n && label.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Words one of which every section heading contains; most line labels have none, so no regex runs. */
    private static final WordSet SECTION_WORDS = new WordSet("cost", "cogs", "direct", "research", "r&d", "r &d", "r& d", "r & d",
            "development", "engineering", "sales", "marketing", "s&m", "s &m", "s& m", "s & m", "selling", "general",
            "g&a", "g &a", "g& a", "g & a", "admin", "operating", "opex", "overhead", "expens", "revenue", "turnover",
            "income", "other", "interest", "tax", "financing", "depreciation", "amorti", "below", "extraordinary",
            "kpi", "metric", "driver", "assumption", "unit economics", "headcount", "statistic", "memo", "note");
    /** Likewise for totals, profit, margin and metric rows. */
    private static final WordSet TOTAL_WORDS = new WordSet("total", "gross", "contribution", "ebit", "operating", "net ",
            "profit", "tax", "margin", "growth", "yoy", "mom", "arr", "mrr", "arp", "churn", "cac", "ltv", "nrr",
            "grr", "headcount", "fte", "number of", "burn", "runway", "cash", "%", "percent");

    private static boolean containsAny(String s, WordSet words) {
        return words.foundIn(s);
    }

    /**
     * A fixed set of lower-case ASCII words, and one pass over a text that says whether it contains
     * any of them (as {@code text.contains(word)} for each word would, without a scan per word).
     */
    static final class WordSet {
        private final String[][] byFirstTwo = new String[128 * 128][];
        private final boolean[] single = new boolean[128];

        WordSet(String... words) {
            for (String w : words) {
                boolean ascii = !w.isEmpty();
                for (int i = 0; i < w.length() && ascii; i++) {
                    ascii = w.charAt(i) < 128;
                }
                if (!ascii) {
                    throw new IllegalArgumentException("not a non-empty ASCII word: '" + w + "'");
                }
                if (w.length() == 1) {
                    single[w.charAt(0)] = true;
                    continue;
                }
                int key = w.charAt(0) * 128 + w.charAt(1);
                String[] had = byFirstTwo[key];
                String[] grown = had == null ? new String[1] : java.util.Arrays.copyOf(had, had.length + 1);
                grown[grown.length - 1] = w;
                byFirstTwo[key] = grown;
            }
        }

        boolean foundIn(String text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char a = text.charAt(i);
                if (a >= 128) {
                    continue;
                }
                if (single[a]) {
                    return true;
                }
                if (i + 1 < n) {
                    char b = text.charAt(i + 1);
                    String[] candidates = b < 128 ? byFirstTwo[a * 128 + b] : null;
                    if (candidates != null) {
                        for (String w : candidates) {
                            if (text.startsWith(w, i)) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }
    }

    private static Object sectionOf(String norm) {
        if (norm.isEmpty() || !containsAny(norm, SECTION_WORDS) || spaces(norm) > 6) {
            return null;
        }
        // Each test first asks for a word its pattern cannot match without, so a line label such as
        // "Marketing - paid search" runs none of the slow ".*\b(...)\b.*" patterns.
        boolean ampersand = norm.indexOf('&') >= 0;
        if ((norm.contains("cost") || norm.contains("cogs")) && COGS.matcher(norm).matches()) {
            return Placement.COST_OF_REVENUE;
        }
        if (startsWithAny(norm, BELOW_LINE_STARTS) && BELOW_LINE.matcher(norm).matches()
                || startsWithAny(norm, METRICS_STARTS) && METRICS.matcher(norm).matches()) {
            return Section.SKIP;
        }
        if ((ampersand || norm.contains("research") || norm.contains("development") || norm.equals("engineering"))
                && RND.matcher(norm).matches()) {
            return Placement.RESEARCH_DEVELOPMENT;
        }
        if ((ampersand || norm.contains("sales") || norm.contains("selling") || norm.equals("marketing"))
                && SM.matcher(norm).matches()) {
            return Placement.SALES_MARKETING;
        }
        if ((ampersand || norm.contains("general") || norm.startsWith("admin")) && GA.matcher(norm).matches()) {
            return Placement.GENERAL_ADMIN;
        }
        if (startsWithAny(norm, OPEX_STARTS) && OPEX.matcher(norm).matches()) {
            return Placement.OTHER_OPEX;
        }
        if (startsWithAny(norm, REVENUE_STARTS) && REVENUE.matcher(norm).matches()) {
            return Placement.REVENUE;
        }
        return null;
    }

    private static final Pattern TOTAL_OR_RATIO = Pattern.compile(
            "\\b(total|totals|subtotal|sub-total|gross profit|gross margin|gross loss|contribution margin"
                    + "|contribution|ebitda|ebit|operating income|operating profit|operating loss|operating result"
                    + "|net income|net loss|net profit|net result|profit before.*|pre-tax|pretax|margin|margins"
                    + "|growth|yoy|mom|arr|mrr|arpa|arpu|churn|cac|ltv|nrr|grr|headcount|fte|ftes|number of"
                    + "|burn|runway|cash balance)\\b|%|\\bas a percent|^#");

    private static boolean isTotalOrRatio(String norm) {
        // '#' counts only at the start ("# of customers"), so "Datadog #2" does not run the pattern.
        return (norm.startsWith("#") || containsAny(norm, TOTAL_WORDS)) && TOTAL_OR_RATIO.matcher(norm).find();
    }

    /** Every word REVENUE_WORDS knows contains one of these, so most labels skip the regex. */
    private static final WordSet REVENUE_STEMS = new WordSet("revenue", "sales", "subscription", "booking", "turnover");

    private static boolean looksLikeRevenue(String norm) {
        return containsAny(norm, REVENUE_STEMS) && REVENUE_WORDS.matcher(norm).find()
                && !COST_WORDS.matcher(norm).find();
    }

    private static int spaces(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
