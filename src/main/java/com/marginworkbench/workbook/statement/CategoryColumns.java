package com.marginworkbench.workbook.statement;

import com.marginworkbench.workbook.cells.GridSheet;

/**
 * A column of categories beside the line names ("Revenue", "Cost of revenue", "Operating expense"
 * repeated down the rows, the account's name in the next column), as exports and flat templates
 * write a statement: the names are the labels, and each row's category is its section.
 */
final class CategoryColumns {
    private CategoryColumns() {
    }

    /**
     * The label column: {@code best} (the column with most text), or where that column holds
     * categories, the column of names beside it (with at least half as many labels).
     */
    static int namesBeside(GridSheet s, int best, int bestCount, int headerRow, int firstPeriodCol, int limit,
                           java.util.function.IntPredicate skip) {
        if (!categories(s, best, headerRow, limit)) {
            return best;
        }
        for (int c = 0; c < firstPeriodCol; c++) {
            if (c != best && !skip.test(c) && textCount(s, c, headerRow, limit) * 2 >= bestCount
                    && !categories(s, c, headerRow, limit)) {
                return c;
            }
        }
        return best;
    }

    /**
     * A column of categories beside the label column ("Revenue", "Cost of revenue", "Operating
     * expense" repeated down the rows), whose words are the sections of the lines beside them; -1
     * where there is none.
     */
    static int of(StatementBlock b) {
        int first = b.firstPeriodColumn();
        int limit = Math.min(Math.min(b.lastRow, b.sheet.rowCount() - 1), b.columns.row() + StatementBlocks.LABEL_SCAN_ROWS);
        for (int c = 0; c < first; c++) {
            if (c != b.labelColumn && categories(b.sheet, c, b.columns.row(), limit)) {
                return c;
            }
        }
        return -1;
    }

    private static int textCount(GridSheet s, int c, int headerRow, int limit) {
        int count = 0;
        for (int r = headerRow + 1; r <= limit; r++) {
            if (StatementRows.text(s, r, c) != null) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether the column's words repeat (each word on two rows or more on average) and nearly all
     * open a section of a statement (revenue, cost of revenue, operating expenses, below the line).
     */
    private static boolean categories(GridSheet s, int c, int headerRow, int limit) {
        java.util.Map<String, Integer> words = new java.util.HashMap<>();
        int count = 0;
        for (int r = headerRow + 1; r <= limit; r++) {
            String t = StatementRows.text(s, r, c);
            if (t != null && !t.isEmpty()) {
                words.merge(t, 1, Integer::sum);
                count++;
            }
        }
        if (count < 4 || words.size() * 2 > count) {
            return false;
        }
        int sections = 0;
        for (java.util.Map.Entry<String, Integer> e : words.entrySet()) {
            if (StatementLabels.section(StatementLabels.normalize(e.getKey())) != null) {
                sections += e.getValue();
            }
        }
        return sections * 5 >= count * 4;
    }

    /** A row's meaning: its name's, or where the name says nothing, its category's ("Usage (API)" under "Revenue"). */
    static StatementLabels.Meaning meaning(StatementLabels.Meaning own, String category) {
        if (own != StatementLabels.Meaning.UNKNOWN || category == null) {
            return own;
        }
        StatementLabels.Meaning opened = StatementLabels.section(StatementLabels.normalize(category));
        return opened == null || opened == StatementLabels.Meaning.BELOW_THE_LINE ? own : opened;
    }
}
