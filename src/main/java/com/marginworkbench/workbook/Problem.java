package com.marginworkbench.workbook;

/** Something the reader noticed and did not guess around: the cell (e.g. {@code P&L!G9}) and what is wrong. */
public record Problem(String source, String message) {
    public Problem {
        message = InputGuards.shorten(message);
    }

    @Override
    public String toString() {
        return source == null || source.isBlank() ? message : source + ": " + message;
    }
}
