package com.marginworkbench.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

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
    public LeversDto levers;
    public String activeScenario;
    public List<ScenarioDto> scenarios = new ArrayList<>();
    public List<LineDto> lines = new ArrayList<>();

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

    /** Lever values as the engine takes them (fractions and multipliers). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class LeversDto {
        public double llmCostChange;
        public double varianceBuffer = 1;
        public double heavyUserShare;
        public double heavyUserMultiplier = 1;
        public double priceChange;
        public double tokenPriceDeclinePerYear;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class ScenarioDto {
        public String name;
        public LeversDto levers;
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
}
