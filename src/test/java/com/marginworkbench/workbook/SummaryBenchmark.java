package com.marginworkbench.workbook;

import com.marginworkbench.samples.LargeModel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whole-process timings of {@code summary}, run by hand (not by surefire): the seventeen-sheet
 * sample, and a generated 20,000-line x 60-month workbook under -Xmx1g timed side by side with
 * {@code soffice --headless --convert-to csv} on the same file. Rounds alternate the programs so
 * machine noise hits both alike; the medians and their ratio are printed.
 *
 * <pre>
 * mvn -q -B -DskipTests package test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" com.marginworkbench.workbook.SummaryBenchmark [ROUNDS]
 * </pre>
 */
public final class SummaryBenchmark {
    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of("target/margin-workbench.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the jar first: mvn -B -DskipTests package");
        }
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "margin-bench"));
        Path large = work.resolve("large-20000x60.xlsx");
        if (!Files.exists(large)) {
            System.out.println("Generating " + large + " ...");
            LargeModel.write(large, 20_000, 60);
        }
        Path sample = Path.of("sample-models/northwind-ai-model.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        boolean soffice = onPath("soffice");

        List<String> own = List.of(java, "-jar", jar.toString(), "summary", sample.toString());
        List<String> big = List.of(java, "-Xmx1g", "-jar", jar.toString(), "summary", large.toString());
        List<String> lo = List.of("soffice", "--headless", "--convert-to", "csv", "--outdir", work.toString(),
                large.toString());

        // One warm-up round each (file cache, LibreOffice's first-start profile).
        run(own);
        run(big);
        if (soffice) {
            run(lo);
        }
        double[] tOwn = new double[rounds];
        double[] tBig = new double[rounds];
        double[] tLo = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            tOwn[i] = run(own);
            tBig[i] = run(big);
            tLo[i] = soffice ? run(lo) : Double.NaN;
            System.out.printf(Locale.ROOT, "round %d: seventeen-sheet %.2f s, 20,000x60 %.2f s, soffice %.2f s%n",
                    i + 1, tOwn[i], tBig[i], tLo[i]);
        }
        System.out.printf(Locale.ROOT, "median seventeen-sheet summary (whole process): %.2f s%n", median(tOwn));
        System.out.printf(Locale.ROOT, "median 20,000x60 summary under -Xmx1g:          %.2f s%n", median(tBig));
        if (soffice) {
            System.out.printf(Locale.ROOT, "median soffice --convert-to csv, same file:      %.2f s%n", median(tLo));
            System.out.printf(Locale.ROOT, "ratio soffice / summary:                        %.2fx%n",
                    median(tLo) / median(tBig));
        } else {
            System.out.println("soffice not found: apt-get install -y libreoffice-calc-nogui");
        }
        // The window reads in a JVM that is already running: time the same file in this process.
        double[] warm = new double[rounds];
        for (int i = -2; i < rounds; i++) {
            long t0 = System.nanoTime();
            ReadResult r = WorkbookReader.read(large);
            double s = (System.nanoTime() - t0) / 1e9;
            if (i >= 0) {
                warm[i] = s;
            }
            if (r.model().costs().size() != 20_000) {
                throw new IllegalStateException("expected 20,000 cost lines, read " + r.model().costs().size());
            }
        }
        System.out.printf(Locale.ROOT, "median in-process read of the same file, warm:   %.2f s%n", median(warm));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double run(List<String> command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
        }
        return s;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
