package com.marginworkbench.cli;

import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Starts reading the workbook that {@code summary} or {@code restate} names while the command line
 * is still being parsed: building the parser takes a tenth of a second at start-up, and the read
 * does not depend on any option. Only an argument that names an existing file counts, and only
 * when there is exactly one; anything else (a folder, no file, two files) is left to the command.
 * The command takes the result for the same file, or reads as usual. Reading never writes, so a
 * read started for a run that then stops on a bad option costs nothing but the time.
 */
final class ReadAhead {
    /** A read in progress, and how long the read itself took (not the wait for it). */
    record Timed(ReadResult result, long readMs) {
    }

    private record Pending(Path file, FutureTask<Timed> task) {
    }

    /** Per calling thread, so that runs in the same process (tests) never see each other's reads. */
    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private ReadAhead() {
    }

    /** Looks at the raw arguments and, for a batch command on one existing file, starts its read. */
    static void start(String... args) {
        PENDING.remove();
        if (args.length < 2 || !("summary".equals(args[0]) || "restate".equals(args[0]))) {
            return;
        }
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("-")) {
                continue;
            }
            Path p;
            try {
                p = Path.of(a);
            } catch (InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(p)) {
                continue;
            }
            if (file != null) {
                return;
            }
            file = p;
        }
        if (file == null) {
            return;
        }
        Path source = file;
        FutureTask<Timed> task = new FutureTask<>(() -> {
            long t0 = System.nanoTime();
            ReadResult r = WorkbookReader.read(source);
            return new Timed(r, (System.nanoTime() - t0) / 1_000_000);
        });
        PENDING.set(new Pending(key(source), task));
        Thread t = new Thread(task, "read-ahead");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The read started for this file, waited for; null when none was started for it. A failed read
     * throws what reading it here would have thrown.
     */
    static Timed take(Path file) throws WorkbookReadException {
        Pending p = PENDING.get();
        if (p == null || !p.file.equals(key(file))) {
            return null;
        }
        PENDING.remove();
        try {
            return p.task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WorkbookReadException w) {
                throw w;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Forgets a read nobody took (the run ended some other way). */
    static void discard() {
        Pending p = PENDING.get();
        PENDING.remove();
        if (p != null) {
            p.task.cancel(true);
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
