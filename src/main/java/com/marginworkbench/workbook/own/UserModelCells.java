package com.marginworkbench.workbook.own;

import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.cells.DateSystem;
import com.marginworkbench.workbook.cells.UserModelGrid;
import com.marginworkbench.workbook.own.OwnModelCells.Type;
import com.marginworkbench.workbook.own.OwnModelCells.Value;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Values through POI's user model, recalculating a formula that has no saved result. */
final class UserModelCells implements OwnModelCells {
    private final Workbook wb;
    private final java.util.Map<String, Sheet> sheets = new java.util.HashMap<>();
    private FormulaEvaluator evaluator;

    /** The workbook counts dates from 1904: date cells are turned into 1900 serials, as on the saved-values path. */
    private final boolean date1904;

    UserModelCells(Workbook wb) {
        this.wb = wb;
        this.date1904 = UserModelGrid.uses1904(wb);
    }

    /** A number cell's value; a date in a 1904 workbook as its 1900 serial (see {@link DateSystem}). */
    private double number(Cell c, double value) {
        return date1904 && DateUtil.isCellDateFormatted(c) ? value + DateSystem.OFFSET_1904 : value;
    }

    @Override
    public String sheet(String name) {
        Sheet s = wb.getSheet(name);
        if (s == null) {
            return null;
        }
        sheets.putIfAbsent(s.getSheetName(), s);
        return s.getSheetName();
    }

    @Override
    public int lastRow(String sheet) {
        return sheets.get(sheet).getLastRowNum();
    }

    private Cell cell(String sheet, int r, int c) {
        Row row = sheets.get(sheet).getRow(r);
        return row == null ? null : row.getCell(c);
    }

    @Override
    public Value value(String sheet, int r, int col) {
        Cell c = cell(sheet, r, col);
        if (c == null) {
            return null;
        }
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) {
            if (missingCache(c)) {
                return recalculated(c);
            }
            t = c.getCachedFormulaResultType();
        }
        return switch (t) {
            case NUMERIC -> Value.number(number(c, c.getNumericCellValue()), false);
            case BLANK -> new Value(Type.BLANK, 0, null, false, null, null);
            case STRING -> Value.text(c.getStringCellValue(), false);
            case ERROR -> {
                try {
                    yield Value.error(FormulaError.forInt(c.getErrorCellValue()).getString(), false);
                } catch (RuntimeException unknownCode) {
                    yield new Value(Type.ERROR, 0, null, false, null, unknownCode);
                }
            }
            default -> Value.other(t.name().toLowerCase(Locale.ROOT), false);
        };
    }

    private Value recalculated(Cell c) {
        CellValue v;
        try {
            if (evaluator == null) {
                evaluator = wb.getCreationHelper().createFormulaEvaluator();
            }
            v = evaluator.evaluate(c);
        } catch (RuntimeException e) {
            return new Value(Type.ERROR, 0, null, true, e.getClass().getSimpleName(), null);
        }
        return switch (v.getCellType()) {
            case NUMERIC -> Value.number(number(c, v.getNumberValue()), true);
            case BLANK -> new Value(Type.BLANK, 0, null, true, null, null);
            case STRING -> Value.text(v.getStringValue(), true);
            case ERROR -> Value.error(FormulaError.forInt(v.getErrorValue()).getString(), true);
            default -> Value.other(v.getCellType().name().toLowerCase(Locale.ROOT), true);
        };
    }

    private static boolean missingCache(Cell c) {
        return c instanceof XSSFCell x && !x.getCTCell().isSetV();
    }

    @Override
    public boolean present(String sheet, int r, int col) {
        Cell c = cell(sheet, r, col);
        return c != null && c.getCellType() != CellType.BLANK;
    }

    @Override
    public double plainNumber(String sheet, int r, int col) {
        Cell c = cell(sheet, r, col);
        return c != null && c.getCellType() == CellType.NUMERIC ? number(c, c.getNumericCellValue()) : Double.NaN;
    }

    @Override
    public String nameFormula(String name) {
        Name n = wb.getName(name);
        return n == null ? null : n.getRefersToFormula();
    }

    @Override
    public SpreadsheetVersion version() {
        return wb.getSpreadsheetVersion();
    }

    @Override
    public List<SheetInfo> tabs() {
        List<SheetInfo> out = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            out.add(new SheetInfo(wb.getSheetName(i), wb.isSheetHidden(i) || wb.isSheetVeryHidden(i), null));
        }
        return out;
    }
}

