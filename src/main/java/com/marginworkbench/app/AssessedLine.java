package com.marginworkbench.app;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.model.CostLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One cost line as the user assesses it: the line (with its layer and stress flags), the decision
 * (cost type, answers, note), when the note was written, and the COGS test's classification of the
 * decision under the assessment's policy. One value, so nothing can drift out of step.
 */
public record AssessedLine(CostLine line, LineDecision decision, Instant noteTime, Classification classification) {

    /**
     * The line with a new decision (and note time), classified again under {@code policy}: with
     * its reported placement (a name alone cannot move it; internal costs keep their function)
     * and the model's fiscal years (the ASU 2025-06 test per year).
     */
    public AssessedLine decide(LineDecision newDecision, Instant newNoteTime, Policy policy, List<LocalDate> years) {
        return new AssessedLine(line, newDecision, newNoteTime,
                CogsTest.classify(newDecision, line.reported(), policy, years));
    }

    /** The same line under another policy. */
    public AssessedLine reclassify(Policy policy, List<LocalDate> years) {
        return new AssessedLine(line, decision, noteTime, CogsTest.classify(decision, line.reported(), policy, years));
    }

    public AssessedLine withLine(CostLine newLine) {
        return new AssessedLine(newLine, decision, noteTime, classification);
    }

    /** The key a project file matches lines by: source cell and label. */
    public String key() {
        return key(line.sourceCell(), line.label());
    }

    static String key(String source, String label) {
        return (source == null ? "" : source) + "\u0000" + (label == null ? "" : label.trim());
    }
}
