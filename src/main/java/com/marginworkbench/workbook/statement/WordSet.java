package com.marginworkbench.workbook.statement;

/**
 * A fixed set of lower-case ASCII words, and one pass over a text that says whether it contains
 * any of them (as {@code text.contains(word)} for each word would, without a scan per word).
 */
final class WordSet {
    private final String[][] byFirstTwo = new String[128 * 128][];
    private final boolean[] single = new boolean[128];

    WordSet(String... words) {
        for (String w : words) {
            boolean ascii = !w.isEmpty();
            for (int i = 0; i < w.length() && ascii; i++) {
                ascii = w.charAt(i) < 128;
            }
            if (!ascii) {
                throw new IllegalArgumentException("not a non-empty ASCII word: '" + w + "'");
            }
            if (w.length() == 1) {
                single[w.charAt(0)] = true;
                continue;
            }
            int key = w.charAt(0) * 128 + w.charAt(1);
            String[] had = byFirstTwo[key];
            String[] grown = had == null ? new String[1] : java.util.Arrays.copyOf(had, had.length + 1);
            grown[grown.length - 1] = w;
            byFirstTwo[key] = grown;
        }
    }

    boolean foundIn(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char a = text.charAt(i);
            if (a >= 128) {
                continue;
            }
            if (single[a]) {
                return true;
            }
            if (i + 1 < n) {
                char b = text.charAt(i + 1);
                String[] candidates = b < 128 ? byFirstTwo[a * 128 + b] : null;
                if (candidates != null) {
                    for (String w : candidates) {
                        if (text.startsWith(w, i)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
