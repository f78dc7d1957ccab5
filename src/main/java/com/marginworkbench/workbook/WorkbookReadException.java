package com.marginworkbench.workbook;

/**
 * A workbook that cannot be read. The message is one line for the user: it names the file (and
 * sheet or cell where it can) and says what to do. The command line prints it and exits 2; the
 * window shows it in a dialog.
 */
public class WorkbookReadException extends Exception {
    public WorkbookReadException(String message) {
        super(message);
    }

    public WorkbookReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
