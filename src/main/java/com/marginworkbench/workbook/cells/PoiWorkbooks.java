package com.marginworkbench.workbook.cells;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a workbook with POI's user model, read-only, with POI's limits set first. */
public final class PoiWorkbooks {
    private PoiWorkbooks() {
    }

    /**
     * POI's limits, set once before POI opens any file. Kept out of the reader's own start-up so the
     * paths that never touch POI's packaging (the own model's saved values, the streaming read) do
     * not load it.
     */
    private static final class PoiLimits {
        static {
            // POI's defaults already stop zip bombs; say so explicitly so nobody loosens them by accident.
            ZipSecureFile.setMinInflateRatio(0.01);
            ZipSecureFile.setMaxEntrySize(0xFFFFFFFFL);
            InputGuards.install();
        }

        static void set() {
            // the static block does the work, once
        }
    }

    /** Sets POI's limits (once) before anything of POI opens a file. */
    public static void setLimits() {
        PoiLimits.set();
    }

    /** Opens {@code file} read-only: the source workbook is never written back. */
    public static Workbook open(Path file) throws IOException {
        PoiLimits.set();
        return WorkbookFactory.create(file.toFile(), null, true);
    }
}
