package com.marginworkbench.ui;

import com.marginworkbench.margin.Levers;
import com.marginworkbench.samples.SampleModels;
import com.marginworkbench.app.UsageProject;
import com.marginworkbench.ui.customers.ColumnMappingDialog;
import com.marginworkbench.ui.customers.CustomersView;
import com.marginworkbench.ui.customers.CustomersViewModel;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.usage.CustomerEconomics;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageSettings;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        if (cv.isCompact()) { // a small window shows the table, the concentration or the margins at a time
            robot.interact(() -> robot.lookup("#customersShowConcentration").queryAs(ToggleButton.class).fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getScene()).isNull();
        }
        assertThat(robot.lookup("#reconciliationLabel").queryAs(Label.class).getText()).contains("coverage 100.0%");
        assertThat(robot.lookup("#concentrationLabel").queryAs(Label.class).getText()).contains("top 10%: 55.5%");
        assertThat(cv.lorenzChart().getScene()).isNotNull();
        if (cv.isCompact()) {
            robot.interact(() -> robot.lookup("#customersShowTable").queryAs(ToggleButton.class).fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getScene()).isNotNull();
        }

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

    /**
     * A usage file no preset knows (the demo company's usage under other column names): the mapping
     * step lists its columns with a field choice each and its first rows; OK imports it, "Use
     * measured values" moves the tiles, and a new window on the same workbook finds the files and
     * the mapping again in the project file.
     */
    @Test
    void aFileNoPresetKnowsIsMappedInTheWindowAndTheMappingIsKeptWithTheProject(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.hasDocument());
        Path renamed = dir.resolve("exports").resolve("gateway-log.csv");
        Files.createDirectories(renamed.getParent());
        List<String> lines = Files.readAllLines(dir.resolve(SampleModels.USAGE), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("date,end_user_id,api_key,model,prompt_tokens,completion_tokens,spend,api_requests");
        lines.set(0, "Day,Account Holder,secret,engine,in_tok,out_tok,dollars,calls");
        Files.write(renamed, lines, StandardCharsets.UTF_8);
        CustomersViewModel cvm = view.customersModel();
        robot.interact(() -> {
            view.showLines(2);
            vm.stress().reset(); // the levers an earlier test saved with the project
            cvm.setMapping(java.util.Map.of());
            cvm.setUsageFiles(List.of(renamed));
            cvm.setRevenueFiles(List.of(dir.resolve(SampleModels.REVENUE)));
            cvm.setCustomersFile(dir.resolve(SampleModels.CUSTOMERS));
            view.customers().reload();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.customers().mappingDialog() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cvm.report()).as("the figures of earlier files go").isNull();
        ColumnMappingDialog d = view.customers().mappingDialog();
        assertThat(d.getHeaderText()).contains("gateway-log.csv");
        assertThat(robot.lookup("#customersStatus").queryAs(Label.class).getText()).contains("gateway-log.csv",
                "day, account holder, secret, engine");
        // every column with a choice, the first rows as read
        assertThat(robot.lookup("#mapField-7").queryAll()).hasSize(1);
        TableView<?> preview = robot.lookup("#mappingPreview").queryAs(TableView.class);
        assertThat(preview.getColumns()).extracting(c -> c.getText()).containsExactly("day", "account holder", "secret",
                "engine", "in_tok", "out_tok", "dollars", "calls");
        assertThat(preview.getItems()).hasSize(ColumnMappingDialog.PREVIEW_ROWS);
        assertThat(preview.getItems().get(0).toString()).contains("nw-0008", "114.40");
        assertThat(d.missing()).contains("date", "cost");
        assertThat(d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0)).isDisabled()).isTrue();

        robot.interact(() -> {
            d.choose("day", UsageField.DATE);
            d.choose("account holder", UsageField.USER);
            d.choose("engine", UsageField.MODEL);
            d.choose("in_tok", UsageField.INPUT_TOKENS);
            d.choose("out_tok", UsageField.OUTPUT_TOKENS);
            d.choose("dollars", UsageField.COST);
            d.choose("calls", UsageField.REQUESTS);
        });
        assertThat(d.missing()).isEmpty();
        assertThat(vm.stress().levers()).isEqualTo(Levers.NEUTRAL);
        String stressedBefore = robot.lookup("#tile-ai-stressed-value").queryAs(Label.class).getText();
        // wait for the import OK starts, not for a report that was there before it (the window may have
        // finished an earlier import of its own when it opened the workbook)
        Object reportBefore = cvm.report();
        robot.interact(() -> d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0))
                .fireEvent(new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> cvm.report() != null && cvm.report() != reportBefore);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.customers().mappingDialog()).isNull();
        assertThat(cvm.report().usageFiles().get(0).format()).isEqualTo("column mapping");
        assertThat(view.customers().table().getItems()).hasSize(738);
        assertThat(robot.lookup("#customersStatus").queryAs(Label.class).getText()).contains("738 customers",
                "64 under water");

        robot.interact(() -> robot.lookup("#customersUseMeasured").queryButton().fire());
        Thread.sleep(100); // the tiles follow on the next pulse
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stress().levers().heavyUserShare()).isCloseTo(74 / 738.0, within(1e-12));
        assertThat(vm.stress().levers().heavyUserMultiplier()).isCloseTo(9.5255, within(1e-4));
        assertThat(robot.lookup("#tile-ai-stressed-value").queryAs(Label.class).getText()).isNotEqualTo(stressedBefore);

        // kept in the project file, paths relative to the workbook
        Path workbook = dir.resolve(SampleModels.OWN_MODEL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> UsageProject.read(workbook, vm.projectPath())
                .settings().usageFiles().contains(renamed));
        String json = Files.readString(vm.projectPath());
        assertThat(json).contains("\"exports/gateway-log.csv\"", "\"dollars\" : \"cost\"",
                "\"account holder\" : \"user\"");

        // another window on the same workbook: the files and the mapping come back and are imported again
        WorkbenchViewModel[] again = new WorkbenchViewModel[1];
        WorkbenchView[] second = new WorkbenchView[1];
        robot.interact(() -> {
            again[0] = new WorkbenchViewModel(new PulseCoalescer());
            second[0] = new WorkbenchView(again[0], WorkbenchApp.LOADER, WorkbenchApp.EXPORTER,
                    new AppSettings(dir.resolve("config")));
            second[0].setErrorSink(m -> { });
            Stage stage = new Stage();
            second[0].show(stage);
            second[0].open(workbook);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> second[0].customersModel().report() != null);
        WaitForAsyncUtils.waitForFxEvents();
        UsageSettings restored = second[0].customersModel().settings();
        assertThat(restored.usageFiles()).containsExactly(renamed);
        assertThat(restored.mapping()).containsEntry("dollars", UsageField.COST).hasSize(7);
        assertThat(second[0].customersModel().report().economics().heavyUsers().multiplier())
                .isCloseTo(9.5255, within(1e-4));
        robot.interact(() -> second[0].getScene().getWindow().hide());
    }

    /** The project's model prices are edited as rows; a price that is not a number keeps OK disabled. */
    @Test
    void modelPricesAreEditedAsRows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.hasDocument());
        CustomersViewModel cvm = view.customersModel();
        robot.interact(() -> {
            view.showLines(2);
            cvm.setPrices(java.util.Map.of());
            view.customers().editPrices();
        });
        WaitForAsyncUtils.waitForFxEvents();
        com.marginworkbench.ui.customers.PriceOverridesDialog d = view.customers().pricesDialog();
        assertThat(d).isNotNull();
        assertThat(d.getHeaderText()).contains("as of");
        robot.interact(() -> {
            d.addRow("", null);
            d.type(0, 0, "House-Model");
            d.type(0, 1, "1.5");
            d.type(0, 2, "six");
        });
        assertThat(d.problem()).contains("House-Model", "numbers");
        javafx.scene.Node ok = d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0));
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> d.type(0, 2, "6"));
        assertThat(d.problem()).isEmpty();
        assertThat(ok.isDisabled()).isFalse();
        robot.interact(() -> ok.fireEvent(new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.customers().pricesDialog()).isNull();
        assertThat(cvm.prices()).containsOnlyKeys("house-model");
        assertThat(cvm.prices().get("house-model").output()).isEqualTo(6.0);
        assertThat(cvm.settings().priceTable().price("house-model-2026").input()).isEqualTo(1.5);
    }
}
