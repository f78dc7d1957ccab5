package com.marginworkbench.ui;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.ui.util.PulseCoalescer;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.window.WorkbenchView;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The window as a board room sees it, headless: a second workbook replaces every figure of the
 * first on the charts; lever changes and Reset undo; the line label and badge stay on screen when
 * the grid scrolls sideways; at 1024×700 the key labels are not cut.
 */
@Tag("window")
@ExtendWith(ApplicationExtension.class)
class WindowBoardRoomTest {
    static {
        // A busy shared build machine can take longer than TestFX's default to bring a window up.
        if (System.getProperty("testfx.setup.timeout") == null) {
            System.setProperty("testfx.setup.timeout", "120000");
        }
    }

    @TempDir
    Path dir;

    WorkbenchViewModel vm;
    WorkbenchView view;
    Stage stage;
    double startWidth;
    double startHeight;
    final List<String> errors = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new WorkbenchViewModel(new PulseCoalescer());
        view = new WorkbenchView(vm, WorkbenchApp.LOADER, WorkbenchApp.EXPORTER, new AppSettings(dir.resolve("config")));
        view.setErrorSink(errors::add);
        view.show(stage);
        startWidth = stage.getWidth();
        startHeight = stage.getHeight();
    }

    /** The stage is shared by every window test class: leave it the size it was given. */
    @AfterEach
    void restoreSize(FxRobot robot) {
        resize(robot, startWidth, startHeight);
    }

    private Path copy(String name) throws Exception {
        Path target = dir.resolve(name);
        try (InputStream in = WindowBoardRoomTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path").isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private void open(FxRobot robot, Path file) throws Exception {
        int before = vm.documentVersionProperty().get();
        robot.interact(() -> view.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.documentVersionProperty().get() > before);
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private void resize(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    private double horizontalScroll() {
        return view.grid().table().lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof javafx.scene.control.ScrollBar b
                        && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible())
                .mapToDouble(n -> ((javafx.scene.control.ScrollBar) n).getValue()).max().orElse(0);
    }

    @Test
    void aSecondWorkbookLeavesNothingOfTheFirstOnTheMarginChart(FxRobot robot) throws Exception {
        open(robot, copy("northwind-ai-model.xlsx"));
        List<String> firstPeriods = vm.result().periodLabels();
        assertThat(firstPeriods).hasSize(12);
        // scrolled to the far right of the first workbook's grid
        robot.interact(() -> view.grid().table().scrollToColumnIndex(view.grid().table().getVisibleLeafColumns().size() - 1));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(horizontalScroll()).as("the first grid scrolled right").isGreaterThan(0);

        open(robot, copy("client-costs-quarterly.xlsx"));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(horizontalScroll()).as("a new workbook starts at the first column").isZero();
        MarginResult second = vm.result();
        List<String> periods = second.periodLabels();
        assertThat(periods).isNotEqualTo(firstPeriods);
        List<XYChart.Series<String, Number>> series = view.charts().gmSeries();
        List<java.util.function.Function<Figures, OptionalDouble>> measures = List.of(Figures::reportedBlended,
                Figures::restatedBlended, Figures::aiLayer, Figures::restatedBlendedStressed, Figures::aiLayerStressed);
        for (int k = 0; k < series.size(); k++) {
            List<String> expectedX = new ArrayList<>();
            List<Double> expectedY = new ArrayList<>();
            for (int i = 0; i < second.periodCount(); i++) {
                OptionalDouble v = measures.get(k).apply(second.period(i));
                if (v.isPresent()) {
                    expectedX.add(periods.get(i));
                    expectedY.add(v.getAsDouble() * 100);
                }
            }
            List<String> x = series.get(k).getData().stream().map(XYChart.Data::getXValue).toList();
            List<Double> y = series.get(k).getData().stream().map(d -> d.getYValue().doubleValue()).toList();
            assertThat(x).as(series.get(k).getName() + " periods").isEqualTo(expectedX);
            assertThat(y).as(series.get(k).getName() + " values").hasSameSizeAs(expectedY);
            for (int i = 0; i < y.size(); i++) {
                assertThat(y.get(i)).isCloseTo(expectedY.get(i), within(1e-9));
            }
        }
        assertThat(view.charts().gmChart().getXAxis()).isInstanceOf(javafx.scene.chart.CategoryAxis.class);
        assertThat(((javafx.scene.chart.CategoryAxis) view.charts().gmChart().getXAxis()).getCategories())
                .containsExactlyElementsOf(periods);
        assertThat(view.grid().table().getItems()).allMatch(r -> vm.rows().contains(r));
        assertThat(vm.rows()).hasSize(vm.model().costs().size());
    }

    /**
     * A statement whose cost of revenue is twenty times its revenue (and whose gross profit does not
     * add up) gives a gross margin of about −1,900%; the reader rates it low-confidence. The window withholds every margin behind a banner that says why and opens the
     * mapping, and no label anywhere shows a margin beyond ±100%.
     */
    @Test
    void aLowConfidenceReadingShowsTheBannerAndNeverAnAbsurdHeadline(FxRobot robot) throws Exception {
        Path file = dir.resolve("absurd.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("P&L");
            String[] labels = {"Line", "Revenue", "Cost of revenue", "Gross profit"};
            double[][] v = {{0, 0}, {100, 120}, {2000, 2500}, {50, 60}};
            for (int r = 0; r < labels.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(labels[r]);
                for (int c = 0; c < 2; c++) {
                    if (r == 0) {
                        row.createCell(c + 1).setCellValue("FY202" + (4 + c));
                    } else {
                        row.createCell(c + 1).setCellValue(v[r][c]);
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        open(robot, file);
        assertThat(vm.source().reading().confidence()).isEqualTo(com.marginworkbench.model.Reading.Confidence.LOW);
        Node banner = robot.lookup("#headlineBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(view.headline().bannerText()).contains("low-confidence");
        assertThat(robot.lookup(".headline-strip").query().isVisible()).isFalse();
        assertThat(robot.lookup("#gross-margin-by-period-withheld").query().isVisible()).isTrue();
        assertThat(view.charts().gmChart().isVisible()).isFalse();
        List<String> absurd = new ArrayList<>();
        for (Node n : robot.lookup(".label").queryAll()) {
            // The banner itself names the figure it withholds, as the reason.
            if (n instanceof Labeled l && l.getText() != null && visible(n) && !"headlineBannerText".equals(n.getId())
                    && l.getText().matches(".*\\b\\d{3,}(\\.\\d)?%.*")) {
                absurd.add(l.getText());
            }
        }
        assertThat(absurd).as("margins beyond ±100% shown in the window").isEmpty();

        Node openMapping = robot.lookup("#bannerOpenMapping").query();
        Bounds onScreen = openMapping.localToScene(openMapping.getBoundsInLocal());
        assertThat(onScreen.getMaxX()).isLessThanOrEqualTo(openMapping.getScene().getWidth());
        assertThat(onScreen.getMaxY()).isLessThan(openMapping.getScene().getHeight() / 2);
        assertThat(view.headline().getHeight()).as("banner height").isLessThan(200);
        robot.clickOn("#bannerOpenMapping");
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(javafx.stage.Window.getWindows()).anySatisfy(w -> {
            assertThat(w.isShowing()).isTrue();
            assertThat(((Stage) w).getTitle()).startsWith("Mapping");
        });
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(javafx.stage.Window::hide));
    }

    /** Shown on screen: it and every parent visible. */
    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void leverChangesAndResetAreUndoableAndAScenarioShowsItIsModified(FxRobot robot) throws Exception {
        open(robot, copy("northwind-ai-model.xlsx"));
        String base = tile(robot, "ai-stressed");
        var field = view.stressPanel().field(Lever.LLM_COST);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("50").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents(3);
        String stressed = tile(robot, "ai-stressed");
        assertThat(stressed).isNotEqualTo(base);
        robot.interact(() -> vm.stress().saveScenario("Heavy usage"));
        assertThat(robot.lookup("#scenarioModified").queryAs(Label.class).isVisible()).isFalse();

        // A drag is one step, whatever the number of values it passes through.
        var slider = view.stressPanel().slider(Lever.VARIANCE_BUFFER);
        robot.interact(() -> {
            slider.setValueChanging(true);
            for (int step = 0; step <= 10; step++) {
                slider.setValue(1.0 + step * 0.05);
            }
            slider.setValueChanging(false);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(vm.stress().levers().varianceBuffer()).isCloseTo(1.5, within(0.011));
        assertThat(robot.lookup("#scenarioModified").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn("#resetLevers");
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(vm.stress().levers()).isEqualTo(Levers.NEUTRAL);
        assertThat(tile(robot, "ai-stressed")).isEqualTo(base);

        robot.clickOn(view.grid().table());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(vm.stress().levers().varianceBuffer()).isCloseTo(1.5, within(0.011));
        assertThat(vm.stress().levers().llmCostChange()).isCloseTo(0.5, within(1e-9));
        assertThat(vm.stress().activeScenarioProperty().get()).isEqualTo("Heavy usage");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(vm.stress().levers().varianceBuffer()).isEqualTo(1.0);
        assertThat(tile(robot, "ai-stressed")).isEqualTo(stressed);
        assertThat(robot.lookup("#scenarioModified").queryAs(Label.class).isVisible()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(vm.stress().levers()).isEqualTo(Levers.NEUTRAL);
        assertThat(tile(robot, "ai-stressed")).isEqualTo(base);

        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(tile(robot, "ai-stressed")).isEqualTo(stressed);
    }

    @Test
    void lineAndBadgeStayOnTheLeftWhenTheGridScrollsSideways(FxRobot robot) throws Exception {
        open(robot, copy("northwind-ai-model.xlsx"));
        resize(robot, 1024, 700);
        robot.interact(() -> view.grid().showPeriodsToggle().setSelected(true));
        WaitForAsyncUtils.waitForFxEvents(5);
        TableView<CostRow> table = view.grid().table();
        assertThat(table.getColumns().get(0).getText()).isEqualTo("Line");
        assertThat(table.getColumns().get(1).getId()).isEqualTo("badgeColumn");
        assertThat(table.getColumns().get(2).getText()).isEqualTo("Total");
        assertThat(table.getColumns().get(3).getId()).isEqualTo("movedColumn");

        ScrollBar hbar = table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar sb
                && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && sb.isVisible())
                .map(ScrollBar.class::cast).findFirst().orElseThrow();
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        double lineBefore = firstCellX(robot, "Line");
        robot.interact(() -> hbar.setValue(hbar.getMax()));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(hbar.getValue()).isGreaterThan(300);
        double lineAfter = firstCellX(robot, "Line");
        assertThat(lineAfter).isCloseTo(lineBefore, within(1.0));
        assertThat(lineAfter).isLessThan(tableBounds.getMinX() + 20);
        Node badge = robot.lookup(".badge").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow();
        Bounds b = badge.localToScene(badge.getBoundsInLocal());
        assertThat(b.getMinX()).isBetween(tableBounds.getMinX(), tableBounds.getMinX() + 450);
        Node header = table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                        && "Line".equals(h.getTableColumn().getText())).findFirst().orElseThrow();
        assertThat(header.localToScene(header.getBoundsInLocal()).getMinX()).isCloseTo(lineAfter, within(2.0));
    }

    private double firstCellX(FxRobot robot, String column) {
        TableView<CostRow> table = view.grid().table();
        return table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && c.getIndex() == 0)
                .map(n -> n.localToScene(n.getBoundsInLocal()).getMinX()).findFirst().orElseThrow();
    }

    @Test
    void at1024By700TheGridLeadsAndKeyLabelsAreWhole(FxRobot robot) throws Exception {
        open(robot, copy("northwind-ai-model.xlsx"));
        resize(robot, 1024, 700);
        assertThat(view.outlineDocked()).isFalse();
        assertThat(view.stressDocked()).isFalse();
        TableView<CostRow> table = view.grid().table();
        assertThat(table.getWidth()).isGreaterThan(900);
        assertThat(view.charts().gmChart().getHeight()).isGreaterThan(150);
        List<String> cut = new ArrayList<>();
        for (String id : List.of("reported", "restated", "stressed", "ai-reported", "ai", "ai-stressed", "revenue", "cogs")) {
            Label value = robot.lookup("#tile-" + id + "-value").queryAs(Label.class);
            checkWhole(value, cut);
            assertThat(value.localToScene(value.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(1024);
        }
        for (Node n : robot.lookup(".tile-title").queryAll()) {
            checkWhole((Labeled) n, cut);
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            if (n.isVisible() && n.localToScene(n.getBoundsInLocal()).getMaxX() < table.getWidth() - 40) {
                checkWhole((Labeled) n, cut);
            }
        }
        robot.clickOn("#stressToggle");
        WaitForAsyncUtils.waitForFxEvents(3);
        for (Lever s : Lever.values()) {
            if (s != Lever.TOKEN_DECLINE) {
                checkWhole(robot.lookup(".lever-label").match((Label l) -> l.getText().equals(s.label())).queryAs(Label.class), cut);
            }
        }
        assertThat(cut).as("labels cut short").isEmpty();
        assertThat(view.stressPanel().slider(Lever.LLM_COST).localToScene(0, 0).getX()).isLessThan(1024);

        // 1280×800: wide enough to dock the stress panel, not the outline.
        resize(robot, 1280, 800);
        assertThat(view.outlineDocked()).isFalse();
        assertThat(view.stressDocked()).isTrue();
        assertThat(robot.lookup("#outlineToggle").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#stressToggle").queryAs(Node.class).isVisible()).isFalse();
    }

    /** A label is whole when the text JavaFX draws is its full text (no ellipsis). */
    private static void checkWhole(Labeled l, List<String> cut) {
        Text drawn = (Text) l.lookup(".text");
        if (drawn != null && !drawn.getText().equals(l.getText())) {
            cut.add(l.getText() + " drawn as '" + drawn.getText() + "'");
        }
    }

    private static String tile(FxRobot robot, String id) {
        return robot.lookup("#tile-" + id + "-value").queryAs(Label.class).getText();
    }
}
