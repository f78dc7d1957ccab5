package com.marginworkbench.app;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening an assessment with a project file: the previous format, lines and mappings that no longer fit. */
class AssessmentTest {
    private static ReadResult read;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSample() throws Exception {
        read = WorkbookReader.read(Path.of("sample-models", "client-pnl-acme.xlsx"));
    }

    private Workbench.Opened open(String json) throws Exception {
        Path file = dir.resolve("acme.mwb.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Workbench.SavedProject saved = Workbench.readProject(dir.resolve("acme.xlsx"),
                Workbench.ProjectChoice.file(file), new ProjectLocation(dir));
        return Workbench.assess(read, Policy.US_GAAP_DEFAULT, saved);
    }

    @Test
    void aFormatOneFileStillOpens() throws Exception {
        Workbench.Opened o = open("""
                {"formatVersion": 1,
                 "policy": {"framework": "IFRS"},
                 "levers": {"llmCostChange": 0.5, "varianceBuffer": 1.2, "heavyUserShare": 0,
                            "heavyUserMultiplier": 1, "priceChange": 0, "tokenPriceDeclinePerYear": 0},
                 "lines": [{"source": "P&L!A25", "label": "Pinecone (vector DB, production retrieval)",
                            "costType": "SALES_MARKETING", "aiShare": 0}]}
                """);
        Assessment a = o.assessment();
        assertThat(o.projectLine()).contains("Using project file").contains("format 1");
        assertThat(a.policy().framework()).isEqualTo(Framework.IFRS);
        assertThat(a.levers().llmCostChange()).isEqualTo(0.5);
        assertThat(a.levers().varianceBuffer()).isEqualTo(1.2);
        AssessedLine pinecone = a.lines().stream().filter(l -> l.line().sourceCell().equals("P&L!A25"))
                .findFirst().orElseThrow();
        assertThat(pinecone.decision().costType()).isEqualTo(CostType.SALES_MARKETING);
        assertThat(pinecone.line().layer().aiShare()).isZero();
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void savedLinesAndMappingsThatNoLongerFitAreNamed() throws Exception {
        Workbench.Opened o = open("""
                {"formatVersion": 2,
                 "mapping": {"sheets": ["Old P&L!A1:N40"]},
                 "levers": {"llm-cost": 0.25},
                 "lines": [{"source": "P&L!A99", "label": "A line that was deleted", "costType": "OTHER"}]}
                """);
        assertThat(o.assessment().levers().llmCostChange()).isEqualTo(0.25);
        assertThat(o.assessment().notes()).anySatisfy(n -> assertThat(n).contains("1 saved decision")
                .contains("P&L!A99"));
        assertThat(o.assessment().notes()).anySatisfy(n -> assertThat(n).contains("'Old P&L'")
                .contains("automatic reading"));
    }

    @Test
    void savedThenReadGivesTheSameAssessment() throws Exception {
        Assessment a = Assessment.of(read, Policy.US_GAAP_DEFAULT)
                .decide(0, read.decisions().get(0).withNote("checked with the controller"), java.time.Instant.EPOCH)
                .withLevers(com.marginworkbench.margin.Lever.TOKEN_DECLINE.write(
                        com.marginworkbench.margin.Levers.NEUTRAL, 30));
        Path file = dir.resolve("round.mwb.json");
        Workbench.saveProject(a, file);
        assertThat(Files.readString(file)).contains("\"formatVersion\" : " + ProjectFile.FORMAT_VERSION)
                .contains("\"token-decline\"");
        Workbench.Opened back = Workbench.assess(read, Policy.US_GAAP_DEFAULT,
                Workbench.readProject(dir.resolve("round.xlsx"), Workbench.ProjectChoice.file(file),
                        new ProjectLocation(dir)));
        assertThat(back.assessment().projectState()).isEqualTo(a.projectState());
        assertThat(back.assessment().figures().total()).isEqualTo(a.figures().total());
    }
}
