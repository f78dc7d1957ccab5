package com.marginworkbench.ui.util;

import javafx.animation.AnimationTimer;

import java.util.function.Consumer;

/**
 * Runs the latest submitted task once on the next frame, however many were submitted since the
 * last one: a slider dragged fast produces many value changes per frame but one recomputation.
 */
public final class PulseCoalescer implements Consumer<Runnable> {
    private Runnable pending;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable r = pending;
            pending = null;
            stop();
            if (r != null) {
                r.run();
            }
        }
    };

    @Override
    public void accept(Runnable task) {
        pending = task;
        timer.start();
    }
}
