package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadCancelled;
import com.marginworkbench.workbook.WorkbookReadException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a workbook opened with POI's user model into {@link GridSheet}s. Formula cells give their
 * saved result; only a formula saved without one is recalculated, and one that cannot be is kept
 * as "no value" so it is reported, never read as zero.
 */
public final class UserModelGrid {
    private final Workbook workbook;
    private final Map<Short, GridCell.Format> formats = new HashMap<>();
    private FormulaEvaluator evaluator;
    private final InputGuards.Recalculation recalculation = new InputGuards.Recalculation();

    private UserModelGrid(Workbook workbook) {
        this.workbook = workbook;
    }

    /** How many formulas without a saved result were calculated here (the reader says so). */
    private int calculated;

    /** The sheets, and how many formulas saved without a result were calculated to read them. */
    public record Loaded(List<GridSheet> sheets, int calculated) {
    }

    static List<GridSheet> of(Workbook workbook, Progress progress) throws WorkbookReadException {
        return load(workbook, progress).sheets();
    }

    public static Loaded load(Workbook workbook, Progress progress) throws WorkbookReadException {
        UserModelGrid g = new UserModelGrid(workbook);
        List<GridSheet> sheets = g.load(progress);
        if (uses1904(workbook)) {
            DateSystem.shiftTo1900(sheets);
        }
        return new Loaded(sheets, g.calculated);
    }

    /** True for a workbook saved with the 1904 date system (.xlsx or .xls). */
    public static boolean uses1904(Workbook workbook) {
        if (workbook instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x) {
            return x.isDate1904();
        }
        if (workbook instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook h) {
            return h.getInternalWorkbook().isUsing1904DateWindowing();
        }
        return false;
    }

    private List<GridSheet> load(Progress progress) throws WorkbookReadException {
        List<GridSheet> out = new ArrayList<>();
        int n = workbook.getNumberOfSheets();
        java.util.Set<String> added = AddedSheets.of(workbook);
        for (int i = 0; i < n; i++) {
            ReadCancelled.check(progress);
            Sheet sheet = workbook.getSheetAt(i);
            boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
            GridSheet grid = new GridSheet(sheet.getSheetName(), hidden);
            if (AddedSheets.isAdded(added, sheet.getSheetName())) {
                out.add(grid); // a sheet a restate added: kept in the outline, never read
                continue;
            }
            int width = 0;
            for (Row row : sheet) {
                width = Math.max(width, row.getLastCellNum());
                for (Cell cell : row) {
                    GridCell g = convert(cell);
                    if (g != null) {
                        grid.set(cell.getRowIndex(), cell.getColumnIndex(), g);
                    }
                }
            }
            for (int c = 0; c < width; c++) {
                if (sheet.isColumnHidden(c)) {
                    grid.hideColumns(c, c);
                }
            }
            out.add(grid);
            if (progress != null) {
                progress.update(0.3 + 0.6 * (i + 1) / n, "Reading sheet " + sheet.getSheetName());
            }
        }
        return out;
    }

    private GridCell convert(Cell cell) {
        CellType type = cell.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            try {
                formula = cell.getCellFormula();
            } catch (RuntimeException e) {
                formula = "?";
            }
            if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                return evaluate(cell, formula);
            }
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC:
                return GridCell.number(cell.getNumericCellValue(), formula, format(cell));
            case STRING:
                String s = cell.getStringCellValue();
                return s == null || s.isEmpty() ? (formula == null ? null : GridCell.text("", formula))
                        : GridCell.text(s, formula);
            case BOOLEAN:
                return new GridCell(GridCell.Kind.BOOLEAN, cell.getBooleanCellValue() ? 1 : 0,
                        Boolean.toString(cell.getBooleanCellValue()).toUpperCase(), formula, GridCell.Format.GENERAL);
            case ERROR:
                return new GridCell(GridCell.Kind.ERROR, 0, errorText(cell.getErrorCellValue()), formula,
                        GridCell.Format.GENERAL);
            default:
                return null;
        }
    }

    private GridCell evaluate(Cell cell, String formula) {
        String refused = recalculation.refusal();
        if (refused != null) {
            return new GridCell(GridCell.Kind.NO_VALUE, 0, refused, formula, GridCell.Format.GENERAL);
        }
        long start = System.nanoTime();
        try {
            if (evaluator == null) {
                evaluator = workbook.getCreationHelper().createFormulaEvaluator();
                // Only formulas without a saved result get here: ignoring a missing linked workbook would read them as zero.
                evaluator.setIgnoreMissingWorkbooks(false);
            }
            CellValue v = evaluator.evaluate(cell);
            if (v == null) {
                return null;
            }
            calculated++;
            return switch (v.getCellType()) {
                case NUMERIC -> GridCell.number(v.getNumberValue(), formula, format(cell));
                case STRING -> GridCell.text(v.getStringValue(), formula);
                case BOOLEAN -> new GridCell(GridCell.Kind.BOOLEAN, v.getBooleanValue() ? 1 : 0,
                        Boolean.toString(v.getBooleanValue()).toUpperCase(), formula, GridCell.Format.GENERAL);
                case ERROR -> new GridCell(GridCell.Kind.ERROR, 0, errorText(v.getErrorValue()), formula,
                        GridCell.Format.GENERAL);
                default -> null;
            };
        } catch (RuntimeException | StackOverflowError e) {
            return new GridCell(GridCell.Kind.NO_VALUE, 0, recalculation.failed(formula, e), formula,
                    GridCell.Format.GENERAL);
        } finally {
            recalculation.spent(System.nanoTime() - start);
        }
    }

    private GridCell.Format format(Cell cell) {
        CellStyle style = cell.getCellStyle();
        if (style == null) {
            return GridCell.Format.GENERAL;
        }
        return formats.computeIfAbsent(style.getIndex(), k -> {
            String f = style.getDataFormatString();
            if (f != null && f.contains("%")) {
                return GridCell.Format.PERCENT;
            }
            try {
                return DateUtil.isADateFormat(style.getDataFormat(), f) ? GridCell.Format.DATE : GridCell.Format.GENERAL;
            } catch (RuntimeException e) {
                return GridCell.Format.GENERAL;
            }
        });
    }

    static String errorText(int code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (RuntimeException e) {
            return "#ERROR";
        }
    }
}
