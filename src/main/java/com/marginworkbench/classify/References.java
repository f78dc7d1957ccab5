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
    private static final Citation IFRS_15 = new Citation("IFRS 15 §§95–104", "costs to fulfil a contract");
    private static final Citation IAS_38_RESEARCH = new Citation("IAS 38", "research phase, expensed");
    private static final Citation IAS_38 = new Citation("IAS 38", "intangible assets");
    private static final Citation IAS_38_54_57 = new Citation("IAS 38.54–57",
            "development-phase costs capitalized when the criteria are met");
    private static final Citation SAAS_PRACTICE_COGS = new Citation("Common SaaS practice",
            "cost of serving paying customers");
    private static final Citation SAAS_PRACTICE_OPEX = new Citation("Common SaaS practice",
            "operating expense by function");

    private References() {
    }

    public static List<Citation> of(CostType type, Policy policy) {
        boolean gaap = policy.framework() == Framework.US_GAAP;
        List<Citation> refs = new ArrayList<>(switch (type) {
            case CUSTOMER_INFERENCE -> gaap ? List.of(ASC_340_40, ASC_705, ASC_606) : List.of(IFRS_15);
            case INTERNAL_INFERENCE -> gaap ? List.of(ASC_350_40_CLOUD) : List.<Citation>of();
            case FREE_TIER_INFERENCE -> policy.freeTier() == FreeTierPolicy.CONTRACT_FULFILMENT
                    ? (gaap ? List.of(ASC_340_40) : List.of(IFRS_15))
                    : List.<Citation>of();
            case HITL_DELIVERY, EVAL_DELIVERY -> gaap ? List.of(ASC_340_40) : List.of(IFRS_15);
            case DATA_LABELING, EVAL_DEVELOPMENT -> gaap ? List.of(ASC_730_10) : List.of(IAS_38_RESEARCH);
            case MODEL_TRAINING -> gaap ? List.of(ASC_730_10_25_2, ASC_985_20_25_1, ASC_350_40)
                    : List.of(IAS_38_54_57);
            case FINE_TUNING -> gaap ? List.of(ASC_730_10, ASC_350_40) : List.of(IAS_38);
            case RAG_SERVING, HOSTING_CUSTOMER -> gaap ? List.of(ASC_705) : List.of(IFRS_15);
            case RAG_BUILD -> gaap ? List.of(ASC_350_40) : List.of(IAS_38);
            case CUSTOMER_SUPPORT, PAYMENT_PROCESSING -> List.of(SAAS_PRACTICE_COGS);
            case HOSTING_INTERNAL, SALES_MARKETING, GENERAL_ADMIN -> List.of(SAAS_PRACTICE_OPEX);
            case RESEARCH_DEVELOPMENT -> gaap ? List.of(ASC_730_10) : List.of(IAS_38);
            case OTHER -> List.<Citation>of();
        });
        if (policy.asu202506Applies() && refs.stream().anyMatch(c -> c.standard().equals("ASC 350-40"))) {
            refs.add(ASU_2025_06);
        }
        return List.copyOf(refs);
    }
}
