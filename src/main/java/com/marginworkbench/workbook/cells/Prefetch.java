package com.marginworkbench.workbook.cells;

import java.io.IOException;
import java.io.InputStream;

/**
 * Inflates an entry on a second thread, a few chunks ahead of the scanner, so unpacking and
 * scanning overlap. Errors (a zip bomb, a damaged entry) reach the reader on its next read.
 */
final class Prefetch extends InputStream {
    private static final Object END = new Object();
    private static final int CHUNK = 1 << 18;

    private final InputStream source;
    private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
    private final Thread worker;
    private byte[] current = new byte[0];
    private int pos;
    private boolean finished;

    Prefetch(InputStream source) {
        this.source = source;
        worker = new Thread(this::pump, "sheet-inflater");
        worker.setDaemon(true);
        // Its errors reach the reader through the queue; one it could not even queue (out of
        // memory) is seen by the reader as the thread ending early, never printed here.
        worker.setUncaughtExceptionHandler(StreamingGrid.SILENT);
        worker.start();
    }

    private void pump() {
        try {
            while (true) {
                byte[] chunk = new byte[CHUNK];
                int n = source.readNBytes(chunk, 0, CHUNK);
                if (n > 0) {
                    queue.put(n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
                }
                if (n < CHUNK) {
                    queue.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean fill() throws IOException {
        while (pos >= current.length) {
            if (finished) {
                return false;
            }
            Object next;
            try {
                next = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (!worker.isAlive() && queue.isEmpty()) {
                        finished = true;
                        throw new OutOfMemoryError("the sheet inflater stopped without a word");
                    }
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("reading was interrupted");
            }
            if (next == END) {
                finished = true;
                return false;
            }
            if (next instanceof IOException io) {
                finished = true;
                throw io;
            }
            if (next instanceof RuntimeException re) {
                finished = true;
                throw re;
            }
            if (next instanceof Error err) {
                finished = true;
                throw err;
            }
            current = (byte[]) next;
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        worker.interrupt();
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
