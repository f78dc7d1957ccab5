package com.marginworkbench.ui.customers;

import com.marginworkbench.app.UsageProject;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.usage.CustomerEconomics;
import com.marginworkbench.usage.HeavyUsers;
import com.marginworkbench.usage.Reconciliation;
import com.marginworkbench.usage.UsageEconomics;
import com.marginworkbench.usage.imports.ImportException;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.UnmappedFileException;
import com.marginworkbench.usage.imports.UsageAnalysis;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageSettings;
import com.marginworkbench.ui.workbench.StressViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Customers view's state: the usage, revenue and mapping files chosen, the last analysis
 * (computed by {@link UsageAnalysis}, never here), the rows of the table, and the measured
 * heavy-user values that "Use measured values" puts on the stress levers.
 */
public final class CustomersViewModel {
    private final StressViewModel stress;
    private final Supplier<Map<YearMonth, Double>> workbookInference;
    private final ObservableList<CustomerEconomics> rows = FXCollections.observableArrayList();
    private final ObjectProperty<UsageAnalysis.Report> report = new SimpleObjectProperty<>(this, "report");
    private final StringProperty status = new SimpleStringProperty(this, "status", "No usage imported yet.");
    private final List<Path> usageFiles = new ArrayList<>();
    private final List<Path> revenueFiles = new ArrayList<>();
    private final Map<String, UsageField> mapping = new LinkedHashMap<>();
    private final Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
    private Path customersFile;
    private Double heavyCut;
    /** The open workbook and its project file (null: none); the usage settings are kept there. */
    private StressViewModel.Document document;
    /** The settings as last read from or written to the project file. */
    private UsageSettings saved = UsageSettings.NONE;
    private Runnable onRestored = () -> { };
    /** Counts the workbooks shown; an import started for an earlier one is not shown. */
    private int generation;
    /** The import under way, if any; a new one cancels it. */
    private Task<UsageAnalysis.Report> running;
    private Consumer<Runnable> background = r -> {
        Thread t = new Thread(r, "customers-save");
        t.setDaemon(true);
        t.start();
    };

    /**
     * @param workbookInference the open workbook's customer-facing inference per month (null or empty
     *                          without a workbook), asked at each analysis
     */
    public CustomersViewModel(StressViewModel stress, Supplier<Map<YearMonth, Double>> workbookInference) {
        this.stress = stress;
        this.workbookInference = workbookInference;
        stress.documentProperty().addListener((o, a, d) -> open(d));
    }

    /**
     * Another workbook is shown: the usage settings its project file keeps replace the current ones
     * (none: the tab starts empty) and, when they name usage files, {@link #setOnRestored} runs to
     * import them again.
     */
    void open(StressViewModel.Document d) {
        document = d;
        generation++;
        restore(UsageSettings.NONE);
        saved = UsageSettings.NONE;
        report.set(null);
        rows.clear();
        status.set("No usage imported yet.");
        if (d == null) {
            return;
        }
        try {
            UsageProject.Loaded loaded = UsageProject.read(d.workbook(), d.projectFile());
            restore(loaded.settings());
            saved = loaded.settings();
            if (!loaded.notes().isEmpty()) {
                status.set(String.join("; ", loaded.notes()));
            }
        } catch (IOException e) {
            status.set(e.getMessage());
            return;
        }
        if (hasUsage()) {
            onRestored.run();
        }
    }

    /**
     * Reads the chosen usage files in the background and shows the result; a bad file's message goes
     * to the status line, and a file whose columns are not mapped also goes to {@code unmapped} (with
     * the reader's words) on the UI thread. An import replaced by a newer one, or started for a
     * workbook that is no longer shown, is not shown. Null when no usage files are chosen.
     */
    public Task<UsageAnalysis.Report> reload(BiConsumer<Path, String> unmapped) {
        if (!hasUsage()) {
            showError("Choose the usage or spend exports first (Usage…).");
            return null;
        }
        showError("Reading " + usageFiles.size() + " usage file(s)…");
        if (running != null && running.isRunning()) {
            running.cancel(false);
        }
        Task<UsageAnalysis.Report> t = new Task<>() {
            @Override
            protected UsageAnalysis.Report call() throws ImportException {
                return analyse();
            }
        };
        running = t;
        int shown = generation;
        t.setOnSucceeded(e -> {
            if (running == t && generation == shown) {
                show(t.getValue());
            }
        });
        t.setOnFailed(e -> {
            Throwable x = t.getException();
            if (running != t || generation != shown) {
                return;
            }
            failed(x instanceof ImportException ie ? ie.getMessage() : "Could not read the usage files: " + x);
            if (x instanceof UnmappedFileException u && u.file() != null) {
                unmapped.accept(u.file(), u.getMessage());
            }
        });
        Thread th = new Thread(t, "customers-import");
        th.setDaemon(true);
        th.start();
        return t;
    }

    /** Which workbook is shown (changes with each one), for imports that finish after another was opened. */
    public int generation() {
        return generation;
    }

    /** What to run when a reopened workbook's usage settings name files to import (the view reloads). */
    public void setOnRestored(Runnable r) {
        onRestored = r == null ? () -> { } : r;
    }

    /** Where the project file is written (a daemon thread by default; tests may run it at once). */
    void setBackground(Consumer<Runnable> b) {
        background = b;
    }

    /** The settings as they stand: files, column mapping, model prices, heavy-user cut. */
    public UsageSettings settings() {
        return new UsageSettings(usageFiles, revenueFiles, customersFile, mapping, prices, heavyCut);
    }

    /** Puts saved settings back (files, mapping, prices, cut); nothing is read until the next import. */
    public void restore(UsageSettings s) {
        setUsageFiles(s.usageFiles());
        setRevenueFiles(s.revenueFiles());
        setCustomersFile(s.customers());
        setMapping(s.mapping());
        setPrices(s.prices());
        heavyCut = s.heavyCut();
    }

    /**
     * Writes the settings into the open workbook's project file when they changed since it was
     * read or last written; off the UI thread. A failure is added to the status line.
     */
    public void saveSettings() {
        StressViewModel.Document d = document;
        UsageSettings now = settings();
        if (d == null || now.equals(saved)) {
            return;
        }
        saved = now;
        background.accept(() -> {
            try {
                if (!UsageProject.save(d.workbook(), d.projectFile(), now)) {
                    // no project file yet: the workbench writes the settings with its next save
                    javafx.application.Platform.runLater(stress::projectEdited);
                }
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> status.set(status.get()
                        + "; the usage settings could not be saved: " + e.getMessage()));
            }
        });
    }

    public Map<String, UsageField> mapping() {
        return Map.copyOf(mapping);
    }

    public void setPrices(Map<String, PriceTable.Price> p) {
        prices.clear();
        prices.putAll(p);
    }

    public Map<String, PriceTable.Price> prices() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /** The share of customers counted as heavy users (0.1: the top decile). */
    public double heavyCut() {
        return heavyCut == null ? HeavyUsers.DEFAULT_CUT : heavyCut;
    }

    public ObservableList<CustomerEconomics> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<UsageAnalysis.Report> reportProperty() {
        return report;
    }

    public UsageAnalysis.Report report() {
        return report.get();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public List<Path> usageFiles() {
        return List.copyOf(usageFiles);
    }

    public void setUsageFiles(List<Path> files) {
        usageFiles.clear();
        usageFiles.addAll(files);
    }

    public void setRevenueFiles(List<Path> files) {
        revenueFiles.clear();
        revenueFiles.addAll(files);
    }

    public void setCustomersFile(Path file) {
        customersFile = file;
    }

    public void setMapping(Map<String, UsageField> m) {
        mapping.clear();
        mapping.putAll(m);
    }

    public void setHeavyCut(double cut) {
        heavyCut = cut == HeavyUsers.DEFAULT_CUT ? null : cut;
    }

    public boolean hasUsage() {
        return !usageFiles.isEmpty();
    }

    /** Reads the chosen files; runs off the UI thread. */
    public UsageAnalysis.Report analyse() throws ImportException {
        Map<YearMonth, Double> inference = workbookInference == null ? null : workbookInference.get();
        UsageSettings s = settings();
        return UsageAnalysis.run(new UsageAnalysis.Request(s.usageFiles(), s.revenueFiles(), s.customers(), s.mapping(),
                s.priceTable(), s.cut(), inference == null || inference.isEmpty() ? null : inference));
    }

    /** Shows an analysis; on the UI thread. */
    public void show(UsageAnalysis.Report r) {
        report.set(r);
        rows.setAll(r.economics().customers());
        UsageEconomics e = r.economics();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d rows, %d customers, %d under water",
                e.rows(), e.customers().size(), e.underWater().size()));
        if (e.pricedFromTable() > 0) {
            s.append(String.format(Locale.ROOT, "; %,d rows priced from the model price table (%s)", e.pricedFromTable(),
                    r.pricesAsOf()));
        }
        if (r.problemCount() > 0) {
            s.append(String.format(Locale.ROOT, "; %,d bad rows left out, first: %s", r.problemCount(),
                    r.problems().get(0)));
        }
        status.set(s.toString());
        saveSettings();
    }

    public void showError(String message) {
        status.set(message);
    }

    /** An import that could not be done: the figures of earlier files go, the message stays. */
    public void failed(String message) {
        report.set(null);
        rows.clear();
        status.set(message);
    }

    /** The measured heavy users, or null before an import. */
    public HeavyUsers measured() {
        UsageAnalysis.Report r = report.get();
        return r == null ? null : r.economics().heavyUsers();
    }

    /** Puts the measured heavy-user share and multiplier on the stress levers (undo: Reset or a scenario). */
    public boolean useMeasured() {
        HeavyUsers h = measured();
        if (h == null || h.customers() < 2) {
            return false;
        }
        Levers l = stress.levers();
        stress.setLevers(l.withHeavyUsers(Math.min(1, h.share()), Math.min(1000, h.multiplier())));
        return true;
    }

    /** "Top 10% of customers: 55.5% of AI cost" and the like, for the summary line. */
    public String concentrationText() {
        UsageAnalysis.Report r = report.get();
        if (r == null) {
            return "";
        }
        var k = r.economics().concentration();
        return String.format(Locale.ROOT, "Top 1%% of customers: %.1f%% of AI cost · top 5%%: %.1f%% · top 10%%: %.1f%%"
                + " · Gini %.2f", k.top1pct() * 100, k.top5pct() * 100, k.top10pct() * 100, k.gini());
    }

    public String measuredText() {
        HeavyUsers h = measured();
        if (h == null) {
            return "Import usage in the Customers tab to measure heavy users.";
        }
        return String.format(Locale.ROOT, "Measured: heavy users %.1f%% at %.2f× (top %.0f%% by AI cost per month)",
                h.share() * 100, h.multiplier(), h.cut() * 100);
    }

    public String reconciliationText() {
        UsageAnalysis.Report r = report.get();
        if (r == null) {
            return "";
        }
        Reconciliation rec = r.reconciliation();
        if (rec == null) {
            return "No workbook inference to reconcile with.";
        }
        return String.format(Locale.ROOT, "Workbook customer-facing inference $%,.0f; imported $%,.0f; coverage %s;"
                        + " gap $%,.0f (nothing scaled)", rec.workbookInference(), rec.imported(),
                rec.coverage() == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rec.coverage() * 100), rec.gap());
    }
}
