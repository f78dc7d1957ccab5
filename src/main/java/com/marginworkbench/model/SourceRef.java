package com.marginworkbench.model;

import java.util.Arrays;

/**
 * Where a line came from: its sheet, its row (0-based), the column of its label and the column
 * of each period's amount (0-based, -1 where the period has no cell). The scale turns the cell's
 * number into the model's amount (1000 for a sheet in thousands, -1 for costs entered negative).
 */
public record SourceRef(String sheet, int row, int labelColumn, int[] periodColumns, double scale) {
    public SourceRef {
        periodColumns = periodColumns.clone();
    }

    public int[] periodColumns() {
        return periodColumns.clone();
    }

    public int periodColumn(int period) {
        return periodColumns[period];
    }

    /** The label cell as a reader names it, e.g. {@code P&L!B12}. */
    public String labelCell() {
        return sheet + "!" + cellName(row, labelColumn);
    }

    /** The amount cell of one period, e.g. {@code P&L!D12}. */
    public String periodCell(int period) {
        return sheet + "!" + cellName(row, periodColumns[period]);
    }

    /** A1-style name of a 0-based row and column. */
    public static String cellName(int row, int column) {
        return columnName(column) + (row + 1);
    }

    /** A, B, ... Z, AA, ... for a 0-based column index. */
    public static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRef s && s.sheet.equals(sheet) && s.row == row && s.labelColumn == labelColumn
                && Arrays.equals(s.periodColumns, periodColumns) && Double.compare(s.scale, scale) == 0;
    }

    @Override
    public int hashCode() {
        return (sheet.hashCode() * 31 + row) * 31 + Arrays.hashCode(periodColumns);
    }

    @Override
    public String toString() {
        return labelCell();
    }
}
