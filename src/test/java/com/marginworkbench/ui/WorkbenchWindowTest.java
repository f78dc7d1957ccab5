package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window, headless, on a copy of the bundled seventeen-sheet sample: open it, edit lines in
 * the grid, move a lever, undo, and survive a file that is not a workbook.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class WorkbenchWindowTest {
    static final Path SAMPLE = Path.of("sample-models", SampleLocator.SAMPLE_FILE);

    @TempDir
    Path dir;

    Path workbook;
    WorkbenchViewModel vm;
    WorkbenchView view;
    Stage stage;
    final List<String> errors = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        workbook = dir.resolve("northwind.xlsx");
        Files.copy(SAMPLE, workbook);
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, new AppSettings(dir.resolve("config")));
        view.setErrorSink(errors::add);
        view.show(stage);
        view.open(workbook);
    }

    private void waitForLoad() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String tile(FxRobot robot, String id) {
        return robot.lookup("#tile-" + id + "-value").queryAs(Label.class).getText();
    }

    /** Shows only the line with this label (through the find field) and returns its row. */
    private CostRow findOnly(FxRobot robot, String label) {
        TableView<CostRow> table = view.grid().table();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL).write(label);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        return table.getItems().get(0);
    }

    /** Opens the editor of a grid cell and picks an entry from its drop-down, as a user would. */
    private void pick(FxRobot robot, String columnId, String entry) {
        TableView<CostRow> table = view.grid().table();
        TableColumn<CostRow, ?> col = table.getColumns().stream()
                .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        // The answers sit right of Total and "Reported → restated": bring the column into view first.
        robot.interact(() -> table.scrollToColumn(col));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.edit(0, col));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".table-cell .combo-box").queryAs(ComboBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> entry.equals(c.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensTheSampleWithTitleRowsAndTiles(FxRobot robot) throws Exception {
        waitForLoad();
        assertThat(stage.getTitle()).startsWith("Margin Workbench");
        assertThat(view.grid().table().getItems()).hasSize(19);
        assertThat(tile(robot, "reported")).isEqualTo("96.2%");
        assertThat(tile(robot, "restated")).isEqualTo("84.3%");
        assertThat(tile(robot, "ai")).isEqualTo("40.6%");
    }

    @Test
    void changingATypeInTheGridChangesTheBadgeAndCtrlZRestoresIt(FxRobot robot) throws Exception {
        waitForLoad();
        CostRow row = findOnly(robot, "Engineering payroll");
        assertThat(row.treatment()).isEqualTo(Treatment.RESEARCH_DEVELOPMENT);
        assertThat(robot.lookup(".badge-rnd").tryQuery()).isPresent();

        pick(robot, "typeColumn", "Free-tier inference");
        assertThat(row.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(robot.lookup(".badge-opex").queryAs(Label.class).getText()).isEqualTo("OpEx");

        robot.clickOn(view.grid().table());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.treatment()).isEqualTo(Treatment.RESEARCH_DEVELOPMENT);
        assertThat(robot.lookup(".badge-rnd").tryQuery()).isPresent();
    }

    @Test
    void answeringNoToPayingCustomerSendsInferenceToReviewAndMovesTheRestatedMargin(FxRobot robot) throws Exception {
        waitForLoad();
        CostRow row = findOnly(robot, "LLM API - production");
        assertThat(row.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(tile(robot, "restated")).isEqualTo("84.3%");

        pick(robot, "answer-TRIGGERED", "No");
        assertThat(row.treatment()).isEqualTo(Treatment.REVIEW);
        Label badge = robot.lookup(".badge-review").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Review");
        assertThat(row.classification().reason()).contains("not triggered by a paying customer");
        // Under review the line keeps its reported place (R&D), so it leaves restated COGS.
        assertThat(tile(robot, "restated")).isNotEqualTo("84.3%");
        assertThat(tile(robot, "ai")).isNotEqualTo("40.6%");
    }

    @Test
    void fiftyPercentOnTheLlmLeverReadsTwelvePercentOnTheStressedTile(FxRobot robot) throws Exception {
        waitForLoad();
        assertThat(tile(robot, "ai-stressed")).isEqualTo("40.6%");
        TextField field = view.stressPanel().field(Lever.LLM_COST);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("50").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(tile(robot, "ai-stressed")).isEqualTo("12.0%");
        assertThat(view.stressPanel().slider(Lever.LLM_COST).getValue()).isEqualTo(50.0);
        assertThat(view.charts().plottedStressedAiLayer(0)).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.05));
        Path png = dir.resolve("margin.png");
        robot.interact(() -> {
            try {
                com.marginworkbench.ui.charts.ChartsView.savePng(view.charts().gmChart(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');

        robot.interact(() -> view.stressPanel().slider(Lever.LLM_COST).setValue(0));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(tile(robot, "ai-stressed")).isEqualTo("40.6%");
    }

    @Test
    void aFileThatIsNotAWorkbookGivesAMessageAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        waitForLoad();
        Path bad = dir.resolve("broken.xlsx");
        Files.writeString(bad, "this is not a spreadsheet");
        robot.interact(() -> view.open(bad));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors.get(0)).contains("broken.xlsx").doesNotContain("Exception");
        assertThat(vm.fileProperty().get()).isEqualTo(workbook);
        assertThat(view.grid().table().getItems()).hasSize(19);
        CostRow row = findOnly(robot, "Engineering payroll");
        pick(robot, "typeColumn", "Free-tier inference");
        assertThat(row.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
    }

    @Test
    void exportWritesTheRestatedWorkbookAndLeavesTheSourceUntouched(FxRobot robot) throws Exception {
        waitForLoad();
        byte[] before = Files.readAllBytes(workbook);
        var mtime = Files.getLastModifiedTime(workbook);
        Path target = vm.defaultExportPath();
        assertThat(target.getFileName().toString()).isEqualTo("northwind-restated.xlsx");

        robot.interact(() -> view.export(workbook));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !errors.isEmpty());
        assertThat(errors.get(0)).contains("is the workbook you opened");

        java.util.concurrent.atomic.AtomicReference<javafx.concurrent.Task<Path>> ref = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> ref.set(view.export(target)));
        assertThat(ref.get().get(60, TimeUnit.SECONDS)).isEqualTo(target.toAbsolutePath().normalize());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).contains("northwind-restated.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(target.toFile())) {
            assertThat(wb.getSheet("Restated P&L")).isNotNull();
            assertThat(wb.getSheet("Classification")).isNotNull();
            assertThat(wb.getNumberOfSheets()).isEqualTo(17 + 5);
        }
        assertThat(Files.readAllBytes(workbook)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(workbook)).isEqualTo(mtime);
    }

    @Test
    void savedDecisionsComeBackWhenTheWorkbookIsReopened(FxRobot robot) throws Exception {
        waitForLoad();
        CostRow row = findOnly(robot, "Engineering payroll");
        pick(robot, "typeColumn", "Free-tier inference");
        robot.interact(() -> view.stressPanel().slider(Lever.LLM_COST).setValue(50));
        robot.clickOn(view.grid().table());
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Path project = workbook.resolveSibling("northwind.mwb.json");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.isRegularFile(project));
        assertThat(Files.readString(project)).contains("\"FREE_TIER_INFERENCE\"").contains("COGS (as reported)");

        CostRow first = vm.grid().rows().get(0);
        robot.interact(() -> view.open(workbook));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.grid().rows().isEmpty() && vm.grid().rows().get(0) != first);
        WaitForAsyncUtils.waitForFxEvents();
        CostRow again = vm.grid().rows().stream().filter(r -> r.label().equals("Engineering payroll")).findFirst().orElseThrow();
        assertThat(again).isNotSameAs(row);
        assertThat(again.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(view.stressPanel().slider(Lever.LLM_COST).getValue()).isEqualTo(50.0);
        assertThat(tile(robot, "ai-stressed")).isEqualTo("12.0%");
    }
}
