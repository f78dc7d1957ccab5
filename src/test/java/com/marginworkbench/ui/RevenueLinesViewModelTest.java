package com.marginworkbench.ui;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.ui.workbench.Format;
import com.marginworkbench.ui.workbench.RevenueRow;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Revenue lines in the window's state: their layer is edited like a cost line's, undone, and kept. */
class RevenueLinesViewModelTest {
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

    private RevenueRow revenue(WorkbenchViewModel in, String label) {
        return in.grid().revenueRows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void everyRevenueLineIsARowWithItsLayer() {
        assertThat(vm.grid().revenueRows()).extracting(RevenueRow::label)
                .containsExactly("Platform subscriptions", "AI assistant add-on");
        assertThat(revenue(vm, "AI assistant add-on").layer()).isEqualTo(LayerSplit.AI);
        double sum = vm.grid().revenueRows().stream().mapToDouble(RevenueRow::total).sum();
        assertThat(vm.result().total().revenue()).isCloseTo(sum, within(0.5));
    }

    @Test
    void anAiShareOnARevenueLineMovesTheAiLayerMarginAndUndoPutsItBack() {
        RevenueRow platform = revenue(vm, "Platform subscriptions");
        Figures before = vm.result().total();
        String aiBefore = vm.tiles().tile("ai").value();

        vm.grid().setRevenueLayer(platform.index(), new LayerSplit(0.5));

        double aiRevenue = before.aiRevenue() + 0.5 * platform.total();
        Figures after = vm.result().total();
        assertThat(after.aiRevenue()).isCloseTo(aiRevenue, within(0.5));
        assertThat(after.revenue()).isCloseTo(before.revenue(), within(0.5));
        assertThat(platform.layer()).isEqualTo(new LayerSplit(0.5));
        assertThat(vm.tiles().tile("ai").value())
                .isEqualTo(Format.percent(OptionalDouble.of(1 - before.restatedAiCogs() / aiRevenue)))
                .isNotEqualTo(aiBefore);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.undoStack().undoTextProperty().get()).contains("Platform subscriptions");

        vm.undo();
        assertThat(platform.layer()).isEqualTo(LayerSplit.SOFTWARE);
        assertThat(vm.tiles().tile("ai").value()).isEqualTo(aiBefore);
        vm.redo();
        assertThat(platform.layer()).isEqualTo(new LayerSplit(0.5));
    }

    @Test
    void revenueLayerAndUsagePricingAreKeptInTheProjectFile() throws Exception {
        RevenueRow addOn = revenue(vm, "AI assistant add-on");
        RevenueRow platform = revenue(vm, "Platform subscriptions");
        vm.grid().setRevenueLayer(platform.index(), new LayerSplit(0.25));
        vm.grid().setRevenueUsagePriced(addOn.index(), true);
        String ai = vm.tiles().tile("ai").value();
        Path saved = vm.saveProject();
        assertThat(Files.readString(saved)).contains("\"revenue\"").contains("Platform subscriptions");

        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f), workbook));
        assertThat(revenue(again, "Platform subscriptions").layer()).isEqualTo(new LayerSplit(0.25));
        assertThat(revenue(again, "AI assistant add-on").usagePricedProperty().get()).isTrue();
        assertThat(again.tiles().tile("ai").value()).isEqualTo(ai);
        assertThat(again.dirtyProperty().get()).isFalse();
    }

    @Test
    void aProjectFileWithoutRevenueStillOpens() throws Exception {
        Files.writeString(ProjectFile.pathFor(workbook), "{\"formatVersion\":1,\"lines\":[]}");
        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f), workbook));
        assertThat(revenue(again, "Platform subscriptions").layer()).isEqualTo(LayerSplit.SOFTWARE);
        assertThat(again.statusProperty().get()).contains("saved decisions restored");
    }
}
