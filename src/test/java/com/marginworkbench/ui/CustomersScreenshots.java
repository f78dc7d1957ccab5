package com.marginworkbench.ui;

import com.marginworkbench.samples.SampleModels;
import com.marginworkbench.ui.customers.CustomersViewModel;
import javafx.application.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's screenshots of the Customers tab, on the demo company's usage and revenue samples
 * after "Use measured values", at 1024×700 and 1600×1000. Run under {@code xvfb-run} like
 * {@link ScreenshotTour}. Not a test.
 */
public final class CustomersScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mw-customers");
        SampleModels.writeAll(work);
        ScreenshotTour.Window w = ScreenshotTour.openWindow(work, work.resolve(SampleModels.OWN_MODEL));
        ScreenshotTour.fx(() -> {
            CustomersViewModel c = w.view().customersModel();
            c.setUsageFiles(List.of(work.resolve(SampleModels.USAGE)));
            c.setRevenueFiles(List.of(work.resolve(SampleModels.REVENUE)));
            c.setCustomersFile(work.resolve(SampleModels.CUSTOMERS));
            w.view().customers().reload();
            w.view().showLines(2);
        });
        for (int i = 0; i < 900 && ScreenshotTour.fxGet(() -> w.view().customersModel().report() == null); i++) {
            Thread.sleep(100);
        }
        ScreenshotTour.fx(() -> w.view().customersModel().useMeasured());
        ScreenshotTour.settle();
        Path large = out.resolve("customers-1600x1000.png");
        ScreenshotTour.shoot(large);
        crop(large, 1600, 1000);
        ScreenshotTour.fx(() -> {
            w.stage().setWidth(1024);
            w.stage().setHeight(700);
        });
        ScreenshotTour.settle();
        Path small = out.resolve("customers-1024x700.png");
        ScreenshotTour.shoot(small);
        crop(small, 1024, 700);
        Platform.exit();
        System.exit(0);
    }

    /** The window's own corner of the screen (the screen is as large as the largest shot). */
    private static void crop(Path file, int width, int height) throws Exception {
        Process p = new ProcessBuilder("convert", file.toString(), "-crop", width + "x" + height + "+0+0", "+repage",
                file.toString()).inheritIO().start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("convert failed for " + file);
        }
    }
}
