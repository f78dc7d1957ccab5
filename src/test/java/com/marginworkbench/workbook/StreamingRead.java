package com.marginworkbench.workbook;

import java.nio.file.Path;

/** Lets tests outside this package send a workbook of any size down the streaming read. */
public final class StreamingRead {
    private StreamingRead() {
    }

    public static ReadResult read(Path file) throws WorkbookReadException {
        return WorkbookReader.read(file, null, WorkbookReader.Route.STREAMING);
    }
}
