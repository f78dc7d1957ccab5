package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.ReadResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as a separate process with a small heap by {@link BoundedMemoryRestateTest}: restates a
 * model of many lines × many periods whose cells are all formulas, so the new sheets are far larger
 * than the heap. Arguments: folder, lines, periods.
 */
public final class BigRestateChild {
    private BigRestateChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        Path source = dir.resolve("big.xlsx");
        int rows = 50;
        int[] cols = new int[n];
        for (int p = 0; p < n; p++) {
            cols[p] = p + 1;
        }
        double[][] values = new double[rows][n];
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Data");
            for (int r = 0; r < rows; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("Line " + r);
                for (int p = 0; p < n; p++) {
                    values[r][p] = 100 + r * 7 + p;
                    row.createCell(cols[p]).setCellValue(values[r][p]);
                }
            }
            try (OutputStream out = Files.newOutputStream(source)) {
                wb.write(out);
            }
        }
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            labels.add("M" + (p + 1));
        }
        List<RevenueLine> revenue = List.of(
                new RevenueLine("Revenue", new SourceRef("Data", 0, 0, cols, 1000), scaled(values[0], 1000),
                        LayerSplit.AI, true));
        CostType[] types = {CostType.CUSTOMER_INFERENCE, CostType.HOSTING_CUSTOMER, CostType.DATA_LABELING,
                CostType.SALES_MARKETING, null};
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            int r = 1 + i % (rows - 1);
            CostType t = types[i % types.length];
            costs.add(new CostLine("Cost " + i, new SourceRef("Data", r, 0, cols, 1), values[r],
                    i % 3 == 0 ? LayerSplit.AI : LayerSplit.SOFTWARE,
                    i % 2 == 0 ? Placement.COST_OF_REVENUE : Placement.OTHER_OPEX, i % 4 == 0, i % 3 == 0));
            decisions.add(LineDecision.of(t));
        }
        FinancialModel model = new FinancialModel("big", new Periods(labels, Granularity.MONTH), revenue, costs,
                null, null);
        ReadResult read = new ReadResult(source, model, decisions, List.of(), List.of(), false);
        RestatedWorkbookWriter.write(source, read, CogsTest.classifyAll(decisions, Policy.US_GAAP_DEFAULT), decisions,
                Policy.US_GAAP_DEFAULT, new Levers(0.5, 1.2, 0.1, 5, 0, 0), dir.resolve("big-restated.xlsx"), null);
        System.out.println("done");
    }

    private static double[] scaled(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
    }
}
