package com.marginworkbench.ui.window;

import com.marginworkbench.ui.grid.CapitalizationDialog;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.app.ProjectLocation;
import com.marginworkbench.app.SampleLocator;
import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.WorkbookReader;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Model assumptions and Capitalization dialogs on the Northwind sample (ARPA 2,000 a month,
 * LTV:CAC 4.16 blended): what is typed reaches the figures as one undoable edit, and a bad value
 * keeps the dialog open with the field named.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class AssumptionsWindowTest {
    @TempDir
    Path dir;

    Stage stage;
    WorkbenchViewModel vm;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        Path book = Files.copy(Path.of("sample-models", SampleLocator.SAMPLE_FILE), dir.resolve("northwind.xlsx"));
        ProjectLocation location = new ProjectLocation(dir.resolve("settings"));
        vm = new WorkbenchViewModel(Runnable::run, location::projectFileFor);
        vm.install(WorkbenchViewModel.read((f, p) -> WorkbookReader.read(f), book, Progress.NONE,
                location::projectFileFor));
        s.setScene(new Scene(new StackPane(), 400, 300));
        s.show();
    }

    private <T extends Dialog<ButtonType>> T show(FxRobot robot, java.util.function.Supplier<T> make) {
        Object[] box = new Object[1];
        robot.interact(() -> {
            T d = make.get();
            d.show();
            box[0] = d;
        });
        @SuppressWarnings("unchecked")
        T d = (T) box[0];
        return d;
    }

    private static void press(FxRobot robot, Dialog<ButtonType> d, ButtonType type) {
        robot.interact(() -> ((Button) d.getDialogPane().lookupButton(type)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typedUnitEconomicsAndTheForecastPeriodMoveTheFiguresAndUndo(FxRobot robot) {
        double before = vm.result().unitEconomics().ltvToCac().getAsDouble();
        assertThat(before).isCloseTo(4.16, within(0.005));
        String third = vm.model().periods().label(2);
        AssumptionsDialog d = show(robot, () -> new AssumptionsDialog(vm, stage));
        assertThat(d.arpaField().getText()).as("blank: the workbook's own stands").isEmpty();

        robot.clickOn(d.churnField()).write("abc");
        press(robot, d, ButtonType.OK);
        assertThat(d.isShowing()).as("a bad value keeps the dialog open").isTrue();
        assertThat(d.problemLabel().getText()).contains("Monthly churn").contains("'abc'");
        assertThat(vm.assumptions()).isEqualTo(Assumptions.NONE);

        robot.interact(() -> {
            d.churnField().clear();
            d.arpaField().setText("3,000");
            d.forecastChoice().getSelectionModel().select(d.forecastChoice().getItems().stream()
                    .filter(c -> third.equals(c.value())).findFirst().orElseThrow());
        });
        press(robot, d, ButtonType.OK);
        assertThat(d.isShowing()).isFalse();
        assertThat(vm.assumptions()).isEqualTo(new Assumptions(3000.0, null, null, third));
        // LTV:CAC = ARPA × GM ÷ churn ÷ CAC: ARPA 2,000 → 3,000 multiplies it by 1.5
        assertThat(vm.result().unitEconomics().ltvToCac().getAsDouble()).isCloseTo(before * 1.5, within(1e-9));
        assertThat(vm.result().levers().firstForecastPeriod()).isEqualTo(2);

        robot.interact(() -> vm.undo());
        assertThat(vm.assumptions()).isEqualTo(Assumptions.NONE);
        assertThat(vm.result().unitEconomics().ltvToCac().getAsDouble()).isEqualTo(before);
    }

    @Test
    void theCapitalizationAnswerAndUsefulLifeDecideATrainingLine(FxRobot robot) {
        int training = -1;
        for (int i = 0; i < vm.assessment().lines().size(); i++) {
            if (vm.assessment().line(i).line().label().equals("Model training compute")) {
                training = i;
            }
        }
        assertThat(training).isNotNegative();
        int index = training;
        assertThat(vm.assessment().line(index).classification().treatment()).isEqualTo(Treatment.REVIEW);
        CapitalizationDialog d = show(robot, () -> new CapitalizationDialog(vm.grid(), index, stage));
        robot.interact(() -> {
            d.criteriaChoice().setValue(Answer.YES);
            d.usefulLifeSpinner().getValueFactory().setValue(48);
        });
        press(robot, d, ButtonType.OK);
        assertThat(vm.assessment().line(index).decision().criteriaMet()).isEqualTo(Answer.YES);
        assertThat(vm.assessment().line(index).decision().usefulLifeMonths()).isEqualTo(48);
        assertThat(vm.assessment().line(index).classification().treatment()).isEqualTo(Treatment.CAPITALIZED);
        assertThat(vm.assessment().line(index).classification().usefulLifeMonths()).isEqualTo(48);

        robot.interact(() -> vm.undo());
        assertThat(vm.assessment().line(index).classification().treatment()).isEqualTo(Treatment.REVIEW);
    }
}
