package com.marginworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The workbooks of a folder, as the batch modes of {@code summary} and {@code restate} take them. */
final class WorkbookFolder {
    private WorkbookFolder() {
    }

    /** .xlsx, .xlsm or .xls, and neither an Excel lock file (~$) nor a hidden or temporary file. */
    static boolean isWorkbookName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith("~$") && !n.startsWith(".")
                && (n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls"));
    }

    /** The folder's workbooks that also pass {@code keep}, sorted by name. */
    static List<Path> list(Path folder, Predicate<Path> keep) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).filter(WorkbookFolder::isWorkbookName).filter(keep).sorted()
                    .toList();
        }
    }
}
