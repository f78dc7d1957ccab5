package com.marginworkbench.workbook.own;

import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.cells.GridCell;
import com.marginworkbench.workbook.cells.GridSheet;
import com.marginworkbench.workbook.cells.StreamingGrid;
import com.marginworkbench.workbook.own.OwnModelCells.Value;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.FormulaError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.marginworkbench.workbook.own.OwnModelLayout.COGS;
import static com.marginworkbench.workbook.own.OwnModelLayout.MARKER_NAME;
import static com.marginworkbench.workbook.own.OwnModelLayout.OPEX;
import static com.marginworkbench.workbook.own.OwnModelLayout.REVENUE;
import static com.marginworkbench.workbook.own.OwnModelLayout.UNIT_ECONOMICS;

/**
 * Saved values from the streaming read. Whatever the user model would read differently (a
 * formula without its result, an unknown error code, escaped characters in text, a sheet that
 * is not a plain worksheet) stops this read with {@link NeedsUserModel}.
 */
final class SavedValueCells implements OwnModelCells {
    /** Thrown when only the user model can read the workbook exactly. */
    static final class NeedsUserModel extends RuntimeException {
        NeedsUserModel() {
            super(null, null, false, false);
        }
    }

    private final StreamingGrid.Book book;
    private final java.util.Map<String, GridSheet> grids = new java.util.HashMap<>();

    private SavedValueCells(StreamingGrid.Book book) {
        this.book = book;
        for (GridSheet g : book.grids()) {
            grids.putIfAbsent(g.name(), g);
        }
    }

    /** The sheets worth scanning: the four the reader needs and any that a defined name mentions. */
    static java.util.function.Predicate<String> wanted(List<StreamingGrid.DefinedName> names) {
        StringBuilder all = new StringBuilder();
        for (StreamingGrid.DefinedName n : names) {
            all.append(n.formula().replace("''", "'").toLowerCase(Locale.ROOT)).append('\n');
        }
        String referred = all.toString();
        return sheet -> List.of(REVENUE, OPEX, COGS, UNIT_ECONOMICS).stream().anyMatch(sheet::equalsIgnoreCase)
                || referred.contains(sheet.toLowerCase(Locale.ROOT));
    }

    /** Null when the workbook is not one this reader recognizes, so the user model decides what it is. */
    static SavedValueCells of(StreamingGrid.Book book) {
        for (StreamingGrid.SheetEntry e : book.sheets()) {
            if (!e.worksheet()) {
                return null;
            }
        }
        SavedValueCells cells = new SavedValueCells(book);
        if (!cells.hasName(MARKER_NAME)) {
            return null;
        }
        for (String s : List.of(REVENUE, OPEX, COGS, UNIT_ECONOMICS)) {
            if (cells.sheet(s) == null) {
                return null;
            }
        }
        return cells;
    }

    private boolean hasName(String name) {
        return book.names().stream().anyMatch(n -> n.name() != null && n.name().equalsIgnoreCase(name));
    }

    @Override
    public String sheet(String name) {
        for (StreamingGrid.SheetEntry e : book.sheets()) {
            if (name.equalsIgnoreCase(e.name())) {
                if (!grids.containsKey(e.name())) {
                    throw new NeedsUserModel();
                }
                return e.name();
            }
        }
        return null;
    }

    @Override
    public int lastRow(String sheet) {
        return grids.get(sheet).rowCount() - 1;
    }

    @Override
    public Value value(String sheet, int r, int c) {
        GridCell g = grids.get(sheet).cell(r, c);
        if (g == null) {
            return null;
        }
        return switch (g.kind()) {
            case NUMBER -> Value.number(g.number(), false);
            case TEXT -> {
                if (g.text() != null && g.text().contains("_x")) {
                    throw new NeedsUserModel(); // POI decodes _xHHHH_ escapes
                }
                yield Value.text(g.text(), false);
            }
            case BOOLEAN -> Value.other("boolean", false);
            case ERROR -> {
                try {
                    yield Value.error(FormulaError.forString(g.text()).getString(), false);
                } catch (RuntimeException unknownCode) {
                    throw new NeedsUserModel();
                }
            }
            case NO_VALUE -> throw new NeedsUserModel();
        };
    }

    @Override
    public boolean present(String sheet, int r, int c) {
        return grids.get(sheet).cell(r, c) != null;
    }

    @Override
    public double plainNumber(String sheet, int r, int c) {
        GridCell g = grids.get(sheet).cell(r, c);
        return g != null && g.kind() == GridCell.Kind.NUMBER && g.formula() == null ? g.number() : Double.NaN;
    }

    @Override
    public String nameFormula(String name) {
        for (StreamingGrid.DefinedName n : book.names()) {
            if (n.name() != null && n.name().equalsIgnoreCase(name)) {
                return n.formula() == null || n.formula().isEmpty() ? null : n.formula();
            }
        }
        return null;
    }

    @Override
    public SpreadsheetVersion version() {
        return SpreadsheetVersion.EXCEL2007;
    }

    @Override
    public List<SheetInfo> tabs() {
        List<SheetInfo> out = new ArrayList<>();
        for (StreamingGrid.SheetEntry e : book.sheets()) {
            out.add(new SheetInfo(e.name(), e.hidden(), null));
        }
        return out;
    }
}
