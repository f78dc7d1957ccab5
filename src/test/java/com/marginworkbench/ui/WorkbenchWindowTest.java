package com.marginworkbench.ui;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.ui.stress.LeverSpec;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.workbench.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

/** The window, headless: open, edit a line, move a lever, undo. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    @TempDir
    static Path dir;

    WorkbenchViewModel vm;
    WorkbenchView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path workbook = dir.resolve("demo.xlsx");
        Files.write(workbook, new byte[] {1});
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, DemoWorkbook::read, null, new AppSettings(dir.resolve("config")));
        view.show(stage);
        view.open(workbook);
    }

    private void waitForLoad() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String tile(FxRobot robot, String id) {
        return robot.lookup("#tile-" + id + "-value").queryAs(Label.class).getText();
    }

    private int viewRow(TableView<CostRow> table, String label) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void opensTheWorkbookWithTitleRowsAndTiles(FxRobot robot) throws Exception {
        waitForLoad();
        assertThat(stage.getTitle()).startsWith("Margin Workbench");
        assertThat(view.grid().table().getItems()).hasSize(vm.rows().size()).isNotEmpty();
        assertThat(tile(robot, "reported")).isEqualTo("84.3%");
    }

    @Test
    void changingATypeInTheGridChangesTheBadgeAndUndoRestoresIt(FxRobot robot) throws Exception {
        waitForLoad();
        @SuppressWarnings("unchecked")
        TableView<CostRow> table = view.grid().table();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL).write("Misc vendor");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        int r = viewRow(table, "Misc vendor");
        CostRow row = table.getItems().get(r);
        assertThat(row.treatment()).isEqualTo(Treatment.REVIEW);
        TableColumn<CostRow, ?> typeCol = table.getColumns().stream()
                .filter(c -> "typeColumn".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(r));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.edit(r, typeCol));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<CostType> box = robot.lookup(".table-cell .combo-box").queryAs(ComboBox.class);
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                "Internal-tool inference".equals(c.getText())).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(robot.lookup(".badge-opex").tryQuery()).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.treatment()).isEqualTo(Treatment.REVIEW);
    }

    @Test
    void typingFiftyPercentIntoTheLlmFieldGivesTwelvePercent(FxRobot robot) throws Exception {
        waitForLoad();
        assertThat(tile(robot, "ai-stressed")).isEqualTo("40.6%");
        TextField field = view.stressPanel().field(LeverSpec.LLM_COST);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("50").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(tile(robot, "ai-stressed")).isEqualTo("12.0%");
        assertThat(view.stressPanel().slider(LeverSpec.LLM_COST).getValue()).isEqualTo(50.0);
        assertThat(view.charts().plottedStressedAiLayer(0)).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.05));
    }
}
