package com.marginworkbench.ui.window;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Locale;

/** The main window's message boxes: errors, the two questions it asks, help and about. */
final class WindowDialogs {
    private WindowDialogs() {
    }

    /** After Ctrl+S met another window's different decisions: true to replace them with these. */
    static boolean replaceOthers(Window owner, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL);
        ButtonType replace = new ButtonType("Replace with mine", ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(replace, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Margin Workbench");
        a.setHeaderText("Another window changed the same decisions");
        a.getDialogPane().setMinWidth(520);
        return a.showAndWait().filter(replace::equals).isPresent();
    }

    /** An error the user needs to see, in a dialog that does not block. */
    static void error(Window owner, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("Margin Workbench");
        a.setHeaderText("Something needs your attention");
        a.getDialogPane().setMinWidth(480);
        a.show();
    }

    /**
     * Asked once, for the first workbook in a folder that looks shared or cannot be written: keep
     * the project file beside it (others with the folder see it) or in this app's own folder.
     * True for beside the workbook.
     */
    static boolean projectFilesBeside(Window owner, Path file) {
        ButtonType beside = new ButtonType("Beside the workbook");
        ButtonType own = new ButtonType("In my own folder", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", own, beside);
        a.initOwner(owner);
        a.setTitle("Where should project files go?");
        a.setHeaderText(file.getFileName() + " is in a folder that looks shared or read-only");
        a.setContentText("Margin Workbench keeps your decisions, notes and scenarios for each workbook in a small "
                + "project file (" + com.marginworkbench.app.ProjectLocation.beside(file).getFileName() + "). "
                + "Beside the workbook, anyone with the folder sees it; in your own folder, only you do.\n\n"
                + "You can change this later under View > Project files.");
        a.getDialogPane().setMinWidth(520);
        ButtonType chosen = a.showAndWait().orElse(own);
        return chosen == beside;
    }

    /** What this is, that the sample is a demo, and how to open your own workbook. */
    static void gettingStarted(Window owner, boolean sampleOpen) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Getting started");
        a.setHeaderText("Welcome to Margin Workbench");
        a.setContentText("Margin Workbench sorts every cost line of a company's financial model with the AI "
                + "inference COGS test, shows reported against restated gross margin for the whole company and "
                + "for its AI layer, and lets you stress the AI layer with the levers on the right.\n\n"
                + (sampleOpen ? "The workbook open now is a demo: Northwind AI is a fictional company, built to"
                + " show how the figures move.\n\nTo work on your own model: File > Open (Ctrl+O), or drop an"
                + " .xlsx, .xlsm or .xls file on the window."
                : "Check the reading first: the reading notes on the left say which sheet and rows were read and"
                + " whether the workbook's own totals agree; View > Mapping (Ctrl+M) corrects it. Another"
                + " workbook: File > Open (Ctrl+O), or drop an .xlsx, .xlsm or .xls file on the window.")
                + " Your file is never changed; File > Export restated workbook (Ctrl+E) writes a new one "
                + "beside it. Everything stays on this computer.\n\n"
                + "Help > Keyboard shortcuts lists the keys; Help > Getting started shows this again.");
        a.getDialogPane().setMinWidth(560);
        a.getDialogPane().setId("gettingStarted");
        a.show();
    }

    /** The keyboard shortcuts, as a short table. */
    static void shortcuts(Window owner) {
        String[][] keys = {
                {"Ctrl+O", "Open a workbook"}, {"Ctrl+S", "Save the project file"},
                {"Ctrl+E", "Export the restated workbook"}, {"Ctrl+Z / Ctrl+Y", "Undo / redo (edits, levers, Reset)"},
                {"Ctrl+F", "Find a line by label, cell or cost type"}, {"Ctrl+R", "Reset the levers"},
                {"Ctrl+1", "Go to the grid"}, {"Ctrl+2", "Go to the stress levers"},
                {"Enter or double-click", "Edit a grid cell"}, {"Esc", "Close an open side drawer"},
                {"F1", "Getting started"}, {"Alt+letter", "Open a menu (Alt+F, Alt+E, ...)"}};
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(18);
        g.setVgap(6);
        for (int i = 0; i < keys.length; i++) {
            Label k = new Label(keys[i][0]);
            k.getStyleClass().add("shortcut-key");
            g.addRow(i, k, new Label(keys[i][1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(g);
        a.show();
    }

    static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About Margin Workbench");
        a.setHeaderText("Margin Workbench " + version());
        a.setContentText("Sorts every cost line of a financial model with the COGS test, restates gross margin "
                + "by layer and stresses the AI layer. Works offline; files never leave this computer.\n\n"
                + "A decision framework, not accounting advice: classification depends on contracts, facts "
                + "and the auditor's judgment.");
        a.show();
    }

    private static String version() {
        String v = WindowDialogs.class.getPackage().getImplementationVersion();
        return v == null ? "" : v.toLowerCase(Locale.ROOT);
    }
}
