package com.marginworkbench.workbook.statement;

import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Layer;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.cells.Parallel;
import com.marginworkbench.workbook.statement.CostTableHeaders.Header;
import com.marginworkbench.workbook.statement.CostTableLabels.Section;
import com.marginworkbench.workbook.statement.PeriodParser.Period;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** A row that holds amounts and may become a line. */
    static final class Candidate {
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
            return lines.size() - revenueCount();
        }

        /** Counted with a plain loop: a stream over 20,000 lines is slow before the JIT has compiled it. */
        long revenueCount() {
            long n = 0;
            for (Candidate c : lines) {
                if (c.placement == Placement.REVENUE) {
                    n++;
                }
            }
            return n;
        }

        String range() {
            int first = labelColumn;
            if (costTypeColumn >= 0) {
                first = Math.min(first, costTypeColumn);
            }
            if (layerColumn >= 0) {
                first = Math.min(first, layerColumn);
            }
            int last = header.columns()[header.columns().length - 1];
            return SourceRef.cellName(header.row(), first) + ":" + SourceRef.cellName(lastRow, last);
        }
    }

    private static final int HEADER_SCAN_ROWS = 400;
    private static final Pattern AI_SHARE = Pattern.compile("(?:ai\\s*)?(\\d{1,3}(?:\\.\\d+)?)\\s*%(?:\\s*ai)?");
    private static final Pattern THOUSANDS = Pattern.compile(
            "in thousands|thousands of|\\(000s?\\)|\\$\\s?000s?|'000s?|’000s?|\\b000s\\b|\\busd\\s?k\\b|\\$k\\b|\\(k\\)|eur\\s?k\\b|gbp\\s?k\\b|\\bk\\s?usd\\b|\\bthousands\\b|\\bin k\\b");
    private static final Pattern MILLIONS = Pattern.compile(
            "in millions|millions of|\\$\\s?m{1,2}n?\\b|\\busd\\s?m{1,2}n?\\b|\\beur\\s?m{1,2}n?\\b|\\bgbp\\s?m{1,2}n?\\b|\\(m\\)|\\bmillions\\b|\\bin m\\b");
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
        List<String> labels = primary.header.periods().stream().map(Period::label).toList();
        List<SheetTable> used = new ArrayList<>();
        used.add(primary);
        if (primary.revenueCount() == 0) {
            SheetTable revenueSource = null;
            for (SheetTable t : tables) {
                if (t != primary && t.revenueCount() > 0 && !t.sheet.hidden()
                        && t.header.periods().stream().map(Period::label).toList().equals(labels)
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
        return new Detection(new Periods(labels, primary.header.granularity()), revenue, costs, decisions, problems,
                infos);
    }

    private void build(SheetTable t, boolean primary, List<RevenueLine> revenue, List<CostLine> costs,
                       List<LineDecision> decisions, List<Problem> problems) {
        // A block whose lines are mostly entered negative holds costs typed with a minus. Revenue goes
        // by its sum: discounts and refunds typed negative under a positive gross revenue are revenue
        // reductions, not a sign that revenue is typed negative.
        Map<Placement, double[]> signs = signs(t);
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
        boolean unplacedNoted = false;
        for (int index = 0; index < t.lines.size(); index++) {
            // one call per line, not one long loop: the JIT compiles the line's method once, where
            // a 20,000-line loop was compiled on the stack with everything in it (~70 ms a run)
            unplacedNoted = line(t, primary, t.lines.get(index), signs, suggestions[index], unplacedNoted, revenue,
                    costs, decisions, problems);
        }
    }

    /** Per placement, how many lines (by amount for revenue) total negative [0] and positive [1]. */
    private static Map<Placement, double[]> signs(SheetTable t) {
        Map<Placement, double[]> signs = new HashMap<>();
        for (Candidate c : t.lines) {
            double total = 0;
            for (double v : c.values) {
                total += v;
            }
            double[] s = signs.computeIfAbsent(c.placement, k -> new double[2]);
            if (c.placement == Placement.REVENUE) {
                s[total < 0 ? 0 : 1] += Math.abs(total);
            } else if (total < 0) {
                s[0]++;
            } else if (total > 0) {
                s[1]++;
            }
        }
        return signs;
    }

    /** Reads one candidate into a revenue or cost line; returns whether the unplaced lines have been noted. */
    private boolean line(SheetTable t, boolean primary, Candidate c, Map<Placement, double[]> signs,
                         VendorDictionary.Suggestion sug, boolean unplacedNoted, List<RevenueLine> revenue,
                         List<CostLine> costs, List<LineDecision> decisions, List<Problem> problems) {
        double[] s = signs.get(c.placement);
        double sign = s[0] > s[1] ? -1 : 1;
        double scale = t.unitScale * sign;
        // the lines copy what they are given: amounts stored as they are need no copy here first
        double[] amounts = scale == 1 ? c.values : StatementChecks.signed(c.values, scale);
        SourceRef src = new SourceRef(t.sheet.name(), c.row, c.labelColumn, t.header.columns(), scale);
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
            return unplacedNoted;
        }
        if (!primary) {
            return unplacedNoted;
        }
        Placement placement = c.placement;
        if (placement == null) {
            placement = Placement.OTHER_OPEX;
            if (!unplacedNoted) {
                unplacedNoted = true;
                problems.add(new Problem(src.labelCell(), "Lines from row " + (c.row + 1) + " of " + t.sheet.name()
                        + " sit under no section heading (such as Cost of revenue or Operating expenses);"
                        + " they are taken as reported in operating expenses."));
            }
        }
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
        return unplacedNoted;
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
        Header header = CostTableHeaders.findHeader(s, 0, Math.min(s.rowCount(), HEADER_SCAN_ROWS));
        if (header == null) {
            return null;
        }
        int firstPeriodCol = header.columns()[0];
        int costTypeCol = -1;
        int layerCol = -1;
        GridCell[] hdr = s.row(header.row());
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
        int labelCol = StatementBlocks.labelColumn(s, header.row(), firstPeriodCol, s.rowCount() - 1,
                c -> c == typeCol || c == layer);
        if (labelCol < 0) {
            return null;
        }
        double unitScale = 1;
        String unitsNote = null;
        for (int r = 0; r <= header.row() && unitsNote == null; r++) {
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
        Header columns = CostTableHeaders.dropTotalColumns(s, header);
        if (columns.columns().length == 0) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Object section = CostTableLabels.titleSection(s, header.row(), labelCol);
        int block = 0;
        int lastRow = header.row();
        List<String> periodLabels = columns.periods().stream().map(Period::label).toList();
        // What each row says depends on that row alone, so a big sheet is looked at on all cores;
        // the walk that follows (sections, blocks) is sequential.
        int first = header.row() + 1;
        CostRowFacts[] facts = new CostRowFacts[Math.max(0, s.rowCount() - first)];
        int labelColumn = labelCol;
        int typeColumn = costTypeCol;
        int layerColumn = layerCol;
        Parallel.forRange(facts.length, 1000, (from, to) -> {
            for (int i = from; i < to; i++) {
                facts[i] = CostRowFacts.of(s, first + i, columns.columns(), firstPeriodCol, labelColumn, typeColumn,
                        layerColumn);
            }
        });
        for (int i = 0; i < facts.length; i++) {
            CostRowFacts f = facts[i];
            int r = first + i;
            if (f == null) {
                continue;
            }
            if (r > header.row() + 1 && f.mayBeHeader) {
                Header again = CostTableHeaders.headerAt(s, r);
                if (again != null && again.periods().size() >= 2) {
                    boolean same = again.periods().stream().map(Period::label).toList().containsAll(periodLabels);
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
        CostTableSums.dropValueSubtotals(candidates);
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

    static String textAt(GridSheet s, int r, int c) {
        GridCell cell = s.cell(r, c);
        return cell != null && cell.isText() ? cell.text().trim() : null;
    }

}
