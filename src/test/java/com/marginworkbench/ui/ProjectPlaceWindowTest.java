package com.marginworkbench.ui;

import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Where should project files go?": opening a workbook from a folder that cannot be written, or
 * one that looks shared, asks once; the answer is kept in the settings (a scratch settings folder
 * here) and the project file goes where it says; the next workbook is not asked about.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class ProjectPlaceWindowTest {
    private static final String QUESTION = "Where should project files go?";

    static {
        if (System.getProperty("testfx.setup.timeout") == null) {
            System.setProperty("testfx.setup.timeout", "120000");
        }
    }

    @TempDir
    Path dir;

    Path config;
    AppSettings settings;
    WorkbenchViewModel vm;
    WorkbenchView view;
    final AtomicInteger asked = new AtomicInteger();
    final List<Path> lockedFolders = new ArrayList<>();
    private final ListChangeListener<Window> questions = c -> {
        while (c.next()) {
            for (Window w : c.getAddedSubList()) {
                if (w instanceof Stage s && QUESTION.equals(s.getTitle())) {
                    asked.incrementAndGet();
                }
            }
        }
    };

    @Start
    void start(Stage stage) {
        config = dir.resolve("config");
        settings = new AppSettings(config);
        // as the application wires it: the view model asks the settings where each project file goes
        vm = new WorkbenchViewModel(new PulseCoalescer(), settings::projectFileFor);
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, settings);
        view.setErrorSink(m -> { });
        view.show(stage);
        Window.getWindows().addListener(questions);
    }

    @AfterEach
    void unlock(FxRobot robot) throws Exception {
        robot.interact(() -> Window.getWindows().removeListener(questions));
        for (Path folder : lockedFolders) {
            folder.toFile().setWritable(true);
            if (!Files.isWritable(folder)) {
                new ProcessBuilder("chattr", "-i", folder.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Path sample(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        try (InputStream in = ProjectPlaceWindowTest.class.getResourceAsStream("northwind-ai-model.xlsx")) {
            assertThat(in).as("the sample on the test class path").isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    /**
     * Makes a folder that cannot be written: without its write permission, or (for root, who
     * writes anyway) immutable; skips the test where neither can be done.
     */
    private void lock(Path folder) throws Exception {
        lockedFolders.add(folder);
        folder.toFile().setWritable(false);
        if (Files.isWritable(folder)) {
            try {
                new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start()
                        .waitFor(30, TimeUnit.SECONDS);
            } catch (java.io.IOException noChattr) {
                // not on this system
            }
        }
        Assumptions.assumeFalse(Files.isWritable(folder), "no way to make a folder read-only on this machine");
    }

    /** Opens without waiting (the question is modal), answers it when {@code answer} is not null, waits for the workbook. */
    private void open(FxRobot robot, Path file, String answer) throws Exception {
        int before = vm.documentVersionProperty().get();
        javafx.application.Platform.runLater(() -> view.open(file));
        if (answer != null) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> question() != null);
            WaitForAsyncUtils.waitForFxEvents(3);
            robot.clickOn(answer);
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.documentVersionProperty().get() > before);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(question()).as("no question left open").isNull();
    }

    private static Stage question() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && QUESTION.equals(s.getTitle())
                && w.isShowing()).map(Stage.class::cast).findFirst().orElse(null);
    }

    private Properties savedSettings() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(config.resolve("settings.properties"))) {
            p.load(in);
        }
        return p;
    }

    private void saveProject(FxRobot robot) {
        robot.interact(() -> vm.grid().setNote(0, "Checked with the client"));
        robot.interact(() -> view.save(true, true));
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    @Test
    void aReadOnlyFolderAsksOnceAndTheProjectFileGoesToTheAppsOwnFolder(FxRobot robot) throws Exception {
        Path folder = dir.resolve("clients").resolve("acme");
        Path first = sample(folder, "acme-model.xlsx");
        Path second = sample(folder, "acme-model-v2.xlsx");
        lock(folder);
        assertThat(settings.shouldAskProjectPlace(first)).isTrue();

        open(robot, first, "In my own folder");
        assertThat(asked.get()).as("questions asked").isEqualTo(1);
        assertThat(savedSettings().getProperty("project.place")).isEqualTo("APP_FOLDER");
        assertThat(new AppSettings(config).projectPlace()).as("read back from the settings file")
                .isEqualTo(AppSettings.ProjectPlace.APP_FOLDER);

        saveProject(robot);
        Path kept = settings.projectFileFor(first);
        assertThat(kept.getParent()).isEqualTo(config.resolve("projects"));
        assertThat(kept).exists();
        assertThat(Files.readString(kept)).contains("Checked with the client");
        try (var inFolder = Files.list(folder)) {
            assertThat(inFolder.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".mwb.json"));
        }

        open(robot, second, null);
        assertThat(asked.get()).as("questions asked after a second workbook from the same folder").isEqualTo(1);
        assertThat(new AppSettings(config).shouldAskProjectPlace(second)).as("asked again after a restart").isFalse();
    }

    @Test
    void aSharedLookingFolderAsksOnceAndBesideTheWorkbookIsKept(FxRobot robot) throws Exception {
        Path folder = dir.resolve("shared").resolve("finance");
        Path first = sample(folder, "board-model.xlsx");
        assertThat(settings.shouldAskProjectPlace(first)).as("a folder under 'shared' looks shared").isTrue();

        open(robot, first, "Beside the workbook");
        assertThat(asked.get()).isEqualTo(1);
        assertThat(savedSettings().getProperty("project.place")).isEqualTo("BESIDE");

        saveProject(robot);
        Path beside = folder.resolve("board-model.mwb.json");
        assertThat(beside).exists();
        assertThat(Files.readString(beside)).contains("Checked with the client");
        assertThat(config.resolve("projects")).doesNotExist();

        Path other = sample(dir.resolve("shared").resolve("ops"), "ops-model.xlsx");
        open(robot, other, null);
        assertThat(asked.get()).as("questions asked after a workbook from another shared folder").isEqualTo(1);
    }
}
