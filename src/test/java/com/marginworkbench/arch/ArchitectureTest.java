package com.marginworkbench.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps data flowing one way and the calculation core free of the window and of file formats. */
class ArchitectureTest {
    private static final String[] CORE = {"com.marginworkbench.model..", "com.marginworkbench.classify..",
            "com.marginworkbench.margin.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.marginworkbench");
    }

    @Test
    void coreKnowsNothingOfJavaFxPoiOrJackson() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.poi..",
                        "com.fasterxml.jackson..", "org.controlsfx..", "atlantafx..", "picocli..")
                .because("the model, the COGS test and the margins must be testable without a window or a file")
                .check(classes);
    }

    @Test
    void coreDoesNoFileOrNetworkIo() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .because("reading and writing belong to the workbook and project packages")
                .check(classes);
    }

    @Test
    void coreDoesNotReachOutToTheOuterLayers() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("com.marginworkbench.workbook..",
                        "com.marginworkbench.project..", "com.marginworkbench.cli..", "com.marginworkbench.ui..")
                .because("data flows one way: workbook → model → classification → margins → outputs")
                .check(classes);
    }

    @Test
    void usageEconomicsKnowsNoFileFormat() {
        noClasses().that().resideInAPackage("com.marginworkbench.usage")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.poi..",
                        "com.fasterxml.jackson..", "picocli..", "java.io..", "java.nio.file..",
                        "com.marginworkbench.usage.imports..", "com.marginworkbench.ui..", "com.marginworkbench.cli..")
                .because("per-customer economics are computed the same whichever export the figures came from")
                .check(classes);
    }

    @Test
    void onlyTheWindowUsesJavaFx() {
        noClasses().that().resideInAnyPackage("com.marginworkbench.workbook..", "com.marginworkbench.project..",
                        "com.marginworkbench.usage..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the command line and the writers must run on a machine with no display")
                .check(classes);
    }

    @Test
    void theApplicationLayerKnowsNothingOfTheWindowOrTheCommandLine() {
        noClasses().that().resideInAPackage("com.marginworkbench.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "picocli..", "com.marginworkbench.ui..", "com.marginworkbench.cli..")
                .because("the window and the command line are thin callers of one application layer")
                .check(classes);
    }

    @Test
    void theWindowsPartsAreFreeOfCycles() {
        slices().matching("com.marginworkbench.ui.(*)..").should().beFreeOfCycles()
                .because("the parts of the window (grid, charts, stress, tiles, customers, mapping) are fed by the"
                        + " view models in ui.workbench and know nothing of the window (ui.window) that holds them")
                .check(classes);
    }

    @Test
    void thePartsOfTheWindowDoNotReachForTheWindow() {
        noClasses().that().resideInAnyPackage("com.marginworkbench.ui.workbench..", "com.marginworkbench.ui.grid..",
                        "com.marginworkbench.ui.charts..", "com.marginworkbench.ui.stress..",
                        "com.marginworkbench.ui.tiles..", "com.marginworkbench.ui.customers..",
                        "com.marginworkbench.ui.mapping..", "com.marginworkbench.ui.util..")
                .should().dependOnClassesThat().resideInAPackage("com.marginworkbench.ui.window..")
                .because("the window assembles its parts; a part that knew the window could not be tested alone")
                .check(classes);
    }

    @Test
    void readingCellsKnowsNothingOfTheLaterSteps() {
        noClasses().that().resideInAPackage("com.marginworkbench.workbook.cells..")
                .should().dependOnClassesThat().resideInAnyPackage("com.marginworkbench.workbook.statement..",
                        "com.marginworkbench.workbook.own..", "com.marginworkbench.workbook.restate..")
                .because("the reader's first step turns a file into cells; finding the statement, reading the"
                        + " product's own layout and writing the restated workbook come after it")
                .check(classes);
    }

    @Test
    void theReadersAndTheWriterAreSeparateSteps() {
        noClasses().that().resideInAPackage("com.marginworkbench.workbook.statement..")
                .should().dependOnClassesThat().resideInAnyPackage("com.marginworkbench.workbook.own..",
                        "com.marginworkbench.workbook.restate..")
                .because("finding the statement in a client's workbook does not depend on the product's own layout"
                        + " or on the restated workbook")
                .check(classes);
        noClasses().that().resideInAPackage("com.marginworkbench.workbook.own..")
                .should().dependOnClassesThat().resideInAnyPackage("com.marginworkbench.workbook.statement..",
                        "com.marginworkbench.workbook.restate..")
                .because("the product's own layout is read by its fixed positions, not by the statement finder")
                .check(classes);
        noClasses().that().resideInAPackage("com.marginworkbench.workbook.restate..")
                .should().dependOnClassesThat().resideInAnyPackage("com.marginworkbench.workbook.statement..",
                        "com.marginworkbench.workbook.own..")
                .because("the writer restates what was read (a ReadResult), however it was read")
                .check(classes);
    }

    @Test
    void theStepsDoNotCallTheReadersFacade() {
        noClasses().that().resideInAnyPackage("com.marginworkbench.workbook.cells..",
                        "com.marginworkbench.workbook.statement..", "com.marginworkbench.workbook.own..",
                        "com.marginworkbench.workbook.restate..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.marginworkbench.workbook.WorkbookReader")
                .because("WorkbookReader runs the steps in order; a step that called it back would hide a cycle")
                .check(classes);
        slices().matching("com.marginworkbench.workbook.(*)..").should().beFreeOfCycles()
                .because("the reader's steps follow one direction: cells, then the statement or the own layout;"
                        + " the restated workbook is written from what was read")
                .check(classes);
    }

    @Test
    void thePartsOfTheWindowDoNotKnowTheWorkbenchViewModel() {
        noClasses().that().resideInAnyPackage("com.marginworkbench.ui.grid..", "com.marginworkbench.ui.charts..",
                        "com.marginworkbench.ui.stress..", "com.marginworkbench.ui.tiles..",
                        "com.marginworkbench.ui.customers..")
                .should().dependOnClassesThat()
                .haveNameMatching("com\\.marginworkbench\\.ui\\.workbench\\.WorkbenchViewModel(\\$.*)?")
                .because("each part of the window is fed by its own view model (ADR 0003); the workbench view model"
                        + " coordinates the parts and is known only to the window that assembles them")
                .check(classes);
        noClasses().that().resideInAPackage("com.marginworkbench.ui.mapping..")
                .and().haveNameNotMatching("com\\.marginworkbench\\.ui\\.mapping\\.MappingViewModel(\\$.*)?")
                .should().dependOnClassesThat()
                .haveNameMatching("com\\.marginworkbench\\.ui\\.workbench\\.WorkbenchViewModel(\\$.*)?")
                .because("the mapping view reads the workbook again through its own view model, which alone asks"
                        + " the workbench to show the new reading")
                .check(classes);
    }

    @Test
    void theViewModelsTouchNoControl() {
        noClasses().that().resideInAPackage("com.marginworkbench.ui.workbench..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "atlantafx..")
                .because("a view model holds state and commands and never a control (ADR 0003), so it is tested"
                        + " without a window; dialogs and views live with the part or the window that shows them")
                .check(classes);
    }

    @Test
    void eachPartOfTheWindowSeesOnlyItsOwnViewModel() {
        Map<String, String> own = Map.of("grid", "GridViewModel", "charts", "ChartsViewModel",
                "stress", "StressViewModel", "tiles", "TilesViewModel");
        own.forEach((part, viewModel) -> noClasses().that().resideInAPackage("com.marginworkbench.ui." + part + "..")
                .should().dependOnClassesThat()
                .haveNameMatching("com\\.marginworkbench\\.ui\\.workbench\\.(?!" + viewModel + "(\\$|$))\\w*ViewModel(\\$.*)?")
                .because("a part's view exposes what its own view model offers and nothing of another part's")
                .check(classes));
    }

    @Test
    void onlyTheApplicationLayerTouchesProjectPersistence() {
        noClasses().that().resideOutsideOfPackages("com.marginworkbench.app..", "com.marginworkbench.project..")
                .should().dependOnClassesThat()
                .haveNameMatching("com\\.marginworkbench\\.project\\.ProjectFile(Dto)?(\\$.*)?")
                .because("the window and the command line read and write project files only through the"
                        + " application layer, so both apply a project the same way")
                .check(classes);
    }
}
