package com.marginworkbench.ui.window;

import com.marginworkbench.model.Reading;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.SheetInfo;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The workbook outline: its sheets, the cost table found on each, and the reader's notes.
 * Choosing a sheet shows only its lines in the grid; choosing the workbook shows all.
 */
public final class OutlineView extends TreeView<String> {
    private final WorkbenchViewModel vm;
    private Runnable onOpenMapping = () -> { };

    public OutlineView(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("outline");
        setShowRoot(true);
        setAccessibleText("Workbook outline");
        setId("outline");
        // reading notes are sentences: the whole of each one in its tooltip when the panel cuts it
        setCellFactory(tree -> new javafx.scene.control.TreeCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(520);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(item);
                setGraphic(getTreeItem() == null ? null : getTreeItem().getGraphic());
                tip.setText(item);
                setTooltip(tip);
            }
        });
        vm.sheets().addListener((ListChangeListener<SheetInfo>) c -> rebuild());
        vm.problems().addListener((ListChangeListener<Problem>) c -> rebuild());
        getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n == null || !(n.getValue() instanceof String)) {
                return;
            }
            Object sheet = n.getGraphic() == null ? null : n.getGraphic().getUserData();
            vm.grid().filterSheetProperty().set(sheet instanceof String s ? s : "");
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && isMappingItem(getSelectionModel().getSelectedItem())) {
                onOpenMapping.run();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && isMappingItem(getSelectionModel().getSelectedItem())) {
                onOpenMapping.run();
            }
        });
        rebuild();
    }

    /** What opening "Correct the reading…" in the notes does: the window shows the mapping view. */
    public void setOnOpenMapping(Runnable action) {
        onOpenMapping = action == null ? () -> { } : action;
    }

    private static boolean isMappingItem(TreeItem<String> item) {
        return item != null && item.getGraphic() != null && MAPPING.equals(item.getGraphic().getId());
    }

    private static final String MAPPING = "outlineMapping";

    private void rebuild() {
        String name = vm.fileProperty().get() == null ? "No workbook" : vm.fileProperty().get().getFileName().toString();
        TreeItem<String> root = new TreeItem<>(name, new FontIcon(Feather.BOOK_OPEN));
        root.setExpanded(true);
        for (SheetInfo s : vm.sheets()) {
            FontIcon icon = new FontIcon(s.tableRange() == null ? Feather.FILE : Feather.GRID);
            // Every sheet can be chosen; one without a cost table empties the grid, which says so.
            icon.setUserData(s.name());
            String text = s.name() + (s.hidden() ? " (hidden)" : "");
            TreeItem<String> item = new TreeItem<>(text, icon);
            if (s.tableRange() != null) {
                FontIcon tableIcon = new FontIcon(Feather.LIST);
                tableIcon.setUserData(s.name());
                item.getChildren().add(new TreeItem<>("Cost table " + s.tableRange(), tableIcon));
            }
            root.getChildren().add(item);
        }
        // what the reading was, as the command line's summary says it, then what the reader decided
        // on the way and the cells it could not read
        Reading r = vm.reading();
        java.util.List<String> said = new java.util.ArrayList<>();
        for (Reading.Table t : r.tables()) {
            said.add("Read " + Reading.describe(t));
        }
        if (r.unitsText() != null) {
            said.add("Units: " + r.unitsText());
        }
        if (r.checksText() != null) {
            said.add("Checks: " + r.checksText());
        }
        if (vm.fileProperty().get() != null) {
            said.add("Confidence: " + r.confidenceText());
        }
        said.addAll(r.notes());
        TreeItem<String> notes = new TreeItem<>("Reading notes (" + (r.notes().size() + vm.problems().size()) + ")",
                new FontIcon(Feather.INFO));
        notes.setExpanded(true);
        FontIcon mapIcon = new FontIcon(Feather.EDIT_3);
        mapIcon.setId(MAPPING);
        if (vm.fileProperty().get() != null) {
            notes.getChildren().add(new TreeItem<>("Correct the reading… (Ctrl+M)", mapIcon));
        }
        for (String line : said) {
            notes.getChildren().add(new TreeItem<>(line));
        }
        for (Problem p : vm.problems()) {
            notes.getChildren().add(new TreeItem<>(p.toString()));
        }
        if (!notes.getChildren().isEmpty()) {
            root.getChildren().add(notes);
        }
        setRoot(root);
    }
}
