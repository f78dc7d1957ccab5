package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.ui.grid.CapitalizationDialog;
import com.marginworkbench.ui.window.AssumptionsDialog;
import javafx.application.Platform;
import javafx.scene.control.Dialog;

import java.nio.file.Files;
import java.nio.file.Path;

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
        ScreenshotTour.Window w = ScreenshotTour.openWindow(work, workbook);
        int training = ScreenshotTour.fxGet(() -> {
            for (int i = 0; i < w.vm().assessment().lines().size(); i++) {
                if (w.vm().assessment().line(i).line().label().equals("Model training compute")) {
                    return i;
                }
            }
            return 0;
        });
        for (int[] size : new int[][] {{1600, 1000}, {1024, 700}}) {
            ScreenshotTour.fx(() -> {
                w.stage().setWidth(size[0]);
                w.stage().setHeight(size[1]);
            });
            shootDialog(() -> new AssumptionsDialog(w.vm(), w.stage()),
                    out.resolve("assumptions-" + size[0] + "x" + size[1] + ".png"));
            shootDialog(() -> new CapitalizationDialog(w.vm().grid(), training, w.stage()),
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
