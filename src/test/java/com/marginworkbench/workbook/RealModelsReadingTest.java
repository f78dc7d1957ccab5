package com.marginworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.Placement;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.testing.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real public models of src/test/resources/corpus/real-models (see its README, LICENSES and
 * MANIFEST.json, whose figures were worked out by hand, independently of this product) read as the
 * manifest says: the income-statement sheet, the period count, total revenue, cost of revenue and
 * reported gross margin within 0.5%, and no line other than the revenue, cost-of-revenue and
 * operating-expense lines the manifest names (a subtotal may stand in for operating-expense lines
 * that do not add up to it). Each is read twice: found by the reader, and pointed at with --table.
 */
class RealModelsReadingTest {
    /** The corpus on the class path, with its README, MANIFEST.json and LICENSES folder. */
    static final String CORPUS = "corpus/real-models";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<JsonNode> models() throws Exception {
        JsonNode manifest = JSON.readTree(RealModelsReadingTest.class.getResourceAsStream("/" + CORPUS + "/MANIFEST.json"));
        List<JsonNode> out = new ArrayList<>();
        manifest.forEach(out::add);
        return out.stream();
    }

    static Path file(JsonNode m) {
        return TestFiles.resource(CORPUS + "/" + m.get("file").asText());
    }

    /** The manifest's sheet name without its remarks ("... (2nd sheet)"). */
    static String sheet(JsonNode m) {
        return m.get("sheet").asText().replaceAll(" \\(.*\\)$", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void readsAsTheManifestSays(JsonNode m) throws Exception {
        ReadResult r = WorkbookReader.read(file(m));
        check(m, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void readsTheRangeGivenWithTable(JsonNode m) throws Exception {
        String header = m.get("headerRow").asText().replaceAll("[^0-9].*", "");
        String column = m.get("labelColumn").asText().substring(0, 1);
        if (m.get("periods").get("granularity").asText().contains("transposed")
                || m.get("periods").get("granularity").asText().contains("values in column")) {
            column = "A";
        }
        String range = "'" + sheet(m) + "'!" + column + header + ":ZZ" + (Integer.parseInt(header) + 400);
        ReadResult r = WorkbookReader.read(file(m), null, ReadingHints.tables(List.of(range)));
        assertThat(r.reading().table().why()).contains("--table");
        check(m, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void noLineIsMovedByAWordOfItsLabelAlone(JsonNode m) throws Exception {
        // None of these statements has a line the COGS test moves (no AI vendor, no customer-facing
        // service booked as an operating expense): restated cost of revenue is the reported one.
        // "Cost of sales" once read as sales and marketing, moving Apple's to OpEx (GM 100%).
        com.marginworkbench.margin.Figures total = com.marginworkbench.app.Assessment.of(WorkbookReader.read(file(m)),
                com.marginworkbench.classify.Policy.US_GAAP_DEFAULT).figures().total();
        assertThat(total.restatedCogs()).isCloseTo(total.reportedCogs(), within(1e-6 * total.reportedCogs()));
    }

    static void check(JsonNode m, ReadResult r) {
        Reading reading = r.reading();
        assertThat(reading.table()).isNotNull();
        assertThat(reading.table().sheet()).isEqualTo(sheet(m));
        assertThat(r.model().periods().count()).isEqualTo(m.get("periods").get("count").asInt());
        double scale = reading.unitScale();
        double revenue = r.model().revenue().stream().mapToDouble(RevenueLine::total).sum() / scale;
        double cost = r.model().costs().stream().filter(c -> c.reported() == Placement.COST_OF_REVENUE)
                .mapToDouble(CostLine::total).sum() / scale;
        double expectedRevenue = m.get("revenue").asDouble();
        double expectedCost = m.get("costOfRevenue").asDouble();
        assertThat(revenue).isCloseTo(expectedRevenue, within(Math.abs(expectedRevenue) * 0.005));
        assertThat(cost).isCloseTo(expectedCost, within(Math.abs(expectedCost) * 0.005));
        double margin = (revenue - cost) / revenue;
        double expectedMargin = m.get("reportedGrossMargin").asDouble();
        assertThat(margin).isCloseTo(expectedMargin, within(Math.abs(expectedMargin) * 0.005));
        List<String> revenueLabels = labels(m.get("revenueLabels"));
        List<String> costLabels = labels(m.get("costOfRevenueLabels"));
        List<String> opexLabels = labels(m.get("opexLabels"));
        opexLabels.addAll(labels(m.get("subtotalRows")));
        for (RevenueLine l : r.model().revenue()) {
            assertThat(named(l.label(), revenueLabels)).as("revenue line %s (%s)", l.label(), l.sourceCell()).isTrue();
        }
        for (CostLine c : r.model().costs()) {
            List<String> allowed = c.reported() == Placement.COST_OF_REVENUE ? costLabels : opexLabels;
            assertThat(named(c.label(), allowed) || c.label().startsWith("Cost of revenue (derived"))
                    .as("%s line %s (%s)", c.reported(), c.label(), c.sourceCell()).isTrue();
        }
        assertThat(reading.confidence()).isNotEqualTo(Reading.Confidence.LOW);
    }

    /** The manifest writes labels as "Label (row 5, remark)"; a line matches on the label itself. */
    private static List<String> labels(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> out.add(key(n.asText().replaceAll(" \\((row|account|zero|negative|'-'|blank).*$", ""))));
        }
        return out;
    }

    private static boolean named(String label, List<String> allowed) {
        String k = key(label);
        return allowed.stream().anyMatch(a -> a.equals(k) || a.startsWith(k + " (") || k.startsWith(a + " ("));
    }

    private static String key(String s) {
        return s.trim().replace('_', ' ').toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
