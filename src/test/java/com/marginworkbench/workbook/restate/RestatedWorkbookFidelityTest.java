package com.marginworkbench.workbook.restate;

import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;
import com.marginworkbench.workbook.own.OwnModelReader;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.marginworkbench.workbook.restate.RestatedWorkbookCheck.assertFormulasMatchCache;
import static com.marginworkbench.workbook.restate.RestatedWorkbookCheck.assertHeadlinesMatch;
import static com.marginworkbench.workbook.restate.RestatedWorkbookCheck.assertOriginalPartsKept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Restating real files: the sample model and POI's feature files (charts, tables, pivot tables,
 * macros, comments, validation, conditional formats, pictures, hyperlinks, named ranges). Every
 * original part must come through, and the new formulas must give the engine's figures.
 */
class RestatedWorkbookFidelityTest {
    private static final Path CORPUS = TestFiles.poiCorpus();
    private static final Path SAMPLE = Path.of("sample-models/northwind-ai-model.xlsx");
    private static final Set<String> TOUCHED = Set.of("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "[Content_Types].xml", "xl/styles.xml");
    private static final Levers STRESSED = new Levers(0.5, 1.2, 0.1, 5, -0.1, 0);

    @TempDir
    Path dir;

    private static MarginResult restate(Path source, ReadResult read, Policy policy, Levers levers, Path target)
            throws RestateException {
        List<Classification> cls = CogsTest.classifyAll(read.decisions(), policy);
        RestatedWorkbookWriter.write(source, read, cls, read.decisions(), policy, levers, target, null);
        return MarginEngine.compute(read.model(), cls, levers);
    }

    @Test
    void theSampleModelRestatesToTheWorkedExample() throws Exception {
        Path source = dir.resolve("northwind-ai-model.xlsx");
        Files.copy(SAMPLE, source);
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_600_000_000_000L));
        byte[] before = Files.readAllBytes(source);
        ReadResult read;
        try (Workbook wb = WorkbookFactory.create(source.toFile(), null, true)) {
            read = OwnModelReader.read(wb, source);
        }
        Policy policy = Policy.US_GAAP_DEFAULT.withFiscalYearStart(read.model().fiscalYearStart());
        Path out = RestatedWorkbookWriter.defaultTarget(source);
        MarginResult engine = restate(source, read, policy, Levers.NEUTRAL.withLlmCostChange(0.5), out);

        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(1_600_000_000_000L);
        assertOriginalPartsKept(source, out, TOUCHED);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(17 + 5);
            assertFormulasMatchCache(wb, List.of("Restated P&L", "Classification", "Stress", "Margin Bridge", "Sensitivity"));
            assertHeadlinesMatch(wb, engine);
            // The sample is built to the published example: 84.3% restated, 40.6% AI layer, ~12% at +50% LLM cost.
            assertThat(RestatedWorkbookCheck.evaluateName(wb, "RestatedBlendedGM").getAsDouble()).isCloseTo(0.843, within(0.0005));
            assertThat(RestatedWorkbookCheck.evaluateName(wb, "AILayerGM").getAsDouble()).isCloseTo(0.406, within(0.0005));
            assertThat(RestatedWorkbookCheck.evaluateName(wb, "AILayerGMStressed").getAsDouble()).isCloseTo(0.12, within(0.0005));
            // The sample's own names are still there.
            assertThat(wb.getName("UE_LTV_to_CAC")).isNotNull();
            assertThat(wb.getName("MarginWorkbenchModel")).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"northwind-ai-model.xlsx", "client-pnl-acme.xlsx", "client-costs-quarterly.xlsx"})
    void everySampleRestatesThroughTheReader(String name) throws Exception {
        Path source = dir.resolve(name);
        Files.copy(SAMPLE.resolveSibling(name), source);
        byte[] before = Files.readAllBytes(source);
        ReadResult read = WorkbookReader.read(source);
        Policy policy = Policy.US_GAAP_DEFAULT.withFiscalYearStart(read.model().fiscalYearStart());
        Path out = RestatedWorkbookWriter.defaultTarget(source);
        MarginResult engine = restate(source, read, policy, STRESSED, out);
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        assertOriginalPartsKept(source, out, TOUCHED);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            assertFormulasMatchCache(wb, List.of("Restated P&L", "Classification", "Stress", "Margin Bridge", "Sensitivity"));
            assertHeadlinesMatch(wb, engine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WithChart.xlsx", "WithChartSheet.xlsx", "WithTable.xlsx", "ExcelPivotTableSample.xlsx",
            "SimpleMacro.xlsm", "WithConditionalFormatting.xlsx", "DataValidations-49244.xlsx",
            "SimpleWithComments.xlsx", "picture.xlsx", "sharedhyperlink.xlsx", "simple-table-named-range.xlsx",
            "noSharedStringTable.xlsx", "SampleSS.xlsx"})
    void featureFilesKeepEveryPart(String name) throws Exception {
        Path source = dir.resolve(name);
        Files.copy(CORPUS.resolve(name), source);
        byte[] before = Files.readAllBytes(source);
        ReadResult read = RestateFixtures.overExistingCells(source);
        Path out = RestatedWorkbookWriter.defaultTarget(source);
        assertThat(out.getFileName().toString()).endsWith(name.endsWith(".xlsm") ? "-restated.xlsm" : "-restated.xlsx");
        MarginResult engine = restate(source, read, Policy.US_GAAP_DEFAULT, STRESSED, out);

        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        Map<String, byte[]> parts = RestatedWorkbookCheck.parts(source);
        Set<String> touched = new java.util.HashSet<>(TOUCHED);
        assertOriginalPartsKept(source, out, touched);
        assertThat(RestatedWorkbookCheck.parts(out).size()).isEqualTo(parts.size() + 5);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            assertFormulasMatchCache(wb, List.of("Restated P&L", "Classification", "Stress", "Margin Bridge", "Sensitivity"));
            assertHeadlinesMatch(wb, engine);
        }
    }

    @Test
    void theMacroProjectIsByteIdentical() throws Exception {
        Path source = dir.resolve("SimpleMacro.xlsm");
        Files.copy(CORPUS.resolve("SimpleMacro.xlsm"), source);
        Path out = RestatedWorkbookWriter.defaultTarget(source);
        restate(source, RestateFixtures.overExistingCells(source), Policy.US_GAAP_DEFAULT, Levers.NEUTRAL, out);
        byte[] vba = RestatedWorkbookCheck.parts(source).get("xl/vbaProject.bin");
        assertThat(vba).isNotNull();
        assertThat(RestatedWorkbookCheck.parts(out).get("xl/vbaProject.bin")).isEqualTo(vba);
        assertThat(new String(RestatedWorkbookCheck.parts(out).get("[Content_Types].xml"), "UTF-8"))
                .contains("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }

    @Test
    void strictOpenXmlIsRefusedWithOneLine() throws Exception {
        Path source = dir.resolve("SimpleStrict.xlsx");
        Files.copy(CORPUS.resolve("SimpleStrict.xlsx"), source);
        ReadResult read = RestateFixtures.demo(dir, "demo.xlsx").read();
        Path out = dir.resolve("strict-out.xlsx");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        restate(source, read, Policy.US_GAAP_DEFAULT, Levers.NEUTRAL, out))
                .isInstanceOf(RestateException.class)
                .hasMessageContaining("Strict");
        assertThat(out).doesNotExist();
    }
}
