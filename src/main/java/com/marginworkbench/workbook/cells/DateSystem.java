package com.marginworkbench.workbook.cells;

import java.util.List;

/**
 * Excel's two date systems. Workbooks saved with the 1904 system (the old Mac default, still chosen
 * in some templates) count days from 1 January 1904, so the same serial is a date four years and a
 * day later than in the usual 1900 system. The reader turns every date cell of such a workbook into
 * its 1900 serial once, where the cells are read, so periods, labels, JSON, the restated headers and
 * the fiscal year all come out right without any other code knowing.
 */
public final class DateSystem {
    /** Days between 1900-system and 1904-system serials of the same date. */
    public static final int OFFSET_1904 = 1462;

    private DateSystem() {
    }

    /** Shifts every number cell formatted as a date in {@code sheets} to the 1900 system. */
    static void shiftTo1900(List<GridSheet> sheets) {
        for (GridSheet s : sheets) {
            for (int r = 0; r < s.rowCount(); r++) {
                Object[] entries = s.rowCells(r);
                if (entries == null) {
                    continue;
                }
                for (int c = 0; c < entries.length; c++) {
                    if (entries[c] instanceof GridCell g && g.kind() == GridCell.Kind.NUMBER
                            && g.format() == GridCell.Format.DATE) {
                        s.set(r, c, GridCell.number(g.number() + OFFSET_1904, g.formula(), g.format()));
                    }
                }
            }
        }
    }

    /** True when the {@code date1904} attribute of {@code <workbookPr>} says so ("1" or "true"). */
    static boolean is1904(String attribute) {
        return attribute != null && (attribute.equals("1") || attribute.equalsIgnoreCase("true"));
    }
}
