package com.marginworkbench.usage;

import com.marginworkbench.usage.imports.CustomerMap;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.Problems;
import com.marginworkbench.usage.imports.UsageImporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a generated LiteLLM spend log of two million rows (5,000 end users, 12 months, four
 * models, one row in ten without spend and priced from the table) and prints the wall and CPU
 * time and the heap used. Not a unit test; run it with the heap the goal names:
 * <pre>
 * java -Xmx512m -cp "target/test-classes:target/classes:$(cat cp.txt)" com.marginworkbench.usage.UsageImportBenchmark [ROWS] [FILE]
 * </pre>
 */
public final class UsageImportBenchmark {
    private UsageImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"), "spend-logs-" + rows + ".csv");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            write(file, rows);
            System.out.printf(Locale.ROOT, "wrote %s (%,d rows, %,d bytes) in %.1f s%n", file, rows, Files.size(file),
                    (System.nanoTime() - t) / 1e9);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            System.gc();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            UsageLedger ledger = new UsageLedger();
            Problems problems = new Problems();
            UsageImporter.FileResult r = new UsageImporter(ledger, CustomerMap.EMPTY, PriceTable.bundled(), Map.of(), problems)
                    .read(file);
            UsageEconomics e = UsageEconomics.compute(ledger, null);
            long wall = System.nanoTime() - t0;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "round %d: %,d rows (%s), %,d priced, %,d customers, total $%,.2f: wall %.2f s,"
                            + " main-thread CPU %.2f s, heap max %d MB, used after %d MB, load %.1f%n", round, r.rows(),
                    r.format(), e.pricedFromTable(), e.customers().size(), e.totalCost(), wall / 1e9, cpu / 1e9,
                    rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static void write(Path file, int rows) throws IOException {
        String[] models = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "claude-3-5-haiku-20241022"};
        long seed = 42;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,"
                    + "model,api_base,user,metadata,cache_hit,cache_key,request_tags,team_id,end_user\n");
            StringBuilder b = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) (seed >>> 33);
                int user = Math.floorMod(r, 5000);
                user = user < 250 ? user : Math.floorMod(r >>> 3, 5000); // a few users far heavier than the rest
                int month = 1 + Math.floorMod(r >>> 7, 12);
                int day = 1 + Math.floorMod(r >>> 11, 28);
                String model = models[Math.floorMod(r >>> 13, 4)];
                int in = 200 + Math.floorMod(r >>> 5, 3000);
                int out = 50 + Math.floorMod(r >>> 9, 800);
                b.setLength(0);
                b.append("req-").append(i).append(",acompletion,key-").append(user % 700).append(',');
                if (i % 10 != 0) {
                    b.append(String.format(Locale.ROOT, "%.6f", (in * 2.5 + out * 10.0) / 1_000_000));
                }
                b.append(',').append(in + out).append(',').append(in).append(',').append(out).append(",2026-")
                        .append(month < 10 ? "0" : "").append(month).append('-').append(day < 10 ? "0" : "").append(day)
                        .append("T10:00:00Z,2026-01-01T10:00:01Z,").append(model).append(",,user-").append(user)
                        .append(",{},False,,[],team-").append(user % 40).append(",cust-").append(user).append('\n');
                w.append(b);
            }
        }
    }
}
