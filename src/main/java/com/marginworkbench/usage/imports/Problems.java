package com.marginworkbench.usage.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bad rows of an import. Every bad row is counted; the first {@value #KEPT_PER_FILE} of each
 * file are kept with their file:line, and one more line per file says how many more there were, so
 * a file that is bad throughout cannot fill the memory.
 */
public final class Problems {
    static final int KEPT_PER_FILE = 200;
    private final List<ImportProblem> kept = new ArrayList<>();
    private long count;
    private String file;
    private int keptInFile;
    private long moreInFile;

    /** A row of the current file is bad. */
    void row(String fileName, long line, String message) {
        count++;
        if (!fileName.equals(file)) {
            flush();
            file = fileName;
        }
        if (keptInFile < KEPT_PER_FILE) {
            kept.add(new ImportProblem(fileName + ":" + line, message));
            keptInFile++;
        } else {
            moreInFile++;
        }
    }

    /** The file as a whole (no line). */
    public void file(String fileName, String message) {
        flush();
        count++;
        kept.add(new ImportProblem(fileName, message));
    }

    /** Writes the "and N more" line of the file that was being read. */
    void flush() {
        if (moreInFile > 0) {
            kept.add(new ImportProblem(file, moreInFile + " more bad rows like the ones above"));
        }
        file = null;
        keptInFile = 0;
        moreInFile = 0;
    }

    /** Every bad row and file, counted. */
    public long count() {
        return count;
    }

    public List<ImportProblem> list() {
        flush();
        return Collections.unmodifiableList(kept);
    }
}
