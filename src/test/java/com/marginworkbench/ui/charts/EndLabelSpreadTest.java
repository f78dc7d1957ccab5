package com.marginworkbench.ui.charts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How the margin chart's end labels are moved apart: only when they would overlap, and no further than needed. */
class EndLabelSpreadTest {
    @Test
    void labelsFarApartStayAtTheirValues() {
        double[] c = BandedLineChart.spread(List.of(40.0, 100.0, 10.0), 14, 0, 200);
        assertThat(c).containsExactly(40.0, 100.0, 10.0);
    }

    @Test
    void twoCloseLabelsAreSpreadEvenlyAroundTheirMean() {
        double[] c = BandedLineChart.spread(List.of(100.0, 96.0), 14, 0, 200);
        assertThat(c[0] - c[1]).isCloseTo(14, within(1e-9));
        assertThat((c[0] + c[1]) / 2).isCloseTo(98, within(1e-9));
    }

    @Test
    void aGroupThatGrowsIntoItsNeighbourTakesItIn() {
        // 50 and 52 spread to 44/58, which then meets 66: the three are stacked around their mean
        double[] c = BandedLineChart.spread(List.of(50.0, 52.0, 66.0, 150.0), 14, 0, 200);
        assertThat(c[1] - c[0]).isCloseTo(14, within(1e-9));
        assertThat(c[2] - c[1]).isCloseTo(14, within(1e-9));
        assertThat((c[0] + c[1] + c[2]) / 3).isCloseTo(56, within(1e-9));
        assertThat(c[3]).isEqualTo(150.0);
    }

    @Test
    void labelsStayInsideThePlotHeight() {
        double[] c = BandedLineChart.spread(List.of(2.0, 3.0, 198.0), 14, 7, 193);
        assertThat(c[0]).isEqualTo(7.0);
        assertThat(c[1]).isEqualTo(21.0);
        assertThat(c[2]).isEqualTo(193.0);
    }
}
