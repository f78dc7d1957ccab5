package com.marginworkbench.ui.workbench;

import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;

import java.nio.file.Path;

/** Reads a workbook into a model; the window passes the real reader, tests may pass their own. */
@FunctionalInterface
public interface WorkbookLoader {
    ReadResult load(Path file) throws WorkbookReadException;
}
