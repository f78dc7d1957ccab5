package com.marginworkbench.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssumptionsTest {
    private static final Periods PERIODS = Periods.of(Granularity.MONTH, "Jan-28A", "Feb-28A", "Mar-28E", "Apr-28E");
    private static final Periods ACTUALS = Periods.of(Granularity.MONTH, "Jan-28", "Feb-28");

    @Test
    void theFirstForecastPeriodIsNamedNumberedNoneOrFromTheHeadings() {
        assertThat(Assumptions.NONE.firstForecastIndex(PERIODS)).as("from the E headings").isEqualTo(2);
        assertThat(Assumptions.NONE.firstForecastIndex(ACTUALS)).as("no heading marked").isEqualTo(-1);
        assertThat(Assumptions.NONE.withFirstForecast("feb-28a").firstForecastIndex(PERIODS)).isEqualTo(1);
        assertThat(Assumptions.NONE.withFirstForecast("4").firstForecastIndex(PERIODS)).isEqualTo(3);
        assertThat(Assumptions.NONE.withFirstForecast("None").firstForecastIndex(PERIODS)).isEqualTo(-1);
        assertThat(Assumptions.NONE.withFirstForecast("  ")).isEqualTo(Assumptions.NONE);
        assertThatThrownBy(() -> Assumptions.NONE.withFirstForecast("5").firstForecastIndex(PERIODS))
                .hasMessageContaining("'5'").hasMessageContaining("Jan-28A").hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> Assumptions.NONE.withFirstForecast("Dec-99").firstForecastIndex(PERIODS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Dec-99");
    }

    @Test
    void unitInputsGoOverTheWorkbooksOwnOneByOne() {
        FinancialModel own = new FinancialModel("m", PERIODS, java.util.List.of(), java.util.List.of(), null, null)
                .withUnitInputs(new UnitInputs(500, 0.03, 4000, UnitInputs.MarginBasis.AI_LAYER));
        FinancialModel m = new Assumptions(null, 0.02, null, null).applyTo(own);
        assertThat(m.unitInputs()).isEqualTo(new UnitInputs(500, 0.02, 4000, UnitInputs.MarginBasis.AI_LAYER));
        assertThat(Assumptions.NONE.applyTo(own)).isSameAs(own);
        FinancialModel none = new FinancialModel("m", PERIODS, java.util.List.of(), java.util.List.of(), null, null);
        UnitInputs typed = new Assumptions(1000.0, null, 9000.0, null).applyTo(none).unitInputs();
        assertThat(typed.arpaMonthly()).isEqualTo(1000);
        assertThat(typed.churnMonthly()).isNaN();
        assertThat(typed.isComplete()).isFalse();
    }

    @Test
    void typedAssumptionsGoOverSavedOnesAndOutOfRangeValuesAreRefused() {
        Assumptions saved = new Assumptions(1000.0, 0.02, 9000.0, "Mar-28E");
        assertThat(new Assumptions(null, 0.05, null, "none").over(saved))
                .isEqualTo(new Assumptions(1000.0, 0.05, 9000.0, "none"));
        assertThat(Assumptions.NONE.over(saved)).isEqualTo(saved);
        assertThatThrownBy(() -> new Assumptions(null, 0.0, null, null)).hasMessageContaining("churn");
        assertThatThrownBy(() -> new Assumptions(null, 1.5, null, null)).hasMessageContaining("churn");
        assertThatThrownBy(() -> new Assumptions(null, null, -1.0, null)).hasMessageContaining("CAC");
        assertThatThrownBy(() -> new Assumptions(Double.NaN, null, null, null)).hasMessageContaining("ARPA");
    }
}
