package com.marginworkbench.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One PDF page as a {@link Painter}: text, filled and stroked shapes go straight to the page's
 * content stream as vectors, in the embedded fonts. A failed write surfaces as an
 * {@link UncheckedIOException} that {@link BoardPackPdf} unwraps.
 */
final class PdfCanvas implements Painter, AutoCloseable {
    private final PDPageContentStream cs;
    private final Fonts fonts;
    private final float height;

    PdfCanvas(PDDocument doc, PDRectangle size, Fonts fonts) throws IOException {
        PDPage page = new PDPage(size);
        doc.addPage(page);
        this.cs = new PDPageContentStream(doc, page);
        this.fonts = fonts;
        this.height = size.getHeight();
    }

    private PDFont font(boolean bold) {
        return bold ? fonts.bold : fonts.regular;
    }

    private static Color colour(int rgb) {
        return new Color(rgb);
    }

    @Override
    public void text(double x, double y, double size, boolean bold, int rgb, String s) {
        String t = Fonts.printable(font(bold), s);
        if (t.isBlank()) {
            return;
        }
        try {
            cs.beginText();
            cs.setFont(font(bold), (float) size);
            cs.setNonStrokingColor(colour(rgb));
            cs.newLineAtOffset((float) x, (float) (height - y));
            cs.showText(t);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double textWidth(double size, boolean bold, String s) {
        try {
            return font(bold).getStringWidth(Fonts.printable(font(bold), s)) / 1000.0 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fill(double x, double y, double w, double h, int rgb) {
        try {
            cs.setNonStrokingColor(colour(rgb));
            cs.addRect((float) x, (float) (height - y - h), (float) w, (float) h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed) {
        try {
            cs.setStrokingColor(colour(rgb));
            cs.setLineWidth((float) width);
            cs.setLineDashPattern(dashed ? new float[] {3, 2} : new float[0], 0);
            cs.moveTo((float) x1, (float) (height - y1));
            cs.lineTo((float) x2, (float) (height - y2));
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connected line through the points; NaN values break it. */
    void polyline(float[] xs, float[] ys, int rgb, float lineWidth, boolean dashed) {
        try {
            cs.setStrokingColor(colour(rgb));
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> wrap(double size, String s, double max) {
        return DecisionCharts.wrap(this, size, s, max);
    }

    @Override
    public void close() throws IOException {
        cs.close();
    }
}
