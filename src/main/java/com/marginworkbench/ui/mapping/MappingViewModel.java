package com.marginworkbench.ui.mapping;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.ui.workbench.UndoStack;
import com.marginworkbench.ui.workbench.WorkbenchViewModel;
import com.marginworkbench.ui.workbench.WorkbookLoader;
import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.cells.SheetPreview;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The state behind the mapping view: the workbook's cells, how it was read (table, row roles,
 * checks, confidence) and the user's corrections. Each correction reads the workbook again with
 * the new {@link ReadingHints} and shows the result in the whole window as one undoable step; the
 * project file then keeps the mapping.
 */
public final class MappingViewModel {
    /** Runs a read off the UI thread and hands its result back on it; tests run both at once. */
    public interface Worker {
        Worker NOW = new Worker() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
                try {
                    done.accept(work.call());
                } catch (Exception e) {
                    failed.accept(e);
                }
            }
        };

        <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed);
    }

    /** Units the user can state, with the multiplier that turns the cells into amounts. */
    public enum Units {
        AS_FOUND("As the workbook says", null, null),
        ONES("Units (as written)", "units", 1.0),
        THOUSANDS("Thousands", "thousands", 1_000.0),
        MILLIONS("Millions", "millions", 1_000_000.0);

        private final String label;
        private final String words;
        private final Double scale;

        Units(String label, String words, Double scale) {
            this.label = label;
            this.words = words;
            this.scale = scale;
        }

        public String words() {
            return words;
        }

        public Double scale() {
            return scale;
        }

        @Override
        public String toString() {
            return label;
        }

        static Units of(ReadingHints h) {
            for (Units u : values()) {
                if (u.scale != null && u.scale.equals(h.unitScale())) {
                    return u;
                }
            }
            return AS_FOUND;
        }
    }

    private final WorkbenchViewModel vm;
    private final WorkbookLoader loader;
    private final Worker worker;
    private final ReadOnlyObjectWrapper<SheetPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>(this, "reading");
    private final StringProperty sheet = new SimpleStringProperty(this, "sheet", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Map<Integer, Reading.Row> rowsOnSheet = Map.of();

    public MappingViewModel(WorkbenchViewModel vm, WorkbookLoader loader, Worker worker) {
        this.vm = vm;
        this.loader = loader;
        this.worker = worker;
        vm.structureVersionProperty().addListener((obs, o, n) -> refresh());
        sheet.addListener((obs, o, n) -> indexRows());
        refresh();
    }

    /** Takes the window's current reading; reads the cells again when another workbook is open. */
    public void refresh() {
        Reading r = ReaderAdapter.reading(vm.source());
        reading.set(r);
        Path file = vm.fileProperty().get();
        SheetPreview p = preview.get();
        if (file != null && (p == null || !file.equals(previewFile))) {
            loadPreview(file);
        }
        if ((sheet.get() == null || sheet.get().isEmpty() || p == null) && r.table() != null) {
            sheet.set(r.table().sheet());
        }
        indexRows();
    }

    private Path previewFile;

    private void loadPreview(Path file) {
        previewFile = file;
        worker.run(() -> ReaderAdapter.preview(file), p -> {
            preview.set(p);
            if ((sheet.get() == null || sheet.get().isEmpty() || p.sheet(sheet.get()) == null) && !p.sheets().isEmpty()) {
                Reading r = reading.get();
                sheet.set(r != null && r.table() != null ? r.table().sheet() : p.sheets().get(0).name());
            }
        }, e -> message.set(e.getMessage()));
    }

    private void indexRows() {
        Map<Integer, Reading.Row> m = new HashMap<>();
        Reading r = reading.get();
        if (r != null) {
            for (Reading.Row row : r.rows()) {
                if (row.sheet().equals(sheet.get())) {
                    m.put(row.row(), row);
                }
            }
        }
        rowsOnSheet = m;
    }

    // ----- what the view shows -----

    /** The role the reading gave a 1-based row of the chosen sheet, or null when it was not looked at. */
    public Reading.Row row(int row1) {
        return rowsOnSheet.get(row1);
    }

    /** {@code Sheet!12}: how the mapping names a row of the chosen sheet. */
    public String rowKey(int row1) {
        return sheet.get() + "!" + row1;
    }

    public boolean flipped(int row1) {
        return hints().flipAllCosts() != hints().flippedRows().contains(rowKey(row1));
    }

    /** The 1-based header row on the chosen sheet, or 0 when the table read is elsewhere. */
    public int headerRow() {
        Reading.Table t = tableOnSheet();
        return t == null ? 0 : t.headerRow();
    }

    /** The label column's letter on the chosen sheet, or "" when the table read is elsewhere. */
    public String labelColumn() {
        Reading.Table t = tableOnSheet();
        return t == null || t.labelColumn() == null ? "" : t.labelColumn();
    }

    private Reading.Table tableOnSheet() {
        Reading r = reading.get();
        if (r == null) {
            return null;
        }
        return r.tables().stream().filter(t -> t.sheet().equals(sheet.get())).findFirst().orElse(null);
    }

    public ReadingHints hints() {
        return vm.hints();
    }

    // ----- corrections (each one re-reads and is one undoable step) -----

    /** Reads only these ranges ({@code 'Sheet'!A1:N40}), in period order. */
    public void readRanges(List<String> ranges) {
        ReadingHints h = hints();
        change("table " + String.join(", ", ranges), new ReadingHints(ranges, null, null, h.roles(), h.flippedRows(),
                h.flipAllCosts(), h.units(), h.unitScale(), List.of()));
    }

    /** Adds a range after the ones read (a statement that goes on on another sheet or block). */
    public void addRange(String range) {
        List<String> now = new ArrayList<>(hints().tables());
        if (now.isEmpty()) {
            Reading r = reading.get();
            if (r != null) {
                r.tables().forEach(t -> now.add(t.reference()));
            }
        }
        if (!now.contains(range)) {
            now.add(range);
        }
        readRanges(now);
    }

    /** Forgets the ranges, header row, label column and period columns: the reader finds the table again. */
    public void automaticTable() {
        ReadingHints h = hints();
        change("automatic table", new ReadingHints(List.of(), null, null, h.roles(), h.flippedRows(), h.flipAllCosts(),
                h.units(), h.unitScale(), List.of()));
    }

    public void setHeaderRow(int row1) {
        ReadingHints h = hints();
        change("header row " + row1, new ReadingHints(currentTables(), row1, h.labelColumn(), h.roles(),
                h.flippedRows(), h.flipAllCosts(), h.units(), h.unitScale(), h.periodColumns()));
    }

    public void setLabelColumn(String column) {
        ReadingHints h = hints();
        change("label column " + column, new ReadingHints(currentTables(), h.headerRow(), column, h.roles(),
                h.flippedRows(), h.flipAllCosts(), h.units(), h.unitScale(), h.periodColumns()));
    }

    /** Sets the role of rows of the chosen sheet (1-based); null gives them back to the reader. */
    public void setRole(List<Integer> rows1, RowRole role) {
        ReadingHints h = hints();
        Map<String, RowRole> roles = new LinkedHashMap<>(h.roles());
        for (int r : rows1) {
            if (role == null) {
                roles.remove(rowKey(r));
            } else {
                roles.put(rowKey(r), role);
            }
        }
        String what = (role == null ? "reader's role" : "role " + role.label()) + " for "
                + (rows1.size() == 1 ? "row " + rows1.get(0) : rows1.size() + " rows");
        change(what, new ReadingHints(h.tables(), h.headerRow(), h.labelColumn(), roles, h.flippedRows(),
                h.flipAllCosts(), h.units(), h.unitScale(), h.periodColumns()));
    }

    /** Flips the sign of rows of the chosen sheet (a flipped row flips back). */
    public void flipRows(List<Integer> rows1) {
        ReadingHints h = hints();
        Set<String> flipped = new HashSet<>(h.flippedRows());
        for (int r : rows1) {
            if (!flipped.remove(rowKey(r))) {
                flipped.add(rowKey(r));
            }
        }
        change("sign of " + (rows1.size() == 1 ? "row " + rows1.get(0) : rows1.size() + " rows"),
                new ReadingHints(h.tables(), h.headerRow(), h.labelColumn(), h.roles(), flipped, h.flipAllCosts(),
                        h.units(), h.unitScale(), h.periodColumns()));
    }

    public void setFlipAllCosts(boolean flip) {
        ReadingHints h = hints();
        if (h.flipAllCosts() == flip) {
            return;
        }
        change(flip ? "sign of all costs" : "sign of all costs back", new ReadingHints(h.tables(), h.headerRow(),
                h.labelColumn(), h.roles(), h.flippedRows(), flip, h.units(), h.unitScale(), h.periodColumns()));
    }

    public void setUnits(Units units) {
        ReadingHints h = hints();
        if (Units.of(h) == units) {
            return;
        }
        change("units " + units, new ReadingHints(h.tables(), h.headerRow(), h.labelColumn(), h.roles(),
                h.flippedRows(), h.flipAllCosts(), units.words(), units.scale(), h.periodColumns()));
    }

    /** Counts only these columns (letters) as periods, e.g. the Actual ones; empty: the reader chooses. */
    public void setPeriodColumns(List<String> columns) {
        ReadingHints h = hints();
        change(columns.isEmpty() ? "period columns chosen by the reader" : "period columns " + String.join(" ", columns),
                new ReadingHints(currentTables(), h.headerRow(), h.labelColumn(), h.roles(), h.flippedRows(),
                        h.flipAllCosts(), h.units(), h.unitScale(), columns));
    }

    public Units units() {
        return Units.of(hints());
    }

    /** The ranges named, or the ones the reader chose, so a header row or label column has a table to apply to. */
    private List<String> currentTables() {
        if (!hints().tables().isEmpty()) {
            return hints().tables();
        }
        Reading r = reading.get();
        return r == null ? List.of() : r.tables().stream().map(Reading.Table::reference).toList();
    }

    private void change(String what, ReadingHints next) {
        if (next.equals(hints()) || vm.fileProperty().get() == null) {
            return;
        }
        Path file = vm.fileProperty().get();
        ReadResult before = vm.source();
        ReadingHints beforeHints = hints();
        busy.set(true);
        message.set("Reading " + file.getFileName() + " with " + what + "…");
        worker.run(() -> loader.load(file, Progress.NONE, next), read -> {
            busy.set(false);
            message.set("Read again with " + what);
            vm.undoStack().execute(new MappingEdit("mapping: " + what, before, beforeHints, read, next));
        }, e -> {
            busy.set(false);
            message.set("Not changed: " + e.getMessage());
        });
    }

    /** A mapping change: shows the new reading; undoing shows the earlier one again (no read needed). */
    private final class MappingEdit implements UndoStack.Edit {
        private final String description;
        private final ReadResult before;
        private final ReadingHints beforeHints;
        private final ReadResult after;
        private final ReadingHints afterHints;

        MappingEdit(String description, ReadResult before, ReadingHints beforeHints, ReadResult after,
                    ReadingHints afterHints) {
            this.description = description;
            this.before = before;
            this.beforeHints = beforeHints;
            this.after = after;
            this.afterHints = afterHints;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void apply() {
            vm.reread(after, afterHints);
        }

        @Override
        public void revert() {
            vm.reread(before, beforeHints);
        }
    }

    // ----- properties -----

    public ReadOnlyObjectProperty<SheetPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public Reading reading() {
        return reading.get();
    }

    public StringProperty sheetProperty() {
        return sheet;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Undoes the window's last step (a mapping edit is one, like any edit of a line). */
    public void undo() {
        vm.undo();
    }

    public void redo() {
        vm.redo();
    }

    /** The window's one undo history, for the Undo and Redo buttons' state. */
    public UndoStack undoStack() {
        return vm.undoStack();
    }

    /** How many revenue lines the current reading gave (0 before a workbook is read). */
    public int revenueLines() {
        return vm.model() == null ? 0 : vm.model().revenue().size();
    }

    /** How many cost lines the current reading gave (0 before a workbook is read). */
    public int costLines() {
        return vm.model() == null ? 0 : vm.model().costs().size();
    }

    /** Column letters of a 0-based column: 0 → A, 26 → AA. */
    public static String column(int c) {
        return com.marginworkbench.model.SourceRef.columnName(c);
    }

    /** {@code 'Sheet'!B3:N40} from 0-based corners. */
    public static String range(String sheet, int r0, int c0, int r1, int c1) {
        return "'" + sheet.replace("'", "''") + "'!" + com.marginworkbench.model.SourceRef.cellName(r0, c0) + ":"
                + com.marginworkbench.model.SourceRef.cellName(r1, c1);
    }
}
