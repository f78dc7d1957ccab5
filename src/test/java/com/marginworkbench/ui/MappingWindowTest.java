package com.marginworkbench.ui;

import com.marginworkbench.model.RowRole;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.ui.mapping.MappingView;
import com.marginworkbench.ui.mapping.ReaderAdapter;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.workbook.Progress;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping view driven as a user would, on a real model (a SaaS monthly P&L that stores costs as
 * negatives): opened from the View menu, a block of cells chosen and read alone, a row's role set
 * from the role list, a row's sign flipped;
 * the tiles and the lines read change at once, Undo takes a change back, and the project file the
 * window saves keeps the mapping, which comes back when the workbook is opened again.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class MappingWindowTest {
    /** The P&L's rows: Tax (row 14) is below the operating line, COGS (row 5) the cost of revenue. */
    private static final int TAX = 14;
    private static final int COGS = 5;

    @TempDir
    Path dir;
    Path workbook;
    WorkbenchViewModel vm;
    WorkbenchView view;

    @BeforeAll
    static void patience() {
        // on a busy build machine the first window of a run takes longer than TestFX's 10 s default
        if (System.getProperty("testfx.setup.timeout") == null) {
            System.setProperty("testfx.setup.timeout", "60000");
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        workbook = dir.resolve("saas.xlsx");
        Files.copy(TestFiles.resource("corpus/real-models/saas-monthly-pnl-gbp.xlsx"), workbook);
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = WorkbenchWindows.open(stage, vm, workbook, dir.resolve("config"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Clicks the cell of column A in a 1-based row of the mapping view's preview. */
    private static void clickRow(FxRobot robot, int row1) {
        robot.clickOn(cell(robot, row1, 0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The preview's cell at a 1-based row and a 0-based sheet column. */
    private static Node cell(FxRobot robot, int row1, int column) {
        return robot.lookup("#mappingCells .table-cell").match((TableCell<?, ?> c) -> c.getTableRow() != null
                && Integer.valueOf(row1 - 1).equals(c.getTableRow().getItem()) && c.getTableColumn() != null
                && Integer.valueOf(column).equals(c.getTableColumn().getUserData())).query();
    }

    private MappingView openMapping(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
        // View > Mapping of the workbook…
        robot.clickOn("View");
        robot.clickOn("#mappingItem");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#mappingCells").tryQuery().isPresent()
                && !robot.lookup("#mappingCells .table-row-cell").queryAll().isEmpty());
        MappingView mapping = robot.lookup("#mappingView").queryAs(MappingView.class);
        awaitRead(mapping);
        return mapping;
    }

    @Test
    void theOutlinesReadingNotesSayWhatWasReadAsTheCommandLineDoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TreeView<?> outline = robot.lookup("#outline").queryAs(javafx.scene.control.TreeView.class);
        java.util.List<String> notes = new java.util.ArrayList<>();
        for (javafx.scene.control.TreeItem<?> sheet : outline.getRoot().getChildren()) {
            if (String.valueOf(sheet.getValue()).startsWith("Reading notes")) {
                sheet.getChildren().forEach(n -> notes.add(String.valueOf(n.getValue())));
            }
        }
        // the same sentences as `summary` prints for this workbook
        com.marginworkbench.model.Reading reading = vm.reading();
        assertThat(notes).contains("Read " + com.marginworkbench.model.Reading.describe(reading.table()),
                "Checks: " + reading.checksText(), "Confidence: " + reading.confidenceText());
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Read 'P&L'!A1:"));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Checks: 2 of 2"));
    }

    @Test
    void aBlockSelectedInTheCellsIsReadAloneAndKeptInTheProjectFile(FxRobot robot) throws Exception {
        MappingView mapping = openMapping(robot);
        String reported = text(robot, "#tile-reported-value");
        assertThat(vm.model().periods().count()).isEqualTo(12);

        // January to March: A1 to D15 selected (the headless robot's shift-click and drag do not reach
        // the table's range selection, so its selection model is told, as a shift-click tells it),
        // then the "Read selected range" button clicked
        robot.clickOn(cell(robot, 1, 0));
        robot.interact(() -> {
            var cells = mapping.cells();
            var a = cells.getColumns().stream().filter(c -> Integer.valueOf(0).equals(c.getUserData())).findFirst()
                    .orElseThrow();
            var d = cells.getColumns().stream().filter(c -> Integer.valueOf(3).equals(c.getUserData())).findFirst()
                    .orElseThrow();
            cells.getSelectionModel().selectRange(0, a, 14, d);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mapping.selectedRows()).hasSize(15);
        assertThat(mapping.selectedColumns()).containsExactly("A", "B", "C", "D");
        robot.clickOn("#readSelection");
        awaitRead(mapping);

        assertThat(vm.model().periods().count()).as(text(robot, "#mappingStatus") + " / selected "
                + mapping.selectedRows() + " " + mapping.selectedColumns()).isEqualTo(3);
        assertThat(text(robot, "#tile-reported-value")).isNotEqualTo(reported);
        assertThat(robot.lookup("#mappingView .label").match((Label l) -> l.getText() != null
                && l.getText().startsWith("'P&L'!A1:D15")).tryQuery()).isPresent();
        Path project = ProjectFile.pathFor(workbook);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(project)
                && Files.readString(project).contains("'P&L'!A1:D15"));
    }

    private static String roleText(FxRobot robot, int row1) {
        TableCell<?, ?> cell = robot.lookup("#mappingCells .table-cell").match((TableCell<?, ?> c) ->
                c.getTableRow() != null && Integer.valueOf(row1 - 1).equals(c.getTableRow().getItem())
                        && c.getTableColumn() != null && "roleColumn".equals(c.getTableColumn().getId())).query();
        return cell.getText();
    }

    private void awaitRead(MappingView mapping) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !mapping.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRoleSetAndASignFlippedInTheMappingViewMoveTheFiguresAndAreKeptInTheProjectFile(FxRobot robot)
            throws Exception {
        MappingView mapping = openMapping(robot);
        String reported = text(robot, "#tile-reported-value");
        double cogs = vm.result().total().reportedCogs();
        assertThat(robot.lookup("#mappingSheet").queryAs(ComboBox.class).getValue()).isEqualTo("P&L");
        assertThat(roleText(robot, TAX)).isEqualTo(RowRole.BELOW_THE_LINE.label());
        assertThat(roleText(robot, COGS)).isEqualTo(RowRole.COST_OF_REVENUE.label());
        assertThat(roleText(robot, 1)).isEqualTo("Period header");
        String lines = text(robot, "#mappingLines");

        // Tax set to cost of revenue: a new cost line, the reported margin moves
        clickRow(robot, TAX);
        robot.clickOn("#roleChoice");
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> RowRole.COST_OF_REVENUE.label()
                .equals(c.getText())).queryAs(Node.class));
        awaitRead(mapping);
        assertThat(roleText(robot, TAX)).isEqualTo(RowRole.COST_OF_REVENUE.label() + " (set)");
        assertThat(vm.model().costs()).anySatisfy(l -> assertThat(l.label()).isEqualTo("Tax"));
        assertThat(text(robot, "#mappingLines")).isNotEqualTo(lines);
        String withTax = text(robot, "#tile-reported-value");
        assertThat(withTax).isNotEqualTo(reported);
        double taxCogs = vm.result().total().reportedCogs();
        assertThat(taxCogs).isNotEqualTo(cogs);

        // COGS's sign flipped with the button: its cost turns negative; Undo takes it back
        clickRow(robot, COGS);
        robot.clickOn("#flipRows");
        awaitRead(mapping);
        assertThat(roleText(robot, COGS)).endsWith("±");
        assertThat(text(robot, "#tile-reported-value")).isNotEqualTo(withTax);
        assertThat(vm.result().total().reportedCogs()).isLessThan(taxCogs);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        awaitRead(mapping);
        assertThat(text(robot, "#tile-reported-value")).isEqualTo(withTax);
        assertThat(roleText(robot, COGS)).doesNotEndWith("±");
        // and again, to keep
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        awaitRead(mapping);
        String flipped = text(robot, "#tile-reported-value");
        assertThat(flipped).isNotEqualTo(withTax);

        // the window saves the project on its own; the mapping is in it
        Path project = ProjectFile.pathFor(workbook);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(project)
                && Files.readString(project).contains("P&L!" + COGS));
        String saved = Files.readString(project);
        assertThat(saved).contains("\"reading\"").contains("P&L!" + TAX).contains("COST_OF_REVENUE");

        // opened again: the same reading and the same figures
        WorkbenchViewModel again = new WorkbenchViewModel(Runnable::run);
        again.install(WorkbenchViewModel.read(ReaderAdapter.INSTANCE, workbook, Progress.NONE,
                ProjectFile::pathFor));
        assertThat(again.hints()).isEqualTo(vm.hints());
        assertThat(again.model().costs()).anySatisfy(l -> assertThat(l.label()).isEqualTo("Tax"));
        assertThat(again.tiles().tile("reported").value()).isEqualTo(flipped);
    }
}
