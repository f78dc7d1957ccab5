package com.marginworkbench.classify;

import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Periods;
import com.marginworkbench.model.Placement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AI inference COGS test as code. A cost triggered by a paying customer and needed to deliver
 * what they bought is a cost of revenue; the third answer (varies with usage?) only says whether
 * it is variable or a fixed delivery cost the stress levers leave alone. Any other answer keeps the
 * line outside COGS, where its type decides OpEx, R&D or capitalized. Answers that contradict the
 * type, lines with no known type, a vendor name alone that would move a line against where the
 * company reported it, and training or index-build spend whose capitalization criteria are not yet
 * assessed go to Review with the reason named: nothing is guessed.
 */
public final class CogsTest {
    private CogsTest() {
    }

    public static Classification classify(LineDecision decision, Policy policy) {
        return classify(decision, null, policy, List.of());
    }

    /**
     * Classifies every decision of the model: each line's reported placement is known (so a
     * name-only suggestion cannot move it, and internal costs keep their function), and the ASU
     * 2025-06 test runs per fiscal year of the model's periods.
     */
    public static List<Classification> classifyAll(FinancialModel model, List<LineDecision> decisions, Policy policy) {
        List<CostLine> costs = model.costs();
        if (costs.size() != decisions.size()) {
            throw new IllegalArgumentException("Expected " + costs.size() + " decisions, got " + decisions.size());
        }
        List<LocalDate> years = fiscalYears(model.periods(), policy);
        List<Classification> out = new ArrayList<>(decisions.size());
        // A ledger of 20,000 lines holds a handful of distinct decisions: each is tested once (the
        // outcome is immutable and depends on nothing else), where building every reason again took
        // about 50 ms of a command-line run.
        Map<Same, Classification> tested = new HashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            LineDecision d = decisions.get(i);
            Placement reported = costs.get(i).reported();
            Same key = new Same(d, reported);
            Classification c = tested.get(key);
            if (c == null) {
                c = classify(d, reported, policy, years);
                tested.put(key, c);
            }
            out.add(c);
        }
        return out;
    }

    /**
     * What a decision's test depends on besides the policy and the years: compared field by field
     * (a record's generated {@code equals} is assembled from method handles on first use, which a
     * short command-line run pays for). A field added to {@link LineDecision} must be added here.
     */
    private static final class Same {
        private final LineDecision d;
        private final Placement reported;
        private final int hash;

        Same(LineDecision d, Placement reported) {
            this.d = d;
            this.reported = reported;
            Answers a = d.answers();
            int h = Objects.hashCode(d.costType());
            h = 31 * h + a.triggeredByCustomer().ordinal();
            h = 31 * h + a.neededForDelivery().ordinal();
            h = 31 * h + a.variesWithUsage().ordinal();
            h = 31 * h + d.note().hashCode();
            h = 31 * h + d.origin().ordinal();
            h = 31 * h + d.criteriaMet().ordinal();
            h = 31 * h + d.usefulLifeMonths();
            this.hash = 31 * h + Objects.hashCode(reported);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Same other)) {
                return false;
            }
            LineDecision e = other.d;
            Answers a = d.answers();
            Answers b = e.answers();
            return reported == other.reported && d.costType() == e.costType()
                    && a.triggeredByCustomer() == b.triggeredByCustomer()
                    && a.neededForDelivery() == b.neededForDelivery() && a.variesWithUsage() == b.variesWithUsage()
                    && d.note().equals(e.note()) && d.origin() == e.origin() && d.criteriaMet() == e.criteriaMet()
                    && d.usefulLifeMonths() == e.usefulLifeMonths();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Classifies every decision in order, without the lines' reported placement. */
    public static List<Classification> classifyAll(List<LineDecision> decisions, Policy policy) {
        List<Classification> out = new ArrayList<>(decisions.size());
        for (LineDecision d : decisions) {
            out.add(classify(d, policy));
        }
        return out;
    }

    /**
     * The fiscal years the periods cover: from the policy's fiscal-year start (calendar years when
     * none is set) and the months the period headings name; when no heading names a month, the
     * first period is taken to open the policy's fiscal year.
     */
    public static List<LocalDate> fiscalYears(Periods periods, Policy policy) {
        if (periods.count() == 0) {
            return List.of();
        }
        YearMonth first = periods.start(0);
        YearMonth last = periods.start(periods.count() - 1);
        if (first == null && policy.fiscalYearStart() != null) {
            first = YearMonth.from(policy.fiscalYearStart());
            last = first.plusMonths((long) (periods.count() - 1) * periods.monthsPerPeriod());
        }
        return FiscalYears.covering(policy.fiscalYearStart(), first, last);
    }

    public static Classification classify(CostType type, Answers answers, Policy policy) {
        return classify(new LineDecision(type, answers, ""), null, policy, List.of());
    }

    /**
     * @param reported    where the workbook placed the line (null when unknown)
     * @param fiscalYears the model's fiscal years (for the ASU 2025-06 test per year; may be empty)
     */
    public static Classification classify(LineDecision decision, Placement reported, Policy policy,
                                          List<LocalDate> fiscalYears) {
        Classification c = classifyType(decision, policy, fiscalYears);
        if (reported == null) {
            return c;
        }
        c = nameAloneCannotMove(decision, reported, c);
        return keepReportedFunction(decision.costType(), reported, c);
    }

    private static Classification classifyType(LineDecision decision, Policy policy, List<LocalDate> years) {
        CostType type = decision.costType();
        Answers answers = decision.answers();
        if (type == null) {
            return review(false, false, false, List.of(),
                    "No cost type is set, so the line cannot be tested: choose a cost type or answer the three questions under Other.",
                    "no cost type");
        }
        FreeTierPolicy freeTier = policy.freeTier();
        boolean triggered = answers.triggeredByCustomer().resolve(type.defaultCustomerTriggered(freeTier));
        boolean needed = answers.neededForDelivery().resolve(type.defaultNeededForDelivery(freeTier));
        boolean varies = answers.variesWithUsage().resolve(type.defaultVariesWithUsage());
        // The third answer is not a gate: paid-for and needed for delivery make a cost of revenue.
        boolean delivery = triggered && needed;
        List<Citation> refs = References.of(type, policy);
        String name = type.label();

        if (type == CostType.OTHER) {
            if (!answers.allExplicit()) {
                return review(triggered, needed, varies, refs,
                        "The type is Other, so all three questions must be answered before the line can be placed.",
                        "type Other with unanswered questions");
            }
            if (delivery) {
                return cogs(List.of(new Citation("ASC 340-40 / IFRS 15", "costs to fulfil a contract")), varies,
                        "Answered yes to being triggered by a paying customer and needed to deliver the output, so "
                                + "this cost is a cost of revenue" + fixedTail(varies) + ".");
            }
            return new Classification(Treatment.OPERATING_EXPENSE, OpexFunction.OPERATIONS,
                    "Answered " + firstNo(triggered, needed) + ", so this cost stays in operating expense.",
                    refs, triggered, needed, varies, null);
        }

        Treatment base = type.baseTreatment(policy);
        if (base == Treatment.COST_OF_REVENUE) {
            if (delivery) {
                return new Classification(Treatment.COST_OF_REVENUE, null, cogsReason(type, varies), refs,
                        true, true, varies, null);
            }
            String contradiction = name + " is normally a cost of revenue, but the answers say "
                    + firstNo(triggered, needed);
            return review(triggered, needed, varies, refs,
                    contradiction + "; change the cost type or the answer.", contradiction);
        }

        if (delivery) {
            String contradiction = name + " is normally " + describe(base, type.opexFunction())
                    + ", but the answers say it is triggered by a paying customer and needed for delivery";
            return review(triggered, needed, varies, refs,
                    contradiction + "; change the cost type or the answer.", contradiction);
        }
        if (type == CostType.MODEL_TRAINING || type == CostType.RAG_BUILD) {
            return capitalizationCandidate(decision, policy, years, refs, triggered, needed, varies);
        }
        OpexFunction function = base == Treatment.OPERATING_EXPENSE ? type.opexFunction() : null;
        return new Classification(base, function, outsideReason(type, base, function, triggered, needed),
                refs, triggered, needed, varies, null);
    }

    /**
     * Training a model and building a retrieval index are capitalized only when the framework's
     * criteria are met; the framework alone does not decide. Until a person answers, the line is
     * in Review with the checklist; met → capitalized (amortized, in COGS because the asset
     * delivers the paid service); not met → expensed as R&D.
     */
    private static Classification capitalizationCandidate(LineDecision d, Policy policy, List<LocalDate> years,
                                                          List<Citation> refs, boolean triggered, boolean needed,
                                                          boolean varies) {
        CostType type = d.costType();
        List<String> criteria = criteria(type, policy, years);
        String what = type == CostType.MODEL_TRAINING ? "Initial model training" : "Building the retrieval index";
        if (d.criteriaMet() == Answer.YES) {
            int life = d.effectiveUsefulLifeMonths();
            return new Classification(Treatment.CAPITALIZED, null, what + " meets the capitalization criteria ("
                    + criteriaName(policy) + "), so it is capitalized and amortized over " + life + " months"
                    + (d.usefulLifeMonths() == 0 ? " (the stated default; enter the asset's own useful life)" : "")
                    + "; the amortization is a cost of revenue because the asset delivers the paid service.",
                    refs, triggered, needed, varies, null, criteria, life, true);
        }
        if (d.criteriaMet() == Answer.NO) {
            return new Classification(Treatment.RESEARCH_DEVELOPMENT, null, what + " does not meet the capitalization "
                    + "criteria (" + criteriaName(policy) + "), so it is expensed as research and development, below "
                    + "the gross-margin line.", refs, triggered, needed, varies, null, criteria, 0, false);
        }
        String reason = what + " is capitalized only if the " + criteriaName(policy) + " criteria are met, and "
                + "expensed as R&D otherwise; the framework alone does not decide. What decides it: "
                + String.join("; ", criteria) + ". Answer whether the criteria are met.";
        return new Classification(Treatment.REVIEW, null, reason, refs, triggered, needed, varies,
                "capitalization criteria not yet assessed", criteria, 0, false);
    }

    private static String criteriaName(Policy policy) {
        return policy.framework() == Framework.IFRS ? "IAS 38.57" : "ASC 350-40 / ASC 985-20";
    }

    /** The checklist a person answers before a training or index-build line can leave Review. */
    public static List<String> criteria(CostType type, Policy policy, List<LocalDate> years) {
        List<String> out = new ArrayList<>();
        if (policy.framework() == Framework.IFRS) {
            out.add("research or development phase (IAS 38.54: research is always expensed; a project that cannot "
                    + "tell the two apart treats it all as research)");
            out.add("IAS 38.57(a) technically feasible to complete");
            out.add("(b) intention to complete and use or sell it");
            out.add("(c) ability to use or sell it");
            out.add("(d) how it will generate probable future economic benefits");
            out.add("(e) technical, financial and other resources to complete it");
            out.add("(f) spend on it can be measured reliably");
            return out;
        }
        out.add("software sold to customers: ASC 985-20, expensed until technological feasibility, capitalized after");
        List<LocalDate> asuYears = new ArrayList<>();
        List<LocalDate> oldYears = new ArrayList<>();
        for (LocalDate y : years) {
            (policy.asu202506AppliesToYear(y) ? asuYears : oldYears).add(y);
        }
        boolean allAsu = years.isEmpty() ? policy.asu202506Applies() : oldYears.isEmpty();
        String asuTest = "ASC 350-40 as amended by ASU 2025-06: management has authorized and committed to funding "
                + "it and completion and use as intended are probable (probable-to-complete)";
        String oldTest = "ASC 350-40 before ASU 2025-06: the preliminary project stage is over and the application "
                + "development stage has begun";
        if (allAsu) {
            out.add("internal-use or hosted: " + asuTest);
        } else if (asuYears.isEmpty()) {
            out.add("internal-use or hosted: " + oldTest);
        } else {
            out.add("internal-use or hosted, " + span(oldYears) + ": " + oldTest);
            out.add("internal-use or hosted, " + span(asuYears) + ": " + asuTest);
        }
        out.add(type == CostType.MODEL_TRAINING ? "spend after the model is ready for use is expensed"
                : "spend on serving requests from the index is a cost of revenue, not part of the asset");
        return out;
    }

    private static String span(List<LocalDate> years) {
        return years.size() == 1 ? "fiscal year beginning " + years.get(0)
                : "fiscal years beginning " + years.get(0) + " to " + years.get(years.size() - 1);
    }

    /**
     * A vendor or topic name alone ("OpenAI", "GPU compute", "Snowflake") does not move a line across
     * the gross-margin line against where the company reported it: nothing in the label says what
     * the spend does, so the line goes to Review (keeping its reported place) with the contradiction
     * named.
     */
    private static Classification nameAloneCannotMove(LineDecision d, Placement reported, Classification c) {
        if (d.origin() != LineDecision.Origin.SUGGESTED_FROM_NAME || !d.answers().allDefault() || c.isReview()) {
            return c;
        }
        boolean into = c.treatment() == Treatment.COST_OF_REVENUE && !reported.isCostOfRevenue();
        boolean outOf = c.treatment() != Treatment.COST_OF_REVENUE && reported.isCostOfRevenue();
        if (!into && !outOf) {
            return c;
        }
        String from = d.note().isBlank() ? "the label's vendor name" : d.note();
        String contradiction = "suggested as " + d.costType().label() + " from a name alone (" + from
                + "), but the workbook reports it under " + reported.label() + " and no word in the label says "
                + (into ? "customer-facing or production" : "internal, development or what else it is for");
        return new Classification(Treatment.REVIEW, null, (into ? "Not moved into cost of revenue: "
                : "Not moved out of cost of revenue: ") + contradiction
                + ". Confirm the cost type or answer the three questions.", c.references(), c.triggeredByCustomer(),
                c.neededForDelivery(), c.variesWithUsage(), contradiction);
    }

    /**
     * Internal hosting and internal AI tools are costs of the function that uses them: they stay
     * where the company reported them (R&D stays R&D). Only whether a line sits in cost of revenue
     * matters for gross margin, so only that moves.
     */
    private static Classification keepReportedFunction(CostType type, Placement reported, Classification c) {
        if (type == null || type.opexFunction() != OpexFunction.OPERATIONS
                || c.treatment() != Treatment.OPERATING_EXPENSE || type == CostType.OTHER) {
            return c;
        }
        Treatment t = Treatment.OPERATING_EXPENSE;
        OpexFunction f;
        switch (reported) {
            case RESEARCH_DEVELOPMENT -> {
                t = Treatment.RESEARCH_DEVELOPMENT;
                f = null;
            }
            case SALES_MARKETING -> f = OpexFunction.SALES_MARKETING;
            case GENERAL_ADMIN -> f = OpexFunction.GENERAL_ADMIN;
            default -> f = OpexFunction.OPERATIONS;
        }
        if (t == c.treatment() && f == c.function()) {
            return c;
        }
        String reason = type.label() + " is not a cost of serving paying customers, so it stays outside cost of "
                + "revenue, under " + reported.label() + " where the company reported it: only the gross-margin "
                + "line decides what moves.";
        return new Classification(t, f, reason, c.references(), c.triggeredByCustomer(), c.neededForDelivery(),
                c.variesWithUsage(), null);
    }

    private static Classification review(boolean triggered, boolean needed, boolean varies, List<Citation> refs,
                                         String reason, String contradiction) {
        return new Classification(Treatment.REVIEW, null, reason, refs, triggered, needed, varies, contradiction);
    }

    private static Classification cogs(List<Citation> refs, boolean varies, String reason) {
        return new Classification(Treatment.COST_OF_REVENUE, null, reason, refs, true, true, varies, null);
    }

    private static String fixedTail(boolean varies) {
        return varies ? "" : "; it does not vary with usage, so it is a fixed delivery cost the stress levers leave alone";
    }

    private static String cogsReason(CostType type, boolean varies) {
        if (type == CostType.FREE_TIER_INFERENCE) {
            return "The company's policy treats free usage as contract fulfilment, so free-tier inference is a cost of "
                    + "revenue" + fixedTail(varies) + ".";
        }
        return type.label() + " is triggered by paying customers and needed to deliver what they bought, so it is a "
                + "cost of revenue" + (varies ? " that grows with their usage" : fixedTail(false)) + ".";
    }

    private static String outsideReason(CostType type, Treatment base, OpexFunction function, boolean triggered,
                                        boolean needed) {
        String why = firstNo(triggered, needed);
        String where = describe(base, function);
        String tail = type == CostType.FREE_TIER_INFERENCE
                ? " (free usage wins customers; no contract is being fulfilled)" : "";
        return type.label() + " is " + why + ", so it is " + where + tail + ".";
    }

    private static String describe(Treatment t, OpexFunction f) {
        return switch (t) {
            case COST_OF_REVENUE -> "a cost of revenue";
            case OPERATING_EXPENSE -> f == null ? "operating expense" : "operating expense (" + f.label() + ")";
            case RESEARCH_DEVELOPMENT -> "research and development";
            case CAPITALIZED -> "capitalized";
            case REVIEW -> "under review";
        };
    }

    /** The first of the two deciding questions answered no, in words. */
    private static String firstNo(boolean triggered, boolean needed) {
        if (!triggered) {
            return "not triggered by a paying customer";
        }
        if (!needed) {
            return "not needed to deliver the contracted output";
        }
        return "triggered by a paying customer and needed for delivery";
    }
}
