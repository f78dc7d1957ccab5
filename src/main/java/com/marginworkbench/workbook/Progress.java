package com.marginworkbench.workbook;

/**
 * How far a long job (reading a workbook, writing the restated workbook) has got, and whether the
 * user asked it to stop. The window passes one that feeds its status bar and its cancel button; the
 * command line passes {@link #NONE} or null. The one progress type of the reader, the writer and the
 * window, so none of them needs to know the others.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing and never stops. */
    Progress NONE = (fraction, step) -> {
    };

    /** Called now and then with a fraction between 0 and 1 and what is being done (null: the same step). */
    void update(double fraction, String step);

    /** Polled while working; true asks the job to stop (a read then throws {@link ReadCancelled}). */
    default boolean cancelled() {
        return false;
    }
}
