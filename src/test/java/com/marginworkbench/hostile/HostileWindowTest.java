package com.marginworkbench.hostile;

import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.ui.AppSettings;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import com.marginworkbench.workbook.WorkbookReader;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window against hostile files (headless, started the same way as the window tests): each
 * opens an error dialog with the reader's sentence, the workbook already open stays open, and the
 * window keeps answering while a big file is refused and afterwards.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class HostileWindowTest {
    @TempDir
    Path dir;

    Path workbook;
    WorkbenchViewModel vm;
    WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        workbook = Files.copy(Path.of("sample-models", "northwind-ai-model.xlsx"), dir.resolve("northwind.xlsx"));
        vm = new WorkbenchViewModel(new PulseCoalescer());
        // The same reader as the application's, progress and cancel passed through.
        WorkbookLoader loader = (file, progress) -> WorkbookReader.read(file, progress);
        view = new WorkbenchView(vm, loader, null, new AppSettings(dir.resolve("config")));
        view.show(stage);
        view.open(workbook);
    }

    @Test
    void hostileFilesGiveADialogAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
        int rows = view.grid().table().getItems().size();
        assertThat(rows).isEqualTo(19);

        Path in = Files.createDirectories(dir.resolve("hostile"));
        Map<Path, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put(HostileFiles.millionRows(in), List.of("250,000 rows"));
        cases.put(HostileFiles.zipBomb(in, "zip-bomb.xlsx", 2048, false), List.of("bomb"));
        cases.put(HostileFiles.entityBomb(in, false), List.of("bomb"));
        cases.put(HostileFiles.biff5(in), List.of("Excel 5.0/95"));
        cases.put(HostileFiles.truncated(in), List.of("damaged"));
        cases.put(HostileFiles.renamedCsv(in), List.of("text file"));
        cases.put(TestFiles.poiFile("protected_passtika.xlsx"), List.of("password"));

        for (Map.Entry<Path, List<String>> c : cases.entrySet()) {
            String name = c.getKey().getFileName().toString();
            robot.interact(() -> view.open(c.getKey()));
            // The window answers while the file is read: a pulse gets through within a second.
            assertThat(fxLatencyMillis()).as("FX thread while reading %s", name).isLessThan(1_000);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(pane.getContentText()).as(name).contains(name).contains(c.getValue())
                    .doesNotContain("Exception").doesNotContain("\n");
            robot.clickOn(pane.lookupButton(ButtonType.OK));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
            assertThat(vm.fileProperty().get()).as("the open workbook stays open").isEqualTo(workbook);
            assertThat(view.grid().table().getItems()).hasSize(rows);
        }

        // Still usable: a lever moves the stressed AI-layer margin as before.
        robot.interact(() -> view.stressPanel().slider(Lever.LLM_COST).setValue(50));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(robot.lookup("#tile-ai-stressed-value").queryAs(Label.class).getText()).isEqualTo("12.0%");
    }

    private static long fxLatencyMillis() throws InterruptedException {
        CountDownLatch pulse = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Platform.runLater(pulse::countDown);
        assertThat(pulse.await(10, TimeUnit.SECONDS)).isTrue();
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
