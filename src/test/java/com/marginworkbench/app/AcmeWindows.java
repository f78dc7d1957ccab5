package com.marginworkbench.app;

import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests on the client sample {@code acme.xlsx} copied into a fresh folder, opened in view models as
 * the window opens it, with the project files kept beside it.
 */
abstract class AcmeWindows {
    private static final WorkbookLoader LOADER = (f, p) -> WorkbookReader.read(f);

    @TempDir
    Path dir;
    Path book;
    ProjectLocation location;

    @BeforeEach
    void copyWorkbook() throws Exception {
        book = Files.copy(Path.of("sample-models", "client-pnl-acme.xlsx"), dir.resolve("acme.xlsx"));
        location = new ProjectLocation(dir.resolve("settings"));
    }

    /** A window's view model on {@code workbook}, its project file read as the window reads it. */
    WorkbenchViewModel window(Path workbook) throws Exception {
        WorkbenchViewModel vm = new WorkbenchViewModel(Runnable::run, location::projectFileFor);
        vm.install(WorkbenchViewModel.read(LOADER, workbook, Progress.NONE, location::projectFileFor));
        return vm;
    }

    WorkbenchViewModel window() throws Exception {
        return window(book);
    }

    static int index(WorkbenchViewModel vm, String source) {
        return vm.grid().rows().stream().filter(r -> r.source().equals(source)).findFirst().orElseThrow().index();
    }
}
