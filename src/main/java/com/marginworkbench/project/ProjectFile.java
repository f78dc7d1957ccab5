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

    /** Made on first use: a command on a workbook with no project file never pays for starting Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ProjectFile() {
    }

    /**
     * The project file of a workbook, in the same folder: {@code <name>.mwb.json} for an
     * {@code .xlsx}, {@code <name>.<ext>.mwb.json} for any other extension ({@code q3.xls.mwb.json},
     * {@code q3.xlsm.mwb.json}), so each workbook file has its own project.
     */
    public static Path pathFor(Path workbook) {
        String name = workbook.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && name.substring(dot + 1).equalsIgnoreCase("xlsx") ? name.substring(0, dot) : name;
        Path dir = workbook.toAbsolutePath().getParent();
        return dir.resolve(base + SUFFIX);
    }

    /**
     * Where builds before one project per file kept the project of a workbook that is not an
     * {@code .xlsx} ({@code <name>.mwb.json}, shared by every extension); such a file is read only
     * when its {@code workbook} field names this workbook. Empty for an {@code .xlsx}.
     */
    public static Optional<Path> earlierPathFor(Path workbook) {
        String name = workbook.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path current = pathFor(workbook);
        Path earlier = current.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
        return earlier.equals(current) ? Optional.empty() : Optional.of(earlier);
    }

    /**
     * Whether a project file written for {@code recorded} (its {@code workbook} field; {@code null}
     * when it has none, as in a hand-written file) may be applied to the workbook file
     * {@code workbook}: the same file name, extension included (letter case aside, as the file
     * systems of Windows and macOS do).
     */
    public static boolean belongsTo(String recorded, Path workbook) {
        return recorded == null || recorded.isBlank()
                || recorded.strip().equalsIgnoreCase(workbook.getFileName().toString());
    }

    /**
     * A project file as read: the state, how the workbook was read then, the file's format version,
     * the workbook it was written for ({@code null} when the file does not say), the fields left
     * out because they could not be read (each "path = value"), and the version of the file read.
     */
    public record Loaded(ProjectState state, ProjectFileDto.MappingDto mapping, int formatVersion, String workbook,
                         List<String> dropped, Version version) {
        public Loaded {
            dropped = dropped == null ? List.of() : List.copyOf(dropped);
            version = version == null ? Version.ABSENT : version;
        }

        /** A state not read from a file (nothing dropped, no version on disk). */
        public Loaded(ProjectState state, ProjectFileDto.MappingDto mapping, int formatVersion) {
            this(state, mapping, formatVersion, null, List.of(), Version.ABSENT);
        }
    }

    /**
     * Which version of a project file was read or written: its modification time and the SHA-256
     * of its bytes. {@link #ABSENT} when there was no file.
     */
    public record Version(long modifiedMillis, String sha256) {
        public static final Version ABSENT = new Version(-1, "");

        /** The version on disk now ({@link #ABSENT} when there is no file). */
        public static Version of(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return ABSENT;
            }
            long modified = Files.getLastModifiedTime(file).toMillis();
            return new Version(modified, sha256(Files.readAllBytes(file)));
        }

        static Version of(long modifiedMillis, byte[] bytes) {
            return new Version(modifiedMillis, sha256(bytes));
        }

        /** The same content: the hash decides (a clock may give two saves in one second the same time). */
        public boolean sameContent(Version other) {
            return sha256.equals(other.sha256);
        }

        public boolean absent() {
            return sha256.isEmpty();
        }

        private static String sha256(byte[] bytes) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    /** The saved state, or empty when there is no project file yet. */
    public static Optional<ProjectState> load(Path file) throws IOException {
        return read(file).map(Loaded::state);
    }

    /**
     * The saved state with its mapping and format version, or empty when there is no project file
     * yet. A field that cannot be read (wrong kind, impossible date, unknown name, value out of
     * range) is left out and named in {@link Loaded#dropped()}; the rest of the file is used. Only a
     * file that is not JSON at all, or was written by a newer format, is refused as a whole.
     */
    public static Optional<Loaded> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        byte[] bytes = Files.readAllBytes(file);
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not a readable project file (" + firstLine(e.getOriginalMessage())
                    + "); it was left as it is and the workbook opens with fresh decisions", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            throw new IOException(file.getFileName() + " is not a readable project file (it holds "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object); it was left as it is and the workbook opens with fresh decisions");
        }
        LenientDto.Dropped dropped = new LenientDto.Dropped();
        ProjectFileDto dto = LenientDto.read(root, ProjectFileDto.class, "", dropped);
        if (dto.formatVersion > FORMAT_VERSION) {
            throw new IOException(file.getFileName() + " was written by a newer Margin Workbench (format "
                    + dto.formatVersion + "); it was left as it is");
        }
        ProjectState state = fromDto(dto, dropped);
        return Optional.of(new Loaded(state, dto.mapping, dto.formatVersion, dto.workbook, dropped.fields(),
                Version.of(modified, bytes)));
    }

    /** The bytes {@link #save} would write for this state. */
    static byte[] bytes(ProjectState state, ProjectFileDto.MappingDto mapping, String workbookName)
            throws IOException {
        ProjectFileDto dto = toDto(state);
        dto.workbook = workbookName;
        dto.mapping = mapping;
        dto.savedAt = Instant.now().toString();
        return Json.MAPPER.writeValueAsString(dto).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the state atomically; {@code workbookName} is the workbook's file name, recorded so the
     * file is applied to that workbook only. The usage section the file holds (written by the
     * Customers view, {@link #saveUsage}) is kept. Returns the version written.
     */
    public static Version save(Path file, ProjectState state, ProjectFileDto.MappingDto mapping, String workbookName)
            throws IOException {
        synchronized (WRITING) {
            com.fasterxml.jackson.databind.JsonNode usage = existingUsage(file);
            if (usage == null) {
                usage = PENDING_USAGE.remove(key(file));
            }
            byte[] bytes = bytes(state, mapping, workbookName);
            if (usage != null) {
                // kept as it is, even a section this build cannot read
                com.fasterxml.jackson.databind.node.ObjectNode tree =
                        (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(bytes);
                tree.set("usage", usage);
                bytes = Json.MAPPER.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            }
            write(file, workbookName, bytes);
            return Version.of(Files.getLastModifiedTime(file).toMillis(), bytes);
        }
    }

    private static void write(Path file, String workbookName, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // The project file carries the client's decisions: never more readable than the workbook beside it.
        Path workbook = workbookName == null ? null : file.toAbsolutePath().resolveSibling(workbookName);
        SafeFiles.write(file, workbook, SafeFiles.Mode.REPLACE, out -> out.write(bytes));
    }

    /**
     * Usage sections for project files that do not exist yet: written with the decisions by the
     * next {@link #save}, so that a file holding a usage section only never stands for decisions.
     */
    private static final java.util.Map<Path, com.fasterxml.jackson.databind.JsonNode> PENDING_USAGE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** One writer at a time: the decisions and the usage section are saved from different threads. */
    private static final Object WRITING = new Object();

    /** The usage section the file holds now, or null (no file, no section, or a file that is not JSON). */
    private static com.fasterxml.jackson.databind.JsonNode existingUsage(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode usage = readTree(file, "").get("usage");
            return usage == null || usage.isNull() ? null : usage;
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
            return Optional.of(Json.MAPPER.treeToValue(usage, UsageDto.class));
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + ": the usage section cannot be read ("
                    + firstLine(e.getOriginalMessage()) + "); it was left as it is", e);
        }
    }

    /**
     * Puts {@code usage} (null or empty: none) in the project file, atomically, leaving every other
     * part of the file as it is. A file that cannot be read is not overwritten. When the file does
     * not exist yet nothing is written: the section waits for the next {@link #save} of the
     * decisions, and this returns false (the caller marks the project as changed).
     */
    public static boolean saveUsage(Path file, UsageDto usage, String workbookName) throws IOException {
        synchronized (WRITING) {
            com.fasterxml.jackson.databind.JsonNode section = usage == null ? null : Json.MAPPER.valueToTree(usage);
            if (!Files.isRegularFile(file)) {
                if (section == null || section.isEmpty()) {
                    PENDING_USAGE.remove(key(file));
                } else {
                    PENDING_USAGE.put(key(file), section);
                }
                return false;
            }
            com.fasterxml.jackson.databind.node.ObjectNode root = readTree(file, " and the usage settings were not saved");
            if (root.path("formatVersion").asInt(0) > FORMAT_VERSION) {
                throw new IOException(file.getFileName() + " was written by a newer Margin Workbench (format "
                        + root.path("formatVersion").asInt() + "); it was left as it is");
            }
            if (section == null || section.isEmpty()) {
                root.remove("usage");
            } else {
                root.set("usage", section);
            }
            root.put("savedAt", Instant.now().toString());
            write(file, workbookName, Json.MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
            return true;
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode readTree(Path file, String consequence)
            throws IOException {
        try {
            com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(file));
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
        return fromDto(dto, new LenientDto.Dropped());
    }

    /** A value read from a field, or {@code null} (named in {@code dropped}) when it does not parse. */
    private static <T> T parse(String value, String path, LenientDto.Dropped dropped,
                               java.util.function.Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            dropped.add(path, value, "");
            return null;
        }
    }

    /** The state in a project file; a field that does not parse is left out and named in {@code dropped}. */
    static ProjectState fromDto(ProjectFileDto dto, LenientDto.Dropped dropped) {
        Policy policy = Policy.US_GAAP_DEFAULT;
        if (dto.policy != null) {
            Framework framework = parse(dto.policy.framework, "policy.framework", dropped, Framework::parse);
            FreeTierPolicy freeTier = parse(dto.policy.freeTier, "policy.freeTier", dropped, FreeTierPolicy::valueOf);
            policy = new Policy(framework == null ? Framework.US_GAAP : framework, dto.policy.asu202506Adopted,
                    parse(dto.policy.fiscalYearStart, "policy.fiscalYearStart", dropped, LocalDate::parse),
                    freeTier == null ? FreeTierPolicy.ACQUISITION_COST : freeTier);
        }
        List<ProjectState.Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < dto.scenarios.size(); i++) {
            ProjectFileDto.ScenarioDto sd = dto.scenarios.get(i);
            if (sd != null && sd.name != null && !sd.name.isBlank()) {
                scenarios.add(new ProjectState.Scenario(sd.name, levers(sd.levers, "scenarios[" + i + "].levers",
                        dropped)));
            }
        }
        List<ProjectState.LineState> lines = new ArrayList<>();
        for (int i = 0; i < dto.lines.size(); i++) {
            ProjectFileDto.LineDto ld = dto.lines.get(i);
            if (ld != null) {
                lines.add(line(ld, "lines[" + i + "]", dropped));
            }
        }
        List<ProjectState.RevenueState> revenue = new ArrayList<>();
        for (int i = 0; i < dto.revenue.size(); i++) {
            ProjectFileDto.RevenueDto rd = dto.revenue.get(i);
            if (rd != null) {
                revenue.add(new ProjectState.RevenueState(rd.source, rd.label,
                        layer(rd.aiShare, "revenue[" + i + "].aiShare", dropped), rd.usagePriced));
            }
        }
        return new ProjectState(policy, levers(dto.levers, "levers", dropped), dto.activeScenario, scenarios, lines,
                revenue, hints(dto.reading, dropped), assumptions(dto.assumptions, dropped));
    }

    private static ProjectState.LineState line(ProjectFileDto.LineDto ld, String path, LenientDto.Dropped dropped) {
        CostType type = parse(ld.costType, path + ".costType", dropped, ProjectFile::costType);
        Answers answers = new Answers(answer(ld.triggeredByCustomer, path + ".triggeredByCustomer", dropped),
                answer(ld.neededForDelivery, path + ".neededForDelivery", dropped),
                answer(ld.variesWithUsage, path + ".variesWithUsage", dropped));
        LineDecision.Origin origin = parse(ld.origin, path + ".origin", dropped,
                s -> LineDecision.Origin.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        int life = 0;
        if (ld.usefulLifeMonths != null) {
            if (ld.usefulLifeMonths < 0 || ld.usefulLifeMonths > 600) {
                dropped.add(path + ".usefulLifeMonths", String.valueOf(ld.usefulLifeMonths), "1 to 600 months");
            } else {
                life = ld.usefulLifeMonths;
            }
        }
        LineDecision decision = new LineDecision(type, answers, ld.note, origin,
                answer(ld.criteriaMet, path + ".criteriaMet", dropped), life);
        return new ProjectState.LineState(ld.source, ld.label, decision,
                parse(ld.noteTime, path + ".noteTime", dropped, Instant::parse),
                layer(ld.aiShare, path + ".aiShare", dropped), ld.llmPriced, ld.usageVariable);
    }

    /** The AI share of a line; one outside 0..1 is left out (the line is then all classic software). */
    private static LayerSplit layer(double aiShare, String path, LenientDto.Dropped dropped) {
        if (aiShare >= 0 && aiShare <= 1) {
            return new LayerSplit(aiShare);
        }
        dropped.add(path, String.valueOf(aiShare), "a share from 0 to 1");
        return new LayerSplit(0);
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
    private static Assumptions assumptions(ProjectFileDto.AssumptionsDto d, LenientDto.Dropped dropped) {
        if (d == null) {
            return Assumptions.NONE;
        }
        Assumptions a = Assumptions.NONE.withFirstForecast(d.firstForecast);
        a = tryUnit(a, d.arpaMonthly, null, null, "assumptions.arpaMonthly", dropped);
        a = tryUnit(a, null, d.churnMonthly, null, "assumptions.churnMonthly", dropped);
        return tryUnit(a, null, null, d.cac, "assumptions.cac", dropped);
    }

    private static Assumptions tryUnit(Assumptions a, Double arpa, Double churn, Double cac, String path,
                                       LenientDto.Dropped dropped) {
        try {
            return new Assumptions(arpa, churn, cac, null).over(a);
        } catch (IllegalArgumentException e) {
            Double v = arpa != null ? arpa : churn != null ? churn : cac;
            dropped.add(path, String.valueOf(v), e.getMessage());
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

    private static ReadingHints hints(ProjectFileDto.HintsDto d, LenientDto.Dropped dropped) {
        if (d == null) {
            return ReadingHints.NONE;
        }
        java.util.Map<String, RowRole> roles = new java.util.LinkedHashMap<>();
        d.roles.forEach((row, role) -> {
            RowRole r = parse(role, "reading.roles." + row, dropped, RowRole::parse);
            if (r != null) {
                roles.put(row, r);
            }
        });
        try {
            return new ReadingHints(d.tables, d.headerRow, d.labelColumn, roles, new java.util.LinkedHashSet<>(d.flippedRows),
                    d.flipAllCosts, d.units, d.unitScale, d.periodColumns);
        } catch (RuntimeException e) {
            dropped.add("reading", e.getMessage() == null ? "" : e.getMessage(), "the mapping as a whole");
            return ReadingHints.NONE;
        }
    }

    /** Ids are written as enum names; a hand-edited label is accepted too. */
    private static CostType costType(String s) {
        try {
            return CostType.valueOf(s);
        } catch (IllegalArgumentException e) {
            return CostType.parse(s);
        }
    }

    private static Answer answer(String s, String path, LenientDto.Dropped dropped) {
        Answer a = parse(s, path, dropped, Answer::parse);
        return a == null ? Answer.DEFAULT : a;
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

    private static Levers levers(Map<String, Double> d, String path, LenientDto.Dropped dropped) {
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
                try {
                    l = lever.with(l, e.getValue());
                } catch (IllegalArgumentException ex) {
                    dropped.add(path + "." + e.getKey(), String.valueOf(e.getValue()), ex.getMessage());
                }
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
