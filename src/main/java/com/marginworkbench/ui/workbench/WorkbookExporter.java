package com.marginworkbench.ui.workbench;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;

import java.nio.file.Path;
import java.util.List;

/** Writes the restated workbook; the window passes the real writer. */
@FunctionalInterface
public interface WorkbookExporter {
    /**
     * Everything the writer needs, captured on the UI thread: the source file, what was read with
     * the user's layer and flag edits applied, one classification and decision per cost line.
     */
    record Request(Path source, ReadResult read, List<Classification> classifications, List<LineDecision> decisions,
                   Policy policy, Levers levers, Path target) {
    }

    /** Writes and returns the file written. */
    Path export(Request request, Progress progress) throws Exception;
}
