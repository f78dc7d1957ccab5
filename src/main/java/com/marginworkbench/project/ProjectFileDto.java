package com.marginworkbench.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a project file. Kept apart from the core records so that the file format can
 * stay stable while the core changes; {@link ProjectFile} converts between the two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProjectFileDto {
    public int formatVersion = ProjectFile.FORMAT_VERSION;
    public String workbook;
    public String savedAt;
    public MappingDto mapping;
    public PolicyDto policy;
    /**
     * Lever values as the engine takes them (fractions and multipliers), by the lever catalogue's
     * id ({@code "llm-cost": 0.5}); format 1 used the field names of {@code Levers}
     * ({@code "llmCostChange": 0.5}), which are still read.
     */
    public Map<String, Double> levers;
    public String activeScenario;
    public List<ScenarioDto> scenarios = new ArrayList<>();
    public List<LineDto> lines = new ArrayList<>();
    /** Revenue lines whose layer or usage pricing the user set; absent in files of earlier builds. */
    public List<RevenueDto> revenue = new ArrayList<>();
    /** What the user told the reader in the mapping view; absent when the reader found the table alone. */
    public HintsDto reading;
    /** ARPA, churn, CAC and first forecast period the user set over the workbook's own; absent when none. */
    public AssumptionsDto assumptions;
    /** The Customers view's imports (files, column mapping, price overrides, heavy-user cut); absent when none. */
    public UsageDto usage;

    /** How the workbook was read, so a reader change can be noticed when the file is reopened. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class MappingDto {
        public boolean ownModel;
        public List<String> sheets = new ArrayList<>();
        public List<String> periods = new ArrayList<>();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class PolicyDto {
        public String framework;
        public boolean asu202506Adopted;
        public String fiscalYearStart;
        public String freeTier;
    }

    /** See {@code model.Assumptions}; each field absent when the workbook's own value stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class AssumptionsDto {
        public Double arpaMonthly;
        /** A fraction per month: 0.015 is 1.5%. */
        public Double churnMonthly;
        public Double cac;
        /** The heading of the first forecast period, or "none" when every period is actual. */
        public String firstForecast;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class ScenarioDto {
        public String name;
        public Map<String, Double> levers;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class LineDto {
        public String source;
        public String label;
        public String costType;
        public String triggeredByCustomer;
        public String neededForDelivery;
        public String variesWithUsage;
        public String note;
        public String noteTime;
        /** Where the cost type came from (USER, SUGGESTED_WITH_CONTEXT, SUGGESTED_FROM_NAME); absent = USER. */
        public String origin;
        /** Capitalization criteria of a training or index-build line: YES, NO or absent (not assessed). */
        public String criteriaMet;
        /** Useful life in months of a capitalized line; absent or 0 = the stated default. */
        public Integer usefulLifeMonths;
        public double aiShare;
        public boolean llmPriced;
        public boolean usageVariable;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class RevenueDto {
        public String source;
        public String label;
        public double aiShare;
        public boolean usagePriced;
    }

    /** The mapping the user gave the reader (see {@code model.ReadingHints}); rows named {@code Sheet!12}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class HintsDto {
        public List<String> tables = new ArrayList<>();
        public Integer headerRow;
        public String labelColumn;
        public java.util.Map<String, String> roles = new java.util.LinkedHashMap<>();
        public List<String> flippedRows = new ArrayList<>();
        public boolean flipAllCosts;
        public String units;
        public Double unitScale;
        public List<String> periodColumns = new ArrayList<>();
    }
}
