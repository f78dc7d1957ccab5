package com.marginworkbench.ui;

import com.marginworkbench.ui.workbench.WorkbenchViewModel;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts reading the first workbook before the JavaFX toolkit is up, so that reading (the slow
 * part of a start) overlaps the toolkit's start-up and the building of the window.
 */
final class Preload {
    private static Path file;
    private static CompletableFuture<WorkbenchViewModel.Loaded> future;

    private Preload() {
    }

    static synchronized void start(Path workbook, java.util.function.UnaryOperator<Path> projectLocator) {
        file = workbook;
        future = new CompletableFuture<>();
        CompletableFuture<WorkbenchViewModel.Loaded> f = future;
        Thread t = new Thread(() -> {
            try {
                f.complete(WorkbenchViewModel.read(WorkbenchApp.LOADER, workbook,
                        com.marginworkbench.workbook.Progress.NONE, projectLocator));
            } catch (Exception | LinkageError e) {
                f.completeExceptionally(e);
            }
        }, "workbench-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The read started for this file, once; empty when none was started for it. */
    static synchronized Optional<CompletableFuture<WorkbenchViewModel.Loaded>> take(Path workbook) {
        if (future == null || !workbook.equals(file)) {
            return Optional.empty();
        }
        CompletableFuture<WorkbenchViewModel.Loaded> f = future;
        future = null;
        file = null;
        return Optional.of(f);
    }
}
