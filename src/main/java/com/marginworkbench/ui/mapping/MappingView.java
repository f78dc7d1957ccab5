package com.marginworkbench.ui.mapping;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.workbook.cells.SheetPreview;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The mapping view: the chosen sheet's cells with each row's role in colour, the header row and
 * label column marked, and beside them how the workbook was read and the checks against its own
 * totals. The controls above correct the reading; each correction is handed to the view model.
 */
public final class MappingView extends BorderPane {
    private final MappingViewModel model;
    private final TableView<Integer> cells = new TableView<>();
    private final ComboBox<String> sheetChoice = new ComboBox<>();
    private final ComboBox<RoleChoice> roleChoice = new ComboBox<>();
    private final CheckBox flipAll = new CheckBox("Flip all costs");
    private final ComboBox<MappingViewModel.Units> units = new ComboBox<>(
            FXCollections.observableArrayList(MappingViewModel.Units.values()));
    private final VBox side = new VBox(8);
    private boolean updating;

    /** A role to set, or the reader's own choice (null). */
    record RoleChoice(String label, RowRole role) {
        @Override
        public String toString() {
            return label;
        }
    }

    public MappingView(MappingViewModel model) {
        this.model = model;
        getStyleClass().add("mapping-view");
        setId("mappingView");
        cells.setId("mappingCells");
        cells.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        cells.getSelectionModel().setCellSelectionEnabled(true);
        cells.setPlaceholder(new Label("Reading the workbook's cells…"));
        cells.setRowFactory(t -> new RoleRow());
        setTop(toolbars());
        setCenter(cells);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        // a fifth of the window beside the cells on a small screen, 330 px at most
        sideScroll.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(240,
                javafx.beans.binding.Bindings.min(330, widthProperty().multiply(0.24))));
        sideScroll.setMinWidth(220);
        side.setPadding(new Insets(10));
        side.getStyleClass().add("mapping-side");
        setRight(sideScroll);
        Label status = new Label();
        status.textProperty().bind(model.messageProperty());
        status.setId("mappingStatus");
        status.setPadding(new Insets(4, 10, 4, 10));
        setBottom(status);

        model.previewProperty().addListener((obs, o, n) -> rebuild());
        model.readingProperty().addListener((obs, o, n) -> rebuild());
        model.sheetProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    public TableView<Integer> cells() {
        return cells;
    }

    public MappingViewModel model() {
        return model;
    }

    private VBox toolbars() {
        Label sheetLabel = new Label("Sheet");
        sheetChoice.setId("mappingSheet");
        sheetChoice.setAccessibleText("Sheet to show");
        sheetChoice.valueProperty().addListener((obs, o, n) -> {
            if (!updating && n != null) {
                model.sheetProperty().set(n);
            }
        });
        Button read = button("Read selected range", Feather.CROP, "Read only the selected cells: their first row holds "
                + "the periods, their first text column the labels", e -> readSelection(false));
        read.setId("readSelection");
        Button add = button("Add range after", Feather.PLUS_SQUARE, "Read the selected cells too, after the ranges "
                + "read (a statement that goes on on another sheet or block)", e -> readSelection(true));
        Button auto = button("Automatic", Feather.REFRESH_CW, "Let the reader find the statement again",
                e -> model.automaticTable());
        Button header = button("Header row", Feather.ALIGN_JUSTIFY, "The selected row holds the period headings",
                e -> selectedRows().stream().findFirst().ifPresent(model::setHeaderRow));
        Button labels = button("Label column", Feather.TYPE, "The selected column holds the labels",
                e -> selectedColumns().stream().findFirst().ifPresent(model::setLabelColumn));
        Button periods = button("Count selected columns", Feather.COLUMNS, "Only the selected columns are periods "
                + "(e.g. Actual, not Budget)", e -> model.setPeriodColumns(selectedColumns()));
        Button allPeriods = button("All period columns", null, "Let the reader choose the period columns",
                e -> model.setPeriodColumns(List.of()));
        Button undo = button("Undo", Feather.ROTATE_CCW, null, e -> model.undo());
        undo.disableProperty().bind(model.undoStack().canUndoProperty().not());
        Button redo = button("Redo", Feather.ROTATE_CW, null, e -> model.redo());
        redo.disableProperty().bind(model.undoStack().canRedoProperty().not());

        roleChoice.getItems().add(new RoleChoice("As the reader decides", null));
        for (RowRole r : RowRole.values()) {
            roleChoice.getItems().add(new RoleChoice(r.label(), r));
        }
        roleChoice.setPromptText("Role of selected rows…");
        roleChoice.setId("roleChoice");
        roleChoice.setAccessibleText("Set the role of the selected rows");
        roleChoice.setOnAction(e -> {
            RoleChoice c = roleChoice.getValue();
            if (c != null && !updating) {
                List<Integer> rows = selectedRows();
                if (!rows.isEmpty()) {
                    model.setRole(rows, c.role());
                }
                javafx.application.Platform.runLater(() -> roleChoice.getSelectionModel().clearSelection());
            }
        });
        Button flip = button("Flip sign", Feather.REPEAT, "Flip the sign of the selected rows", e -> {
            List<Integer> rows = selectedRows();
            if (!rows.isEmpty()) {
                model.flipRows(rows);
            }
        });
        flip.setId("flipRows");
        flipAll.setId("flipAllCosts");
        flipAll.setOnAction(e -> {
            if (!updating) {
                model.setFlipAllCosts(flipAll.isSelected());
            }
        });
        units.setId("mappingUnits");
        units.setAccessibleText("Units of the amounts");
        units.setOnAction(e -> {
            if (!updating && units.getValue() != null) {
                model.setUnits(units.getValue());
            }
        });

        FlowPane table = new FlowPane(8, 6, sheetLabel, sheetChoice, read, add, auto, new Separator(),
                header, labels, periods, allPeriods, new Separator(), undo, redo);
        FlowPane rows = new FlowPane(8, 6, new Label("Rows"), roleChoice, flip, flipAll, new Separator(),
                new Label("Units"), units);
        for (FlowPane p : List.of(table, rows)) {
            p.setAlignment(Pos.CENTER_LEFT);
            p.setPadding(new Insets(6, 10, 6, 10));
        }
        VBox box = new VBox(table, rows);
        box.getStyleClass().add("mapping-toolbar");
        return box;
    }

    private static Button button(String text, Feather icon, String tip, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        Button b = new Button(text);
        if (icon != null) {
            b.setGraphic(new FontIcon(icon));
        }
        if (tip != null) {
            b.setTooltip(new Tooltip(tip));
        }
        b.setOnAction(h);
        return b;
    }

    /** 1-based rows with a selected cell, in order. */
    public List<Integer> selectedRows() {
        TreeSet<Integer> rows = new TreeSet<>();
        for (TablePosition<?, ?> p : cells.getSelectionModel().getSelectedCells()) {
            rows.add(cells.getItems().get(p.getRow()) + 1);
        }
        return new ArrayList<>(rows);
    }

    /** Column letters with a selected cell, left to right. */
    public List<String> selectedColumns() {
        TreeSet<Integer> cols = new TreeSet<>();
        for (TablePosition<?, ?> p : cells.getSelectionModel().getSelectedCells()) {
            Object data = p.getTableColumn() == null ? null : p.getTableColumn().getUserData();
            if (data instanceof Integer c) {
                cols.add(c);
            }
        }
        return cols.stream().map(MappingViewModel::column).toList();
    }

    private void readSelection(boolean add) {
        int r0 = Integer.MAX_VALUE;
        int r1 = -1;
        int c0 = Integer.MAX_VALUE;
        int c1 = -1;
        for (TablePosition<?, ?> p : cells.getSelectionModel().getSelectedCells()) {
            Object data = p.getTableColumn() == null ? null : p.getTableColumn().getUserData();
            if (!(data instanceof Integer c)) {
                continue;
            }
            int r = cells.getItems().get(p.getRow());
            r0 = Math.min(r0, r);
            r1 = Math.max(r1, r);
            c0 = Math.min(c0, c);
            c1 = Math.max(c1, c);
        }
        if (r1 < 0) {
            return;
        }
        String range = MappingViewModel.range(model.sheetProperty().get(), r0, c0, r1, c1);
        if (add) {
            model.addRange(range);
        } else {
            model.readRanges(List.of(range));
        }
    }

    private void rebuild() {
        updating = true;
        try {
            SheetPreview p = model.previewProperty().get();
            if (p != null) {
                List<String> names = p.sheets().stream().map(SheetPreview.Sheet::name).toList();
                if (!sheetChoice.getItems().equals(names)) {
                    sheetChoice.getItems().setAll(names);
                }
            }
            sheetChoice.setValue(model.sheetProperty().get());
            flipAll.setSelected(model.hints().flipAllCosts());
            units.setValue(model.units());
            rebuildCells(p == null ? null : p.sheet(model.sheetProperty().get()));
            rebuildSide();
        } finally {
            updating = false;
        }
    }

    private void rebuildCells(SheetPreview.Sheet s) {
        cells.getColumns().clear();
        if (s == null) {
            cells.getItems().clear();
            return;
        }
        String labelColumn = model.labelColumn();
        TableColumn<Integer, String> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue() + 1)));
        number.setPrefWidth(44);
        number.setSortable(false);
        number.getStyleClass().add("row-number");
        TableColumn<Integer, Reading.Row> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model.row(c.getValue() + 1)));
        role.setCellFactory(c -> new RoleCell());
        role.setPrefWidth(150);
        role.setSortable(false);
        role.setId("roleColumn");
        cells.getColumns().add(number);
        cells.getColumns().add(role);
        for (int c = 0; c < s.columnCount(); c++) {
            int col = c;
            String letter = MappingViewModel.column(c);
            TableColumn<Integer, String> tc = new TableColumn<>(letter);
            tc.setUserData(c);
            tc.setSortable(false);
            tc.setCellValueFactory(v -> new ReadOnlyStringWrapper(s.text(v.getValue(), col)));
            tc.setCellFactory(v -> new ValueCell(s, col));
            tc.setPrefWidth(width(s, col, letter.equals(labelColumn)));
            if (letter.equals(labelColumn)) {
                tc.getStyleClass().add("label-column");
                tc.setText(letter + " · labels");
            }
            cells.getColumns().add(tc);
        }
        List<Integer> items = new ArrayList<>(s.cells().length);
        for (int r = 0; r < s.cells().length; r++) {
            items.add(r);
        }
        cells.getItems().setAll(items);
        int header = model.headerRow();
        if (header > 0) {
            cells.scrollTo(Math.max(0, header - 3));
        }
    }

    /**
     * A column wide enough for its longest text in the rows shown first (labels up to 17 em, amounts
     * up to 9 em), so amounts are not cut short and a narrow window still shows several periods.
     */
    private static double width(SheetPreview.Sheet s, int col, boolean labels) {
        int longest = 3;
        for (int r = 0; r < s.cells().length && r < 200; r++) {
            longest = Math.max(longest, s.text(r, col).length());
        }
        double em = javafx.scene.text.Font.getDefault().getSize();
        double max = labels ? 17 : 9;
        return Math.max(4 * em, Math.min(max * em, longest * 0.62 * em + 1.6 * em));
    }

    private void rebuildSide() {
        side.getChildren().clear();
        Reading r = model.reading();
        if (r == null) {
            return;
        }
        Label conf = new Label("Confidence: " + r.confidence().code());
        conf.getStyleClass().addAll("mapping-confidence", "confidence-" + r.confidence().code());
        conf.setId("mappingConfidence");
        side.getChildren().add(conf);
        for (String reason : r.reasons()) {
            side.getChildren().add(wrapped("• " + reason, "muted"));
        }
        side.getChildren().add(title("Read"));
        if (r.tables().isEmpty()) {
            side.getChildren().add(wrapped("The product's own layout, read sheet by sheet.", "muted"));
        }
        for (Reading.Table t : r.tables()) {
            side.getChildren().add(wrapped(t.reference() + " — header row " + t.headerRow() + ", labels in "
                    + t.labelColumn() + (t.orientation() == null ? "" : ", " + t.orientation()), null));
            if (t.why() != null && !t.why().isBlank()) {
                side.getChildren().add(wrapped(t.why(), "muted"));
            }
        }
        side.getChildren().add(wrapped("Units: " + (r.units() == null ? "as written" : r.units())
                + (r.costSign() < 0 ? "; costs stored as negatives, read as positive amounts" : ""), null));
        side.getChildren().add(title("Checks against its own totals"));
        if (r.checks().isEmpty()) {
            side.getChildren().add(wrapped("No total rows to check against.", "muted"));
        }
        VBox checks = new VBox(4);
        checks.setId("mappingChecks");
        for (Reading.Check c : r.checks()) {
            Label l = wrapped((c.holds() ? "✓ " : "✗ ") + c.what() + (c.row() == null ? "" : " (" + c.row() + ")")
                    + (c.holds() || c.detail() == null ? "" : ": " + c.detail()), c.holds() ? "check-holds" : "check-fails");
            l.setGraphic(new FontIcon(c.holds() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            l.setText(l.getText().substring(2));
            checks.getChildren().add(l);
        }
        side.getChildren().add(checks);
        if (!r.notes().isEmpty()) {
            side.getChildren().add(title("Notes"));
            for (String n : r.notes()) {
                side.getChildren().add(wrapped(n, "muted"));
            }
        }
        long revenue = model.revenueLines();
        long costs = model.costLines();
        Label lines = wrapped(revenue + " revenue lines and " + costs + " cost lines read", null);
        lines.setId("mappingLines");
        side.getChildren().addAll(title("Lines"), lines);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(300);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    /** Style class for a role: the row's colour. */
    static String roleStyle(RowRole role) {
        return "role-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A row coloured by its role; the header row marked. */
    private final class RoleRow extends TableRow<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("role-") || s.equals("header-row"));
            if (empty || item == null) {
                return;
            }
            Reading.Row row = model.row(item + 1);
            if (row != null) {
                getStyleClass().add(roleStyle(row.role()));
            }
            if (item + 1 == model.headerRow()) {
                getStyleClass().add("header-row");
            }
        }
    }

    /** The role as a word; "set by you" and a flipped sign said too. */
    private final class RoleCell extends TableCell<Integer, Reading.Row> {
        @Override
        protected void updateItem(Reading.Row row, boolean empty) {
            super.updateItem(row, empty);
            setTooltip(null);
            Integer item = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null) {
                setText(null);
                return;
            }
            int row1 = item + 1;
            if (row1 == model.headerRow()) {
                setText("Period header");
                return;
            }
            if (row == null) {
                setText(null);
                return;
            }
            boolean mine = model.hints().roles().containsKey(model.rowKey(row1));
            setText(row.role().label() + (mine ? " (set)" : "") + (model.flipped(row1) && row.role().isLine() ? " ±" : ""));
            if (row.why() != null && !row.why().isBlank()) {
                setTooltip(new Tooltip(row.why()));
            }
        }
    }

    /** A cell's text; numbers right-aligned. */
    private static final class ValueCell extends TableCell<Integer, String> {
        private final SheetPreview.Sheet sheet;
        private final int column;

        ValueCell(SheetPreview.Sheet sheet, int column) {
            this.sheet = sheet;
            this.column = column;
        }

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty ? null : v);
            Integer r = getTableRow() == null ? null : getTableRow().getItem();
            boolean number = !empty && r != null && sheet.numeric(r, column);
            setAlignment(number ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        }
    }
}
