package com.marginworkbench.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report}: a board pack whose text holds the headline and decision figures, fonts embedded. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void boardPackHoldsTheHeadlineAndDecisionFigures() throws Exception {
        Path pdf = dir.resolve("pack.pdf");
        CliRun r = CliRun.of("report", NorthwindSample.path().toString(), "-o", pdf.toString(), "--llm-cost", "50");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("pack.pdf").contains("AI layer stressed 12.0%");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 3);
            PDPage first = doc.getPage(0);
            // A4 is 595 × 842 points
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(doc);
            // reported (500 − 19.1) / 500, restated 421.5 / 500, AI layer 40.6 / 100, at +50% LLM cost 12 / 100
            assertThat(text).contains("96.2%", "84.3%", "40.6%", "12.0%");
            // break-even 40.6 / 57.2 and the price that restores 40.6%: 88 / 59.4
            assertThat(text).contains("LLM cost change +71.0%", "AI price change +48.1%");
            assertThat(text).contains("Stress walk", "Margin bridge", "Sensitivity", "Lines that moved",
                    "Framework and policies", "Scenario. LLM cost +50%", "not accounting advice");
            assertThat(text).contains("LLM API - production");
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void letterPaperAndADefaultNameBesideTheWorkbook() throws Exception {
        Path workbook = Files.copy(NorthwindSample.path(), dir.resolve("model.xlsx"));
        CliRun r = CliRun.of("report", workbook.toString(), "--paper", "letter");
        assertThat(r.exit()).as(r.err()).isZero();
        Path pdf = dir.resolve("model-board-pack.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // Letter is 612 × 792 points
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(792f);
        }
        // a second run never overwrites the first
        assertThat(CliRun.of("report", workbook.toString()).exit()).isZero();
        assertThat(dir.resolve("model-board-pack-2.pdf")).isRegularFile();
    }

    @Test
    void badInputGivesOneLineAndExitTwo() throws Exception {
        Path workbook = Files.copy(NorthwindSample.path(), dir.resolve("model.xlsx"));
        byte[] before = Files.readAllBytes(workbook);
        String[][] cases = {
                {"report", workbook.toString(), "--paper", "a5"},
                {"report", workbook.toString(), "-o", workbook.toString()},
                {"report", dir.resolve("missing.xlsx").toString()},
                {"report", dir.toString()},
                {"report", workbook.toString(), "-o", dir.resolve("no-such-folder").resolve("x.pdf").toString()},
        };
        for (String[] args : cases) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).isNotEmpty().doesNotContain("\n")
                    .doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(workbook)).isEqualTo(before);
    }
}
