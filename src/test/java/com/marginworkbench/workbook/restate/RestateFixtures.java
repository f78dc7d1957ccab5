package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.SourceRef;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Workbooks built with POI for the restate tests, and the ReadResult a reader would give for them
 * (built here by hand, so the writer is tested on its own).
 */
final class RestateFixtures {
    private RestateFixtures() {
    }

    /** A model plus its decisions, as the reader would hand them over. */
    record Fixture(Path file, ReadResult read) {
    }

    private record Spec(String label, boolean revenue, double[] cells, double scale, LayerSplit layer,
                        Placement reported, boolean flagA, boolean flagB, CostType type, Answers answers) {
    }

    /**
     * A P&L in thousands on a sheet whose name needs quoting ("P&L 'FY26'"), six months, with
     * revenue by layer, every kind of cost line the test meets (COGS, OpEx, R&D, capitalized, Review
     * kept in COGS, a split line, a credit entered negative), a blank and a dash among the cells,
     * and a second sheet with a formula feeding one line.
     */
    static Fixture demo(Path dir, String fileName) throws IOException {
        int n = 6;
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec("AI add-on (usage billed)", true, series(120, 8, n), 1000, LayerSplit.AI, Placement.REVENUE,
                true, false, null, null));
        specs.add(new Spec("AI credits (flat bundles)", true, series(40, 2, n), 1000, LayerSplit.AI, Placement.REVENUE,
                false, false, null, null));
        specs.add(new Spec("Subscriptions", true, series(900, 15, n), 1000, LayerSplit.SOFTWARE, Placement.REVENUE,
                false, false, null, null));
        specs.add(new Spec("OpenAI API (production)", false, series(60, 5, n), 1000, LayerSplit.AI, Placement.RESEARCH_DEVELOPMENT,
                true, true, CostType.CUSTOMER_INFERENCE, Answers.DEFAULTS));
        specs.add(new Spec("AWS hosting (customer)", false, series(70, 1, n), 1000, LayerSplit.SOFTWARE,
                Placement.COST_OF_REVENUE, false, true, CostType.HOSTING_CUSTOMER, Answers.DEFAULTS));
        specs.add(new Spec("Human review of outputs", false, series(30, 2, n), 1000, LayerSplit.AI, Placement.OTHER_OPEX,
                false, true, CostType.HITL_DELIVERY, Answers.DEFAULTS));
        specs.add(new Spec("Scale AI labeling", false, series(25, 0, n), 1000, LayerSplit.AI, Placement.RESEARCH_DEVELOPMENT,
                false, false, CostType.DATA_LABELING, Answers.DEFAULTS));
        specs.add(new Spec("Free tier inference", false, series(15, 1, n), 1000, LayerSplit.AI, Placement.SALES_MARKETING,
                true, true, CostType.FREE_TIER_INFERENCE, Answers.DEFAULTS));
        specs.add(new Spec("Pinecone (shared platform)", false, series(12, 1, n), 1000, new LayerSplit(0.4),
                Placement.COST_OF_REVENUE, true, true, CostType.RAG_SERVING,
                new Answers(Answer.YES, Answer.DEFAULT, Answer.YES)));
        specs.add(new Spec("Misc vendor (unknown)", false, series(9, 0.5, n), 1000, LayerSplit.SOFTWARE,
                Placement.COST_OF_REVENUE, false, false, null, Answers.DEFAULTS));
        specs.add(new Spec("Internal Copilot seats", false, series(5, 0, n), 1000, LayerSplit.AI, Placement.GENERAL_ADMIN,
                true, false, CostType.INTERNAL_INFERENCE, Answers.DEFAULTS));
        specs.add(new Spec("Vector index build", false, series(20, -1, n), 1000, LayerSplit.AI, Placement.CAPITALIZED,
                false, false, CostType.RAG_BUILD, Answers.DEFAULTS));
        specs.add(new Spec("Support team", false, series(45, 0, n), -1000, LayerSplit.SOFTWARE,
                Placement.COST_OF_REVENUE, false, true, CostType.CUSTOMER_SUPPORT, Answers.DEFAULTS));
        specs.add(new Spec("Stripe fees", false, series(11, 0.3, n), 1000, LayerSplit.SOFTWARE, Placement.COST_OF_REVENUE,
                false, true, CostType.PAYMENT_PROCESSING, Answers.DEFAULTS));

        String sheetName = "P&L 'FY26' (k)";
        Path file = dir.resolve(fileName);
        List<RevenueLine> revenue = new ArrayList<>();
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        String[] labels = new String[n];
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet inputs = wb.createSheet("Inputs");
            Sheet pl = wb.createSheet(sheetName);
            Row header = pl.createRow(2);
            header.createCell(1).setCellValue("USD thousands");
            int[] cols = new int[n];
            for (int p = 0; p < n; p++) {
                labels[p] = "2026-0" + (p + 1);
                cols[p] = 3 + p;
                header.createCell(cols[p]).setCellValue(labels[p]);
            }
            int row = 3;
            for (Spec s : specs) {
                Row r = pl.createRow(row);
                r.createCell(1).setCellValue(s.label());
                double[] amounts = new double[n];
                for (int p = 0; p < n; p++) {
                    double v = s.cells()[p];
                    if (s.scale() < 0) {
                        v = -v;
                    }
                    amounts[p] = v * s.scale();
                    r.createCell(cols[p]).setCellValue(v);
                }
                // Some shapes the reader meets in client files: a blank, a dash, a formula from another sheet.
                if (s.label().startsWith("Scale AI")) {
                    r.getCell(cols[1]).setBlank();
                    amounts[1] = 0;
                    r.getCell(cols[2]).setCellValue("-");
                    amounts[2] = 0;
                }
                if (s.label().startsWith("Stripe")) {
                    // A number typed as text, as CSV imports leave them; the reader takes its value.
                    r.getCell(cols[3]).setCellValue("1,234.5");
                    amounts[3] = 1234.5 * s.scale();
                }
                if (s.label().startsWith("AWS")) {
                    Row in = inputs.createRow(1);
                    in.createCell(0).setCellValue("Hosting base");
                    in.createCell(1).setCellValue(70);
                    r.getCell(cols[0]).setCellFormula("Inputs!B2");
                    amounts[0] = 70 * s.scale();
                }
                SourceRef src = new SourceRef(sheetName, row, 1, cols, s.scale());
                if (s.revenue()) {
                    revenue.add(new RevenueLine(s.label(), src, amounts, s.layer(), s.flagA()));
                } else {
                    costs.add(new CostLine(s.label(), src, amounts, s.layer(), s.reported(), s.flagA(), s.flagB()));
                    decisions.add(new LineDecision(s.type(), s.answers(), s.type() == null ? "" : "suggested from label"));
                }
                row++;
            }
            pl.setColumnWidth(1, 30 * 256);
            pl.createFreezePane(2, 3);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        FinancialModel model = new FinancialModel("demo", new Periods(List.of(labels), Granularity.MONTH), revenue,
                costs, null, null);
        return new Fixture(file, new ReadResult(file, model, decisions, List.of(),
                List.of(new SheetInfo("Inputs", false, null), new SheetInfo(sheetName, false, "B3:I17")), false));
    }

    private static double[] series(double start, double step, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = start + step * i;
        }
        return out;
    }

    /**
     * A small model over the numeric constant cells of an existing workbook (one period per line):
     * the largest number is revenue, the others costs of assorted kinds. For feature files that have
     * no cost table of their own; the file itself is not changed.
     */
    static ReadResult overExistingCells(Path file) throws IOException {
        List<double[]> found = new ArrayList<>();
        List<SourceRef> refs = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (int si = 0; si < wb.getNumberOfSheets() && refs.size() < 6; si++) {
                Sheet sheet = wb.getSheetAt(si);
                for (Row r : sheet) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.NUMERIC && refs.size() < 6) {
                            refs.add(new SourceRef(sheet.getSheetName(), r.getRowNum(), c.getColumnIndex(),
                                    new int[] {c.getColumnIndex()}, 1));
                            found.add(new double[] {c.getNumericCellValue()});
                        }
                    }
                }
            }
            if (refs.isEmpty()) {
                // No numbers at all: point at empty cells of the first sheet; every amount is then zero.
                String name = wb.getSheetName(0);
                for (int i = 0; i < 3; i++) {
                    refs.add(new SourceRef(name, 200 + i, 30, new int[] {31}, 1));
                    found.add(new double[] {0});
                }
            }
        }
        int revenueIndex = 0;
        for (int i = 1; i < found.size(); i++) {
            if (Math.abs(found.get(i)[0]) > Math.abs(found.get(revenueIndex)[0])) {
                revenueIndex = i;
            }
        }
        CostType[] types = {CostType.CUSTOMER_INFERENCE, CostType.HOSTING_INTERNAL, CostType.HITL_DELIVERY,
                CostType.DATA_LABELING, null};
        List<RevenueLine> revenue = new ArrayList<>();
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < found.size(); i++) {
            if (i == revenueIndex) {
                revenue.add(new RevenueLine("Revenue", refs.get(i), found.get(i), LayerSplit.AI, true));
            } else {
                CostType t = types[k % types.length];
                costs.add(new CostLine("Cost " + (k + 1), refs.get(i), found.get(i),
                        t == null ? LayerSplit.SOFTWARE : LayerSplit.of(t.defaultLayer()),
                        k % 2 == 0 ? Placement.COST_OF_REVENUE : Placement.RESEARCH_DEVELOPMENT,
                        t != null && t.defaultLlmPriced(), t != null && t.defaultUsageVariable()));
                decisions.add(new LineDecision(t, Answers.DEFAULTS, ""));
                k++;
            }
        }
        FinancialModel model = new FinancialModel(file.getFileName().toString(),
                new Periods(List.of("FY26"), Granularity.YEAR), revenue, costs, null, null);
        return new ReadResult(file, model, decisions, List.of(), List.of(), false);
    }
}
