package com.marginworkbench.workbook.restate;

/**
 * A restated workbook that could not be written. The message is one line for the user: which file,
 * what is wrong, what to do. The command line prints it and exits 2; the window shows it.
 */
public class RestateException extends Exception {
    public RestateException(String message) {
        super(message);
    }

    public RestateException(String message, Throwable cause) {
        super(message, cause);
    }
}
