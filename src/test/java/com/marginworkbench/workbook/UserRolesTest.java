package com.marginworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.RowRole;
import com.marginworkbench.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A role the user sets in the mapping changes that row and nothing else: ignoring a line never
 * turns the total or subtotal it belonged to into a line (which would count it twice), and never
 * lets the totals re-decide the other rows. On every real model of the corpus.
 */
class UserRolesTest {
    private static ReadingHints roles(Map<String, RowRole> roles) {
        return new ReadingHints(List.of(), null, null, roles, Set.of(), false, null, null, List.of());
    }

    private static Map<String, RowRole> rolesOf(Reading r) {
        Map<String, RowRole> m = new LinkedHashMap<>();
        for (Reading.Row row : r.rows()) {
            m.put(row.key(), row.role());
        }
        return m;
    }

    private static double revenue(ReadResult r) {
        return r.model().revenue().stream().mapToDouble(RevenueLine::total).sum();
    }

    @Test
    void ignoringChurnLossKeepsNetRevenueASubtotalAndRevenueIsNotCountedTwice() throws Exception {
        Path file = TestFiles.resource(RealModelsReadingTest.CORPUS + "/saas-monthly-pnl-gbp.xlsx");
        ReadResult auto = WorkbookReader.read(file);
        Reading.Row churn = row(auto.reading(), "Churn Loss");
        Reading.Row net = row(auto.reading(), "Net Revenue");
        assertThat(churn.role()).isEqualTo(RowRole.REVENUE);
        assertThat(net.role()).isEqualTo(RowRole.TOTAL);
        double churnTotal = auto.model().revenue().stream().filter(l -> l.label().equals("Churn Loss"))
                .mapToDouble(RevenueLine::total).sum();
        assertThat(churnTotal).isNegative();

        ReadResult ignored = WorkbookReader.read(file, null, roles(Map.of(churn.key(), RowRole.IGNORED)));

        assertThat(row(ignored.reading(), "Net Revenue").role()).isEqualTo(RowRole.TOTAL);
        assertThat(row(ignored.reading(), "Churn Loss").role()).isEqualTo(RowRole.IGNORED);
        assertThat(ignored.model().revenue()).extracting(RevenueLine::label).containsExactly("Revenue");
        assertThat(revenue(ignored)).isCloseTo(revenue(auto) - churnTotal, within(0.01));
        // the totals now say the reading no longer adds up, rather than quietly changing it
        assertThat(ignored.reading().checks()).anySatisfy(c -> {
            assertThat(c.row()).isEqualTo("P&L!A4");
            assertThat(c.holds()).isFalse();
            assertThat(c.detail()).contains("Net Revenue");
        });
        assertThat(ignored.reading().checks()).anySatisfy(c -> {
            assertThat(c.what()).startsWith("gross profit");
            assertThat(c.holds()).isFalse();
        });
    }

    @Test
    void ignoringTheOnlyCostLineDoesNotBringItBackAsADerivedCost() throws Exception {
        Path file = TestFiles.resource(RealModelsReadingTest.CORPUS + "/saas-monthly-pnl-gbp.xlsx");
        ReadResult auto = WorkbookReader.read(file);
        Reading.Row cogs = row(auto.reading(), "COGS");
        ReadResult ignored = WorkbookReader.read(file, null, roles(Map.of(cogs.key(), RowRole.IGNORED)));
        assertThat(ignored.model().costs()).extracting(l -> l.label()).doesNotContain("COGS")
                .noneMatch(l -> l.contains("derived"));
        assertThat(ignored.model().costs()).hasSize(auto.model().costs().size() - 1);
    }

    static Stream<JsonNode> models() throws Exception {
        return RealModelsReadingTest.models();
    }

    /**
     * Each revenue and cost-of-revenue line of the automatic reading, set to Ignored on its own:
     * every other row keeps the role the automatic reading gave it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void ignoringALineChangesOnlyThatRow(JsonNode m) throws Exception {
        Path file = TestFiles.resource(RealModelsReadingTest.CORPUS + "/" + m.get("file").asText());
        ReadResult auto = WorkbookReader.read(file);
        Map<String, RowRole> before = rolesOf(auto.reading());
        List<Reading.Row> lines = auto.reading().rows().stream()
                .filter(r -> r.role() == RowRole.REVENUE || r.role() == RowRole.COST_OF_REVENUE).limit(6).toList();
        for (Reading.Row line : lines) {
            ReadResult r = WorkbookReader.read(file, null, roles(Map.of(line.key(), RowRole.IGNORED)));
            Map<String, RowRole> after = rolesOf(r.reading());
            assertThat(after).as("ignoring " + line.key() + " " + line.label()).containsEntry(line.key(), RowRole.IGNORED);
            for (Map.Entry<String, RowRole> e : before.entrySet()) {
                if (!e.getKey().equals(line.key())) {
                    assertThat(after.get(e.getKey())).as(m.get("file").asText() + ": ignoring " + line.label()
                            + " changed " + e.getKey()).isEqualTo(e.getValue());
                }
            }
            // one line fewer (or as many, where the same line continues on another sheet), never more
            int n = auto.model().revenue().size() + auto.model().costs().size();
            assertThat(r.model().revenue().size() + r.model().costs().size()).isBetween(n - 1, n);
        }
    }

    private static Reading.Row row(Reading r, String label) {
        return r.rows().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
    }
}
