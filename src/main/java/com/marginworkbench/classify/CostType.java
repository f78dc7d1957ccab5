package com.marginworkbench.classify;

import com.marginworkbench.model.Layer;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of cost the decision table knows, each with its usual answers to the three questions,
 * its usual treatment, its default layer and whether it is usually priced per token and variable.
 */
public enum CostType {
    CUSTOMER_INFERENCE("Customer-facing inference", Layer.AI, true, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    INTERNAL_INFERENCE("Internal-tool inference", Layer.AI, true, false, false, false,
            Treatment.OPERATING_EXPENSE, OpexFunction.OPERATIONS),
    FREE_TIER_INFERENCE("Free-tier inference", Layer.AI, true, true, false, false,
            Treatment.OPERATING_EXPENSE, OpexFunction.SALES_MARKETING),
    HITL_DELIVERY("Human-in-the-loop (delivery)", Layer.AI, false, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    DATA_LABELING("Training-data labeling", Layer.AI, false, false, false, false,
            Treatment.RESEARCH_DEVELOPMENT, null),
    EVAL_DELIVERY("Evaluation (delivery)", Layer.AI, false, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    EVAL_DEVELOPMENT("Evaluation (development)", Layer.AI, false, false, false, false,
            Treatment.RESEARCH_DEVELOPMENT, null),
    MODEL_TRAINING("Initial model training", Layer.AI, false, false, false, false,
            Treatment.RESEARCH_DEVELOPMENT, null),
    FINE_TUNING("Fine-tuning / retraining", Layer.AI, false, false, false, false,
            Treatment.RESEARCH_DEVELOPMENT, null),
    RAG_SERVING("Vector DB / RAG serving", Layer.AI, false, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    RAG_BUILD("Vector DB / RAG data-asset build", Layer.AI, false, false, false, false,
            Treatment.CAPITALIZED, null),
    HOSTING_CUSTOMER("Customer-facing hosting", Layer.SOFTWARE, false, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    HOSTING_INTERNAL("Internal hosting", Layer.SOFTWARE, false, false, false, false,
            Treatment.OPERATING_EXPENSE, OpexFunction.OPERATIONS),
    CUSTOMER_SUPPORT("Customer support", Layer.SOFTWARE, false, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    PAYMENT_PROCESSING("Payment processing", Layer.SOFTWARE, false, true, true, true,
            Treatment.COST_OF_REVENUE, null),
    SALES_MARKETING("Sales & marketing", Layer.SOFTWARE, false, false, false, false,
            Treatment.OPERATING_EXPENSE, OpexFunction.SALES_MARKETING),
    GENERAL_ADMIN("General & administrative", Layer.SOFTWARE, false, false, false, false,
            Treatment.OPERATING_EXPENSE, OpexFunction.GENERAL_ADMIN),
    RESEARCH_DEVELOPMENT("Research & development", Layer.SOFTWARE, false, false, false, false,
            Treatment.RESEARCH_DEVELOPMENT, null),
    OTHER("Other", Layer.SOFTWARE, false, false, false, false, Treatment.REVIEW, null);

    private final String label;
    private final Layer defaultLayer;
    private final boolean llmPriced;
    private final boolean usageVariable;
    private final boolean customerTriggered;
    private final boolean neededForDelivery;
    private final Treatment baseTreatment;
    private final OpexFunction opexFunction;

    CostType(String label, Layer defaultLayer, boolean llmPriced, boolean usageVariable, boolean customerTriggered,
             boolean neededForDelivery, Treatment baseTreatment, OpexFunction opexFunction) {
        this.label = label;
        this.defaultLayer = defaultLayer;
        this.llmPriced = llmPriced;
        this.usageVariable = usageVariable;
        this.customerTriggered = customerTriggered;
        this.neededForDelivery = neededForDelivery;
        this.baseTreatment = baseTreatment;
        this.opexFunction = opexFunction;
    }

    public String id() {
        return name();
    }

    public String label() {
        return label;
    }

    public Layer defaultLayer() {
        return defaultLayer;
    }

    /** Usually priced by a model provider per token or call. */
    public boolean defaultLlmPriced() {
        return llmPriced;
    }

    /** Usually grows with customer usage. */
    public boolean defaultUsageVariable() {
        return usageVariable;
    }

    /** The usual answer to "triggered by a paying customer?". Free tier depends on policy. */
    public boolean defaultCustomerTriggered(FreeTierPolicy freeTier) {
        if (this == FREE_TIER_INFERENCE) {
            return freeTier == FreeTierPolicy.CONTRACT_FULFILMENT;
        }
        return customerTriggered;
    }

    /** The usual answer to "needed to deliver the contracted output?". */
    public boolean defaultNeededForDelivery(FreeTierPolicy freeTier) {
        if (this == FREE_TIER_INFERENCE) {
            return freeTier == FreeTierPolicy.CONTRACT_FULFILMENT;
        }
        return neededForDelivery;
    }

    /** The usual answer to "varies with usage?". */
    public boolean defaultVariesWithUsage() {
        return usageVariable;
    }

    /** The treatment the decision table gives this type before any answer is changed. */
    public Treatment baseTreatment(Policy policy) {
        if (this == FREE_TIER_INFERENCE && policy.freeTier() == FreeTierPolicy.CONTRACT_FULFILMENT) {
            return Treatment.COST_OF_REVENUE;
        }
        if (this == MODEL_TRAINING && policy.framework() == Framework.IFRS) {
            return Treatment.CAPITALIZED;
        }
        return baseTreatment;
    }

    /** The OpEx function for types the table sends to OpEx, else null. */
    public OpexFunction opexFunction() {
        return opexFunction;
    }

    /** Accepts the id or the label, any case; spaces, hyphens and underscores are interchangeable. */
    public static Optional<CostType> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(text);
        for (CostType t : values()) {
            if (normalize(t.name()).equals(key) || normalize(t.label).equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but names the accepted values when nothing matches. */
    public static CostType parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("Unknown cost type '" + text
                + "'; use an id such as CUSTOMER_INFERENCE or a label such as \"Customer-facing inference\""));
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }
}
