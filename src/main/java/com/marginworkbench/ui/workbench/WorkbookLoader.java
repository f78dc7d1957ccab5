package com.marginworkbench.ui.workbench;

import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;

import java.nio.file.Path;

/** Reads a workbook into a model; the window passes the real reader, tests may pass their own. */
@FunctionalInterface
public interface WorkbookLoader {
    /** Where reading has got to, and whether the user asked to stop. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void update(double fraction, String step) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        void update(double fraction, String step);

        boolean cancelled();
    }

    ReadResult load(Path file, Progress progress) throws WorkbookReadException;

    /** Reads with what the user told the reader in the mapping view; a loader that takes no hints ignores them. */
    default ReadResult load(Path file, Progress progress, ReadingHints hints) throws WorkbookReadException {
        return load(file, progress);
    }
}
