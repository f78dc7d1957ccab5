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
    /** The reader the window uses. */
    static final com.marginworkbench.ui.workbench.WorkbookLoader LOADER = (file, progress) -> readOwnModel(file);
    /** The restated-workbook writer the window uses; null until it is part of the build. */
    static final com.marginworkbench.ui.workbench.WorkbookExporter EXPORTER = null;

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean("marginworkbench.timing")) {
            System.err.println("margin-workbench: toolkit up after "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
        AppSettings settings = AppSettings.atDefaultLocation();
        WorkbenchViewModel vm = new WorkbenchViewModel(new PulseCoalescer());
        WorkbenchView view = new WorkbenchView(vm, LOADER, EXPORTER, settings);
        // Start reading before the window is laid out: the two overlap on a multi-core machine.
        Optional<Path> first = initialFile(getParameters().getRaw(), settings);
        if (first.isPresent()) {
            var task = view.open(first.get());
            if (Boolean.getBoolean("marginworkbench.timing")) {
                task.setOnSucceeded(chain(task.getOnSucceeded()));
            }
        } else {
            vm.setStatus("Open a workbook with File > Open (Ctrl+O), or drop one on the window.");
        }
        view.show(stage);
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

    /** Until the general reader is wired in: the product's own layout only. */
    static com.marginworkbench.workbook.ReadResult readOwnModel(Path file) throws WorkbookReadException {
        long t0 = System.nanoTime();
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile(), null, true)) {
            var r = com.marginworkbench.workbook.OwnModelReader.read(wb, file);
            if (Boolean.getBoolean("marginworkbench.timing")) {
                System.err.println("margin-workbench: read in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
            return r;
        } catch (java.io.IOException | RuntimeException e) {
            throw new WorkbookReadException(file.getFileName() + " could not be read as a workbook: " + e.getMessage(), e);
        }
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
