package com.marginworkbench.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.marginworkbench.model.Reading;
import com.marginworkbench.model.ReadingHints;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The header row, label column and period columns the user sets in the mapping are what the reader
 * uses for the first range: on every real model of the corpus read from the top-left corner of its
 * sheet, and where they overrule the reader (six-month columns chosen over the three-month ones).
 */
class ReadingLayoutTest {
    private static final String APPLE_10Q = RealModelsReadingTest.CORPUS + "/apple-10q-sec-financial-report.xlsx";
    private static final String APPLE_SHEET = "'CONDENSED CONSOLIDATED STATEMEN'!A1:E40";

    private static ReadingHints layout(String range, Integer headerRow, String labelColumn, List<String> periods) {
        return new ReadingHints(List.of(range), headerRow, labelColumn, Map.of(), Set.of(), false, null, null, periods);
    }

    static Stream<JsonNode> models() throws Exception {
        return RealModelsReadingTest.models()
                .filter(m -> !m.get("periods").get("granularity").asText().contains("values in column"));
    }

    /** The header row (the dates under "3 Months Ended" where there are two) and the label column, from the manifest. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theHeaderRowAndLabelColumnSetAreRead(JsonNode m) throws Exception {
        String[] rows = m.get("headerRow").asText().replaceAll("[^0-9-].*", "").split("-");
        int header = Integer.parseInt(rows[rows.length - 1]);
        String label = m.get("labelColumn").asText().substring(0, 1);
        String range = "'" + RealModelsReadingTest.sheet(m) + "'!A1:ZZ" + (header + 400);
        ReadResult r = WorkbookReader.read(RealModelsReadingTest.file(m), null, layout(range, header, label, List.of()));
        Reading.Table t = r.reading().table();
        assertThat(t.headerRow()).isEqualTo(header);
        assertThat(t.labelColumn()).isEqualTo(label);
        assertThat(t.why()).contains("mapping");
        RealModelsReadingTest.check(m, r);
    }

    @Test
    void periodColumnsChosenOverruleTheReadersChoice() throws Exception {
        Path file = TestFiles.resource(APPLE_10Q);
        ReadResult auto = WorkbookReader.read(file, null, ReadingHints.tables(List.of(APPLE_SHEET)));
        // the reader reads the three-month columns B and C; the six-month ones hold them
        assertThat(auto.model().periods().count()).isEqualTo(2);
        double quarter = revenue(auto);
        assertThat(quarter / 1e6).isCloseTo(95_359 + 90_753, within(0.5));

        ReadResult half = WorkbookReader.read(file, null, layout(APPLE_SHEET, 2, "A", List.of("D", "E")));
        assertThat(half.model().periods().count()).isEqualTo(2);
        assertThat(revenue(half) / 1e6).isCloseTo(219_659 + 210_328, within(0.5));
        assertThat(half.reading().notes()).anySatisfy(n -> assertThat(n).contains("chosen in the mapping").contains("D, E"));
        assertThat(half.model().costs()).allSatisfy(c -> assertThat(c.source().periodColumns()).containsOnly(3, 4));
    }

    @Test
    void aLayoutThatDoesNotFitIsOneClearMessage() {
        Path file = TestFiles.resource(APPLE_10Q);
        assertThatThrownBy(() -> WorkbookReader.read(file, null, layout(APPLE_SHEET, 1, null, List.of())))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageContaining("row 1").hasMessageContaining("header row").hasMessageContaining("no period");
        assertThatThrownBy(() -> WorkbookReader.read(file, null, layout(APPLE_SHEET, 60, null, List.of())))
                .isInstanceOf(WorkbookReadException.class).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> WorkbookReader.read(file, null, layout(APPLE_SHEET, null, "K", List.of())))
                .isInstanceOf(WorkbookReadException.class).hasMessageContaining("label column 'K'");
        assertThatThrownBy(() -> WorkbookReader.read(file, null, layout(APPLE_SHEET, 2, null, List.of("A"))))
                .isInstanceOf(WorkbookReadException.class).hasMessageContaining("period columns chosen");
    }

    private static double revenue(ReadResult r) {
        return r.model().revenue().stream().mapToDouble(RevenueLine::total).sum();
    }
}
