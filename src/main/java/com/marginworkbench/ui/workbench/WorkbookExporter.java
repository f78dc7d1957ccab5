package com.marginworkbench.ui.workbench;

import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.workbook.ReadResult;

import java.nio.file.Path;
import java.util.List;

/** Writes the restated workbook; the window passes the real writer. */
@FunctionalInterface
public interface WorkbookExporter {
    /** Everything the writer needs, captured on the UI thread. */
    record Request(ReadResult source, FinancialModel model, List<LineDecision> decisions, Policy policy, Levers levers,
                   Path target) {
    }

    Path export(Request request) throws Exception;
}
