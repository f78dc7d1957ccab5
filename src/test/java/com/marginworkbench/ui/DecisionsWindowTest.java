package com.marginworkbench.ui;

import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.report.BoardPackPdf;
import com.marginworkbench.ui.charts.ChartsView;
import com.marginworkbench.ui.charts.DecisionsView;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.concurrent.Task;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The Sensitivity and Stress walk tabs on the Northwind sample (AI revenue 100 : LLM cost 57.2 : review
 * 2.2): they follow the levers, their ranges can be typed, and the board pack is written from the window.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class DecisionsWindowTest {
    @TempDir
    Path dir;

    WorkbenchViewModel vm;
    WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Path workbook = dir.resolve("northwind.xlsx");
        Files.copy(WorkbenchWindowTest.SAMPLE, workbook);
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER,
                new AppSettings(dir.resolve("config")));
        view.show(stage);
        view.open(workbook);
    }

    private DecisionsView openSensitivity(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.hasDocument());
        ChartsView charts = view.charts();
        Tab tab = charts.getTabs().stream().filter(t -> "tab-sensitivity".equals(t.getId())).findFirst()
                .orElseThrow();
        robot.interact(() -> charts.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
        return charts.decisions();
    }

    private void slide(FxRobot robot, Lever lever, double display) {
        robot.interact(() -> view.stressPanel().slider(lever).setValue(display));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tornadoAndHeatMapRedrawWhenALeverMoves(FxRobot robot) throws Exception {
        DecisionsView d = openSensitivity(robot);
        assertThat(d.answer(0)).contains("LLM cost change +71.0%");
        assertThat(robot.lookup("#decisions-tornado").tryQuery()).isPresent();
        assertThat(robot.lookup("#decisions-heatmap").tryQuery()).isPresent();
        long before = d.redraws();
        // unstressed: the tornado sits on 40.6%
        assertThat(d.tornadoBars().get(0).base()).isCloseTo(0.406, within(1e-9));
        double cellBefore = d.grid().cells()[0][2];

        slide(robot, Lever.LLM_COST, 50);
        assertThat(d.redraws()).isGreaterThan(before);
        // (100 − 85.8 − 2.2) / 100
        assertThat(d.tornadoBars().get(0).base()).isCloseTo(0.12, within(1e-9));
        assertThat(d.answer(1)).contains("+48.1%");

        long mid = d.redraws();
        slide(robot, Lever.PRICE_CHANGE, 10);
        assertThat(d.redraws()).isGreaterThan(mid);
        // the heat map's cell at LLM 0%, multiplier 1×: (110 − 59.4) / 110 instead of 40.6%
        assertThat(cellBefore).isCloseTo(0.406, within(1e-9));
        assertThat(d.grid().cells()[0][2]).isCloseTo((110 - 59.4) / 110, within(1e-9));
        snapshot(robot, "sensitivity");
        ChartsView charts = view.charts();
        robot.interact(() -> charts.getSelectionModel().select(charts.getTabs().stream()
                .filter(t -> "tab-stress-walk".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "stress-walk");
    }

    /** With -Ddecisions.snapshots=FOLDER, saves the charts area as a PNG there (to look at by hand). */
    private void snapshot(FxRobot robot, String name) {
        String folder = System.getProperty("decisions.snapshots");
        if (folder != null) {
            robot.interact(() -> {
                try {
                    ChartsView.savePng(view.charts(), Path.of(folder, name + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void aTypedTornadoRangeIsUsedAndABadOneRefused(FxRobot robot) throws Exception {
        DecisionsView d = openSensitivity(robot);
        TextField high = robot.lookup("#range-high-llmCostChange").queryAs(TextField.class);
        robot.interact(() -> {
            high.setText("+50%");
            high.fireEvent(new javafx.event.ActionEvent());
            high.getOnAction().handle(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Decisions.TornadoBar llm = d.tornadoBars().stream().filter(b -> b.lever() == LeverAxis.LLM_COST)
                .findFirst().orElseThrow();
        assertThat(llm.high()).isEqualTo(0.5);
        assertThat(llm.marginAtHigh()).isCloseTo(0.12, within(1e-9));

        robot.interact(() -> {
            high.setText("lots");
            high.getOnAction().handle(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(high.getStyle()).contains("border");
        assertThat(vm.statusProperty().get()).contains("LLM cost change");
    }

    @Test
    void boardPackIsWrittenFromTheWindow(FxRobot robot) throws Exception {
        openSensitivity(robot);
        slide(robot, Lever.LLM_COST, 50);
        Path pdf = dir.resolve("pack.pdf");
        Task<Path>[] task = new Task[1];
        robot.interact(() -> task[0] = view.exportBoardPack(pdf, BoardPackPdf.Paper.LETTER));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).startsWith("Board pack written");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("84.3%", "40.6%", "12.0%", "+71.0%", "+48.1%");
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(792f);
        }
    }
}
