package com.marginworkbench.ui;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.ui.workbench.ChartsViewModel;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.workbench.Format;
import com.marginworkbench.ui.workbench.Question;
import com.marginworkbench.ui.workbench.StressViewModel;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view models of the window's parts, without a window: each follows the workbench, and what
 * the charts, the headline and the scenario comparison show is the one result the engine computed.
 */
class PartViewModelsTest {
    @TempDir
    Path dir;
    WorkbenchViewModel vm;

    @BeforeEach
    void open() throws Exception {
        Path workbook = dir.resolve("demo.xlsx");
        Files.write(workbook, new byte[] {1});
        vm = new WorkbenchViewModel(Runnable::run);
        vm.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f), workbook));
    }

    @Test
    void aLeverChangeGivesTheChartsANewResultWithoutRebuildingThem() {
        ChartsViewModel charts = vm.charts();
        MarginResult before = charts.result();
        int structure = charts.structureVersionProperty().get();
        List<MarginResult> shown = new ArrayList<>();
        charts.resultProperty().addListener((obs, o, n) -> shown.add(n));
        assertThat(charts.neutralLevers()).isTrue();
        assertThat(charts.exportCaption().get(1)).contains("neutral (unstressed)");

        vm.stress().valueProperty(Lever.LLM_COST).set(50);

        assertThat(shown).hasSize(1);
        MarginResult after = charts.result();
        assertThat(after).isSameAs(vm.result());
        assertThat(after.total().aiLayerStressed().getAsDouble())
                .isLessThan(before.total().aiLayerStressed().getAsDouble());
        for (int i = 0; i < after.periodCount(); i++) {
            assertThat(after.period(i).restatedBlended()).isEqualTo(before.period(i).restatedBlended());
        }
        // The engine's own figures for these levers, not a copy worked out for the charts.
        MarginResult engine = charts.prepared().apply(vm.assessment().effective(vm.stress().levers()));
        assertThat(after.total()).isEqualTo(engine.total());
        assertThat(charts.neutralLevers()).isFalse();
        assertThat(charts.exportCaption().get(1)).contains(Lever.LLM_COST.label());
        assertThat(charts.structureVersionProperty().get()).as("a tick changes numbers, not points").isEqualTo(structure);
        assertThat(vm.tiles().tile("ai-stressed").value()).isEqualTo(Format.percent(after.total().aiLayerStressed()));
    }

    @Test
    void anEditInTheGridRebuildsTheChartsOnceAndUndoBringsTheFiguresBack() {
        ChartsViewModel charts = vm.charts();
        String restated = Format.percent(charts.result().total().restatedBlended());
        int structure = charts.structureVersionProperty().get();
        int document = charts.documentVersionProperty().get();
        CostRow inference = vm.grid().rows().stream().filter(r -> r.label().equals("OpenAI API - production"))
                .findFirst().orElseThrow();

        vm.grid().setAnswer(inference.index(), Question.TRIGGERED, Answer.NO);

        assertThat(charts.structureVersionProperty().get()).isEqualTo(structure + 1);
        assertThat(charts.documentVersionProperty().get()).isEqualTo(document);
        assertThat(Format.percent(charts.result().total().restatedBlended())).isNotEqualTo(restated);
        assertThat(vm.tiles().tile("restated").value()).isEqualTo(Format.percent(charts.result().total().restatedBlended()));
        vm.undo();
        assertThat(Format.percent(charts.result().total().restatedBlended())).isEqualTo(restated);
        assertThat(charts.structureVersionProperty().get()).isEqualTo(structure + 2);
    }

    @Test
    void resetAndAScenarioSwitchAreEachOneUndoableStep() {
        StressViewModel stress = vm.stress();
        stress.valueProperty(Lever.LLM_COST).set(50);
        stress.saveScenario("Heavy usage");
        stress.resetLevers();
        assertThat(stress.levers()).isEqualTo(Levers.NEUTRAL);
        assertThat(vm.charts().neutralLevers()).isTrue();

        stress.switchScenario("Heavy usage");
        assertThat(stress.valueProperty(Lever.LLM_COST).get()).isEqualTo(50.0);
        vm.undo();
        assertThat(stress.levers()).isEqualTo(Levers.NEUTRAL);
        vm.undo();
        assertThat(stress.valueProperty(Lever.LLM_COST).get()).isEqualTo(50.0);
        assertThat(vm.tiles().tile("ai-stressed").value()).isEqualTo(Format.percent(vm.result().total().aiLayerStressed()));
    }

    @Test
    void theScenarioComparisonPrintsTheEnginesFiguresForBothSides() {
        StressViewModel stress = vm.stress();
        stress.valueProperty(Lever.LLM_COST).set(50);
        String stressedAi = vm.tiles().tile("ai-stressed").value();
        List<StressViewModel.CompareRow> rows = stress.compare(Levers.NEUTRAL, stress.levers());
        StressViewModel.CompareRow ai = rows.stream().filter(r -> r.label().equals("Stressed AI-layer GM"))
                .findFirst().orElseThrow();
        assertThat(ai.right()).isEqualTo(stressedAi);
        assertThat(ai.left()).isEqualTo(vm.tiles().tile("ai").value());
    }
}
