package com.marginworkbench.usage;

import com.marginworkbench.usage.imports.CustomerMap;
import com.marginworkbench.usage.imports.ImportException;
import com.marginworkbench.usage.imports.PriceTable;
import com.marginworkbench.usage.imports.Problems;
import com.marginworkbench.usage.imports.RevenueImporter;
import com.marginworkbench.usage.imports.UsageImporter;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** One small file per export format, written to the documented column names; every figure worked by hand. */
class UsageImportTest {
    static Path file(String name) {
        try {
            return Path.of(UsageImportTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final UsageLedger ledger = new UsageLedger();
    private final Problems problems = new Problems();

    private UsageImporter.FileResult read(String name) throws ImportException {
        return read(name, CustomerMap.EMPTY, Map.of());
    }

    private UsageImporter.FileResult read(String name, CustomerMap map,
                                          Map<String, com.marginworkbench.usage.imports.UsageField> mapping)
            throws ImportException {
        return new UsageImporter(ledger, map, PriceTable.bundled(), mapping, problems).read(file(name));
    }

    private CustomerEconomics customer(UsageEconomics e, String id) {
        return e.customers().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void liteLlmSpendLogsCsv() throws Exception {
        UsageImporter.FileResult r = read("litellm-spend-logs.csv");
        assertThat(r.format()).isEqualTo("LiteLLM spend logs");
        assertThat(r.rows()).isEqualTo(8);
        assertThat(r.badRows()).isEqualTo(3);
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        // end_user first, then user: req-1/2 -> cust-acme, req-3/4 -> cust-beta, req-8 -> carol
        assertThat(customer(e, "cust-acme").cost()).isCloseTo(0.0375, within(1e-12));
        assertThat(customer(e, "cust-acme").requests()).isEqualTo(2);
        // req-4 has no spend: 1,000 in x $0.15 + 500 out x $0.60 per 1M = $0.00045, priced from the table
        assertThat(customer(e, "cust-beta").cost()).isCloseTo(0.0009 + 0.00045, within(1e-12));
        assertThat(e.pricedFromTable()).isEqualTo(1);
        assertThat(customer(e, "carol").cost()).isCloseTo(0.01, within(1e-12));
        assertThat(e.periods()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(customer(e, "cust-acme").group()).isEqualTo("team-growth");
        assertThat(problems.list()).extracting(p -> p.source()).containsExactly("litellm-spend-logs.csv:6",
                "litellm-spend-logs.csv:7", "litellm-spend-logs.csv:8");
        assertThat(problems.list().get(0).message()).contains("'abc'", "spend", "not a number");
        assertThat(problems.list().get(1).message()).contains("'not-a-date'");
        assertThat(problems.list().get(2).message()).contains("negative cost", "credit");
    }

    @Test
    void liteLlmSpendLogsJsonArray() throws Exception {
        UsageImporter.FileResult r = read("litellm-spend-logs.json");
        assertThat(r.format()).isEqualTo("LiteLLM spend logs");
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        // end_user is null: the user, then (empty user) the team
        assertThat(customer(e, "alice").cost()).isCloseTo(0.02, within(1e-12));
        assertThat(customer(e, "team-core").cost()).isCloseTo(0.001, within(1e-12));
        assertThat(e.byModel()).extracting(ModelCost::model).containsExactly("gpt-4o", "text-embedding-3-small");
        assertThat(e.byModel().get(0).tokens()).isEqualTo(1200);
    }

    @Test
    void langfuseObservationsExportPricesAGenerationWithoutCostAndSkipsSpans() throws Exception {
        UsageImporter.FileResult r = read("langfuse-observations.jsonl");
        assertThat(r.format()).isEqualTo("Langfuse observations export");
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.badRows()).isZero();
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        assertThat(customer(e, "user-7").cost()).isCloseTo(0.0036, within(1e-12));
        assertThat(customer(e, "user-7").requests()).isEqualTo(1); // the span is not a model call
        // 1M input x $0.80 + 100k output x $4.00 per 1M (claude-3-5-haiku) = $1.20
        assertThat(customer(e, "user-8").cost()).isCloseTo(1.20, within(1e-9));
        assertThat(r.pricedFromTable()).isEqualTo(1);
        assertThat(customer(e, "user-8").tokens()).isEqualTo(1_100_000);
    }

    @Test
    void langfuseTracesFromTheApi() throws Exception {
        UsageImporter.FileResult r = read("langfuse-traces.json");
        assertThat(r.format()).isEqualTo("Langfuse observations/traces");
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        assertThat(customer(e, "u-1").cost()).isEqualTo(0.25);
        assertThat(customer(e, "u-2").cost()).isEqualTo(0.75);
        assertThat(e.periods()).containsExactly(YearMonth.of(2026, 4));
    }

    @Test
    void heliconeExport() throws Exception {
        UsageImporter.FileResult r = read("helicone-export.csv");
        assertThat(r.format()).isEqualTo("Helicone requests");
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        assertThat(customer(e, "user-a").cost()).isCloseTo(0.00135, within(1e-12));
        assertThat(customer(e, "user-a").requests()).isEqualTo(2);
        assertThat(customer(e, "user-b").cost()).isCloseTo(0.0125, within(1e-12));
        assertThat(customer(e, "user-b").tokens()).isEqualTo(2000);
    }

    @Test
    void openAiCostsBucketsByProjectAndLineItem() throws Exception {
        UsageImporter.FileResult r = read("openai-costs.json");
        assertThat(r.format()).isEqualTo("OpenAI organization costs");
        assertThat(r.rows()).isEqualTo(3);
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        assertThat(customer(e, "proj_alpha").cost()).isEqualTo(17.5);
        assertThat(customer(e, "proj_beta").cost()).isEqualTo(7.5);
        assertThat(e.periods()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(e.byModel()).extracting(ModelCost::model).containsExactly("gpt-4o-2024-08-06", "gpt-4o-mini");
        assertThat(e.byModel().get(0).cost()).isEqualTo(20.0);
    }

    @Test
    void openAiUsagePricedWithCachedInputAtTheCachedPrice() throws Exception {
        UsageImporter.FileResult r = read("openai-usage.json");
        assertThat(r.format()).isEqualTo("OpenAI organization usage");
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        // gpt-4o: 600k uncached x $2.50 + 400k cached x $1.25 + 200k out x $10.00 per 1M = $4.00
        assertThat(customer(e, "proj_alpha").cost()).isCloseTo(4.00, within(1e-9));
        assertThat(customer(e, "proj_alpha").requests()).isEqualTo(50);
        assertThat(e.pricedFromTable()).isEqualTo(1);
        assertThat(e.byModel().get(0).costPerRequest()).isCloseTo(0.08, within(1e-12));
    }

    @Test
    void projectPricesOverrideTheBundledTable() throws Exception {
        PriceTable table = PriceTable.bundled().withOverrides(file("prices-override.csv"));
        new UsageImporter(ledger, CustomerMap.EMPTY, table, Map.of(), problems).read(file("openai-usage.json"));
        // gpt-4o at $5 in / $20 out, no cached price (input price): 1M x 5 + 200k x 20 = $9.00
        assertThat(UsageEconomics.compute(ledger, null).totalCost()).isCloseTo(9.00, within(1e-9));
        assertThat(PriceTable.bundled().asOf()).isEqualTo("2025-08-01");
        assertThat(PriceTable.bundled().price("openai/gpt-4o-2024-08-06").input()).isEqualTo(2.50);
        assertThat(PriceTable.bundled().price("gpt-4o-mini-2024-07-18").input()).isEqualTo(0.15);
    }

    @Test
    void anthropicCostReportInCentsWithACredit() throws Exception {
        UsageImporter.FileResult r = read("anthropic-cost-report.json");
        assertThat(r.format()).isEqualTo("Anthropic cost report");
        assertThat(r.badRows()).isZero();
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        // "123.45" cents = $1.2345, less a $50.00-cent credit = $0.7345
        assertThat(customer(e, "wrkspc_a").cost()).isCloseTo(0.7345, within(1e-12));
    }

    @Test
    void anthropicUsageReportPricedWithCacheReadsAtTheCachedPrice() throws Exception {
        UsageImporter.FileResult r = read("anthropic-usage-report.json");
        assertThat(r.format()).isEqualTo("Anthropic usage report");
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        // haiku 3.5: (500k uncached + 100k cache writes) x $0.80 + 400k cache reads x $0.08 + 100k out x $4.00
        assertThat(customer(e, "wrkspc_b").cost()).isCloseTo(0.48 + 0.032 + 0.40, within(1e-9));
        assertThat(customer(e, "wrkspc_b").tokens()).isEqualTo(1_100_000);
    }

    @Test
    void plainCustomerDateCost() throws Exception {
        UsageImporter.FileResult r = read("plain-usage.csv");
        assertThat(r.format()).isEqualTo("customer,date,cost");
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        assertThat(customer(e, "acme").cost()).isEqualTo(15.0);
        assertThat(customer(e, "acme").requests()).isEqualTo(150);
        assertThat(customer(e, "beta").cost()).isEqualTo(1002.5);
        assertThat(customer(e, "beta").requests()).isEqualTo(10);
    }

    @Test
    void unknownColumnsAreNamedInOneLineAndAMappingReadsThem() throws Exception {
        assertThatThrownBy(() -> read("unknown-columns.csv")).isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown-columns.csv").hasMessageContaining("account, when, dollars")
                .hasMessageContaining("--map").hasMessageNotContaining("\n");
        read("unknown-columns.csv", CustomerMap.EMPTY, UsageImporter.parseMapping(
                List.of("account=customer", "when=date", "dollars=cost")));
        UsageEconomics e = UsageEconomics.compute(ledger, null);
        assertThat(e.totalCost()).isEqualTo(14.0);
        assertThat(customer(e, "beta").cost()).isEqualTo(4.0);
        assertThatThrownBy(() -> UsageImporter.parseMapping(List.of("account=wallet")))
                .hasMessageContaining("FIELD is one of");
    }

    @Test
    void revenueStripePaymentsAndTheCustomerMapJoinCostAndRevenue() throws Exception {
        CustomerMap map = CustomerMap.read(file("customers-map.csv"), problems);
        read("openai-costs.json", map, Map.of());
        RevenueLedger revenue = new RevenueLedger();
        RevenueImporter.FileResult r = new RevenueImporter(revenue, map, problems).read(file("stripe-payments.csv"));
        assertThat(r.format()).isEqualTo("Stripe payments");
        assertThat(r.notPaid()).isEqualTo(1);
        assertThat(r.badRows()).isEqualTo(1);
        map.plans().forEach(ledger::setGroup);
        UsageEconomics e = UsageEconomics.compute(ledger, revenue);
        // Acme: cost 12.50 + 5.00, revenue 100 + (50 - 10 refunded) = 140
        CustomerEconomics acme = customer(e, "Acme");
        assertThat(acme.cost()).isEqualTo(17.5);
        assertThat(acme.revenue()).isEqualTo(140.0);
        assertThat(acme.margin()).isCloseTo(122.5 / 140, within(1e-12));
        assertThat(acme.group()).isEqualTo("Enterprise");
        // Beta: cost 7.50, no paid revenue (one failed payment, one bad amount) -> under water, listed first
        assertThat(e.customers().get(0).id()).isEqualTo("Beta");
        assertThat(e.customers().get(0).underWater()).isTrue();
        assertThat(e.underWater()).extracting(CustomerEconomics::id).containsExactly("Beta");
        assertThat(problems.list()).extracting(p -> p.source()).containsExactly("stripe-payments.csv:5");
    }

    @Test
    void revenueStripeInvoicesAndPlainFile() throws Exception {
        RevenueLedger revenue = new RevenueLedger();
        RevenueImporter ri = new RevenueImporter(revenue, CustomerMap.EMPTY, problems);
        RevenueImporter.FileResult inv = ri.read(file("stripe-invoices.csv"));
        assertThat(inv.format()).isEqualTo("Stripe invoices");
        assertThat(inv.notPaid()).isEqualTo(1);
        assertThat(revenue.total("cus_A")).isEqualTo(30.0);
        assertThat(revenue.total("cus_B")).isEqualTo(20.0);
        RevenueImporter.FileResult plain = ri.read(file("revenue-plain.csv"));
        assertThat(plain.format()).isEqualTo("customer,date,amount");
        assertThat(revenue.total("beta")).isEqualTo(903.0);
    }
}
