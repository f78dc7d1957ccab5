package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.classify.Answer;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.stress.ScenarioCompareDialog;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.workbench.Question;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README screenshots under a virtual display: run under {@code xvfb-run} (see the README),
 * it opens the sample, walks through the main states and calls ImageMagick's {@code import} on the
 * whole screen, so tooltips and dialogs are in the picture. Not a test.
 */
public final class ScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mw-shots");
        Path workbook = work.resolve(SampleLocator.SAMPLE_FILE);
        Files.copy(Path.of("sample-models", SampleLocator.SAMPLE_FILE), workbook);
        Window w = openWindow(work, workbook);
        fx(() -> {
            w.vm().stress().valueProperty(Lever.LLM_COST).set(50);
            w.vm().stress().saveScenario("Heavy usage: LLM +50%");
            w.vm().stress().valueProperty(Lever.VARIANCE_BUFFER).set(1.2);
            w.vm().stress().valueProperty(Lever.HEAVY_SHARE).set(10);
            w.vm().stress().valueProperty(Lever.HEAVY_MULTIPLIER).set(4);
            w.vm().stress().saveScenario("Power users + buffer");
            w.vm().stress().switchTo("Heavy usage: LLM +50%");
        });
        settle();
        shoot(out.resolve("main-light.png"));
        fx(() -> w.view().charts().getSelectionModel().select(1));
        settle();
        fx(() -> {
            try {
                com.marginworkbench.ui.charts.ChartsView.savePng(w.view().charts().bridgeChart(), out.resolve("margin-bridge.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            w.view().charts().getSelectionModel().select(2);
        });
        settle();
        fx(() -> {
            try {
                com.marginworkbench.ui.charts.ChartsView.savePng(w.view().charts().costChart(), out.resolve("cost-by-treatment.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            w.view().charts().getSelectionModel().select(0);
        });

        fx(() -> {
            CostRow inference = w.vm().grid().rows().stream().filter(r -> r.label().startsWith("LLM API - production"))
                    .findFirst().orElseThrow();
            w.vm().grid().setAnswer(inference.index(), Question.TRIGGERED, Answer.NO);
            w.vm().grid().setNote(inference.index(), "Client says this endpoint only serves the sales demo");
        });
        settle();
        fx(() -> {
            Node badge = w.stage().getScene().getRoot().lookup(".badge-review");
            TableCell<?, ?> cell = (TableCell<?, ?>) badge.getParent();
            Bounds b = badge.localToScreen(badge.getBoundsInLocal());
            cell.getTooltip().show(badge, b.getMinX() + 10, b.getMaxY() + 6);
        });
        settle();
        shoot(out.resolve("review-tooltip.png"));

        fx(() -> {
            w.stage().getScene().getWindow().requestFocus();
            w.vm().undo();
            w.vm().undo();
            ScenarioCompareDialog d = new ScenarioCompareDialog(w.vm().stress(), w.stage());
            d.show(); // centred on the window, as the user sees it at any size
        });
        settle();
        shoot(out.resolve("scenario-compare.png"));

        fx(() -> {
            for (javafx.stage.Window other : javafx.stage.Window.getWindows().toArray(new javafx.stage.Window[0])) {
                if (other != w.stage()) {
                    other.hide();
                }
            }
            w.view().setDarkTheme(true);
        });
        settle();
        shoot(out.resolve("main-dark.png"));
        fx(() -> w.view().setDarkTheme(false));
        Platform.exit();
        System.exit(0);
    }

    /** The main window, its view model and its stage, as {@link #openWindow} left them. */
    record Window(WorkbenchViewModel vm, WorkbenchView view, Stage stage) {
    }

    /**
     * Starts JavaFX, shows the main window at the screen's top left at 1600×1000 (settings kept in
     * {@code work}), opens {@code workbook} and waits until it is read: the start every screenshot
     * program shares.
     */
    static Window openWindow(Path work, Path workbook) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Window w = fxGet(() -> {
            WorkbenchViewModel vm = new WorkbenchViewModel(new PulseCoalescer());
            WorkbenchView view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER,
                    new AppSettings(work.resolve("config")));
            Stage stage = new Stage();
            view.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1600);
            stage.setHeight(1000);
            view.open(workbook);
            return new Window(vm, view, stage);
        });
        for (int i = 0; i < 1200 && !fxGet(() -> w.vm().hasDocument()); i++) {
            Thread.sleep(100);
        }
        return w;
    }

    static void settle() throws InterruptedException {
        Thread.sleep(1500);
    }

    static void shoot(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }

    static void fx(Runnable r) throws Exception {
        FutureTask<Void> t = new FutureTask<>(r, null);
        Platform.runLater(t);
        t.get(60, TimeUnit.SECONDS);
    }

    static <T> T fxGet(java.util.concurrent.Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get(60, TimeUnit.SECONDS);
    }
}
