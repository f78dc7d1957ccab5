package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.cells.GridSheet;

/**
 * One candidate table on a sheet: its period header, the rows below it down to the next header
 * (or the next statement's heading), and its label column. A statement split over sheets is
 * several blocks read together.
 */
final class StatementBlock {
    final GridSheet sheet;
    final StatementPeriods.Columns columns;
    final int firstRow;
    final int lastRow;
    final int labelColumn;
    /** The sheet's range as the user named it with --table, or null for a block found by the reader. */
    final String givenRange;
    /** "periods in columns" or "long format". */
    String orientation = "periods in columns";
    /** For a pivoted long-format table: the range it came from. */
    String sourceRange;
    String title;
    /** For a block stacked with others of one statement on its sheet: the year that tells it apart ("FY2025"). */
    String partName;
    double score;
    String why = "";

    StatementBlock(GridSheet sheet, StatementPeriods.Columns columns, int firstRow, int lastRow, int labelColumn,
                   String givenRange) {
        this.sheet = sheet;
        this.columns = columns;
        this.firstRow = firstRow;
        this.lastRow = lastRow;
        this.labelColumn = labelColumn;
        this.givenRange = givenRange;
    }

    /** The column naming each row's category, -1 for none, -2 until worked out. */
    private int categoryColumn = -2;

    /** The column naming each row's category ({@link CategoryColumns#of}), -1 for none; worked out once. */
    int categoryColumn() {
        if (categoryColumn == -2) {
            categoryColumn = CategoryColumns.of(this);
        }
        return categoryColumn;
    }

    /** The leftmost period column: a row's label stands left of it. */
    int firstPeriodColumn() {
        int first = columns.columns()[0];
        for (int c : columns.columns()) {
            first = Math.min(first, c);
        }
        return first;
    }

    String range() {
        if (sourceRange != null) {
            return sourceRange;
        }
        int last = columns.columns()[0];
        for (int c : columns.columns()) {
            last = Math.max(last, c);
        }
        return SourceRef.cellName(columns.row(), Math.min(labelColumn, columns.columns()[0])) + ":"
                + SourceRef.cellName(lastRow, last);
    }
}
