package com.marginworkbench.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a test's helper class in a fresh JVM on the test classpath, with a heap limit and a deadline. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** What the child printed and how it ended; {@code timedOut} means it was killed at the deadline. */
    record Outcome(int exit, boolean timedOut, String out, long wallMillis) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }

    static Outcome run(List<String> jvmOptions, Class<?> main, List<String> args, Path workDir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "child-", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command(jvmOptions, main, args)).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Outcome(done ? p.exitValue() : -1, !done, out, wall);
    }
}
