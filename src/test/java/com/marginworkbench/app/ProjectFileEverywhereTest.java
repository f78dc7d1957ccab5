package com.marginworkbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.cli.CliRun;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One project file, three front doors: the window's view model writes it, a person edits it, and
 * {@code summary --json}, {@code restate} and the reopened window all show the same figures.
 */
class ProjectFileEverywhereTest extends AcmeWindows {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "Pinecone (vector DB, production retrieval)": RAG serving, cost of revenue by the test. */
    private static final String LINE = "P&L!A25";

    private JsonNode summary(String... extra) throws Exception {
        String[] args = new String[3 + extra.length];
        args[0] = "summary";
        args[1] = book.toString();
        args[2] = "--json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void anEditedProjectFileChangesSummaryRestateAndTheWindowAlike() throws Exception {
        Path project = window().saveProject();
        assertThat(project).isEqualTo(dir.resolve("acme.mwb.json"));

        ObjectNode root = (ObjectNode) JSON.readTree(project.toFile());
        boolean edited = false;
        for (JsonNode line : (ArrayNode) root.get("lines")) {
            if (LINE.equals(line.path("source").asText())) {
                assertThat(line.path("costType").asText()).isEqualTo(CostType.RAG_SERVING.id());
                ((ObjectNode) line).put("costType", CostType.SALES_MARKETING.id());
                edited = true;
            }
        }
        assertThat(edited).as("the window wrote line " + LINE).isTrue();
        JSON.writerWithDefaultPrettyPrinter().writeValue(project.toFile(), root);

        JsonNode fresh = summary("--no-project");
        JsonNode withProject = summary();
        double lineTotal = 51_000;
        assertThat(withProject.at("/totals/restatedCogs").asDouble())
                .isCloseTo(fresh.at("/totals/restatedCogs").asDouble() - lineTotal, within(0.01));
        assertThat(withProject.at("/margins/restatedBlended").asDouble())
                .isGreaterThan(fresh.at("/margins/restatedBlended").asDouble());
        CliRun said = CliRun.of("summary", book.toString());
        assertThat(said.err()).contains("Using project file").contains("acme.mwb.json");

        CliRun restate = CliRun.of("restate", book.toString());
        assertThat(restate.exit()).as(restate.err()).isZero();
        assertThat(restate.err()).contains("Using project file");
        String restated = percent(withProject.at("/margins/restatedBlended").asDouble());
        assertThat(restate.out()).contains("restated " + restated);
        CliRun restateFresh = CliRun.of("restate", book.toString(), "--no-project", "-o",
                dir.resolve("fresh.xlsx").toString());
        assertThat(restateFresh.out()).contains("restated " + percent(fresh.at("/margins/restatedBlended").asDouble()))
                .doesNotContain("restated " + restated);

        WorkbenchViewModel reopened = window();
        assertThat(reopened.grid().rows().stream().filter(r -> r.source().equals(LINE)).findFirst().orElseThrow()
                .treatment()).isNotEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(reopened.result().total().restatedBlended().getAsDouble())
                .isEqualTo(withProject.at("/margins/restatedBlended").asDouble());
    }

    @Test
    void theCommandLineAndTheWindowGiveIdenticalFiguresForTheSameProject() throws Exception {
        WorkbenchViewModel vm = window();
        int line = vm.grid().rows().stream().filter(r -> r.source().equals(LINE)).findFirst().orElseThrow().index();
        vm.grid().setCostType(java.util.List.of(line), CostType.EVAL_DEVELOPMENT);
        vm.stress().valueProperty(Lever.LLM_COST).set(40);
        vm.stress().valueProperty(Lever.HEAVY_SHARE).set(10);
        vm.stress().valueProperty(Lever.HEAVY_MULTIPLIER).set(3);
        vm.saveProject();
        Figures w = vm.result().total();

        JsonNode cli = summary();
        assertThat(cli.at("/levers/llmCostChange").asDouble()).isEqualTo(0.4);
        assertThat(cli.at("/totals/revenue").asDouble()).isEqualTo(w.revenue());
        assertThat(cli.at("/totals/reportedCogs").asDouble()).isEqualTo(w.reportedCogs());
        assertThat(cli.at("/totals/restatedCogs").asDouble()).isEqualTo(w.restatedCogs());
        assertThat(cli.at("/totals/restatedCogsStressed").asDouble()).isEqualTo(w.stressedCogs());
        same(cli.at("/margins/restatedBlended"), w.restatedBlended());
        same(cli.at("/margins/restatedBlendedStressed"), w.restatedBlendedStressed());
        same(cli.at("/margins/aiLayer"), w.aiLayer());
        same(cli.at("/margins/aiLayerStressed"), w.aiLayerStressed());
        same(cli.at("/margins/softwareLayer"), w.softwareLayer());

        JsonNode overridden = summary("--llm-cost", "0");
        assertThat(overridden.at("/levers/llmCostChange").asDouble()).as("a typed lever wins").isZero();
        assertThat(overridden.at("/levers/heavyUserShare").asDouble()).as("the others stay").isEqualTo(0.1);
    }

    @Test
    void modelAssumptionsSetInTheWindowReachTheCommandLineAndUndo() throws Exception {
        WorkbenchViewModel vm = window();
        String fifth = vm.model().periods().label(4);
        // ARPA 2 000 a month, churn 2% a month, CAC 15 000; forecasts from the fifth period; tokens 30% cheaper a year
        vm.changeAssumptions(new Assumptions(2000.0, 0.02, 15_000.0, fifth));
        assertThat(vm.stress().setFromText(Lever.TOKEN_DECLINE, "30")).isEmpty();
        vm.stress().valueProperty(Lever.LLM_COST).set(20);
        vm.refreshFigures();
        vm.saveProject();
        var w = vm.result();
        // LTV:CAC = ARPA × blended GM ÷ churn ÷ CAC = 2000 × GM / 0.02 / 15000
        double gm = w.total().restatedBlended().getAsDouble();
        assertThat(w.unitEconomics().ltvToCac().getAsDouble()).isCloseTo(2000 * gm / 0.02 / 15_000, within(1e-9));

        JsonNode cli = summary();
        assertThat(cli.at("/levers/firstForecastPeriod").asText()).isEqualTo(fifth);
        assertThat(cli.at("/levers/tokenPriceDeclinePerYear").asDouble()).isEqualTo(0.3);
        assertThat(cli.at("/unitEconomics/ltvToCac").asDouble()).isEqualTo(w.unitEconomics().ltvToCac().getAsDouble());
        same(cli.at("/margins/aiLayerStressed"), w.total().aiLayerStressed());
        assertThat(cli.at("/totals/restatedCogsStressed").asDouble()).isEqualTo(w.total().stressedCogs());
        // the decline works on forecast periods only: marking every period actual changes the stressed cost
        JsonNode allActual = summary("--forecast-from", "none");
        assertThat(allActual.at("/levers/firstForecastPeriod").isNull()).isTrue();
        assertThat(allActual.at("/totals/restatedCogsStressed").asDouble())
                .isNotEqualTo(cli.at("/totals/restatedCogsStressed").asDouble());
        JsonNode typed = summary("--arpa", "1000");
        assertThat(typed.at("/unitEconomics/ltvToCac").asDouble()).as("a typed ARPA wins, churn and CAC stay")
                .isCloseTo(cli.at("/unitEconomics/ltvToCac").asDouble() / 2, within(1e-9));

        // one undo step per edit (lever edits are steps too where the window records them)
        for (int i = 0; i < 3 && !vm.assumptions().isEmpty(); i++) {
            vm.undoStack().undo();
        }
        assertThat(vm.assumptions()).isEqualTo(Assumptions.NONE);
        assertThat(vm.result().unitEconomics().ltvToCac()).isNotEqualTo(w.unitEconomics().ltvToCac());
    }

    @Test
    void aSavedForecastPeriodTheWorkbookNoLongerHasIsNamedAndTheHeadingsDecide() throws Exception {
        Path project = window().saveProject();
        ObjectNode root = (ObjectNode) JSON.readTree(project.toFile());
        root.putObject("assumptions").put("firstForecast", "Dec-99").put("churnMonthly", 7.5).put("cac", 900);
        JSON.writeValue(project.toFile(), root);
        CliRun run = CliRun.of("summary", book.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("first forecast period").contains("Dec-99");
        WorkbenchViewModel reopened = window();
        // a churn of 750% a month cannot be; the CAC of 900 is kept
        assertThat(reopened.assumptions()).isEqualTo(new Assumptions(null, null, 900.0, null));
    }

    @Test
    void aNamedProjectFileMustExistAndNoProjectIgnoresIt() throws Exception {
        CliRun missing = CliRun.of("summary", book.toString(), "--project", dir.resolve("nope.mwb.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("nope.mwb.json").doesNotContain("\n").doesNotContain("Exception");
        CliRun both = CliRun.of("summary", book.toString(), "--project", "x.mwb.json", "--no-project");
        assertThat(both.exit()).isEqualTo(2);
        CliRun none = CliRun.of("summary", book.toString());
        assertThat(none.err()).doesNotContain("project file");
    }

    private static void same(JsonNode json, OptionalDouble value) {
        if (value.isEmpty()) {
            assertThat(json.isNull()).isTrue();
        } else {
            assertThat(json.asDouble()).isEqualTo(value.getAsDouble());
        }
    }

    private static String percent(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
    }
}
