package com.marginworkbench.workbook.statement;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-pass word finder answers exactly as a contains() per word would. */
class WordSetTest {
    private static final List<String> WORDS = List.of("cost", "cogs", "r&d", "r & d", "net ", "%", "#", "note",
            "unit economics", "ebit", "arp");

    @Test
    void sameAnswerAsContainsForEveryText() {
        WordSet set = new WordSet(WORDS.toArray(String[]::new));
        String alphabet = "costgnr&d e%#bitaupmx\u00e9\u2014";
        Random random = new Random(20261127);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(14);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            boolean expected = WORDS.stream().anyMatch(text::contains);
            assertThat(set.foundIn(text)).as("'%s'", text).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("both answers occur").isBetween(1_000, 19_000);
        assertThat(set.foundIn("cloud costs")).isTrue();
        assertThat(set.foundIn("r & d salaries")).isTrue();
        assertThat(set.foundIn("research")).isFalse();
        assertThat(set.foundIn("")).isFalse();
    }

    @Test
    void onlyAsciiWords() {
        assertThatThrownBy(() -> new WordSet("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordSet("")).isInstanceOf(IllegalArgumentException.class);
    }
}
