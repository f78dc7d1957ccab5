package com.marginworkbench.workbook.cells;

import com.marginworkbench.model.SourceRef;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared formulas of one worksheet: written once, in the first cell of a range, and moved from
 * that cell to each of the others that name it by its index.
 */
final class SharedFormulas {
    private record Shared(String formula, int row, int col) {
    }
    private static final Pattern REF = Pattern.compile("(\\$?)([A-Z]{1,3})(\\$?)(\\d{1,7})(?![A-Z0-9(!])");

    private final Map<String, Shared> shared = new HashMap<>();

    /**
     * The formula of the cell at {@code row, col} whose {@code <f>} has type {@code type}, index
     * {@code si}, a ref attribute or not, and text {@code f}: the first cell of a shared formula is
     * remembered and keeps its text; another cell of it gets the first cell's formula moved to it
     * ("?" when that cell was never seen).
     */
    String resolve(String type, String si, boolean ref, String f, int row, int col) {
        if ("shared".equals(type) && si != null) {
            if (ref || !f.isEmpty()) {
                shared.put(si, new Shared(f, row, col));
            } else {
                Shared master = shared.get(si);
                return master == null ? "?" : shift(master.formula, row - master.row, col - master.col);
            }
        }
        return f;
    }

    /** Shifts the relative references of a shared formula from its first cell to another. */
    static String shift(String formula, int rows, int cols) {
        if (rows == 0 && cols == 0) {
            return formula;
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = REF.matcher(formula);
        int last = 0;
        boolean inString = false;
        while (m.find()) {
            for (int k = last; k < m.start(); k++) {
                if (formula.charAt(k) == '"') {
                    inString = !inString;
                }
            }
            sb.append(formula, last, m.start());
            if (inString || m.start() > 0 && Character.isLetterOrDigit(formula.charAt(m.start() - 1))) {
                sb.append(m.group());
            } else {
                int col = columnIndex(m.group(2));
                int row = Integer.parseInt(m.group(4));
                if (m.group(1).isEmpty()) {
                    col += cols;
                }
                if (m.group(3).isEmpty()) {
                    row += rows;
                }
                sb.append(m.group(1)).append(SourceRef.columnName(Math.max(0, col))).append(m.group(3))
                        .append(Math.max(1, row));
            }
            last = m.end();
        }
        sb.append(formula.substring(last));
        return sb.toString();
    }

    private static int columnIndex(String letters) {
        int c = 0;
        for (int i = 0; i < letters.length(); i++) {
            c = c * 26 + (letters.charAt(i) - 'A' + 1);
        }
        return c - 1;
    }
}
