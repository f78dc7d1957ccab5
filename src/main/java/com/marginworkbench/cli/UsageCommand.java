package com.marginworkbench.cli;

import com.marginworkbench.app.UsageProject;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.usage.Concentration;
import com.marginworkbench.usage.CustomerEconomics;
import com.marginworkbench.usage.GroupPeriod;
import com.marginworkbench.usage.HeavyUsers;
import com.marginworkbench.usage.ModelCost;
import com.marginworkbench.usage.Reconciliation;
import com.marginworkbench.usage.UsageEconomics;
import com.marginworkbench.usage.WorkbookInference;
import com.marginworkbench.usage.imports.ImportException;
import com.marginworkbench.usage.imports.ImportProblem;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.RevenueImporter;
import com.marginworkbench.usage.imports.UsageAnalysis;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageImporter;
import com.marginworkbench.usage.imports.UsageSettings;
import com.marginworkbench.workbook.WorkbookReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code usage USAGE_FILE...}: per-customer AI economics from LLM spend exports, with revenue per
 * customer, cost concentration, the measured heavy-user lever and the reconciliation with the
 * workbook's inference lines, as a table or as JSON.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Reads LLM usage or spend exports (LiteLLM, Langfuse, Helicone, OpenAI, Anthropic, or"
                + " customer,date,cost) and prints AI cost, revenue and margin per customer, the accounts under water,"
                + " cost concentration, the measured heavy-user share and multiplier, and cost by model."})
public final class UsageCommand implements Callable<Integer> {
    /** How many customers the plain table lists before pointing to --json. */
    private static final int TABLE_CUSTOMERS = 25;

    @Parameters(index = "0..*", arity = "0..*", paramLabel = "USAGE_FILE",
            description = "Usage or spend exports: CSV, JSON, or JSON lines. With --workbook and none named, the"
                    + " files the workbook's project keeps (from the window's Customers tab).")
    private List<Path> usageFiles = new ArrayList<>();

    @Option(names = "--revenue", paramLabel = "FILE",
            description = "Revenue per customer: CSV of customer, date or period, amount, or a Stripe payments or"
                    + " invoices export (repeatable).")
    private List<Path> revenueFiles = new ArrayList<>();

    @Option(names = "--customers", paramLabel = "MAP.csv",
            description = "Which customer each user, key, team or project belongs to: CSV of identity,customer[,plan].")
    private Path customers;

    @Option(names = "--workbook", paramLabel = "WORKBOOK",
            description = "Reconcile with the workbook's customer-facing inference lines, month by month, and apply"
                    + " the usage settings its project file keeps (column mapping, model prices, heavy-user cut)"
                    + " where no option is typed.")
    private Path workbook;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD",
            description = "Which column holds which field, for a file no preset knows (repeatable). Fields: customer,"
                    + " user, project, team, key, plan, date, cost, cost_cents, model, input_tokens, output_tokens,"
                    + " cached_tokens, cache_read_tokens, tokens, requests, kind, note.")
    private List<String> map = new ArrayList<>();

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Model prices put over the bundled table (model,input_per_1m,output_per_1m[,cached_input_per_1m]),"
                    + " for rows with tokens and no cost.")
    private Path prices;

    @Option(names = "--heavy-cut", paramLabel = "PCT",
            description = "Share of customers counted as heavy users, in percent (default: the project's, else 10,"
                    + " the top decile).")
    private String heavyCut;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Mixin
    private ProjectOptions projects;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, UsageField> mapping;
            try {
                mapping = UsageImporter.parseMapping(map);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Double cut = null;
            if (heavyCut != null) {
                cut = LeverOptions.parsePercent(heavyCut);
                if (cut == null || !(cut > 0 && cut < 1)) {
                    throw new ParameterException(spec.commandLine(), "--heavy-cut: '" + heavyCut
                            + "' must be a percentage above 0 and below 100, like 10");
                }
            }
            if (projects.conflicting()) {
                err.println("margin-workbench: --project and --no-project contradict each other; give one.");
                return 2;
            }
            Map<YearMonth, Double> inference = null;
            UsageSettings saved = UsageSettings.NONE;
            if (workbook != null) {
                ProjectOptions.Opened opened = projects.open(workbook, new LeverOptions(), err);
                inference = WorkbookInference.customerFacing(opened.assessment().model(), opened.assessment().decisions());
                saved = savedSettings(err);
            }
            List<Path> usage = usageFiles;
            List<Path> revenue = revenueFiles;
            Path customerMap = customers;
            List<String> applied = new ArrayList<>();
            if (usage.isEmpty() && !saved.usageFiles().isEmpty()) {
                usage = saved.usageFiles();
                applied.add(usage.size() + " usage file(s)");
                if (revenue.isEmpty() && !saved.revenueFiles().isEmpty()) {
                    revenue = saved.revenueFiles();
                    applied.add(revenue.size() + " revenue file(s)");
                }
                if (customerMap == null && saved.customers() != null) {
                    customerMap = saved.customers();
                    applied.add("the customer map");
                }
            }
            if (usage.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "name at least one USAGE_FILE"
                        + (workbook == null ? "" : " (the workbook's project keeps none)"));
            }
            if (mapping.isEmpty() && !saved.mapping().isEmpty()) {
                mapping = saved.mapping();
                applied.add("the column mapping (" + mapping.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().key()).collect(Collectors.joining(", ")) + ")");
            }
            if (cut == null && saved.heavyCut() != null) {
                cut = saved.heavyCut();
                applied.add(String.format(Locale.ROOT, "the heavy-user cut (top %s%%)", percent(cut)));
            }
            PriceTable table = PriceTable.bundled();
            if (!saved.prices().isEmpty()) {
                table = table.withOverrides(saved.prices());
                applied.add(saved.prices().size() + " model price(s)" + (prices == null ? "" : ", with --prices over them"));
            }
            if (prices != null) {
                table = table.withOverrides(prices);
            }
            if (!applied.isEmpty()) {
                err.println("margin-workbench: using the usage settings of the workbook's project file: "
                        + String.join("; ", applied));
            }
            UsageAnalysis.Report report = UsageAnalysis.run(new UsageAnalysis.Request(usage, revenue, customerMap,
                    mapping, table, cut == null ? HeavyUsers.DEFAULT_CUT : cut, inference));
            if (json) {
                out.println(SummaryCommand.JsonText.write(toJson(report)));
            } else {
                printTable(out, report);
            }
            return 0;
        } catch (ImportException | WorkbookReadException | Workbench.ProjectException e) {
            err.println("margin-workbench: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("margin-workbench: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The usage settings of the workbook's project file (none with --no-project); a bad entry is named and left out. */
    private UsageSettings savedSettings(PrintWriter err) throws Workbench.ProjectException {
        Optional<Path> file = Workbench.readProject(workbook, projects.choice(), projects.location()).file();
        if (file.isEmpty()) {
            return UsageSettings.NONE;
        }
        try {
            UsageProject.Loaded loaded = UsageProject.read(workbook, file.get());
            for (String note : loaded.notes()) {
                err.println("margin-workbench: " + note);
            }
            return loaded.settings();
        } catch (IOException e) {
            err.println("margin-workbench: " + e.getMessage() + "; no saved usage settings are used");
            return UsageSettings.NONE;
        }
    }

    private static String percent(double share) {
        String s = String.format(Locale.ROOT, "%.2f", share * 100);
        return s.replaceAll("\\.?0+$", "");
    }

    // ---------------------------------------------------------------- JSON

    static Map<String, Object> toJson(UsageAnalysis.Report report) {
        UsageEconomics e = report.economics();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rows", e.rows());
        root.put("pricedFromTable", e.pricedFromTable());
        root.put("periods", e.periods().stream().map(YearMonth::toString).toList());
        root.put("totalCost", e.totalCost());
        List<Object> cs = new ArrayList<>();
        for (CustomerEconomics c : e.customers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("cost", c.cost());
            m.put("revenue", c.revenue());
            m.put("margin", c.margin());
            m.put("requests", c.requests());
            cs.add(m);
        }
        root.put("customers", cs);
        Concentration k = e.concentration();
        Map<String, Object> conc = new LinkedHashMap<>();
        conc.put("top1pct", k.top1pct());
        conc.put("top5pct", k.top5pct());
        conc.put("top10pct", k.top10pct());
        root.put("concentration", conc);
        Map<String, Object> heavy = new LinkedHashMap<>();
        heavy.put("share", e.heavyUsers().share());
        heavy.put("multiplier", e.heavyUsers().multiplier());
        root.put("heavyUsers", heavy);
        List<Object> models = new ArrayList<>();
        for (ModelCost mc : e.byModel()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", mc.model());
            m.put("cost", mc.cost());
            m.put("tokens", mc.tokens());
            models.add(m);
        }
        root.put("byModel", models);
        Map<String, Object> rec = new LinkedHashMap<>();
        Reconciliation r = report.reconciliation();
        rec.put("workbookInference", r == null ? null : r.workbookInference());
        rec.put("coverage", r == null ? null : r.coverage());
        root.put("reconciliation", rec);
        List<Object> problems = new ArrayList<>();
        for (ImportProblem p : report.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", p.source());
            m.put("message", p.message());
            problems.add(m);
        }
        root.put("problems", problems);
        return root;
    }

    // ---------------------------------------------------------------- table

    private void printTable(PrintWriter out, UsageAnalysis.Report report) {
        UsageEconomics e = report.economics();
        for (UsageImporter.FileResult f : report.usageFiles()) {
            out.printf(Locale.ROOT, "%s: %s, %,d rows%s%n", f.file(), f.format(), f.rows(),
                    f.badRows() == 0 ? "" : ", " + f.badRows() + " bad (see problems)");
        }
        for (RevenueImporter.FileResult f : report.revenueFiles()) {
            out.printf(Locale.ROOT, "%s: %s, %,d rows%s%s%n", f.file(), f.format(), f.rows(),
                    f.notPaid() == 0 ? "" : ", " + f.notPaid() + " not paid (not revenue)",
                    f.badRows() == 0 ? "" : ", " + f.badRows() + " bad (see problems)");
        }
        out.printf(Locale.ROOT, "Rows: %,d; priced from the model price table (%s): %,d%n", e.rows(),
                report.pricesAsOf(), e.pricedFromTable());
        if (!e.periods().isEmpty()) {
            out.printf("Months: %s to %s%n", e.periods().get(0), e.periods().get(e.periods().size() - 1));
        }
        out.printf(Locale.ROOT, "AI cost: %s; AI revenue: %s; customers: %d, under water: %d%n", money(e.totalCost()),
                e.totalRevenue() == null ? "not given (--revenue)" : money(e.totalRevenue()), e.customers().size(),
                e.underWater().size());
        out.println();
        out.printf("%-28s %14s %14s %9s %12s%n", "Customer", "AI cost", "AI revenue", "Margin", "Requests");
        int shown = 0;
        for (CustomerEconomics c : e.customers()) {
            if (shown++ == TABLE_CUSTOMERS) {
                out.printf("... %d more customers (--json lists them all)%n", e.customers().size() - TABLE_CUSTOMERS);
                break;
            }
            out.printf(Locale.ROOT, "%-28s %14s %14s %9s %,12d%s%n", clip(c.id(), 28), money(c.cost()),
                    c.revenue() == null ? "-" : money(c.revenue()), pct(c.margin()), c.requests(),
                    c.underWater() ? "  UNDER WATER" : "");
        }
        Concentration k = e.concentration();
        out.println();
        out.printf(Locale.ROOT, "Cost concentration: top 1%% of customers %s, top 5%% %s, top 10%% %s (Gini %.2f)%n",
                pct(k.top1pct()), pct(k.top5pct()), pct(k.top10pct()), k.gini());
        HeavyUsers h = e.heavyUsers();
        out.printf(Locale.ROOT, "Heavy users (top %s by AI cost per active month): share %s, multiplier %.2fx"
                        + " (%d of %d customers)%n", pct(h.cut()), pct(h.share()), h.multiplier(), h.heavy(),
                h.customers());
        out.println();
        out.printf("%-32s %14s %16s %12s %14s%n", "Model", "Cost", "Tokens", "Per request", "Per 1M tokens");
        for (ModelCost m : e.byModel()) {
            out.printf(Locale.ROOT, "%-32s %14s %,16d %12s %14s%n", clip(m.model(), 32), money(m.cost()), m.tokens(),
                    m.costPerRequest() == null ? "-" : String.format(Locale.ROOT, "$%.4f", m.costPerRequest()),
                    m.costPerMillionTokens() == null ? "-" : String.format(Locale.ROOT, "$%.2f", m.costPerMillionTokens()));
        }
        Map<String, double[]> groups = new TreeMap<>();
        for (GroupPeriod g : e.groups()) {
            double[] v = groups.computeIfAbsent(g.group(), x -> new double[3]);
            v[0] += g.cost();
            v[1] += g.revenue() == null ? 0 : g.revenue();
            v[2] = g.revenue() == null ? 1 : v[2];
        }
        if (groups.size() > 1) {
            out.println();
            out.printf("%-28s %14s %14s %9s%n", "Plan or team", "AI cost", "AI revenue", "Margin");
            groups.forEach((name, v) -> out.printf(Locale.ROOT, "%-28s %14s %14s %9s%n", clip(name, 28), money(v[0]),
                    e.totalRevenue() == null ? "-" : money(v[1]),
                    e.totalRevenue() == null || v[1] == 0 ? "-" : pct((v[1] - v[0]) / v[1])));
        }
        Reconciliation r = report.reconciliation();
        if (r != null) {
            out.println();
            out.println("Reconciliation with the workbook's customer-facing inference (nothing scaled):");
            out.printf("%-10s %14s %14s %10s %14s%n", "Month", "Imported", "Workbook", "Coverage", "Gap");
            for (Reconciliation.Month m : r.months()) {
                out.printf(Locale.ROOT, "%-10s %14s %14s %10s %14s%n", m.period(), money(m.imported()), money(m.workbook()),
                        pct(m.coverage()), money(m.gap()));
            }
            out.printf(Locale.ROOT, "%-10s %14s %14s %10s %14s%n", "Total", money(r.imported()), money(r.workbookInference()),
                    pct(r.coverage()), money(r.gap()));
            if (r.outside() != 0) {
                out.printf(Locale.ROOT, "Imported cost in months the workbook does not have: %s%n", money(r.outside()));
            }
        }
        if (!report.problems().isEmpty()) {
            out.println();
            out.printf("Problems (%d):%n", report.problemCount());
            for (ImportProblem p : report.problems()) {
                out.println("  " + p);
            }
        }
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%s$%,.2f", v < 0 ? "-" : "", Math.abs(v));
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
