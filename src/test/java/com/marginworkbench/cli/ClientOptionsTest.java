package com.marginworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Options a client workbook needs (issue 13, items 1, 7, 9, 14), on a small P&L. */
class ClientOptionsTest {
    @TempDir
    Path dir;

    /**
     * Two months, Jan-28A and Feb-28E. Revenue 1000 a month (AI add-on 400). Cost of revenue: AWS
     * production hosting 100, Snowflake 30. Operating expenses: "OpenAI API" 200 (a name alone),
     * "OpenAI API - production" 100, "Free trial inference" 20.
     */
    private Path pnl() throws Exception {
        Object[][] rows = {
                {"", "Jan-28A", "Feb-28E"},
                {"Revenue"},
                {"Subscription", 600, 600},
                {"AI add-on (usage credits)", 400, 400},
                {"Cost of revenue"},
                {"AWS hosting - production", 100, 100},
                {"Snowflake", 30, 30},
                {"Operating expenses"},
                {"OpenAI API", 200, 200},
                {"OpenAI API - production", 100, 100},
                {"Free trial inference (OpenAI)", 20, 20},
        };
        return TestWorkbooks.write(dir.resolve("client.xlsx"), rows);
    }

    private static JsonNode line(JsonNode j, String label) {
        for (JsonNode l : j.get("lines")) {
            if (l.get("label").asText().equals(label)) {
                return l;
            }
        }
        throw new AssertionError("no line " + label);
    }

    @Test
    void vendorNamesAloneGoToReviewAndKeepTheirPlace() throws Exception {
        CliRun r = CliRun.of("summary", pnl().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(line(j, "OpenAI API").get("treatment").asText()).isEqualTo("REVIEW");
        assertThat(line(j, "OpenAI API").get("reason").asText()).contains("'OpenAI'").contains("customer-facing");
        assertThat(line(j, "OpenAI API - production").get("treatment").asText()).isEqualTo("COGS");
        // Snowflake is a data platform (internal by default) reported in COGS: a name alone does not move it out
        assertThat(line(j, "Snowflake").get("costType").asText()).isEqualTo("HOSTING_INTERNAL");
        assertThat(line(j, "Snowflake").get("treatment").asText()).isEqualTo("REVIEW");
        // restated COGS per month: AWS 100 + Snowflake 30 (kept) + production API 100 = 230; 2 months = 460
        assertThat(j.at("/totals/restatedCogs").asDouble()).isEqualTo(460, within(1e-9));
    }

    @Test
    void policiesUnitInputsAndForecastPeriodsAreOptions() throws Exception {
        CliRun r = CliRun.of("summary", pnl().toString(), "--json", "--free-tier", "fulfilment", "--asu-2025-06",
                "adopted", "--fiscal-year-start", "2027-07-01", "--arpa", "1000", "--churn", "2", "--cac", "10000",
                "--token-decline", "50", "--llm-cost", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/policy/freeTier").asText()).isEqualTo("CONTRACT_FULFILMENT");
        assertThat(j.at("/policy/asu202506Adopted").asBoolean()).isTrue();
        assertThat(j.at("/policy/fiscalYearStart").asText()).isEqualTo("2027-07-01");
        // Jan-28 and Feb-28 fall in the fiscal year beginning 2027-07-01
        assertThat(j.at("/policy/asu202506ByFiscalYear/0/fiscalYearStart").asText()).isEqualTo("2027-07-01");
        assertThat(j.at("/policy/asu202506ByFiscalYear/0/asu202506Applies").asBoolean()).isTrue();
        // free tier as fulfilment: COGS per month 100 + 30 + 100 + 20 = 250 → blended (1000 − 250) / 1000 = 0.75
        assertThat(line(j, "Free trial inference (OpenAI)").get("treatment").asText()).isEqualTo("COGS");
        assertThat(j.at("/margins/restatedBlended").asDouble()).isEqualTo(0.75, within(1e-12));
        // LTV:CAC = 1000 × 0.75 / 0.02 / 10 000 = 3.75; AI layer: AI COGS 100 + 20 = 120 of 400 → 0.7,
        // so 1000 × 0.7 / 0.02 / 10 000 = 3.5
        assertThat(j.at("/unitEconomics/ltvToCac").asDouble()).isEqualTo(3.75, within(1e-12));
        assertThat(j.at("/unitEconomics/ltvToCacAiLayer").asDouble()).isEqualTo(3.5, within(1e-12));
        // Feb-28E marks the first forecast period (from the heading)
        assertThat(j.at("/levers/firstForecastPeriod").asText()).isEqualTo("Feb-28E");
        assertThat(j.at("/levers/tokenPriceDeclinePerYear").asDouble()).isEqualTo(0.5);
    }

    @Test
    void forecastFromNamesAPeriodAndBadValuesAreOneLine() throws Exception {
        Path file = pnl();
        CliRun none = CliRun.of("summary", file.toString(), "--json", "--forecast-from", "none");
        assertThat(new ObjectMapper().readTree(none.out()).at("/levers/firstForecastPeriod").isNull()).isTrue();
        CliRun first = CliRun.of("summary", file.toString(), "--json", "--forecast-from", "1");
        assertThat(new ObjectMapper().readTree(first.out()).at("/levers/firstForecastPeriod").asText())
                .isEqualTo("Jan-28A");
        CliRun bad = CliRun.of("summary", file.toString(), "--forecast-from", "Mar-31");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--forecast-from").contains("Mar-31").doesNotContain("Exception");
        CliRun churn = CliRun.of("summary", file.toString(), "--churn", "0");
        assertThat(churn.exit()).isEqualTo(2);
        assertThat(churn.err()).contains("--churn");
        CliRun preset = CliRun.of("summary", file.toString(), "--json", "--preset", "seed");
        JsonNode p = new ObjectMapper().readTree(preset.out());
        assertThat(p.at("/levers/llmCostChange").asDouble()).isEqualTo(0.5);
        assertThat(p.at("/levers/varianceBuffer").asDouble()).isEqualTo(1.2);
    }
}
