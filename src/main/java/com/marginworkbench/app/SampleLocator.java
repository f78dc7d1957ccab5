package com.marginworkbench.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled sample model for the first start: in a {@code sample-models} folder beside the
 * jar or up to three folders above it (an installed app image keeps the jar under {@code lib/app}),
 * then in the working folder.
 */
public final class SampleLocator {
    /** The seventeen-sheet demo company model. */
    public static final String SAMPLE_FILE = "northwind-ai-model.xlsx";

    private SampleLocator() {
    }

    /** True for a folder the bundled samples live in: their decisions are kept elsewhere. */
    public static boolean isSampleFolder(Path folder) {
        return folder != null && folder.getFileName() != null
                && folder.getFileName().toString().equals("sample-models");
    }

    public static Optional<Path> find() {
        List<Path> dirs = new ArrayList<>();
        String override = System.getProperty("marginworkbench.samples.dir");
        if (override != null && !override.isBlank()) {
            dirs.add(Path.of(override));
        }
        jarFolder().ifPresent(d -> {
            Path p = d;
            for (int i = 0; i < 4 && p != null; i++) {
                dirs.add(p.resolve("sample-models"));
                p = p.getParent();
            }
        });
        dirs.add(Path.of("sample-models").toAbsolutePath());
        for (Path d : dirs) {
            Path f = d.resolve(SAMPLE_FILE);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> jarFolder() {
        try {
            var cs = SampleLocator.class.getProtectionDomain().getCodeSource();
            if (cs == null) {
                return Optional.empty();
            }
            Path p = Path.of(cs.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
