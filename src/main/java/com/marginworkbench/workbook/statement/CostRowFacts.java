package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.cells.CellValues;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;

/** What one row holds, worked out without reference to the rows around it. */
final class CostRowFacts {
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
    static CostRowFacts of(GridSheet s, int r, int[] periodColumns, int firstPeriodCol, int labelCol, int costTypeCol,
                       int layerCol) {
        int width = s.width(r);
        if (width == 0) {
            return null;
        }
        CostRowFacts f = new CostRowFacts();
        f.mayBeHeader = CostTableHeaders.mayBeHeader(s, r);
        f.labelColumn = labelCol;
        f.label = TableDetector.textAt(s, r, labelCol);
        StringBuilder other = new StringBuilder();
        for (int c = 0; c < firstPeriodCol && c < width; c++) {
            if (c == costTypeCol || c == layerCol || c == labelCol) {
                continue;
            }
            String t = TableDetector.textAt(s, r, c);
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
        f.readValues(s, r, periodColumns);
        if (f.label != null) {
            String norm = CostTableLabels.normalize(f.label);
            f.heading = CostTableLabels.sectionOf(norm);
            f.totalOrRatio = CostTableLabels.isTotalOrRatio(norm);
            f.revenueWords = CostTableLabels.looksLikeRevenue(norm);
        }
        return f;
    }

    /**
     * The amounts in the period columns, and what stands where an amount should be. A method of its
     * own: its 60-column loop, run for every row, is compiled alone instead of taking the whole row
     * method with it.
     */
    private void readValues(GridSheet s, int r, int[] periodColumns) {
        Object[] entries = s.rowCells(r);
        double[] numbers = s.rowNumbers(r);
        for (int i = 0; i < periodColumns.length; i++) {
            int col = periodColumns[i];
            if (col < entries.length && GridSheet.isPlain(entries[col]) && Double.isFinite(numbers[col])) {
                // The common case, straight from the row's arrays: a plain number.
                values[i] = numbers[col];
                hasNumber = true;
                continue;
            }
            GridCell cell = s.cell(r, col);
            CellValues.Value v = CellValues.read(cell);
            switch (v.status()) {
                case NUMBER -> {
                    values[i] = v.number();
                    hasNumber = true;
                }
                case PERCENT -> percent = true;
                case PROBLEM -> {
                    if (cell != null && cell.kind() != GridCell.Kind.TEXT) {
                        errors++;
                    }
                    if (problem == null) {
                        problemCell = s.name() + "!" + SourceRef.cellName(r, col);
                        problemWhat = cell != null && cell.kind() == GridCell.Kind.ERROR ? cell.text()
                                : v.problem();
                        problem = problemCell + " holds " + v.problem();
                    }
                    problemCount++;
                }
                default -> {
                }
            }
            if (cell != null && cell.formula() != null) {
                formulas++;
                if (CostTableSums.isVerticalAggregate(cell.formula(), r, col)) {
                    aggregates++;
                }
            }
        }
    }
}
