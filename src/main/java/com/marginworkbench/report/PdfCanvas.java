package com.marginworkbench.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page to draw on with the origin at the top left and y growing down, as a layout reads; text,
 * filled and stroked shapes go straight to the page's content stream as vectors.
 */
final class PdfCanvas implements AutoCloseable {
    private final PDPageContentStream cs;
    private final float height;
    final float width;

    PdfCanvas(PDDocument doc, PDRectangle size) throws IOException {
        PDPage page = new PDPage(size);
        doc.addPage(page);
        this.cs = new PDPageContentStream(doc, page);
        this.height = size.getHeight();
        this.width = size.getWidth();
    }

    float pageHeight() {
        return height;
    }

    /** Draws {@code s} with its baseline at {@code y}, starting at {@code x}. */
    void text(float x, float y, PDFont font, float size, Color color, String s) throws IOException {
        String t = Fonts.printable(font, s);
        if (t.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, height - y);
        cs.showText(t);
        cs.endText();
    }

    void textRight(float right, float y, PDFont font, float size, Color color, String s) throws IOException {
        text(right - width(font, size, s), y, font, size, color, s);
    }

    void textCenter(float center, float y, PDFont font, float size, Color color, String s) throws IOException {
        text(center - width(font, size, s) / 2, y, font, size, color, s);
    }

    static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(Fonts.printable(font, s)) / 1000f * size;
    }

    /** Words of {@code s} in lines no wider than {@code max}; a word longer than a line is cut. */
    static List<String> wrap(PDFont font, float size, String s, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : Fonts.printable(font, s).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String next = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, next) <= max) {
                line.setLength(0);
                line.append(next);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String w = word;
            while (width(font, size, w) > max && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && width(font, size, w.substring(0, cut)) > max) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code s} shortened with an ellipsis to fit {@code max}. */
    static String fit(PDFont font, float size, String s, float max) throws IOException {
        String t = Fonts.printable(font, s);
        if (width(font, size, t) <= max) {
            return t;
        }
        while (t.length() > 1 && width(font, size, t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "…";
    }

    void fill(float x, float y, float w, float h, Color color) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(x, height - y - h, w, h);
        cs.fill();
    }

    void stroke(float x, float y, float w, float h, Color color, float lineWidth) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(lineWidth);
        cs.addRect(x, height - y - h, w, h);
        cs.stroke();
    }

    void line(float x1, float y1, float x2, float y2, Color color, float lineWidth, boolean dashed)
            throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(lineWidth);
        cs.setLineDashPattern(dashed ? new float[] {3, 2} : new float[0], 0);
        cs.moveTo(x1, height - y1);
        cs.lineTo(x2, height - y2);
        cs.stroke();
        cs.setLineDashPattern(new float[0], 0);
    }

    /** A connected line through the points; NaN values break it. */
    void polyline(float[] xs, float[] ys, Color color, float lineWidth, boolean dashed) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(lineWidth);
        cs.setLineDashPattern(dashed ? new float[] {4, 2} : new float[0], 0);
        boolean open = false;
        for (int i = 0; i < xs.length; i++) {
            if (Float.isNaN(ys[i])) {
                open = false;
                continue;
            }
            if (open) {
                cs.lineTo(xs[i], height - ys[i]);
            } else {
                cs.moveTo(xs[i], height - ys[i]);
                open = true;
            }
        }
        cs.stroke();
        cs.setLineDashPattern(new float[0], 0);
    }

    @Override
    public void close() throws IOException {
        cs.close();
    }
}
