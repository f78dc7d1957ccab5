package com.marginworkbench.model;

import java.util.List;

/**
 * How a workbook was read: which table (sheet, range, header row, label column, orientation and
 * why), the units, the role of every row looked at, the checks against the workbook's own totals
 * and how confident the reading is, with the reasons. Free of any spreadsheet library, so the
 * window's mapping view, the command line and the project file can all use it.
 *
 * @param tables     the table(s) read, in period order (a statement split over sheets has several)
 * @param units      the units the amounts are stated in, as found ("USD thousands"), or null
 * @param unitScale  what the cells were multiplied by to give the model's amounts (1000 for thousands)
 * @param costSign   -1 when the statement stores costs as negative numbers (they were flipped), else 1
 * @param rows       every row of the table(s) with its role
 * @param checks     each total the reading was checked against
 * @param confidence high, medium or low
 * @param reasons    why the confidence is what it is (empty for a plain high)
 * @param notes      what else the reader decided (periods skipped, Actual chosen over Budget, ...)
 */
public record Reading(List<Table> tables, String units, double unitScale, double costSign, List<Row> rows,
                      List<Check> checks, Confidence confidence, List<String> reasons, List<String> notes) {

    public enum Confidence {
        HIGH, MEDIUM, LOW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One table read.
     *
     * @param sheet       the sheet's name
     * @param range       A1-style range, e.g. {@code A6:U76}
     * @param headerRow   1-based row of the period headings (for a transposed table: the row of line names)
     * @param labelColumn column letter of the labels (for a transposed table: the column of periods)
     * @param orientation "periods in columns", "periods in rows" or "long format"
     * @param why         why this table was taken
     */
    public record Table(String sheet, String range, int headerRow, String labelColumn, String orientation,
                        String why) {
        /** The range with its sheet, as {@code --table} takes it: {@code 'P&L'!A1:N40}. */
        public String reference() {
            return "'" + sheet.replace("'", "''") + "'!" + range;
        }
    }

    /**
     * One row of a table and what the reading made of it.
     *
     * @param sheet     the sheet
     * @param row       1-based row number
     * @param label     the row's label as written
     * @param role      its role
     * @param placement for a line: where it is reported (revenue, cost of revenue, R&amp;D, ...); else null
     * @param why       a short reason for the role
     */
    public record Row(String sheet, int row, String label, RowRole role, Placement placement, String why) {
        /** {@code Sheet!12}: how hints name a row. */
        public String key() {
            return sheet + "!" + row;
        }
    }

    /**
     * A check of the lines read against a total the workbook computes.
     *
     * @param what   e.g. "gross profit = revenue − cost of revenue"
     * @param row    the total's cell, e.g. {@code P&L!A6}
     * @param holds  true when it adds up in every period (within rounding)
     * @param detail where it does not, the first period and the two figures
     */
    public record Check(String what, String row, boolean holds, String detail) {
    }

    public Reading {
        tables = List.copyOf(tables);
        rows = List.copyOf(rows);
        checks = List.copyOf(checks);
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        if (confidence == null) {
            confidence = Confidence.MEDIUM;
        }
    }

    /** The first table, or null when nothing tabular was read (the product's own model). */
    public Table table() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    /** A reading that says only how confident it is, for readers that have no table to describe. */
    public static Reading of(Confidence confidence, List<String> reasons) {
        return new Reading(List.of(), null, 1, 1, List.of(), List.of(), confidence, reasons, List.of());
    }

    /** Where a table was read and why: "'P&L'!A1:D10 (periods in columns; header row 1, labels in column A): ...". */
    public static String describe(Table t) {
        return String.format(java.util.Locale.ROOT, "%s (%s; header row %d, labels in column %s): %s", t.reference(),
                t.orientation(), t.headerRow(), t.labelColumn(), t.why());
    }

    /** The units found and the scale applied, or null when none were stated. */
    public String unitsText() {
        return units == null ? null : units + (unitScale == 1 ? ""
                : String.format(java.util.Locale.ROOT, " (amounts below multiplied by %,.0f)", unitScale));
    }

    /** How many of the workbook's own totals the reading adds up to, naming those it does not; null without any. */
    public String checksText() {
        if (checks.isEmpty()) {
            return null;
        }
        long holding = checks.stream().filter(Check::holds).count();
        return holding + " of " + checks.size() + " of the workbook's own totals add up" + (holding == checks.size()
                ? "" : ": " + String.join("; ", checks.stream().filter(c -> !c.holds())
                .map(c -> c.what() + " at " + c.row()).toList()));
    }

    /** "high", or "low (total revenue is negative ...)". */
    public String confidenceText() {
        return confidence.code() + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
    }

    public Reading withConfidence(Confidence c, List<String> why) {
        return new Reading(tables, units, unitScale, costSign, rows, checks, c, why, notes);
    }
}
