package com.marginworkbench.ui.grid;

/** An entry of a filter box: a label to show and the value it stands for (null for "all"). */
public record Choice<T>(String label, T value) {
    @Override
    public String toString() {
        return label;
    }
}
