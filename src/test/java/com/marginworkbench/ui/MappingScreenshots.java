package com.marginworkbench.ui;

import com.marginworkbench.testing.TestFiles;
import com.marginworkbench.ui.mapping.MappingView;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The README's screenshots of the mapping view, on a real model of the corpus (a SaaS monthly P&L):
 * {@code MappingScreenshots OUT WIDTH HEIGHT} writes {@code OUT/mapping-WIDTHxHEIGHT.png} with the
 * mapping window filling a screen of that size. Run under {@code xvfb-run -s "-screen 0 WxHx24"}
 * like {@link ScreenshotTour}. Not a test.
 */
public final class MappingScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1600;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mw-mapping");
        Path workbook = Files.copy(TestFiles.resource("corpus/real-models/saas-monthly-pnl-gbp.xlsx"),
                work.resolve("saas-model.xlsx"));
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        WorkbenchViewModel[] vm = new WorkbenchViewModel[1];
        WorkbenchView[] view = new WorkbenchView[1];
        ScreenshotTour.fx(() -> {
            vm[0] = new WorkbenchViewModel(new PulseCoalescer());
            view[0] = WorkbenchWindows.open(new Stage(), vm[0], workbook, work.resolve("config"));
        });
        for (int i = 0; i < 600 && !ScreenshotTour.fxGet(() -> vm[0].hasDocument()); i++) {
            Thread.sleep(100);
        }
        MappingView[] mapping = new MappingView[1];
        ScreenshotTour.fx(() -> {
            mapping[0] = view[0].openMapping();
            Stage s = (Stage) mapping[0].getScene().getWindow();
            s.setX(0);
            s.setY(0);
            s.setWidth(width);
            s.setHeight(height);
        });
        for (int i = 0; i < 600 && ScreenshotTour.fxGet(() -> mapping[0].model().previewProperty().get() == null
                || mapping[0].cells().getItems().isEmpty()); i++) {
            Thread.sleep(100);
        }
        // the Tax row selected, as when about to set its role
        ScreenshotTour.fx(() -> mapping[0].cells().getSelectionModel().select(13, mapping[0].cells().getColumns().get(2)));
        ScreenshotTour.settle();
        ScreenshotTour.shoot(out.resolve("mapping-" + width + "x" + height + ".png"));
        Platform.exit();
        System.exit(0);
    }
}
