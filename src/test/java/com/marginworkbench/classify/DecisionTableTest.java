package com.marginworkbench.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.marginworkbench.classify.Treatment.COST_OF_REVENUE;
import static com.marginworkbench.classify.Treatment.OPERATING_EXPENSE;
import static com.marginworkbench.classify.Treatment.RESEARCH_DEVELOPMENT;
import static com.marginworkbench.classify.Treatment.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every row of the decision table in spec/domain.md §3 (and the usual SaaS lines below it)
 * under both frameworks and both free-tier policies, with every answer left at its default.
 */
class DecisionTableTest {

    /** One row: type, US GAAP treatment, IFRS treatment, a reference each framework must cite ("" = none). */
    private record Row(CostType type, Treatment gaap, Treatment ifrs, OpexFunction function, String gaapRef,
                       String ifrsRef) {
    }

    private static final List<Row> TABLE = List.of(
            new Row(CostType.CUSTOMER_INFERENCE, COST_OF_REVENUE, COST_OF_REVENUE, null, "ASC 340-40", "IFRS 15"),
            new Row(CostType.INTERNAL_INFERENCE, OPERATING_EXPENSE, OPERATING_EXPENSE, OpexFunction.OPERATIONS,
                    "ASC 350-40", ""),
            new Row(CostType.FREE_TIER_INFERENCE, OPERATING_EXPENSE, OPERATING_EXPENSE, OpexFunction.SALES_MARKETING,
                    "", ""),
            new Row(CostType.HITL_DELIVERY, COST_OF_REVENUE, COST_OF_REVENUE, null, "ASC 340-40", "IFRS 15"),
            new Row(CostType.DATA_LABELING, RESEARCH_DEVELOPMENT, RESEARCH_DEVELOPMENT, null, "ASC 730-10", "IAS 38"),
            new Row(CostType.EVAL_DELIVERY, COST_OF_REVENUE, COST_OF_REVENUE, null, "ASC 340-40", "IFRS 15"),
            new Row(CostType.EVAL_DEVELOPMENT, RESEARCH_DEVELOPMENT, RESEARCH_DEVELOPMENT, null, "ASC 730-10",
                    "IAS 38"),
            // Capitalization candidates wait in Review for their criteria (issue 13, item 3).
            new Row(CostType.MODEL_TRAINING, REVIEW, REVIEW, null, "ASC 730-10-25-2", "IAS 38.54–57"),
            new Row(CostType.FINE_TUNING, RESEARCH_DEVELOPMENT, RESEARCH_DEVELOPMENT, null, "ASC 730-10", "IAS 38"),
            new Row(CostType.RAG_SERVING, COST_OF_REVENUE, COST_OF_REVENUE, null, "ASC 705", "IFRS 15"),
            new Row(CostType.RAG_BUILD, REVIEW, REVIEW, null, "ASC 350-40", "IAS 38"),
            new Row(CostType.HOSTING_CUSTOMER, COST_OF_REVENUE, COST_OF_REVENUE, null, "ASC 705", "IFRS 15"),
            new Row(CostType.HOSTING_INTERNAL, OPERATING_EXPENSE, OPERATING_EXPENSE, OpexFunction.OPERATIONS,
                    "Common SaaS practice", "Common SaaS practice"),
            new Row(CostType.CUSTOMER_SUPPORT, COST_OF_REVENUE, COST_OF_REVENUE, null, "Common SaaS practice",
                    "Common SaaS practice"),
            new Row(CostType.PAYMENT_PROCESSING, COST_OF_REVENUE, COST_OF_REVENUE, null, "Common SaaS practice",
                    "Common SaaS practice"),
            new Row(CostType.SALES_MARKETING, OPERATING_EXPENSE, OPERATING_EXPENSE, OpexFunction.SALES_MARKETING,
                    "Common SaaS practice", "Common SaaS practice"),
            new Row(CostType.GENERAL_ADMIN, OPERATING_EXPENSE, OPERATING_EXPENSE, OpexFunction.GENERAL_ADMIN,
                    "Common SaaS practice", "Common SaaS practice"),
            new Row(CostType.RESEARCH_DEVELOPMENT, RESEARCH_DEVELOPMENT, RESEARCH_DEVELOPMENT, null, "ASC 730-10",
                    "IAS 38"),
            new Row(CostType.OTHER, REVIEW, REVIEW, null, "", ""));

    static Stream<Arguments> everyRowFrameworkAndPolicy() {
        List<Arguments> out = new ArrayList<>();
        for (Row row : TABLE) {
            for (Framework fw : Framework.values()) {
                for (FreeTierPolicy ft : FreeTierPolicy.values()) {
                    out.add(Arguments.of(row.type(), fw, ft, row));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}, free tier as {2}")
    @MethodSource("everyRowFrameworkAndPolicy")
    void defaultTreatmentFollowsTheTable(CostType type, Framework framework, FreeTierPolicy freeTier, Row row) {
        Policy policy = new Policy(framework, false, null, freeTier);
        Classification c = CogsTest.classify(type, Answers.DEFAULTS, policy);

        boolean freeTierAsFulfilment = type == CostType.FREE_TIER_INFERENCE
                && freeTier == FreeTierPolicy.CONTRACT_FULFILMENT;
        Treatment expected = freeTierAsFulfilment ? COST_OF_REVENUE
                : framework == Framework.US_GAAP ? row.gaap() : row.ifrs();
        assertThat(c.treatment()).isEqualTo(expected);
        if (!freeTierAsFulfilment) {
            assertThat(c.function()).isEqualTo(row.function());
        }

        String ref = framework == Framework.US_GAAP ? row.gaapRef() : row.ifrsRef();
        if (!ref.isEmpty()) {
            assertThat(c.references()).extracting(Citation::standard).anyMatch(s -> s.startsWith(ref));
        }
        // The other framework's standards never leak into this one's references.
        String foreign = framework == Framework.US_GAAP ? "IFRS" : "ASC";
        assertThat(c.references()).extracting(Citation::standard).noneMatch(s -> s.startsWith(foreign));

        assertThat(c.reason()).isNotBlank().endsWith(".").doesNotContain("\n");
        if (expected == COST_OF_REVENUE) {
            assertThat(c.triggeredByCustomer() && c.neededForDelivery() && c.variesWithUsage()).isTrue();
        } else if (expected != REVIEW) {
            assertThat(c.triggeredByCustomer() && c.neededForDelivery() && c.variesWithUsage()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void typeIsFoundByIdOrLabelInAnyCase(CostType type) {
        assertThat(CostType.find(type.name())).contains(type);
        assertThat(CostType.find(type.name().toLowerCase())).contains(type);
        assertThat(CostType.find(type.label())).contains(type);
        assertThat(CostType.find("  " + type.label().toUpperCase() + " ")).contains(type);
    }

    static Stream<CostType> types() {
        return Stream.of(CostType.values());
    }
}
