package com.marginworkbench.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user told the reader, to keep in a project file and give back on the next read: the
 * range(s) to read (in period order), the header row and label column, a role per row, rows whose
 * sign is flipped (or all costs), the units, and which period columns count. Every part is
 * optional; {@link #NONE} leaves the reading to the reader.
 *
 * @param tables        ranges such as {@code 'P&L'!A1:N40}, in period order; empty: the reader finds the table
 * @param headerRow     1-based sheet row of the period headings, inside the first range, or null for the
 *                      reader's choice (the header row, label column and period columns apply to the first
 *                      range only, and only when a range is given)
 * @param labelColumn   column letter of the labels in the first range, or null
 * @param roles         row key ({@code Sheet!12}, see {@link Reading.Row#key()}) to the role the user set
 * @param flippedRows   row keys whose sign is flipped
 * @param flipAllCosts  true: every cost line's sign is flipped
 * @param units         units to state ("USD thousands"), or null to use what the workbook says
 * @param unitScale     multiplier that goes with {@code units} (1000 for thousands), or null
 * @param periodColumns column letters of the first range that count as periods (read as they are: no Budget
 *                      column gives way to an Actual one), or empty for the reader's choice
 */
public record ReadingHints(List<String> tables, Integer headerRow, String labelColumn, Map<String, RowRole> roles,
                           Set<String> flippedRows, boolean flipAllCosts, String units, Double unitScale,
                           List<String> periodColumns) {
    public static final ReadingHints NONE = new ReadingHints(List.of(), null, null, Map.of(), Set.of(), false, null,
            null, List.of());

    public ReadingHints {
        tables = tables == null ? List.of() : List.copyOf(tables);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        flippedRows = flippedRows == null ? Set.of() : Set.copyOf(flippedRows);
        periodColumns = periodColumns == null ? List.of() : List.copyOf(periodColumns);
    }

    /** Hints that only name the ranges to read. */
    public static ReadingHints tables(List<String> ranges) {
        return new ReadingHints(ranges, null, null, Map.of(), Set.of(), false, null, null, List.of());
    }

    /**
     * True when no hint is given. Asked part by part rather than as {@code equals(NONE)}: a record's
     * own equals is assembled from method handles the first time it runs, and a command-line read
     * would pay for that at start-up (the constructor has already turned nulls into empty values).
     */
    public boolean isEmpty() {
        return tables.isEmpty() && headerRow == null && labelColumn == null && roles.isEmpty() && flippedRows.isEmpty()
                && !flipAllCosts && units == null && unitScale == null && periodColumns.isEmpty();
    }
}
