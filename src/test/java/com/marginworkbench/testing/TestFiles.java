package com.marginworkbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the tests need, found through the class path (src/test/resources), so the tests run from
 * any clone on any machine. A resource that is not a plain file (tests run from a jar) is copied
 * to a temporary folder first, so callers always get a {@link Path}.
 */
public final class TestFiles {

    /** Apache POI's spreadsheet test files (bad input and round-trip features), with their LICENSE and NOTICE. */
    public static final String POI_CORPUS = "corpus/poi-test-data";

    private static Path extracted;

    private TestFiles() {
    }

    /** The folder of Apache POI's test spreadsheets. */
    public static Path poiCorpus() {
        return resource(POI_CORPUS);
    }

    /** One file of Apache POI's test spreadsheets. */
    public static Path poiFile(String name) {
        return resource(POI_CORPUS + "/" + name);
    }

    /** A test resource (file or folder) by its class-path name, e.g. {@code corpus/poi-test-data/SampleSS.xls}. */
    public static synchronized Path resource(String name) {
        URL url = TestFiles.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + name + " on the class path (src/test/resources)");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException | FileSystemNotFoundException e) {
                throw new IllegalStateException("Test resource " + name + " has no usable location: " + url, e);
            }
        }
        return copyOut(name);
    }

    private static Path copyOut(String name) {
        try {
            if (extracted == null) {
                extracted = Files.createTempDirectory("mw-test-resources");
                extracted.toFile().deleteOnExit();
            }
            Path target = extracted.resolve(name);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try (InputStream in = TestFiles.class.getClassLoader().getResourceAsStream(name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy test resource " + name, e);
        }
    }
}
