package com.marginworkbench.classify;

import java.util.ArrayList;
import java.util.List;

/** The standards behind each cost type's treatment, per framework (domain decision table). */
public final class References {
    private static final Citation ASC_340_40 = new Citation("ASC 340-40", "costs to fulfil a contract");
    private static final Citation ASC_705 = new Citation("ASC 705", "cost of sales");
    private static final Citation ASC_606 = new Citation("ASC 606", "matched to the revenue it produces");
    private static final Citation ASC_350_40_CLOUD = new Citation("ASC 350-40", "cloud service, no asset");
    private static final Citation ASC_350_40 = new Citation("ASC 350-40", "internal-use or hosted software");
    private static final Citation ASC_730_10 = new Citation("ASC 730-10", "research and development");
    private static final Citation ASC_730_10_25_2 = new Citation("ASC 730-10-25-2", "R&D expensed as incurred");
    private static final Citation ASC_985_20_25_1 = new Citation("ASC 985-20-25-1",
            "software to be sold: capitalize after technological feasibility");
    private static final Citation ASU_2025_06 = new Citation("ASU 2025-06",
            "amends ASC 350-40: capitalize from the probable-to-complete threshold");
    private static final Citation IFRS_15 = new Citation("IFRS 15 ¶¶95–98",
            "costs to fulfil a contract; ¶98: costs of obligations already satisfied are expensed as incurred");
    private static final Citation IAS_1_99_103 = new Citation("IAS 1.99–103",
            "expenses analysed by function: cost of sales");
    private static final Citation IFRS_18 = new Citation("IFRS 18",
            "replaces IAS 1 presentation for annual periods from 1 January 2027; cost of sales stays a function line");
    private static final Citation IFRIC_SAAS = new Citation("IFRIC agenda decisions (March 2019, April 2021)",
            "access to a supplier's cloud software is a service received, expensed as used");
    private static final Citation IAS_38_57 = new Citation("IAS 38.57",
            "six criteria: feasibility, intention, ability to use or sell, future benefits, resources, reliable measure");
    private static final Citation ASC_350_40_STAGES = new Citation("ASC 350-40",
            "capitalize in the application development stage, after the preliminary project stage");
    private static final Citation IAS_38_RESEARCH = new Citation("IAS 38", "research phase, expensed");
    private static final Citation IAS_38 = new Citation("IAS 38", "intangible assets");
    private static final Citation IAS_38_54_57 = new Citation("IAS 38.54–57",
            "development-phase costs capitalized when the criteria are met");
    private static final Citation SAAS_PRACTICE_COGS = new Citation("Common SaaS practice",
            "cost of serving paying customers");
    private static final Citation SAAS_PRACTICE_OPEX = new Citation("Common SaaS practice",
            "operating expense by function");

    /** Under IFRS a cost of revenue rests on IFRS 15's fulfilment costs and the function presentation. */
    private static final List<Citation> IFRS_COST_OF_SALES = List.of(IFRS_15, IAS_1_99_103, IFRS_18);

    private References() {
    }

    public static List<Citation> of(CostType type, Policy policy) {
        boolean gaap = policy.framework() == Framework.US_GAAP;
        List<Citation> refs = new ArrayList<>(switch (type) {
            case CUSTOMER_INFERENCE -> gaap ? List.of(ASC_340_40, ASC_705, ASC_606) : IFRS_COST_OF_SALES;
            case INTERNAL_INFERENCE -> gaap ? List.of(ASC_350_40_CLOUD) : List.of(IFRIC_SAAS);
            case FREE_TIER_INFERENCE -> policy.freeTier() == FreeTierPolicy.CONTRACT_FULFILMENT
                    ? (gaap ? List.of(ASC_340_40) : IFRS_COST_OF_SALES)
                    : List.<Citation>of();
            case HITL_DELIVERY, EVAL_DELIVERY -> gaap ? List.of(ASC_340_40) : IFRS_COST_OF_SALES;
            case DATA_LABELING, EVAL_DEVELOPMENT -> gaap ? List.of(ASC_730_10) : List.of(IAS_38_RESEARCH);
            case MODEL_TRAINING -> gaap ? List.of(ASC_730_10_25_2, ASC_985_20_25_1, ASC_350_40_STAGES)
                    : List.of(IAS_38_54_57, IAS_38_57);
            case FINE_TUNING -> gaap ? List.of(ASC_730_10, ASC_350_40) : List.of(IAS_38);
            case RAG_SERVING, HOSTING_CUSTOMER -> gaap ? List.of(ASC_705) : IFRS_COST_OF_SALES;
            case RAG_BUILD -> gaap ? List.of(ASC_350_40_STAGES) : List.of(IAS_38_54_57, IAS_38_57);
            case CUSTOMER_SUPPORT, PAYMENT_PROCESSING -> List.of(SAAS_PRACTICE_COGS);
            case HOSTING_INTERNAL, SALES_MARKETING, GENERAL_ADMIN -> List.of(SAAS_PRACTICE_OPEX);
            case RESEARCH_DEVELOPMENT -> gaap ? List.of(ASC_730_10) : List.of(IAS_38);
            case OTHER -> List.<Citation>of();
        });
        // ASU 2025-06 only where it applies: a capitalization candidate under a policy that adopts it
        // (or a first fiscal year that must).
        if (policy.asu202506Applies() && (type == CostType.MODEL_TRAINING || type == CostType.RAG_BUILD)) {
            refs.add(ASU_2025_06);
        }
        return List.copyOf(refs);
    }
}
