package com.marginworkbench.classify;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CogsTestTest {
    private static final Policy GAAP = Policy.US_GAAP_DEFAULT;

    @Test
    void customerInferenceNotTriggeredByAPayingCustomerGoesToReviewNamingTheContradiction() {
        Answers answers = Answers.DEFAULTS.withTriggeredByCustomer(Answer.NO);
        Classification c = CogsTest.classify(CostType.CUSTOMER_INFERENCE, answers, GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(c.contradiction()).contains("Customer-facing inference").contains("not triggered by a paying customer");
        assertThat(c.reason()).contains("change the cost type or the answer");
    }

    @Test
    void cogsTypeAnsweredNotVaryingWithUsageIsAFixedDeliveryCost() {
        // Usage is not a gate: a reserved cluster serving customers is paid for by them and needed to
        // deliver, so it is a cost of revenue, only a fixed one.
        Answers answers = Answers.DEFAULTS.withVariesWithUsage(Answer.NO);
        Classification c = CogsTest.classify(CostType.HOSTING_CUSTOMER, answers, GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(c.fixedDelivery()).isTrue();
        assertThat(c.reason()).contains("fixed delivery cost");
    }

    @Test
    void researchTypeAnsweredYesThreeTimesIsReview() {
        Classification c = CogsTest.classify(CostType.DATA_LABELING, Answers.of(true, true, true), GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(c.contradiction()).contains("Training-data labeling").contains("research and development")
                .contains("triggered by a paying customer and needed for delivery");
    }

    @Test
    void oneYesOnANonCogsTypeIsConsistentAndKeepsTheType() {
        Answers answers = Answers.DEFAULTS.withTriggeredByCustomer(Answer.YES);
        Classification c = CogsTest.classify(CostType.DATA_LABELING, answers, GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.RESEARCH_DEVELOPMENT);
        assertThat(c.reason()).contains("not needed to deliver");
    }

    @Test
    void explicitYesOnACogsTypeIsStillCogs() {
        Classification c = CogsTest.classify(CostType.CUSTOMER_INFERENCE, Answers.of(true, true, true), GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(c.contradiction()).isNull();
    }

    @Test
    void unknownTypeIsReviewAndNothingIsGuessed() {
        Classification c = CogsTest.classify(null, Answers.of(true, true, true), GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(c.contradiction()).isEqualTo("no cost type");
    }

    @Test
    void otherNeedsAllThreeAnswersThenFollowsThem() {
        assertThat(CogsTest.classify(CostType.OTHER, Answers.DEFAULTS.withTriggeredByCustomer(Answer.YES), GAAP)
                .treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(CogsTest.classify(CostType.OTHER, Answers.of(true, true, true), GAAP).treatment())
                .isEqualTo(Treatment.COST_OF_REVENUE);
        Classification opex = CogsTest.classify(CostType.OTHER, Answers.of(true, false, true), GAAP);
        assertThat(opex.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(opex.reason()).contains("not needed to deliver");
    }

    @Test
    void freeTierFollowsThePolicy() {
        Policy fulfilment = GAAP.withFreeTier(FreeTierPolicy.CONTRACT_FULFILMENT);
        assertThat(CogsTest.classify(CostType.FREE_TIER_INFERENCE, Answers.DEFAULTS, GAAP).describe())
                .isEqualTo("OpEx (Sales & marketing)");
        assertThat(CogsTest.classify(CostType.FREE_TIER_INFERENCE, Answers.DEFAULTS, fulfilment).treatment())
                .isEqualTo(Treatment.COST_OF_REVENUE);
    }

    @Test
    void asu202506IsMandatoryForFiscalYearsBeginningAfter15December2027() {
        Policy base = GAAP;
        assertThat(base.withFiscalYearStart(LocalDate.of(2027, 12, 15)).asu202506Applies()).isFalse();
        assertThat(base.withFiscalYearStart(LocalDate.of(2027, 12, 16)).asu202506Applies()).isTrue();
        assertThat(base.withFiscalYearStart(LocalDate.of(2027, 1, 1)).asu202506Applies()).isFalse();
        assertThat(base.withFiscalYearStart(LocalDate.of(2027, 1, 1)).withAsu202506Adopted(true)
                .asu202506Applies()).isTrue();
        assertThat(Policy.of(Framework.IFRS).withFiscalYearStart(LocalDate.of(2028, 1, 1)).asu202506Applies())
                .isFalse();
    }

    @Test
    void asu202506IsCitedWhereAsc35040IsAndChangesTheBuildReason() {
        Policy adopted = GAAP.withAsu202506Adopted(true);
        Classification build = CogsTest.classify(CostType.RAG_BUILD, Answers.DEFAULTS, adopted);
        assertThat(build.references()).extracting(Citation::standard).contains("ASC 350-40", "ASU 2025-06");
        assertThat(build.reason()).contains("probable");
        Classification inference = CogsTest.classify(CostType.CUSTOMER_INFERENCE, Answers.DEFAULTS, adopted);
        assertThat(inference.references()).extracting(Citation::standard).doesNotContain("ASU 2025-06");
        assertThat(CogsTest.classify(CostType.RAG_BUILD, Answers.DEFAULTS, GAAP).references())
                .extracting(Citation::standard).doesNotContain("ASU 2025-06");
    }

    @Test
    void parsersNameWhatTheyAccept() {
        assertThat(Framework.parse("us-gaap")).isEqualTo(Framework.US_GAAP);
        assertThat(Framework.parse("IFRS")).isEqualTo(Framework.IFRS);
        assertThat(Answer.parse("No")).isEqualTo(Answer.NO);
        assertThat(CostType.find("customer facing inference")).contains(CostType.CUSTOMER_INFERENCE);
        assertThat(CostType.find("vector-db / rag serving")).contains(CostType.RAG_SERVING);
        assertThat(CostType.find("GPU stuff")).isEmpty();
        assertThatThrownBy(() -> CostType.parse("GPU stuff")).hasMessageContaining("GPU stuff")
                .hasMessageContaining("CUSTOMER_INFERENCE");
        assertThatThrownBy(() -> Framework.parse("hgb")).hasMessageContaining("us-gaap or ifrs");
    }
}
