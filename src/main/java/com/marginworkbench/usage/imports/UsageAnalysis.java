package com.marginworkbench.usage.imports;

import com.marginworkbench.usage.Reconciliation;
import com.marginworkbench.usage.RevenueLedger;
import com.marginworkbench.usage.UsageEconomics;
import com.marginworkbench.usage.UsageLedger;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole import: the customer mapping, the usage files, the revenue files, then the economics
 * and the reconciliation with the workbook. The command line and the window both call this.
 */
public final class UsageAnalysis {
    /**
     * What to read.
     *
     * @param usageFiles        usage or spend exports (at least one)
     * @param revenueFiles      revenue files (none: revenue and margins unknown)
     * @param customersFile     identity → customer mapping, or null
     * @param mapping           column → field for files no preset knows
     * @param prices            the model price table (bundled, with the project's overrides)
     * @param heavyCut          share of customers counted as heavy (0.1 = top decile)
     * @param workbookInference the workbook's customer-facing inference per month, or null without a workbook
     */
    public record Request(List<Path> usageFiles, List<Path> revenueFiles, Path customersFile,
                          Map<String, UsageField> mapping, PriceTable prices, double heavyCut,
                          Map<YearMonth, Double> workbookInference) {
        public Request {
            usageFiles = List.copyOf(usageFiles);
            revenueFiles = List.copyOf(revenueFiles);
            mapping = Map.copyOf(mapping);
            if (prices == null) {
                prices = PriceTable.bundled();
            }
        }
    }

    /** What came out. {@code reconciliation} is null without a workbook. */
    public record Report(UsageEconomics economics, Reconciliation reconciliation,
                         List<UsageImporter.FileResult> usageFiles, List<RevenueImporter.FileResult> revenueFiles,
                         List<ImportProblem> problems, long problemCount, String pricesAsOf) {
        public Report {
            usageFiles = List.copyOf(usageFiles);
            revenueFiles = List.copyOf(revenueFiles);
            problems = List.copyOf(problems);
        }
    }

    private UsageAnalysis() {
    }

    /** Reads everything; a file that cannot be read at all stops the run with its one-line message. */
    public static Report run(Request r) throws ImportException {
        if (r.usageFiles().isEmpty()) {
            throw new ImportException("no usage file given; name at least one usage or spend export");
        }
        Problems problems = new Problems();
        CustomerMap map = r.customersFile() == null ? CustomerMap.EMPTY : CustomerMap.read(r.customersFile(), problems);
        UsageLedger usage = new UsageLedger();
        UsageImporter ui = new UsageImporter(usage, map, r.prices(), r.mapping(), problems);
        List<UsageImporter.FileResult> uf = new ArrayList<>();
        for (Path p : r.usageFiles()) {
            uf.add(ui.read(p));
        }
        map.plans().forEach(usage::setGroup);
        RevenueLedger revenue = null;
        List<RevenueImporter.FileResult> rf = new ArrayList<>();
        if (!r.revenueFiles().isEmpty()) {
            revenue = new RevenueLedger();
            RevenueImporter ri = new RevenueImporter(revenue, map, problems);
            for (Path p : r.revenueFiles()) {
                rf.add(ri.read(p));
            }
        }
        UsageEconomics e = UsageEconomics.compute(usage, revenue, r.heavyCut());
        Reconciliation rec = r.workbookInference() == null ? null
                : Reconciliation.of(e.costByMonth(), r.workbookInference());
        List<ImportProblem> list = problems.list();
        return new Report(e, rec, uf, rf, list, problems.count(), r.prices().asOf());
    }
}
