package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.workbook.cells.GridCell;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The units a statement's amounts are stated in: the scale ("thousands") and the currency, as the
 * user set them or as stated near the statement (its title, its sheet's name, the rows above its
 * header, a caption among its rows).
 */
record StatementUnits(String text, double scale) {
    /** The units the user set, else those stated near the statement's first part. */
    static StatementUnits of(StatementReader.Found found) {
        ReadingHints hints = found.hints();
        return hints.units() != null
                ? new StatementUnits(hints.units(), hints.unitScale() == null ? 1 : hints.unitScale())
                : find(found.parts().get(0).block);
    }

    private static final Pattern THOUSANDS = Pattern.compile(
            "thousand|'000|’000|\\b000s?\\b|\\(000\\)|\\$000|\\$ 000|\\bin k\\b|\\(k\\)|\\b(usd|eur|gbp|\\$|£|€) ?k\\b");
    private static final Pattern MILLIONS = Pattern.compile(
            "million|\\bmm\\b|\\bmn\\b|\\$m\\b|\\$ m\\b|\\(m\\)|\\b(usd|eur|gbp) ?m{1,2}\\b|£m\\b|€m\\b|\\bin m\\b");
    /** A number written with thousands separators, in brackets or not: "1,000", "(12,500.50)". */
    private static final Pattern AMOUNT = Pattern.compile("\\(?-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\)?");
    private static final Pattern BILLIONS = Pattern.compile("billion|\\bbn\\b|\\$b\\b|\\(b\\)");

    static StatementUnits find(StatementBlock b) {
        StringBuilder text = new StringBuilder(b.title == null ? "" : b.title);
        text.append(" | ").append(b.sheet.name());
        int header = b.columns.row();
        for (int r = Math.max(0, header - 30); r < header && !b.orientation.equals("long format"); r++) {
            GridCell[] row = b.sheet.row(r);
            for (int c = 0; c < row.length && c < 30; c++) {
                if (row[c] != null && row[c].isText() && row[c].text().length() < 120) {
                    text.append(" | ").append(row[c].text());
                }
            }
        }
        for (int r = b.firstRow; r <= Math.min(b.lastRow, b.firstRow + 200); r++) {
            String t = StatementRows.text(b.sheet, r, b.labelColumn);
            if (t != null && t.length() < 120) {
                String n = t.toLowerCase(Locale.ROOT);
                if (n.contains("figures") || n.contains("amounts") || n.contains(" in ") || n.startsWith("in ")
                        || n.startsWith("units") || n.contains("000")) {
                    text.append(" | ").append(t);
                }
            }
        }
        double scale = 1;
        String found = null;
        String currency = null;
        // amounts typed as text ("1,000") are no caption: their digit groups would read as "000"
        String words = AMOUNT.matcher(text).replaceAll(" ");
        for (String segment : words.split("[|,;\\n]")) {
            String s = segment.toLowerCase(Locale.ROOT).trim();
            if (s.isEmpty() || s.contains("share") || s.contains("per ") || s.contains("%")) {
                continue;
            }
            if (currency == null) {
                currency = s.contains("usd") || s.contains("$") ? "USD" : s.contains("gbp") || s.contains("£")
                        ? "GBP" : s.contains("eur") || s.contains("€") ? "EUR" : null;
            }
            if (found == null) {
                if (BILLIONS.matcher(s).find()) {
                    scale = 1e9;
                    found = "billions";
                } else if (MILLIONS.matcher(s).find()) {
                    scale = 1e6;
                    found = "millions";
                } else if (THOUSANDS.matcher(s).find()) {
                    scale = 1e3;
                    found = "thousands";
                }
            }
        }
        if (found == null && currency == null) {
            return new StatementUnits(null, 1);
        }
        String text2 = (currency == null ? "" : currency + (found == null ? "" : " ")) + (found == null ? "" : found);
        return new StatementUnits(text2, scale);
    }
}
