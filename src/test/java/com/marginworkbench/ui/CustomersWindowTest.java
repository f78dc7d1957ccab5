package com.marginworkbench.ui;

import com.marginworkbench.margin.Levers;
import com.marginworkbench.samples.SampleModels;
import com.marginworkbench.ui.customers.CustomersView;
import com.marginworkbench.ui.customers.CustomersViewModel;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.usage.CustomerEconomics;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Customers tab on the demo company's usage and revenue samples: the table with its badges, the
 * concentration and margin charts, and "Use measured values" moving the stress levers, the tiles and
 * the margin chart.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("window")
class CustomersWindowTest {
    @TempDir
    static Path dir;

    WorkbenchViewModel vm;
    WorkbenchView view;

    /** The samples are written once, off the UI thread (the window's set-up has a time limit). */
    @BeforeAll
    static void samples() throws Exception {
        // On a busy build machine the first window of a run takes longer than TestFX's 10 s default.
        if (System.getProperty("testfx.setup.timeout") == null) {
            System.setProperty("testfx.setup.timeout", "60000");
        }
        SampleModels.writeAll(dir);
    }

    @Start
    void start(Stage stage) throws Exception {
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, new AppSettings(dir.resolve("config")));
        view.setErrorSink(m -> { });
        view.show(stage);
        view.open(dir.resolve(SampleModels.OWN_MODEL));
    }

    private void importSamples(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.hasDocument());
        WaitForAsyncUtils.waitForFxEvents();
        CustomersViewModel cvm = view.customersModel();
        robot.interact(() -> {
            view.showLines(2);
            cvm.setUsageFiles(List.of(dir.resolve(SampleModels.USAGE)));
            cvm.setRevenueFiles(List.of(dir.resolve(SampleModels.REVENUE)));
            cvm.setCustomersFile(dir.resolve(SampleModels.CUSTOMERS));
            view.customers().reload();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cvm.report() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTableBadgesTheAccountsUnderWaterAndTheChartsShowConcentrationAndMargins(FxRobot robot) throws Exception {
        importSamples(robot);
        CustomersView cv = view.customers();
        TableView<CustomerEconomics> table = cv.table();
        assertThat(table.getItems()).hasSize(738);
        assertThat(table.getItems().subList(0, 64)).allMatch(CustomerEconomics::underWater);
        assertThat(robot.lookup("#customersTable .badge-underwater").queryAll()).isNotEmpty();
        Label firstBadge = robot.lookup("#customersTable .badge").queryAs(Label.class);
        assertThat(firstBadge.getText()).isEqualTo("Under water");
        assertThat(robot.lookup("#customersStatus").queryAs(Label.class).getText()).contains("738 customers",
                "64 under water");
        assertThat(robot.lookup("#reconciliationLabel").queryAs(Label.class).getText()).contains("coverage 100.0%");
        assertThat(robot.lookup("#concentrationLabel").queryAs(Label.class).getText()).contains("top 10%: 55.5%");

        // Lorenz curve from (0,0) to (1,1) under the line of equal shares
        XYChart.Series<Number, Number> curve = cv.lorenzChart().getData().get(0);
        assertThat(cv.lorenzChart().getData()).hasSize(2);
        XYChart.Data<Number, Number> last = curve.getData().get(curve.getData().size() - 1);
        assertThat(last.getYValue().doubleValue()).isCloseTo(1.0, within(1e-9));
        XYChart.Data<Number, Number> mid = curve.getData().get(curve.getData().size() / 2);
        assertThat(mid.getYValue().doubleValue()).isLessThan(mid.getXValue().doubleValue());
        // margins: 64 heavy accounts at -17%, the 28 typical ones at 42.8%, the 646 light ones at 64.8%
        XYChart.Series<String, Number> bars = cv.marginChart().getData().get(0);
        assertThat(bars.getData()).extracting(d -> d.getYValue().intValue()).containsExactly(0, 0, 64, 0, 28, 646, 0, 0);

        // sort by margin, best first: a light account on top, badge "In profit"
        TableColumn<CustomerEconomics, ?> margin = table.getColumns().stream()
                .filter(c -> c.getText().equals("AI margin")).findFirst().orElseThrow();
        robot.interact(() -> {
            margin.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(margin));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).margin()).isCloseTo((325 - 114.40) / 325, within(1e-9));
        assertThat(robot.lookup("#customersTable .badge").queryAs(Label.class).getText()).isEqualTo("In profit");
    }

    @Test
    void useMeasuredValuesMovesTheHeavyUserLeversTheTilesAndTheMarginChart(FxRobot robot) throws Exception {
        importSamples(robot);
        assertThat(vm.stress().levers()).isEqualTo(Levers.NEUTRAL);
        String stressedBefore = robot.lookup("#tile-ai-stressed-value").queryAs(Label.class).getText();
        double plottedBefore = view.charts().plottedStressedAiLayer(0);
        assertThat(robot.lookup("#measuredLevers").queryAs(Label.class).getText()).contains("10.0%", "9.53×");

        robot.clickOn("#useMeasured");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100); // the tiles follow on the next pulse
        WaitForAsyncUtils.waitForFxEvents();

        Levers l = vm.stress().levers();
        assertThat(l.heavyUserShare()).isCloseTo(74 / 738.0, within(1e-12));
        assertThat(l.heavyUserMultiplier()).isCloseTo(9.5255, within(1e-4));
        assertThat(l.llmCostChange()).isZero();
        String stressedAfter = robot.lookup("#tile-ai-stressed-value").queryAs(Label.class).getText();
        assertThat(stressedAfter).isNotEqualTo(stressedBefore);
        assertThat(view.charts().plottedStressedAiLayer(0)).isLessThan(plottedBefore);

        // the same from the Customers tab's own button, after a reset
        robot.interact(() -> vm.stress().reset());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stress().levers()).isEqualTo(Levers.NEUTRAL);
        robot.interact(() -> view.customers().useMeasuredButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stress().levers().heavyUserMultiplier()).isCloseTo(9.5255, within(1e-4));
    }
}
