package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.WorkbookReadException;
import org.apache.poi.ss.usermodel.Workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells of a workbook's sheets as text, for the window's mapping view: what the user sees
 * when pointing the reader at a range. Only the top-left part of a large sheet is kept.
 *
 * @param sheets every sheet in tab order
 */
public record SheetPreview(List<Sheet> sheets) {
    /** Rows and columns kept of each sheet. */
    public static final int MAX_ROWS = 400;
    public static final int MAX_COLUMNS = 40;

    /**
     * One sheet's cells as shown: {@code cells[row][column]}, 0-based, "" for an empty cell.
     *
     * @param rowCount    the sheet's own row count (may be more than the rows kept)
     * @param columnCount columns kept (the widest row, up to {@link #MAX_COLUMNS})
     */
    public record Sheet(String name, boolean hidden, String[][] cells, int rowCount, int columnCount) {
        public String text(int row, int column) {
            return row < cells.length && column < cells[row].length ? cells[row][column] : "";
        }

        /** True when the cell holds a number (what a period column or a line's amount looks like). */
        public boolean numeric(int row, int column) {
            String t = text(row, column);
            return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '(')
                    && t.chars().allMatch(ch -> Character.isDigit(ch) || ",.-()%".indexOf(ch) >= 0);
        }
    }

    public Sheet sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Reads the sheets of an .xlsx/.xlsm by streaming, other workbooks through POI; never writes. */
    public static SheetPreview read(Path file) throws WorkbookReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            List<GridSheet> grids;
            if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
                grids = StreamingGrid.of(file, null);
            } else {
                try (Workbook wb = PoiWorkbooks.open(file)) {
                    grids = UserModelGrid.of(wb, null);
                }
            }
            List<Sheet> out = new ArrayList<>(grids.size());
            for (GridSheet g : grids) {
                out.add(of(g));
            }
            return new SheetPreview(List.copyOf(out));
        } catch (WorkbookReadException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new WorkbookReadException("The cells of " + name + " could not be shown (" + e.getMessage()
                    + "); the reading itself is unchanged");
        }
    }

    static Sheet of(GridSheet g) {
        int rows = Math.min(g.rowCount(), MAX_ROWS);
        int width = 0;
        for (int r = 0; r < rows; r++) {
            width = Math.max(width, Math.min(g.width(r), MAX_COLUMNS));
        }
        String[][] cells = new String[rows][];
        for (int r = 0; r < rows; r++) {
            String[] row = new String[width];
            for (int c = 0; c < width; c++) {
                row[c] = text(g.cell(r, c));
            }
            cells[r] = row;
        }
        return new Sheet(g.name(), g.hidden(), cells, g.rowCount(), width);
    }

    private static String text(GridCell c) {
        if (c == null) {
            return "";
        }
        return switch (c.kind()) {
            case NUMBER -> number(c);
            case TEXT, ERROR -> c.text() == null ? "" : c.text();
            case BOOLEAN -> c.number() != 0 ? "TRUE" : "FALSE";
            case NO_VALUE -> "=" + (c.formula() == null ? "" : c.formula());
        };
    }

    private static String number(GridCell c) {
        double v = c.number();
        if (c.format() == GridCell.Format.PERCENT) {
            return String.format(Locale.ROOT, "%.1f%%", v * 100);
        }
        if (c.format() == GridCell.Format.DATE && v > 0 && v < 2_958_466) {
            return java.time.LocalDate.of(1899, 12, 30).plusDays((long) Math.floor(v)).toString();
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.US, "%,d", (long) v);
        }
        return String.format(Locale.US, "%,.2f", v);
    }
}
