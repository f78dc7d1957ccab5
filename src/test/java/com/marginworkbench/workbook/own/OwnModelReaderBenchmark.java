package com.marginworkbench.workbook.own;

import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.margin.MarginEngine;
import com.marginworkbench.workbook.ReadResult;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times opening the seventeen-sheet sample with POI, reading it with {@link OwnModelReader} and
 * computing its margins. Run by hand (surefire skips it):
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) com.marginworkbench.workbook.own.OwnModelReaderBenchmark}
 */
public final class OwnModelReaderBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "sample-models/northwind-ai-model.xlsx");
        int runs = 30;
        long[] open = new long[runs];
        long[] read = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
                long t1 = System.nanoTime();
                ReadResult r = OwnModelReader.read(wb, file);
                MarginEngine.compute(r.model(), CogsTest.classifyAll(r.decisions(), Policy.US_GAAP_DEFAULT),
                        Levers.NEUTRAL);
                long t2 = System.nanoTime();
                open[i] = t1 - t0;
                read[i] = t2 - t1;
            }
        }
        System.out.printf("first run: open %.1f ms, read+compute %.1f ms%n", open[0] / 1e6, read[0] / 1e6);
        System.out.printf("median of %d: open %.1f ms, read+compute %.2f ms%n", runs, median(open) / 1e6,
                median(read) / 1e6);
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
