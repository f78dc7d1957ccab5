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
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();

        WorkbenchViewModel[] vm = new WorkbenchViewModel[1];
        WorkbenchView[] view = new WorkbenchView[1];
        Stage[] stage = new Stage[1];
        fx(() -> {
            vm[0] = new WorkbenchViewModel(new PulseCoalescer());
            view[0] = new WorkbenchView(vm[0], WorkbenchApp.LOADER, WorkbenchApp.EXPORTER,
                    new AppSettings(work.resolve("config")));
            stage[0] = new Stage();
            view[0].show(stage[0]);
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].setWidth(1600);
            stage[0].setHeight(1000);
            view[0].open(workbook);
        });
        for (int i = 0; i < 600 && !fxGet(() -> vm[0].hasDocument()); i++) {
            Thread.sleep(100);
        }
        fx(() -> {
            vm[0].stress().valueProperty(Lever.LLM_COST).set(50);
            vm[0].stress().saveScenario("Heavy usage: LLM +50%");
            vm[0].stress().valueProperty(Lever.VARIANCE_BUFFER).set(1.2);
            vm[0].stress().valueProperty(Lever.HEAVY_SHARE).set(10);
            vm[0].stress().valueProperty(Lever.HEAVY_MULTIPLIER).set(4);
            vm[0].stress().saveScenario("Power users + buffer");
            vm[0].stress().switchTo("Heavy usage: LLM +50%");
        });
        settle();
        shoot(out.resolve("main-light.png"));
        fx(() -> view[0].charts().getSelectionModel().select(1));
        settle();
        fx(() -> {
            try {
                com.marginworkbench.ui.charts.ChartsView.savePng(view[0].charts().bridgeChart(), out.resolve("margin-bridge.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            view[0].charts().getSelectionModel().select(2);
        });
        settle();
        fx(() -> {
            try {
                com.marginworkbench.ui.charts.ChartsView.savePng(view[0].charts().costChart(), out.resolve("cost-by-treatment.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            view[0].charts().getSelectionModel().select(0);
        });

        fx(() -> {
            CostRow inference = vm[0].rows().stream().filter(r -> r.label().startsWith("LLM API - production"))
                    .findFirst().orElseThrow();
            vm[0].setAnswer(inference.index(), Question.TRIGGERED, Answer.NO);
            vm[0].setNote(inference.index(), "Client says this endpoint only serves the sales demo");
        });
        settle();
        fx(() -> {
            Node badge = stage[0].getScene().getRoot().lookup(".badge-review");
            TableCell<?, ?> cell = (TableCell<?, ?>) badge.getParent();
            Bounds b = badge.localToScreen(badge.getBoundsInLocal());
            cell.getTooltip().show(badge, b.getMinX() + 10, b.getMaxY() + 6);
        });
        settle();
        shoot(out.resolve("review-tooltip.png"));

        fx(() -> {
            stage[0].getScene().getWindow().requestFocus();
            vm[0].undo();
            vm[0].undo();
            ScenarioCompareDialog d = new ScenarioCompareDialog(vm[0], stage[0]);
            d.show();
            d.setX(520);
            d.setY(220);
        });
        settle();
        shoot(out.resolve("scenario-compare.png"));

        fx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows().toArray(new javafx.stage.Window[0])) {
                if (w != stage[0]) {
                    w.hide();
                }
            }
            view[0].setDarkTheme(true);
        });
        settle();
        shoot(out.resolve("main-dark.png"));
        fx(() -> view[0].setDarkTheme(false));
        Platform.exit();
        System.exit(0);
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
