package com.marginworkbench.hostile;

import com.marginworkbench.testing.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated workbooks, 500 per run with a fixed seed (override with {@code -Dfuzz.seed=}
 * and {@code -Dfuzz.cases=}): bytes of the zip flipped, overwritten, cut or set to extreme sizes,
 * and the XML parts edited (values, references, types, styles, junk, deep nesting, repeats). Each
 * must read whole or be refused with one line naming the file, within 10 s, in a 1 GB heap. Half of
 * the cases take the streaming read that big workbooks take, half POI's object model.
 */
@Tag("fuzz")
class FuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20_261_126L);
    static final int CASES = Integer.getInteger("fuzz.cases", 500);

    @TempDir
    Path dir;

    @Test
    void mutatedWorkbooksReadWholeOrAreRefusedWithOneLine() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        List<String> args = new ArrayList<>(List.of(Long.toString(SEED), Integer.toString(CASES), dir.toString()));
        args.add(HostileFiles.small(samples, "small.xlsx").toString());
        for (String s : List.of("client-pnl-acme.xlsx", "client-costs-quarterly.xlsx", "northwind-ai-model.xlsx")) {
            Path p = Path.of("sample-models", s);
            assertThat(p).exists();
            args.add(p.toAbsolutePath().toString());
        }
        args.add(TestFiles.poiFile("SampleSS.xlsx").toString());

        ChildJvm.Outcome o = ChildJvm.run(List.of("-Xmx1g"), FuzzChild.class, args, dir, 240);
        assertThat(o.timedOut()).as("fuzz run hung:\n%s", tail(o.out())).isFalse();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        long slowest = 0;
        int seen = 0;
        for (String line : o.lines()) {
            if (!line.startsWith("CASE\t")) {
                continue;
            }
            seen++;
            String[] c = line.split("\t", -1);
            String outcome = c[3];
            String file = String.format("fuzz-%04d.xlsx", Integer.parseInt(c[1]));
            counts.merge(outcome, 1, Integer::sum);
            slowest = Math.max(slowest, Long.parseLong(c[4]));
            String detail = c[5];
            boolean clear = outcome.equals("REFUSED") && detail.contains(file) && !detail.contains("\\n")
                    && !detail.contains("Exception") && !detail.contains("too large for the memory")
                    && detail.length() < 600;
            if (!outcome.equals("READ") && !clear) {
                bad.add(line);
            }
        }
        System.out.printf("fuzz seed %d: %d cases, %s, slowest %d ms%n", SEED, seen, counts, slowest);
        assertThat(bad).as("cases that neither read nor gave one clear line (seed %d)", SEED).isEmpty();
        assertThat(o.exit()).as(tail(o.out())).isZero();
        assertThat(seen).isEqualTo(CASES);
        assertThat(o.out()).contains("DONE").doesNotContain("OutOfMemoryError");
        // The mutations must exercise both sides: some mutants still read, most are refused.
        assertThat(counts.getOrDefault("READ", 0)).isPositive();
        assertThat(counts.getOrDefault("REFUSED", 0)).isPositive();
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
