package com.marginworkbench.hostile;

import com.marginworkbench.cli.Main;
import com.marginworkbench.samples.LargeModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big workbook under heaps from far too small to just enough, each run a fresh JVM running the
 * command line as a user would: it ends on time, either with the summary or with exit 2 and one
 * line that says memory ran short and what to do. Never a hang (a thread that died of it left the
 * command waiting, once), never Java's own out-of-memory lines.
 */
@Tag("childjvm")
class SmallHeapTest {
    @TempDir
    static Path dir;
    private static Path book;

    @BeforeAll
    static void write() throws Exception {
        book = dir.resolve("ledger-20000x60.xlsx");
        LargeModel.write(book, 20_000, 60);
    }

    private static ChildJvm.Outcome run(String heap, String... args) throws Exception {
        ChildJvm.Outcome o = ChildJvm.run(List.of(heap), Main.class, List.of(args), dir, 90);
        assertThat(o.timedOut()).as("%s %s ended", heap, args[0]).isFalse();
        return o;
    }

    private static void assertSummaryOrOneLine(ChildJvm.Outcome o, String heap) {
        if (o.exit() == 0) {
            assertThat(o.out()).as(heap).contains("Restated").doesNotContain("Exception");
            return;
        }
        assertThat(o.exit()).as("%s: %s", heap, o.out()).isEqualTo(2);
        assertThat(o.lines()).as(heap).hasSize(1);
        assertThat(o.out()).as(heap).startsWith("margin-workbench: ").contains("memory").contains("-Xmx")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void heapsFromFarTooSmallToEnough() throws Exception {
        ChildJvm.Outcome tiny = run("-Xmx16m", "summary", book.toString());
        assertThat(tiny.exit()).as(tiny.out()).isEqualTo(2);
        assertThat(tiny.out()).contains(book.getFileName().toString()).contains("memory");
        assertSummaryOrOneLine(tiny, "-Xmx16m");
        for (String heap : List.of("-Xmx40m", "-Xmx48m", "-Xmx56m")) {
            assertSummaryOrOneLine(run(heap, "summary", book.toString()), heap);
        }
        ChildJvm.Outcome enough = run("-Xmx256m", "summary", book.toString());
        assertThat(enough.exit()).as(enough.out()).isZero();
        assertThat(enough.out()).contains("Restated");
    }

    @Test
    void restateUnderASmallHeapWritesNothingOrTheWholeWorkbook() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ChildJvm.Outcome o = run("-Xmx48m", "restate", book.toString(), "-o", out.toString());
        try (var files = Files.list(out)) {
            List<Path> written = files.toList();
            if (o.exit() == 0) {
                assertThat(written).extracting(p -> p.getFileName().toString())
                        .containsExactly("ledger-20000x60-restated.xlsx");
            } else {
                assertSummaryOrOneLine(o, "-Xmx48m restate");
                assertThat(written).as("nothing half-written").isEmpty();
            }
        }
    }
}
