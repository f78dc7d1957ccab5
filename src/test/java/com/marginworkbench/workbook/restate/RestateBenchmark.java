package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.samples.LargeModel;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code restate} as a user runs it: a whole {@code java -jar} process on the seventeen-sheet
 * sample (goal: under 3 s), the writer alone in a warm JVM, and the 20,000-line × 60-month
 * generated workbook under {@code -Xmx1g}. Run by hand after {@code mvn -DskipTests package}
 * (surefire skips it): {@code scripts/bench-restate}.
 */
public final class RestateBenchmark {
    private static final Path JAR = Path.of("target/margin-workbench.jar");

    public static void main(String[] args) throws Exception {
        if (!Files.exists(JAR)) {
            System.err.println("Build the jar first: mvn -B -ntp -DskipTests package");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("restate-bench");
        Path sample = dir.resolve("northwind-ai-model.xlsx");
        Files.copy(Path.of("sample-models/northwind-ai-model.xlsx"), sample);

        int runs = 7;
        long[] whole = new long[runs];
        boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
        Path cpu = dir.resolve("cpu.txt");
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>();
            if (timeTool) {
                // CPU time (user + system) does not grow with other work on the machine the way wall time does.
                cmd.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-a", "-o", cpu.toString()));
            }
            cmd.addAll(List.of("java", "-jar", JAR.toString(), "restate", sample.toString(), "-o",
                    dir.resolve("sample-" + i + ".xlsx").toString()));
            whole[i] = process(cmd, dir);
        }
        System.out.printf("sample, whole process (java -jar ... restate): median %d ms, min %d, max %d of %d runs%n",
                median(whole), Arrays.stream(whole).min().getAsLong(), Arrays.stream(whole).max().getAsLong(), runs);
        if (timeTool) {
            long[] cpuMs = Files.readAllLines(cpu).stream().map(l -> l.trim().split("\\s+"))
                    .mapToLong(a -> Math.round((Double.parseDouble(a[0]) + Double.parseDouble(a[1])) * 1000)).toArray();
            System.out.printf("  CPU time (user + system, all threads): median %d ms%n", median(cpuMs));
        }
        if (Files.isReadable(Path.of("/proc/loadavg"))) {
            System.out.printf("  load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        }

        ReadResult read = WorkbookReader.read(sample);
        List<Classification> cls = CogsTest.classifyAll(read.decisions(), Policy.US_GAAP_DEFAULT);
        long[] write = new long[15];
        for (int i = 0; i < write.length; i++) {
            Path out = dir.resolve("warm-" + i + ".xlsx");
            long t0 = System.nanoTime();
            RestatedWorkbookWriter.write(sample, read, cls, read.decisions(), Policy.US_GAAP_DEFAULT, Levers.NEUTRAL,
                    out, null);
            write[i] = (System.nanoTime() - t0) / 1_000_000;
            Files.delete(out);
        }
        System.out.printf("sample, writer only: first %d ms, warm median %d ms%n", write[0], median(write));

        Path large = dir.resolve("large-20000x60.xlsx");
        LargeModel.write(large, 20_000, 60);
        System.out.printf("large workbook: %.1f MB%n", Files.size(large) / 1e6);
        long[] big = new long[3];
        for (int i = 0; i < big.length; i++) {
            List<String> cmd = new ArrayList<>();
            if (timeTool) {
                cmd.addAll(List.of("/usr/bin/time", "-f", "peak RSS %M KB", "-a", "-o", dir.resolve("rss.txt").toString()));
            }
            cmd.addAll(List.of("java", "-Xmx1g", "-jar", JAR.toString(), "restate", large.toString(), "-o",
                    dir.resolve("large-" + i + "-restated.xlsx").toString()));
            big[i] = process(cmd, dir);
        }
        System.out.printf("large 20,000 x 60, whole process under -Xmx1g: median %d ms (%s); output %.1f MB%n",
                median(big), Arrays.toString(big), Files.size(dir.resolve("large-0-restated.xlsx")) / 1e6);
        if (timeTool) {
            System.out.println("  " + String.join("; ", Files.readAllLines(dir.resolve("rss.txt"))));
        }
    }

    private static long process(List<String> command, Path dir) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile())).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("Failed: " + command + "; see " + dir.resolve("out.log"));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
