package com.marginworkbench.ui.window;

import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.UnitInputs;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Model assumptions the workbook does not give (or gives otherwise): ARPA, monthly churn and CAC
 * for LTV:CAC, the first forecast period (the token-price decline works on forecasts only) and
 * the first day of the fiscal year (the ASU 2025-06 test runs per fiscal year). A blank field keeps
 * the workbook's own value, shown beside it. OK applies them as undoable edits.
 */
public final class AssumptionsDialog extends Dialog<ButtonType> {
    private final WorkbenchViewModel vm;
    private final TextField arpa = field("arpaField", "ARPA per month");
    private final TextField churn = field("churnField", "Monthly churn in percent");
    private final TextField cac = field("cacField", "Acquisition cost per new account");
    private final ComboBox<Choice> forecast = new ComboBox<>();
    private final DatePicker fiscalStart = new DatePicker();
    private final Label problem = new Label();

    /** One entry of the forecast list: its shown text and the value kept in {@link Assumptions}. */
    record Choice(String text, String value) {
        @Override
        public String toString() {
            return text;
        }
    }

    public AssumptionsDialog(WorkbenchViewModel vm, Window owner) {
        this.vm = vm;
        initOwner(owner);
        setTitle("Model assumptions");
        setHeaderText("Figures the workbook does not give. Leave a field blank to keep the workbook's own.");
        setResizable(true);
        Assumptions now = vm.assumptions();
        UnitInputs own = vm.source().model().unitInputs();

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(8, 4, 4, 4));
        Label unit = new Label("Unit economics (LTV:CAC)");
        unit.getStyleClass().add("section-title");
        g.add(unit, 0, 0, 3, 1);
        row(g, 1, "ARPA per month", arpa, now.arpaMonthly() == null ? "" : plain(now.arpaMonthly()),
                own == null || !Double.isFinite(own.arpaMonthly()) ? null : money(own.arpaMonthly()));
        row(g, 2, "Monthly churn (%)", churn, now.churnMonthly() == null ? "" : plain(now.churnMonthly() * 100),
                own == null || !Double.isFinite(own.churnMonthly()) ? null : plain(own.churnMonthly() * 100) + "%");
        row(g, 3, "CAC", cac, now.cac() == null ? "" : plain(now.cac()),
                own == null || !Double.isFinite(own.cac()) ? null : money(own.cac()));

        Label periods = new Label("Periods");
        periods.getStyleClass().add("section-title");
        g.add(periods, 0, 4, 3, 1);
        Periods p = vm.model().periods();
        int fromHeadings = p.firstForecastFromHeadings();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(fromHeadings < 0 ? "From headings: none marked E or F"
                : "From headings: " + p.label(fromHeadings), null));
        choices.add(new Choice("None: every period is actual", Assumptions.NO_FORECAST));
        for (String label : p.labels()) {
            choices.add(new Choice(label, label));
        }
        forecast.getItems().setAll(choices);
        forecast.getSelectionModel().select(choices.stream()
                .filter(c -> c.value() == null ? now.firstForecast() == null
                        : c.value().equalsIgnoreCase(now.firstForecast() == null ? "" : now.firstForecast()))
                .findFirst().orElse(choices.get(0)));
        forecast.setId("forecastChoice");
        forecast.setAccessibleText("First forecast period");
        forecast.setVisibleRowCount(12);
        forecast.setMaxWidth(Double.MAX_VALUE);
        Label fl = new Label("First forecast period");
        fl.setLabelFor(forecast);
        g.add(fl, 0, 5);
        g.add(forecast, 1, 5, 2, 1);
        fiscalStart.setValue(vm.policy().fiscalYearStart());
        fiscalStart.setPromptText("calendar years");
        fiscalStart.setId("fiscalStartPicker");
        fiscalStart.setAccessibleText("First day of a fiscal year");
        Label fy = new Label("Fiscal year starts");
        fy.setLabelFor(fiscalStart);
        g.add(fy, 0, 6);
        g.add(fiscalStart, 1, 6, 2, 1);

        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.setId("assumptionsProblem");
        Label hint = new Label("The token-price decline lever changes forecast periods only. LTV = ARPA × gross margin"
                + " ÷ churn; LTV:CAC divides it by CAC.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox content = new VBox(8, g, hint, problem);
        content.setPrefWidth(480);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(
                AssumptionsDialog.class.getResource("/com/marginworkbench/ui/workbench.css").toExternalForm());
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!apply()) {
                e.consume();
            }
        });
    }

    /**
     * Checks the fields and applies them; false (with the problem shown) when one does not parse,
     * so the dialog stays open.
     */
    boolean apply() {
        Assumptions next;
        try {
            Double a = arpa.getText().isBlank() ? null : parse("ARPA", arpa.getText(), false);
            Double c = churn.getText().isBlank() ? null : parse("Monthly churn", churn.getText(), true);
            Double k = cac.getText().isBlank() ? null : parse("CAC", cac.getText(), false);
            Choice f = forecast.getValue();
            next = new Assumptions(a, c, k, f == null ? null : f.value());
            vm.changeAssumptions(next);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return false;
        }
        LocalDate start = fiscalStart.getValue();
        if (!java.util.Objects.equals(start, vm.policy().fiscalYearStart())) {
            vm.changePolicy(vm.policy().withFiscalYearStart(start));
        }
        return true;
    }

    private static double parse(String name, String text, boolean percent) {
        try {
            return percent ? Assumptions.parseChurnPercent(text) : Assumptions.parseAmount(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static void row(GridPane g, int r, String name, TextField f, String value, String own) {
        Label l = new Label(name);
        l.setLabelFor(f);
        f.setText(value);
        Label o = new Label(own == null ? "not in the workbook" : "workbook: " + own);
        o.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        o.getStyleClass().add("muted");
        g.addRow(r, l, f, o);
    }

    private static TextField field(String id, String accessible) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(accessible);
        f.setPrefColumnCount(10);
        return f;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, Math.abs(v - Math.rint(v)) < 0.005 ? "%,.0f" : "%,.2f", v);
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.isEmpty() ? "0" : s;
    }

    TextField arpaField() {
        return arpa;
    }

    TextField churnField() {
        return churn;
    }

    ComboBox<Choice> forecastChoice() {
        return forecast;
    }

    Label problemLabel() {
        return problem;
    }
}
