package com.marginworkbench.ui.workbench;

import com.marginworkbench.workbook.Progress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.concurrent.Task;

import java.util.function.Consumer;

/**
 * Runs the window's long work (reading a workbook, writing the restated workbook or the board
 * pack) off the UI thread, one job at a time: starting a job cancels the one still running. Its
 * progress and whether it runs are properties the status bar binds to once; each step it reports
 * goes to the status line. A job is plain code that takes a {@link Progress}, so
 * the readers and writers need not know JavaFX.
 */
public final class TaskRunner {
    /** The work itself, run off the UI thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final Consumer<String> status;
    private Task<?> current;

    /** @param status where each step's words go (the status line); called on the UI thread */
    public TaskRunner(Consumer<String> status) {
        this.status = status;
    }

    /**
     * A task for {@code job} that says {@code message} when it starts; set its endings
     * ({@code setOnSucceeded} and the like), then {@link #start} it.
     */
    public <T> Task<T> task(String message, Job<T> job) {
        return new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(message);
                Task<?> self = this;
                return job.run(new Progress() {
                    @Override
                    public void update(double fraction, String step) {
                        updateProgress(fraction, 1.0);
                        if (step != null && !step.isBlank()) {
                            updateMessage(step);
                        }
                    }

                    @Override
                    public boolean cancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
    }

    /** Starts {@code task} on a background thread, cancelling the job still running. */
    public void start(Task<?> task) {
        cancel();
        current = task;
        running.bind(task.runningProperty());
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isEmpty()) {
                status.accept(n);
            }
        });
        Thread t = new Thread(task, "workbench-task");
        t.setDaemon(true);
        t.start();
    }

    /** Asks the running job to stop (readers and writers check between steps); nothing when none runs. */
    public void cancel() {
        if (current != null && current.isRunning()) {
            current.cancel(true);
        }
    }

    /** The last job started, running or ended; null before the first. */
    public Task<?> current() {
        return current;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The running job's progress from 0 to 1, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
