package com.marginworkbench.project;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes a file so that a reader never sees half of it: the content goes to a temporary file in the
 * target's own folder (so the final rename stays on one file system), is forced to disk, and is then
 * renamed over the final name in one step. If anything fails or the writer is cancelled, the
 * temporary file is removed and the final name is left as it was.
 */
public final class SafeFiles {
    /** Prefix of the temporary files, so a stray one left by a killed process is recognisable. */
    public static final String TEMP_PREFIX = ".mw-";
    public static final String TEMP_SUFFIX = ".part";

    private SafeFiles() {
    }

    /** Produces the file's content; may throw to abandon the write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A write that could not be done, with one line for the user. */
    public static final class WriteFailedException extends IOException {
        public WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes {@code target} atomically. The stream handed to {@code content} is buffered; it need
     * not be closed by the caller.
     *
     * @throws WriteFailedException with a one-line message when the folder cannot be written, the disk
     *                              is full or the move fails; other exceptions from {@code content}
     *                              pass through unchanged (the temporary file is removed either way)
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new WriteFailedException("The folder " + folder + " does not exist; create it or choose another.",
                    null);
        }
        if (SWEPT.add(folder)) {
            sweep(folder);
        }
        Path temp;
        try {
            temp = createTemp(folder);
            keepPermissions(absolute, temp);
        } catch (IOException e) {
            throw explain(e, absolute);
        }
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream buffered = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(channel)),
                        1 << 16);
                content.writeTo(buffered);
                buffered.flush();
                channel.force(true);
            } catch (IOException e) {
                // Only a full disk is the folder's fault; other failures belong to the content writer.
                if (!(e instanceof WriteFailedException) && isDiskFull(e)) {
                    throw explain(e, absolute);
                }
                throw e;
            }
            moveIntoPlace(temp, absolute);
            done = true;
            syncFolder(folder);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original failure matters more; a stray temp file is named so it is recognisable.
                }
            }
        }
    }

    /** Writes bytes atomically; convenient for small files such as a project file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * The first name that does not exist yet in {@code folder}: {@code base + suffix + ext}, then
     * {@code base + suffix + "-2" + ext}, and so on.
     */
    public static Path freeName(Path folder, String base, String suffix, String ext) {
        Path candidate = folder.resolve(base + suffix + ext);
        for (int i = 2; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            candidate = folder.resolve(base + suffix + "-" + i + ext);
        }
        return candidate;
    }

    /**
     * True when the two paths name the same file, however they are spelled (relative, "..",
     * symbolic or hard links, letter case on case-insensitive systems). A path that does not exist
     * is never the same as one that does.
     */
    public static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall through to the textual comparison.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * A new empty file with the folder's default permissions (a temp file from the JDK would be
     * private to the owner, and the final file would keep that).
     */
    private static Path createTemp(Path folder) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            // The writer's process id is in the name, so a later write can tell a leftover from a killed
            // process (see sweep) from one still being written.
            Path candidate = folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(random.nextLong(), 36) + TEMP_SUFFIX);
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /** Folders already tidied by this process: once each, not at every autosave. */
    private static final java.util.Set<Path> SWEPT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A leftover must be at least this old as well as ownerless before it is removed. */
    static final long SWEEP_AGE_MILLIS = 60_000;

    /**
     * Removes the temporary files that killed writers left in {@code folder} (done by the first write
     * there in this process): named by this class, carrying the id of a process that no longer runs,
     * and not touched for a minute. Anything in doubt (another name, a live process, a recent file)
     * stays; a failure to remove is ignored.
     */
    static void sweep(Path folder) {
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            long now = System.currentTimeMillis();
            for (Path f : files) {
                String name = f.getFileName().toString();
                String middle = name.substring(TEMP_PREFIX.length(), name.length() - TEMP_SUFFIX.length());
                int dash = middle.indexOf('-');
                long pid;
                try {
                    pid = dash > 0 ? Long.parseLong(middle.substring(0, dash)) : -1;
                } catch (NumberFormatException e) {
                    pid = -1;
                }
                if (pid <= 0 || ProcessHandle.of(pid).isPresent()) {
                    continue;
                }
                if (now - Files.getLastModifiedTime(f, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis()
                        < SWEEP_AGE_MILLIS || !Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException e) {
            // Tidying up is a courtesy; the write itself must not fail for it.
        }
    }

    /** A replaced file keeps its permissions. */
    private static void keepPermissions(Path target, Path temp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not a POSIX file system; the defaults apply.
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this is rare (some network shares); a plain replace is the best left.
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e2) {
                throw explain(e2, target);
            }
        } catch (IOException e) {
            throw explain(e, target);
        }
    }

    private static void syncFolder(Path folder) {
        // Makes the rename itself durable on Linux; other systems refuse to open a folder, which is fine.
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported here; the data itself is already on disk.
        }
    }

    private static boolean isDiskFull(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")
                || m.contains("quota exceeded");
    }

    /** One line for the user saying what went wrong with writing {@code target} and what to do. */
    public static WriteFailedException explain(IOException e, Path target) {
        if (e instanceof WriteFailedException w) {
            return w;
        }
        Path folder = target.getParent();
        String message;
        if (isDiskFull(e)) {
            message = "Not enough disk space in " + folder + " to write " + target.getFileName()
                    + "; free some space or choose another folder.";
        } else if (String.valueOf(e.getMessage()).contains("used by another process")) {
            message = target.getFileName() + " is open in another program; close it there or choose another name.";
        } else if (e instanceof AccessDeniedException || String.valueOf(e.getMessage()).contains("Read-only")
                || String.valueOf(e.getMessage()).contains("Permission denied")) {
            message = "Cannot write " + target.getFileName() + " in " + folder + " (read-only folder, no permission,"
                    + " or the file is open in another program); choose another folder or name.";
        } else if (e instanceof NoSuchFileException) {
            message = "The folder " + folder + " does not exist; create it or choose another.";
        } else {
            message = "Could not write " + target + ": " + e.getMessage();
        }
        return new WriteFailedException(message, e);
    }

    /** Lets the content writer close its stream without closing the channel before it is forced. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
