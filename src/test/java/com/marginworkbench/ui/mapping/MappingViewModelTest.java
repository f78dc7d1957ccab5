package com.marginworkbench.ui.mapping;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.workbook.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The mapping view's state on a real model (a SaaS monthly P&L that stores costs as negatives):
 * each correction re-reads, changes the figures, is undone, and comes back from the project file.
 */
class MappingViewModelTest {
    static final String MODEL = "corpus/real-models/saas-monthly-pnl-gbp.xlsx";

    @TempDir
    Path dir;
    Path workbook;
    WorkbenchViewModel vm;
    MappingViewModel mapping;

    @BeforeEach
    void open() throws Exception {
        workbook = dir.resolve("saas.xlsx");
        Files.copy(TestFiles.resource(MODEL), workbook);
        vm = new WorkbenchViewModel(Runnable::run);
        vm.install(WorkbenchViewModel.read(ReaderAdapter.INSTANCE, workbook, Progress.NONE,
                com.marginworkbench.project.ProjectFile::pathFor));
        mapping = new MappingViewModel(vm, ReaderAdapter.INSTANCE, MappingViewModel.Worker.NOW);
    }

    private int rowOf(String label) {
        return mapping.reading().rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow().row();
    }

    @Test
    void showsTheStatementsCellsRolesAndChecks() {
        Reading r = mapping.reading();
        assertThat(mapping.sheetProperty().get()).isEqualTo(r.table().sheet());
        assertThat(mapping.previewProperty().get().sheet(r.table().sheet())).isNotNull();
        assertThat(mapping.row(rowOf("COGS")).role()).isEqualTo(RowRole.COST_OF_REVENUE);
        assertThat(mapping.headerRow()).isEqualTo(r.table().headerRow());
        assertThat(r.checks()).isNotEmpty();
    }

    @Test
    void aRowSetToCostOfRevenueBecomesACostLineAndUndoTakesItOut() {
        double cogs = vm.result().total().reportedCogs();
        String reported = vm.tiles().tile("reported").value();
        int tax = rowOf("Tax");
        assertThat(mapping.row(tax).role()).isEqualTo(RowRole.BELOW_THE_LINE);
        assertThat(vm.model().costs()).extracting(CostLine::label).doesNotContain("Tax");

        mapping.setRole(List.of(tax), RowRole.COST_OF_REVENUE);

        CostLine line = vm.model().costs().stream().filter(l -> l.label().equals("Tax")).findFirst().orElseThrow();
        assertThat(line.total()).isNotZero();
        assertThat(vm.result().total().reportedCogs()).isCloseTo(cogs + line.total(), within(0.01));
        assertThat(vm.tiles().tile("reported").value()).isNotEqualTo(reported);
        assertThat(mapping.row(tax).role()).isEqualTo(RowRole.COST_OF_REVENUE);
        assertThat(vm.hints().roles()).containsEntry(mapping.rowKey(tax), RowRole.COST_OF_REVENUE);
        assertThat(vm.grid().rows()).extracting(r -> r.label()).contains("Tax");

        vm.undo();
        assertThat(vm.model().costs()).extracting(CostLine::label).doesNotContain("Tax");
        assertThat(vm.tiles().tile("reported").value()).isEqualTo(reported);
        assertThat(vm.hints().roles()).isEmpty();
        vm.redo();
        assertThat(vm.tiles().tile("reported").value()).isNotEqualTo(reported);
    }

    @Test
    void flippingTheCostOfRevenueRowTurnsItsSignAndMovesTheMargin() {
        double cogs = vm.result().total().reportedCogs();
        assertThat(cogs).isPositive();
        mapping.flipRows(List.of(rowOf("COGS")));
        assertThat(vm.result().total().reportedCogs()).isCloseTo(-cogs, within(0.01));
        assertThat(mapping.flipped(rowOf("COGS"))).isTrue();
        vm.undo();
        assertThat(vm.result().total().reportedCogs()).isCloseTo(cogs, within(0.01));
    }

    @Test
    void theChosenRangeAndARoleAreKeptInTheProjectFileAndComeBackOnReopening() throws Exception {
        Reading.Table t = mapping.reading().table();
        mapping.readRanges(List.of(t.reference()));
        mapping.setRole(List.of(rowOf("Tax")), RowRole.COST_OF_REVENUE);
        String reported = vm.tiles().tile("reported").value();
        Path saved = vm.saveProject();
        assertThat(Files.readString(saved)).contains("\"reading\"").contains("COST_OF_REVENUE").contains(t.range());

        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read(ReaderAdapter.INSTANCE, workbook, Progress.NONE,
                com.marginworkbench.project.ProjectFile::pathFor));
        assertThat(again.hints()).isEqualTo(vm.hints());
        assertThat(again.model().costs()).extracting(CostLine::label).contains("Tax");
        assertThat(again.tiles().tile("reported").value()).isEqualTo(reported);
    }

    @Test
    void aSavedMappingThatNoLongerFitsIsNamedInTheNotesAndTheAutomaticReadingOpens() throws Exception {
        String reported = vm.tiles().tile("reported").value();
        mapping.readRanges(List.of("'P&L'!A1:M15"));
        mapping.setRole(List.of(rowOf("Tax")), RowRole.COST_OF_REVENUE);
        Path saved = vm.saveProject();
        // the sheet the mapping names is renamed in the project file, as if the workbook had changed
        Files.writeString(saved, Files.readString(saved).replace("'P&L'!A1:M15", "'Old P&L'!A1:M15"));

        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read(ReaderAdapter.INSTANCE, workbook, Progress.NONE,
                com.marginworkbench.project.ProjectFile::pathFor));
        assertThat(again.problems()).anySatisfy(p -> assertThat(p.message()).contains("no longer fits")
                .contains("Old P&L").contains("automatic reading"));
        assertThat(again.hints()).isEqualTo(com.marginworkbench.model.ReadingHints.NONE);
        assertThat(again.model().costs()).extracting(CostLine::label).doesNotContain("Tax");
        assertThat(again.tiles().tile("reported").value()).isEqualTo(reported);
    }

    @Test
    void rangesAreWrittenTheWayTheReaderTakesThem() {
        assertThat(MappingViewModel.column(0)).isEqualTo("A");
        assertThat(MappingViewModel.column(27)).isEqualTo("AB");
        assertThat(MappingViewModel.range("P&L", 0, 0, 14, 12)).isEqualTo("'P&L'!A1:M15");
        assertThat(MappingViewModel.range("Bob's", 2, 1, 3, 2)).isEqualTo("'Bob''s'!B3:C4");
    }
}
