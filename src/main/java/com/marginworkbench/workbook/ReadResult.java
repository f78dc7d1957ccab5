package com.marginworkbench.workbook;

import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Reading;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading a workbook gives: the model, one suggested decision per cost line (same order as
 * {@code model.costs()}; the note says which dictionary term or column suggested it), the problems
 * found (cells in error, ambiguous rows), and the outline of sheets.
 *
 * @param ownModel true when the workbook is the product's own seventeen-sheet layout
 * @param reading  how it was read: table, units, row roles, checks and confidence (for the mapping view)
 * @param stamp    the version of the file that was read (null when not read from a file); the writer
 *                 refuses to restate a source that no longer matches it
 */
public record ReadResult(Path file, FinancialModel model, List<LineDecision> decisions, List<Problem> problems,
                         List<SheetInfo> sheets, boolean ownModel, Reading reading, SourceStamp stamp) {
    /** A result with no reading details (confidence high, nothing to check): the product's own model, tests. */
    public ReadResult(Path file, FinancialModel model, List<LineDecision> decisions, List<Problem> problems,
                      List<SheetInfo> sheets, boolean ownModel) {
        this(file, model, decisions, problems, sheets, ownModel, Reading.of(Reading.Confidence.HIGH, List.of()));
    }

    public ReadResult(Path file, FinancialModel model, List<LineDecision> decisions, List<Problem> problems,
                      List<SheetInfo> sheets, boolean ownModel, Reading reading) {
        this(file, model, decisions, problems, sheets, ownModel, reading, null);
    }

    /** The same reading, of the file version {@code s}. */
    public ReadResult withStamp(SourceStamp s) {
        return new ReadResult(file, model, decisions, problems, sheets, ownModel, reading, s);
    }

    public ReadResult {
        if (reading == null) {
            reading = Reading.of(Reading.Confidence.HIGH, List.of());
        }
        decisions = List.copyOf(decisions);
        problems = List.copyOf(problems);
        sheets = List.copyOf(sheets);
        if (decisions.size() != model.costs().size()) {
            throw new IllegalArgumentException("One decision per cost line expected: " + decisions.size()
                    + " decisions for " + model.costs().size() + " lines");
        }
    }
}
