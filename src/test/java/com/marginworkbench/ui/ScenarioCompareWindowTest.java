package com.marginworkbench.ui;

import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.stress.ScenarioCompareDialog;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario comparison names both scenarios whole, however long the names the user gave them. */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class ScenarioCompareWindowTest {
    private static final String LONG = "Board case: LLM +50% and heavy users at 4x";

    @TempDir
    Path dir;

    WorkbenchViewModel vm;
    WorkbenchView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path workbook = dir.resolve("northwind.xlsx");
        Files.copy(WorkbenchWindowTest.SAMPLE, workbook);
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = WorkbenchWindows.open(stage, vm, workbook, dir.resolve("config"));
    }

    @Test
    void bothScenarioNamesShowWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.hasDocument());
        AtomicReference<ScenarioCompareDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            vm.stress().valueProperty(Lever.LLM_COST).set(50);
            vm.stress().saveScenario(LONG);
            ScenarioCompareDialog d = new ScenarioCompareDialog(vm.stress(), stage);
            d.show();
            dialog.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            for (String id : new String[] {"#compareLeft", "#compareRight"}) {
                ComboBox<?> box = (ComboBox<?>) dialog.get().getDialogPane().lookup(id);
                // what the closed box shows: its cell's text as laid out (a cut name ends in "...")
                String shown = null;
                for (Node n : box.lookupAll(".text")) {
                    if (n instanceof javafx.scene.text.Text t && !t.getText().isEmpty()) {
                        shown = t.getText();
                    }
                }
                assertThat(shown).as(id).isEqualTo(String.valueOf(box.getValue()));
                assertThat(box.getTooltip().getText()).isEqualTo(String.valueOf(box.getValue()));
            }
            ComboBox<?> left = (ComboBox<?>) dialog.get().getDialogPane().lookup("#compareLeft");
            ComboBox<?> right = (ComboBox<?>) dialog.get().getDialogPane().lookup("#compareRight");
            assertThat(right.getValue()).isEqualTo(LONG);
            // the stress panel's box is narrow: the active scenario's whole name is in its tooltip
            ComboBox<?> panelBox = (ComboBox<?>) stage.getScene().getRoot().lookup("#scenarioBox");
            assertThat(panelBox.getTooltip().getText()).isEqualTo(LONG);
            // side by side, not over each other, and both inside the dialog
            javafx.geometry.Bounds a = left.localToScene(left.getBoundsInLocal());
            javafx.geometry.Bounds b = right.localToScene(right.getBoundsInLocal());
            assertThat(b.getMinX()).isGreaterThanOrEqualTo(a.getMaxX());
            assertThat(b.getMaxX()).isLessThanOrEqualTo(dialog.get().getDialogPane().getScene().getWidth());
        } finally {
            robot.interact(() -> dialog.get().close());
        }
    }
}
