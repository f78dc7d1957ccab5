package com.marginworkbench.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The AI inference COGS test as code. Three yes (triggered by a paying customer, needed for
 * delivery, varies with usage) make a cost of revenue; any no keeps the line outside COGS, where
 * its type decides OpEx, R&D or capitalized. Answers that contradict the type, and lines with no
 * known type, go to Review with the contradiction named: nothing is guessed.
 */
public final class CogsTest {
    private CogsTest() {
    }

    public static Classification classify(LineDecision decision, Policy policy) {
        return classify(decision.costType(), decision.answers(), policy);
    }

    /** Classifies every decision in order. */
    public static List<Classification> classifyAll(List<LineDecision> decisions, Policy policy) {
        List<Classification> out = new ArrayList<>(decisions.size());
        for (LineDecision d : decisions) {
            out.add(classify(d, policy));
        }
        return out;
    }

    public static Classification classify(CostType type, Answers answers, Policy policy) {
        if (answers == null) {
            answers = Answers.DEFAULTS;
        }
        if (type == null) {
            return review(answers, false, false, false, List.of(),
                    "No cost type is set, so the line cannot be tested: choose a cost type or answer the three questions under Other.",
                    "no cost type");
        }
        FreeTierPolicy freeTier = policy.freeTier();
        boolean triggered = answers.triggeredByCustomer().resolve(type.defaultCustomerTriggered(freeTier));
        boolean needed = answers.neededForDelivery().resolve(type.defaultNeededForDelivery(freeTier));
        boolean varies = answers.variesWithUsage().resolve(type.defaultVariesWithUsage());
        boolean allYes = triggered && needed && varies;
        List<Citation> refs = References.of(type, policy);
        String name = type.label();

        if (type == CostType.OTHER) {
            if (!answers.allExplicit()) {
                return review(answers, triggered, needed, varies, refs,
                        "The type is Other, so all three questions must be answered before the line can be placed.",
                        "type Other with unanswered questions");
            }
            if (allYes) {
                return new Classification(Treatment.COST_OF_REVENUE, null,
                        "Answered yes to all three questions, so this cost is a cost of revenue.",
                        List.of(new Citation("ASC 340-40 / IFRS 15", "costs to fulfil a contract")),
                        true, true, true, null);
            }
            return new Classification(Treatment.OPERATING_EXPENSE, OpexFunction.OPERATIONS,
                    "Answered " + firstNo(triggered, needed, varies) + ", so this cost stays in operating expense.",
                    refs, triggered, needed, varies, null);
        }

        Treatment base = type.baseTreatment(policy);
        if (base == Treatment.COST_OF_REVENUE) {
            if (allYes) {
                return new Classification(Treatment.COST_OF_REVENUE, null,
                        cogsReason(type, policy), refs, true, true, true, null);
            }
            String contradiction = name + " is normally a cost of revenue, but the answers say "
                    + firstNo(triggered, needed, varies);
            return review(answers, triggered, needed, varies, refs,
                    contradiction + "; change the cost type or the answer.", contradiction);
        }

        if (allYes) {
            String contradiction = name + " is normally " + describe(base, type.opexFunction())
                    + ", but all three answers say cost of revenue";
            return review(answers, triggered, needed, varies, refs,
                    contradiction + "; change the cost type or the answer.", contradiction);
        }
        OpexFunction function = base == Treatment.OPERATING_EXPENSE ? type.opexFunction() : null;
        return new Classification(base, function, outsideReason(type, base, function, triggered, needed, varies, policy),
                refs, triggered, needed, varies, null);
    }

    private static Classification review(Answers given, boolean triggered, boolean needed, boolean varies,
                                         List<Citation> refs, String reason, String contradiction) {
        return new Classification(Treatment.REVIEW, null, reason, refs, triggered, needed, varies, contradiction);
    }

    private static String cogsReason(CostType type, Policy policy) {
        if (type == CostType.FREE_TIER_INFERENCE) {
            return "The company's policy treats free usage as contract fulfilment, so free-tier inference is a cost of revenue.";
        }
        return type.label() + " is triggered by paying customers, needed to deliver what they bought and grows "
                + "with their usage, so it is a cost of revenue.";
    }

    private static String outsideReason(CostType type, Treatment base, OpexFunction function, boolean triggered,
                                        boolean needed, boolean varies, Policy policy) {
        String why = firstNo(triggered, needed, varies);
        String where = describe(base, function);
        String tail = switch (type) {
            case FREE_TIER_INFERENCE -> " (free usage wins customers; no contract is being fulfilled)";
            case MODEL_TRAINING -> policy.framework() == Framework.IFRS
                    ? " (development-phase cost capitalized when the IAS 38 criteria are met; below the gross-margin line)"
                    : " (expensed as incurred under US GAAP unless ASC 350-40 or ASC 985-20 applies; below the gross-margin line)";
            case RAG_BUILD -> policy.asu202506Applies()
                    ? " (built data asset, capitalized once completion is probable under ASU 2025-06)"
                    : " (a built data asset, not a cost of serving a request)";
            default -> "";
        };
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

    /** The first question answered no, in words. */
    private static String firstNo(boolean triggered, boolean needed, boolean varies) {
        if (!triggered) {
            return "not triggered by a paying customer";
        }
        if (!needed) {
            return "not needed to deliver the contracted output";
        }
        if (!varies) {
            return "not varying with usage";
        }
        return "yes to all three questions";
    }
}
