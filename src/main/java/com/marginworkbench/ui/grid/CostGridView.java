package com.marginworkbench.ui.grid;

import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.ui.workbench.CostRow;
import com.marginworkbench.ui.workbench.Format;
import com.marginworkbench.ui.workbench.Question;
import com.marginworkbench.ui.workbench.GridViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cost grid: one editable row per cost line with its badge. Every edit is handed to the view
 * model, which re-runs the test; the row's properties then update the cells.
 */
public final class CostGridView extends BorderPane {
    private final GridViewModel vm;
    private final TableView<CostRow> table = new TableView<>();
    private final TextField find = new TextField();
    private final ComboBox<Choice<CostType>> bulkType = new ComboBox<>();
    private final List<TableColumn<CostRow, ?>> periodColumns = new ArrayList<>();
    private final ToggleButton showPeriods = new ToggleButton("Period amounts");
    private final FilteredList<CostRow> filtered;
    /** How far the grid is scrolled sideways; frozen cells and headers move back by as much. */
    private final javafx.beans.property.DoubleProperty scrollX = new javafx.beans.property.SimpleDoubleProperty();
    private final List<TableColumn<CostRow, ?>> frozen = new ArrayList<>();
    private final Label totalsCaption = new Label();
    private final javafx.scene.layout.Pane totalsArea = new javafx.scene.layout.Pane();
    private ScrollBarHook hook;

    public CostGridView(GridViewModel vm) {
        this.vm = vm;
        getStyleClass().add("cost-grid");
        filtered = new FilteredList<>(vm.rows());
        filtered.predicateProperty().bind(vm.rowFilterProperty());
        SortedList<CostRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setTableMenuButtonVisible(true);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setId("gridPlaceholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(this::emptyText, vm.filterSheetProperty(),
                vm.sheets(), vm.rows(), vm.findTextProperty()));
        table.setPlaceholder(placeholder);
        table.setId("costGrid");
        buildColumns();
        table.setContextMenu(contextMenu());
        setTop(toolbar());
        setCenter(table);
        setBottom(totalsRow());
        table.skinProperty().addListener((obs, o, skin) -> javafx.application.Platform.runLater(this::hookScroll));
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<CostRow, ?>>) c ->
                javafx.application.Platform.runLater(this::hookScroll));
        vm.fileProperty().addListener((obs, o, n) -> {
            rebuildPeriodColumns();
            // a new workbook starts at its first line and first column, not where the last one was left
            javafx.application.Platform.runLater(() -> {
                if (!table.getItems().isEmpty()) {
                    table.scrollTo(0);
                }
                if (!table.getColumns().isEmpty()) {
                    table.scrollToColumnIndex(0);
                }
            });
        });
        showPeriods.selectedProperty().addListener((obs, o, n) -> rebuildPeriodColumns());
    }

    /** What the empty grid says: no workbook, a sheet without a cost table, or filters that match nothing. */
    private String emptyText() {
        if (vm.rows().isEmpty()) {
            return "No cost lines to show. Open a workbook with File > Open (Ctrl+O) or drop one here.";
        }
        String sheet = vm.filterSheetProperty().get();
        if (sheet != null && !sheet.isEmpty()) {
            boolean hasTable = vm.sheets().stream().anyMatch(s -> s.name().equals(sheet) && s.tableRange() != null);
            if (!hasTable) {
                return "No cost table was found on the sheet '" + sheet + "', so it has no lines to show. "
                        + "Choose a sheet marked with the table icon, or the workbook at the top of the outline for all lines.";
            }
        }
        return "No line matches the find text and filters. Clear them to see all lines.";
    }

    public TableView<CostRow> table() {
        return table;
    }

    /** Puts the caret in the find field (Ctrl+F). */
    public void focusFind() {
        find.requestFocus();
        find.selectAll();
    }

    public ToggleButton showPeriodsToggle() {
        return showPeriods;
    }

    /** Indices (in the model) of the rows that have a selected cell. */
    public List<Integer> selectedIndices() {
        List<Integer> out = new ArrayList<>();
        for (var pos : table.getSelectionModel().getSelectedCells()) {
            CostRow r = table.getItems().get(pos.getRow());
            if (!out.contains(r.index())) {
                out.add(r.index());
            }
        }
        return out;
    }

    private FlowPane toolbar() {
        // Short enough to show whole in the narrow field; the tooltip says what it searches.
        find.setPromptText("Find… (Ctrl+F)");
        find.setId("findField");
        find.textProperty().bindBidirectional(vm.findTextProperty());
        find.setPrefColumnCount(9);
        find.setTooltip(new Tooltip("Find by label, source cell or cost type (Ctrl+F)"));

        ComboBox<Choice<Treatment>> badge = new ComboBox<>();
        badge.getItems().add(new Choice<>("All badges", null));
        for (Treatment t : Treatment.values()) {
            badge.getItems().add(new Choice<>(t.label(), t));
        }
        badge.getSelectionModel().select(0);
        badge.valueProperty().addListener((obs, o, n) -> vm.filterTreatmentProperty().set(n == null ? null : n.value()));
        badge.setAccessibleText("Filter by badge");
        badge.setId("badgeFilter");

        ComboBox<GridViewModel.LayerFilter> layer = new ComboBox<>(
                FXCollections.observableArrayList(GridViewModel.LayerFilter.values()));
        layer.valueProperty().bindBidirectional(vm.filterLayerProperty());
        layer.setAccessibleText("Filter by layer");

        ComboBox<Choice<CostType>> type = new ComboBox<>();
        type.getItems().add(new Choice<>("All cost types", null));
        for (CostType t : CostType.values()) {
            type.getItems().add(new Choice<>(t.label(), t));
        }
        type.getSelectionModel().select(0);
        type.valueProperty().addListener((obs, o, n) -> vm.filterTypeProperty().set(n == null ? null : n.value()));
        type.setAccessibleText("Filter by cost type");

        for (CostType t : CostType.values()) {
            bulkType.getItems().add(new Choice<>(t.label(), t));
        }
        // Whole in the list's width; the tooltip says it acts on the selected lines.
        bulkType.setPromptText("Set type…");
        bulkType.setTooltip(new Tooltip("Set the cost type of the selected lines (also in the context menu)"));
        bulkType.setAccessibleText("Set the cost type of the selected lines");
        bulkType.setOnAction(e -> {
            Choice<CostType> c = bulkType.getValue();
            if (c != null) {
                setTypeOfSelected(c.value());
                javafx.application.Platform.runLater(() -> bulkType.getSelectionModel().clearSelection());
            }
        });

        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(
                () -> filtered.size() == vm.rows().size() ? vm.rows().size() + " lines"
                        : filtered.size() + " of " + vm.rows().size() + " lines",
                filtered, vm.rows()));
        count.getStyleClass().add("muted");

        ToggleButton moved = new ToggleButton("Moved");
        moved.setGraphic(new FontIcon(Feather.SHUFFLE));
        moved.setTooltip(new Tooltip("Only lines whose treatment differs from where the workbook reported them"));
        moved.selectedProperty().bindBidirectional(vm.filterMovedProperty());
        moved.setId("movedFilter");

        showPeriods.setGraphic(new FontIcon(Feather.COLUMNS));
        showPeriods.setTooltip(new Tooltip("Period amounts: one column per period (also View > Period amounts)"));
        // Icon only: with its words the toolbar took a second row on a 1024 px projector, and that row
        // was one grid row fewer. The tooltip and the View menu say what it does.
        showPeriods.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        showPeriods.setAccessibleText("Period amounts");

        // The type lists are as wide as a short type, not the longest one: the toolbar then fits
        // one row on a 1024 px projector (a chosen long type is cut with an ellipsis, the list is whole).
        type.setPrefWidth(165);
        bulkType.setPrefWidth(165);
        FlowPane bar = new FlowPane(8, 6, find, badge, moved, layer, type, bulkType, showPeriods, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("grid-toolbar");
        compactWhenNarrow(bar, moved, type, count);
        return bar;
    }

    /**
     * Keeps the toolbar one row in a narrow centre (1366 px with both side panels docked): when the
     * tools would not fit, "Moved" shows only its icon (its words in the tooltip), the type lists
     * get narrower and the line count goes (the tab and the totals row give it).
     */
    private void compactWhenNarrow(FlowPane bar, ToggleButton moved, ComboBox<?> type, Label count) {
        count.managedProperty().bind(count.visibleProperty());
        double[] fullWidth = {0};
        javafx.beans.InvalidationListener fit = o -> {
            boolean compact = count.isVisible() ? needed(bar) > bar.getWidth() : fullWidth[0] > bar.getWidth();
            if (compact == !count.isVisible() || bar.getWidth() <= 0) {
                return;
            }
            if (compact) {
                fullWidth[0] = needed(bar);
            }
            moved.setContentDisplay(compact ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
            type.setPrefWidth(compact ? 140 : 165);
            bulkType.setPrefWidth(compact ? 140 : 165);
            count.setVisible(!compact);
        };
        bar.widthProperty().addListener(fit);
        count.textProperty().addListener(fit);
    }

    /** The width the toolbar needs to keep all its tools in one row. */
    private static double needed(FlowPane bar) {
        double w = bar.snappedLeftInset() + bar.snappedRightInset();
        int n = 0;
        for (javafx.scene.Node c : bar.getChildren()) {
            if (c.isManaged()) {
                w += c.prefWidth(-1);
                n++;
            }
        }
        return w + bar.getHgap() * Math.max(0, n - 1);
    }

    /** Sets a type on every selected line in one undoable step. */
    public void setTypeOfSelected(CostType t) {
        List<Integer> idx = selectedIndices();
        if (!idx.isEmpty()) {
            vm.setCostType(idx, t);
        }
    }

    private ContextMenu contextMenu() {
        Menu setType = new Menu("Set cost type");
        for (CostType t : CostType.values()) {
            MenuItem mi = new MenuItem(t.label());
            mi.setOnAction(e -> setTypeOfSelected(t));
            setType.getItems().add(mi);
        }
        Menu answers = new Menu("Answer for selected");
        for (Question q : Question.values()) {
            Menu qm = new Menu(q.header());
            for (Answer a : Answer.values()) {
                MenuItem mi = new MenuItem(answerWord(a));
                mi.setOnAction(e -> selectedIndices().forEach(i -> vm.setAnswer(i, q, a)));
                qm.getItems().add(mi);
            }
            answers.getItems().add(qm);
        }
        MenuItem capitalization = new MenuItem("Capitalization…");
        capitalization.setId("capitalizationItem");
        capitalization.setOnAction(e -> {
            List<Integer> idx = selectedIndices();
            if (idx.size() == 1) {
                new CapitalizationDialog(vm, idx.get(0), getScene().getWindow())
                        .showAndWait();
            }
        });
        ContextMenu menu = new ContextMenu(setType, answers, new javafx.scene.control.SeparatorMenuItem(), capitalization);
        // the criteria and useful life belong to one line at a time
        menu.setOnShowing(e -> capitalization.setDisable(selectedIndices().size() != 1));
        return menu;
    }

    private void buildColumns() {
        TableColumn<CostRow, String> label = new TableColumn<>("Line");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        label.setPrefWidth(220);

        TableColumn<CostRow, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        source.setPrefWidth(110);

        TableColumn<CostRow, LayerSplit> layer = LayerColumns.column("Layer", CostRow::layerProperty,
                (row, split) -> vm.setLayer(row.index(), split));
        layer.setPrefWidth(80);

        TableColumn<CostRow, CostType> type = new TableColumn<>("Cost type");
        type.setCellValueFactory(c -> c.getValue().costTypeProperty());
        ObservableList<CostType> types = FXCollections.observableArrayList(CostType.values());
        type.setCellFactory(col -> new ComboBoxTableCell<>(TYPE_CONVERTER, types));
        type.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                vm.setCostType(List.of(e.getRowValue().index()), e.getNewValue());
            }
        });
        type.setComparator(Comparator.nullsFirst(Comparator.comparing(CostType::label)));
        type.setPrefWidth(190);
        type.setId("typeColumn");

        List<TableColumn<CostRow, AnswerShown>> answerCols = new ArrayList<>();
        for (Question q : Question.values()) {
            TableColumn<CostRow, AnswerShown> col = new TableColumn<>(q.header());
            col.setCellValueFactory(c -> {
                CostRow r = c.getValue();
                return Bindings.createObjectBinding(() -> new AnswerShown(r.answerProperty(q).get(),
                        r.classification() == null ? null : r.resolvedAnswer(q)), r.answerProperty(q), r.classificationProperty());
            });
            col.setCellFactory(cc -> new AnswerCell());
            col.setOnEditCommit(e -> {
                if (e.getNewValue() != null) {
                    vm.setAnswer(e.getRowValue().index(), q, e.getNewValue().given());
                }
            });
            col.setPrefWidth(104); // "Customer?" whole in bold, not "Cust…"
            col.setId("answer-" + q.name());
            Label header = new Label(shortHeader(q));
            header.setTooltip(new Tooltip(q.question()));
            col.setGraphic(header);
            col.setText("");
            answerCols.add(col);
        }

        TableColumn<CostRow, Classification> badge = new TableColumn<>("Badge");
        badge.setCellValueFactory(c -> c.getValue().classificationProperty());
        badge.setComparator(Comparator.comparing(Classification::treatment));
        badge.setCellFactory(col -> new BadgeCell());
        badge.setPrefWidth(118);
        badge.setId("badgeColumn");

        TableColumn<CostRow, Number> total = new TableColumn<>("Total");
        total.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().total()));
        total.setCellFactory(col -> new AmountCell());
        total.setPrefWidth(110);
        total.setUserData(-1);

        TableColumn<CostRow, Classification> reported = new TableColumn<>("Reported → restated");
        reported.setCellValueFactory(c -> c.getValue().classificationProperty());
        reported.setCellFactory(col -> new MovedCell());
        reported.setComparator(Comparator.comparing(Classification::treatment));
        reported.setPrefWidth(190);
        reported.setId("movedColumn");

        TableColumn<CostRow, String> note = new TableColumn<>("Note / reason");
        note.setCellValueFactory(c -> c.getValue().noteProperty());
        note.setCellFactory(TextFieldTableCell.forTableColumn());
        note.setOnEditCommit(e -> vm.setNote(e.getRowValue().index(), e.getNewValue()));
        note.setPrefWidth(200);

        TableColumn<CostRow, Boolean> llm = new TableColumn<>("LLM-priced");
        llm.setCellValueFactory(c -> c.getValue().llmPricedProperty());
        llm.setCellFactory(col -> new FlagCell(true));
        llm.setVisible(false);
        TableColumn<CostRow, Boolean> variable = new TableColumn<>("Usage-variable");
        variable.setCellValueFactory(c -> c.getValue().usageVariableProperty());
        variable.setCellFactory(col -> new FlagCell(false));
        variable.setVisible(false);

        // Line and badge are what a reader scans for first: they stay on the left when the grid
        // scrolls sideways; the amount and where the line moved come right after them.
        freeze(label);
        freeze(badge);
        table.getColumns().add(label);
        table.getColumns().add(badge);
        table.getColumns().add(total);
        table.getColumns().add(reported);
        table.getColumns().add(type);
        table.getColumns().add(layer);
        table.getColumns().addAll(answerCols);
        table.getColumns().add(source);
        table.getColumns().add(note);
        table.getColumns().add(llm);
        table.getColumns().add(variable);
    }

    /** Keeps a column's cells on the left edge whatever the sideways scroll, drawn over the others. */
    private <T> void freeze(TableColumn<CostRow, T> col) {
        var inner = col.getCellFactory();
        col.setCellFactory(c -> {
            TableCell<CostRow, T> cell = inner.call(c);
            cell.translateXProperty().bind(scrollX);
            cell.setViewOrder(-1);
            cell.getStyleClass().add("frozen-cell");
            return cell;
        });
        col.setReorderable(false);
        frozen.add(col);
    }

    /** The sideways scroll bar and column headers exist once the table has a skin; they are found again when columns change. */
    private record ScrollBarHook(javafx.scene.control.ScrollBar bar) {
    }

    private void hookScroll() {
        if (hook == null) {
            for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                    hook = new ScrollBarHook(sb);
                    scrollX.bind(sb.valueProperty());
                    sb.valueProperty().addListener(o -> layoutTotals());
                    break;
                }
            }
        }
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && frozen.contains(h.getTableColumn())
                    && !h.translateXProperty().isBound()) {
                h.translateXProperty().bind(scrollX);
                h.setViewOrder(-1);
                h.getStyleClass().add("frozen-header");
            }
        }
        rebuildTotals();
    }

    /** The totals row: a caption under the frozen columns and the sum of the lines shown under each amount column. */
    private javafx.scene.layout.HBox totalsRow() {
        totalsCaption.getStyleClass().add("totals-caption");
        totalsCaption.setMinWidth(0);
        totalsCaption.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> frozen.stream().mapToDouble(TableColumn::getWidth).sum(),
                frozen.stream().map(TableColumn::widthProperty).toArray(javafx.beans.Observable[]::new)));
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(totalsArea.widthProperty());
        clip.heightProperty().bind(totalsArea.heightProperty());
        totalsArea.setClip(clip);
        totalsArea.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(totalsArea, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(totalsCaption, totalsArea);
        row.getStyleClass().add("totals-row");
        row.setId("totalsRow");
        table.getItems().addListener((javafx.collections.ListChangeListener<CostRow>) c -> rebuildTotals());
        totalsArea.widthProperty().addListener(o -> layoutTotals());
        return row;
    }

    private final javafx.beans.InvalidationListener relayoutTotals = o -> layoutTotals();
    private final List<Label> totalLabels = new ArrayList<>();
    private final List<TableColumn<CostRow, ?>> totalColumns = new ArrayList<>();

    private void rebuildTotals() {
        List<CostRow> shown = table.getItems();
        totalsCaption.setText("Total of " + shown.size() + (shown.size() == 1 ? " line" : " lines")
                + (shown.size() == vm.rows().size() ? "" : " shown"));
        totalLabels.clear();
        totalColumns.clear();
        for (TableColumn<CostRow, ?> col : table.getVisibleLeafColumns()) {
            Object key = col.getUserData();
            if (!(key instanceof Integer period)) {
                continue;
            }
            double sum = 0;
            for (CostRow r : shown) {
                sum += period < 0 ? r.total() : r.amount(period);
            }
            Label l = new Label(Format.amount(sum));
            l.getStyleClass().add("totals-amount");
            l.setManaged(false);
            l.setId(period < 0 ? "totalsTotal" : "totals-" + period);
            totalLabels.add(l);
            totalColumns.add(col);
            col.widthProperty().removeListener(relayoutTotals);
            col.widthProperty().addListener(relayoutTotals);
        }
        totalsArea.getChildren().setAll(totalLabels);
        layoutTotals();
    }

    private void layoutTotals() {
        List<TableColumn<CostRow, ?>> visible = table.getVisibleLeafColumns();
        for (int i = 0; i < totalLabels.size(); i++) {
            double x = -scrollX.get();
            for (TableColumn<CostRow, ?> c : visible) {
                if (c == totalColumns.get(i)) {
                    break;
                }
                if (!frozen.contains(c)) {
                    x += c.getWidth();
                }
            }
            Label l = totalLabels.get(i);
            l.autosize();
            double w = totalColumns.get(i).getWidth();
            l.relocate(x + w - l.getWidth() - 6, 0);
            l.setVisible(x + w > 0);
        }
    }

    /** The sum shown in the totals row under the Total column. */
    public String totalsText() {
        return totalLabels.isEmpty() ? "" : totalLabels.get(0).getText();
    }

    private void rebuildPeriodColumns() {
        table.getColumns().removeAll(periodColumns);
        periodColumns.clear();
        if (!showPeriods.isSelected() || vm.model() == null) {
            return;
        }
        var periods = vm.model().periods();
        for (int i = 0; i < periods.count(); i++) {
            int p = i;
            TableColumn<CostRow, Number> col = new TableColumn<>(periods.label(i));
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().amount(p)));
            col.setCellFactory(cc -> new AmountCell());
            col.setPrefWidth(90);
            col.setUserData(p);
            periodColumns.add(col);
        }
        table.getColumns().addAll(periodColumns);
    }

    static String answerWord(Answer a) {
        return switch (a) {
            case YES -> "Yes";
            case NO -> "No";
            case DEFAULT -> "Default";
        };
    }

    private static final StringConverter<CostType> TYPE_CONVERTER = new StringConverter<>() {
        @Override
        public String toString(CostType t) {
            return t == null ? "— not set —" : t.label();
        }

        @Override
        public CostType fromString(String s) {
            return CostType.find(s).orElse(null);
        }
    };

    /** The answer given, and the answer the test used (the type's default filled in). */
    record AnswerShown(Answer given, Boolean resolved) {
    }

    private static final ObservableList<AnswerShown> ANSWER_CHOICES = FXCollections.observableArrayList(
            new AnswerShown(Answer.YES, null), new AnswerShown(Answer.NO, null), new AnswerShown(Answer.DEFAULT, null));

    /** A default answer shows what the cost type assumes, e.g. "Default (yes)". */
    private static final StringConverter<AnswerShown> ANSWER_CONVERTER = new StringConverter<>() {
        @Override
        public String toString(AnswerShown a) {
            if (a == null || a.given() == null) {
                return "";
            }
            if (a.given() == Answer.DEFAULT && a.resolved() != null) {
                return a.resolved() ? "yes" : "no";
            }
            return answerWord(a.given());
        }

        @Override
        public AnswerShown fromString(String s) {
            return new AnswerShown(Answer.parse(s), null);
        }
    };

    /** The three answers as compact marks; an answer the type assumes is muted, a given one stands out. */
    private static final class AnswerCell extends ComboBoxTableCell<CostRow, AnswerShown> {
        AnswerCell() {
            super(ANSWER_CONVERTER, ANSWER_CHOICES);
            getStyleClass().add("answer-cell");
        }

        @Override
        public void updateItem(AnswerShown a, boolean empty) {
            super.updateItem(a, empty);
            getStyleClass().removeAll("answer-default", "answer-given");
            if (!empty && a != null && a.given() != null) {
                getStyleClass().add(a.given() == Answer.DEFAULT ? "answer-default" : "answer-given");
                setTooltip(new Tooltip(a.given() == Answer.DEFAULT
                        ? "Not answered: the cost type assumes " + ANSWER_CONVERTER.toString(a) : "Answered " + answerWord(a.given())));
            } else {
                setTooltip(null);
            }
        }
    }

    static String shortHeader(Question q) {
        return switch (q) {
            case TRIGGERED -> "Customer?";
            case NEEDED -> "Needed?";
            case VARIES -> "Varies?";
        };
    }

    /** Where the workbook reported the line and where the test puts it: "R&D → COGS" when it moves. */
    private final class MovedCell extends TableCell<CostRow, Classification> {
        @Override
        protected void updateItem(Classification c, boolean empty) {
            super.updateItem(c, empty);
            getStyleClass().removeAll("moved-cell");
            CostRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || c == null) {
                setText(null);
                return;
            }
            String from = row.reported().label();
            if (row.moved()) {
                setText(from + " → " + c.treatment().label());
                getStyleClass().add("moved-cell");
            } else {
                setText(from);
            }
        }
    }

    /** The treatment badge with its reason and references in a tooltip. */
    private final class BadgeCell extends TableCell<CostRow, Classification> {
        private final Label badge = new Label();
        private final Tooltip tip = new Tooltip();

        BadgeCell() {
            badge.getStyleClass().add("badge");
            tip.setShowDelay(Duration.millis(250));
            tip.setShowDuration(Duration.seconds(30));
            tip.setWrapText(true);
            tip.setMaxWidth(460);
            tip.getStyleClass().add("badge-tooltip");
        }

        @Override
        protected void updateItem(Classification c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Treatment t = c.treatment();
            Badges.apply(badge, t);
            tip.setText(Badges.tooltip(c, vm.policy()));
            badge.setAccessibleText(t.label() + ". " + c.reason());
            setGraphic(badge);
            setTooltip(tip);
        }
    }

    private static final class AmountCell extends TableCell<CostRow, Number> {
        AmountCell() {
            getStyleClass().add("amount-cell");
        }

        @Override
        protected void updateItem(Number v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : Format.amount(v.doubleValue()));
        }
    }

    /** A stress flag as a check box; ticking it is an undoable edit. */
    private final class FlagCell extends TableCell<CostRow, Boolean> {
        private final CheckBox box = new CheckBox();
        private final boolean llm;

        FlagCell(boolean llm) {
            this.llm = llm;
            box.setOnAction(e -> {
                CostRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    boolean l = llm ? box.isSelected() : row.llmPricedProperty().get();
                    boolean v = llm ? row.usageVariableProperty().get() : box.isSelected();
                    vm.setFlags(row.index(), l, v);
                }
            });
        }

        @Override
        protected void updateItem(Boolean v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            box.setSelected(v);
            box.setAccessibleText(llm ? "Priced by a model provider" : "Varies with usage");
            setGraphic(box);
        }
    }

}
