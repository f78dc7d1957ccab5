package com.marginworkbench.ui;

import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.workbench.Format;
import com.marginworkbench.ui.workbench.RevenueRow;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The revenue lines in the window: shown with their layer, edited in the grid, undone, totalled. */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class RevenueWindowTest {
    @TempDir
    Path dir;

    WorkbenchViewModel vm;
    WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Path workbook = dir.resolve("northwind.xlsx");
        Files.copy(WorkbenchWindowTest.SAMPLE, workbook);
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, new AppSettings(dir.resolve("config")));
        view.setErrorSink(m -> { });
        view.show(stage);
        view.open(workbook);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** A figure of the totals row in full (the row may show it short when the window is narrow). */
    private static String total(FxRobot robot, int row, int column) {
        return robot.lookup("#totals").queryAs(com.marginworkbench.ui.grid.TotalsView.class).figure(row, column);
    }

    @Test
    void aRevenueLineTurnedHalfAiMovesTheAiLayerMarginAndTheTotals(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.showLines(1));
        TableView<RevenueRow> table = view.revenueGrid().table();
        assertThat(table.getItems()).isNotEmpty();
        assertThat(table.getItems()).hasSameSizeAs(vm.model().revenue());
        double sum = table.getItems().stream().mapToDouble(RevenueRow::total).sum();
        assertThat(total(robot, 0, 0)).isEqualTo(Format.amount(sum));
        assertThat(total(robot, 1, 0)).isEqualTo(Format.amount(sum));

        int row = 0;
        while (table.getItems().get(row).layer().aiShare() != 0.0) {
            row++;
        }
        RevenueRow line = table.getItems().get(row);
        String ai = robot.lookup("#tile-ai-value").queryAs(Label.class).getText();
        String aiRevenue = total(robot, 1, 1);
        TableColumn<RevenueRow, ?> col = table.getColumns().stream()
                .filter(c -> "revenueLayerColumn".equals(c.getId())).findFirst().orElseThrow();
        int r = row;
        robot.interact(() -> table.edit(r, col));
        WaitForAsyncUtils.waitForFxEvents();
        // The layer cell's text can be typed too; its list offers the usual shares.
        ComboBox<?> combo = robot.lookup("#revenueGrid .table-cell .combo-box").queryAs(ComboBox.class);
        robot.interact(combo::show);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> "AI 50%".equals(c.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(line.layer()).isEqualTo(new LayerSplit(0.5));
        assertThat(robot.lookup("#tile-ai-value").queryAs(Label.class).getText()).isNotEqualTo(ai);
        assertThat(total(robot, 1, 1)).isNotEqualTo(aiRevenue)
                .isEqualTo(Format.amount(vm.result().total().aiRevenue()));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(line.layer()).isEqualTo(LayerSplit.SOFTWARE);
        assertThat(robot.lookup("#tile-ai-value").queryAs(Label.class).getText()).isEqualTo(ai);
        assertThat(total(robot, 1, 1)).isEqualTo(aiRevenue);
    }
}
