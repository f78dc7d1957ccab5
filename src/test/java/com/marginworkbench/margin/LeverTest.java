package com.marginworkbench.margin;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeverTest {
    @Test
    void typedValuesAreReadAsPeopleWriteThem() {
        for (String t : new String[]{"50", "+50", "50%", " +50 % ", "50,0"}) {
            assertThat(Lever.LLM_COST.parse(t)).as(t).isEqualTo(50.0);
        }
        assertThat(Lever.PRICE_CHANGE.parse("\u221210%")).isEqualTo(-10.0);
        assertThat(Lever.VARIANCE_BUFFER.parse("1.2x")).isEqualTo(1.2);
        assertThat(Lever.HEAVY_MULTIPLIER.parse("×3")).isEqualTo(3.0);
        assertThat(Lever.VARIANCE_BUFFER.parse("20%")).as("a multiple is not a percentage").isNull();
        assertThat(Lever.LLM_COST.parse("lots")).isNull();
        assertThat(Lever.LLM_COST.parse("")).isNull();
    }

    @Test
    void rangesAreCheckedWithTheLeversName() {
        assertThat(Lever.HEAVY_SHARE.problem("150")).contains("out of range").contains("between 0% and 100%");
        assertThat(Lever.HEAVY_SHARE.problem("10")).isNull();
        assertThatThrownBy(() -> Lever.TOKEN_DECLINE.parseChecked("100")).hasMessageStartingWith("Token price decline");
        assertThatThrownBy(() -> new Levers(0, 1, 2, 1, 0, 0)).hasMessageContaining("Heavy-user share");
    }

    @Test
    void eachLeverReadsAndWritesItsOwnValueOnly() {
        for (Lever lever : Lever.values()) {
            double display = lever.accepts(lever.neutral() + 3) ? lever.neutral() + 3 : lever.neutral() - 3;
            Levers changed = lever.write(Levers.NEUTRAL, display);
            assertThat(lever.read(changed)).as(lever.name()).isCloseTo(display, org.assertj.core.data.Offset.offset(1e-9));
            for (Lever other : Lever.values()) {
                if (other != lever) {
                    assertThat(other.get(changed)).as(lever + " leaves " + other).isEqualTo(other.get(Levers.NEUTRAL));
                }
            }
        }
    }

    @Test
    void defaultsAreTheNeutralLeversAndNamesAreUnique() {
        for (Lever lever : Lever.values()) {
            assertThat(lever.read(Levers.NEUTRAL)).as(lever.name()).isEqualTo(lever.neutral());
            assertThat(lever.accepts(lever.sliderMin()) && lever.accepts(lever.sliderMax())).as(lever.name()).isTrue();
            assertThat(lever.step()).isPositive();
        }
        assertThat(Arrays.stream(Lever.values()).map(Lever::id).distinct()).hasSize(Lever.values().length);
        assertThat(Arrays.stream(Lever.values()).map(Lever::definedName).distinct()).hasSize(Lever.values().length);
        assertThat(Levers.NEUTRAL.isNeutral()).isTrue();
    }
}
