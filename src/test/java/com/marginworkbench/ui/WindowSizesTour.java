package com.marginworkbench.ui;

import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.charts.ChartsView;
import javafx.application.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's window screenshots at 1024×700, 1366×768 and 1600×1000, light and dark, under
 * a virtual display of at least 1600×1000 ({@code xvfb-run -s "-screen 0 1600x1000x24"}), with
 * ImageMagick's {@code import} cropped to the window. Also saves the margin and bridge charts as
 * the app's "Save as PNG…" writes them. Not a test.
 */
public final class WindowSizesTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        long settleMs = args.length > 1 ? Long.parseLong(args[1]) : 2500;
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mw-sizes");
        Path workbook = work.resolve(SampleLocator.SAMPLE_FILE);
        Files.copy(Path.of("sample-models", SampleLocator.SAMPLE_FILE), workbook);
        ScreenshotTour.Window w = ScreenshotTour.openWindow(work, workbook);
        fx(() -> {
            w.vm().stress().valueProperty(Lever.LLM_COST).set(50);
            w.vm().stress().saveScenario("Heavy usage: LLM +50%");
            w.vm().stress().valueProperty(Lever.VARIANCE_BUFFER).set(1.2);
            w.vm().stress().commitLevers();
        });
        int[][] sizes = {{1024, 700}, {1366, 768}, {1600, 1000}};
        for (String theme : new String[] {"light", "dark"}) {
            fx(() -> w.view().setDarkTheme(theme.equals("dark")));
            for (int[] s : sizes) {
                fx(() -> {
                    w.stage().setWidth(s[0]);
                    w.stage().setHeight(s[1]);
                });
                Thread.sleep(settleMs);
                shoot(out.resolve("window-" + s[0] + "x" + s[1] + "-" + theme + ".png"), s[0], s[1]);
            }
        }
        fx(() -> {
            w.view().setDarkTheme(false);
            w.stage().setWidth(1600);
            w.stage().setHeight(1000);
        });
        Thread.sleep(settleMs);
        fx(() -> {
            try {
                ChartsView c = w.view().charts();
                ChartsView.savePng(c.gmChart(), "Gross margin by period", c.exportCaption(),
                        out.resolve("gross-margin-by-period.png"));
                c.getSelectionModel().select(1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(settleMs);
        fx(() -> {
            try {
                ChartsView c = w.view().charts();
                ChartsView.savePng(c.bridgeChart(), "Margin bridge", c.exportCaption(), out.resolve("margin-bridge.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(Path file, int w, int h) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", w + "x" + h + "+0+0", "+repage",
                file.toString()).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }

    private static void fx(Runnable r) throws Exception {
        FutureTask<Void> t = new FutureTask<>(r, null);
        Platform.runLater(t);
        t.get(120, TimeUnit.SECONDS);
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get(120, TimeUnit.SECONDS);
    }
}
