package com.marginworkbench.hostile;

import com.marginworkbench.cli.Main;
import com.marginworkbench.ui.AppSettings;
import com.marginworkbench.ui.charts.ChartsView;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;
import com.marginworkbench.workbook.restate.RestatedWorkbookWriter;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketPermission;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run in a child JVM by {@link OfflineTest} with {@code -Djava.security.manager=allow} and a fresh
 * {@code java.io.tmpdir}: installs a security manager that refuses and records every network
 * permission (connect, resolve, listen, accept, multicast: what sockets, URLs and datagrams all
 * ask for), then reads, restates and draws the charts of real workbooks. Prints one
 * {@code ATTEMPT phase permission} line per network use, then checks the trap itself by trying a
 * socket, a URL, a datagram and a name lookup ({@code CONTROL kind caught|MISSED}).
 * Arguments: {@code OUTDIR WORKBOOK...} (the first workbook is opened in the window).
 */
public final class OfflineChild {
    static final List<String> attempts = new CopyOnWriteArrayList<>();
    static volatile String phase = "start";

    private OfflineChild() {
    }

    /** Refuses network permissions and allows the rest (this is a trap, not a sandbox). */
    static final class NetworkTrap extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {
            if (perm instanceof SocketPermission) {
                attempts.add(phase + " " + perm.getName() + " " + perm.getActions());
                throw new SecurityException("network use during " + phase + ": " + perm);
            }
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
            checkPermission(perm);
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Path> workbooks = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
        System.setSecurityManager(new NetworkTrap());

        phase = "read";
        for (Path w : workbooks) {
            try {
                System.out.println("READ " + w.getFileName() + " " + WorkbookReader.read(w).model().costs().size());
            } catch (WorkbookReadException e) {
                System.out.println("REFUSED " + e.getMessage());
            }
        }

        phase = "restate";
        PrintStream realOut = System.out;
        for (Path w : workbooks) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buf, true));
            System.setErr(new PrintStream(buf, true));
            int exit;
            try {
                exit = Main.run("restate", w.toString(), "-o", out.toString());
            } finally {
                System.setOut(realOut);
            }
            realOut.println("RESTATE " + w.getFileName() + " exit " + exit + " " + buf.toString().strip()
                    .replace('\n', ' '));
        }

        phase = "draw";
        draw(workbooks.get(0), out);

        attempts.forEach(a -> System.out.println("ATTEMPT " + a));
        phase = "control";
        control("socket", () -> new Socket("127.0.0.1", 9).close());
        control("url", () -> new URL("http://127.0.0.1:9/x.xlsx").openStream().close());
        control("datagram", () -> {
            try (DatagramSocket s = new DatagramSocket()) {
                s.send(new DatagramPacket(new byte[1], 1, InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), 9));
            }
        });
        control("lookup", () -> InetAddress.getByName("example.com"));
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    /** Opens the workbook in the real window (headless), moves a lever, and saves the three charts as PNG. */
    private static void draw(Path workbook, Path out) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await(30, TimeUnit.SECONDS);
        WorkbookLoader loader = (file, progress) -> WorkbookReader.read(file);
        AtomicReference<WorkbenchViewModel> vm = new AtomicReference<>();
        AtomicReference<WorkbenchView> view = new AtomicReference<>();
        onFx(() -> {
            vm.set(new WorkbenchViewModel(new PulseCoalescer()));
            view.set(new WorkbenchView(vm.get(), loader, (req, p) -> RestatedWorkbookWriter.write(req.source(),
                    req.read(), req.classifications(), req.decisions(), req.policy(), req.levers(), req.target(), null)
                    .target(), new AppSettings(out.resolve("settings"))));
            view.get().setErrorSink(m -> System.out.println("WINDOW-ERROR " + m));
            Stage stage = new Stage();
            view.get().show(stage);
            view.get().open(workbook);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm.get().hasDocument() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        onFx(() -> view.get().stressPanel().slider(com.marginworkbench.margin.Lever.LLM_COST).setValue(50));
        Thread.sleep(300);
        onFx(() -> {
            try {
                ChartsView.savePng(view.get().charts().gmChart(), out.resolve("gm.png"));
                ChartsView.savePng(view.get().charts().bridgeChart(), out.resolve("bridge.png"));
                ChartsView.savePng(view.get().charts().costChart(), out.resolve("cost.png"));
            } catch (Exception e) {
                System.out.println("DRAW-FAILED " + e);
            }
        });
        for (String png : List.of("gm.png", "bridge.png", "cost.png")) {
            System.out.println("DREW " + png + " " + (Files.exists(out.resolve(png)) ? Files.size(out.resolve(png)) : -1));
        }
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }

    interface Action {
        void run() throws Exception;
    }

    private static void control(String kind, Action a) {
        int before = attempts.size();
        try {
            a.run();
        } catch (Exception e) {
            // Refused (SecurityException) or failed: what counts is whether the trap saw it.
        }
        System.out.println("CONTROL " + kind + " " + (attempts.size() > before ? "caught" : "MISSED"));
    }
}
