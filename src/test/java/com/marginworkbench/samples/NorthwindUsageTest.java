package com.marginworkbench.samples;

import com.marginworkbench.usage.CustomerEconomics;
import com.marginworkbench.usage.UsageEconomics;
import com.marginworkbench.usage.WorkbookInference;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.UsageAnalysis;
import com.marginworkbench.workbook.ReadResult;
import com.marginworkbench.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo company's usage and revenue samples, read as a user would (usage, customer map, revenue,
 * workbook), checked against figures worked by hand from the workbook's drivers.
 *
 * <p>Active accounts per month (workbook, Customers &amp; Revenue): 492, 505, 517, 530, 543, 557, 571,
 * 585, 599, 614, 630, 646; 6,789 account-months. A typical account costs 2,600 requests x 8,000
 * tokens x $11 per 1M = $228.80 a month and earns $250 + 1,500 credits x $0.10 = $400; heavy
 * accounts run 5.5 times that volume ($1,258.40, earning $250 + $825 = $1,075), light ones half
 * ($114.40, earning $325). Heavy accounts each month: the tenth of the accounts rounded down,
 * 49+50+51+53+54+55+57+58+59+61+63+64 = 674 heavy account-months.
 */
class NorthwindUsageTest {
    @TempDir
    static Path dir;
    static UsageAnalysis.Report report;
    static UsageEconomics e;

    @BeforeAll
    static void read() throws Exception {
        SampleModels.writeAll(dir);
        ReadResult wb = WorkbookReader.read(dir.resolve(SampleModels.OWN_MODEL));
        report = UsageAnalysis.run(new UsageAnalysis.Request(List.of(dir.resolve(SampleModels.USAGE)),
                List.of(dir.resolve(SampleModels.REVENUE)), dir.resolve(SampleModels.CUSTOMERS), Map.of(),
                PriceTable.bundled(), 0.10, WorkbookInference.customerFacing(wb.model(), wb.decisions())));
        e = report.economics();
    }

    @Test
    void totalsAndReconciliationMatchTheWorkbook() {
        assertThat(report.problems()).isEmpty();
        assertThat(e.rows()).isEqualTo(6_789);
        // 6,789 account-months x $228.80 and x $400
        assertThat(e.totalCost()).isCloseTo(6_789 * 228.80, within(1e-4));
        assertThat(e.totalRevenue()).isCloseTo(6_789 * 400.0, within(1e-4));
        assertThat(report.reconciliation().coverage()).isCloseTo(1.0, within(1e-9));
        assertThat(report.reconciliation().months()).hasSize(12);
        // January: 492 x $228.80 = $112,569.60 on both sides
        assertThat(report.reconciliation().months().get(0).workbook()).isCloseTo(112_569.60, within(1e-6));
        assertThat(report.reconciliation().months().get(0).gap()).isCloseTo(0, within(1e-6));
        assertThat(e.byModel().get(0).costPerMillionTokens()).isCloseTo(11.00, within(1e-9));
        assertThat(e.byModel().get(0).costPerRequest()).isCloseTo(0.088, within(1e-12));
    }

    @Test
    void theHeavyAccountsAreTheOnesUnderWater() {
        // each heavy account earns $1,075 a month against $1,258.40: margin -183.40 / 1,075 = -17.06%
        List<CustomerEconomics> under = e.underWater();
        assertThat(under).hasSize(64);
        assertThat(under).allSatisfy(c -> {
            assertThat(c.costPerActiveMonth()).isCloseTo(1_258.40, within(1e-6));
            assertThat(c.margin()).isCloseTo(-183.40 / 1_075, within(1e-9));
        });
        // listed first, the heaviest loss first: the 49 accounts heavy all year lose 12 x $183.40
        assertThat(e.customers().subList(0, 64)).containsExactlyElementsOf(under);
        assertThat(e.customers().get(0).marginAmount()).isCloseTo(-12 * 183.40, within(1e-6));
        assertThat(e.customers().get(64).underWater()).isFalse();
        // plans come from the customer map
        assertThat(e.customers().stream().map(CustomerEconomics::group).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Team", "Business");
    }

    @Test
    void concentration() {
        Map<Double, Long> sizes = e.customers().stream().collect(Collectors.groupingBy(
                c -> Math.round(c.costPerActiveMonth() * 100) / 100.0, Collectors.counting()));
        // 738 accounts over the year: 64 heavy, 28 typical, 646 light
        assertThat(sizes).containsOnly(Map.entry(1_258.40, 64L), Map.entry(228.80, 28L), Map.entry(114.40, 646L));
        double total = 6_789 * 228.80;
        // top 1%: 8 accounts (738 x 1% rounded up), all heavy all year: 8 x 12 x $1,258.40
        assertThat(e.concentration().top1pct()).isCloseTo(8 * 12 * 1_258.40 / total, within(1e-9));
        // top 5%: 37 accounts, still among the 49 heavy all year
        assertThat(e.concentration().top5pct()).isCloseTo(37 * 12 * 1_258.40 / total, within(1e-9));
        // top 10%: 74 accounts. The heavy account that joined in December cost one month ($1,258.40), less
        // than a light account all year (12 x $114.40 = $1,372.80), so: 63 heavy accounts (673 of the 674
        // heavy account-months) + 11 light accounts of 12 months
        assertThat(e.concentration().top10pct()).isCloseTo((673 * 1_258.40 + 11 * 12 * 114.40) / total, within(1e-9));
    }

    @Test
    void measuredHeavyUsers() {
        // top decile by cost per active month: 74 of 738 = the 64 heavy accounts and 10 typical ones
        assertThat(e.heavyUsers().heavy()).isEqualTo(74);
        assertThat(e.heavyUsers().share()).isCloseTo(74 / 738.0, within(1e-12));
        double heavyMean = (64 * 1_258.40 + 10 * 228.80) / 74;
        double othersMean = (18 * 228.80 + 646 * 114.40) / 664;
        assertThat(e.heavyUsers().multiplier()).isCloseTo(heavyMean / othersMean, within(1e-9));
        assertThat(e.heavyUsers().multiplier()).isCloseTo(9.5255, within(1e-4));
    }
}
