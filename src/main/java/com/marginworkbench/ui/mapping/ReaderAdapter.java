package com.marginworkbench.ui.mapping;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;
import com.marginworkbench.workbook.cells.SheetPreview;

import java.nio.file.Path;

/**
 * The window's one coupling to the reader: read a workbook with the user's mapping, say how it was
 * read, and give the cells of its sheets for the mapping view's preview.
 */
public final class ReaderAdapter implements WorkbookLoader {
    public static final ReaderAdapter INSTANCE = new ReaderAdapter();

    private ReaderAdapter() {
    }

    @Override
    public ReadResult load(Path file, Progress progress) throws WorkbookReadException {
        return load(file, progress, ReadingHints.NONE);
    }

    @Override
    public ReadResult load(Path file, Progress progress, ReadingHints hints) throws WorkbookReadException {
        return WorkbookReader.read(file, progress, hints);
    }

    /** How a result was read: table, units, row roles, checks and confidence. */
    public static Reading reading(ReadResult read) {
        return read == null ? Reading.of(Reading.Confidence.MEDIUM, java.util.List.of()) : read.reading();
    }

    /** The cells of every sheet, as text. */
    public static SheetPreview preview(Path file) throws WorkbookReadException {
        return SheetPreview.read(file);
    }
}
