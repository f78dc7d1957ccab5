package com.marginworkbench.ui;

import com.marginworkbench.samples.SampleModels;
import com.marginworkbench.ui.customers.CustomersViewModel;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
            view[0].open(work.resolve(SampleModels.OWN_MODEL));
        });
        for (int i = 0; i < 900 && !ScreenshotTour.fxGet(() -> vm[0].hasDocument()); i++) {
            Thread.sleep(100);
        }
        ScreenshotTour.fx(() -> {
            CustomersViewModel c = view[0].customersModel();
            c.setUsageFiles(List.of(work.resolve(SampleModels.USAGE)));
            c.setRevenueFiles(List.of(work.resolve(SampleModels.REVENUE)));
            c.setCustomersFile(work.resolve(SampleModels.CUSTOMERS));
            view[0].customers().reload();
            view[0].showLines(2);
        });
        for (int i = 0; i < 900 && ScreenshotTour.fxGet(() -> view[0].customersModel().report() == null); i++) {
            Thread.sleep(100);
        }
        ScreenshotTour.fx(() -> view[0].customersModel().useMeasured());
        ScreenshotTour.settle();
        Path large = out.resolve("customers-1600x1000.png");
        ScreenshotTour.shoot(large);
        crop(large, 1600, 1000);
        ScreenshotTour.fx(() -> {
            stage[0].setWidth(1024);
            stage[0].setHeight(700);
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
