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

    /** What to do when the final name is taken when the file is ready. */
    public enum Mode {
        /** Replace it in one step (the caller asked, e.g. --force or the window's confirmation). */
        REPLACE,
        /** Never replace: refuse, leaving the existing file as it is. */
        NEW_ONLY,
        /** Never replace: take the next free numbered name ({@code -2}, {@code -3}, ...) instead. */
        NEXT_FREE_NAME
    }

    /**
     * Writes {@code target} atomically, replacing it if it exists, with the permissions of the file it
     * replaces (or private to the owner when it is new). The stream handed to {@code content} is
     * buffered; it need not be closed by the caller.
     *
     * @throws WriteFailedException with a one-line message when the folder cannot be written, the disk
     *                              is full or the move fails; other exceptions from {@code content}
     *                              pass through unchanged (the temporary file is removed either way)
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, null, Mode.REPLACE, content);
    }

    /**
     * Writes {@code target} atomically and returns the name it ended under (another one only in
     * {@link Mode#NEXT_FREE_NAME}). The temporary file is private to the owner (0600) while it is
     * written and is removed by a shutdown hook if the process is stopped (SIGTERM, SIGINT); the
     * finished file takes the permissions of {@code like} (the source it was made from), never wider,
     * and never wider than a file it replaces. {@code like} null: the permissions of the replaced
     * file, else owner-only.
     */
    public static Path write(Path target, Path like, Mode mode, Content content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new WriteFailedException("The folder " + folder + " does not exist; create it or choose another.",
                    null);
        }
        if (mode == Mode.NEW_ONLY && Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new WriteFailedException(absolute.getFileName() + " already exists in " + folder
                    + "; choose another name, or allow replacing it (--force).", null);
        }
        if (SWEPT.add(folder)) {
            sweep(folder);
        }
        Path temp;
        try {
            temp = createTemp(folder);
        } catch (IOException e) {
            throw explain(e, absolute);
        }
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
            Path written = publish(temp, absolute, like, mode);
            syncFolder(folder);
            return written;
        } finally {
            // After a link the temporary name is a second name of the finished file; after a failure it
            // is the unfinished one. Either way it goes.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The original failure matters more; a stray temp file is named so it is recognisable.
            }
            LIVE.remove(temp);
        }
    }

    /** Puts the finished temporary file under its final name as {@code mode} says; returns that name. */
    private static Path publish(Path temp, Path target, Path like, Mode mode) throws IOException {
        if (mode == Mode.REPLACE) {
            setPermissions(temp, permissionsFor(like, target));
            moveIntoPlace(temp, target);
            return target;
        }
        Path candidate = target;
        for (int i = 2; ; i++) {
            setPermissions(temp, permissionsFor(like, null));
            if (linkNew(temp, candidate)) {
                return candidate;
            }
            if (mode == Mode.NEW_ONLY) {
                throw new WriteFailedException(target.getFileName() + " appeared in " + target.getParent()
                        + " while it was being written; it was left as it is. Choose another name, or allow"
                        + " replacing it (--force).", null);
            }
            candidate = numbered(target, i);
        }
    }

    /** {@code name.ext} becomes {@code name-k.ext}; a name already ending in {@code -n} gets {@code -k} instead. */
    static Path numbered(Path target, int k) {
        String file = target.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot) : "";
        base = base.replaceFirst("-\\d+$", "");
        return target.resolveSibling(base + "-" + k + ext);
    }

    /**
     * Gives {@code temp} the name {@code target} only if that name is free, in one step (a hard link,
     * which fails when the name exists); false when it is taken. Where links are not supported, a
     * move that does not replace does the same, less atomically.
     */
    private static boolean linkNew(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof java.nio.file.FileSystemException f && Files.exists(target,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Files.move(temp, target);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                return false;
            } catch (IOException e2) {
                throw explain(e2, target);
            }
        }
    }

    /** Temporary files being written by this process: removed by the shutdown hook on SIGTERM or SIGINT. */
    private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final class Hook {
        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : LIVE) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException ignored) {
                        // the process is ending; a leftover is swept by a later write
                    }
                }
            }, "remove-temporary-files"));
        }

        static void install() {
            // the static block does the work, once
        }
    }

    /**
     * The permissions of a finished file: those of {@code like} (its source) with owner read and write
     * added and execute removed, never wider than the file it replaces; owner-only without a source.
     */
    static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissionsFor(Path like, Path replaced) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = java.util.EnumSet.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> base = null;
            if (like != null && Files.exists(like)) {
                base = Files.getPosixFilePermissions(like);
            }
            if (replaced != null && Files.exists(replaced)) {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> old = Files.getPosixFilePermissions(replaced);
                if (base == null) {
                    base = old;
                } else {
                    base.retainAll(old);
                }
            }
            if (base != null) {
                for (java.nio.file.attribute.PosixFilePermission p : base) {
                    if (!p.name().endsWith("EXECUTE")) {
                        perms.add(p);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: owner-only stays
        }
        return perms;
    }

    private static void setPermissions(Path file, java.util.Set<java.nio.file.attribute.PosixFilePermission> perms) {
        try {
            Files.setPosixFilePermissions(file, perms);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not a POSIX file system; the defaults apply.
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

    /** A new empty file private to the owner (0600), removed by the shutdown hook if the process is stopped. */
    private static Path createTemp(Path folder) throws IOException {
        Hook.install();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            // The writer's process id is in the name, so a later write can tell a leftover from a killed
            // process (see sweep) from one still being written.
            Path candidate = folder.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(random.nextLong(), 36) + TEMP_SUFFIX);
            try {
                LIVE.add(candidate);
                try {
                    return Files.createFile(candidate, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    return Files.createFile(candidate);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                LIVE.remove(candidate);
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

    /**
     * {@code out} with a {@code close()} that only flushes: for a writer that closes what it is given
     * when the stream under it must stay open (a channel not yet forced, a zip between entries).
     */
    public static OutputStream keptOpen(OutputStream out) {
        return new NonClosing(out);
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
