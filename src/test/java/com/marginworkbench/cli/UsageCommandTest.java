package com.marginworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.app.UsageProject;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.UsageField;
import com.marginworkbench.usage.imports.UsageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UsageCommandTest {
    static String res(String name) {
        try {
            return Path.of(UsageCommandTest.class.getResource("/com/marginworkbench/usage/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonHasTheIssueShape() throws Exception {
        CliRun r = CliRun.of("usage", res("openai-costs.json"), res("litellm-spend-logs.csv"), "--customers",
                res("customers-map.csv"), "--revenue", res("stripe-payments.csv"), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("rows", "pricedFromTable", "periods", "totalCost", "customers", "concentration",
                "heavyUsers", "byModel", "reconciliation", "problems");
        assertThat(j.get("rows").asLong()).isEqualTo(3 + 5);
        assertThat(j.get("pricedFromTable").asLong()).isEqualTo(1);
        assertThat(j.get("periods").toString()).isEqualTo("[\"2026-01\",\"2026-02\"]");
        JsonNode first = j.get("customers").get(0);
        List<String> ck = new ArrayList<>();
        first.fieldNames().forEachRemaining(ck::add);
        assertThat(ck).containsExactly("id", "cost", "revenue", "margin", "requests");
        assertThat(first.get("id").asText()).isEqualTo("Beta"); // under water first
        assertThat(first.get("margin").isNull()).isTrue(); // no revenue at all: margin undefined, still under water
        JsonNode acme = null;
        for (JsonNode c : j.get("customers")) {
            if (c.get("id").asText().equals("Acme")) {
                acme = c;
            }
        }
        assertThat(acme.get("margin").asDouble()).isCloseTo(0.875, within(1e-12));
        assertThat(j.get("concentration").has("top1pct")).isTrue();
        assertThat(j.get("heavyUsers").has("multiplier")).isTrue();
        assertThat(j.get("byModel").get(0).get("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(j.get("reconciliation").get("coverage").isNull()).isTrue();
        assertThat(j.get("problems")).hasSize(4);
        assertThat(j.get("problems").get(0).get("source").asText()).isEqualTo("litellm-spend-logs.csv:6");
    }

    @Test
    void anUnknownFileGetsOneLineNamingItsColumns() {
        CliRun r = CliRun.of("usage", res("unknown-columns.csv"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("unknown-columns.csv", "account, when, dollars", "--map");
        CliRun mapped = CliRun.of("usage", res("unknown-columns.csv"), "--map", "account=customer", "--map", "when=date",
                "--map", "dollars=cost");
        assertThat(mapped.exit()).as(mapped.err()).isZero();
        assertThat(mapped.out()).contains("column mapping", "$14.00");
        CliRun bad = CliRun.of("usage", res("unknown-columns.csv"), "--map", "account");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("COLUMN=FIELD");
    }

    @Test
    void missingFileAndBadCut() {
        CliRun r = CliRun.of("usage", "no-such-usage.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no file").doesNotContain("Exception");
        CliRun cut = CliRun.of("usage", res("plain-usage.csv"), "--heavy-cut", "120");
        assertThat(cut.exit()).isEqualTo(2);
        assertThat(cut.err()).contains("--heavy-cut");
    }

    @Test
    void tableNamesTheBadRowsAndTheUnderWaterAccounts() {
        CliRun r = CliRun.of("usage", res("plain-usage.csv"), "--revenue", res("revenue-plain.csv"), "--heavy-cut", "50");
        assertThat(r.exit()).as(r.err()).isZero();
        // acme: cost 15, revenue 12 -> under water; beta: cost 1002.50, revenue 903 -> under water too
        assertThat(r.out()).contains("under water: 2", "UNDER WATER", "Heavy users (top 50.0%");
    }

    @Test
    void theWorkbooksProjectGivesTheMappingPricesAndCutThatAreNotTyped(@TempDir Path dir) throws Exception {
        Path workbook = dir.resolve("northwind.xlsx");
        Files.copy(NorthwindSample.path(), workbook);
        Path usage = dir.resolve("exports").resolve("unknown-columns.csv");
        Files.createDirectories(usage.getParent());
        Files.copy(Path.of(res("unknown-columns.csv")), usage);
        Map<String, UsageField> mapping = new LinkedHashMap<>();
        mapping.put("account", UsageField.CUSTOMER);
        mapping.put("when", UsageField.DATE);
        mapping.put("dollars", UsageField.COST);
        // what the window's Customers tab keeps in the project file (beside the decisions)
        Files.writeString(com.marginworkbench.app.ProjectLocation.beside(workbook), "{\"formatVersion\": 2}");
        UsageProject.save(workbook, com.marginworkbench.app.ProjectLocation.beside(workbook), new UsageSettings(
                List.of(usage), List.of(), null, mapping, Map.of("house-model", new PriceTable.Price(1, 2, null)), 0.5));

        CliRun r = CliRun.of("usage", usage.toString(), "--workbook", workbook.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("using the usage settings of the workbook's project file",
                "the column mapping (account=customer, when=date, dollars=cost)", "the heavy-user cut (top 50%)",
                "1 model price(s)").doesNotContain("usage file(s)");
        assertThat(r.out()).contains("column mapping", "$14.00", "Heavy users (top 50.0%", "with the project's prices");

        // typed options win: the cut typed, the mapping typed
        CliRun typed = CliRun.of("usage", usage.toString(), "--workbook", workbook.toString(), "--heavy-cut", "10",
                "--map", "account=customer", "--map", "when=date", "--map", "dollars=cost_cents");
        assertThat(typed.exit()).as(typed.err()).isZero();
        assertThat(typed.err()).doesNotContain("heavy-user cut", "the column mapping");
        assertThat(typed.out()).contains("Heavy users (top 10.0%", "$0.14");

        // no file named: the project's own files
        CliRun saved = CliRun.of("usage", "--workbook", workbook.toString());
        assertThat(saved.exit()).as(saved.err()).isZero();
        assertThat(saved.err()).contains("1 usage file(s)");
        assertThat(saved.out()).contains("$14.00");

        // --no-project: nothing of it
        CliRun none = CliRun.of("usage", usage.toString(), "--workbook", workbook.toString(), "--no-project");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).doesNotContain("using the usage settings").contains("--map");
        CliRun nothing = CliRun.of("usage", "--workbook", workbook.toString(), "--no-project");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("USAGE_FILE");
    }
}
