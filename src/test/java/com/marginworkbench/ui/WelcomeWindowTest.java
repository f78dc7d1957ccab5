package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The welcome says the workbook is a demo only when the demo is what is open; on a client's
 * workbook it points at the reading notes and the mapping instead.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class WelcomeWindowTest {
    static {
        if (System.getProperty("testfx.setup.timeout") == null) {
            System.setProperty("testfx.setup.timeout", "120000");
        }
    }

    @TempDir
    Path dir;

    WorkbenchView view;

    @Start
    void start(Stage stage) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, new AppSettings(dir.resolve("config")));
        view.setErrorSink(m -> { });
        view.show(stage);
    }

    private String welcomeFor(FxRobot robot, Path workbook) {
        robot.interact(() -> view.showGettingStarted(workbook));
        DialogPane pane = robot.lookup("#gettingStarted").queryAs(DialogPane.class);
        String text = pane.getContentText();
        robot.interact(() -> pane.getScene().getWindow().hide());
        return text;
    }

    @Test
    void theDemoIsCalledADemoAndAClientsWorkbookIsNot(FxRobot robot) {
        String demo = welcomeFor(robot, dir.resolve(SampleLocator.SAMPLE_FILE));
        assertThat(demo).contains("is a demo").contains("File > Open");
        String client = welcomeFor(robot, dir.resolve("acme-fy26-model.xlsx"));
        assertThat(client).doesNotContain("demo").doesNotContain("Northwind")
                .contains("reading notes").contains("Mapping");
        assertThat(robot.listWindows()).filteredOn(Window::isShowing).hasSize(1);
    }
}
