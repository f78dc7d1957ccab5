package com.marginworkbench.workbook.cells;

/**
 * One cell reduced to what table detection needs, the same whether it came from POI's user model
 * or from the streaming read: its kind, its number or text, its formula (without '=') and whether
 * its number format shows a date or a percentage.
 */
public record GridCell(Kind kind, double number, String text, String formula, Format format) {
    public enum Kind {
        NUMBER,
        TEXT,
        BOOLEAN,
        /** An error value such as #DIV/0!; {@code text} holds it. */
        ERROR,
        /** A formula with no saved result that could not be recalculated. */
        NO_VALUE
    }

    public enum Format { GENERAL, DATE, PERCENT }

    public static GridCell number(double v, String formula, Format format) {
        return new GridCell(Kind.NUMBER, v, null, formula, format);
    }

    public static GridCell text(String s, String formula) {
        return new GridCell(Kind.TEXT, 0, s, formula, Format.GENERAL);
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isText() {
        return kind == Kind.TEXT && text != null && !text.isBlank();
    }

    public boolean isBlankText() {
        return kind == Kind.TEXT && (text == null || text.isBlank());
    }
}
