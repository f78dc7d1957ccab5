package com.marginworkbench.workbook.own;

import java.util.List;

/**
 * Where things sit in the product's own seventeen-sheet model. The sample generator writes this
 * layout and {@link OwnModelReader} reads it, so both take their positions from here.
 *
 * <p>Every monthly sheet shares one grid: column A holds the label, B the cost type (or, for
 * revenue, the billing basis), C the layer, D to O the twelve months and P the year total. Row 5
 * is the header row; lines start below it.
 */
public final class OwnModelLayout {
    private OwnModelLayout() {
    }

    /** Defined name whose presence marks a workbook as the product's own model. */
    public static final String MARKER_NAME = "MarginWorkbenchModel";
    /** Text of the marker cell; the version after "v" changes when the layout changes. */
    public static final String MARKER_TEXT = "Margin Workbench model layout v1";

    public static final String COVER = "Cover";
    public static final String HOW_TO_READ = "How to read";
    public static final String ASSUMPTIONS = "Assumptions";
    public static final String PRICING = "Pricing";
    public static final String REVENUE = "Customers & Revenue";
    public static final String USAGE = "Usage";
    public static final String AI_COSTS = "AI Costs";
    public static final String HOSTING = "Hosting";
    public static final String HEADCOUNT = "Headcount";
    public static final String OPEX = "OpEx";
    public static final String COGS = "COGS (as reported)";
    public static final String PNL = "P&L";
    public static final String UNIT_ECONOMICS = "Unit Economics";
    public static final String SCENARIOS = "Scenarios";
    public static final String CASH = "Cash Flow & Runway";
    public static final String CAP_TABLE = "Cap Table";
    public static final String INVESTOR_SUMMARY = "Investor Summary";

    /** The seventeen sheets in workbook order. */
    public static final List<String> SHEETS = List.of(COVER, HOW_TO_READ, ASSUMPTIONS, PRICING, REVENUE, USAGE,
            AI_COSTS, HOSTING, HEADCOUNT, OPEX, COGS, PNL, UNIT_ECONOMICS, SCENARIOS, CASH, CAP_TABLE,
            INVESTOR_SUMMARY);

    /** 0-based row of the period header on every monthly sheet (row 5 in Excel). */
    public static final int HEADER_ROW = 4;
    public static final int LABEL_COL = 0;
    /** Cost type on cost sheets; billing basis ("Subscription" or "Usage") on the revenue sheet. */
    public static final int TYPE_COL = 1;
    public static final int LAYER_COL = 2;
    public static final int FIRST_PERIOD_COL = 3;
    public static final int PERIODS = 12;
    /** Column of the year total, right after the last month. */
    public static final int TOTAL_COL = FIRST_PERIOD_COL + PERIODS;

    /** Billing basis of a revenue line priced by usage. */
    public static final String BILLING_USAGE = "Usage";
    public static final String BILLING_SUBSCRIPTION = "Subscription";

    /** Section headings on the OpEx sheet; each gives the reported placement of the lines below it. */
    public static final String SECTION_RND = "Research & development";
    public static final String SECTION_SM = "Sales & marketing";
    public static final String SECTION_GA = "General & administrative";
    public static final String SECTION_OPERATIONS = "Operations";

    /** Defined names of the unit-economics inputs and result. */
    public static final String NAME_ARPA = "UE_ARPA_Monthly";
    public static final String NAME_CHURN = "UE_Churn_Monthly";
    public static final String NAME_CAC = "UE_CAC";
    public static final String NAME_MARGIN_BASIS = "UE_Margin_Basis";
    public static final String NAME_LTV_TO_CAC = "UE_LTV_to_CAC";
    /** Defined name of the first month (a date) on the Assumptions sheet. */
    public static final String NAME_FIRST_MONTH = "FirstMonth";
    /** Defined name of the company name on the Cover. */
    public static final String NAME_COMPANY = "CompanyName";
}
