package com.marginworkbench.workbook.cells;

/**
 * Runs a loop over {@code 0..n-1} on the machine's cores with plain threads, one slice each. Not
 * the common fork-join pool: when memory runs out, a pool worker can die before it records its
 * error, and whoever waits for its task waits for ever. A plain thread that dies has still ended,
 * so the wait ends, and the loop reports that memory ran out.
 */
public final class Parallel {
    /** The body of the loop, for the indices {@code from} (inclusive) to {@code to} (exclusive). */
    public interface Slice {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /** Runs {@code slice} over 0..n-1, on one thread per {@code perThread} indices, at most one per core. */
    public static void forRange(int n, int perThread, Slice slice) {
        int threads = (int) Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1L, (long) n / perThread));
        if (threads <= 1) {
            slice.run(0, n);
            return;
        }
        int chunk = (n + threads - 1) / threads;
        Worker[] workers = new Worker[threads - 1];
        for (int t = 1; t < threads; t++) {
            workers[t - 1] = new Worker(slice, Math.min(n, t * chunk), Math.min(n, (t + 1) * chunk));
            workers[t - 1].start();
        }
        Throwable failure = null;
        try {
            slice.run(0, Math.min(n, chunk));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Worker w : workers) {
            if (failure == null && w.failure != null) {
                failure = w.failure;
            }
            if (failure == null && !w.done) {
                failure = new OutOfMemoryError("a reading thread stopped without finishing");
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private static final class Worker extends Thread {
        private final Slice slice;
        private final int from;
        private final int to;
        volatile boolean done;
        volatile Throwable failure;

        Worker(Slice slice, int from, int to) {
            super("table-detection");
            this.slice = slice;
            this.from = from;
            this.to = to;
            setDaemon(true);
            setUncaughtExceptionHandler(StreamingGrid.SILENT);
        }

        @Override
        public void run() {
            try {
                slice.run(from, to);
                done = true;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}
