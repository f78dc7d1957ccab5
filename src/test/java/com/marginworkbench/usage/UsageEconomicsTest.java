package com.marginworkbench.usage;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UsageEconomicsTest {
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);

    /** Ten customers costing $1 to $10 in one month. */
    private static UsageLedger oneToTen() {
        UsageLedger l = new UsageLedger();
        for (int i = 1; i <= 10; i++) {
            l.add("c" + i, null, JAN, "m", i, 1, 0, false);
        }
        return l;
    }

    @Test
    void concentrationOfOneToTen() {
        Concentration k = UsageEconomics.compute(oneToTen(), null).concentration();
        // one customer of ten in each top share: the $10 one, of $55
        assertThat(k.top1pct()).isCloseTo(10 / 55.0, within(1e-12));
        assertThat(k.top10pct()).isCloseTo(10 / 55.0, within(1e-12));
        // Gini of 1..10: 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n = 770 / 550 - 1.1 = 0.3
        assertThat(k.gini()).isCloseTo(0.3, within(1e-12));
        assertThat(k.lorenz().get(0)).containsExactly(0, 0);
        assertThat(k.lorenz().get(k.lorenz().size() - 1)).containsExactly(1.0, 1.0);
        // after the three lightest: (1 + 2 + 3) / 55 of the cost
        assertThat(k.lorenz().get(3)[0]).isCloseTo(0.3, within(1e-12));
        assertThat(k.lorenz().get(3)[1]).isCloseTo(6 / 55.0, within(1e-12));
    }

    @Test
    void heavyUsersTopDecileAndAnotherCut() {
        UsageEconomics e = UsageEconomics.compute(oneToTen(), null);
        // heavy: the $10 customer; the others' mean is 45 / 9 = 5, so m = 2 and f = 1/10
        assertThat(e.heavyUsers().share()).isEqualTo(0.1);
        assertThat(e.heavyUsers().multiplier()).isCloseTo(2.0, within(1e-12));
        UsageEconomics cut30 = UsageEconomics.compute(oneToTen(), null, 0.3);
        // top 30%: 8, 9, 10 (mean 9); the rest 1..7 (mean 4): m = 2.25
        assertThat(cut30.heavyUsers().heavy()).isEqualTo(3);
        assertThat(cut30.heavyUsers().multiplier()).isCloseTo(2.25, within(1e-12));
        assertThatThrownBy(() -> UsageEconomics.compute(oneToTen(), null, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heavinessIsCostPerActiveMonthNotTenure() {
        UsageLedger l = new UsageLedger();
        l.add("old", null, JAN, "m", 50, 1, 0, false);
        l.add("old", null, FEB, "m", 50, 1, 0, false);
        l.add("new", null, FEB, "m", 80, 1, 0, false);
        for (int i = 0; i < 8; i++) {
            l.add("x" + i, null, FEB, "m", 10, 1, 0, false);
        }
        UsageEconomics e = UsageEconomics.compute(l, null);
        // "new" runs $80 a month against "old"'s $50 though it cost less in total: it is the heavy one
        assertThat(e.heavyUsers().heavy()).isEqualTo(1);
        // others: 50 and eight of 10 -> 130 / 9
        assertThat(e.heavyUsers().multiplier()).isCloseTo(80 / (130 / 9.0), within(1e-12));
    }

    @Test
    void marginsUnderWaterFirstAndGroupsPerMonth() {
        UsageLedger l = new UsageLedger();
        l.add("a", "Team", JAN, "m", 30, 1, 0, false);
        l.add("b", "Team", JAN, "m", 5, 1, 0, false);
        l.add("c", "Pro", FEB, "m", 50, 1, 0, false);
        RevenueLedger r = new RevenueLedger();
        r.add("a", JAN, 20);
        r.add("b", JAN, 20);
        r.add("c", FEB, 40);
        r.add("d", FEB, 10); // revenue without usage: a customer with no AI cost
        UsageEconomics e = UsageEconomics.compute(l, r);
        // a: -10 (-50%), c: -10 (-25%); same loss, ordered by loss then id
        assertThat(e.customers()).extracting(CustomerEconomics::id).containsExactly("a", "c", "b", "d");
        assertThat(e.customers().get(0).margin()).isCloseTo(-0.5, within(1e-12));
        assertThat(e.customers().get(3).cost()).isZero();
        assertThat(e.totalRevenue()).isEqualTo(90.0);
        assertThat(e.groups()).anySatisfy(g -> {
            assertThat(g.group()).isEqualTo("Team");
            assertThat(g.period()).isEqualTo(JAN);
            assertThat(g.cost()).isEqualTo(35.0);
            assertThat(g.revenue()).isEqualTo(40.0);
            assertThat(g.customers()).isEqualTo(2);
        });
        assertThat(e.heavyUsers().customers()).isEqualTo(3); // d has no usage
    }

    @Test
    void reconciliationShowsCoverageAndGapWithoutScaling() {
        Reconciliation r = Reconciliation.of(Map.of(JAN, 80.0, FEB, 120.0, YearMonth.of(2026, 3), 5.0),
                Map.of(JAN, 100.0, FEB, 100.0));
        assertThat(r.months()).hasSize(2);
        assertThat(r.months().get(0).coverage()).isCloseTo(0.8, within(1e-12));
        assertThat(r.months().get(1).gap()).isEqualTo(-20.0);
        assertThat(r.coverage()).isCloseTo(1.0, within(1e-12));
        assertThat(r.outside()).isEqualTo(5.0);
        assertThat(WorkbookInference.month("Jan-26")).isEqualTo(JAN);
        assertThat(WorkbookInference.month("February 2026")).isEqualTo(FEB);
        assertThat(WorkbookInference.month("2026-02")).isEqualTo(FEB);
        assertThat(WorkbookInference.month("Q1 2026")).isNull();
        assertThat(WorkbookInference.month("FY26")).isNull();
    }
}
