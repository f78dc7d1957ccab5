package com.marginworkbench.hostile;

import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.StreamingRead;
import com.marginworkbench.workbook.WorkbookReadException;
import com.marginworkbench.workbook.WorkbookReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Run in a child JVM ({@code -Xmx1g}) by {@link FuzzTest}: mutates sample workbooks with a fixed
 * seed, reads each mutant, and prints one line per case:
 * {@code CASE, number, mutation, outcome (READ, REFUSED, OTHER, HANG), ms, detail}. Every other
 * case of each kind goes down the streaming read (the one big workbooks take), the rest down
 * POI's object model.
 * A hang ends the run at once (a stuck thread cannot be stopped). Arguments:
 * {@code SEED CASES WORKDIR SAMPLE...}.
 */
public final class FuzzChild {
    static final long CASE_TIMEOUT_SECONDS = 10;

    private final Random random;

    private FuzzChild(long seed) {
        random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int cases = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        List<byte[]> samples = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            samples.add(Files.readAllBytes(Path.of(args[i])));
        }
        FuzzChild fuzz = new FuzzChild(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-read");
            t.setDaemon(true);
            return t;
        });
        for (int n = 0; n < cases; n++) {
            byte[] sample = samples.get(n % samples.size());
            StringBuilder how = new StringBuilder();
            byte[] mutant = n % 2 == 0 ? fuzz.mutateBytes(sample, how) : fuzz.mutateXml(sample, how);
            Path file = work.resolve(String.format("fuzz-%04d.xlsx", n));
            Files.write(file, mutant);
            long t0 = System.nanoTime();
            boolean streaming = n % 4 >= 2;
            how.append(streaming ? " [streaming]" : "");
            Future<String[]> result = worker.submit(() -> readOne(file, streaming));
            String[] outcome;
            try {
                outcome = result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                print(n, how, "HANG", t0, "no answer within " + CASE_TIMEOUT_SECONDS + " s");
                System.out.flush();
                Runtime.getRuntime().halt(3);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                outcome = new String[]{"OTHER", e.getCause().toString()};
            }
            print(n, how, outcome[0], t0, outcome[1]);
            if (!"OTHER".equals(outcome[0]) && !"HANG".equals(outcome[0])) {
                Files.delete(file);
            }
        }
        System.out.println("DONE");
    }

    private static String[] readOne(Path file, boolean streaming) {
        try {
            ReadResult r = streaming ? StreamingRead.read(file) : WorkbookReader.read(file);
            // A read is only correct if it is whole: one decision per cost line, periods that match the amounts.
            int periods = r.model().periods().count();
            boolean whole = r.decisions().size() == r.model().costs().size()
                    && r.model().costs().stream().allMatch(c -> c.amounts().length == periods);
            return whole ? new String[]{"READ", r.model().costs().size() + " cost lines"}
                    : new String[]{"OTHER", "inconsistent read"};
        } catch (WorkbookReadException e) {
            return new String[]{"REFUSED", e.getMessage()};
        } catch (Throwable e) {
            return new String[]{"OTHER", e.toString()};
        }
    }

    private static void print(int n, StringBuilder how, String outcome, long t0, String detail) {
        System.out.println(String.join("\t", "CASE", Integer.toString(n), how.toString(), outcome,
                Long.toString((System.nanoTime() - t0) / 1_000_000),
                detail == null ? "null" : detail.replace("\n", "\\n").replace("\t", " ")));
        System.out.flush();
    }

    // ------------------------------------------------------------------ mutations of the zip's bytes

    byte[] mutateBytes(byte[] sample, StringBuilder how) {
        byte[] b = sample.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                how.append("flip ").append(flips).append(" bits");
            }
            case 1 -> {
                int at = random.nextInt(b.length);
                int len = 1 + random.nextInt(16);
                for (int i = at; i < Math.min(b.length, at + len); i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                how.append("overwrite ").append(len).append(" bytes at ").append(at);
            }
            case 2 -> {
                int cut = random.nextInt(b.length);
                b = java.util.Arrays.copyOf(b, cut);
                how.append("truncate at ").append(cut);
            }
            default -> {
                // Sizes and offsets of the zip directory live in 16- and 32-bit fields: set one to an extreme.
                int at = random.nextInt(b.length - 4);
                int v = random.nextBoolean() ? 0xFFFFFFFF : 0x7FFFFFF0;
                b[at] = (byte) v;
                b[at + 1] = (byte) (v >> 8);
                b[at + 2] = (byte) (v >> 16);
                b[at + 3] = (byte) (v >> 24);
                how.append("extreme int at ").append(at);
            }
        }
        return b;
    }

    // ------------------------------------------------------------------ mutations of the XML text

    byte[] mutateXml(byte[] sample, StringBuilder how) throws IOException {
        Map<String, byte[]> parts = unzip(sample);
        List<String> xml = parts.keySet().stream().filter(n -> n.endsWith(".xml") || n.endsWith(".rels")).toList();
        // Sheets and shared strings hold what the reader looks at: pick them more often.
        List<String> weighted = new ArrayList<>(xml);
        xml.stream().filter(n -> n.contains("worksheets/") || n.contains("sharedStrings") || n.contains("workbook"))
                .forEach(n -> {
                    weighted.add(n);
                    weighted.add(n);
                });
        String part = weighted.get(random.nextInt(weighted.size()));
        String text = new String(parts.get(part), StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(3);
        how.append(part).append(':');
        for (int i = 0; i < mutations; i++) {
            text = mutateText(text, how);
        }
        parts.put(part, text.getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    private static final String[] NUMBERS = {"1e308", "-1e308", "NaN", "Infinity", "-0", "", "9999999999999999999999",
            "0x1F", "1,5", "-", "4.9e-324", "1E+", "12345678901234567890123456789"};
    private static final String[] REFS = {"XFD1048576", "XFE1", "A0", "A1048577", "ZZZZ1", "A-1", "", "1A", "A99999999999"};
    private static final String[] JUNK = {"<", "&", "&amp", "]]>", "<!--", "\u0000", "\uFFFF", "<x>", "</row>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>", "<?xml version=\"1.0\"?>", "\"", "<c r=\"A1\" t=\"s\"><v>99999</v></c>",
            "<row r=\"1\">", "<sheetData>", "<f>A1/0</f>", "<f>SUM(A:A)</f>", "<f>[1]Sheet1!A1</f>", "<f>INDIRECT(\"A\"&1)</f>"};

    private String mutateText(String t, StringBuilder how) {
        if (t.isEmpty()) {
            return t;
        }
        int at = random.nextInt(t.length());
        switch (random.nextInt(8)) {
            case 0 -> {
                int len = 1 + random.nextInt(Math.min(200, t.length() - at));
                how.append(" delete ").append(len).append('@').append(at);
                return t.substring(0, at) + t.substring(Math.min(t.length(), at + len));
            }
            case 1 -> {
                int len = 1 + random.nextInt(Math.min(400, t.length() - at));
                int times = 2 + random.nextInt(50);
                how.append(" repeat ").append(len).append('x').append(times).append('@').append(at);
                String span = t.substring(at, Math.min(t.length(), at + len));
                return t.substring(0, at) + span.repeat(times) + t.substring(at);
            }
            case 2 -> {
                return replaceIn(t, "<v>", "</v>", NUMBERS, how, "value");
            }
            case 3 -> {
                return replaceIn(t, " r=\"", "\"", REFS, how, "ref");
            }
            case 4 -> {
                String j = JUNK[random.nextInt(JUNK.length)];
                how.append(" insert junk@").append(at);
                return t.substring(0, at) + j + t.substring(at);
            }
            case 5 -> {
                return replaceIn(t, " t=\"", "\"", new String[]{"s", "str", "inlineStr", "e", "b", "n", "d", "x"}, how,
                        "type");
            }
            case 6 -> {
                int depth = 1000 + random.nextInt(20_000);
                how.append(" nest ").append(depth).append('@').append(at);
                return t.substring(0, at) + "<a>".repeat(depth) + "</a>".repeat(depth) + t.substring(at);
            }
            default -> {
                return replaceIn(t, " s=\"", "\"", new String[]{"999999", "-1", "0", "x"}, how, "style");
            }
        }
    }

    /** Replaces the text between {@code open} and {@code close} at a random occurrence. */
    private String replaceIn(String t, String open, String close, String[] choices, StringBuilder how, String what) {
        List<Integer> starts = new ArrayList<>();
        for (int i = t.indexOf(open); i >= 0 && starts.size() < 10_000; i = t.indexOf(open, i + 1)) {
            starts.add(i + open.length());
        }
        if (starts.isEmpty()) {
            return t;
        }
        int s = starts.get(random.nextInt(starts.size()));
        int e = t.indexOf(close, s);
        if (e < 0) {
            return t;
        }
        String v = choices[random.nextInt(choices.length)];
        how.append(' ').append(what).append('=').append(v.isEmpty() ? "(empty)" : v.replace('\u0000', '0'));
        return t.substring(0, s) + v + t.substring(e);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(p.getKey()));
                out.write(p.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
