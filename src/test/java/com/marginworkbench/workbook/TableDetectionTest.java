package com.marginworkbench.workbook;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.samples.LargeModel;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TableDetectionTest {
    @TempDir
    Path dir;

    private static CostLine cost(ReadResult r, String label) {
        return r.model().costs().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no cost line " + label + " in " + labels(r)));
    }

    private static int costIndex(ReadResult r, String label) {
        return r.model().costs().indexOf(cost(r, label));
    }

    private static List<String> labels(ReadResult r) {
        return r.model().costs().stream().map(CostLine::label).toList();
    }

    /** A quarterly P&L with a merged title, units in thousands, headings, subtotals, margin rows and a full-year column. */
    private Path quarterlyPnl() throws Exception {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "Acme AI Inc.");
        s.sheet("P&L").addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
        s.row("P&L", 1, 0, "Profit and loss, USD '000");
        s.row("P&L", 3, 0, "", "Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026", "FY 2026");
        s.row("P&L", 4, 0, "Revenue");
        s.row("P&L", 5, 0, "Subscription revenue", 100, 110, 120, 130, "=SUM(B6:E6)");
        s.row("P&L", 6, 0, "AI add-on credits", 20, 25, 30, 35, "=SUM(B7:E7)");
        s.row("P&L", 7, 0, "Total revenue", "=SUM(B6:B7)", "=SUM(C6:C7)", "=SUM(D6:D7)", "=SUM(E6:E7)", "=SUM(F6:F7)");
        s.row("P&L", 9, 0, "Cost of revenue");
        s.row("P&L", 10, 0, "AWS hosting - production", 10, 11, 12, 13, "=SUM(B11:E11)");
        s.row("P&L", 11, 0, "Zendesk support", "1,200", 1300, 1400, "1 500", "=SUM(B12:E12)");
        s.row("P&L", 12, 0, "Cost of revenue, all in", "=SUM(B11:B12)", "=SUM(C11:C12)", "=SUM(D11:D12)",
                "=SUM(E11:E12)", "=SUM(F11:F12)");
        s.row("P&L", 13, 0, "Gross profit", "=B8-B13", "=C8-C13", "=D8-D13", "=E8-E13", "=F8-F13");
        s.row("P&L", 14, 0, "Gross margin", new Sheets.Pct(0.5), new Sheets.Pct(0.5), new Sheets.Pct(0.5),
                new Sheets.Pct(0.5), new Sheets.Pct(0.5));
        s.row("P&L", 16, 0, "Operating expenses");
        s.row("P&L", 17, 0, "OpenAI API - production", 30, 35, 40, 45, "=SUM(B18:E18)");
        s.row("P&L", 18, 0, "Office rent", 5, "(2)", 5, 5, "=SUM(B19:E19)");
        s.row("P&L", 19, 0, "Total operating expenses", "=SUM(B18:B19)", "=SUM(C18:C19)", "=SUM(D18:D19)",
                "=SUM(E18:E19)", "=SUM(F18:F19)");
        s.row("P&L", 20, 0, "EBITDA", "=B14-B20", "=C14-C20", "=D14-D20", "=E14-E20", "=F14-F20");
        s.row("P&L", 22, 0, "Other income");
        s.row("P&L", 23, 0, "Interest income", 1, 1, 1, 1, "=SUM(B24:E24)");
        // A hidden scratch sheet with more lines must not win over the visible P&L.
        s.row("Scratch", 0, 0, "Line", "Jan-26", "Feb-26");
        for (int i = 1; i <= 8; i++) {
            s.row("Scratch", i, 0, "Scratch line " + i, i, i);
        }
        s.wb.setSheetHidden(1, true);
        return s.save(dir.resolve("quarterly.xlsx"));
    }

    @Test
    void quarterlyProfitAndLossWithTitleSubtotalsMarginsAndFullYearColumn() throws Exception {
        ReadResult r = WorkbookReader.read(quarterlyPnl());
        assertThat(r.model().periods().labels()).containsExactly("Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026");
        assertThat(r.model().periods().granularity()).isEqualTo(Granularity.QUARTER);
        assertThat(r.model().revenue()).extracting(RevenueLine::label)
                .containsExactly("Subscription revenue", "AI add-on credits");
        RevenueLine ai = r.model().revenue().get(1);
        assertThat(ai.layer()).isEqualTo(LayerSplit.AI);
        assertThat(ai.usagePriced()).isTrue();
        assertThat(r.model().revenue().get(0).layer()).isEqualTo(LayerSplit.SOFTWARE);
        assertThat(ai.amounts()).containsExactly(20_000, 25_000, 30_000, 35_000);
        assertThat(labels(r)).containsExactly("AWS hosting - production", "Zendesk support", "OpenAI API - production",
                "Office rent");
        assertThat(cost(r, "Zendesk support").amounts()).containsExactly(1_200_000, 1_300_000, 1_400_000, 1_500_000);
        assertThat(cost(r, "Office rent").amounts()).containsExactly(5_000, -2_000, 5_000, 5_000);
        assertThat(cost(r, "AWS hosting - production").reported()).isEqualTo(Placement.COST_OF_REVENUE);
        assertThat(cost(r, "OpenAI API - production").reported()).isEqualTo(Placement.OTHER_OPEX);
        assertThat(cost(r, "OpenAI API - production").source().labelCell()).isEqualTo("P&L!A18");
        assertThat(cost(r, "OpenAI API - production").source().scale()).isEqualTo(1000);
        assertThat(r.decisions().get(costIndex(r, "OpenAI API - production")).costType())
                .isEqualTo(CostType.CUSTOMER_INFERENCE);
        assertThat(r.decisions().get(costIndex(r, "OpenAI API - production")).note())
                .isEqualTo("Suggested from 'OpenAI' + 'production'");
        assertThat(r.problems()).isEmpty();
        assertThat(r.sheets()).extracting(SheetInfo::name, SheetInfo::hidden, SheetInfo::tableRange)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P&L", false, "A4:E19"),
                        org.assertj.core.groups.Tuple.tuple("Scratch", true, null));
    }

    @Test
    void streamingReadGivesTheSameModel() throws Exception {
        Path file = quarterlyPnl();
        ReadResult a = WorkbookReader.read(file, null, WorkbookReader.Route.USER_MODEL);
        ReadResult b = WorkbookReader.read(file, null, WorkbookReader.Route.STREAMING);
        assertThat(b.model().periods()).isEqualTo(a.model().periods());
        assertThat(labels(b)).isEqualTo(labels(a));
        for (int i = 0; i < a.model().costs().size(); i++) {
            assertThat(b.model().costs().get(i).amounts()).containsExactly(a.model().costs().get(i).amounts());
            assertThat(b.model().costs().get(i).source()).isEqualTo(a.model().costs().get(i).source());
        }
        assertThat(b.decisions()).isEqualTo(a.decisions());
    }

    /** Monthly columns as bare date serials, costs typed negative, Cost type and Layer columns, an error cell. */
    @Test
    void serialDatesNegativeCostsOverrideColumnsAndErrorCells() throws Exception {
        int jan = (int) (LocalDate.of(2026, 1, 1).toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay());
        int feb = jan + 31;
        int mar = feb + 28;
        Sheets s = new Sheets();
        s.row("Notes", 0, 0, "This workbook holds our cost detail on the next sheet.");
        s.row("Costs", 4, 0, "AI and infrastructure costs ($k)");
        s.row("Costs", 6, 0, "Line", "Cost type", "Layer", jan, feb, mar);
        s.row("Costs", 7, 0, "Cost of revenue");
        s.row("Costs", 8, 0, "Model provider X", "CUSTOMER_INFERENCE", "AI", -10, -11, -12);
        s.row("Costs", 9, 0, "Hosting", null, null, -5, -5, -5);
        s.row("Costs", 10, 0, "Mystery vendor", null, "AI 40%", -1, -1, -1);
        s.row("Costs", 11, 0, "COGS all-in", null, null, -16, -17, -18);
        s.row("Costs", 13, 0, "Operating expenses");
        s.row("Costs", 14, 0, "Anthropic API - internal", null, null, -2, "=1/0", -2);
        s.row("Costs", 15, 0, "Rent", null, null, -3, -3, -3);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("serials.xlsx")));

        assertThat(r.model().periods().labels()).containsExactly("Jan-26", "Feb-26", "Mar-26");
        assertThat(r.model().periods().granularity()).isEqualTo(Granularity.MONTH);
        assertThat(labels(r)).containsExactly("Model provider X", "Hosting", "Mystery vendor", "Rent");
        CostLine x = cost(r, "Model provider X");
        assertThat(x.amounts()).containsExactly(10_000, 11_000, 12_000);
        assertThat(x.source().scale()).isEqualTo(-1000);
        assertThat(x.layer()).isEqualTo(LayerSplit.AI);
        assertThat(x.reported()).isEqualTo(Placement.COST_OF_REVENUE);
        assertThat(r.decisions().get(0).costType()).isEqualTo(CostType.CUSTOMER_INFERENCE);
        assertThat(r.decisions().get(0).note()).contains("Cost type column");
        assertThat(cost(r, "Mystery vendor").layer().aiShare()).isEqualTo(0.4, within(1e-9));
        assertThat(r.decisions().get(costIndex(r, "Mystery vendor")).costType()).isNull();
        assertThat(cost(r, "Rent").reported()).isEqualTo(Placement.OTHER_OPEX);
        assertThat(r.problems()).hasSize(1);
        Problem p = r.problems().get(0);
        assertThat(p.source()).isEqualTo("Costs!A15");
        assertThat(p.message()).contains("Costs!E15").contains("#DIV/0!").contains("Anthropic API - internal");
    }

    @Test
    void textMonthHeadersRealDatesAndFunctionSections() throws Exception {
        Sheets s = new Sheets();
        s.row("Plan", 0, 0, "Line", "Jan 2026", "Feb 2026", "Mar 2026", "Total");
        s.row("Plan", 1, 0, "Revenue", 1000, 1000, 1000, "=SUM(B2:D2)");
        s.row("Plan", 2, 0, "Research & development");
        s.row("Plan", 3, 0, "Fine-tuning runs (OpenAI)", 50, 60, 70, "=SUM(B4:D4)");
        s.row("Plan", 4, 0, "Sales & marketing");
        s.row("Plan", 5, 0, "Paid search", 20, 20, 20, "=SUM(B6:D6)");
        s.row("Plan", 6, 0, "Free trial inference (Anthropic)", 5, 5, 5, "=SUM(B7:D7)");
        s.row("Dated", 2, 1, "Cost", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1));
        s.row("Dated", 3, 1, "Cost of sales");
        s.row("Dated", 4, 1, "Pinecone", 1, 2, 3);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("text-months.xlsx")));
        assertThat(r.model().periods().labels()).containsExactly("Jan 2026", "Feb 2026", "Mar 2026");
        assertThat(r.model().revenue()).extracting(RevenueLine::label).containsExactly("Revenue");
        assertThat(cost(r, "Fine-tuning runs (OpenAI)").reported()).isEqualTo(Placement.RESEARCH_DEVELOPMENT);
        assertThat(r.decisions().get(0).costType()).isEqualTo(CostType.FINE_TUNING);
        assertThat(cost(r, "Paid search").reported()).isEqualTo(Placement.SALES_MARKETING);
        assertThat(r.decisions().get(costIndex(r, "Free trial inference (Anthropic)")).costType())
                .isEqualTo(CostType.FREE_TIER_INFERENCE);
        assertThat(cost(r, "Paid search").total()).isEqualTo(60);

        Sheets d = new Sheets();
        d.row("Dated", 2, 1, "Cost", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1));
        d.row("Dated", 3, 1, "Cost of sales");
        d.row("Dated", 4, 1, "Pinecone", 1, 2, 3);
        ReadResult dated = WorkbookReader.read(d.save(dir.resolve("dated.xlsx")));
        assertThat(dated.model().periods().labels()).containsExactly("Oct-25", "Nov-25", "Dec-25");
        assertThat(cost(dated, "Pinecone").source().labelCell()).isEqualTo("Dated!B5");
        assertThat(cost(dated, "Pinecone").reported()).isEqualTo(Placement.COST_OF_REVENUE);
        assertThat(dated.decisions().get(0).costType()).isEqualTo(CostType.RAG_SERVING);
    }

    @Test
    void subtotalRowsWithoutFormulasAreFoundByTheirValues() throws Exception {
        Sheets s = new Sheets();
        s.row("Costs", 0, 0, "", "FY24", "FY25", "FY26");
        s.row("Costs", 1, 0, "Cost of revenue");
        s.row("Costs", 2, 0, "Datadog", 3, 4, 5);
        s.row("Costs", 3, 0, "Stripe", 7, 8, 9);
        s.row("Costs", 4, 0, "Direct costs, all", 10, 12, 14);
        s.row("Costs", 5, 0, "Operating expenses", 40, 40, 40);
        s.row("Costs", 6, 0, "Legal", 15, 15, 15);
        s.row("Costs", 7, 0, "Recruiting", 25, 25, 25);
        ReadResult r = WorkbookReader.read(s.save(dir.resolve("values.xlsx")));
        assertThat(r.model().periods().granularity()).isEqualTo(Granularity.YEAR);
        assertThat(labels(r)).containsExactly("Datadog", "Stripe", "Legal", "Recruiting");
        assertThat(cost(r, "Legal").reported()).isEqualTo(Placement.OTHER_OPEX);
    }

    /**
     * Long blocks of lines with subtotal rows typed as values after runs of 2 to 6 lines: amounts all
     * positive in one sheet (running sums rise), with credits (negative lines) in the other. Exactly
     * the subtotal rows are left out, whatever their number and position.
     */
    @Test
    void typedSubtotalsAreFoundInLongBlocksWithAndWithoutCredits() throws Exception {
        java.util.Random random = new java.util.Random(20261127);
        for (boolean credits : new boolean[]{false, true}) {
            Sheets s = new Sheets();
            s.row("Costs", 0, 0, "", "M1", "M2", "M3", "M4");
            s.row("Costs", 1, 0, "Operating expenses");
            int row = 2;
            List<String> expected = new java.util.ArrayList<>();
            int subtotals = 0;
            for (int run = 0; run < 60; run++) {
                int lines = 2 + random.nextInt(5);
                double[] sum = new double[4];
                for (int l = 0; l < lines; l++) {
                    Object[] values = new Object[5];
                    String label = "Vendor " + row;
                    values[0] = label;
                    boolean negative = credits && random.nextInt(4) == 0;
                    for (int k = 0; k < 4; k++) {
                        double v = (1 + random.nextInt(1_000_000)) * (negative ? -1 : 1);
                        values[k + 1] = v;
                        sum[k] += v;
                    }
                    s.row("Costs", row++, 0, values);
                    expected.add(label);
                }
                s.row("Costs", row++, 0, "Group " + run, sum[0], sum[1], sum[2], sum[3]);
                subtotals++;
            }
            ReadResult r = WorkbookReader.read(s.save(dir.resolve("subtotals-" + credits + ".xlsx")), null, WorkbookReader.Route.STREAMING);
            assertThat(labels(r)).as("credits %s, %d subtotal rows", credits, subtotals).isEqualTo(expected);
        }
    }

    @Test
    void formulaSavedWithoutResultIsRecalculatedOrReported() throws Exception {
        Sheets s = new Sheets();
        s.row("Costs", 0, 0, "", "M1", "M2", "M3");
        s.row("Costs", 1, 0, "Cost of revenue");
        s.row("Costs", 2, 0, "Groq inference", "=10*2", 21, 22);
        s.row("Costs", 3, 0, "Intercom", 1, 1, 1);
        Path file = s.save(dir.resolve("no-cache.xlsx"), false);
        ReadResult user = WorkbookReader.read(file);
        assertThat(cost(user, "Groq inference").amounts()).containsExactly(20, 21, 22);
        assertThat(user.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("1 formula was saved without a result and calculated here before reading"));

        ReadResult streamed = WorkbookReader.read(file, null, WorkbookReader.Route.STREAMING);
        assertThat(labels(streamed)).containsExactly("Intercom");
        assertThat(streamed.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("Costs!A3");
            assertThat(p.message()).contains("Costs!B3").contains("no saved result");
            assertThat(p.line()).isEqualTo("Groq inference");
            assertThat(p.cell()).isEqualTo("Costs!B3");
        });
    }

    @Test
    void workbookWithoutCostTableSaysWhatWasLookedFor() throws Exception {
        Sheets s = new Sheets();
        s.row("Notes", 0, 0, "Meeting notes");
        s.row("Notes", 1, 0, "Nothing to see", 1, 2, 3);
        Path file = s.save(dir.resolve("notes.xlsx"));
        assertThatThrownBy(() -> WorkbookReader.read(file)).isInstanceOf(WorkbookReadException.class)
                .hasMessageContaining("notes.xlsx").hasMessageContaining("no cost table")
                .hasMessageContaining("Jan-26");
    }

    @Test
    void largeGeneratedWorkbookReadsTheSameBothWays() throws Exception {
        Path file = dir.resolve("large.xlsx");
        LargeModel.write(file, 400, 24);
        ReadResult streamed = WorkbookReader.read(file, null, WorkbookReader.Route.STREAMING);
        ReadResult user = WorkbookReader.read(file, null, WorkbookReader.Route.USER_MODEL);
        assertThat(streamed.model().costs()).hasSize(400);
        assertThat(streamed.model().revenue()).hasSize(2);
        assertThat(streamed.model().periods().count()).isEqualTo(24);
        assertThat(streamed.model().periods().label(0)).isEqualTo("Jan-26");
        assertThat(streamed.model().costs().stream().filter(c -> c.reported() == Placement.COST_OF_REVENUE))
                .hasSize(100);
        for (int i = 0; i < 400; i++) {
            assertThat(streamed.model().costs().get(i).amounts()).containsExactly(user.model().costs().get(i).amounts());
        }
        assertThat(streamed.decisions()).isEqualTo(user.decisions());
        assertThat(streamed.decisions()).noneMatch(d -> d.costType() == null);
    }
}
