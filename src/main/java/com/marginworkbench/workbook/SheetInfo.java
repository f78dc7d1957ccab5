package com.marginworkbench.workbook;

/**
 * One sheet of the workbook for the outline: its name, whether it is hidden, and the cost table
 * found on it (e.g. {@code B5:N40}), or null when none was found there.
 */
public record SheetInfo(String name, boolean hidden, String tableRange) {
}
