package com.marginworkbench.workbook.cells;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sheets this product added to a restated workbook, known by the hidden defined names the
 * writer puts beside them ({@code _MW_AddedSheet1} = {@code 'Restated P&L'!$A$1}, ...). The reader
 * leaves those sheets out, so a restated workbook is read from its original sheets only and
 * restating it again gives the same figures.
 */
public final class AddedSheets {
    public static final String MARKER_PREFIX = "_MW_AddedSheet";

    private AddedSheets() {
    }

    /** Sheet names (lower case) that the markers among {@code names} point at. */
    static Set<String> of(List<StreamingGrid.DefinedName> names) {
        Set<String> out = new HashSet<>();
        for (StreamingGrid.DefinedName n : names) {
            add(out, n.name(), n.formula());
        }
        return out;
    }

    /** The same, from a workbook opened with POI's user model. */
    static Set<String> of(org.apache.poi.ss.usermodel.Workbook wb) {
        Set<String> out = new HashSet<>();
        for (org.apache.poi.ss.usermodel.Name n : wb.getAllNames()) {
            try {
                add(out, n.getNameName(), n.getRefersToFormula());
            } catch (RuntimeException e) {
                // a name POI cannot parse is not one of ours
            }
        }
        return out;
    }

    private static void add(Set<String> out, String name, String formula) {
        if (name == null || formula == null || !name.startsWith(MARKER_PREFIX)) {
            return;
        }
        int bang = formula.lastIndexOf('!');
        if (bang <= 0) {
            return;
        }
        String sheet = formula.substring(0, bang).trim();
        if (sheet.startsWith("=")) {
            sheet = sheet.substring(1);
        }
        if (sheet.length() >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        }
        out.add(sheet.toLowerCase(Locale.ROOT));
    }

    static boolean isAdded(Set<String> added, String sheet) {
        return added.contains(sheet.toLowerCase(Locale.ROOT));
    }
}
