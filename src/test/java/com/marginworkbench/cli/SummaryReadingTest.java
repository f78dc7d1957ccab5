package com.marginworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marginworkbench.testing.TestFiles;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code summary} says which table it read, the units, the checks and the confidence; --table points it. */
class SummaryReadingTest {
    @TempDir
    Path dir;

    @Test
    void jsonCarriesTableUnitsChecksAndConfidence() throws Exception {
        Path file = TestFiles.resource("corpus/real-models/apple-10q-sec-financial-report.xlsx");
        CliRun run = CliRun.of("summary", "--json", file.toString());
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("table").get("sheet").asText()).isEqualTo("CONDENSED CONSOLIDATED STATEMEN");
        assertThat(json.get("table").get("headerRow").asInt()).isEqualTo(2);
        assertThat(json.get("table").get("labelColumn").asText()).isEqualTo("A");
        assertThat(json.get("table").get("why").asText()).contains("income statement");
        assertThat(json.get("units").asText()).isEqualTo("USD millions");
        assertThat(json.get("checks")).anySatisfy(c -> {
            assertThat(c.get("what").asText()).startsWith("gross profit");
            assertThat(c.get("holds").asBoolean()).isTrue();
        });
        assertThat(json.get("confidence").asText()).isEqualTo("high");
        assertThat(json.get("totals").get("revenue").asDouble()).isCloseTo(186_112e6, within(1e6));
    }

    @Test
    void tableOptionReadsOnlyThatRangeAndTheTableOutputSaysSo() throws Exception {
        Path file = TestFiles.resource("corpus/real-models/saas-monthly-pnl-gbp.xlsx");
        CliRun run = CliRun.of("summary", "--table", "'P&L'!A1:M15", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Table       'P&L'!A1:M15").contains("--table").contains("Confidence  high");
        assertThat(run.out()).contains("818,946");
        CliRun missing = CliRun.of("summary", "--table", "'Nope'!A1:B2", file.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Nope").contains("does not have").doesNotContain("Exception");
    }

    @Test
    void lowConfidenceIsAWarningAboveTheTable() throws Exception {
        Path file = dir.resolve("absurd.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("P&L");
            String[] labels = {"Line", "Revenue", "Cost of revenue", "Gross profit"};
            double[][] v = {{0, 0}, {100, 120}, {2000, 2500}, {50, 60}};
            for (int r = 0; r < 4; r++) {
                var row = s.createRow(r);
                row.createCell(0).setCellValue(labels[r]);
                for (int c = 0; c < 2; c++) {
                    if (r == 0) {
                        row.createCell(c + 1).setCellValue("FY202" + (4 + c));
                    } else {
                        row.createCell(c + 1).setCellValue(v[r][c]);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        CliRun run = CliRun.of("summary", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().findFirst().orElse("")).startsWith("WARNING").contains("Low confidence")
                .contains("gross margin");
        CliRun json = CliRun.of("summary", "--json", file.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("confidence").asText()).isEqualTo("low");
        assertThat(j.get("confidenceReasons").size()).isPositive();
    }
}
