package com.marginworkbench.usage.imports;

/** One bad row or file: where ("file:line", or the file alone) and what is wrong and what to do. */
public record ImportProblem(String source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
