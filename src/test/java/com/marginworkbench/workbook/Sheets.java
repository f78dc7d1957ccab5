package com.marginworkbench.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Small helper to lay out test workbooks row by row: strings stay text, numbers stay numbers, "=..." becomes a formula. */
final class Sheets {
    final Workbook wb;
    private CellStyle dateStyle;
    private CellStyle percentStyle;

    Sheets() {
        this(new XSSFWorkbook());
    }

    Sheets(Workbook wb) {
        this.wb = wb;
    }

    Sheet sheet(String name) {
        Sheet s = wb.getSheet(name);
        return s != null ? s : wb.createSheet(name);
    }

    /** Writes values from column {@code col} of row {@code row} (0-based). */
    Sheets row(String sheet, int row, int col, Object... values) {
        Sheet s = sheet(sheet);
        Row r = s.getRow(row) != null ? s.getRow(row) : s.createRow(row);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = r.createCell(col + i);
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                c.setCellValue(d);
                c.setCellStyle(dateStyle());
            } else if (v instanceof Pct p) {
                c.setCellValue(p.value);
                c.setCellStyle(percentStyle());
            } else if (v instanceof String str && str.startsWith("=")) {
                c.setCellFormula(str.substring(1));
            } else {
                c.setCellValue(v.toString());
            }
        }
        return this;
    }

    record Pct(double value) {
    }

    /** A row of a statement: its label, then one amount a period. */
    static Object[] line(String label, double... amounts) {
        Object[] o = new Object[amounts.length + 1];
        o[0] = label;
        for (int i = 0; i < amounts.length; i++) {
            o[i + 1] = amounts[i];
        }
        return o;
    }

    /** Total revenue read, every line and period. */
    static double revenue(ReadResult r) {
        return r.model().revenue().stream().mapToDouble(com.marginworkbench.model.RevenueLine::total).sum();
    }

    /** Total cost of revenue read, every line reported there and every period. */
    static double cost(ReadResult r) {
        return r.model().costs().stream()
                .filter(c -> c.reported() == com.marginworkbench.model.Placement.COST_OF_REVENUE)
                .mapToDouble(com.marginworkbench.model.CostLine::total).sum();
    }

    private CellStyle dateStyle() {
        if (dateStyle == null) {
            dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
        }
        return dateStyle;
    }

    private CellStyle percentStyle() {
        if (percentStyle == null) {
            percentStyle = wb.createCellStyle();
            percentStyle.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        }
        return percentStyle;
    }

    /** Saves without recalculating, so formulas have no cached result unless {@code evaluate}. */
    Path save(Path file, boolean evaluate) throws IOException {
        if (evaluate) {
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    Path save(Path file) throws IOException {
        return save(file, true);
    }
}
