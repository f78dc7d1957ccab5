package com.marginworkbench.cli;

import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Starts reading the workbook that {@code summary} or {@code restate} names while the command line
 * is still being parsed: building the parser takes a tenth of a second at start-up, and the read
 * does not depend on any option. Only an argument that names an existing file counts, and only
 * when there is exactly one; anything else (a folder, no file, two files) is left to the command.
 * The command takes the result for the same file, or reads as usual. Reading never writes, so a
 * read started for a run that then stops on a bad option costs nothing but the time.
 */
final class ReadAhead {
    /** A finished read, and how long the read itself took (not the wait for it). */
    record Timed(ReadResult result, long readMs) {
    }

    /**
     * The handoff between the reading thread and the command. Plain fields under a lock, so that
     * finishing allocates nothing: a read that ran out of memory still reports it (a FutureTask
     * could fail to record the error, and the command would wait for ever).
     */
    private static final class Pending {
        final Path file;
        Thread worker;
        private boolean done;
        private Timed result;
        private Throwable failure;

        Pending(Path file) {
            this.file = file;
        }

        synchronized void finish(Timed r, Throwable e) {
            result = r;
            failure = e;
            done = true;
            notifyAll();
        }

        /** Waits for the read; true when it finished, false when its thread ended without a word. */
        synchronized boolean await() throws InterruptedException {
            while (!done) {
                if (!worker.isAlive()) {
                    return done;
                }
                wait(50);
            }
            return true;
        }
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
            if (a.equals("--table") || a.startsWith("--table=")) {
                return; // the read depends on the range given; it starts after the options are parsed
            }
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
        Pending pending = new Pending(key(source));
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                ReadResult r = WorkbookReader.read(source);
                pending.finish(new Timed(r, (System.nanoTime() - t0) / 1_000_000), null);
            } catch (Throwable e) {
                pending.finish(null, e);
            }
        }, "read-ahead");
        t.setDaemon(true);
        // what it throws is handed to the command; only an error it cannot hand over ends it
        t.setUncaughtExceptionHandler((thread, error) -> {
        });
        pending.worker = t;
        PENDING.set(pending);
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
        boolean finished;
        try {
            finished = p.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!finished) {
            // Only an error the reading thread could not even record ends it this way: memory.
            throw WorkbookReader.outOfMemory(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        }
        Throwable cause = p.failure;
        if (cause == null) {
            return p.result;
        }
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

    /** Forgets a read nobody took (the run ended some other way). */
    static void discard() {
        Pending p = PENDING.get();
        PENDING.remove();
        if (p != null && p.worker != null) {
            p.worker.interrupt();
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
