package com.marginworkbench.workbook.own;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.UnitInputs;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.SheetInfo;
import com.marginworkbench.workbook.WorkbookReadException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OwnModelReaderTest {
    static final Path SAMPLE = Path.of("sample-models", "northwind-ai-model.xlsx");
    static ReadResult result;
    static MarginResult neutral;
    static MarginResult llmPlus50;

    @BeforeAll
    static void readSample() throws Exception {
        try (Workbook wb = WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            assertThat(OwnModelReader.recognizes(wb)).isTrue();
            result = OwnModelReader.read(wb, SAMPLE);
        }
        List<Classification> cls = CogsTest.classifyAll(result.decisions(), Policy.US_GAAP_DEFAULT);
        neutral = MarginEngine.compute(result.model(), cls, Levers.NEUTRAL);
        llmPlus50 = MarginEngine.compute(result.model(), cls, Levers.NEUTRAL.withLlmCostChange(0.5));
    }

    @Test
    void readsTwelveMonthsAndEveryLineOnce() {
        assertThat(result.ownModel()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.model().periods().labels()).containsExactly("Jan-26", "Feb-26", "Mar-26", "Apr-26",
                "May-26", "Jun-26", "Jul-26", "Aug-26", "Sep-26", "Oct-26", "Nov-26", "Dec-26");
        assertThat(result.model().revenue()).extracting(RevenueLine::label)
                .containsExactly("Platform subscriptions", "AI Copilot add-on", "AI usage credits");
        assertThat(result.model().revenue()).extracting(RevenueLine::usagePriced).containsExactly(false, false, true);
        assertThat(result.model().costs()).hasSize(19);
        assertThat(result.model().costs()).extracting(CostLine::label).doesNotHaveDuplicates()
                .noneMatch(l -> l.startsWith("Total"));
        assertThat(result.decisions()).allSatisfy(d -> {
            assertThat(d.costType()).isNotNull();
            assertThat(d.note()).isEqualTo("Cost type column");
        });
        assertThat(result.model().fiscalYearStart()).hasToString("2026-01-01");
        assertThat(result.model().name()).isEqualTo("Northwind AI, Inc.");
        assertThat(result.sheets()).hasSize(17);
        assertThat(result.sheets()).filteredOn(s -> s.tableRange() != null).extracting(SheetInfo::name)
                .containsExactlyInAnyOrder(OwnModelLayout.REVENUE, OwnModelLayout.OPEX, OwnModelLayout.COGS);
    }

    @Test
    void placesEachLineWhereTheCompanyReportsIt() {
        CostLine inference = line("LLM API - production (customer features)");
        assertThat(inference.reported()).isEqualTo(Placement.RESEARCH_DEVELOPMENT);
        assertThat(inference.llmPriced()).isTrue();
        assertThat(inference.usageVariable()).isTrue();
        assertThat(inference.layer().aiShare()).isEqualTo(1.0);
        assertThat(inference.source().labelCell()).isEqualTo("OpEx!A9");
        assertThat(inference.source().periodCell(0)).isEqualTo("OpEx!D9");
        assertThat(inference.source().periodCell(11)).isEqualTo("OpEx!O9");
        assertThat(line("Human review of AI outputs (BPO vendor)").reported()).isEqualTo(Placement.OTHER_OPEX);
        assertThat(line("Free-tier inference").reported()).isEqualTo(Placement.SALES_MARKETING);
        assertThat(line("Internal AI tools").reported()).isEqualTo(Placement.GENERAL_ADMIN);
        assertThat(line("Customer support (outsourced)").reported()).isEqualTo(Placement.COST_OF_REVENUE);
        assertThat(line("Customer support (outsourced)").source().labelCell()).isEqualTo("COGS (as reported)!A8");
        assertThat(result.model().costs()).filteredOn(c -> c.reported() == Placement.COST_OF_REVENUE).hasSize(3);
        assertThat(result.decisions().get(result.model().costs().indexOf(inference)).costType())
                .isEqualTo(CostType.CUSTOMER_INFERENCE);
    }

    @Test
    void amountsAreTheCellsTheSourcePointsAt() throws Exception {
        try (Workbook wb = WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            for (CostLine c : result.model().costs()) {
                for (int i = 0; i < c.periodCount(); i++) {
                    Cell cell = wb.getSheet(c.source().sheet()).getRow(c.source().row())
                            .getCell(c.source().periodColumn(i));
                    assertThat(cell.getNumericCellValue()).as(c.source().periodCell(i)).isEqualTo(c.amount(i));
                }
            }
        }
    }

    @Test
    void restatedMarginsReproduceTheWorkedExample() {
        Figures t = neutral.total();
        assertThat(t.restatedBlended().getAsDouble()).isCloseTo(0.843, within(0.001));
        assertThat(t.aiLayer().getAsDouble()).isCloseTo(0.406, within(0.001));
        assertThat(llmPlus50.total().aiLayerStressed().getAsDouble()).isCloseTo(0.120, within(0.001));
        // The proportions hold in every month, not only over the year.
        for (int i = 0; i < 12; i++) {
            assertThat(neutral.period(i).restatedBlended().getAsDouble()).isCloseTo(0.843, within(0.001));
            assertThat(llmPlus50.period(i).aiLayerStressed().getAsDouble()).isCloseTo(0.120, within(0.001));
        }
        assertThat(t.aiRevenue() / t.revenue()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void reportedMarginIsWhatTheWorkbooksOwnPnlShows() throws Exception {
        double pnlMargin = cached(OwnModelLayout.PNL, "P12");
        assertThat(neutral.total().reportedBlended().getAsDouble()).isCloseTo(pnlMargin, within(1e-12));
        assertThat(pnlMargin).isGreaterThan(0.95);
    }

    @Test
    void ltvToCacMatchesTheUnitEconomicsSheet() throws Exception {
        UnitInputs in = result.model().unitInputs();
        assertThat(in.basis()).isEqualTo(UnitInputs.MarginBasis.BLENDED);
        assertThat(in.churnMonthly()).isEqualTo(0.015);
        double sheetRatio = cachedName(OwnModelLayout.NAME_LTV_TO_CAC);
        assertThat(neutral.unitEconomics().ltvToCac().getAsDouble()).isCloseTo(sheetRatio, within(1e-9));
        assertThat(sheetRatio).isCloseTo(4.16, within(0.01));
        double stressedOnSheet = cached(OwnModelLayout.SCENARIOS, "E21");
        assertThat(llmPlus50.unitEconomics().ltvToCacStressed().getAsDouble()).isCloseTo(stressedOnSheet,
                within(1e-9));
        assertThat(llmPlus50.total().aiLayerStressed().getAsDouble())
                .isCloseTo(cached(OwnModelLayout.SCENARIOS, "E15"), within(1e-9));
    }

    /** Each scenario column of the sheet, fed to the engine as levers, gives the sheet's own margins. */
    @Test
    void everyScenarioOnTheSheetMatchesTheEngine() throws Exception {
        List<Classification> cls = CogsTest.classifyAll(result.decisions(), Policy.US_GAAP_DEFAULT);
        for (String col : List.of("D", "E", "F", "G")) {
            Levers levers = Levers.NEUTRAL.withLlmCostChange(cached(OwnModelLayout.SCENARIOS, col + "7"))
                    .withVarianceBuffer(cached(OwnModelLayout.SCENARIOS, col + "8"))
                    .withPriceChange(cached(OwnModelLayout.SCENARIOS, col + "9"));
            MarginResult m = MarginEngine.compute(result.model(), cls, levers);
            assertThat(m.total().aiLayerStressed().getAsDouble()).as("AI layer, column " + col)
                    .isCloseTo(cached(OwnModelLayout.SCENARIOS, col + "15"), within(1e-9));
            assertThat(m.total().restatedBlendedStressed().getAsDouble()).as("blended, column " + col)
                    .isCloseTo(cached(OwnModelLayout.SCENARIOS, col + "19"), within(1e-9));
            // Row 20: CAC with the free-tier inference in S&M at the stressed LLM price.
            assertThat(m.unitEconomics().cacStressed()).as("CAC, column " + col)
                    .isCloseTo(cached(OwnModelLayout.SCENARIOS, col + "20"), within(1e-6));
            assertThat(m.unitEconomics().ltvToCacStressed().getAsDouble()).as("LTV:CAC, column " + col)
                    .isCloseTo(cached(OwnModelLayout.SCENARIOS, col + "21"), within(1e-9));
            assertThat(m.unitEconomics().ltvToCacAiLayerStressed().getAsDouble()).as("AI-layer LTV:CAC, column " + col)
                    .isCloseTo(cached(OwnModelLayout.SCENARIOS, col + "22"), within(1e-9));
        }
        // The seed's "4.16 toward roughly 2:1": 4.16 × 40.6 / 84.3 = 2.00, the AI-layer basis, on the sheet too.
        assertThat(neutral.unitEconomics().ltvToCacAiLayer().getAsDouble()).isCloseTo(2.00, within(0.005))
                .isCloseTo(cached(OwnModelLayout.SCENARIOS, "D22"), within(1e-9));
        for (int ignored = 0; ignored < 1; ignored++) {
        }
    }

    @Test
    void aCellInErrorIsNamedAndNeverReadAsZero() throws Exception {
        try (XSSFWorkbook wb = (XSSFWorkbook) WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            Cell e9 = wb.getSheet(OwnModelLayout.OPEX).getRow(8).getCell(4);
            e9.setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(e9);
            ReadResult r = OwnModelReader.read(wb, SAMPLE);
            assertThat(r.problems()).extracting(Problem::source).containsExactly("OpEx!E9");
            assertThat(r.problems().get(0).message()).contains("#DIV/0!");
            CostLine broken = r.model().costs().stream()
                    .filter(c -> c.source().labelCell().equals("OpEx!A9")).findFirst().orElseThrow();
            assertThat(broken.amount(1)).isNaN();
            MarginResult m = MarginEngine.compute(r.model(),
                    CogsTest.classifyAll(r.decisions(), Policy.US_GAAP_DEFAULT), Levers.NEUTRAL);
            assertThat(m.total().restatedBlended()).isEmpty();
            assertThat(m.period(0).restatedBlended()).isPresent();
        }
    }

    @Test
    void formulaWithoutSavedValueIsCalculatedAndTextNumbersAreParsed() throws Exception {
        try (XSSFWorkbook wb = (XSSFWorkbook) WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            // Marketing programs, row 20: one month recomputed, one month typed as text.
            XSSFCell d20 = wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(3);
            d20.setCellFormula("2000+3");
            d20.getCTCell().unsetV();
            wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(4).setCellValue("(1,250)");
            ReadResult r = OwnModelReader.read(wb, SAMPLE);
            CostLine programs = r.model().costs().stream()
                    .filter(c -> c.label().equals("Marketing programs")).findFirst().orElseThrow();
            assertThat(programs.amount(0)).isEqualTo(2003.0);
            assertThat(programs.amount(1)).isEqualTo(-1250.0);
            assertThat(r.problems()).isEmpty();
        }
    }

    @Test
    void unknownCostTypeGoesToReviewWithAProblem() throws Exception {
        try (XSSFWorkbook wb = (XSSFWorkbook) WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(1).setCellValue("Sponsorships");
            wb.getSheet(OwnModelLayout.OPEX).getRow(19).getCell(2).setCellValue("AI 40%");
            ReadResult r = OwnModelReader.read(wb, SAMPLE);
            int i = indexOf(r, "Marketing programs");
            assertThat(r.decisions().get(i).costType()).isNull();
            assertThat(r.model().costs().get(i).layer().aiShare()).isEqualTo(0.4);
            assertThat(r.problems()).extracting(Problem::source).containsExactly("OpEx!B20");
            assertThat(CogsTest.classify(r.decisions().get(i), Policy.US_GAAP_DEFAULT).isReview()).isTrue();
        }
    }

    @Test
    void recognizesTheFileWithoutOpeningAWorkbook(@TempDir Path dir) throws IOException {
        assertThat(OwnModelReader.recognizes(SAMPLE)).isTrue();
        assertThat(OwnModelReader.recognizes(Path.of("sample-models", "client-pnl-acme.xlsx"))).isFalse();
        assertThat(OwnModelReader.recognizes(Files.writeString(dir.resolve("notes.xlsx"), "not a zip"))).isFalse();
        assertThat(OwnModelReader.recognizes(dir.resolve("missing.xlsx"))).isFalse();
    }

    @Test
    void otherWorkbooksAreNotRecognized() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("P&L");
            assertThat(OwnModelReader.recognizes(wb)).isFalse();
            assertThatThrownBy(() -> OwnModelReader.read(wb, Path.of("client.xlsx")))
                    .isInstanceOf(WorkbookReadException.class).hasMessageContaining("client.xlsx");
        }
    }

    private static int indexOf(ReadResult r, String label) {
        for (int i = 0; i < r.model().costs().size(); i++) {
            if (r.model().costs().get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no line " + label);
    }

    private static CostLine line(String label) {
        return result.model().costs().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label));
    }

    private static double cached(String sheet, String cell) throws Exception {
        try (Workbook wb = WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            CellReference ref = new CellReference(cell);
            return wb.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue();
        }
    }

    private static double cachedName(String name) throws Exception {
        try (Workbook wb = WorkbookFactory.create(SAMPLE.toFile(), null, true)) {
            CellReference ref = new CellReference(wb.getName(name).getRefersToFormula());
            return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue();
        }
    }
}
