package com.marginworkbench.ui.window;

import com.marginworkbench.ui.mapping.MappingView;
import com.marginworkbench.ui.mapping.MappingViewModel;
import com.marginworkbench.ui.workbench.DocumentTasks;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The mapping view's own window, one per main window, made the first time it is asked for and
 * shown again after that: the main window's stylesheets and theme, its undo keys, and a title
 * that follows the workbook.
 */
final class MappingWindow {
    private final WorkbenchView window;
    private final WorkbenchViewModel vm;
    private final WorkbookLoader loader;
    private final DocumentTasks documents;
    private MappingView mappingView;

    MappingWindow(WorkbenchView window, WorkbenchViewModel vm, WorkbookLoader loader, DocumentTasks documents) {
        this.window = window;
        this.vm = vm;
        this.loader = loader;
        this.documents = documents;
    }

    /** Shows the mapping window in front, reading the current workbook again if it was open before. */
    MappingView show() {
        if (mappingView == null) {
            MappingViewModel.Worker worker = documents::inBackground;
            mappingView = new MappingView(new MappingViewModel(vm, loader, worker));
            Stage stage = new Stage();
            stage.initOwner(window.getScene().getWindow());
            stage.setTitle("Mapping — how the workbook is read");
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(mappingView, Math.min(1280, screen.getWidth()), Math.min(760, screen.getHeight()));
            scene.getStylesheets().addAll(window.getScene().getStylesheets());
            mappingView.getStyleClass().addAll(window.getStyleClass().filtered(c -> c.startsWith("theme-")));
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Z"), vm::undo);
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), vm::redo);
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+W"), stage::close);
            stage.setScene(scene);
            stage.titleProperty().bind(Bindings.createStringBinding(() -> "Mapping — "
                    + (vm.fileProperty().get() == null ? "" : vm.fileProperty().get().getFileName()), vm.fileProperty()));
        } else {
            mappingView.model().refresh();
        }
        Stage stage = (Stage) mappingView.getScene().getWindow();
        stage.show();
        stage.toFront();
        mappingView.cells().requestFocus();
        return mappingView;
    }
}
