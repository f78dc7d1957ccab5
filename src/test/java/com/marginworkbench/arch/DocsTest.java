package com.marginworkbench.arch;

import com.marginworkbench.margin.Lever;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs follow the code: every lever of the catalogue is in the user guide, and local links resolve. */
class DocsTest {
    private static final Pattern LINK = Pattern.compile("\\]\\((?!https?:|#|mailto:)([^)#]+)(#[^)]*)?\\)");

    @Test
    void theUserGuideListsEveryLeverOption() throws IOException {
        String guide = Files.readString(Path.of("docs", "user-guide.md"));
        for (Lever lever : Lever.values()) {
            assertThat(guide).as(lever.name()).contains(lever.option() + " " + lever.unit().placeholder());
        }
    }

    @Test
    void localLinksInTheReadmeAndTheGuidesResolve() throws IOException {
        for (Path doc : new Path[]{Path.of("README.md"), Path.of("docs", "user-guide.md"),
                Path.of("docs", "developer-guide.md")}) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                Path target = doc.toAbsolutePath().getParent().resolve(m.group(1)).normalize();
                assertThat(target).as(doc + " links to " + m.group(1)).exists();
            }
        }
    }
}
