package com.marginworkbench.workbook;

import java.util.ArrayList;
import java.util.List;

/** A sheet as a sparse grid of {@link GridCell}s, indexed by 0-based row and column. */
public final class GridSheet {
    private static final GridCell[] EMPTY = new GridCell[0];

    private final String name;
    private final boolean hidden;
    private final List<GridCell[]> rows = new ArrayList<>();

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

    /** Number of rows up to the last one holding a cell. */
    public int rowCount() {
        return rows.size();
    }

    /** The cells of a row (index = column; entries may be null); never null itself. */
    public GridCell[] row(int r) {
        if (r < 0 || r >= rows.size()) {
            return EMPTY;
        }
        GridCell[] cells = rows.get(r);
        return cells == null ? EMPTY : cells;
    }

    public GridCell cell(int r, int c) {
        GridCell[] cells = row(r);
        return c >= 0 && c < cells.length ? cells[c] : null;
    }

    public void set(int r, int c, GridCell cell) {
        while (rows.size() <= r) {
            rows.add(null);
        }
        GridCell[] cells = rows.get(r);
        if (cells == null) {
            cells = new GridCell[Math.max(c + 1, 16)];
            rows.set(r, cells);
        } else if (cells.length <= c) {
            GridCell[] grown = new GridCell[Math.max(c + 1, cells.length * 2)];
            System.arraycopy(cells, 0, grown, 0, cells.length);
            cells = grown;
            rows.set(r, cells);
        }
        cells[c] = cell;
    }
}
