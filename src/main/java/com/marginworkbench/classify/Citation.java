package com.marginworkbench.classify;

/** A standard a treatment rests on, e.g. {@code ASC 340-40} with what it says about the line. */
public record Citation(String standard, String about) {
    @Override
    public String toString() {
        return about == null || about.isBlank() ? standard : standard + " (" + about + ")";
    }
}
