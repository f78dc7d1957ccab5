package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.OpexFunction;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 15: the restated workbook follows its Treatment column. One Treatment cell is
 * changed from COGS to OpEx (the production LLM API line of the sample, 1,553,323 over the year);
 * the workbook, recalculated, must give the engine's figures for that change. Worked out: restated
 * COGS 2,131,746 − 1,553,323 = 578,423, so blended GM (13,578,000 − 578,423) / 13,578,000 = 95.7%;
 * AI-layer COGS 1,613,066 − 1,553,323 = 59,743, so AI GM (2,715,600 − 59,743) / 2,715,600 = 97.8%.
 * Checked twice: with POI's evaluator (always), and with LibreOffice recalculating the saved file
 * (only where {@code soffice} is installed; skipped otherwise).
 */
class TreatmentChangeTest {
    private static final Path SAMPLE = Path.of("sample-models/northwind-ai-model.xlsx");
    private static final String LINE = "LLM API - production (customer features)";
    private static final Levers LEVERS = Levers.NEUTRAL.withLlmCostChange(0.5).withVarianceBuffer(1.2);

    @TempDir
    Path dir;

    private ReadResult read;
    private List<Classification> cls;
    private Path changed;
    private MarginResult engineAfter;

    @BeforeEach
    void restateAndChangeOneTreatment() throws Exception {
        Path source = dir.resolve("northwind.xlsx");
        Files.copy(SAMPLE, source);
        read = WorkbookReader.read(source);
        cls = CogsTest.classifyAll(read.model(), read.decisions(), Policy.US_GAAP_DEFAULT);
        Path restated = RestatedWorkbookWriter.defaultTarget(source);
        RestatedWorkbookWriter.write(source, read, cls, read.decisions(), Policy.US_GAAP_DEFAULT, LEVERS, restated, null);

        int index = -1;
        for (int i = 0; i < read.model().costs().size(); i++) {
            if (read.model().costs().get(i).label().equals(LINE)) {
                index = i;
            }
        }
        assertThat(index).isNotNegative();
        assertThat(cls.get(index).treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        // What the engine says for the same change: the line as operating expense.
        List<Classification> after = new ArrayList<>(cls);
        after.set(index, new Classification(Treatment.OPERATING_EXPENSE, OpexFunction.OPERATIONS, "changed by hand",
                List.of(), true, true, true, null));
        engineAfter = MarginEngine.compute(read.model(), after, LEVERS);
        assertThat(engineAfter.total().restatedCogs()).isCloseTo(2_131_746 - 1_553_323,
                org.assertj.core.data.Offset.offset(1.0));

        changed = dir.resolve("changed.xlsx");
        try (Workbook wb = RestatedWorkbookCheck.open(restated)) {
            Sheet sheet = wb.getSheet(RestatedWorkbookWriter.CLASSIFICATION_SHEET);
            Cell treatment = null;
            for (Row r : sheet) {
                Cell label = r.getCell(RestatedSheets.C_LABEL);
                if (label != null && LINE.equals(label.getStringCellValue())) {
                    treatment = r.getCell(RestatedSheets.C_TREATMENT);
                }
            }
            assertThat(treatment).isNotNull();
            assertThat(treatment.getStringCellValue()).isEqualTo("COGS");
            // A fresh cell, as typing over it in Excel gives (POI's setter on an inline string keeps both).
            Row row = treatment.getRow();
            var style = treatment.getCellStyle();
            row.removeCell(treatment);
            Cell typed = row.createCell(RestatedSheets.C_TREATMENT);
            typed.setCellStyle(style);
            typed.setCellValue(Treatment.OPERATING_EXPENSE.label());
            try (OutputStream out = Files.newOutputStream(changed)) {
                wb.write(out);
            }
        }
    }

    @Test
    void poiRecalculatesTheChangedWorkbookToTheEngine() throws Exception {
        try (Workbook wb = RestatedWorkbookCheck.open(changed)) {
            RestatedWorkbookCheck.assertHeadlinesMatch(wb, engineAfter);
            // (13,578,000 − 578,423) / 13,578,000
            assertThat(RestatedWorkbookCheck.evaluateName(wb, "RestatedBlendedGM").getAsDouble())
                    .isCloseTo((13_578_000.0 - 578_423) / 13_578_000, org.assertj.core.data.Offset.offset(1e-6));
            // the tie check cells still say OK: the change moved cost, it did not add or remove any
            var ev = wb.getCreationHelper().createFormulaEvaluator();
            Sheet pl = wb.getSheet(RestatedWorkbookWriter.PL_SHEET);
            assertThat(ev.evaluate(pl.getRow(RestatedSheets.P_TIE_OK).getCell(1)).getStringValue()).isEqualTo("OK");
            assertThat(ev.evaluate(pl.getRow(RestatedSheets.P_OP_OK).getCell(1)).getStringValue()).isEqualTo("OK");
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("childjvm") // starts LibreOffice: slow tier (mvn verify)
    void libreOfficeRecalculatesTheChangedWorkbookToTheEngine() throws Exception {
        String soffice = findOnPath("soffice");
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        Path profile = dir.resolve("lo-profile/user");
        Files.createDirectories(profile);
        // A private profile told to recalculate every formula of an .xlsx on load.
        Files.writeString(profile.resolve("registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """);
        Path outDir = dir.resolve("lo");
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "xlsx", "--outdir", outDir.toString(), changed.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("lo.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        try (Workbook lo = WorkbookFactory.create(outDir.resolve("changed.xlsx").toFile(), null, true)) {
            var t = engineAfter.total();
            check(lo, "RestatedBlendedGM", t.restatedBlended().getAsDouble());
            check(lo, "AILayerGM", t.aiLayer().getAsDouble());
            check(lo, "AILayerGMStressed", t.aiLayerStressed().getAsDouble());
            check(lo, "RestatedBlendedGMStressed", t.restatedBlendedStressed().getAsDouble());
            check(lo, "SoftwareLayerGM", t.softwareLayer().getAsDouble());
            Sheet pl = lo.getSheet(RestatedWorkbookWriter.PL_SHEET);
            assertThat(pl.getRow(RestatedSheets.P_TIE_OK).getCell(1).getStringCellValue()).isEqualTo("OK");
            assertThat(pl.getRow(RestatedSheets.P_OP_OK).getCell(1).getStringCellValue()).isEqualTo("OK");
        }
    }

    private static void check(Workbook lo, String name, double expected) {
        var n = lo.getName(name);
        var ref = new org.apache.poi.ss.util.AreaReference(n.getRefersToFormula(), lo.getSpreadsheetVersion())
                .getFirstCell();
        double v = lo.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue();
        System.out.printf("LibreOffice after COGS -> OpEx: %-26s %.12f engine %.12f%n", name, v, expected);
        assertThat(v).as(name).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
