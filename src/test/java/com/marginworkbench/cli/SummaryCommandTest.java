package com.marginworkbench.cli;

import com.marginworkbench.testing.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummaryCommandTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /**
     * Revenue 1000 a month (AI add-on 400), OpenAI production inference 200 reported in OpEx, AWS hosting
     * 100 in cost of revenue, an unknown line, and rent.
     */
    private Path pnl(String name) throws Exception {
        Object[][] rows = {
                    {"", "Jan-26", "Feb-26"},
                    {"Revenue"},
                    {"Subscription", 600, 600},
                    {"AI add-on (usage credits)", 400, 400},
                    {"Cost of revenue"},
                    {"AWS hosting - production", 100, 100},
                    {"Operating expenses"},
                    {"OpenAI API - production", 200, 200},
                    {"Miscellaneous", 10, 10},
                    {"Office rent", 50, 50},
        };
        return TestWorkbooks.write(dir.resolve(name), rows);
    }

    @Test
    void amountsAreWrittenAsTheirFormatWouldWriteThem() {
        java.util.Random random = new java.util.Random(7);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994,
                -0.4, 999.5, 999_999.5, 1234567.5, 1e15 + 0.5, 123456789012345678901.0, -9.87654321e19, 4.35,
                Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, Double.MAX_VALUE, -Double.MAX_VALUE));
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(19) - 3);
            double v = (random.nextDouble() - 0.5) * scale;
            values.add(v);
            values.add(Math.rint(v * 2) / 2);
        }
        for (double v : values) {
            assertThat(SummaryCommand.money(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%,.0f", v));
        }
        assertThat(SummaryCommand.money(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void aLinesTableRowIsLaidOutAsItsFormatWould() {
        String[][] rows = {
            {"Source", "Line", "Layer", "Cost type", "Reported", "Restated", "Total"},
            {"'Cost ledger'!A12", "OpenAI API \u2013 production #12", "AI", "Customer inference", "COGS",
                "Cost of revenue", "1,234,567"},
            {"", "a label far longer than its thirty-six characters of room", "", "", "", "", "-12,345,678,901,234"},
        };
        for (String[] r : rows) {
            assertThat(SummaryCommand.lineRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6])).isEqualTo(String.format(
                    java.util.Locale.ROOT, "  %-20s %-36s %-8s %-26s %-11s %-11s %14s", (Object[]) r));
        }
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Path file = pnl("pnl.xlsx");
        CliRun r = run("summary", file.toString(), "--json", "--llm-cost", "+50%", "--framework", "ifrs");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("workbook", "framework", "periods", "levers",
                "policy", "totals", "margins", "unitEconomics", "decisions", "lines", "review", "problems",
                "linesNotRead", "table", "units", "unitScale", "checks", "confidence", "confidenceReasons",
                "readingNotes");
        assertThat(j.get("workbook").asText()).isEqualTo("pnl.xlsx");
        assertThat(j.get("framework").asText()).isEqualTo("IFRS");
        assertThat(j.get("periods")).extracting(JsonNode::asText).containsExactly("Jan-26", "Feb-26");
        assertThat(j.get("levers").fieldNames()).toIterable().containsExactly("llmCostChange", "varianceBuffer",
                "heavyUserShare", "heavyUserMultiplier", "priceChange", "tokenPriceDeclinePerYear",
                "heavyUserBaseline", "heavyUserFactor", "firstForecastPeriod");
        assertThat(j.at("/levers/llmCostChange").asDouble()).isEqualTo(0.5);
        assertThat(j.get("totals").fieldNames()).toIterable().containsExactly("revenue", "aiRevenue",
                "softwareRevenue", "reportedCogs", "restatedCogs", "restatedCogsStressed", "vendorCreditsInCogs",
                "amortizationInCogs");
        assertThat(j.at("/totals/revenue").asDouble()).isEqualTo(2000);
        assertThat(j.at("/totals/aiRevenue").asDouble()).isEqualTo(800);
        assertThat(j.at("/totals/reportedCogs").asDouble()).isEqualTo(200);
        assertThat(j.at("/totals/restatedCogs").asDouble()).isEqualTo(600);
        assertThat(j.at("/totals/restatedCogsStressed").asDouble()).isEqualTo(800);
        assertThat(j.get("margins").fieldNames()).toIterable().containsExactly("reportedBlended", "restatedBlended",
                "restatedBlendedStressed", "aiLayer", "aiLayerStressed", "softwareLayer", "reportedAiLayer",
                "reportedAiLayerNote", "restatedBlendedExCredits", "aiLayerExCredits");
        // The workbook puts no AI cost in reported cost of revenue: not 100%, but n/a with the reason.
        assertThat(j.at("/margins/reportedAiLayer").isNull()).isTrue();
        assertThat(j.at("/margins/reportedAiLayerNote").asText())
                .isEqualTo("n/a (no AI cost in reported cost of revenue)");
        assertThat(j.at("/margins/reportedBlended").asDouble()).isEqualTo(0.9, within(1e-12));
        assertThat(j.at("/margins/restatedBlended").asDouble()).isEqualTo(0.7, within(1e-12));
        assertThat(j.at("/margins/aiLayer").asDouble()).isEqualTo(0.5, within(1e-12));
        assertThat(j.at("/margins/aiLayerStressed").asDouble()).isEqualTo(0.25, within(1e-12));
        assertThat(j.at("/unitEconomics/ltvToCac").isNull()).isTrue();
        assertThat(j.get("unitEconomics").fieldNames()).toIterable().containsExactly("ltvToCac", "ltvToCacStressed",
                "ltvToCacAiLayer", "ltvToCacAiLayerStressed", "arpaStressed", "cacStressed");
        assertThat(j.get("lines")).hasSize(6);
        JsonNode openai = j.get("lines").get(3);
        assertThat(openai.fieldNames()).toIterable().containsExactly("label", "source", "kind", "layer", "costType",
                "reported", "treatment", "reason", "total");
        assertThat(openai.get("label").asText()).isEqualTo("OpenAI API - production");
        assertThat(openai.get("source").asText()).isEqualTo("P&L!A8");
        assertThat(openai.get("kind").asText()).isEqualTo("cost");
        assertThat(openai.get("layer").asText()).isEqualTo("AI");
        assertThat(openai.get("costType").asText()).isEqualTo("CUSTOMER_INFERENCE");
        assertThat(openai.get("reported").asText()).isEqualTo("OPEX");
        assertThat(openai.get("treatment").asText()).isEqualTo("COGS");
        assertThat(openai.get("total").asDouble()).isEqualTo(400);
        JsonNode revenue = j.get("lines").get(1);
        assertThat(revenue.get("kind").asText()).isEqualTo("revenue");
        assertThat(revenue.get("layer").asText()).isEqualTo("AI");
        assertThat(revenue.get("reported").asText()).isEqualTo("REVENUE");
        JsonNode misc = j.get("lines").get(4);
        assertThat(misc.get("costType").isNull()).isTrue();
        assertThat(misc.get("treatment").asText()).isEqualTo("REVIEW");
        assertThat(j.get("review").asInt()).isEqualTo(1);
        assertThat(j.get("problems")).isEmpty();
    }

    @Test
    void timingsOnlyWhenAsked() throws Exception {
        Path file = pnl("pnl.xlsx");
        JsonNode j = new ObjectMapper().readTree(run("summary", file.toString(), "--json", "--timings").out());
        assertThat(j.get("timings").fieldNames()).toIterable().containsExactly("readMs", "computeMs");
    }

    @Test
    void tableIsReadable() throws Exception {
        CliRun r = run("summary", pnl("pnl.xlsx").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Blended gross margin").contains("90.0%").contains("70.0%")
                .contains("OpenAI API - production").contains("1 to review");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path csv = dir.resolve("x.xlsx");
        Files.writeString(csv, "a,b,c\n1,2,3\n");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"summary", dir.resolve("missing.xlsx").toString()});
        cases.add(new String[]{"summary", csv.toString()});
        cases.add(new String[]{"summary", TestFiles.poiFile("protected_passtika.xlsx").toString()});
        cases.add(new String[]{"summary", pnl("ok.xlsx").toString(), "--llm-cost", "lots"});
        cases.add(new String[]{"summary", pnl("ok2.xlsx").toString(), "--framework", "hgb"});
        cases.add(new String[]{"summary"});
        for (String[] args : cases) {
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err().strip()).as(String.join(" ", args)).isNotEmpty().doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void folderGivesOneLinePerWorkbookAndCarriesOnPastFailures() throws Exception {
        pnl("a.xlsx");
        Files.writeString(dir.resolve("b.xlsx"), "not,a,workbook\n");
        pnl("c.xlsx");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        CliRun r = run("summary", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().toList().get(0)).startsWith("a.xlsx: reported 90.0%, restated 70.0%");
        assertThat(r.out().lines().toList().get(1)).startsWith("c.xlsx:");
        assertThat(r.err().lines()).singleElement().asString().contains("b.xlsx");

        CliRun json = run("summary", dir.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j).hasSize(3);
        assertThat(j.get(1).get("error").asText()).contains("b.xlsx");
        assertThat(j.get(2).at("/margins/aiLayer").asDouble()).isEqualTo(0.5, within(1e-12));
    }
}
