package com.marginworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code summary --json} carries the decision figures. The Northwind sample is built to the worked
 * example's ratios per account and month (AI revenue 400, LLM inference 228.80, review 8.80), so its
 * figures are those of 100 : 57.2 : 2.2.
 */
class DecisionsJsonTest {
    private final Path northwind = NorthwindSample.path();

    private JsonNode json(String... levers) throws Exception {
        String[] args = new String[levers.length + 3];
        args[0] = "summary";
        args[1] = northwind.toString();
        args[2] = "--json";
        System.arraycopy(levers, 0, args, 3, levers.length);
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("decisions");
    }

    @Test
    void northwindBreaksEvenAtAboutSeventyOnePercentMoreLlmCost() throws Exception {
        JsonNode d = json();
        // 40.6 / 57.2
        assertThat(d.get("breakEvenLlmCostChange").asDouble()).isCloseTo(40.6 / 57.2, within(1e-6));
        // no stress: nothing to restore
        assertThat(d.get("priceChangeToRestoreAiLayer").asDouble()).isCloseTo(0, within(1e-6));
        // share 0 → assumed 10%, and the note says so; Northwind's AI credits are usage-priced, so heavy users
        // bring some revenue with their cost: at that multiplier the stressed AI layer is at 0
        double m = d.get("breakEvenHeavyUserMultiplier").asDouble();
        assertThat(m).isGreaterThan(1);
        assertThat(d.at("/notes/breakEvenHeavyUserMultiplier").asText()).contains("assumed 10%");
        CliRun at = CliRun.of("summary", northwind.toString(), "--json", "--heavy-user-share", "10",
                "--heavy-user-multiplier", Double.toString(m));
        assertThat(new ObjectMapper().readTree(at.out()).at("/margins/aiLayerStressed").asDouble())
                .isCloseTo(0, within(1e-9));
        JsonNode tornado = d.get("tornado");
        assertThat(tornado.size()).isEqualTo(6);
        JsonNode first = tornado.get(0);
        assertThat(first.get(0).asText()).isEqualTo("llmCostChange");
        assertThat(first.get(1).asDouble()).isEqualTo(-0.5);
        assertThat(first.get(2).asDouble()).isEqualTo(1.0);
        // (100 − 28.6 − 2.2) / 100 and (100 − 114.4 − 2.2) / 100
        assertThat(first.get(3).asDouble()).isCloseTo(0.692, within(1e-9));
        assertThat(first.get(4).asDouble()).isCloseTo(-0.166, within(1e-9));
    }

    @Test
    void atFiftyPercentMoreLlmCostAPriceRiseOfAboutFortyEightPercentRestoresTheAiLayer() throws Exception {
        JsonNode d = json("--llm-cost", "50");
        // 1 + p = 88 / 59.4
        assertThat(d.get("priceChangeToRestoreAiLayer").asDouble()).isCloseTo(88 / 59.4 - 1, within(1e-6));
        assertThat(d.get("restoreTarget").asDouble()).isCloseTo(0.406, within(1e-9));
        assertThat(d.at("/notes/priceChangeToRestoreAiLayer").asText()).contains("+48.1%");
        assertThat(d.at("/stressWalk/base").asDouble()).isCloseTo(0.406, within(1e-9));
        assertThat(d.at("/stressWalk/LLM cost").asDouble()).isCloseTo(-0.286, within(1e-9));
        assertThat(d.at("/stressWalk/stressed").asDouble()).isCloseTo(0.12, within(1e-9));
    }

    @Test
    void whatCannotBeReachedIsNullWithASentence() throws Exception {
        // AI prices ×101: 10100 − 57.2 (1 + x) − 2.2 = 0 at x ≈ 175.5, beyond the LLM cost lever's +10000%
        JsonNode d = json("--price-change", "10000");
        assertThat(d.get("breakEvenLlmCostChange").isNull()).isTrue();
        assertThat(d.at("/notes/breakEvenLlmCostChange").asText())
                .contains("never within the LLM cost change range -100% to +10000%; it stays above.");
        // the price that restores 40.6% is a cut: 1 − 59.4 / (100 (1 + p)) = 0.406 at p = 0
        assertThat(d.get("priceChangeToRestoreAiLayer").asDouble()).isCloseTo(0, within(1e-6));
    }
}
