package com.marginworkbench.samples;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a big client-style workbook for tests and benchmarks: a title, a units note, a header row
 * of monthly dates, a revenue section, and cost lines named by vendor split between cost of
 * revenue and operating expenses, with a SUM subtotal closing each section. Streams with SXSSF, so
 * a million cells take little memory. Deterministic for a given size.
 */
public final class LargeModel {
    private static final String[] COGS_LINES = {"OpenAI API - production", "Anthropic API - customer chat",
            "AWS hosting - production", "Pinecone retrieval", "Zendesk support", "Stripe fees",
            "Scale AI human review", "CoreWeave GPU inference"};
    private static final String[] OPEX_LINES = {"OpenAI API - internal tools", "GPU training run (Lambda Labs)",
            "Labelbox data labeling", "Datadog", "Marketing - paid search", "Engineering salaries", "Office rent",
            "ChatGPT Enterprise seats", "Free tier inference (Gemini)", "Weights & Biases experiments"};

    private LargeModel() {
    }

    /** Writes {@code costLines} cost lines over {@code months} months to {@code target}. */
    public static void write(Path target, int costLines, int months) throws IOException {
        Random random = new Random(20260101L + costLines * 31L + months);
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".large-", ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            wb.setCompressTempFiles(true);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
            Sheet sheet = wb.createSheet("Cost ledger");
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue("Northwind AI - cost ledger");
            sheet.createRow(r++).createCell(0).setCellValue("USD, monthly");
            r++;
            Row header = sheet.createRow(r++);
            header.createCell(0).setCellValue("Line");
            LocalDate start = LocalDate.of(2026, 1, 1);
            for (int m = 0; m < months; m++) {
                var cell = header.createCell(1 + m);
                cell.setCellValue(start.plusMonths(m));
                cell.setCellStyle(dateStyle);
            }
            sheet.createRow(r++).createCell(0).setCellValue("Revenue");
            r = line(sheet, r, "Subscription revenue", months, 400_000, random);
            r = line(sheet, r, "AI add-on revenue (usage credits)", months, 150_000, random);
            r = sumRow(sheet, r, "Total revenue", months, r - 2, r - 1);
            r++;
            int cogsCount = costLines / 4;
            sheet.createRow(r++).createCell(0).setCellValue("Cost of revenue");
            int first = r;
            for (int i = 0; i < cogsCount; i++) {
                r = line(sheet, r, COGS_LINES[i % COGS_LINES.length] + " #" + (i + 1), months, 20, random);
            }
            r = sumRow(sheet, r, "Total cost of revenue", months, first, r - 1);
            r++;
            sheet.createRow(r++).createCell(0).setCellValue("Operating expenses");
            first = r;
            for (int i = cogsCount; i < costLines; i++) {
                r = line(sheet, r, OPEX_LINES[i % OPEX_LINES.length] + " #" + (i + 1), months, 15, random);
            }
            sumRow(sheet, r, "Total operating expenses", months, first, r - 1);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            wb.close();
            Files.deleteIfExists(tmp);
        }
    }

    private static int line(Sheet sheet, int r, String label, int months, double base, Random random) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        double v = base * (0.5 + random.nextDouble());
        for (int m = 0; m < months; m++) {
            v *= 1.0 + 0.02 * random.nextDouble();
            row.createCell(1 + m).setCellValue(Math.round(v * 100) / 100.0);
        }
        return r + 1;
    }

    private static int sumRow(Sheet sheet, int r, String label, int months, int firstRow, int lastRow) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        for (int m = 0; m < months; m++) {
            String col = com.marginworkbench.model.SourceRef.columnName(1 + m);
            row.createCell(1 + m).setCellFormula("SUM(" + col + (firstRow + 1) + ":" + col + (lastRow + 1) + ")");
        }
        return r + 1;
    }

    /** {@code LargeModel OUT.xlsx [COST_LINES] [MONTHS]}: for benchmarks run by hand. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LargeModel OUT.xlsx [COST_LINES=20000] [MONTHS=60]");
            System.exit(2);
        }
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        write(Path.of(args[0]), lines, months);
    }
}
