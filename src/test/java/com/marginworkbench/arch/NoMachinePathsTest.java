package com.marginworkbench.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository holds no absolute path of the machine it was written on, so the build and the
 * tests run from a clone in any folder on any machine. Test files come from the class path
 * ({@code com.marginworkbench.testing.TestFiles}); scripts work relative to their own folder.
 */
class NoMachinePathsTest {
    /** Roots of a developer's or build machine's own folders (written in pieces so this file does not match itself). */
    private static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.~$}])/(?:" + "work|home|Users|root|mnt|opt/build" + ")/[\\w.-]+"
                    + "|\\b[A-Z]:\\\\" + "(?:Users|work)\\\\");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea");
    private static final Set<String> TEXT = Set.of("java", "xml", "md", "properties", "json", "css", "txt", "sh",
            "yml", "yaml", "cfg", "conf", "html", "fxml", "desktop", "spec", "py", "");

    @Test
    void noFileInTheRepositoryNamesAnAbsoluteMachinePath() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        assertThat(root.resolve("pom.xml")).as("tests run from the project folder").exists();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !inSkippedFolder(root.relativize(p)))
                    .filter(NoMachinePathsTest::isText)
                    .forEach(p -> scan(root, p, found));
        }
        assertThat(found).as("absolute machine paths; use the class path or a path relative to the project").isEmpty();
    }

    @Test
    void theCheckRecognisesMachinePaths() {
        assertThat(MACHINE_PATH.matcher("Path.of(\"/" + "work/shared/corpus/x.xlsx\")").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("/" + "home/alice/model.xlsx").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("C:\\" + "Users\\bob\\model.xlsx").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("src/test/resources/corpus/poi-test-data").find()).isFalse();
        assertThat(MACHINE_PATH.matcher("~/.config/margin-workbench").find()).isFalse();
    }

    private static boolean inSkippedFolder(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return TEXT.contains(dot < 0 ? "" : name.substring(dot + 1).toLowerCase());
    }

    private static void scan(Path root, Path file, List<String> found) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 2_000_000) {
                return;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MACHINE_PATH.matcher(lines[i]);
                if (m.find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + m.group());
                }
            }
        } catch (IOException e) {
            found.add(root.relativize(file) + ": unreadable (" + e.getMessage() + ")");
        }
    }
}
