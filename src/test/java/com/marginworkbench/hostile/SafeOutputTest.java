package com.marginworkbench.hostile;

import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.cli.CliRun;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;
import com.marginworkbench.workbook.restate.RestateException;
import com.marginworkbench.workbook.restate.RestatedWorkbookWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Outputs never overwrite, never mix versions, never leak: -o needs --force over an existing file,
 * default names never collide, outputs and project files are no more readable than the source,
 * temporary files are private, a source changed between read and write is refused, and paths that
 * are not workbooks (pipes, devices, names too long) get one plain sentence at once.
 */
class SafeOutputTest {
    @TempDir
    Path dir;

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    // ------------------------------------------------------------------ overwriting

    @Test
    void dashOOverAnExistingFileNeedsForceAndNeverTouchesAReadOnlyOne() throws Exception {
        Path source = HostileFiles.small(dir, "client.xlsx");
        Path out = Files.writeString(dir.resolve("out.xlsx"), "last month's restated workbook");

        CliRun refused = CliRun.of("restate", source.toString(), "-o", out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(out)).isEqualTo("last month's restated workbook");

        CliRun forced = CliRun.of("restate", source.toString(), "-o", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).startsWith("Wrote " + out);
        assertThat(Files.size(out)).isGreaterThan(1000);

        Path readOnly = Files.writeString(dir.resolve("theirs.xlsx"), "someone else's");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        CliRun notTheirs = CliRun.of("restate", source.toString(), "-o", readOnly.toString(), "--force");
        assertThat(notTheirs.exit()).isEqualTo(2);
        assertThat(notTheirs.err()).contains("read-only");
        assertThat(Files.readString(readOnly)).isEqualTo("someone else's");
    }

    @Test
    void aDefaultNameTakenWhileWritingMovesToTheNextNumberAndSaysSo() throws Exception {
        Path target = dir.resolve("client-restated.xlsx");
        Path used = SafeFiles.write(target, null, SafeFiles.Mode.NEXT_FREE_NAME, out -> {
            // another run finishes first under the same default name
            Files.writeString(target, "the other run's workbook");
            out.write("this run's workbook".getBytes());
        });
        assertThat(used).isEqualTo(dir.resolve("client-restated-2.xlsx"));
        assertThat(Files.readString(target)).isEqualTo("the other run's workbook");
        assertThat(Files.readString(used)).isEqualTo("this run's workbook");
        assertThat(temporaryFiles()).isEmpty();

        Path named = dir.resolve("named.xlsx");
        assertThatThrownBy(() -> SafeFiles.write(named, null, SafeFiles.Mode.NEW_ONLY, out -> {
            Files.writeString(named, "appeared meanwhile");
            out.write(1);
        })).isInstanceOf(SafeFiles.WriteFailedException.class).hasMessageContaining("appeared");
        assertThat(Files.readString(named)).isEqualTo("appeared meanwhile");
        assertThat(temporaryFiles()).isEmpty();
    }

    private List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(SafeFiles.TEMP_PREFIX)).toList();
        }
    }

    // ------------------------------------------------------------------ permissions

    @Test
    void outputsAndProjectFilesAreNoMoreReadableThanTheSourceAndTemporaryFilesArePrivate() throws Exception {
        Path source = HostileFiles.small(dir, "secret.xlsx");
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        CliRun r = CliRun.of("restate", source.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(perms(dir.resolve("secret-restated.xlsx"))).isEqualTo("rw-------");

        Path project = ProjectFile.pathFor(source);
        ProjectFile.save(project, FaultChild.state("A"), new com.marginworkbench.project.ProjectFileDto.MappingDto(),
                "secret.xlsx");
        assertThat(perms(project)).isEqualTo("rw-------");

        Path shared = HostileFiles.small(dir, "shared.xlsx");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(CliRun.of("restate", shared.toString()).exit()).isZero();
        assertThat(perms(dir.resolve("shared-restated.xlsx"))).isEqualTo("rw-r-----");

        String[] seen = new String[1];
        SafeFiles.write(dir.resolve("any.bin"), shared, SafeFiles.Mode.REPLACE, out -> {
            try (Stream<Path> files = Files.list(dir)) {
                Path temp = files.filter(f -> f.getFileName().toString().startsWith(SafeFiles.TEMP_PREFIX))
                        .findFirst().orElseThrow();
                seen[0] = PosixFilePermissions.toString(Files.getPosixFilePermissions(temp));
            }
            out.write(1);
        });
        assertThat(seen[0]).as("the temporary file while it is written").isEqualTo("rw-------");
    }

    // ------------------------------------------------------------------ one version of the source

    @Test
    void aSourceChangedBetweenReadingAndWritingIsRefusedAndNothingIsWritten() throws Exception {
        Path source = HostileFiles.small(dir, "client.xlsx");
        ReadResult read = WorkbookReader.read(source);
        // the source is replaced by another version after it was read
        Path other = HostileFiles.small(dir, "other.xlsx");
        Files.move(other, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path target = dir.resolve("client-restated.xlsx");
        Policy policy = Policy.US_GAAP_DEFAULT;
        assertThatThrownBy(() -> RestatedWorkbookWriter.write(source, read,
                CogsTest.classifyAll(read.decisions(), policy), read.decisions(), policy, Levers.NEUTRAL, target,
                null)).isInstanceOf(RestateException.class).hasMessageContaining("changed or replaced");
        assertThat(target).doesNotExist();
        assertThat(temporaryFiles()).isEmpty();
    }

    // ------------------------------------------------------------------ paths that are not workbooks

    @Test
    void aPipeIsRefusedAtOnceInsteadOfHanging() throws Exception {
        Path fifo = dir.resolve("pipe.xlsx");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("summary", fifo.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("pipe.xlsx").contains("not a regular file").contains("pipe");
        CliRun w = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("restate", fifo.toString()));
        assertThat(w.exit()).isEqualTo(2);
    }

    @Test
    void aLinkToADeviceIsRefusedWithAPlainSentence() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path link = Files.createSymbolicLink(dir.resolve("zero.xlsx"), zero);
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("summary", link.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("zero.xlsx is not a regular file").contains("device")
                .doesNotContain("Exception");
    }

    @Test
    void aPathLongerThanTheSystemAllowsIsSaidPlainly() {
        String longName = "a".repeat(300) + ".xlsx";
        CliRun r = CliRun.of("summary", dir.resolve(longName).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("longer than the system allows").doesNotContain("Exception");
        assertThat(r.err().length()).isLessThan(400);
    }

    @Test
    void aFileNameTheLanguageSettingCannotEncodeGetsAPlainSentence() {
        var invalid = new java.nio.file.InvalidPathException("r\u00e9sum\u00e9.xlsx", "Malformed input");
        String m = com.marginworkbench.cli.Main.parameterMessage(new IllegalArgumentException("x", invalid));
        assertThat(m).contains("cannot be used here").contains("UTF-8").contains("LANG=");
    }

    // ------------------------------------------------------------------ Excel's cell limit

    @Test
    void noCellOfTheRestatedWorkbookIsLongerThanExcelAllows() throws Exception {
        // A line at the label limit that the test moves into cost of revenue gets a Margin Bridge row
        // "Into COGS: <label>", longer than a cell may be.
        String label = ("OpenAI API - production " + "inference for paying customers ".repeat(1200))
                .substring(0, 32_767);
        Path source = HostileFiles.raw(dir.resolve("long.xlsx"), List.of(new HostileFiles.RawSheet("P&L", w -> {
            HostileFiles.row(w, 1, "", "Jan-26", "Feb-26");
            HostileFiles.row(w, 2, "Revenue");
            HostileFiles.row(w, 3, "Subscription revenue", 1000, 1100);
            HostileFiles.row(w, 4, "Cost of revenue");
            HostileFiles.row(w, 5, "AWS hosting - production", 80, 85);
            HostileFiles.row(w, 6, "Operating expenses");
            HostileFiles.row(w, 7, label, 120, 130);
        })), java.util.Map.of());
        Path out = dir.resolve("long-restated.xlsx");
        CliRun r = CliRun.of("restate", source.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 3);
        int cut = 0;
        try (Workbook wb = WorkbookFactory.create(out.toFile(), null, true)) {
            for (String name : List.of("Classification", "Margin Bridge", "Restated P&L", "Stress")) {
                Sheet s = wb.getSheet(name);
                for (Row row : s) {
                    for (Cell c : row) {
                        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            String v = c.getStringCellValue();
                            assertThat(v.length()).as("%s!%s", name, c.getAddress()).isLessThanOrEqualTo(32_767);
                            if (v.length() == 32_767 && v.endsWith("…")) {
                                cut++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(cut).as("texts cut with an ellipsis").isNotNegative();
        String cutText = com.marginworkbench.workbook.restate.RestatedWorkbookWriter.fitCellForTest("\ud83d\ude00".repeat(20_000));
        assertThat(cutText.length()).isLessThanOrEqualTo(32_767);
        assertThat(cutText).endsWith("…");
        assertThat(Character.isHighSurrogate(cutText.charAt(cutText.length() - 2))).isFalse();
    }
}
