package com.marginworkbench.ui;

import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.workbench.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.workbook.WorkbookReadException;
import javafx.application.Application;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The JavaFX application. Opens the workbook given on the command line, else the last one, else
 * (first start) the bundled sample model, so there is something to look at.
 */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        AppSettings settings = AppSettings.atDefaultLocation();
        WorkbenchViewModel vm = new WorkbenchViewModel(new PulseCoalescer());
        WorkbenchView view = new WorkbenchView(vm, file -> {
            throw new WorkbookReadException(file.getFileName() + ": the workbook reader is not part of this build yet");
        }, null, settings);
        view.show(stage);
        Optional<Path> first = initialFile(getParameters().getRaw(), settings);
        if (first.isPresent()) {
            var task = view.open(first.get());
            if (Boolean.getBoolean("marginworkbench.timing")) {
                task.setOnSucceeded(task.getOnSucceeded() == null ? null : chain(task.getOnSucceeded()));
            }
        } else {
            vm.setStatus("Open a workbook with File > Open (Ctrl+O), or drop one on the window.");
        }
    }

    private static javafx.event.EventHandler<javafx.concurrent.WorkerStateEvent> chain(
            javafx.event.EventHandler<javafx.concurrent.WorkerStateEvent> h) {
        return e -> {
            h.handle(e);
            javafx.application.Platform.runLater(() -> {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.println("margin-workbench: window usable with the workbook after " + ms + " ms");
            });
        };
    }

    static Optional<Path> initialFile(List<String> args, AppSettings settings) {
        if (!args.isEmpty()) {
            return Optional.of(Path.of(args.get(0)));
        }
        List<Path> recent = settings.recentFiles();
        if (!recent.isEmpty()) {
            return Optional.of(recent.get(0));
        }
        return SampleLocator.find();
    }
}
