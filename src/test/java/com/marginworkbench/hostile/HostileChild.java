package com.marginworkbench.hostile;

import com.marginworkbench.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Run in a separate JVM (with {@code -Xmx1g}) by the hostile-input tests: runs the command line on
 * each file in turn, exactly as a user would, and prints one tab-separated result line per run:
 * {@code RUN, command, file, exit code, wall ms, CPU ms, stderr, stdout}, with line breaks in the
 * captured text shown as {@code \n}. Arguments: {@code OUTDIR COMMAND=FILE...} where COMMAND is
 * summary or restate; restate writes into OUTDIR.
 */
public final class HostileChild {
    private HostileChild() {
    }

    public static void main(String[] args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        String outDir = args[0];
        for (int i = 1; i < args.length; i++) {
            String command = args[i].substring(0, args[i].indexOf('='));
            String file = args[i].substring(command.length() + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            int exit;
            try {
                exit = command.equals("restate") ? Main.run("restate", file, "-o", outDir) : Main.run(command, file);
            } catch (Throwable t) {
                // The test fails on this: nothing may escape the command line.
                exit = -1;
                t.printStackTrace(System.err);
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (cpuNanos() - cpu0) / 1_000_000;
            realOut.println(String.join("\t", "RUN", command, file, Integer.toString(exit),
                    Long.toString(wall), Long.toString(cpu), escape(err.toString(StandardCharsets.UTF_8)),
                    escape(head(out.toString(StandardCharsets.UTF_8)))));
            realOut.flush();
        }
    }

    /** CPU time of the whole process (all threads, GC included). */
    static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static String head(String s) {
        return s.length() > 200_000 ? s.substring(0, 200_000) : s;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }
}
