package com.marginworkbench.workbook;

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
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The committed samples read as sample-models/README.md says, figure by figure. */
class SampleModelsReadingTest {
    private static final Path SAMPLES = Path.of("sample-models");

    private static MarginResult compute(ReadResult r, Levers levers) {
        return MarginEngine.compute(r.model(), CogsTest.classifyAll(r.decisions(), Policy.US_GAAP_DEFAULT), levers);
    }

    private static List<CostType> types(ReadResult r) {
        return r.decisions().stream().map(d -> d.costType()).toList();
    }

    @Test
    void ownSeventeenSheetModel() throws Exception {
        ReadResult r = WorkbookReader.read(SAMPLES.resolve("northwind-ai-model.xlsx"));
        assertThat(r.ownModel()).isTrue();
        assertThat(r.model().periods().count()).isEqualTo(12);
        assertThat(r.model().costs()).hasSize(19);
        Figures t = compute(r, Levers.NEUTRAL).total();
        assertThat(t.reportedCogs()).isEqualTo(518_679.60, within(0.01));
        assertThat(t.restatedCogs()).isEqualTo(2_131_746.00, within(0.01));
        assertThat(t.restatedBlended().getAsDouble()).isEqualTo(0.8430, within(0.0005));
        assertThat(t.aiLayer().getAsDouble()).isEqualTo(0.4060, within(0.0005));
        MarginResult stressed = compute(r, Levers.NEUTRAL.withLlmCostChange(0.5));
        assertThat(stressed.total().aiLayerStressed().getAsDouble()).isEqualTo(0.1200, within(0.0005));
        assertThat(stressed.unitEconomics().ltvToCac().getAsDouble()).isEqualTo(4.16, within(0.005));
        // Before item 11 this was 3.88 with CAC unmoved. Free-tier inference (157,582, LLM-priced, in S&M of
        // 7,158,498) costs 78,791 more at +50%, so CAC × 7,237,289 / 7,158,498 = CAC × 1.01101:
        // 3.88 / 1.01101 = 3.84.
        assertThat(stressed.unitEconomics().ltvToCacStressed().getAsDouble()).isEqualTo(3.84, within(0.005));
        // the same ARPA at the AI layer's margin: 4.16 × 0.406 / 0.843 = 2.00
        assertThat(stressed.unitEconomics().ltvToCacAiLayer().getAsDouble()).isEqualTo(2.00, within(0.005));
    }

    @Test
    void acmeMonthlyProfitAndLoss() throws Exception {
        ReadResult r = WorkbookReader.read(SAMPLES.resolve("client-pnl-acme.xlsx"));
        assertThat(r.ownModel()).isFalse();
        assertThat(r.model().periods().count()).isEqualTo(12);
        assertThat(r.model().periods().label(0)).isEqualTo("Jan-26");
        assertThat(r.model().revenue()).extracting(RevenueLine::label).containsExactly("Subscription revenue",
                "AI assistant revenue (usage-based)", "Professional services");
        assertThat(r.model().revenue().get(1).usagePriced()).isTrue();
        assertThat(r.model().costs()).extracting(c -> c.source().row() + 1).containsExactly(13, 14, 15, 16, 24, 25,
                26, 27, 28, 31, 32, 33, 36, 37, 38);
        assertThat(types(r)).containsExactly(CostType.HOSTING_CUSTOMER, CostType.HOSTING_CUSTOMER,
                CostType.CUSTOMER_SUPPORT, CostType.PAYMENT_PROCESSING, CostType.CUSTOMER_INFERENCE,
                CostType.RAG_SERVING, CostType.DATA_LABELING, CostType.MODEL_TRAINING, CostType.RESEARCH_DEVELOPMENT,
                CostType.SALES_MARKETING, CostType.FREE_TIER_INFERENCE, CostType.SALES_MARKETING,
                CostType.INTERNAL_INFERENCE, CostType.HOSTING_INTERNAL, CostType.GENERAL_ADMIN);
        CostLine openai = r.model().costs().get(4);
        assertThat(openai.reported()).isEqualTo(Placement.RESEARCH_DEVELOPMENT);
        assertThat(openai.llmPriced()).isTrue();
        assertThat(r.model().costs().get(2).total()).isEqualTo(43_620);
        assertThat(r.model().costs().get(13).total()).isEqualTo(72_200);
        assertThat(r.problems()).isEmpty();
        Figures t = compute(r, Levers.NEUTRAL).total();
        assertThat(t.revenue()).isEqualTo(6_754_900, within(0.01));
        assertThat(t.aiRevenue()).isEqualTo(1_045_800, within(0.01));
        assertThat(t.reportedCogs()).isEqualTo(491_782, within(0.01));
        assertThat(t.restatedCogs()).isEqualTo(986_412, within(0.01));
        assertThat(t.reportedBlended().getAsDouble()).isEqualTo(0.9272, within(0.00005));
        assertThat(t.restatedBlended().getAsDouble()).isEqualTo(0.8540, within(0.00005));
        assertThat(t.aiLayer().getAsDouble()).isEqualTo(0.5270, within(0.00005));
        Figures s = compute(r, Levers.NEUTRAL.withLlmCostChange(0.5)).total();
        assertThat(s.aiLayerStressed().getAsDouble()).isEqualTo(0.3149, within(0.00005));
    }

    @Test
    void borealisQuarterlyCostsOnALaterSheet() throws Exception {
        ReadResult r = WorkbookReader.read(SAMPLES.resolve("client-costs-quarterly.xlsx"));
        assertThat(r.model().periods().labels()).containsExactly("Q1 FY26", "Q2 FY26", "Q3 FY26", "Q4 FY26");
        assertThat(r.model().revenue()).extracting(RevenueLine::label)
                .containsExactly("Platform licences", "AI triage add-on");
        assertThat(r.model().costs()).extracting(c -> c.source().sheet() + "!" + (c.source().row() + 1))
                .containsExactly("Costs by quarter!16", "Costs by quarter!17", "Costs by quarter!18",
                        "Costs by quarter!19", "Costs by quarter!24", "Costs by quarter!25", "Costs by quarter!26",
                        "Costs by quarter!27", "Costs by quarter!30", "Costs by quarter!31", "Costs by quarter!34",
                        "Costs by quarter!35");
        assertThat(types(r)).containsExactly(CostType.CUSTOMER_INFERENCE, CostType.HITL_DELIVERY,
                CostType.HOSTING_CUSTOMER, CostType.CUSTOMER_SUPPORT, CostType.MODEL_TRAINING, CostType.DATA_LABELING,
                CostType.RAG_BUILD, CostType.RESEARCH_DEVELOPMENT, CostType.SALES_MARKETING,
                CostType.FREE_TIER_INFERENCE, CostType.INTERNAL_INFERENCE, CostType.GENERAL_ADMIN);
        assertThat(r.model().costs().get(0).source().scale()).isEqualTo(1000);
        assertThat(r.sheets()).filteredOn(SheetInfo::hidden).extracting(SheetInfo::name).containsExactly("Lookup");
        Figures t = compute(r, Levers.NEUTRAL).total();
        assertThat(t.revenue()).isEqualTo(6_818_000, within(0.01));
        assertThat(t.aiRevenue()).isEqualTo(1_519_000, within(0.01));
        assertThat(t.reportedCogs()).isEqualTo(1_421_900, within(0.01));
        assertThat(t.restatedCogs()).isEqualTo(1_421_900, within(0.01));
        assertThat(t.reportedBlended().getAsDouble()).isEqualTo(0.7914, within(0.00005));
        assertThat(t.aiLayer().getAsDouble()).isEqualTo(0.3797, within(0.00005));
        Figures s = compute(r, Levers.NEUTRAL.withLlmCostChange(0.5)).total();
        assertThat(s.aiLayerStressed().getAsDouble()).isEqualTo(0.1356, within(0.00005));
    }

    @Test
    void clientSamplesReadTheSameWhenStreamed() throws Exception {
        for (String name : new String[]{"client-pnl-acme.xlsx", "client-costs-quarterly.xlsx"}) {
            ReadResult user = WorkbookReader.read(SAMPLES.resolve(name), null, WorkbookReader.Route.USER_MODEL);
            ReadResult streamed = WorkbookReader.read(SAMPLES.resolve(name), null, WorkbookReader.Route.STREAMING);
            assertThat(streamed.model().periods()).as(name).isEqualTo(user.model().periods());
            assertThat(streamed.model().costs()).as(name).hasSameSizeAs(user.model().costs());
            for (int i = 0; i < user.model().costs().size(); i++) {
                assertThat(streamed.model().costs().get(i).amounts()).as(name)
                        .containsExactly(user.model().costs().get(i).amounts());
                assertThat(streamed.model().costs().get(i).reported()).isEqualTo(user.model().costs().get(i).reported());
            }
            assertThat(streamed.model().revenue()).extracting(RevenueLine::total)
                    .isEqualTo(user.model().revenue().stream().map(RevenueLine::total).toList());
            assertThat(streamed.decisions()).as(name).isEqualTo(user.decisions());
            assertThat(streamed.sheets()).as(name).isEqualTo(user.sheets());
        }
    }
}
