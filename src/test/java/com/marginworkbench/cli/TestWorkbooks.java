package com.marginworkbench.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a one-sheet P&L ("P&L") from rows of labels and numbers, for command-line tests. */
final class TestWorkbooks {
    private TestWorkbooks() {
    }

    static Path write(Path file, Object[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var s = wb.createSheet("P&L");
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
