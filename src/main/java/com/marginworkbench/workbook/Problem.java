package com.marginworkbench.workbook;

import com.marginworkbench.workbook.cells.InputGuards;
import com.marginworkbench.workbook.cells.VisibleText;

/**
 * Something the reader noticed and did not guess around: the cell (e.g. {@code P&L!G9}) and what is wrong.
 * A line that could not be read is never dropped in silence: its problem carries the line's label
 * ({@code line}), the cell that stopped it ({@code cell}) and what that cell holds ({@code error}: the
 * error value such as {@code #DIV/0!}, or why a formula has no result). Such a line is left out of
 * every figure (never read as zero) and every output names it.
 */
public record Problem(String source, String message, String line, String cell, String error) {
    public Problem {
        message = VisibleText.visible(InputGuards.shorten(message));
        source = VisibleText.visible(source);
        line = VisibleText.visible(line);
        error = VisibleText.visible(InputGuards.shorten(error));
    }

    public Problem(String source, String message) {
        this(source, message, null, null, null);
    }

    /** True when this problem is a whole line that could not be read. */
    public boolean unreadLine() {
        return line != null;
    }

    /** How many of {@code problems} are lines that could not be read. */
    public static long unreadLines(java.util.List<Problem> problems) {
        return problems.stream().filter(Problem::unreadLine).count();
    }

    @Override
    public String toString() {
        return source == null || source.isBlank() ? message : source + ": " + message;
    }
}
