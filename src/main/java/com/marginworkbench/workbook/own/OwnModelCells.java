package com.marginworkbench.workbook.own;

import com.marginworkbench.workbook.SheetInfo;
import org.apache.poi.ss.SpreadsheetVersion;

import java.util.List;

/**
 * Where the own model's values come from: POI's user model ({@link UserModelCells}) or the saved
 * values of the streaming read ({@link SavedValueCells}), the same whichever. Sheets are named by
 * their real names, as {@link #sheet} returns them.
 */
interface OwnModelCells {
    /** The sheet's real name, looked up case-insensitively as Excel does; null when there is none. */
    String sheet(String name);

    /** Index of the last row that may hold a cell. */
    int lastRow(String sheet);

    /** The cell's value; null when there is no cell. */
    Value value(String sheet, int r, int c);

    /** True when the cell holds anything, even a formula (whose value is not needed). */
    boolean present(String sheet, int r, int c);

    /** The number of a cell holding a number without a formula; NaN for anything else. */
    double plainNumber(String sheet, int r, int c);

    /** What a defined name refers to (the first of that name in any scope); null when missing or empty. */
    String nameFormula(String name);

    /** Every sheet in tab order and whether it is hidden (no range). */
    List<SheetInfo> tabs();

    /** The grid size that cell references are checked against. */
    SpreadsheetVersion version();

    enum Type { NUMBER, TEXT, BLANK, ERROR, OTHER }

    /**
     * A cell's value as this reader uses it: the saved result of a formula, or its recalculation
     * ({@code recalculated}) when it was saved without one. {@code failure} names why a
     * recalculation failed; OTHER carries the kind's name in {@code text} ("boolean").
     */
    record Value(Type type, double number, String text, boolean recalculated, String failure,
                 RuntimeException unreadableError) {
        static Value number(double v, boolean recalculated) {
            return new Value(Type.NUMBER, v, null, recalculated, null, null);
        }

        static Value text(String s, boolean recalculated) {
            return new Value(Type.TEXT, 0, s, recalculated, null, null);
        }

        static Value error(String code, boolean recalculated) {
            return new Value(Type.ERROR, 0, code, recalculated, null, null);
        }

        static Value other(String kind, boolean recalculated) {
            return new Value(Type.OTHER, 0, kind, recalculated, null, null);
        }

        /** An error code, or the exception reading it threw, raised only when the number is wanted. */
        String errorCode() {
            if (unreadableError != null) {
                throw unreadableError;
            }
            return text;
        }
    }
}
