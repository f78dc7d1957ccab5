package com.marginworkbench.app;

import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.UsageDto;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageSettings;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The usage settings a workbook's project file keeps (see {@link UsageSettings}), for the window's
 * Customers view and the {@code usage} command alike. Paths are written relative to the workbook's
 * folder where possible, so a folder moved with its files keeps working.
 */
public final class UsageProject {
    private UsageProject() {
    }

    /**
     * Saved settings; {@code notes} names each saved entry that could not be used (a hand edit: a
     * field name the program does not know, a price that is not a number) and was left out.
     */
    public record Loaded(UsageSettings settings, List<String> notes) {
        public static final Loaded NONE = new Loaded(UsageSettings.NONE, List.of());

        public Loaded {
            notes = List.copyOf(notes);
        }
    }

    /** The usage settings in {@code projectFile} for {@code workbook}; {@link Loaded#NONE} when there are none. */
    public static Loaded read(Path workbook, Path projectFile) throws IOException {
        if (projectFile == null) {
            return Loaded.NONE;
        }
        var dto = ProjectFile.readUsage(projectFile);
        return dto.isEmpty() ? Loaded.NONE : fromDto(folder(workbook), dto.get(), projectFile.getFileName().toString());
    }

    /**
     * Writes {@code settings} into the usage section of {@code projectFile}, leaving the rest of the
     * file as it is. Returns false when the project file does not exist yet: the settings are then
     * written with the decisions by the next save of the project (mark it as changed).
     */
    public static boolean save(Path workbook, Path projectFile, UsageSettings settings) throws IOException {
        return ProjectFile.saveUsage(projectFile, toDto(folder(workbook), settings),
                workbook == null || workbook.getFileName() == null ? null : workbook.getFileName().toString());
    }

    private static Path folder(Path workbook) {
        Path p = workbook == null ? null : workbook.toAbsolutePath().getParent();
        return p == null ? Path.of("").toAbsolutePath() : p;
    }

    static UsageDto toDto(Path base, UsageSettings s) {
        UsageDto d = new UsageDto();
        for (Path p : s.usageFiles()) {
            d.usageFiles.add(relative(base, p));
        }
        for (Path p : s.revenueFiles()) {
            d.revenueFiles.add(relative(base, p));
        }
        d.customers = s.customers() == null ? null : relative(base, s.customers());
        s.mapping().forEach((col, f) -> d.columns.put(col, f.key()));
        s.prices().forEach((model, p) -> {
            UsageDto.PriceDto pd = new UsageDto.PriceDto();
            pd.model = model;
            pd.inputPer1M = p.input();
            pd.outputPer1M = p.output();
            pd.cachedInputPer1M = p.cachedInput();
            d.prices.add(pd);
        });
        d.heavyCut = s.heavyCut();
        return d;
    }

    static Loaded fromDto(Path base, UsageDto d, String fileName) {
        List<String> notes = new ArrayList<>();
        List<Path> usage = paths(base, d.usageFiles, fileName, notes);
        List<Path> revenue = paths(base, d.revenueFiles, fileName, notes);
        List<Path> customers = paths(base, d.customers == null ? List.of() : List.of(d.customers), fileName, notes);
        Map<String, UsageField> mapping = new LinkedHashMap<>();
        if (d.columns != null) {
            d.columns.forEach((col, key) -> {
                UsageField f = key == null ? null : UsageField.parse(key);
                if (col == null || col.isBlank() || f == null) {
                    notes.add(fileName + ": the usage column mapping " + col + "=" + key + " names no field ("
                            + UsageField.names() + "); it was left out");
                } else {
                    mapping.put(col, f);
                }
            });
        }
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
        if (d.prices != null) {
            for (UsageDto.PriceDto p : d.prices) {
                if (p == null || p.model == null || p.model.isBlank() || !price(p.inputPer1M) || !price(p.outputPer1M)
                        || (p.cachedInputPer1M != null && !price(p.cachedInputPer1M))) {
                    notes.add(fileName + ": the model price " + (p == null ? "" : p.model) + " needs a model name and"
                            + " input and output prices of 0 or more per million tokens; it was left out");
                } else {
                    prices.put(p.model.trim().toLowerCase(Locale.ROOT),
                            new PriceTable.Price(p.inputPer1M, p.outputPer1M, p.cachedInputPer1M));
                }
            }
        }
        Double cut = d.heavyCut;
        if (cut != null && !(cut > 0 && cut < 1)) {
            notes.add(fileName + ": the heavy-user cut " + cut + " is not a share between 0 and 1; the top decile is used");
            cut = null;
        }
        return new Loaded(new UsageSettings(usage, revenue, customers.isEmpty() ? null : customers.get(0), mapping,
                prices, cut), notes);
    }

    private static boolean price(Double v) {
        return v != null && v >= 0 && !v.isInfinite() && !v.isNaN();
    }

    private static List<Path> paths(Path base, List<String> names, String fileName, List<String> notes) {
        List<Path> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (String n : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            try {
                out.add(base.resolve(n).normalize());
            } catch (InvalidPathException e) {
                notes.add(fileName + ": the usage file name '" + n + "' is not a path on this machine; it was left out");
            }
        }
        return out;
    }

    /** {@code p} relative to {@code base} with {@code /} between folders, or absolute when it is on another drive. */
    static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            if (abs.getRoot() != null && abs.getRoot().equals(base.getRoot())) {
                return base.relativize(abs).toString().replace(abs.getFileSystem().getSeparator(), "/");
            }
        } catch (IllegalArgumentException e) {
            // another drive: keep the absolute path
        }
        return abs.toString();
    }
}
