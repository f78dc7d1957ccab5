package com.marginworkbench.workbook.statement;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.model.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class VendorDictionaryTest {
    private final VendorDictionary dict = VendorDictionary.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "OpenAI API - production | CUSTOMER_INFERENCE | AI | Suggested from 'OpenAI' + 'production'",
            "Anthropic (internal tools) | INTERNAL_INFERENCE | AI | Suggested from 'Anthropic' + 'internal tools'",
            "Gemini API free tier | FREE_TIER_INFERENCE | AI | Suggested from 'Gemini API' + 'free tier'",
            "Azure OpenAI fine-tuning | FINE_TUNING | AI | Suggested from 'Azure OpenAI' + 'fine-tuning'",
            "CoreWeave GPUs - training run | MODEL_TRAINING | AI | Suggested from 'CoreWeave' + 'training run'",
            "Pinecone | RAG_SERVING | AI | Suggested from 'Pinecone'",
            "Pinecone index build | RAG_BUILD | AI | Suggested from 'Pinecone' + 'index build'",
            "Scale AI data labeling | DATA_LABELING | AI | Suggested from 'Scale AI'",
            "Surge AI human review of answers | HITL_DELIVERY | AI | Suggested from 'Surge AI' + 'human review'",
            "LangSmith tracing | EVAL_DELIVERY | AI | Suggested from 'LangSmith'",
            "Weights & Biases experiments | EVAL_DEVELOPMENT | AI | Suggested from 'Weights & Biases' + 'experiments'",
            "AWS - production | HOSTING_CUSTOMER | SOFTWARE | Suggested from 'AWS' + 'production'",
            "GCP staging | HOSTING_INTERNAL | SOFTWARE | Suggested from 'GCP' + 'staging'",
            "Zendesk | CUSTOMER_SUPPORT | SOFTWARE | Suggested from 'Zendesk'",
            "Stripe fees | PAYMENT_PROCESSING | SOFTWARE | Suggested from 'Stripe'",
            "ChatGPT Enterprise seats | INTERNAL_INFERENCE | AI | Suggested from 'ChatGPT Enterprise'",
            "Claude Team | INTERNAL_INFERENCE | AI | Suggested from 'Claude Team'",
            "Engineering salaries | RESEARCH_DEVELOPMENT | SOFTWARE | Suggested from 'Engineering'",
            "Marketing | SALES_MARKETING | SOFTWARE | Suggested from 'Marketing'",
            "AWS Bedrock (Claude) | CUSTOMER_INFERENCE | AI | Suggested from 'AWS Bedrock'",
            "Support staff | CUSTOMER_SUPPORT | SOFTWARE | Suggested from 'Support staff'",
            "Server costs | HOSTING_CUSTOMER | SOFTWARE | Suggested from 'Server'",
            "Foundation model fees | CUSTOMER_INFERENCE | AI | Suggested from 'Foundation model'",
            "Zendesk for internal staff | GENERAL_ADMIN | SOFTWARE | Suggested from 'Zendesk' + 'internal'",
    })
    void suggestsFromVendorsAndWords(String label, String type, String layer, String note) {
        VendorDictionary.Suggestion s = dict.suggest(label);
        assertThat(s.costType()).isEqualTo(CostType.parse(type));
        assertThat(s.layer()).isEqualTo(Layer.valueOf(layer));
        assertThat(s.note()).isEqualTo(note);
    }

    @Test
    void aStatementsOwnSectionNameIsNotSalesAndMarketing() {
        for (String label : new String[]{"Cost of sales", "Total cost of sales", "Cost of goods sold", "COGS",
                "Cost of revenues"}) {
            VendorDictionary.Suggestion s = dict.suggest(label);
            assertThat(s.costType()).as(label).isNull();
            assertThat(s.matchedTerms()).as(label).isEmpty();
        }
        // the label's other words still say what the spend is
        assertThat(dict.suggest("Cost of sales - AWS production").costType()).isEqualTo(CostType.HOSTING_CUSTOMER);
        assertThat(dict.suggest("Sales commissions").costType()).isEqualTo(CostType.SALES_MARKETING);
    }

    @Test
    void flagsFollowTheVendor() {
        assertThat(dict.suggest("OpenAI API").llmPriced()).isTrue();
        assertThat(dict.suggest("OpenAI API").usageVariable()).isTrue();
        assertThat(dict.suggest("ChatGPT Enterprise").llmPriced()).isFalse();
        assertThat(dict.suggest("CoreWeave").llmPriced()).isFalse();
    }

    @Test
    void unknownLabelsAreNotGuessed() {
        for (String label : new String[]{"Salaries", "Miscellaneous", "Marketplace listing", "Scaleup bonus"}) {
            VendorDictionary.Suggestion s = dict.suggest(label);
            assertThat(s.costType()).as(label).isNull();
            assertThat(s.matchedTerms()).as(label).isEmpty();
        }
    }

    @Test
    void revenueWords() {
        assertThat(dict.isAiRevenue("AI add-on")).isTrue();
        assertThat(dict.isAiRevenue("AI credits")).isTrue();
        assertThat(dict.isAiRevenue("Subscription revenue")).isFalse();
        assertThat(dict.isUsagePriced("Usage-billed model features")).isTrue();
        assertThat(dict.isUsagePriced("Per-token API revenue")).isTrue();
        assertThat(dict.isUsagePriced("Seats")).isFalse();
    }

    @Test
    void aCustomDictionaryExtendsTheTerms() throws Exception {
        String json = "{\"contexts\":[],\"groups\":[{\"id\":\"x\",\"costType\":\"CUSTOMER_INFERENCE\","
                + "\"terms\":[\"acme llm\"]}]}";
        VendorDictionary d = VendorDictionary.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.suggest("ACME LLM calls").costType()).isEqualTo(CostType.CUSTOMER_INFERENCE);
        assertThat(d.suggest("ACME LLM calls").note()).isEqualTo("Suggested from 'ACME LLM'");
    }
}
