package com.marginworkbench.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;

/**
 * The board pack's typeface, DejaVu Sans regular and bold, shipped in the jar (fonts/LICENSE-DejaVu.txt:
 * the Bitstream Vera licence, DejaVu changes in the public domain; taken from Debian's fonts-dejavu-core
 * 2.37) and embedded in each PDF as a subset of the glyphs used.
 */
final class Fonts {
    final PDFont regular;
    final PDFont bold;

    private Fonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static Fonts load(PDDocument doc) throws IOException {
        return new Fonts(load(doc, "DejaVuSans.ttf"), load(doc, "DejaVuSans-Bold.ttf"));
    }

    private static PDFont load(PDDocument doc, String name) throws IOException {
        try (InputStream in = Fonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IOException("The font " + name + " is missing from the application; reinstall it.");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /**
     * {@code s} with line breaks and tabs as spaces and every character the font cannot draw as "?", so
     * a label from any workbook prints.
     */
    static String printable(PDFont font, String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
