package com.marginworkbench.ui;

import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The main window as the application builds it, for window tests and screenshot programs. */
final class WorkbenchWindows {
    private WorkbenchWindows() {
    }

    /**
     * Shows the window on {@code stage} with the application's reader and exporter, settings in
     * {@code config}, errors kept out of dialogs, and starts opening {@code workbook}. On the UI thread.
     */
    static WorkbenchView open(Stage stage, WorkbenchViewModel vm, Path workbook, Path config) {
        WorkbenchView view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, new AppSettings(config));
        view.setErrorSink(m -> { });
        view.show(stage);
        view.open(workbook);
        return view;
    }
}
