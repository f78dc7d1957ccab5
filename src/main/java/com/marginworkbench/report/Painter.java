package com.marginworkbench.report;

/**
 * What the decision charts need from a drawing surface, with the origin at the top left and y
 * growing down: the PDF page and the window's canvas both implement it, so a chart is laid out once.
 * Colours are 0xRRGGBB.
 */
public interface Painter {
    void fill(double x, double y, double w, double h, int rgb);

    void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed);

    /** Text with its baseline at y. */
    void text(double x, double y, double size, boolean bold, int rgb, String s);

    double textWidth(double size, boolean bold, String s);

    default void textCenter(double cx, double y, double size, boolean bold, int rgb, String s) {
        text(cx - textWidth(size, bold, s) / 2, y, size, bold, rgb, s);
    }

    default void textRight(double right, double y, double size, boolean bold, int rgb, String s) {
        text(right - textWidth(size, bold, s), y, size, bold, rgb, s);
    }

    /** {@code s} shortened with an ellipsis to fit {@code max}. */
    default String fit(double size, boolean bold, String s, double max) {
        String t = s == null ? "" : s;
        if (textWidth(size, bold, t) <= max) {
            return t;
        }
        while (t.length() > 1 && textWidth(size, bold, t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "…";
    }
}
