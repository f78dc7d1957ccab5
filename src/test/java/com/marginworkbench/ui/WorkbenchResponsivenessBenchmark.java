package com.marginworkbench.ui;

import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How fast the window follows a dragged slider on a 10,000-line model. Run by hand (excluded from
 * the build's tests): {@code mvn -o test-compile} then the command in the README section "Window
 * responsiveness". Two measurements over a scripted drag of 200 steps of the LLM-cost slider:
 * <ol>
 *   <li>work per step: value change → new figures in the tiles and chart data → CSS and layout
 *       of the whole window, done synchronously on the UI thread;</li>
 *   <li>end to end: value changes posted every 5 ms from another thread, as a fast mouse would,
 *       with the real once-per-frame coalescing; latency = value change → the end of the layout
 *       pass of the frame that shows it.</li>
 * </ol>
 */
public final class WorkbenchResponsivenessBenchmark {
    private static final int STEPS = 200;
    private static final int COPIES = 834; // 12 demo lines × 834 = 10,008 cost lines

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        Path dir = Files.createTempDirectory("mw-bench");
        Path file = dir.resolve("large.xlsx");
        Files.write(file, new byte[] {1});
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        // Closing one round's window must not end the toolkit.
        Platform.setImplicitExit(false);

        for (int round = 0; round < 3; round++) {
            double[] cpu = new double[STEPS];
            double[] sync = synchronousSteps(dir, file, cpu);
            double[] e2e = endToEnd(dir, file);
            report("round " + (round + 1) + " work per step (sync)", sync);
            report("round " + (round + 1) + " same, UI-thread CPU  ", cpu);
            report("round " + (round + 1) + " end to end (pulse) ", e2e);
        }
        Platform.exit();
    }

    private static double[] synchronousSteps(Path dir, Path file, double[] cpu) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[STEPS];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            Window w = open(dir, file, Runnable::run);
            Slider slider = w.view.stressPanel().slider(Lever.LLM_COST);
            Label tile = (Label) w.scene.lookup("#tile-ai-stressed-value");
            com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
            long allocated = allocation.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < STEPS; i++) {
                double v = i;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                slider.setValue(v);
                long t1 = System.nanoTime();
                w.scene.getRoot().applyCss();
                long t2 = System.nanoTime();
                w.scene.getRoot().layout();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                if (Boolean.getBoolean("bench.detail") && i % 20 == 0) {
                    System.out.printf(Locale.ROOT, "  step %d: figures %.2f ms, css %.2f ms, layout %.2f ms%n", i,
                            (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
                }
                if (tile.getText().isEmpty()) {
                    throw new IllegalStateException("tile empty");
                }
            }
            System.out.printf(Locale.ROOT, "  UI thread allocated %.2f MB per step%n",
                    (allocation.getCurrentThreadAllocatedBytes() - allocated) / 1e6 / STEPS);
            w.stage.close();
            done.countDown();
        });
        if (!done.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException("drag did not finish");
        }
        return ms;
    }

    private static double[] endToEnd(Path dir, Path file) throws Exception {
        List<Double> lat = new ArrayList<>();
        long[] lastSet = new long[1];
        String[] lastShown = new String[1];
        Window[] holder = new Window[1];
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            Window w = open(dir, file, new PulseCoalescer());
            Label tile = (Label) w.scene.lookup("#tile-ai-stressed-value");
            lastShown[0] = tile.getText();
            w.scene.addPostLayoutPulseListener(() -> {
                if (lastSet[0] != 0 && !tile.getText().equals(lastShown[0])) {
                    lat.add((System.nanoTime() - lastSet[0]) / 1e6);
                    lastShown[0] = tile.getText();
                    lastSet[0] = 0;
                }
            });
            holder[0] = w;
            ready.countDown();
        });
        if (!ready.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("window did not open");
        }
        Slider slider = holder[0].view.stressPanel().slider(Lever.LLM_COST);
        for (int i = 1; i <= STEPS; i++) {
            double v = i;
            Platform.runLater(() -> {
                if (lastSet[0] == 0) {
                    lastSet[0] = System.nanoTime();
                }
                slider.setValue(v);
            });
            Thread.sleep(5);
        }
        Thread.sleep(200);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            holder[0].stage.close();
            closed.countDown();
        });
        closed.await();
        return lat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private record Window(Stage stage, Scene scene, WorkbenchView view) {
    }

    private static Window open(Path dir, Path file, Consumer<Runnable> scheduler) {
        WorkbenchViewModel vm = new WorkbenchViewModel(scheduler);
        WorkbenchView view = new WorkbenchView(vm, (f, p) -> DemoWorkbook.read(f, COPIES), null,
                new AppSettings(dir.resolve("config")));
        try {
            vm.install(WorkbenchViewModel.read((f, p) -> DemoWorkbook.read(f, COPIES), file));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Stage stage = new Stage();
        view.show(stage);
        // -Dbench.tab=tab-sensitivity (or tab-stress-walk, ...) measures with that chart tab showing
        String tab = System.getProperty("bench.tab");
        if (tab != null) {
            view.charts().getSelectionModel().select(view.charts().getTabs().stream()
                    .filter(t -> tab.equals(t.getId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no chart tab " + tab)));
        }
        if (vm.grid().rows().size() < 10_000) {
            throw new IllegalStateException("expected 10,000 lines, got " + vm.grid().rows().size());
        }
        return new Window(stage, stage.getScene(), view);
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        double median = s[s.length / 2];
        double p95 = s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
        System.out.printf(Locale.ROOT, "%s: n=%d median %.2f ms, p95 %.2f ms, max %.2f ms%n", what, s.length, median,
                p95, s[s.length - 1]);
    }
}
