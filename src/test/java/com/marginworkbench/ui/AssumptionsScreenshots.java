package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.AssumptionsDialog;
import com.marginworkbench.ui.workbench.CapitalizationDialog;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Screenshots of the Model assumptions and Capitalization dialogs over the sample, at 1024×700
 * and 1600×1000. Run under {@code xvfb-run} like {@link ScreenshotTour}. Not a test.
 */
public final class AssumptionsScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mw-assumptions");
        Path workbook = work.resolve(SampleLocator.SAMPLE_FILE);
        Files.copy(Path.of("sample-models", SampleLocator.SAMPLE_FILE), workbook);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        WorkbenchViewModel[] vm = new WorkbenchViewModel[1];
        WorkbenchView[] view = new WorkbenchView[1];
        Stage[] stage = new Stage[1];
        ScreenshotTour.fx(() -> {
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
        for (int i = 0; i < 900 && !ScreenshotTour.fxGet(() -> vm[0].hasDocument()); i++) {
            Thread.sleep(100);
        }
        int training = ScreenshotTour.fxGet(() -> {
            for (int i = 0; i < vm[0].assessment().lines().size(); i++) {
                if (vm[0].assessment().line(i).line().label().equals("Model training compute")) {
                    return i;
                }
            }
            return 0;
        });
        for (int[] size : new int[][] {{1600, 1000}, {1024, 700}}) {
            ScreenshotTour.fx(() -> {
                stage[0].setWidth(size[0]);
                stage[0].setHeight(size[1]);
            });
            shootDialog(() -> new AssumptionsDialog(vm[0], stage[0]),
                    out.resolve("assumptions-" + size[0] + "x" + size[1] + ".png"));
            shootDialog(() -> new CapitalizationDialog(vm[0], training, stage[0]),
                    out.resolve("capitalization-" + size[0] + "x" + size[1] + ".png"));
        }
        Platform.exit();
        System.exit(0);
    }

    private static void shootDialog(java.util.function.Supplier<Dialog<?>> make, Path file) throws Exception {
        Dialog<?>[] d = new Dialog<?>[1];
        ScreenshotTour.fx(() -> {
            d[0] = make.get();
            d[0].show();
        });
        ScreenshotTour.settle();
        ScreenshotTour.shoot(file);
        ScreenshotTour.fx(() -> d[0].close());
    }
}
