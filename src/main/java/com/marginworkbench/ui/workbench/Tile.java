package com.marginworkbench.ui.workbench;

import com.marginworkbench.ui.util.Benchmarks;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One headline figure as the headline shows it: a title, the figure, its change against a named
 * base, and the change's direction (state only; {@code ui.tiles.TilesView} draws it).
 */
public final class Tile {
    /** Whether the change is good, bad or neither for the margin. */
    public enum Tone { UP, DOWN, FLAT, NONE }

    private final String id;
    private final String title;
    private final String help;
    private final String against;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("n/a");
    private final ReadOnlyStringWrapper delta = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.NONE);
    private final ReadOnlyObjectWrapper<Benchmarks.Standing> standing = new ReadOnlyObjectWrapper<>(Benchmarks.Standing.NONE);

    /** {@code against}: what the change is measured from, e.g. "vs unstressed". */
    public Tile(String id, String title, String against, String help) {
        this.id = id;
        this.title = title;
        this.against = against;
        this.help = help;
    }

    public String against() {
        return against;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String help() {
        return help;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deltaProperty() {
        return delta.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Where the figure stands against the benchmark bands; NONE for figures that are not coloured. */
    public ReadOnlyObjectProperty<Benchmarks.Standing> standingProperty() {
        return standing.getReadOnlyProperty();
    }

    public void setStanding(Benchmarks.Standing s) {
        standing.set(s);
    }

    public String value() {
        return value.get();
    }

    public String delta() {
        return delta.get();
    }

    public void set(String newValue, String newDelta, Tone newTone) {
        if (!newValue.equals(value.get())) {
            value.set(newValue);
        }
        if (!newDelta.equals(delta.get())) {
            delta.set(newDelta);
        }
        tone.set(newTone);
    }
}
