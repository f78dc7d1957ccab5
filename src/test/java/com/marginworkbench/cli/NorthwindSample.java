package com.marginworkbench.cli;

import com.marginworkbench.samples.SampleModels;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Northwind sample built once per test run into a temporary folder, for tests that only read it. */
final class NorthwindSample {
    private static Path file;

    private NorthwindSample() {
    }

    static synchronized Path path() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("mw-northwind");
                Path f = dir.resolve(SampleModels.OWN_MODEL);
                try (var wb = SampleModels.ownModel(); OutputStream out = Files.newOutputStream(f)) {
                    wb.write(out);
                }
                f.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
