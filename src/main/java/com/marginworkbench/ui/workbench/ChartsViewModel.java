package com.marginworkbench.ui.workbench;

import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.nio.file.Path;
import java.util.List;

/**
 * What the charts show: the engine's result for the current levers (margins per period, bridge,
 * cost by treatment), when the classification or the workbook changed (the charts then rebuild
 * their points), whether the margins are withheld, and the sums goal seek and sensitivity work on.
 * Every figure comes from the workbench's one result; the charts only draw it.
 */
public final class ChartsViewModel {
    private final WorkbenchViewModel workbench;

    ChartsViewModel(WorkbenchViewModel workbench) {
        this.workbench = workbench;
    }

    /** The figures for the current levers; changes on every lever tick. */
    public ReadOnlyObjectProperty<MarginResult> resultProperty() {
        return workbench.resultProperty();
    }

    public MarginResult result() {
        return workbench.result();
    }

    /** Changes whenever the classification (and so the bridge and cost by treatment) changes. */
    public ReadOnlyIntegerProperty structureVersionProperty() {
        return workbench.structureVersionProperty();
    }

    /** Changes when another workbook is installed (not on edits). */
    public ReadOnlyIntegerProperty documentVersionProperty() {
        return workbench.documentVersionProperty();
    }

    /** Why the margins are not fit to show ("" when they are): the margin charts then step aside. */
    public ReadOnlyStringProperty plausibilityProperty() {
        return workbench.plausibilityProperty();
    }

    /** The lever-independent sums of the current classification, for goal seek and sensitivity; null without a workbook. */
    public MarginEngine.Prepared prepared() {
        return workbench.prepared();
    }

    /** The levers the result was computed with. */
    public Levers levers() {
        return workbench.stress().levers();
    }

    /** True at neutral levers, where the stressed margins equal the restated ones. */
    public boolean neutralLevers() {
        return levers().equals(Levers.NEUTRAL);
    }

    /** The open workbook (saved charts go beside it by default). */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return workbench.fileProperty();
    }

    public void setStatus(String s) {
        workbench.setStatus(s);
    }

    /** Company, scenario and lever values, as written under the title of a saved chart. */
    public List<String> exportCaption() {
        String company = workbench.model() == null ? "" : workbench.model().name();
        Path path = workbench.fileProperty().get();
        String file = path == null ? "" : path.getFileName().toString();
        StressViewModel stress = workbench.stress();
        String scenario = stress.activeScenarioProperty().get();
        Levers l = stress.levers();
        StringBuilder levers = new StringBuilder();
        for (Lever spec : Lever.values()) {
            double v = spec.read(l);
            if (v != spec.read(Levers.NEUTRAL)) {
                levers.append(levers.length() == 0 ? "" : " · ").append(spec.label()).append(' ').append(spec.format(v));
            }
        }
        String sc = scenario == null || scenario.isEmpty() ? "No saved scenario" : "Scenario: " + scenario
                + (stress.modifiedProperty().get() ? " (modified)" : "");
        return List.of(company + (file.isEmpty() ? "" : "  —  " + file) + "  ·  " + workbench.policy().framework().label(),
                sc + "  ·  Levers: " + (levers.length() == 0 ? "neutral (unstressed)" : levers));
    }
}
