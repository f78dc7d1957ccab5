package com.marginworkbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The usage section of the project file: written and read back, kept by the decisions' saves, hand edits. */
class UsageProjectTest {
    @TempDir
    Path dir;

    private UsageSettings settings() {
        Map<String, UsageField> mapping = new LinkedHashMap<>();
        mapping.put("account", UsageField.CUSTOMER);
        mapping.put("when", UsageField.DATE);
        mapping.put("dollars", UsageField.COST);
        return new UsageSettings(List.of(dir.resolve("exports/spend.csv"), dir.resolve("usage.jsonl")),
                List.of(dir.resolve("exports/stripe.csv")), dir.resolve("map.csv"), mapping,
                Map.of("my-model", new PriceTable.Price(2.5, 10, 1.25)), 0.2);
    }

    @Test
    void settingsComeBackWithPathsRelativeToTheWorkbookAndPricesAsRows() throws IOException {
        Path workbook = dir.resolve("model.xlsx");
        Path project = ProjectFile.pathFor(workbook);
        ProjectFile.save(project, new ProjectState(Policy.US_GAAP_DEFAULT, Levers.NEUTRAL, "", List.of(), List.of()),
                null, "model.xlsx");
        assertThat(UsageProject.save(workbook, project, settings())).isTrue();

        JsonNode usage = new ObjectMapper().readTree(project.toFile()).get("usage");
        assertThat(usage.get("usageFiles").toString()).isEqualTo("[\"exports/spend.csv\",\"usage.jsonl\"]");
        assertThat(usage.get("customers").asText()).isEqualTo("map.csv");
        assertThat(usage.get("columns").toString()).isEqualTo("{\"account\":\"customer\",\"when\":\"date\",\"dollars\":\"cost\"}");
        JsonNode price = usage.get("prices").get(0);
        assertThat(price.get("model").asText()).isEqualTo("my-model");
        assertThat(price.get("inputPer1M").asDouble()).isEqualTo(2.5);
        assertThat(price.get("outputPer1M").asDouble()).isEqualTo(10.0);
        assertThat(price.get("cachedInputPer1M").asDouble()).isEqualTo(1.25);
        assertThat(usage.get("heavyCut").asDouble()).isEqualTo(0.2);

        UsageProject.Loaded back = UsageProject.read(workbook, project);
        assertThat(back.notes()).isEmpty();
        assertThat(back.settings()).isEqualTo(settings());

        // a folder moved with its files: the paths follow the workbook
        Path moved = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(project, moved.resolve(project.getFileName()));
        UsageSettings there = UsageProject.read(moved.resolve("model.xlsx"), moved.resolve(project.getFileName()))
                .settings();
        assertThat(there.usageFiles()).containsExactly(moved.resolve("exports/spend.csv"), moved.resolve("usage.jsonl"));
    }

    @Test
    void savingTheDecisionsKeepsTheUsageSectionAndSavingUsageKeepsTheDecisions() throws IOException {
        Path workbook = dir.resolve("model.xlsx");
        Path project = ProjectFile.pathFor(workbook);
        Levers levers = Levers.NEUTRAL.withHeavyUsers(0.2, 3);
        ProjectState state = new ProjectState(Policy.US_GAAP_DEFAULT, levers, "", List.of(), List.of());
        ProjectFile.save(project, state, null, "model.xlsx");
        UsageProject.save(workbook, project, settings());
        assertThat(ProjectFile.load(project).orElseThrow().levers()).isEqualTo(levers);

        ProjectFile.save(project, state.withHints(state.hints()), null, "model.xlsx");
        assertThat(UsageProject.read(workbook, project).settings()).isEqualTo(settings());

        UsageProject.save(workbook, project, UsageSettings.NONE);
        assertThat(new ObjectMapper().readTree(project.toFile()).has("usage")).isFalse();
        assertThat(ProjectFile.load(project).orElseThrow().levers()).isEqualTo(levers);
    }

    /**
     * Before the project file exists the settings wait for the decisions' first save: a file with a
     * usage section only would read as decisions (default policy, no levers) to the guarded save.
     */
    @Test
    void settingsSavedBeforeAnyProjectFileAreWrittenWithTheDecisions() throws IOException {
        Path workbook = dir.resolve("model.xlsx");
        Path project = ProjectFile.pathFor(workbook);
        assertThat(UsageProject.save(workbook, project, settings())).isFalse();
        assertThat(project).doesNotExist();
        Levers levers = Levers.NEUTRAL.withHeavyUsers(0.1, 4);
        ProjectFile.save(project, new ProjectState(Policy.US_GAAP_DEFAULT, levers, "", List.of(), List.of()), null,
                "model.xlsx");
        assertThat(UsageProject.read(workbook, project).settings()).isEqualTo(settings());
        assertThat(ProjectFile.load(project).orElseThrow().levers()).isEqualTo(levers);
    }

    @Test
    void handEditsThatCannotBeUsedAreNamedAndLeftOut() throws IOException {
        Path workbook = dir.resolve("model.xlsx");
        Path project = ProjectFile.pathFor(workbook);
        Files.writeString(project, """
                {"formatVersion": 2, "usage": {"usageFiles": ["a.csv"],
                 "columns": {"acct": "customer", "when": "the day"},
                 "prices": [{"model": "x", "inputPer1M": 1, "outputPer1M": 2}, {"model": "y", "inputPer1M": -1, "outputPer1M": 2}],
                 "heavyCut": 3}}
                """, StandardCharsets.UTF_8);
        UsageProject.Loaded l = UsageProject.read(workbook, project);
        assertThat(l.settings().mapping()).containsExactly(Map.entry("acct", UsageField.CUSTOMER));
        assertThat(l.settings().prices()).containsOnlyKeys("x");
        assertThat(l.settings().heavyCut()).isNull();
        assertThat(l.notes()).hasSize(3);
        assertThat(l.notes().get(0)).contains("when=the day", "left out");
        assertThat(l.notes().get(1)).contains("model price y");
        assertThat(l.notes().get(2)).contains("heavy-user cut 3");
    }

    @Test
    void anUnreadableProjectFileIsNotOverwritten() throws IOException {
        Path workbook = dir.resolve("model.xlsx");
        Path project = ProjectFile.pathFor(workbook);
        Files.writeString(project, "{ not json", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UsageProject.save(workbook, project, settings()))
                .isInstanceOf(IOException.class).hasMessageContaining("left as it is");
        assertThat(Files.readString(project)).isEqualTo("{ not json");
    }

    @Test
    void aUsageSectionThisBuildCannotReadIsKeptByTheDecisionsSave() throws IOException {
        Path workbook = dir.resolve("model.xlsx");
        Path project = ProjectFile.pathFor(workbook);
        Files.writeString(project, "{\"formatVersion\": 2, \"usage\": {\"heavyCut\": \"a tenth\"}}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UsageProject.read(workbook, project)).isInstanceOf(IOException.class)
                .hasMessageContaining("usage section");
        ProjectFile.save(project, new ProjectState(Policy.US_GAAP_DEFAULT, Levers.NEUTRAL, "", List.of(), List.of()),
                null, "model.xlsx");
        assertThat(new ObjectMapper().readTree(project.toFile()).get("usage").toString())
                .isEqualTo("{\"heavyCut\":\"a tenth\"}");
    }
}
