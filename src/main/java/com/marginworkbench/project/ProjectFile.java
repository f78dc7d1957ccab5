package com.marginworkbench.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.marginworkbench.classify.Answer;
import com.marginworkbench.classify.Answers;
import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.FreeTierPolicy;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.Assumptions;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RowRole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the project file that sits beside a workbook ({@code <name>.mwb.json}). Writing
 * goes to a temporary file in the same folder and is then moved over the old one, so a crash never
 * leaves half a file.
 */
public final class ProjectFile {
    /**
     * 2: levers keyed by the lever catalogue's ids. 1: levers keyed by the field names of
     * {@code Levers}; still read.
     */
    public static final int FORMAT_VERSION = 2;
    public static final String SUFFIX = ".mwb.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectFile() {
    }

    /** The project file of a workbook: same folder, same base name, {@code .mwb.json}. */
    public static Path pathFor(Path workbook) {
        String name = workbook.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = workbook.toAbsolutePath().getParent();
        return dir.resolve(base + SUFFIX);
    }

    /** A project file as read: the state, how the workbook was read then, and the file's format version. */
    public record Loaded(ProjectState state, ProjectFileDto.MappingDto mapping, int formatVersion) {
    }

    /** The saved state, or empty when there is no project file yet. */
    public static Optional<ProjectState> load(Path file) throws IOException {
        return read(file).map(Loaded::state);
    }

    /** The saved state with its mapping and format version, or empty when there is no project file yet. */
    public static Optional<Loaded> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ProjectFileDto dto;
        try {
            dto = MAPPER.readValue(Files.readAllBytes(file), ProjectFileDto.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not a readable project file (" + firstLine(e.getOriginalMessage())
                    + "); it was left as it is and the workbook opens with fresh decisions", e);
        }
        if (dto == null) {
            return Optional.empty();
        }
        if (dto.formatVersion > FORMAT_VERSION) {
            throw new IOException(file.getFileName() + " was written by a newer Margin Workbench (format "
                    + dto.formatVersion + "); it was left as it is");
        }
        try {
            return Optional.of(new Loaded(fromDto(dto), dto.mapping, dto.formatVersion));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage() + "; the file was left as it is", e);
        }
    }

    /** Writes the state atomically; {@code context} carries what the file records about the workbook. */
    public static void save(Path file, ProjectState state, ProjectFileDto.MappingDto mapping, String workbookName)
            throws IOException {
        ProjectFileDto dto = toDto(state);
        dto.workbook = workbookName;
        dto.mapping = mapping;
        dto.savedAt = Instant.now().toString();
        synchronized (WRITING) {
            // The usage section is written by the Customers view (saveUsage); the decisions keep it.
            dto.usage = existingUsage(file);
            byte[] bytes = MAPPER.writeValueAsString(dto).getBytes(StandardCharsets.UTF_8);
            write(file, workbookName, bytes);
        }
    }

    private static void write(Path file, String workbookName, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // The project file carries the client's decisions: never more readable than the workbook beside it.
        Path workbook = workbookName == null ? null : file.toAbsolutePath().resolveSibling(workbookName);
        SafeFiles.write(file, workbook, SafeFiles.Mode.REPLACE, out -> out.write(bytes));
    }

    /** One writer at a time: the decisions and the usage section are saved from different threads. */
    private static final Object WRITING = new Object();

    /** The usage section the file holds now, or null (no file, no section, or a file that cannot be read). */
    private static UsageDto existingUsage(Path file) {
        try {
            return readUsage(file).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The usage section of a project file (what the Customers view imported and how), or empty when
     * there is no file or no section.
     */
    public static Optional<UsageDto> readUsage(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        com.fasterxml.jackson.databind.JsonNode usage = readTree(file, "").get("usage");
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.treeToValue(usage, UsageDto.class));
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + ": the usage section cannot be read ("
                    + firstLine(e.getOriginalMessage()) + "); it was left as it is", e);
        }
    }

    /**
     * Puts {@code usage} (null or empty: none) in the project file, atomically, leaving every other
     * part of the file as it is; a file that does not exist yet is created with that section only.
     * A file that cannot be read is not overwritten.
     */
    public static void saveUsage(Path file, UsageDto usage, String workbookName) throws IOException {
        synchronized (WRITING) {
            com.fasterxml.jackson.databind.node.ObjectNode root;
            if (Files.isRegularFile(file)) {
                root = readTree(file, " and the usage settings were not saved");
                if (root.path("formatVersion").asInt(0) > FORMAT_VERSION) {
                    throw new IOException(file.getFileName() + " was written by a newer Margin Workbench (format "
                            + root.path("formatVersion").asInt() + "); it was left as it is");
                }
            } else {
                root = MAPPER.createObjectNode();
                root.put("formatVersion", FORMAT_VERSION);
                if (workbookName != null) {
                    root.put("workbook", workbookName);
                }
            }
            com.fasterxml.jackson.databind.JsonNode section = usage == null ? null : MAPPER.valueToTree(usage);
            if (section == null || section.isEmpty()) {
                root.remove("usage");
            } else {
                root.set("usage", section);
            }
            root.put("savedAt", Instant.now().toString());
            write(file, workbookName, MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode readTree(Path file, String consequence)
            throws IOException {
        try {
            com.fasterxml.jackson.databind.JsonNode n = MAPPER.readTree(Files.readAllBytes(file));
            if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                return o;
            }
            throw new IOException(file.getFileName() + " is not a readable project file (not a JSON object); it was"
                    + " left as it is" + consequence);
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not a readable project file ("
                    + firstLine(e.getOriginalMessage()) + "); it was left as it is" + consequence, e);
        }
    }

    static ProjectFileDto toDto(ProjectState s) {
        ProjectFileDto dto = new ProjectFileDto();
        Policy p = s.policy() == null ? Policy.US_GAAP_DEFAULT : s.policy();
        dto.policy = new ProjectFileDto.PolicyDto();
        dto.policy.framework = p.framework().name();
        dto.policy.asu202506Adopted = p.asu202506Adopted();
        dto.policy.fiscalYearStart = p.fiscalYearStart() == null ? null : p.fiscalYearStart().toString();
        dto.policy.freeTier = p.freeTier().name();
        dto.levers = leversDto(s.levers());
        dto.activeScenario = s.activeScenario();
        for (ProjectState.Scenario sc : s.scenarios()) {
            ProjectFileDto.ScenarioDto sd = new ProjectFileDto.ScenarioDto();
            sd.name = sc.name();
            sd.levers = leversDto(sc.levers());
            dto.scenarios.add(sd);
        }
        for (ProjectState.LineState l : s.lines()) {
            ProjectFileDto.LineDto ld = new ProjectFileDto.LineDto();
            ld.source = l.sourceCell();
            ld.label = l.label();
            LineDecision d = l.decision();
            ld.costType = d.costType() == null ? null : d.costType().id();
            ld.triggeredByCustomer = d.answers().triggeredByCustomer().name();
            ld.neededForDelivery = d.answers().neededForDelivery().name();
            ld.variesWithUsage = d.answers().variesWithUsage().name();
            ld.note = d.note().isEmpty() ? null : d.note();
            ld.noteTime = l.noteTime() == null ? null : l.noteTime().toString();
            ld.origin = d.origin() == LineDecision.Origin.USER ? null : d.origin().name();
            ld.criteriaMet = d.criteriaMet() == com.marginworkbench.classify.Answer.DEFAULT ? null
                    : d.criteriaMet().name();
            ld.usefulLifeMonths = d.usefulLifeMonths() == 0 ? null : d.usefulLifeMonths();
            ld.aiShare = l.layer() == null ? 0 : l.layer().aiShare();
            ld.llmPriced = l.llmPriced();
            ld.usageVariable = l.usageVariable();
            dto.lines.add(ld);
        }
        for (ProjectState.RevenueState r : s.revenue()) {
            ProjectFileDto.RevenueDto rd = new ProjectFileDto.RevenueDto();
            rd.source = r.sourceCell();
            rd.label = r.label();
            rd.aiShare = r.layer() == null ? 0 : r.layer().aiShare();
            rd.usagePriced = r.usagePriced();
            dto.revenue.add(rd);
        }
        dto.reading = hintsDto(s.hints());
        dto.assumptions = assumptionsDto(s.assumptions());
        return dto;
    }

    static ProjectState fromDto(ProjectFileDto dto) {
        Policy policy = Policy.US_GAAP_DEFAULT;
        if (dto.policy != null) {
            policy = new Policy(dto.policy.framework == null ? Framework.US_GAAP : Framework.parse(dto.policy.framework),
                    dto.policy.asu202506Adopted,
                    dto.policy.fiscalYearStart == null ? null : LocalDate.parse(dto.policy.fiscalYearStart),
                    dto.policy.freeTier == null ? FreeTierPolicy.ACQUISITION_COST
                            : FreeTierPolicy.valueOf(dto.policy.freeTier));
        }
        List<ProjectState.Scenario> scenarios = new ArrayList<>();
        for (ProjectFileDto.ScenarioDto sd : dto.scenarios) {
            if (sd.name != null && !sd.name.isBlank()) {
                scenarios.add(new ProjectState.Scenario(sd.name, levers(sd.levers)));
            }
        }
        List<ProjectState.LineState> lines = new ArrayList<>();
        for (ProjectFileDto.LineDto ld : dto.lines) {
            CostType type = ld.costType == null ? null : costType(ld.costType);
            Answers answers = new Answers(answer(ld.triggeredByCustomer), answer(ld.neededForDelivery),
                    answer(ld.variesWithUsage));
            LineDecision.Origin origin = LineDecision.Origin.USER;
            for (LineDecision.Origin o : LineDecision.Origin.values()) {
                if (o.name().equalsIgnoreCase(ld.origin == null ? "" : ld.origin.trim())) {
                    origin = o;
                }
            }
            int life = ld.usefulLifeMonths == null || ld.usefulLifeMonths < 0 || ld.usefulLifeMonths > 600 ? 0
                    : ld.usefulLifeMonths;
            LineDecision decision = new LineDecision(type, answers, ld.note, origin, answer(ld.criteriaMet), life);
            lines.add(new ProjectState.LineState(ld.source, ld.label, decision,
                    ld.noteTime == null ? null : Instant.parse(ld.noteTime), new LayerSplit(ld.aiShare),
                    ld.llmPriced, ld.usageVariable));
        }
        List<ProjectState.RevenueState> revenue = new ArrayList<>();
        if (dto.revenue != null) {
            for (ProjectFileDto.RevenueDto rd : dto.revenue) {
                revenue.add(new ProjectState.RevenueState(rd.source, rd.label, new LayerSplit(rd.aiShare), rd.usagePriced));
            }
        }
        return new ProjectState(policy, levers(dto.levers), dto.activeScenario, scenarios, lines, revenue,
                hints(dto.reading), assumptions(dto.assumptions));
    }

    private static ProjectFileDto.AssumptionsDto assumptionsDto(Assumptions a) {
        if (a == null || a.isEmpty()) {
            return null;
        }
        ProjectFileDto.AssumptionsDto d = new ProjectFileDto.AssumptionsDto();
        d.arpaMonthly = a.arpaMonthly();
        d.churnMonthly = a.churnMonthly();
        d.cac = a.cac();
        d.firstForecast = a.firstForecast();
        return d;
    }

    /** The saved assumptions; a value out of range (a hand edit) is left out, the others kept. */
    private static Assumptions assumptions(ProjectFileDto.AssumptionsDto d) {
        if (d == null) {
            return Assumptions.NONE;
        }
        Assumptions a = Assumptions.NONE.withFirstForecast(d.firstForecast);
        a = tryUnit(a, d.arpaMonthly, null, null);
        a = tryUnit(a, null, d.churnMonthly, null);
        return tryUnit(a, null, null, d.cac);
    }

    private static Assumptions tryUnit(Assumptions a, Double arpa, Double churn, Double cac) {
        try {
            return new Assumptions(arpa, churn, cac, null).over(a);
        } catch (IllegalArgumentException e) {
            return a;
        }
    }

    private static ProjectFileDto.HintsDto hintsDto(ReadingHints h) {
        if (h == null || h.isEmpty()) {
            return null;
        }
        ProjectFileDto.HintsDto d = new ProjectFileDto.HintsDto();
        d.tables.addAll(h.tables());
        d.headerRow = h.headerRow();
        d.labelColumn = h.labelColumn();
        new java.util.TreeMap<>(h.roles()).forEach((row, role) -> d.roles.put(row, role.name()));
        d.flippedRows.addAll(new java.util.TreeSet<>(h.flippedRows()));
        d.flipAllCosts = h.flipAllCosts();
        d.units = h.units();
        d.unitScale = h.unitScale();
        d.periodColumns.addAll(h.periodColumns());
        return d;
    }

    private static ReadingHints hints(ProjectFileDto.HintsDto d) {
        if (d == null) {
            return ReadingHints.NONE;
        }
        java.util.Map<String, RowRole> roles = new java.util.LinkedHashMap<>();
        if (d.roles != null) {
            d.roles.forEach((row, role) -> roles.put(row, RowRole.parse(role)));
        }
        return new ReadingHints(d.tables, d.headerRow, d.labelColumn, roles,
                d.flippedRows == null ? null : new java.util.LinkedHashSet<>(d.flippedRows), d.flipAllCosts, d.units,
                d.unitScale, d.periodColumns);
    }

    /** Ids are written as enum names; a hand-edited label is accepted too. */
    private static CostType costType(String s) {
        try {
            return CostType.valueOf(s);
        } catch (IllegalArgumentException e) {
            return CostType.parse(s);
        }
    }

    private static Answer answer(String s) {
        return s == null ? Answer.DEFAULT : Answer.parse(s);
    }

    /** Format 1's names of the levers (the fields of {@code Levers}), by the catalogue's lever. */
    private static final Map<String, Lever> FORMAT_1_NAMES = Map.of("llmCostChange", Lever.LLM_COST,
            "varianceBuffer", Lever.VARIANCE_BUFFER, "heavyUserShare", Lever.HEAVY_SHARE,
            "heavyUserMultiplier", Lever.HEAVY_MULTIPLIER, "priceChange", Lever.PRICE_CHANGE,
            "tokenPriceDeclinePerYear", Lever.TOKEN_DECLINE);

    private static Map<String, Double> leversDto(Levers l) {
        Map<String, Double> d = new LinkedHashMap<>();
        for (Lever lever : Lever.values()) {
            d.put(lever.id(), lever.get(l));
        }
        return d;
    }

    private static Levers levers(Map<String, Double> d) {
        Levers l = Levers.NEUTRAL;
        if (d == null) {
            return l;
        }
        for (Map.Entry<String, Double> e : d.entrySet()) {
            Lever lever = FORMAT_1_NAMES.get(e.getKey());
            if (lever == null) {
                lever = Arrays.stream(Lever.values()).filter(x -> x.id().equals(e.getKey())).findFirst().orElse(null);
            }
            if (lever != null && e.getValue() != null) {
                l = lever.with(l, e.getValue());
            }
        }
        return l;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
