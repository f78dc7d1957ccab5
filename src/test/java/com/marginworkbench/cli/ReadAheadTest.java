package com.marginworkbench.cli;

import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read a batch command starts before its arguments are parsed, and when it must not be used. */
class ReadAheadTest {
    private static final Path SAMPLES = Path.of("sample-models");

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ReadAhead.discard();
    }

    private Path copy(String sample, String as) throws Exception {
        return Files.copy(SAMPLES.resolve(sample), dir.resolve(as), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theNamedWorkbookIsReadOnceAndHandedOver() throws Exception {
        Path file = copy("client-pnl-acme.xlsx", "acme.xlsx");
        ReadAhead.start("summary", "--llm-cost", "50", file.toString(), "--json");
        ReadAhead.Timed t = ReadAhead.take(dir.resolve(".").resolve("acme.xlsx"));
        assertThat(t).isNotNull();
        assertThat(t.result().model().costs()).hasSameSizeAs(WorkbookReader.read(file).model().costs());
        assertThat(ReadAhead.take(file)).as("taken once").isNull();

        Path out = Files.createDirectory(dir.resolve("out"));
        ReadAhead.start("restate", file.toString(), "-o", out.toString());
        assertThat(ReadAhead.take(file)).isNotNull();
    }

    @Test
    void noReadWhenTheArgumentsDoNotNameExactlyOneFileOfABatchCommand() throws Exception {
        Path a = copy("client-pnl-acme.xlsx", "a.xlsx");
        Path b = copy("client-costs-quarterly.xlsx", "b.xlsx");
        ReadAhead.start("summary", a.toString(), b.toString());
        assertThat(ReadAhead.take(a)).isNull();
        ReadAhead.start("samples", a.toString());
        assertThat(ReadAhead.take(a)).isNull();
        ReadAhead.start("summary", dir.toString());
        assertThat(ReadAhead.take(dir)).isNull();
        ReadAhead.start("summary", a.toString());
        assertThat(ReadAhead.take(b)).as("another file").isNull();
        ReadAhead.start("summary", a.toString());
        ReadAhead.discard();
        assertThat(ReadAhead.take(a)).as("discarded").isNull();
    }

    @Test
    void aReadStartedOnOneThreadIsNotTakenOnAnother() throws Exception {
        Path a = copy("client-pnl-acme.xlsx", "a.xlsx");
        ReadAhead.start("summary", a.toString());
        AtomicReference<Object> seen = new AtomicReference<>("not run");
        Thread other = new Thread(() -> {
            try {
                seen.set(ReadAhead.take(a));
            } catch (WorkbookReadException e) {
                seen.set(e);
            }
        });
        other.start();
        other.join();
        assertThat(seen.get()).isNull();
        assertThat(ReadAhead.take(a)).isNotNull();
    }

    @Test
    void aFailedReadThrowsWhatReadingWouldHave() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.xlsx"), "just,some,text\n1,2,3\n");
        String expected = null;
        try {
            WorkbookReader.read(text);
        } catch (WorkbookReadException e) {
            expected = e.getMessage();
        }
        assertThat(expected).isNotNull();
        ReadAhead.start("summary", text.toString());
        assertThatThrownBy(() -> ReadAhead.take(text)).isInstanceOf(WorkbookReadException.class)
                .hasMessage(expected);
    }

    /** A run that stopped on a bad option leaves nothing behind for the next run of the same file. */
    @Test
    void aRunThatFailsLeavesNoStaleReadForTheNext() throws Exception {
        Path file = copy("client-pnl-acme.xlsx", "book.xlsx");
        CliRun bad = CliRun.of("summary", file.toString(), "--no-such-option");
        assertThat(bad.exit()).isEqualTo(2);
        copy("client-costs-quarterly.xlsx", "book.xlsx");
        CliRun good = CliRun.of("summary", file.toString(), "--json");
        assertThat(good.exit()).as(good.err()).isZero();
        String quarterly = CliRun.of("summary", SAMPLES.resolve("client-costs-quarterly.xlsx").toString(), "--json").out();
        assertThat(good.out().replace("book.xlsx", "client-costs-quarterly.xlsx")).isEqualTo(quarterly);
    }
}
