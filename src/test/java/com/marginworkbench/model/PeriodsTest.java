package com.marginworkbench.model;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodsTest {
    @Test
    void forecastHeadingsMarkTheFirstForecastPeriod() {
        assertThat(Periods.of(Granularity.MONTH, "Jan-26A", "Feb-26A", "Mar-26E", "Apr-26E")
                .firstForecastFromHeadings()).isEqualTo(2);
        assertThat(Periods.of(Granularity.YEAR, "2025", "2026", "2027F").firstForecastFromHeadings()).isEqualTo(2);
        assertThat(Periods.of(Granularity.QUARTER, "Q1 2026", "Q2 2026 Fcst").firstForecastFromHeadings()).isEqualTo(1);
        assertThat(Periods.of(Granularity.MONTH, "Jan-26", "Feb-26").firstForecastFromHeadings()).isEqualTo(-1);
    }

    @Test
    void periodStartsAreReadFromHeadingsOrCountedOn() {
        Periods m = Periods.of(Granularity.MONTH, "Jan-26", "Feb-26", "Total?");
        assertThat(m.start(1)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(Periods.of(Granularity.MONTH, "Jan 2026").start(0)).isEqualTo(YearMonth.of(2026, 1));
        assertThat(m.start(2)).isEqualTo(YearMonth.of(2026, 3));
        assertThat(Periods.of(Granularity.QUARTER, "Q3 2026", "Q4 2026").start(1)).isEqualTo(YearMonth.of(2026, 10));
        assertThat(Periods.of(Granularity.MONTH, "2027-11").start(0)).isEqualTo(YearMonth.of(2027, 11));
        assertThat(Periods.of(Granularity.MONTH, "M1", "M2").start(0)).isNull();
    }
}
