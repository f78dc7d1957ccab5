package com.marginworkbench.hostile;

import com.marginworkbench.cli.CliRun;
import com.marginworkbench.cli.Main;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.ProjectState;
import com.marginworkbench.project.SafeFiles;
import com.marginworkbench.samples.LargeModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults: a real child process killed with SIGKILL while restating or while saving the project
 * file, and target folders that are read-only or full (small tmpfs mounts; needs root, else the
 * folder tests are skipped and say why).
 */
@Tag("fault")
class FaultsTest {
    @TempDir
    Path dir;

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static Process start(Path workDir, Class<?> main, String... args) throws Exception {
        return new ProcessBuilder(ChildJvm.command(List.of("-Xmx1g"), main, List.of(args)))
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** Waits (at most 60 s) for {@code condition} while the child lives; false if the child ended first. */
    private static boolean await(Process child, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!child.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static void sigkill(Process child) throws InterruptedException {
        // On Linux destroyForcibly sends SIGKILL: no shutdown hook, no finally block runs. A child
        // that finished in the moment between the caller's check and the kill ended on its own (0).
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL, or just finished").isIn(137, 0);
    }

    private static long partBytes(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(SafeFiles.TEMP_PREFIX))
                    .mapToLong(p -> p.toFile().length()).max().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void restateKilledAtAnyMomentLeavesTheSourceAndTheOldOutputAsTheyWere() throws Exception {
        Path source = dir.resolve("client.xlsx");
        LargeModel.write(source, 4_000, 60);
        String sourceSha = sha(source);
        Path out = dir.resolve("client-restated.xlsx");
        Files.writeString(out, "the restated workbook of last month");
        String oldSha = sha(out);

        // While reading (before any temporary file), just after the temporary file appears, and deep into writing it.
        long[] started = new long[1];
        List<BooleanSupplier> moments = List.of(() -> System.nanoTime() - started[0] > 400_000_000L,
                () -> partBytes(dir) >= 0, () -> partBytes(dir) > 1_000_000);
        int killedWhileWriting = 0;
        for (BooleanSupplier moment : moments) {
            started[0] = System.nanoTime();
            Process child = start(dir, Main.class, "restate", source.toString(), "-o", out.toString(), "--force");
            boolean reached = await(child, moment);
            if (child.isAlive()) {
                if (partBytes(dir) >= 0) {
                    killedWhileWriting++;
                }
                sigkill(child);
            }
            assertThat(reached || child.exitValue() == 0).isTrue();
            assertThat(sha(source)).as("the source is never touched").isEqualTo(sourceSha);
            String now = sha(out);
            if (!now.equals(oldSha)) {
                // Only a finished run may replace the old output, and then with a whole workbook.
                assertThat(child.exitValue()).isZero();
                try (ZipFile zip = new ZipFile(out.toFile())) {
                    assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
                }
                Files.writeString(out, "the restated workbook of last month");
            }
        }
        assertThat(killedWhileWriting).as("at least one kill landed while the temporary file was being written")
                .isPositive();

        // A stray temporary file is recognisable, is not taken for a workbook, and does not block the next run.
        Process again = start(dir, Main.class, "restate", dir.toString());
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("child-"))
                .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified())).orElseThrow());
        assertThat(again.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain(SafeFiles.TEMP_PREFIX);
        assertThat(dir.resolve("client-restated-2.xlsx")).exists();
        assertThat(sha(source)).isEqualTo(sourceSha);
    }

    @Test
    void sigtermWhileWritingLeavesNoTemporaryFileAndNoOutput() throws Exception {
        Path source = dir.resolve("client.xlsx");
        LargeModel.write(source, 4_000, 60);
        Files.setPosixFilePermissions(source, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path out = dir.resolve("client-restated.xlsx");
        Process child = start(dir, Main.class, "restate", source.toString());
        boolean writing = await(child, () -> partBytes(dir) > 100_000);
        assumeTrue(writing, "the restate finished before it could be stopped mid-write");
        child.destroy(); // SIGTERM: the shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("stopped by SIGTERM, or just finished").isIn(143, 0);
        assertThat(partBytes(dir)).as("no temporary file left behind").isEqualTo(-1);
        if (child.exitValue() == 143) {
            assertThat(out).as("nothing under the final name").doesNotExist();
        }
    }

    @Test
    void twoWritersOnOneTargetNeverOverwriteEachOther() throws Exception {
        Path source = dir.resolve("client.xlsx");
        LargeModel.write(source, 2_000, 36);
        // Default names: each run takes its own name and says which.
        Process a = start(dir, Main.class, "restate", source.toString());
        Process b = start(dir, Main.class, "restate", source.toString());
        assertThat(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        List<String> said;
        try (Stream<Path> logs = Files.list(dir)) {
            said = logs.filter(p -> p.getFileName().toString().startsWith("child-")).map(p -> {
                try {
                    return Files.readString(p).strip();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(said).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("Wrote "));
        assertThat(said).anySatisfy(l -> assertThat(l).contains("client-restated.xlsx:"))
                .anySatisfy(l -> assertThat(l).contains("client-restated-2.xlsx:"));
        for (String name : List.of("client-restated.xlsx", "client-restated-2.xlsx")) {
            try (ZipFile zip = new ZipFile(dir.resolve(name).toFile())) {
                assertThat(zip.getEntry("xl/workbook.xml")).as(name).isNotNull();
            }
        }
        // One named target, both with --force: one whole workbook at the end, no leftovers.
        Path named = dir.resolve("board.xlsx");
        Process c = start(dir, Main.class, "restate", source.toString(), "-o", named.toString(), "--force");
        Process d = start(dir, Main.class, "restate", source.toString(), "-o", named.toString(), "--force");
        assertThat(c.waitFor(120, TimeUnit.SECONDS) && d.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(c.exitValue()).isZero();
        assertThat(d.exitValue()).isZero();
        try (ZipFile zip = new ZipFile(named.toFile())) {
            assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
        }
        assertThat(partBytes(dir)).isEqualTo(-1);
    }

    @Test
    void projectFileKilledMidSaveIsAlwaysTheOldOrTheNewOneWhole() throws Exception {
        Path project = dir.resolve("client.mwb.json");
        Random random = new Random(7);
        int saw = 0;
        for (int round = 0; round < 8; round++) {
            Process child = start(dir, FaultChild.class, "save", project.toString());
            // Let it save a few times, then kill at a random moment of a save.
            assertThat(await(child, () -> Files.exists(project))).isTrue();
            Thread.sleep(50 + random.nextInt(400));
            sigkill(child);
            Optional<ProjectState> loaded = ProjectFile.load(project);
            assertThat(loaded).as("round %d: a whole project file", round).isPresent();
            ProjectState s = loaded.get();
            assertThat(s.activeScenario()).isIn("scenario A", "scenario B");
            String version = s.activeScenario().substring("scenario ".length());
            assertThat(s.lines()).hasSize(FaultChild.LINES);
            assertThat(s.lines().get(FaultChild.LINES - 1).label()).endsWith("version " + version);
            assertThat(s.lines().get(FaultChild.LINES - 1).decision().note())
                    .isEqualTo("note " + version + " " + (FaultChild.LINES - 1));
            saw++;
        }
        assertThat(saw).isEqualTo(8);
    }

    // ------------------------------------------------------------------ read-only and full folders

    /** Mounts a tmpfs of {@code size} at a new folder; null when this machine does not allow it. */
    private Path mount(String name, String options) throws Exception {
        Path at = Files.createDirectories(dir.resolve(name));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? at : null;
    }

    private static void umount(Path at) throws Exception {
        new ProcessBuilder("umount", at.toString()).redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
    }

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aFullOrReadOnlyTargetFolderIsOneClearLineAndLeavesNothingBehind() throws Exception {
        Path source = dir.resolve("client.xlsx");
        LargeModel.write(source, 500, 24);
        String sourceSha = sha(source);
        Path full = mount("full", "size=16k");
        assumeTrue(full != null, "mounting a tmpfs needs root; the full-disk case cannot be staged here");
        try {
            CliRun r = cli("restate", source.toString(), "-o", full.resolve("client-restated.xlsx").toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
            assertThat(r.err()).contains("Not enough disk space").contains(full.toString())
                    .doesNotContain("Exception");
            try (Stream<Path> left = Files.list(full)) {
                assertThat(left).as("nothing left in the full folder").isEmpty();
            }
            Path project = full.resolve("client.mwb.json");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> ProjectFile.save(project, FaultChild.state("A"), new com.marginworkbench.project
                            .ProjectFileDto.MappingDto(), "client.xlsx")))
                    .isInstanceOf(SafeFiles.WriteFailedException.class).hasMessageContaining("Not enough disk space");
            try (Stream<Path> left = Files.list(full)) {
                assertThat(left).isEmpty();
            }
        } finally {
            umount(full);
        }

        Path readOnly = mount("read-only", "size=1m,ro");
        assumeTrue(readOnly != null, "mounting a tmpfs needs root");
        try {
            CliRun r = cli("restate", source.toString(), "-o", readOnly.resolve("client-restated.xlsx").toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
            assertThat(r.err()).contains("read-only").contains(readOnly.toString()).doesNotContain("Exception");
            CliRun batch = cli("restate", dir.toString(), "-o", readOnly.toString());
            assertThat(batch.exit()).isEqualTo(2);
            assertThat(batch.err()).contains("read-only");
        } finally {
            umount(readOnly);
        }
        assertThat(sha(source)).isEqualTo(sourceSha);
    }
}
