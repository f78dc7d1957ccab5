package com.marginworkbench.ui;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.workbench.Question;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's state without a window: edits re-run the test, undo restores, the project file round-trips. */
class WorkbenchViewModelTest {
    @TempDir
    Path dir;
    Path workbook;
    WorkbenchViewModel vm;

    @BeforeEach
    void open() throws Exception {
        workbook = dir.resolve("demo.xlsx");
        Files.write(workbook, new byte[] {1});
        vm = new WorkbenchViewModel(Runnable::run);
        vm.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f), workbook));
    }

    private CostRow row(String label) {
        return vm.grid().rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void tilesShowTheWorkedExampleAndFollowTheLlmLever() {
        assertThat(vm.tiles().tile("reported").value()).isEqualTo("84.3%");
        assertThat(vm.tiles().tile("ai").value()).isEqualTo("40.6%");
        assertThat(vm.tiles().tile("ai-stressed").value()).isEqualTo("40.6%");
        vm.stress().valueProperty(Lever.LLM_COST).set(50);
        assertThat(vm.tiles().tile("ai-stressed").value()).isEqualTo("12.0%");
        assertThat(vm.tiles().tile("ai-stressed").delta()).startsWith("\u221228.6 pts");
        assertThat(vm.stress().setFromText(Lever.LLM_COST, "abc")).isPresent();
        assertThat(vm.stress().setFromText(Lever.LLM_COST, "0")).isEmpty();
        assertThat(vm.tiles().tile("ai-stressed").value()).isEqualTo("40.6%");
    }

    @Test
    void answeringNoMovesACustomerInferenceLineOutOfCogsAndUndoRestoresIt() {
        CostRow inference = row("OpenAI API - production");
        assertThat(inference.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        String restatedBefore = vm.tiles().tile("restated").value();

        vm.grid().setAnswer(inference.index(), Question.TRIGGERED, Answer.NO);
        assertThat(inference.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(inference.classification().reason()).contains("not triggered by a paying customer");
        assertThat(vm.tiles().tile("restated").value()).isNotEqualTo(restatedBefore);
        assertThat(vm.tiles().tile("ai").value()).isEqualTo("97.8%");

        vm.undo();
        assertThat(inference.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(vm.tiles().tile("restated").value()).isEqualTo(restatedBefore);
        vm.redo();
        assertThat(inference.treatment()).isEqualTo(Treatment.REVIEW);
    }

    @Test
    void settingATypeOnManyLinesIsOneEditAndFrameworkReRunsBadges() {
        CostRow training = row("Model training runs");
        CostRow misc = row("Misc vendor");
        assertThat(misc.treatment()).isEqualTo(Treatment.REVIEW);
        vm.grid().setCostType(List.of(training.index(), misc.index()), CostType.GENERAL_ADMIN);
        assertThat(misc.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(training.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        vm.undo();
        assertThat(misc.treatment()).isEqualTo(Treatment.REVIEW);
        // Initial training waits in Review for its capitalization criteria under either framework
        // (issue 13, item 3); the framework changes the checklist and the references.
        assertThat(training.treatment()).isEqualTo(Treatment.REVIEW);

        vm.changePolicy(vm.policy().withFramework(Framework.IFRS));
        assertThat(training.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(training.classification().referencesText()).contains("IAS 38");
        assertThat(training.classification().criteria()).anyMatch(s -> s.contains("IAS 38.57"));
        vm.undo();
        assertThat(training.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(training.classification().referencesText()).contains("ASC 730-10");
    }

    @Test
    void projectFileRestoresDecisionsNotesPolicyAndScenarios() throws Exception {
        CostRow inference = row("OpenAI API - production");
        vm.grid().setAnswer(inference.index(), Question.TRIGGERED, Answer.NO);
        vm.grid().setNote(inference.index(), "Runs only for the sales demo environment");
        vm.grid().setCostType(List.of(row("Misc vendor").index()), CostType.GENERAL_ADMIN);
        vm.changePolicy(vm.policy().withFramework(Framework.IFRS));
        vm.stress().valueProperty(Lever.LLM_COST).set(50);
        vm.stress().saveScenario("Heavy usage");
        vm.stress().valueProperty(Lever.LLM_COST).set(20);
        Path saved = vm.saveProject();
        assertThat(saved).isEqualTo(dir.resolve("demo" + ProjectFile.SUFFIX));

        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f), workbook));
        CostRow restored = again.grid().rows().get(inference.index());
        assertThat(restored.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(restored.noteProperty().get()).isEqualTo("Runs only for the sales demo environment");
        assertThat(again.grid().rows().get(row("Misc vendor").index()).costType()).isEqualTo(CostType.GENERAL_ADMIN);
        assertThat(again.policy().framework()).isEqualTo(Framework.IFRS);
        assertThat(again.stress().valueProperty(Lever.LLM_COST).get()).isEqualTo(20.0);
        assertThat(again.stress().scenarios()).extracting(s -> s.name()).containsExactly("Heavy usage");
        assertThat(again.dirtyProperty().get()).isFalse();
    }

    @Test
    void aCorruptProjectFileIsReportedAndTheWorkbookStillOpens() throws Exception {
        Files.writeString(ProjectFile.pathFor(workbook), "{ not json");
        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f), workbook));
        assertThat(again.grid().rows()).hasSize(vm.grid().rows().size());
        assertThat(again.statusProperty().get()).contains("not a readable project file");
    }
}
