package com.marginworkbench.ui.window;

import com.marginworkbench.ui.AppSettings;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The main window's menus and the file choosers they open; every action goes to the window or its view model. */
final class WindowMenus {
    private final WorkbenchView window;
    private final WorkbenchViewModel vm;
    private final AppSettings settings;
    private final boolean canExport;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final CheckMenuItem darkItem = new CheckMenuItem("_Dark theme");

    WindowMenus(WorkbenchView window, WorkbenchViewModel vm, AppSettings settings, boolean canExport) {
        this.window = window;
        this.vm = vm;
        this.settings = settings;
        this.canExport = canExport;
    }

    private Window owner() {
        return window.getScene().getWindow();
    }

    /** Shows the theme in use as the View menu's tick. */
    void showDarkTheme(boolean dark) {
        darkItem.setSelected(dark);
    }

    /** The menu bar: File, Edit, View and Help. */
    MenuBar bar() {
        MenuItem open = item("_Open…", "Shortcut+O", Feather.FOLDER, e -> chooseAndOpen());
        MenuItem save = item("_Save project", "Shortcut+S", Feather.SAVE, e -> window.save(false, true));
        save.disableProperty().bind(vm.fileProperty().isNull());
        MenuItem export = item("_Export restated workbook…", "Shortcut+E", Feather.SHARE, e -> chooseAndExport());
        export.setId("exportItem");
        if (!canExport) {
            export.setDisable(true);
            export.setText("Export restated workbook… (writer not available in this build)");
        } else {
            export.disableProperty().bind(vm.fileProperty().isNull());
        }
        MenuItem pack = item("Export _board pack (PDF)…", "Shortcut+P", Feather.FILE_TEXT, e -> chooseBoardPack());
        pack.setId("boardPackItem");
        pack.disableProperty().bind(vm.fileProperty().isNull());
        MenuItem quit = item("E_xit", null, null, e -> ((Stage) owner()).close());
        Menu file = new Menu("_File", null, open, recentMenu, new SeparatorMenuItem(), save, export, pack,
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("_Undo", "Shortcut+Z", Feather.ROTATE_CCW, e -> vm.undo());
        undo.textProperty().bind(vm.undoStack().undoTextProperty());
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        MenuItem redo = item("_Redo", "Shortcut+Y", Feather.ROTATE_CW, e -> vm.redo());
        redo.textProperty().bind(vm.undoStack().redoTextProperty());
        redo.disableProperty().bind(vm.undoStack().canRedoProperty().not());
        MenuItem find = item("_Find…", "Shortcut+F", Feather.SEARCH, e -> window.grid().focusFind());
        MenuItem focusGrid = item("Go to _grid", "Shortcut+1", null, e -> window.grid().table().requestFocus());
        MenuItem focusStress = item("Go to _stress panel", "Shortcut+2", null,
                e -> window.focusStress());
        MenuItem reset = item("Reset _levers", "Shortcut+R", Feather.SLIDERS, e -> vm.stress().resetLevers());
        MenuItem assumptions = item("Model _assumptions…", "Shortcut+Shift+A", Feather.SETTINGS,
                e -> new AssumptionsDialog(vm, owner()).showAndWait());
        assumptions.setId("assumptionsItem");
        assumptions.disableProperty().bind(vm.fileProperty().isNull());
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), find, focusGrid, focusStress,
                new SeparatorMenuItem(), reset, assumptions);

        darkItem.setSelected(settings.darkTheme());
        darkItem.setOnAction(e -> window.setDarkTheme(darkItem.isSelected()));
        CheckMenuItem periods = new CheckMenuItem("_Period amounts");
        periods.selectedProperty().bindBidirectional(window.grid().showPeriodsToggle().selectedProperty());
        javafx.scene.control.ToggleGroup placeGroup = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem beside = new javafx.scene.control.RadioMenuItem("Beside the workbook");
        javafx.scene.control.RadioMenuItem appFolder = new javafx.scene.control.RadioMenuItem("In Margin Workbench's own folder");
        beside.setToggleGroup(placeGroup);
        appFolder.setToggleGroup(placeGroup);
        (settings.projectPlace() == AppSettings.ProjectPlace.APP_FOLDER ? appFolder : beside).setSelected(true);
        beside.setOnAction(e -> settings.setProjectPlace(AppSettings.ProjectPlace.BESIDE));
        appFolder.setOnAction(e -> settings.setProjectPlace(AppSettings.ProjectPlace.APP_FOLDER));
        Menu place = new Menu("Project _files", null, beside, appFolder);
        place.setId("projectPlaceMenu");
        MenuItem mapping = item("_Mapping of the workbook…", "Shortcut+M", Feather.GRID, e -> window.openMapping());
        mapping.setId("mappingItem");
        mapping.disableProperty().bind(vm.fileProperty().isNull());
        Menu view = new Menu("_View", null, mapping, new SeparatorMenuItem(), darkItem, periods,
                new SeparatorMenuItem(), place);

        MenuItem about = item("_About Margin Workbench", null, Feather.INFO,
                e -> WindowDialogs.about(owner()));
        MenuItem started = item("_Getting started", "F1", Feather.HELP_CIRCLE, e -> window.showGettingStarted());
        MenuItem keys = item("_Keyboard shortcuts", null, Feather.COMMAND, e -> window.showShortcuts());
        Menu help = new Menu("_Help", null, started, keys, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accel, Feather icon, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        MenuItem mi = new MenuItem(text);
        mi.setMnemonicParsing(true);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        if (icon != null) {
            mi.setGraphic(new FontIcon(icon));
        }
        mi.setOnAction(h);
        return mi;
    }

    /** The recent files, newest first. */
    void rebuildRecent() {
        recentMenu.getItems().clear();
        List<Path> recent = settings.recentFiles();
        for (int i = 0; i < recent.size(); i++) {
            Path p = recent.get(i);
            MenuItem mi = new MenuItem((i + 1) + "  " + p.getFileName() + "  —  " + p.getParent());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> window.open(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a financial model");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Excel workbooks", "*.xlsx", "*.xlsm", "*.xls"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = vm.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File f = fc.showOpenDialog(owner());
        if (f != null) {
            window.open(f.toPath());
        }
    }

    /** Asks where to write the restated workbook (default beside the source), then writes it. */
    private void chooseAndExport() {
        if (!canExport || !vm.hasDocument()) {
            return;
        }
        Path suggested = vm.defaultExportPath();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export restated workbook");
        fc.setInitialDirectory(suggested.getParent().toFile());
        fc.setInitialFileName(suggested.getFileName().toString());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel workbook", "*.xlsx", "*.xlsm"));
        File f = fc.showSaveDialog(owner());
        if (f != null) {
            window.export(f.toPath());
        }
    }

    private void chooseBoardPack() {
        if (!vm.hasDocument()) {
            return;
        }
        Path source = vm.fileProperty().get().toAbsolutePath();
        String name = source.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path suggested = com.marginworkbench.project.SafeFiles.freeName(source.getParent(), name, "-board-pack",
                ".pdf");
        FileChooser fc = new FileChooser();
        fc.setTitle("Export board pack");
        fc.setInitialDirectory(suggested.getParent().toFile());
        fc.setInitialFileName(suggested.getFileName().toString());
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF, A4", "*.pdf"),
                new FileChooser.ExtensionFilter("PDF, Letter", "*.pdf"));
        File f = fc.showSaveDialog(owner());
        if (f != null) {
            boolean letter = fc.getSelectedExtensionFilter() != null
                    && fc.getSelectedExtensionFilter().getDescription().contains("Letter");
            window.exportBoardPack(f.toPath(), letter ? com.marginworkbench.report.BoardPackPdf.Paper.LETTER
                    : com.marginworkbench.report.BoardPackPdf.Paper.A4);
        }
    }
}
