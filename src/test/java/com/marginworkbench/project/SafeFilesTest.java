package com.marginworkbench.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeFilesTest {
    @TempDir
    Path dir;

    private long count() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /** A process that has ended, so its id names no running process (unless reused, which the test checks). */
    private static long endedPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private Path leftover(String name, long ageMillis) throws IOException {
        Path f = Files.writeString(dir.resolve(name), "half a workbook");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return f;
    }

    @Test
    void aWriteRemovesOnlyTheOldLeftoversOfEndedWriters() throws Exception {
        long dead = endedPid();
        org.junit.jupiter.api.Assumptions.assumeFalse(ProcessHandle.of(dead).isPresent(), "process id reused at once");
        long live = ProcessHandle.current().pid();
        Path stale = leftover(".mw-" + dead + "-abc.part", 3_600_000);
        Path recent = leftover(".mw-" + dead + "-def.part", 1_000);
        Path running = leftover(".mw-" + live + "-ghi.part", 3_600_000);
        Path oldStyle = leftover(".mw-k3j2h1.part", 3_600_000);
        Path notOurs = leftover("notes-" + dead + ".part", 3_600_000);

        SafeFiles.write(dir.resolve("out.json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(stale).doesNotExist();
        assertThat(recent).as("not a minute old").exists();
        assertThat(running).as("its writer still runs").exists();
        assertThat(oldStyle).as("no process id to check").exists();
        assertThat(notOurs).exists();
        assertThat(dir.resolve("out.json")).hasContent("{}");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".mw-" + live + "-")
                    && !n.equals(running.getFileName().toString()));
        }
    }

    @Test
    void writesTheWholeContentUnderTheFinalName() throws Exception {
        Path target = dir.resolve("out.json");
        SafeFiles.write(target, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("{\"a\":1}");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("project.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("boom");
        })).hasMessage("boom");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(count()).isEqualTo(1);

        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("cancelled");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void replacingKeepsPermissionsAndNewFilesWithoutASourceArePrivate() throws Exception {
        Path shared = dir.resolve("shared.xlsx");
        Files.writeString(shared, "x");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        SafeFiles.write(shared, new byte[] {1, 2});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");

        // A new file with no source to take permissions from is the owner's only (it may hold client data).
        Path fresh = dir.resolve("fresh.xlsx");
        SafeFiles.write(fresh, new byte[] {1});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        // With a source, its permissions (never wider).
        Path made = dir.resolve("made.xlsx");
        SafeFiles.write(made, shared, SafeFiles.Mode.REPLACE, out -> out.write(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aMissingFolderIsOneClearLine() {
        Path target = dir.resolve("nope/out.xlsx");
        assertThatThrownBy(() -> SafeFiles.write(target, new byte[] {1}))
                .isInstanceOf(SafeFiles.WriteFailedException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void explainsFullDisksAndReadOnlyFolders() {
        Path target = dir.resolve("out.xlsx");
        assertThat(SafeFiles.explain(new IOException("No space left on device"), target).getMessage())
                .contains("Not enough disk space").contains(dir.toString());
        assertThat(SafeFiles.explain(new java.nio.file.AccessDeniedException(target.toString()), target).getMessage())
                .contains("read-only folder, no permission");
        assertThat(SafeFiles.explain(new java.nio.file.FileSystemException(target.toString(), null,
                "The process cannot access the file because it is being used by another process"), target).getMessage())
                .contains("open in another program");
    }

    @Test
    void freeNamesCountUpAndSameFileSeesThroughSpellings() throws Exception {
        Path a = dir.resolve("m-restated.xlsx");
        assertThat(SafeFiles.freeName(dir, "m", "-restated", ".xlsx")).isEqualTo(a);
        Files.writeString(a, "");
        assertThat(SafeFiles.freeName(dir, "m", "-restated", ".xlsx").getFileName().toString())
                .isEqualTo("m-restated-2.xlsx");
        Files.createDirectories(dir.resolve("sub"));
        assertThat(SafeFiles.sameFile(a, dir.resolve("sub/../m-restated.xlsx"))).isTrue();
        Path link = Files.createSymbolicLink(dir.resolve("l.xlsx"), a);
        Path hard = Files.createLink(dir.resolve("h.xlsx"), a);
        assertThat(SafeFiles.sameFile(a, link)).isTrue();
        assertThat(SafeFiles.sameFile(a, hard)).isTrue();
        assertThat(SafeFiles.sameFile(a, dir.resolve("other.xlsx"))).isFalse();
    }
}
