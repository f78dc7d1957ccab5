package com.marginworkbench.hostile;

import com.marginworkbench.testing.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline and private: reading, restating and drawing the charts open no socket, look up no host
 * name and leave no temporary copy of client data behind. Runs {@link OfflineChild} in a child JVM
 * under a security manager that records every network permission, with its own empty temporary
 * folder, and checks the folder is empty again once the child has exited.
 */
@Tag("childjvm")
class OfflineTest {
    @TempDir
    Path dir;

    @Test
    void readingRestatingAndDrawingUseNoNetworkAndLeaveNoTemporaryCopies() throws Exception {
        Path in = Files.createDirectories(dir.resolve("client files"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path northwind = Files.copy(Path.of("sample-models", "northwind-ai-model.xlsx"), in.resolve("northwind.xlsx"));
        Path acme = Files.copy(Path.of("sample-models", "client-pnl-acme.xlsx"), in.resolve("acme.xlsx"));
        Path links = HostileFiles.externalLinks(in);
        // Big enough for the streaming read; the external link of the other file points at a web address.
        Path large = in.resolve("large.xlsx");
        com.marginworkbench.samples.LargeModel.write(large, 6_000, 36);
        Path xls = Files.copy(TestFiles.poiFile("SampleSS.xls"), in.resolve("old.xls"));

        ChildJvm.Outcome o = ChildJvm.run(List.of("-Xmx1g", "-Djava.security.manager=allow",
                        "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true", "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k"),
                OfflineChild.class, List.of(out.toString(), northwind.toString(), acme.toString(), links.toString(),
                        large.toString(), xls.toString()), dir, 240);
        String log = o.out();
        assertThat(o.timedOut()).as(log).isFalse();
        assertThat(log).as(log).contains("DONE");
        assertThat(log.lines().filter(l -> l.startsWith("ATTEMPT"))).as("network permissions asked for:\n%s", log)
                .isEmpty();

        // The work really happened: every workbook read, the .xlsx ones restated, three charts drawn.
        assertThat(log).contains("READ northwind.xlsx").contains("READ acme.xlsx").contains("READ large.xlsx")
                .contains("READ external-links.xlsx");
        // The .xls went through the old-format reader, which found no cost table in it.
        assertThat(log).contains("REFUSED old.xls: no cost table found");
        // Three workbooks are read whole; the one whose formulas point at another workbook is still
        // restated, but its unread lines make the run end with exit 3, never a silent 0.
        assertThat(log.lines().filter(l -> l.startsWith("RESTATE") && l.contains("exit 0"))).hasSize(3);
        assertThat(log.lines().filter(l -> l.startsWith("RESTATE external-links.xlsx exit 3"))).hasSize(1);
        assertThat(out.resolve("large-restated.xlsx")).exists();
        assertThat(log.lines().filter(l -> l.startsWith("DREW") && !l.endsWith(" -1"))).hasSize(3);
        assertThat(log).doesNotContain("WINDOW-ERROR").doesNotContain("DRAW-FAILED");

        // The trap is real: a socket, a URL, a datagram and a name lookup are all caught.
        assertThat(log).contains("CONTROL socket caught", "CONTROL url caught", "CONTROL datagram caught",
                "CONTROL lookup caught");

        // Nothing left in the temporary folder; outputs only where the user asked.
        try (Stream<Path> left = Files.walk(tmp)) {
            assertThat(left.filter(p -> !p.equals(tmp)).map(tmp::relativize).map(Path::toString).toList())
                    .as("left in the temporary folder").isEmpty();
        }
        try (Stream<Path> left = Files.list(in)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("acme.xlsx", "external-links.xlsx", "large.xlsx", "northwind.xlsx", "old.xls");
        }
    }
}
