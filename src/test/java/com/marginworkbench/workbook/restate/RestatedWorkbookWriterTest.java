package com.marginworkbench.workbook.restate;

import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.workbook.Progress;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static com.marginworkbench.workbook.restate.RestatedWorkbookCheck.assertFormulasMatchCache;
import static com.marginworkbench.workbook.restate.RestatedWorkbookCheck.assertHeadlinesMatch;
import static com.marginworkbench.workbook.restate.RestatedWorkbookCheck.assertOriginalPartsKept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestatedWorkbookWriterTest {
    private static final Set<String> TOUCHED = Set.of("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "[Content_Types].xml", "xl/styles.xml");
    private static final List<String> NEW_SHEETS = List.of("Restated P&L", "Classification", "Stress", "Margin Bridge", "Sensitivity");
    private static final Levers STRESSED = new Levers(0.5, 1.2, 0.1, 5, -0.1, 0.3);

    @TempDir
    Path dir;

    private static RestatedWorkbookWriter.Outcome restate(RestateFixtures.Fixture f, Levers levers, Path target)
            throws RestateException {
        List<Classification> cls = CogsTest.classifyAll(f.read().decisions(), Policy.US_GAAP_DEFAULT);
        return RestatedWorkbookWriter.write(f.file(), f.read(), cls, f.read().decisions(), Policy.US_GAAP_DEFAULT,
                levers, target, null);
    }

    private static MarginResult engine(RestateFixtures.Fixture f, Levers levers) {
        return MarginEngine.compute(f.read().model(),
                CogsTest.classifyAll(f.read().decisions(), Policy.US_GAAP_DEFAULT), levers);
    }

    @Test
    void theNewSheetsPrintOnePageWideWithTheirLabelColumnsOnEveryPage() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Path out = dir.resolve("print.xlsx");
        restate(f, Levers.NEUTRAL, out);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            for (String name : NEW_SHEETS) {
                org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(name);
                assertThat(sheet.getFitToPage()).as(name + " fit to page").isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(name + " pages wide").isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(name + " pages tall: as many as needed").isZero();
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                String repeated = sheet.getRepeatingColumns().formatAsString();
                assertThat(repeated).as(name + " repeated columns")
                        .isEqualTo(name.equals("Margin Bridge") || name.equals("Sensitivity") ? "A:A" : "A:B");
            }
            // The source's own sheets keep their print setup: nothing repeats on them.
            assertThat(wb.getSheetAt(0).getRepeatingColumns()).isNull();
        }
    }

    @Test
    void everyNewFormulaEvaluatesToTheEngineFigures() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Path out = RestatedWorkbookWriter.defaultTarget(f.file());
        RestatedWorkbookWriter.Outcome o = restate(f, Levers.NEUTRAL, out);
        assertThat(o.target()).isEqualTo(dir.resolve("demo-restated.xlsx").toAbsolutePath());
        assertThat(o.sheets()).containsExactlyElementsOf(NEW_SHEETS);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            int checked = assertFormulasMatchCache(wb, NEW_SHEETS);
            assertThat(checked).isGreaterThan(14 * 6 + 100);
            MarginResult engine = engine(f, Levers.NEUTRAL);
            assertHeadlinesMatch(wb, engine);
            // The demo is built so the restatement moves margin: inference leaves R&D, Review stays in COGS.
            assertThat(engine.total().restatedBlended().getAsDouble())
                    .isLessThan(engine.total().reportedBlended().getAsDouble());
            assertThat(engine.bridge()).isNotEmpty();
            assertThat(wb.getSheetIndex("Restated P&L")).isEqualTo(2);
            // The number typed as text cannot be summed by a formula, so it is copied as a value and said so.
            org.apache.poi.ss.usermodel.Sheet cls = wb.getSheet("Classification");
            org.apache.poi.ss.usermodel.Row stripe = null;
            for (org.apache.poi.ss.usermodel.Row r : cls) {
                if ("Stripe fees".equals(r.getCell(1).getStringCellValue())) {
                    stripe = r;
                }
            }
            assertThat(stripe).isNotNull();
            assertThat(stripe.getCell(3).getStringCellValue()).contains("copied as values: G17");
            assertThat(stripe.getCell(RestatedSheets.C_FIRST_PERIOD + 3).getCellType())
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(stripe.getCell(RestatedSheets.C_FIRST_PERIOD + 3).getNumericCellValue()).isEqualTo(1_234_500.0);
            assertThat(stripe.getCell(RestatedSheets.C_FIRST_PERIOD + 2).getCellFormula()).isEqualTo("'P&L ''FY26'' (k)'!F17*1000");
        }
    }

    @Test
    void stressedLeversAreWrittenAsInputsAndTheFormulasFollowThem() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Path out = dir.resolve("stressed.xlsx");
        restate(f, STRESSED, out);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            assertFormulasMatchCache(wb, NEW_SHEETS);
            MarginResult engine = engine(f, STRESSED);
            assertHeadlinesMatch(wb, engine);
            assertThat(engine.total().aiLayerStressed().getAsDouble())
                    .isNotCloseTo(engine.total().aiLayer().getAsDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(inputCell(wb, "LLMCostChange").getNumericCellValue()).isEqualTo(0.5);
            assertThat(inputCell(wb, "HeavyUserMultiplier").getNumericCellValue()).isEqualTo(5.0);
        }
    }

    @Test
    void changingAnInputInTheSpreadsheetMovesTheStressedFiguresLikeTheEngine() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Path out = dir.resolve("neutral.xlsx");
        restate(f, Levers.NEUTRAL, out);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            inputCell(wb, "LLMCostChange").setCellValue(STRESSED.llmCostChange());
            inputCell(wb, "VarianceBuffer").setCellValue(STRESSED.varianceBuffer());
            inputCell(wb, "HeavyUserShare").setCellValue(STRESSED.heavyUserShare());
            inputCell(wb, "HeavyUserMultiplier").setCellValue(STRESSED.heavyUserMultiplier());
            inputCell(wb, "PriceChange").setCellValue(STRESSED.priceChange());
            inputCell(wb, "TokenPriceDeclinePerYear").setCellValue(STRESSED.tokenPriceDeclinePerYear());
            assertHeadlinesMatch(wb, engine(f, STRESSED));
        }
    }

    private static Cell inputCell(Workbook wb, String name) {
        Name n = wb.getName(name);
        CellReference ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    @Test
    void everyOriginalPartIsKeptAndTheSourceIsUntouched() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Files.setLastModifiedTime(f.file(), FileTime.fromMillis(1_700_000_000_000L));
        byte[] before = Files.readAllBytes(f.file());
        Path out = RestatedWorkbookWriter.defaultTarget(f.file());
        restate(f, STRESSED, out);
        assertThat(Files.readAllBytes(f.file())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(f.file()).toMillis()).isEqualTo(1_700_000_000_000L);
        assertOriginalPartsKept(f.file(), out, TOUCHED);
        try (Workbook wb = RestatedWorkbookCheck.open(out)) {
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("P&L 'FY26' (k)");
            assertThat(wb.getSheetAt(1).getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void secondRunPicksTheNextFreeNameAndKeepsItsOwnSheetsApart() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Path first = RestatedWorkbookWriter.defaultTarget(f.file());
        restate(f, Levers.NEUTRAL, first);
        Path second = RestatedWorkbookWriter.defaultTarget(f.file());
        assertThat(second.getFileName().toString()).isEqualTo("demo-restated-2.xlsx");

        // Restating the restated workbook: new sheets and names get a suffix, the earlier ones stay.
        RestateFixtures.Fixture again = new RestateFixtures.Fixture(first, f.read());
        RestatedWorkbookWriter.Outcome o = restate(again, STRESSED, dir.resolve("again.xlsx"));
        assertThat(o.sheets()).containsExactly("Restated P&L (2)", "Classification (2)", "Stress (2)",
                "Margin Bridge (2)", "Sensitivity (2)");
        assertThat(o.definedNames().get("AILayerGM")).isEqualTo("AILayerGM_2");
        try (Workbook wb = RestatedWorkbookCheck.open(dir.resolve("again.xlsx"))) {
            assertFormulasMatchCache(wb, o.sheets());
            MarginResult engine = engine(f, STRESSED);
            RestatedWorkbookCheck.assertClose(RestatedWorkbookCheck.evaluateName(wb, "AILayerGMStressed_2"),
                    engine.total().aiLayerStressed(), "second restatement");
        }
        assertOriginalPartsKept(first, dir.resolve("again.xlsx"), TOUCHED);
    }

    @Test
    void theSourceIsNeverTheTarget() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        byte[] before = Files.readAllBytes(f.file());
        Files.createDirectories(dir.resolve("sub"));
        Path link = dir.resolve("link.xlsx");
        Files.createSymbolicLink(link, f.file());
        for (Path target : List.of(f.file(), dir.resolve("sub/../demo.xlsx"), link,
                Path.of(dir.toString(), ".", "demo.xlsx"))) {
            assertThatThrownBy(() -> restate(f, Levers.NEUTRAL, target))
                    .isInstanceOf(RestateException.class)
                    .hasMessageContaining("source workbook itself");
        }
        assertThat(Files.readAllBytes(f.file())).isEqualTo(before);
    }

    @Test
    void refusesOldFormatAndWrongExtensionWithOneLine() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        assertThatThrownBy(() -> restate(f, Levers.NEUTRAL, dir.resolve("out.xlsm")))
                .isInstanceOf(RestateException.class).hasMessageContaining(".xlsx");
        Path xls = dir.resolve("old.xls");
        Files.copy(TestFiles.poiFile("SampleSS.xls"), xls);
        RestateFixtures.Fixture old = new RestateFixtures.Fixture(xls, f.read());
        assertThatThrownBy(() -> restate(old, Levers.NEUTRAL, dir.resolve("old-restated.xlsx")))
                .isInstanceOf(RestateException.class)
                .hasMessageContaining(".xls")
                .hasMessageContaining("save it as .xlsx")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path fake = dir.resolve("fake.xlsx");
        Files.writeString(fake, "not a zip");
        assertThatThrownBy(() -> restate(new RestateFixtures.Fixture(fake, f.read()), Levers.NEUTRAL,
                dir.resolve("fake-out.xlsx")))
                .isInstanceOf(RestateException.class).hasMessageContaining("fake.xlsx");
        assertThat(dir.resolve("fake-out.xlsx")).doesNotExist();
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        Path out = dir.resolve("cancelled.xlsx");
        List<Classification> cls = CogsTest.classifyAll(f.read().decisions(), Policy.US_GAAP_DEFAULT);
        Progress cancelLater = new Progress() {
            double seen;

            @Override
            public void update(double fraction, String step) {
                seen = fraction;
            }

            @Override
            public boolean cancelled() {
                return seen > 0.1;
            }
        };
        assertThatThrownBy(() -> RestatedWorkbookWriter.write(f.file(), f.read(), cls, f.read().decisions(),
                Policy.US_GAAP_DEFAULT, Levers.NEUTRAL, out, cancelLater)).isInstanceOf(CancellationException.class);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("demo.xlsx");
        }
    }

    @Test
    void aMissingFolderIsOneClearMessage() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        assertThatThrownBy(() -> restate(f, Levers.NEUTRAL, dir.resolve("no/such/folder/out.xlsx")))
                .isInstanceOf(RestateException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void progressReachesOne() throws Exception {
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "demo.xlsx");
        List<Classification> cls = CogsTest.classifyAll(f.read().decisions(), Policy.US_GAAP_DEFAULT);
        double[] last = {0};
        boolean[] monotonic = {true};
        RestatedWorkbookWriter.write(f.file(), f.read(), cls, f.read().decisions(), Policy.US_GAAP_DEFAULT,
                Levers.NEUTRAL, dir.resolve("p.xlsx"), (fraction, step) -> {
                    monotonic[0] &= fraction >= last[0];
                    last[0] = fraction;
                });
        assertThat(last[0]).isEqualTo(1.0);
        assertThat(monotonic[0]).isTrue();
    }

    static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to);
    }
}
