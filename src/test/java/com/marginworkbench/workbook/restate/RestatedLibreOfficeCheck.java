package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.own.OwnModelReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Run by hand (not part of the suite: it needs LibreOffice and takes several seconds):
 * {@code mvn -o test -Dtest=RestatedLibreOfficeCheck}. Restates the sample, changes the LLM cost
 * input without recalculating (so the cached values are stale), lets LibreOffice recalculate the
 * whole workbook on load, and compares the headline cells it computed with the engine.
 */
class RestatedLibreOfficeCheck {
    @TempDir
    Path dir;

    @Test
    void libreOfficeRecalculatesToTheEngineFigures() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")), "LibreOffice not installed");
        Path source = dir.resolve("northwind.xlsx");
        Files.copy(Path.of("sample-models/northwind-ai-model.xlsx"), source);
        ReadResult read;
        try (Workbook wb = WorkbookFactory.create(source.toFile(), null, true)) {
            read = OwnModelReader.read(wb, source);
        }
        List<Classification> cls = CogsTest.classifyAll(read.decisions(), Policy.US_GAAP_DEFAULT);
        Path restated = RestatedWorkbookWriter.defaultTarget(source);
        RestatedWorkbookWriter.write(source, read, cls, read.decisions(), Policy.US_GAAP_DEFAULT, Levers.NEUTRAL,
                restated, null);

        Levers stressed = new Levers(0.5, 1.2, 0.1, 3, -0.05, 0.2);
        Path stale = dir.resolve("stale.xlsx");
        try (Workbook wb = RestatedWorkbookCheck.open(restated)) {
            input(wb, "LLMCostChange").setCellValue(stressed.llmCostChange());
            input(wb, "VarianceBuffer").setCellValue(stressed.varianceBuffer());
            input(wb, "HeavyUserShare").setCellValue(stressed.heavyUserShare());
            input(wb, "HeavyUserMultiplier").setCellValue(stressed.heavyUserMultiplier());
            input(wb, "PriceChange").setCellValue(stressed.priceChange());
            input(wb, "TokenPriceDeclinePerYear").setCellValue(stressed.tokenPriceDeclinePerYear());
            try (OutputStream out = Files.newOutputStream(stale)) {
                wb.write(out);
            }
        }

        // A private profile told to recalculate every formula of an .xlsx on load.
        Path profile = dir.resolve("lo-profile/user");
        Files.createDirectories(profile);
        Files.writeString(profile.resolve("registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """);
        Path outDir = dir.resolve("lo");
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "xlsx", "--outdir", outDir.toString(), restated.toString(), stale.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("lo.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        Figures neutral = MarginEngine.compute(read.model(), cls, Levers.NEUTRAL).total();
        Figures moved = MarginEngine.compute(read.model(), cls, stressed).total();
        try (Workbook lo = WorkbookFactory.create(outDir.resolve(restated.getFileName()).toFile(), null, true)) {
            report("as written", lo, neutral);
        }
        try (Workbook lo = WorkbookFactory.create(outDir.resolve("stale.xlsx").toFile(), null, true)) {
            report("inputs changed", lo, moved);
            assertThat(moved.aiLayerStressed().getAsDouble()).isNotCloseTo(neutral.aiLayerStressed().getAsDouble(),
                    within(0.01));
        }
    }

    private static void report(String what, Workbook lo, Figures engine) {
        check(what, lo, "ReportedBlendedGM", engine.reportedBlended().getAsDouble());
        check(what, lo, "RestatedBlendedGM", engine.restatedBlended().getAsDouble());
        check(what, lo, "AILayerGM", engine.aiLayer().getAsDouble());
        check(what, lo, "SoftwareLayerGM", engine.softwareLayer().getAsDouble());
        check(what, lo, "AILayerGMStressed", engine.aiLayerStressed().getAsDouble());
        check(what, lo, "RestatedBlendedGMStressed", engine.restatedBlendedStressed().getAsDouble());
    }

    private static void check(String what, Workbook lo, String name, double expected) {
        Cell c = input(lo, name);
        assertThat(c.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
        double v = c.getNumericCellValue();
        System.out.printf("LibreOffice %-15s %-26s %.12f engine %.12f diff %.1e%n", what, name, v, expected, v - expected);
        assertThat(v).as(what + " " + name).isCloseTo(expected, within(1e-9));
    }

    private static Cell input(Workbook wb, String name) {
        Name n = wb.getName(name);
        CellReference ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }
}
