package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.WorkbookReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Plain sentences for paths that cannot be a workbook, said before anything is opened: missing,
 * a folder, a pipe (FIFO), a device or socket (which would hang or read forever), no permission,
 * or a name longer than the system allows.
 */
public final class PathChecks {
    /** Linux's limits: a name component and a whole path, in bytes. */
    private static final int MAX_NAME_BYTES = 255;
    private static final int MAX_PATH_BYTES = 4095;

    private PathChecks() {
    }

    /** Throws with one sentence unless {@code file} is a readable regular file (links followed). */
    public static void checkReadable(Path file, String name) throws WorkbookReadException {
        String tooLong = tooLong(file);
        if (tooLong != null) {
            throw new WorkbookReadException(tooLong);
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            boolean danglingLink = Files.isSymbolicLink(file);
            throw new WorkbookReadException(name + ": " + (danglingLink ? "a link to a file that does not exist"
                    : "file not found") + " (" + file.toAbsolutePath() + "); check the path.");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new WorkbookReadException(name + " cannot be opened: no permission to read it or its folder.");
        } catch (IOException e) {
            throw new WorkbookReadException(name + " cannot be opened (" + InputGuards.oneLine(reason(e))
                    + "); check the path.");
        }
        if (a.isDirectory()) {
            throw new WorkbookReadException(name + " is a folder, not a workbook; give the path of an .xlsx file.");
        }
        if (!a.isRegularFile()) {
            throw new WorkbookReadException(name + " is not a regular file (" + kind(file)
                    + "); give the path of a workbook saved on disk.");
        }
        if (!Files.isReadable(file)) {
            throw new WorkbookReadException(name + " cannot be opened: no permission to read it.");
        }
    }

    /** A sentence when the path is longer than the system allows, else null. */
    static String tooLong(Path file) {
        String whole = file.toAbsolutePath().toString();
        if (whole.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return "The path " + shortened(whole) + " is longer than the system allows (" + MAX_PATH_BYTES
                    + " bytes); move the workbook to a folder with a shorter path.";
        }
        for (Path part : file) {
            if (part.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return "The name " + shortened(part.toString()) + " is longer than the system allows ("
                        + MAX_NAME_BYTES + " bytes); rename it.";
            }
        }
        return null;
    }

    private static String shortened(String s) {
        return s.length() <= 60 ? s : s.substring(0, 30) + "…" + s.substring(s.length() - 25);
    }

    private static String kind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            int type = ((Integer) mode) & 0170000;
            return switch (type) {
                case 0010000 -> "a pipe (FIFO)";
                case 0020000 -> "a character device such as /dev/zero";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return Files.isSymbolicLink(file) ? "a link to a special file" : "a special file";
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }
}
