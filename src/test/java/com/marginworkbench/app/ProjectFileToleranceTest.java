package com.marginworkbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.cli.CliRun;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, project files: a field that does not parse costs that field only (named with its path
 * and value), and a project file is applied only to the workbook file it was written for, its
 * extension included.
 */
class ProjectFileToleranceTest extends AcmeWindows {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "Pinecone (vector DB, production retrieval)": cost of revenue unless the project says otherwise. */
    private static final String LINE = "P&L!A25";

    /** A project saved by the window with {@link #LINE} set to Sales & marketing and the LLM cost lever at +40%. */
    private ObjectNode savedProject() throws Exception {
        WorkbenchViewModel vm = window(book);
        vm.grid().setCostType(java.util.List.of(index(vm, LINE)), CostType.SALES_MARKETING);
        vm.stress().valueProperty(Lever.LLM_COST).set(40);
        Path project = vm.saveProject();
        assertThat(project).isEqualTo(dir.resolve("acme.mwb.json"));
        return (ObjectNode) JSON.readTree(project.toFile());
    }

    private void write(ObjectNode root) throws Exception {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("acme.mwb.json").toFile(), root);
    }

    private static ObjectNode line(ObjectNode root, String source) {
        for (JsonNode l : (ArrayNode) root.get("lines")) {
            if (source.equals(l.path("source").asText())) {
                return (ObjectNode) l;
            }
        }
        throw new AssertionError("no line " + source);
    }

    @Test
    void aFieldThatDoesNotParseIsLeftOutAndNamedTheRestIsApplied() throws Exception {
        ObjectNode root = savedProject();
        line(root, LINE).put("noteTime", "yesterday").put("note", "kept");
        ((ObjectNode) root.get("policy")).put("fiscalYearStart", "2025-02-30");
        ArrayNode lines = (ArrayNode) root.get("lines");
        lines.insertNull(0);
        ((ObjectNode) lines.get(1)).put("aiShare", "half");
        ((ObjectNode) root.get("levers")).put("variance-buffer", "lots");
        root.putNull("revenue");
        write(root);

        CliRun run = CliRun.of("summary", book.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Using project file")
                .contains("lines[0] = null")
                .contains("lines[1].aiShare = \"half\"")
                .contains("noteTime = \"yesterday\"")
                .contains("policy.fiscalYearStart = \"2025-02-30\"")
                .contains("levers.variance-buffer = \"lots\"")
                .contains("revenue = null")
                .contains("the rest of the file was applied")
                .doesNotContain("Exception");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.at("/levers/llmCostChange").asDouble()).as("the levers that parse are kept").isEqualTo(0.4);

        WorkbenchViewModel reopened = window(book);
        var row = reopened.grid().rows().get(index(reopened, LINE));
        assertThat(row.costType()).as("the line's decision is kept").isEqualTo(CostType.SALES_MARKETING);
        assertThat(reopened.statusProperty().get()).contains("saved decisions restored")
                .contains("noteTime = \"yesterday\"");
    }

    @Test
    void linesNullOrAWrongKindOfListCostsOnlyThatField() throws Exception {
        ObjectNode root = savedProject();
        root.putNull("lines");
        root.put("scenarios", "none");
        write(root);
        CliRun run = CliRun.of("summary", book.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("lines = null").contains("scenarios = \"none\"");
        assertThat(JSON.readTree(run.out()).at("/levers/llmCostChange").asDouble()).isEqualTo(0.4);
    }

    @Test
    void aFileThatIsNotJsonAtAllIsStillLeftAsItIs() throws Exception {
        Files.writeString(dir.resolve("acme.mwb.json"), "[1, 2]");
        CliRun run = CliRun.of("summary", book.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("acme.mwb.json is not a readable project file").contains("left as it is");
        assertThat(Files.readString(dir.resolve("acme.mwb.json"))).isEqualTo("[1, 2]");
    }

    @Test
    void aProjectForTheXlsxIsNotAppliedToAnXlsmOfTheSameName() throws Exception {
        savedProject();
        Path xlsm = Files.copy(book, dir.resolve("acme.xlsm"));
        assertThat(location.projectFileFor(xlsm)).isEqualTo(dir.resolve("acme.xlsm.mwb.json"));

        CliRun other = CliRun.of("summary", xlsm.toString(), "--json");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.err()).doesNotContain("Using project file");
        assertThat(JSON.readTree(other.out()).at("/levers/llmCostChange").asDouble()).isZero();

        WorkbenchViewModel window = window(xlsm);
        assertThat(window.grid().rows().get(index(window, LINE)).costType()).isNotEqualTo(CostType.SALES_MARKETING);
        window.grid().setCostType(java.util.List.of(index(window, LINE)), CostType.RESEARCH_DEVELOPMENT);
        assertThat(window.saveProject()).isEqualTo(dir.resolve("acme.xlsm.mwb.json"));
        assertThat(JSON.readTree(dir.resolve("acme.mwb.json").toFile()).get("workbook").asText())
                .as("the .xlsx keeps its own project").isEqualTo("acme.xlsx");
        CliRun own = CliRun.of("summary", book.toString(), "--json");
        assertThat(JSON.readTree(own.out()).at("/levers/llmCostChange").asDouble()).isEqualTo(0.4);
    }

    @Test
    void aProjectFileNamingAnotherWorkbookIsNotAppliedNorOverwritten() throws Exception {
        ObjectNode root = savedProject();
        root.put("workbook", "acme.xls");
        write(root);
        String before = Files.readString(dir.resolve("acme.mwb.json"));

        CliRun run = CliRun.of("summary", book.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("acme.mwb.json holds the decisions of acme.xls, not of acme.xlsx")
                .contains("not applied");
        assertThat(JSON.readTree(run.out()).at("/levers/llmCostChange").asDouble()).isZero();

        WorkbenchViewModel vm = window(book);
        assertThat(vm.statusProperty().get()).contains("holds the decisions of acme.xls");
        vm.stress().valueProperty(Lever.LLM_COST).set(10);
        org.assertj.core.api.Assertions.assertThatThrownBy(vm::saveProject)
                .hasMessageContaining("acme.mwb.json holds the decisions of acme.xls");
        assertThat(Files.readString(dir.resolve("acme.mwb.json"))).isEqualTo(before);

        CliRun named = CliRun.of("summary", book.toString(), "--json", "--project",
                dir.resolve("acme.mwb.json").toString());
        assertThat(named.err()).contains("was written for acme.xls").contains("applied because --project names it");
        assertThat(JSON.readTree(named.out()).at("/levers/llmCostChange").asDouble()).isEqualTo(0.4);
    }

    @Test
    void anEarlierSharedProjectFileOfAnXlsmIsStillFoundWhenItNamesIt() throws Exception {
        ObjectNode root = savedProject();
        Files.delete(dir.resolve("acme.mwb.json"));
        Path xlsm = Files.copy(book, dir.resolve("acme.xlsm"));
        root.put("workbook", "acme.xlsm");
        write(root);
        CliRun run = CliRun.of("summary", xlsm.toString(), "--json");
        assertThat(run.err()).contains("Using project file").contains("acme.mwb.json");
        assertThat(JSON.readTree(run.out()).at("/levers/llmCostChange").asDouble()).isEqualTo(0.4);
    }
}
