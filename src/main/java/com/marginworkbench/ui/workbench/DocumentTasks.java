package com.marginworkbench.ui.workbench;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.report.BoardPack;
import com.marginworkbench.report.BoardPackPdf;
import com.marginworkbench.workbook.WorkbookReadException;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The window's work with files, off the UI thread: reading a workbook, writing the restated
 * workbook and the board pack (one job at a time through the {@link TaskRunner}, with progress and
 * cancel), and saving the project file (on a thread of its own, so a save never waits behind a long
 * job). It holds no control: the window says where error messages go and how to ask before this
 * window's decisions replace another window's.
 */
public final class DocumentTasks {
    private final WorkbenchViewModel vm;
    private final WorkbookLoader loader;
    private final WorkbookExporter exporter;
    private final TaskRunner tasks;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-background");
        t.setDaemon(true);
        return t;
    });
    private Consumer<String> errorSink = m -> { };
    private Consumer<String> askReplace = m -> { };

    /** @param exporter the restated-workbook writer, null when this build has none */
    public DocumentTasks(WorkbenchViewModel vm, WorkbookLoader loader, WorkbookExporter exporter) {
        this.vm = vm;
        this.loader = loader;
        this.exporter = exporter;
        this.tasks = new TaskRunner(vm::setStatus);
    }

    /** The one runner of long jobs; the status bar binds to its progress. */
    public TaskRunner runner() {
        return tasks;
    }

    /** Whether this build can write the restated workbook. */
    public boolean canExport() {
        return exporter != null;
    }

    /** Where error messages go (a dialog in the window, a list in tests). */
    public void setErrorSink(Consumer<String> sink) {
        errorSink = sink;
    }

    /**
     * What to do when Ctrl+S met another window's different decisions (the window asks, and calls
     * {@link #save(boolean, boolean, boolean)} with {@code replace} when the user says so).
     */
    public void setOnConflict(Consumer<String> ask) {
        askReplace = ask;
    }

    /** Runs {@code work} on the background thread and hands its result or failure to the UI thread. */
    public <T> void inBackground(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        background.submit(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> done.accept(value));
            } catch (Exception ex) {
                Platform.runLater(() -> failed.accept(ex));
            }
        });
    }

    /**
     * Reads a workbook in the background (or takes the result of a read already under way) and
     * shows it; a bad file shows the reader's message and changes nothing. {@code opened} runs on
     * the UI thread after the workbook is shown. Save the open workbook's project first.
     */
    public Task<WorkbenchViewModel.Loaded> open(Path file, Future<WorkbenchViewModel.Loaded> started, Runnable opened) {
        Task<WorkbenchViewModel.Loaded> task = tasks.task("Opening " + file.getFileName() + "…", progress -> {
            if (started != null) {
                try {
                    return started.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof Exception ex ? ex : e;
                }
            }
            long t0 = System.nanoTime();
            try {
                return WorkbenchViewModel.read(loader, file, progress, vm.projectLocator());
            } finally {
                if (Boolean.getBoolean("marginworkbench.timing")) {
                    System.err.println("margin-workbench: " + file.getFileName() + " read in "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms");
                }
            }
        });
        task.setOnSucceeded(e -> {
            vm.install(task.getValue());
            opened.run();
        });
        task.setOnFailed(e -> {
            vm.setStatus("Could not open " + file.getFileName());
            errorSink.accept(messageOf(file, task.getException()));
        });
        task.setOnCancelled(e -> vm.setStatus("Opening " + file.getFileName() + " cancelled"));
        tasks.start(task);
        return task;
    }

    /** The reader's own message for a workbook it refused, else what went wrong in a few words. */
    public static String messageOf(Path file, Throwable t) {
        if (t instanceof WorkbookReadException) {
            return t.getMessage();
        }
        String m = t.getMessage();
        return file.getFileName() + " could not be opened: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    /** Writes the restated workbook in the background; refuses the source itself as the target. */
    public Task<Path> export(Path target) {
        if (exporter == null || !vm.hasDocument()) {
            return null;
        }
        Path source = vm.fileProperty().get().toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        Assessment a = vm.snapshot();
        WorkbookExporter.Request req = new WorkbookExporter.Request(vm.fileProperty().get(), a.current(),
                a.classifications(), a.decisions(), a.policy(), a.levers(), out);
        Task<Path> task = tasks.task("Writing " + out.getFileName() + "…", progress -> {
            refuseSource(source, out);
            return exporter.export(req, progress);
        });
        return runWriting(task, "Restated workbook written to ", "Export failed; nothing was written",
                "The restated workbook was not written: ", "Export cancelled; nothing was written");
    }

    /** Writes the board pack of the current figures in the background; never over the workbook itself. */
    public Task<Path> exportBoardPack(Path target, BoardPackPdf.Paper paper) {
        if (!vm.hasDocument()) {
            return null;
        }
        Path source = vm.fileProperty().get().toAbsolutePath().normalize();
        Path out = target.toAbsolutePath().normalize();
        Assessment a = vm.snapshot();
        BoardPack boardPack = BoardPack.of(vm.fileProperty().get().getFileName().toString(), a.current().model(),
                a.classifications(), a.policy(), a.levers(), LocalDate.now());
        Task<Path> task = tasks.task("Writing " + out.getFileName() + "…", progress -> {
            refuseSource(source, out);
            try {
                SafeFiles.write(out, o -> BoardPackPdf.write(boardPack, paper, o));
            } catch (IOException e) {
                throw SafeFiles.explain(e, out);
            }
            return out;
        });
        return runWriting(task, "Board pack written to ", "Board pack not written",
                "The board pack was not written: ", "Board pack cancelled; nothing was written");
    }

    /** Runs a task that writes one file, with the status and error messages of its three endings. */
    private <T> Task<T> runWriting(Task<T> task, String written, String failedStatus, String failedMessage,
            String cancelled) {
        task.setOnSucceeded(e -> vm.setStatus(written + task.getValue()));
        task.setOnFailed(e -> {
            vm.setStatus(failedStatus);
            Throwable t = task.getException();
            errorSink.accept(failedMessage + (t.getMessage() == null ? t : t.getMessage()));
        });
        task.setOnCancelled(e -> vm.setStatus(cancelled));
        tasks.start(task);
        return task;
    }

    /** A target that is the open workbook itself is refused: the source is never written over. */
    private static void refuseSource(Path source, Path out) throws IOException {
        if (out.equals(source) || (Files.exists(out) && Files.isSameFile(source, out))) {
            throw new IllegalStateException(out.getFileName()
                    + " is the workbook you opened; choose another name so the source stays as it is.");
        }
    }

    /**
     * Saves the project file; the state is captured here, the writing happens off the UI thread.
     * A failed autosave only says so in the status bar; a failed Ctrl+S ({@code askedFor}) also
     * reports the error. When another window saved the file since, its decisions are joined in;
     * when both changed the same decision nothing is written: an autosave says so in the status
     * bar, Ctrl+S asks whether to replace the other window's decisions with these
     * ({@code replace}). {@code wait} blocks until the file is written (the window closing).
     */
    public void save(boolean wait, boolean askedFor, boolean replace) {
        if (!vm.hasDocument() || vm.fileProperty().get() == null || (!askedFor && !wait && !vm.dirtyProperty().get())) {
            return;
        }
        var request = vm.saveRequest();
        Path target = request.target();
        vm.markSaved();
        var future = background.submit(() -> {
            try {
                var done = Workbench.saveProject(request, replace);
                Platform.runLater(() -> vm.setStatus(vm.saved(request, done)));
            } catch (Exception ex) {
                Platform.runLater(() -> {
                    vm.setStatus("Not saved: " + ex.getMessage());
                    if (askedFor && ex instanceof Workbench.ProjectConflictException c && c.canReplace()) {
                        askReplace.accept(ex.getMessage());
                    } else if (askedFor) {
                        errorSink.accept("The project file " + target + " could not be saved: " + ex.getMessage());
                    }
                });
            }
        });
        if (wait) {
            try {
                future.get();
            } catch (Exception ignored) {
                // the failure was already reported on the UI thread
            }
        }
    }
}
