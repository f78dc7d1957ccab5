package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookExporter;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import com.marginworkbench.workbook.restate.RestatedWorkbookWriter;
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
    /** The reader the window uses, with its progress and cancel passed through. */
    static final WorkbookLoader LOADER = com.marginworkbench.ui.mapping.ReaderAdapter.INSTANCE;

    /** The restated-workbook writer the window uses. */
    static final WorkbookExporter EXPORTER = (req, progress) -> RestatedWorkbookWriter.write(req.source(), req.read(),
            req.classifications(), req.decisions(), req.policy(), req.levers(), req.target(), progress).target();

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean("marginworkbench.timing")) {
            System.err.println("margin-workbench: toolkit up after "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
        AppSettings settings = AppSettings.atDefaultLocation();
        WorkbenchViewModel vm = new WorkbenchViewModel(new PulseCoalescer(), settings::projectFileFor);
        WorkbenchView view = new WorkbenchView(vm, LOADER, EXPORTER, settings);
        // Start reading before the window is laid out: the two overlap on a multi-core machine.
        Optional<Path> first = initialFile(getParameters().getRaw(), settings);
        if (first.isPresent()) {
            var task = view.open(first.get(), Preload.take(first.get()).orElse(null));
            if (Boolean.getBoolean("marginworkbench.timing")) {
                task.setOnSucceeded(chain(task.getOnSucceeded()));
            }
        } else {
            vm.setStatus("Open a workbook with File > Open (Ctrl+O), or drop one on the window.");
        }
        if (AppSettings.startNote() != null) {
            vm.setStatus(AppSettings.startNote());
        }
        view.show(stage);
        if (settings.welcomeDue()) {
            javafx.application.Platform.runLater(() -> {
                settings.markWelcomeShown();
                view.showGettingStarted(first.orElse(null));
            });
        }
        if (Boolean.getBoolean("marginworkbench.timing")) {
            System.err.println("margin-workbench: window shown after "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
    }

    private static javafx.event.EventHandler<javafx.concurrent.WorkerStateEvent> chain(
            javafx.event.EventHandler<javafx.concurrent.WorkerStateEvent> h) {
        return e -> {
            h.handle(e);
            javafx.application.Platform.runLater(() -> {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.println("margin-workbench: window usable with the workbook after " + ms + " ms"
                        + cpuSoFar());
            });
        };
    }

    /** CPU time the process has used so far, which a busy machine does not inflate as it does wall time. */
    private static String cpuSoFar() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return " (" + os.getProcessCpuTime() / 1_000_000 + " ms CPU)";
        }
        return "";
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
