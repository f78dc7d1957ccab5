package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.Progress;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the values of a large .xlsx straight from its zip entries into {@link GridSheet}s: a few
 * dozen bytes a cell instead of the user model's kilobyte and more. The small parts (workbook,
 * relationships, styles, shared strings) go through a secure SAX parser; the sheets, which hold
 * nearly all the bytes, through a byte-level scanner that only knows the handful of elements a
 * sheet's cells use (row, c, v, f, is/t). No DTD is ever processed, and every entry is inflated
 * under a size and ratio limit, so neither a zip bomb nor an XML bomb gets through.
 * Saved formula results are used as they are; a formula saved without one is kept as "no value"
 * (reported, never read as zero), since recalculating needs the user model.
 */
public final class StreamingGrid {

    private StreamingGrid() {
    }

    /**
     * Every sheet of the workbook in tab order; a chart sheet (or any sheet without cells) comes as
     * an empty grid, so the list names the same sheets as POI's user model would.
     */
    public static List<GridSheet> of(Path file, Progress progress) throws Exception {
        // The sheets a restate added are not read: the figures come from the original sheets only.
        Book book = book(file, progress, names -> {
            java.util.Set<String> added = AddedSheets.of(names);
            return name -> !AddedSheets.isAdded(added, name);
        });
        List<GridSheet> out = new ArrayList<>(book.sheets().size());
        java.util.Iterator<GridSheet> scanned = book.grids().iterator();
        for (SheetEntry e : book.sheets()) {
            out.add(e.worksheet() && scanned.hasNext() ? scanned.next() : new GridSheet(e.name(), e.hidden()));
        }
        return out;
    }

    /** One {@code <sheet>} of the workbook part, in tab order; {@code worksheet} when it is a worksheet whose part exists. */
    public record SheetEntry(String name, boolean hidden, boolean worksheet) {
    }

    /** One {@code <definedName>}, in document order; {@code formula} is its text (may be empty). */
    public record DefinedName(String name, String formula) {
    }

    /** The workbook part's sheets and defined names, and the grids of the worksheets that were scanned. */
    public record Book(List<SheetEntry> sheets, List<DefinedName> names, List<GridSheet> grids) {
    }

    /**
     * Reads the workbook part and then only the worksheets that {@code wanted} (given the defined
     * names, so a caller can follow them) accepts by sheet name.
     */
    public static Book book(Path file, Progress progress,
                     Function<List<DefinedName>, Predicate<String>> wanted) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String workbookPath = WorkbookParts.officeDocument(zip);
            String dir = workbookPath.contains("/") ? workbookPath.substring(0, workbookPath.lastIndexOf('/') + 1) : "";
            Map<String, String[]> rels = WorkbookParts.relationships(zip, dir + "_rels/"
                    + workbookPath.substring(dir.length()) + ".rels");
            WorkbookParts.Workbook part = WorkbookParts.workbook(zip, workbookPath);
            List<String[]> sheets = part.sheets();
            List<DefinedName> names = part.names();
            Predicate<String> scan = wanted.apply(names);
            String stylesPath = null;
            String stringsPath = null;
            for (String[] rel : rels.values()) {
                if (rel[0].endsWith("/styles")) {
                    stylesPath = WorkbookParts.resolve(dir, rel[1]);
                } else if (rel[0].endsWith("/sharedStrings")) {
                    stringsPath = WorkbookParts.resolve(dir, rel[1]);
                }
            }
            GridCell.Format[] formats = stylesPath == null ? new GridCell.Format[0] : WorkbookParts.formats(zip, stylesPath);
            List<String> strings = stringsPath == null ? List.of() : WorkbookParts.sharedStrings(zip, stringsPath);
            List<GridSheet> out = new ArrayList<>();
            List<SheetEntry> entries = new ArrayList<>();
            int index = 0;
            for (String[] s : sheets) {
                String[] rel = rels.get(s[1]);
                index++;
                boolean hidden = s[2] != null && !"visible".equals(s[2]);
                ZipEntry e = rel == null || !rel[0].endsWith("/worksheet") ? null : zip.getEntry(WorkbookParts.resolve(dir, rel[1]));
                entries.add(new SheetEntry(s[0], hidden, e != null));
                if (e == null || !scan.test(s[0])) {
                    continue;
                }
                GridSheet grid = new GridSheet(s[0], hidden);
                try (InputStream in = new Prefetch(GuardedEntry.open(zip, e))) {
                    new SheetScanner(in, grid, strings, formats, progress).scan();
                }
                out.add(grid);
                if (progress != null) {
                    progress.update(Math.min(0.9, 0.1 + 0.8 * index / sheets.size()), "Read sheet " + s[0]);
                }
            }
            if (part.date1904()) {
                DateSystem.shiftTo1900(out);
            }
            return new Book(entries, names, out);
        }
    }

    /** For helper threads whose failures are reported by the thread that waits for them. */
    public static final Thread.UncaughtExceptionHandler SILENT = (thread, error) -> {
    };

}
