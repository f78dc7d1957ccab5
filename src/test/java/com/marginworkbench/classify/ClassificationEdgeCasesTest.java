package com.marginworkbench.classify;

import com.marginworkbench.model.Granularity;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification edge cases a diligence call asks about (issue 13, items 1 to 7). */
class ClassificationEdgeCasesTest {
    private static final Policy GAAP = Policy.US_GAAP_DEFAULT;
    private static final Policy IFRS = Policy.of(Framework.IFRS);

    private static LineDecision fromName(CostType type, String note) {
        return new LineDecision(type, Answers.DEFAULTS, note).withOrigin(LineDecision.Origin.SUGGESTED_FROM_NAME);
    }

    @Test
    void aVendorNameAloneDoesNotMoveALineIntoCogsAgainstItsReportedPlace() {
        Classification c = CogsTest.classify(fromName(CostType.CUSTOMER_INFERENCE, "Suggested from 'OpenAI'"),
                Placement.RESEARCH_DEVELOPMENT, GAAP, List.of());
        assertThat(c.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(c.contradiction()).contains("'OpenAI'").contains("R&D")
                .contains("no word in the label says customer-facing or production");
        assertThat(c.reason()).startsWith("Not moved into cost of revenue");
    }

    @Test
    void aNameAloneAgreeingWithTheReportedPlaceIsKept() {
        // Reported in COGS already: nothing moves, so there is nothing to contradict.
        Classification c = CogsTest.classify(fromName(CostType.CUSTOMER_INFERENCE, "Suggested from 'Anthropic'"),
                Placement.COST_OF_REVENUE, GAAP, List.of());
        assertThat(c.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
    }

    @Test
    void aContextWordOrAPersonsAnswerLetsTheLineMove() {
        LineDecision withContext = new LineDecision(CostType.CUSTOMER_INFERENCE, Answers.DEFAULTS,
                "Suggested from 'OpenAI' + 'production'").withOrigin(LineDecision.Origin.SUGGESTED_WITH_CONTEXT);
        assertThat(CogsTest.classify(withContext, Placement.RESEARCH_DEVELOPMENT, GAAP, List.of()).treatment())
                .isEqualTo(Treatment.COST_OF_REVENUE);
        LineDecision answered = fromName(CostType.CUSTOMER_INFERENCE, "Suggested from 'OpenAI'")
                .withAnswers(Answers.of(true, true, true));
        assertThat(CogsTest.classify(answered, Placement.RESEARCH_DEVELOPMENT, GAAP, List.of()).treatment())
                .isEqualTo(Treatment.COST_OF_REVENUE);
        // choosing the type in the window makes it the user's decision
        LineDecision chosen = fromName(CostType.CUSTOMER_INFERENCE, "").withCostType(CostType.CUSTOMER_INFERENCE);
        assertThat(chosen.origin()).isEqualTo(LineDecision.Origin.USER);
    }

    @Test
    void aReservedClusterServingCustomersIsAFixedCostOfRevenue() {
        Answers reserved = Answers.DEFAULTS.withVariesWithUsage(Answer.NO);
        Classification c = CogsTest.classify(CostType.CUSTOMER_INFERENCE, reserved, GAAP);
        assertThat(c.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(c.fixedDelivery()).isTrue();
        assertThat(c.reason()).contains("fixed delivery cost the stress levers leave alone");
        // the three answers are kept as given
        assertThat(c.variesWithUsage()).isFalse();
        assertThat(c.triggeredByCustomer() && c.neededForDelivery()).isTrue();
        // Other, answered yes / yes / no: a fixed cost of revenue too
        Classification other = CogsTest.classify(CostType.OTHER, Answers.of(true, true, false), GAAP);
        assertThat(other.treatment()).isEqualTo(Treatment.COST_OF_REVENUE);
        assertThat(other.fixedDelivery()).isTrue();
    }

    @Test
    void trainingAndIndexBuildWaitInReviewWithTheCriteriaChecklist() {
        Classification ifrs = CogsTest.classify(CostType.MODEL_TRAINING, Answers.DEFAULTS, IFRS);
        assertThat(ifrs.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(ifrs.criteria()).hasSize(7).anyMatch(s -> s.contains("IAS 38.54"))
                .anyMatch(s -> s.contains("IAS 38.57(a)")).anyMatch(s -> s.contains("(f)"));
        assertThat(ifrs.reason()).contains("What decides it:").contains("framework alone does not decide");
        assertThat(ifrs.references()).extracting(Citation::standard).contains("IAS 38.57");

        Classification gaap = CogsTest.classify(CostType.RAG_BUILD, Answers.DEFAULTS, GAAP);
        assertThat(gaap.treatment()).isEqualTo(Treatment.REVIEW);
        assertThat(gaap.criteria()).anyMatch(s -> s.contains("ASC 985-20"))
                .anyMatch(s -> s.contains("preliminary project stage"));
        Classification adopted = CogsTest.classify(CostType.RAG_BUILD, Answers.DEFAULTS,
                GAAP.withAsu202506Adopted(true));
        assertThat(adopted.criteria()).anyMatch(s -> s.contains("probable-to-complete"));
        assertThat(adopted.references()).extracting(Citation::standard).contains("ASU 2025-06");
        // ASU 2025-06 only where it applies: not on customer inference, not without adoption
        assertThat(CogsTest.classify(CostType.CUSTOMER_INFERENCE, Answers.DEFAULTS, GAAP.withAsu202506Adopted(true))
                .references()).extracting(Citation::standard).doesNotContain("ASU 2025-06");
        assertThat(gaap.references()).extracting(Citation::standard).doesNotContain("ASU 2025-06");
    }

    @Test
    void criteriaAnsweredDecideCapitalizedWithAUsefulLifeOrExpensed() {
        LineDecision met = LineDecision.of(CostType.MODEL_TRAINING).withCriteriaMet(Answer.YES);
        Classification c = CogsTest.classify(met, IFRS);
        assertThat(c.treatment()).isEqualTo(Treatment.CAPITALIZED);
        assertThat(c.usefulLifeMonths()).isEqualTo(LineDecision.DEFAULT_USEFUL_LIFE_MONTHS).isEqualTo(36);
        assertThat(c.amortizationInCogs()).isTrue();
        assertThat(c.reason()).contains("36 months (the stated default");
        Classification ownLife = CogsTest.classify(met.withUsefulLifeMonths(24), IFRS);
        assertThat(ownLife.usefulLifeMonths()).isEqualTo(24);
        assertThat(ownLife.reason()).contains("24 months").doesNotContain("stated default");
        Classification notMet = CogsTest.classify(met.withCriteriaMet(Answer.NO), GAAP);
        assertThat(notMet.treatment()).isEqualTo(Treatment.RESEARCH_DEVELOPMENT);
        assertThat(notMet.usefulLifeMonths()).isZero();
    }

    @Test
    void theAsuTestRunsPerFiscalYearOfAMultiYearModel() {
        // 36 months from Jan-27: fiscal years beginning 2027-01-01, 2028-01-01, 2029-01-01. ASU 2025-06 is
        // mandatory for years beginning after 15 December 2027, so 2028 and 2029 use it and 2027 does not.
        String[] labels = new String[36];
        for (int i = 0; i < 36; i++) {
            labels[i] = java.time.YearMonth.of(2027, 1).plusMonths(i).format(
                    java.time.format.DateTimeFormatter.ofPattern("MMM-yy", java.util.Locale.ENGLISH));
        }
        Periods periods = new Periods(List.of(labels), Granularity.MONTH);
        Policy p = GAAP.withFiscalYearStart(LocalDate.of(2027, 1, 1));
        List<LocalDate> years = CogsTest.fiscalYears(periods, p);
        assertThat(years).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1),
                LocalDate.of(2029, 1, 1));
        assertThat(years).extracting(p::asu202506AppliesToYear).containsExactly(false, true, true);
        Classification c = CogsTest.classify(LineDecision.of(CostType.MODEL_TRAINING), Placement.RESEARCH_DEVELOPMENT,
                p, years);
        assertThat(c.criteria()).anyMatch(s -> s.startsWith("internal-use or hosted, fiscal year beginning 2027-01-01")
                && s.contains("preliminary project stage"));
        assertThat(c.criteria()).anyMatch(s -> s.startsWith(
                "internal-use or hosted, fiscal years beginning 2028-01-01 to 2029-01-01") && s.contains("probable"));
        // A fiscal year starting in April: Jan-27 to Mar-27 belong to the year that began 2026-04-01.
        assertThat(CogsTest.fiscalYears(periods, GAAP.withFiscalYearStart(LocalDate.of(2027, 4, 1))))
                .first().isEqualTo(LocalDate.of(2026, 4, 1));
        // IFRS has no ASU test
        assertThat(IFRS.withAsu202506Adopted(true).asu202506AppliesToYear(LocalDate.of(2029, 1, 1))).isFalse();
    }

    @Test
    void referencesNameTheParagraphs() {
        Classification inference = CogsTest.classify(CostType.CUSTOMER_INFERENCE, Answers.DEFAULTS, IFRS);
        assertThat(inference.references()).extracting(Citation::standard)
                .containsExactly("IFRS 15 ¶¶95–98", "IAS 1.99–103", "IFRS 18");
        assertThat(inference.referencesText()).contains("¶98").contains("expensed as incurred");
        Classification internal = CogsTest.classify(CostType.INTERNAL_INFERENCE, Answers.DEFAULTS, IFRS);
        assertThat(internal.references()).extracting(Citation::standard)
                .anyMatch(s -> s.startsWith("IFRIC agenda decisions"));
    }

    @Test
    void internalHostingAndToolsKeepTheirReportedFunction() {
        Classification rnd = CogsTest.classify(LineDecision.of(CostType.HOSTING_INTERNAL), Placement.RESEARCH_DEVELOPMENT,
                GAAP, List.of());
        assertThat(rnd.treatment()).isEqualTo(Treatment.RESEARCH_DEVELOPMENT);
        assertThat(rnd.reason()).contains("where the company reported it");
        Classification ga = CogsTest.classify(LineDecision.of(CostType.INTERNAL_INFERENCE), Placement.GENERAL_ADMIN,
                GAAP, List.of());
        assertThat(ga.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(ga.function()).isEqualTo(OpexFunction.GENERAL_ADMIN);
        // reported in COGS it moves out (to operating expense), because that is the gross-margin line
        Classification cogs = CogsTest.classify(LineDecision.of(CostType.HOSTING_INTERNAL), Placement.COST_OF_REVENUE,
                GAAP, List.of());
        assertThat(cogs.treatment()).isEqualTo(Treatment.OPERATING_EXPENSE);
        assertThat(cogs.function()).isEqualTo(OpexFunction.OPERATIONS);
    }
}
