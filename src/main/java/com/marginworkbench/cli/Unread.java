package com.marginworkbench.cli;

import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.ReadResult;

import java.io.PrintWriter;

/**
 * Lines the reader could not read (a cell in error, a formula without a result that could not be
 * calculated): each is named on stderr, and the exit code says the figures are incomplete.
 */
final class Unread {
    /** Exit code of a run that finished but could not read every line: the figures leave those lines out. */
    static final int EXIT_CODE = 3;

    private Unread() {
    }

    /** Names every unread line of {@code read} on {@code err}; returns 0 when all were read, else {@link #EXIT_CODE}. */
    static int report(PrintWriter err, ReadResult read) {
        String name = read.file().getFileName().toString();
        int n = 0;
        for (Problem p : read.problems()) {
            if (p.unreadLine()) {
                n++;
                err.println("margin-workbench: " + name + ": " + p);
            }
        }
        if (n > 0) {
            err.println("margin-workbench: " + name + ": " + n + (n == 1 ? " line" : " lines")
                    + " could not be read and " + (n == 1 ? "is" : "are") + " left out of the figures (exit code "
                    + EXIT_CODE + ")");
        }
        err.flush();
        return n == 0 ? 0 : EXIT_CODE;
    }
}
