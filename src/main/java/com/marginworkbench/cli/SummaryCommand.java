package com.marginworkbench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.marginworkbench.app.Assessment;
import com.marginworkbench.app.Workbench;
import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.margin.Decisions;
import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.GoalSeek;
import com.marginworkbench.margin.MarginMeasure;
import com.marginworkbench.margin.StressWalk;
import com.marginworkbench.margin.LeverAxis;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.Reading;
import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code summary WORKBOOK}: reads a workbook, runs the COGS test on every cost line with the
 * dictionary's suggestions, and prints reported against restated (and stressed) margins, as a
 * table or as JSON. Given a folder, it prints one line per workbook and carries on past failures.
 */
@Command(name = "summary", mixinStandardHelpOptions = true, modelTransformer = LeverOptions.FromCatalogue.class,
        description = "Reads a workbook (or every workbook in a folder) and prints reported, restated and stressed"
                + " gross margins.")
public final class SummaryCommand implements Callable<Integer> {
    /** How many lines the plain table prints before pointing to --json. */
    private static final int TABLE_LINES = 200;

    @Parameters(index = "0", paramLabel = "WORKBOOK", description = "An .xlsx, .xlsm or .xls file, or a folder of them.")
    private Path workbook;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--timings", description = "Add how long reading and computing took.")
    private boolean timings;

    @Mixin
    private LeverOptions levers;

    @Mixin
    private ProjectOptions projects;

    @Spec
    private CommandSpec spec;

    /** One workbook read and computed. */
    record Summary(ReadResult read, List<Classification> classifications, MarginEngine.Prepared prepared,
                   MarginResult result, Policy policy, long readMs, long computeMs) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (projects.conflicting()) {
                err.println("margin-workbench: --project and --no-project contradict each other; give one.");
                return 2;
            }
            if (Files.isDirectory(workbook)) {
                return folder(out, err);
            }
            Summary s = summarize(workbook, err);
            if (json) {
                out.println(JsonText.write(toJson(s)));
            } else {
                printTable(out, s);
            }
            return Unread.report(err, s.read());
        } catch (WorkbookReadException | Workbench.ProjectException e) {
            err.println("margin-workbench: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("margin-workbench: " + workbook + ": " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    Summary summarize(Path file, PrintWriter err) throws WorkbookReadException, Workbench.ProjectException {
        ProjectOptions.Opened opened = projects.open(file, levers, err);
        long t1 = System.nanoTime();
        Assessment a = opened.assessment();
        MarginEngine.Prepared prepared = a.prepare();
        MarginResult result = prepared.apply(a.levers());
        long t2 = System.nanoTime();
        return new Summary(a.current(), a.classifications(), prepared, result, a.policy(), opened.readMs(),
                (t2 - t1) / 1_000_000);
    }

    private int folder(PrintWriter out, PrintWriter err) throws IOException {
        List<Path> files = WorkbookFolder.list(workbook, p -> true);
        if (files.isEmpty()) {
            err.println("margin-workbench: " + workbook + " holds no .xlsx, .xlsm or .xls files.");
            return 2;
        }
        int failures = 0;
        int incomplete = 0;
        List<Object> all = new ArrayList<>();
        for (Path f : files) {
            try {
                Summary s = summarize(f, err);
                if (json) {
                    all.add(toJson(s));
                } else {
                    out.println(oneLine(s));
                }
                if (Unread.report(err, s.read()) != 0) {
                    incomplete++;
                }
            } catch (WorkbookReadException | Workbench.ProjectException e) {
                failures++;
                err.println("margin-workbench: " + e.getMessage());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("workbook", f.getFileName().toString());
                    m.put("error", e.getMessage());
                    all.add(m);
                }
            }
        }
        if (json) {
            out.println(JsonText.write(all));
        }
        return failures > 0 ? 2 : incomplete > 0 ? Unread.EXIT_CODE : 0;
    }

    /**
     * Kept apart so a plain-table run never loads Jackson. Writes the tree of maps, lists, strings,
     * numbers and booleans with Jackson's streaming generator: the data binder would add a fifth of
     * a second of start-up to every run for no difference in the text.
     */
    static final class JsonText {
        static String write(Object tree) throws IOException {
            java.io.StringWriter text = new java.io.StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
                value(g, tree);
            }
            return text.toString();
        }

        private static void value(JsonGenerator g, Object v) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Map<?, ?> m) {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.writeEndObject();
            } else if (v instanceof Iterable<?> list) {
                g.writeStartArray();
                for (Object o : list) {
                    value(g, o);
                }
                g.writeEndArray();
            } else if (v instanceof Double || v instanceof Float) {
                g.writeNumber(((Number) v).doubleValue());
            } else if (v instanceof Number n) {
                g.writeNumber(n.longValue());
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(String.valueOf(v));
            }
        }
    }

    // ---------------------------------------------------------------- JSON

    Map<String, Object> toJson(Summary s) {
        FinancialModel model = s.read.model();
        Figures t = s.result.total();
        Levers l = s.result.levers();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("workbook", s.read.file().getFileName().toString());
        root.put("framework", s.policy.framework().name());
        root.put("periods", model.periods().labels());
        Map<String, Object> lv = new LinkedHashMap<>();
        for (LeverAxis lever : LeverAxis.values()) {
            lv.put(lever.id(), lever.get(l));
        }
        lv.put("heavyUserBaseline", l.heavyUserBaseline());
        lv.put("heavyUserFactor", l.heavyUserFactor());
        lv.put("firstForecastPeriod", l.firstForecastPeriod() < 0 ? null
                : model.periods().label(l.firstForecastPeriod()));
        root.put("levers", lv);
        Map<String, Object> pol = new LinkedHashMap<>();
        pol.put("framework", s.policy.framework().name());
        pol.put("fiscalYearStart", s.policy.fiscalYearStart() == null ? null : s.policy.fiscalYearStart().toString());
        pol.put("asu202506Adopted", s.policy.asu202506Adopted());
        List<Object> asu = new ArrayList<>();
        for (java.time.LocalDate y : CogsTest.fiscalYears(model.periods(), s.policy)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fiscalYearStart", y.toString());
            m.put("asu202506Applies", s.policy.asu202506AppliesToYear(y));
            asu.add(m);
        }
        pol.put("asu202506ByFiscalYear", asu);
        pol.put("freeTier", s.policy.freeTier().name());
        root.put("policy", pol);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("revenue", t.revenue());
        totals.put("aiRevenue", t.aiRevenue());
        totals.put("softwareRevenue", t.softwareRevenue());
        totals.put("reportedCogs", t.reportedCogs());
        totals.put("restatedCogs", t.restatedCogs());
        totals.put("restatedCogsStressed", t.stressedCogs());
        totals.put("vendorCreditsInCogs", s.result.totalCredits(com.marginworkbench.model.Layer.AI)
                + s.result.totalCredits(com.marginworkbench.model.Layer.SOFTWARE));
        totals.put("amortizationInCogs", s.result.totalAmortization(com.marginworkbench.model.Layer.AI)
                + s.result.totalAmortization(com.marginworkbench.model.Layer.SOFTWARE));
        root.put("totals", totals);
        Map<String, Object> margins = new LinkedHashMap<>();
        margins.put("reportedBlended", orNull(t.reportedBlended()));
        margins.put("restatedBlended", orNull(t.restatedBlended()));
        margins.put("restatedBlendedStressed", orNull(t.restatedBlendedStressed()));
        margins.put("aiLayer", orNull(t.aiLayer()));
        margins.put("aiLayerStressed", orNull(t.aiLayerStressed()));
        margins.put("softwareLayer", orNull(t.softwareLayer()));
        margins.put("reportedAiLayer", orNull(t.reportedAiLayer()));
        if (t.noAiCostReported()) {
            margins.put("reportedAiLayerNote", "n/a (no AI cost in reported cost of revenue)");
        }
        margins.put("restatedBlendedExCredits", orNull(s.result.restatedBlendedExCredits()));
        margins.put("aiLayerExCredits", orNull(s.result.aiLayerExCredits()));
        root.put("margins", margins);
        com.marginworkbench.margin.UnitEconomics u = s.result.unitEconomics();
        Map<String, Object> ue = new LinkedHashMap<>();
        ue.put("ltvToCac", orNull(u.ltvToCac()));
        ue.put("ltvToCacStressed", orNull(u.ltvToCacStressed()));
        ue.put("ltvToCacAiLayer", orNull(u.ltvToCacAiLayer()));
        ue.put("ltvToCacAiLayerStressed", orNull(u.ltvToCacAiLayerStressed()));
        ue.put("arpaStressed", Double.isFinite(u.arpaStressed()) ? u.arpaStressed() : null);
        ue.put("cacStressed", Double.isFinite(u.cacStressed()) ? u.cacStressed() : null);
        root.put("unitEconomics", ue);
        root.put("decisions", decisions(s));
        List<Object> lines = new ArrayList<>();
        for (RevenueLine r : model.revenue()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.label());
            m.put("source", r.sourceCell());
            m.put("kind", "revenue");
            m.put("layer", r.layer().dominant().name());
            m.put("costType", null);
            m.put("reported", "REVENUE");
            m.put("treatment", null);
            m.put("reason", null);
            m.put("total", r.total());
            lines.add(m);
        }
        List<CostLine> costs = model.costs();
        for (int i = 0; i < costs.size(); i++) {
            CostLine c = costs.get(i);
            Classification cl = s.classifications.get(i);
            CostType type = s.read.decisions().get(i).costType();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", c.label());
            m.put("source", c.sourceCell());
            m.put("kind", "cost");
            m.put("layer", c.layer().dominant().name());
            m.put("costType", type == null ? null : type.id());
            m.put("reported", c.reported().code());
            m.put("treatment", cl.treatment().code());
            m.put("reason", cl.reason());
            m.put("total", s.result.lineTotal(i));
            if (!cl.criteria().isEmpty()) {
                m.put("criteria", cl.criteria());
            }
            if (cl.usefulLifeMonths() > 0) {
                m.put("usefulLifeMonths", cl.usefulLifeMonths());
                double am = 0;
                for (int p = 0; p < model.periods().count(); p++) {
                    am += s.result.sums().lineAmortization(i, p);
                }
                m.put("amortization", am);
            }
            lines.add(m);
        }
        root.put("lines", lines);
        root.put("review", reviewCount(s));
        List<Object> problems = new ArrayList<>();
        for (Problem p : s.read.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", p.source());
            m.put("message", p.message());
            if (p.unreadLine()) {
                m.put("line", p.line());
                m.put("cell", p.cell());
                m.put("error", p.error());
            }
            problems.add(m);
        }
        root.put("problems", problems);
        root.put("linesNotRead", Problem.unreadLines(s.read.problems()));
        reading(root, s.read.reading());
        if (timings) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("readMs", s.readMs);
            tm.put("computeMs", s.computeMs);
            root.put("timings", tm);
        }
        return root;
    }

    /** Which table was read and why, the units, the checks against the workbook's totals, and the confidence. */
    private static void reading(Map<String, Object> root, Reading r) {
        List<Object> tables = new ArrayList<>();
        for (Reading.Table t : r.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sheet", t.sheet());
            m.put("range", t.range());
            m.put("headerRow", t.headerRow());
            m.put("labelColumn", t.labelColumn());
            m.put("orientation", t.orientation());
            m.put("why", t.why());
            tables.add(m);
        }
        root.put("table", tables.isEmpty() ? null : tables.get(0));
        if (tables.size() > 1) {
            root.put("tables", tables);
        }
        root.put("units", r.units());
        root.put("unitScale", r.unitScale());
        List<Object> checks = new ArrayList<>();
        for (Reading.Check c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", c.what());
            m.put("row", c.row());
            m.put("holds", c.holds());
            if (c.detail() != null) {
                m.put("detail", c.detail());
            }
            checks.add(m);
        }
        root.put("checks", checks);
        root.put("confidence", r.confidence().code());
        root.put("confidenceReasons", r.reasons());
        root.put("readingNotes", r.notes());
    }

    /** Break-even, goal seek, tornado and stress walk; a figure the solver cannot give is null with a note. */
    private static Map<String, Object> decisions(Summary s) {
        Decisions.Summary d = Decisions.summarize(s.prepared, s.result.levers());
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        solution(m, notes, "breakEvenLlmCostChange", d.breakEvenLlmCost());
        solution(m, notes, "priceChangeToRestoreAiLayer", d.priceToRestoreAiLayer());
        m.put("restoreTarget", finite(d.priceToRestoreAiLayer().target()));
        solution(m, notes, "breakEvenHeavyUserMultiplier", d.breakEvenHeavyMultiplier());
        m.put("notes", notes);
        List<Object> tornado = new ArrayList<>();
        for (Decisions.TornadoBar b : d.tornado()) {
            tornado.add(java.util.Arrays.asList(b.lever().id(), b.low(), b.high(), finite(b.marginAtLow()),
                    finite(b.marginAtHigh())));
        }
        m.put("tornadoMargin", MarginMeasure.AI_LAYER_STRESSED.label());
        m.put("tornado", tornado);
        Map<String, Object> walk = new LinkedHashMap<>();
        walk.put("base", finite(d.walk().base()));
        for (StressWalk.Step step : d.walk().steps()) {
            walk.put(step.label(), finite(step.effect()));
        }
        walk.put("stressed", finite(d.walk().stressed()));
        m.put("stressWalk", walk);
        return m;
    }

    private static void solution(Map<String, Object> m, Map<String, Object> notes, String key, GoalSeek.Result r) {
        m.put(key, r.found() ? r.value() : null);
        notes.put(key, r.sentence());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double orNull(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static long reviewCount(Summary s) {
        long n = 0;
        for (Classification c : s.classifications) {
            if (c.treatment() == Treatment.REVIEW) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- table

    private String oneLine(Summary s) {
        Figures t = s.result.total();
        return String.format(Locale.ROOT, "%s: reported %s, restated %s, AI layer %s (stressed %s), %d lines, %d to review%s",
                s.read.file().getFileName(), pct(t.reportedBlended()), pct(t.restatedBlended()), pct(t.aiLayer()),
                pct(t.aiLayerStressed()), s.read.model().costs().size() + s.read.model().revenue().size(),
                reviewCount(s), s.read.problems().isEmpty() ? "" : ", " + s.read.problems().size() + " problems");
    }

    private void printTable(PrintWriter out, Summary s) {
        FinancialModel model = s.read.model();
        Figures t = s.result.total();
        Levers l = s.result.levers();
        List<String> periods = model.periods().labels();
        Reading reading = s.read.reading();
        if (reading.confidence() == Reading.Confidence.LOW) {
            out.println("WARNING     Low confidence in this reading: " + String.join("; ", reading.reasons())
                    + ". Check the figures, or point at the statement with --table 'SHEET'!A1:Z99.");
        }
        out.printf(Locale.ROOT, "Workbook    %s%n", s.read.file().getFileName());
        for (Reading.Table table : reading.tables()) {
            out.println("Table       " + Reading.describe(table));
        }
        if (reading.unitsText() != null) {
            out.println("Units       " + reading.unitsText());
        }
        if (reading.checksText() != null) {
            out.println("Checks      " + reading.checksText());
        }
        out.println("Confidence  " + reading.confidenceText());
        if (!periods.isEmpty()) {
            out.printf(Locale.ROOT, "Periods     %d (%s to %s)%n", periods.size(), periods.get(0),
                    periods.get(periods.size() - 1));
        }
        out.printf(Locale.ROOT, "Framework   %s%n", s.policy.framework().label());
        out.printf(Locale.ROOT, "Levers      LLM cost %s, variance buffer %sx, heavy users %s at %sx (already %s of usage"
                        + " in the actuals), price %s%s%n",
                signedPct(l.llmCostChange()), num(l.varianceBuffer()), plainPct(l.heavyUserShare()),
                num(l.heavyUserMultiplier()), plainPct(l.heavyUserBaseline()), signedPct(l.priceChange()),
                l.tokenPriceDeclinePerYear() == 0 ? "" : ", token prices -" + plainPct(l.tokenPriceDeclinePerYear())
                        + " a year on forecast periods");
        out.printf(Locale.ROOT, "Forecast    %s%n", l.firstForecastPeriod() < 0 ? "none (every period actual)"
                : "from " + periods.get(l.firstForecastPeriod()));
        out.println();
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "", "Reported", "Restated", "Stressed");
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "Revenue", money(t.revenue()), money(t.revenue()),
                money(t.stressedRevenue()));
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "  AI layer", money(t.aiRevenue()), money(t.aiRevenue()),
                money(t.stressedAiRevenue()));
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "Cost of revenue", money(t.reportedCogs()),
                money(t.restatedCogs()), money(t.stressedCogs()));
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "Blended gross margin", pct(t.reportedBlended()),
                pct(t.restatedBlended()), pct(t.restatedBlendedStressed()));
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "AI-layer gross margin", reportedAiPct(t),
                pct(t.aiLayer()), pct(t.aiLayerStressed()));
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "Software-layer GM", "", pct(t.softwareLayer()),
                pct(t.softwareLayerStressed()));
        com.marginworkbench.margin.UnitEconomics u = s.result.unitEconomics();
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "LTV:CAC, blended GM", "", ratio(u.ltvToCac()),
                ratio(u.ltvToCacStressed()));
        out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "LTV:CAC, AI-layer GM", "", ratio(u.ltvToCacAiLayer()),
                ratio(u.ltvToCacAiLayerStressed()));
        double credits = s.result.totalCredits(com.marginworkbench.model.Layer.AI)
                + s.result.totalCredits(com.marginworkbench.model.Layer.SOFTWARE);
        if (credits != 0) {
            out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "GM excluding credits", "",
                    pct(s.result.restatedBlendedExCredits()), "");
        }
        double amortization = s.result.totalAmortization(com.marginworkbench.model.Layer.AI)
                + s.result.totalAmortization(com.marginworkbench.model.Layer.SOFTWARE);
        if (amortization != 0) {
            out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "  of COGS: amortization", "", money(amortization),
                    money(amortization));
        }
        out.println();
        // the three figures the table prints, not the tornado and stress walk --json adds
        out.printf(Locale.ROOT, "Break-even  %s%n", Decisions.breakEvenLlmCost(s.prepared, l).sentence());
        out.printf(Locale.ROOT, "Goal seek   %s%n", Decisions.priceToRestoreAiLayer(s.prepared, l).sentence());
        out.printf(Locale.ROOT, "Break-even  %s%n", Decisions.breakEvenHeavyMultiplier(s.prepared, l).sentence());
        out.println();
        List<CostLine> costs = model.costs();
        out.printf(Locale.ROOT, "%d revenue lines, %d cost lines, %d to review%n", model.revenue().size(), costs.size(),
                reviewCount(s));
        long unread = Problem.unreadLines(s.read.problems());
        if (unread > 0) {
            out.printf(Locale.ROOT, "%d %s could not be read and %s left out of every figure (see Problems)%n", unread,
                    unread == 1 ? "line" : "lines", unread == 1 ? "is" : "are");
        }
        out.println(lineRow("Source", "Line", "Layer", "Cost type", "Reported", "Restated", "Total"));
        int printed = 0;
        for (RevenueLine r : model.revenue()) {
            if (printed++ >= TABLE_LINES) {
                break;
            }
            out.println(lineRow(cut(r.sourceCell(), 20), cut(r.label(), 36), r.layer().describe(), "", "Revenue", "",
                    money(r.total())));
        }
        for (int i = 0; i < costs.size() && printed < TABLE_LINES; i++, printed++) {
            CostLine c = costs.get(i);
            LineDecision d = s.read.decisions().get(i);
            Classification cl = s.classifications.get(i);
            out.println(lineRow(cut(c.sourceCell(), 20), cut(c.label(), 36), c.layer().describe(),
                    d.costType() == null ? "?" : cut(d.costType().label(), 26), shortName(c.reported()),
                    cl.treatment().label(), money(s.result.lineTotal(i))));
        }
        int total = model.revenue().size() + costs.size();
        if (total > TABLE_LINES) {
            out.printf(Locale.ROOT, "  ... and %d more lines (use --json for all)%n", total - TABLE_LINES);
        }
        if (!s.read.problems().isEmpty()) {
            out.println();
            out.println("Problems");
            for (Problem p : s.read.problems()) {
                out.println("  " + p);
            }
        }
        if (timings) {
            out.println();
            out.printf(Locale.ROOT, "Read %d ms, computed %d ms%n", s.readMs, s.computeMs);
        }
        out.println();
        if (t.noAiCostReported()) {
            out.println("* n/a (no AI cost in reported cost of revenue)");
        }
        out.println("A decision aid, not accounting advice: classification depends on contracts, facts and the"
                + " auditor's judgment. A management-view reclassification, not a restatement of an error"
                + " (ASC 250 / IAS 8).");
    }

    /**
     * One row of the lines table, laid out as {@code "  %-20s %-36s %-8s %-26s %-11s %-11s %14s"} would
     * lay it out, without parsing that format for each of 200 rows.
     */
    static String lineRow(String source, String line, String layer, String costType, String reported,
                          String restated, String total) {
        StringBuilder b = new StringBuilder(140).append("  ");
        padRight(b, source, 20).append(' ');
        padRight(b, line, 36).append(' ');
        padRight(b, layer, 8).append(' ');
        padRight(b, costType, 26).append(' ');
        padRight(b, reported, 11).append(' ');
        padRight(b, restated, 11).append(' ');
        for (int i = total.length(); i < 14; i++) {
            b.append(' ');
        }
        return b.append(total).toString();
    }

    private static StringBuilder padRight(StringBuilder b, String s, int width) {
        b.append(s);
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        return b;
    }

    private static String shortName(com.marginworkbench.model.Placement p) {
        return switch (p) {
            case REVENUE -> "Revenue";
            case COST_OF_REVENUE -> "COGS";
            case RESEARCH_DEVELOPMENT -> "R&D";
            case SALES_MARKETING -> "S&M";
            case GENERAL_ADMIN -> "G&A";
            case OTHER_OPEX -> "OpEx";
            case CAPITALIZED -> "Capitalized";
            case BELOW_THE_LINE -> "Below line";
        };
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** The AI layer as reported: "n/a (...)" when the workbook puts no AI cost in cost of revenue. */
    static String reportedAiPct(Figures t) {
        return t.noAiCostReported() ? "n/a*" : pct(t.reportedAiLayer());
    }

    /** A margin as "84.3%", or "n/a" where there is none. */
    static String pct(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.1f%%", d.getAsDouble() * 100) : "n/a";
    }

    private static String plainPct(double f) {
        return String.format(Locale.ROOT, "%s%%", num(f * 100));
    }

    private static String signedPct(double f) {
        return (f > 0 ? "+" : "") + plainPct(f);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Whole amounts with thousands separators, as {@code %,.0f} writes them in the root locale. */
    private static final ThreadLocal<java.text.DecimalFormat> WHOLE = ThreadLocal.withInitial(() -> {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f;
    });

    /**
     * An amount as {@code String.format(Locale.ROOT, "%,.0f", v)} writes it, without parsing that
     * format for each of the table's 200 rows (16 ms of a short run).
     */
    static String money(double v) {
        return Double.isFinite(v) ? WHOLE.get().format(v) : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ratio(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.2f", d.getAsDouble()) : "n/a";
    }
}
