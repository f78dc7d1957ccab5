package com.marginworkbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18: two windows on one workbook. A save notices that the project file changed on disk since
 * the window read it; decisions that do not clash are joined, a clash writes nothing and says so,
 * and the other window's decisions are never lost while the window says "Saved".
 */
class TwoWindowsOneProjectTest extends AcmeWindows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PINECONE = "P&L!A25";

    Path project;

    @BeforeEach
    void projectFile() {
        project = dir.resolve("acme.mwb.json");
    }

    /** A second cost line, other than Pinecone. */
    private static String other(WorkbenchViewModel vm) {
        return vm.grid().rows().stream().map(r -> r.source()).filter(s -> !s.equals(PINECONE)).findFirst().orElseThrow();
    }

    private static void type(WorkbenchViewModel vm, String source, CostType t) {
        vm.grid().setCostType(List.of(index(vm, source)), t);
    }

    private String savedType(String source) throws Exception {
        for (JsonNode l : JSON.readTree(project.toFile()).get("lines")) {
            if (source.equals(l.path("source").asText())) {
                return l.path("costType").asText();
            }
        }
        throw new AssertionError("no line " + source + " in the project file");
    }

    @Test
    void decisionsOfTwoWindowsOnDifferentLinesAreBothKept() throws Exception {
        WorkbenchViewModel a = window();
        WorkbenchViewModel b = window();
        String second = other(a);

        type(a, PINECONE, CostType.SALES_MARKETING);
        a.saveProject();
        type(b, second, CostType.GENERAL_ADMIN);
        b.stress().valueProperty(Lever.LLM_COST).set(25);
        b.saveProject();

        assertThat(savedType(PINECONE)).as("window A's decision survives B's save").isEqualTo(CostType.SALES_MARKETING.id());
        assertThat(savedType(second)).isEqualTo(CostType.GENERAL_ADMIN.id());
        assertThat(b.statusProperty().get()).contains("made in another window").contains(PINECONE);
        assertThat(b.grid().rows().get(index(b, PINECONE)).costType()).as("B now shows A's decision")
                .isEqualTo(CostType.SALES_MARKETING);

        // A saves again after B: B's decision and lever stay, A's new one joins them.
        a.stress().valueProperty(Lever.HEAVY_SHARE).set(10);
        a.saveProject();
        assertThat(savedType(second)).isEqualTo(CostType.GENERAL_ADMIN.id());
        JsonNode levers = JSON.readTree(project.toFile()).get("levers");
        assertThat(levers.get("llm-cost").asDouble()).isEqualTo(0.25);
        assertThat(levers.get("heavy-user-share").asDouble()).isEqualTo(0.1);
    }

    @Test
    void theSameLineDecidedDifferentlyIsNotOverwrittenAndIsNamed() throws Exception {
        WorkbenchViewModel a = window();
        WorkbenchViewModel b = window();
        type(a, PINECONE, CostType.SALES_MARKETING);
        a.saveProject();
        String afterA = Files.readString(project);

        type(b, PINECONE, CostType.RESEARCH_DEVELOPMENT);
        assertThatThrownBy(b::saveProject)
                .hasMessageContaining("acme.mwb.json was changed by another window")
                .hasMessageContaining(PINECONE)
                .hasMessageContaining("here Research & development, in the other save Sales & marketing")
                .hasMessageContaining("nothing was saved");
        assertThat(Files.readString(project)).isEqualTo(afterA);

        b.saveProject(true);
        assertThat(savedType(PINECONE)).as("replacing is the user's choice").isEqualTo(CostType.RESEARCH_DEVELOPMENT.id());
    }

    @Test
    void aHandEditBetweenTwoSavesIsNoticedAndKept() throws Exception {
        WorkbenchViewModel a = window();
        String second = other(a);
        type(a, PINECONE, CostType.SALES_MARKETING);
        a.saveProject();
        // Someone edits the file by hand (another tool, a colleague on a shared folder).
        Files.writeString(project, Files.readString(project).replace("\"llm-cost\" : 0.0", "\"llm-cost\" : 0.3"));

        type(a, second, CostType.GENERAL_ADMIN);
        a.saveProject();
        assertThat(JSON.readTree(project.toFile()).get("levers").get("llm-cost").asDouble()).isEqualTo(0.3);
        assertThat(a.stress().valueProperty(Lever.LLM_COST).get()).isEqualTo(30);
        assertThat(savedType(second)).isEqualTo(CostType.GENERAL_ADMIN.id());
    }
}
