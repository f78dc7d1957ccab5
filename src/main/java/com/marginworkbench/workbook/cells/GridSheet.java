package com.marginworkbench.workbook.cells;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet as a sparse grid, indexed by 0-based row and column. Plain numbers (no formula, general
 * format), by far the most common cell of a large sheet, are kept as bare doubles; every other cell
 * as a {@link GridCell}. A million-cell sheet then costs about a dozen bytes a number.
 */
public final class GridSheet {
    private static final GridCell[] EMPTY = new GridCell[0];
    /** Stands in the cell array where the value sits in the row's number array. */
    private static final Object PLAIN = new Object();

    private final String name;
    private final boolean hidden;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<double[]> numbers = new ArrayList<>();
    private int filledRows;

    public GridSheet(String name, boolean hidden) {
        this.name = name;
        this.hidden = hidden;
    }

    public String name() {
        return name;
    }

    public boolean hidden() {
        return hidden;
    }

    /** Columns the workbook hides (null while none is). */
    private java.util.BitSet hiddenColumns;

    /** Marks columns {@code from}..{@code to} (0-based, inclusive) as hidden in the workbook. */
    public void hideColumns(int from, int to) {
        if (from < 0 || to < from) {
            return;
        }
        if (hiddenColumns == null) {
            hiddenColumns = new java.util.BitSet();
        }
        hiddenColumns.set(from, Math.min(to, 16_383) + 1);
    }

    /** Whether the workbook hides column {@code c} (0-based). */
    public boolean columnHidden(int c) {
        return hiddenColumns != null && c >= 0 && hiddenColumns.get(c);
    }

    /** Number of rows up to the last one holding a cell. */
    public int rowCount() {
        return rows.size();
    }

    /** One past the last column of the row that may hold a cell (0 for an empty row). */
    public int width(int r) {
        Object[] cells = r >= 0 && r < rows.size() ? rows.get(r) : null;
        return cells == null ? 0 : cells.length;
    }

    /** True when the cell is a number with no formula and a general format (read it with {@link #number}). */
    public boolean isPlainNumber(int r, int c) {
        Object[] cells = r >= 0 && r < rows.size() ? rows.get(r) : null;
        return cells != null && c >= 0 && c < cells.length && cells[c] == PLAIN;
    }

    public double number(int r, int c) {
        return numbers.get(r)[c];
    }

    /**
     * The row's storage for a loop over many cells (null for an empty row): an entry is null, a
     * {@link GridCell}, or a plain number whose value sits at the same index of {@link #rowNumbers}
     * (test with {@link #isPlain}). Read only.
     */
    public Object[] rowCells(int r) {
        return r >= 0 && r < rows.size() ? rows.get(r) : null;
    }

    /** The plain numbers of a row, by column (null when it has none). Read only. */
    public double[] rowNumbers(int r) {
        return r >= 0 && r < numbers.size() ? numbers.get(r) : null;
    }

    /** True for an entry of {@link #rowCells} that stands for a plain number. */
    public static boolean isPlain(Object entry) {
        return entry == PLAIN;
    }

    /** The cell, or null when empty. Plain numbers are wrapped on the way out. */
    public GridCell cell(int r, int c) {
        Object[] cells = r >= 0 && r < rows.size() ? rows.get(r) : null;
        if (cells == null || c < 0 || c >= cells.length) {
            return null;
        }
        Object o = cells[c];
        if (o == PLAIN) {
            return GridCell.number(numbers.get(r)[c], null, GridCell.Format.GENERAL);
        }
        return (GridCell) o;
    }

    /** The cells of a row (index = column; entries may be null); never null itself. For small scans. */
    public GridCell[] row(int r) {
        int w = width(r);
        if (w == 0) {
            return EMPTY;
        }
        GridCell[] out = new GridCell[w];
        for (int c = 0; c < w; c++) {
            out[c] = cell(r, c);
        }
        return out;
    }

    public void set(int r, int c, GridCell cell) {
        if (cell != null && cell.kind() == GridCell.Kind.NUMBER && cell.formula() == null
                && cell.format() == GridCell.Format.GENERAL) {
            setNumber(r, c, cell.number());
            return;
        }
        slot(r, c)[c] = cell;
    }

    /** Stores a plain number (no formula, general format) without a cell object. */
    public void setNumber(int r, int c, double value) {
        slot(r, c)[c] = PLAIN;
        double[] nums = numbers.get(r);
        if (nums == null || nums.length <= c) {
            double[] grown = new double[rows.get(r).length];
            if (nums != null) {
                System.arraycopy(nums, 0, grown, 0, nums.length);
            }
            nums = grown;
            numbers.set(r, nums);
        }
        nums[c] = value;
    }

    private Object[] slot(int r, int c) {
        InputGuards.checkCell(name, r, c);
        while (rows.size() <= r) {
            rows.add(null);
            numbers.add(null);
        }
        Object[] cells = rows.get(r);
        if (cells == null) {
            InputGuards.checkRowCount(name, ++filledRows);
            cells = new Object[Math.max(c + 1, 16)];
            rows.set(r, cells);
        } else if (cells.length <= c) {
            Object[] grown = new Object[Math.max(c + 1, cells.length * 2)];
            System.arraycopy(cells, 0, grown, 0, cells.length);
            cells = grown;
            rows.set(r, cells);
        }
        return cells;
    }
}
