package com.marginworkbench.cli;

import com.marginworkbench.testing.TestFiles;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RestateCommandTest {
    private static final Path SAMPLES = Path.of("sample-models");

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path copySample(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(SAMPLES.resolve(name), p);
        return p;
    }

    @Test
    void restatesTheSampleBesideItAndSaysWhere() throws Exception {
        Path source = copySample("northwind-ai-model.xlsx");
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_500_000_000_000L));
        byte[] before = Files.readAllBytes(source);
        CliRun r = run("restate", source.toString(), "--llm-cost", "50");
        assertThat(r.exit()).as(r.err()).isZero();
        Path out = dir.resolve("northwind-ai-model-restated.xlsx");
        assertThat(r.out()).contains("Wrote " + out).contains("restated 84.3%").contains("AI layer 40.6%")
                .contains("AI layer stressed 12.0%");
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(1_500_000_000_000L);
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(22);
            assertThat(wb.getSheet("Stress")).isNotNull();
            assertThat(wb.getName("LLMCostChange")).isNotNull();
        }
        CliRun again = run("restate", source.toString());
        assertThat(again.out()).contains("northwind-ai-model-restated-2.xlsx");
    }

    @Test
    void outputNamingTheSourceIsRefusedWithExitTwo() throws Exception {
        Path source = copySample("client-pnl-acme.xlsx");
        Files.createDirectories(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("alias.xlsx"), source);
        for (String target : new String[] {source.toString(), dir.resolve("sub/../client-pnl-acme.xlsx").toString(),
                link.toString()}) {
            CliRun r = run("restate", source.toString(), "-o", target);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").contains("source workbook itself");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("client-pnl-acme.xlsx", "sub", "alias.xlsx");
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path xls = dir.resolve("old.xls");
        Files.copy(TestFiles.poiFile("SampleSS.xls"), xls);
        CliRun r = run("restate", xls.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("old.xls").contains(".xlsx");

        CliRun missing = run("restate", dir.resolve("none.xlsx").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("none.xlsx");

        Path source = copySample("client-pnl-acme.xlsx");
        CliRun wrongType = run("restate", source.toString(), "-o", dir.resolve("out.xlsm").toString());
        assertThat(wrongType.exit()).isEqualTo(2);
        assertThat(wrongType.err().strip()).doesNotContain("\n").contains(".xlsx");

        CliRun lever = run("restate", source.toString(), "--variance-buffer", "lots");
        assertThat(lever.exit()).isEqualTo(2);
        assertThat(lever.err().strip()).doesNotContain("\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("restated"))).isEmpty();
        }
    }

    @Test
    void aFolderRestatesEveryWorkbookAndCarriesOnPastFailures() throws Exception {
        copySample("client-pnl-acme.xlsx");
        copySample("client-costs-quarterly.xlsx");
        Files.writeString(dir.resolve("broken.xlsx"), "not a workbook");
        Path results = Files.createDirectories(dir.resolve("results"));
        CliRun r = run("restate", dir.toString(), "-o", results.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("broken.xlsx");
        assertThat(results.resolve("client-pnl-acme-restated.xlsx")).exists();
        assertThat(results.resolve("client-costs-quarterly-restated.xlsx")).exists();

        // A second run beside the sources skips the results of earlier runs.
        Files.delete(dir.resolve("broken.xlsx"));
        CliRun beside = run("restate", dir.toString());
        assertThat(beside.exit()).as(beside.err()).isZero();
        assertThat(beside.out().lines()).hasSize(2);
        CliRun again = run("restate", dir.toString());
        assertThat(again.out().lines()).hasSize(2).allMatch(l -> l.contains("-restated-2.xlsx"));
    }
}
