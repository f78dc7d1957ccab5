package com.marginworkbench.ui.workbench;

import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;

import java.nio.file.Path;

/** Reads a workbook into a model; the window passes the real reader, tests may pass their own. */
@FunctionalInterface
public interface WorkbookLoader {
    ReadResult load(Path file, Progress progress) throws WorkbookReadException;

    /** Reads with what the user told the reader in the mapping view; a loader that takes no hints ignores them. */
    default ReadResult load(Path file, Progress progress, ReadingHints hints) throws WorkbookReadException {
        return load(file, progress);
    }
}
