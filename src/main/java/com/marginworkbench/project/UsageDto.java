package com.marginworkbench.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code usage} section of a project file: what the Customers view imported and how, so the
 * window and {@code usage --workbook} find it again. Paths are relative to the workbook's folder
 * where possible, with {@code /} between folders. Absent from project files of earlier builds.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public class UsageDto {
    /** Usage or spend exports. */
    public List<String> usageFiles = new ArrayList<>();
    /** Revenue per customer files. */
    public List<String> revenueFiles = new ArrayList<>();
    /** The identity → customer CSV, or absent. */
    public String customers;
    /** Column name → field key ({@code customer}, {@code date}, {@code cost}...) for files no preset knows. */
    public Map<String, String> columns = new LinkedHashMap<>();
    /** Model prices put over the bundled table. */
    public List<PriceDto> prices = new ArrayList<>();
    /** Share of customers counted as heavy users (0.1 = top decile); absent = the default. */
    public Double heavyCut;

    /** One model's prices in USD per million tokens; {@code cachedInputPer1M} absent = the input price. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class PriceDto {
        public String model;
        public Double inputPer1M;
        public Double outputPer1M;
        public Double cachedInputPer1M;
    }
}
