package com.marginworkbench.samples;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.model.SourceRef;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static com.marginworkbench.workbook.own.OwnModelLayout.*;

/**
 * Builds the demo company's seventeen-sheet model: Northwind AI, an AI-SaaS business selling a
 * platform subscription with an AI add-on and usage credits. Every result is a live formula on
 * the drivers. Per account and month it earns $1,600 software and $400 AI revenue; serving the AI
 * features costs $228.80 of LLM inference and $8.80 of human review, which the company reports in
 * operating expenses; its reported cost of revenue is $76.40 (hosting, support, card fees). Those
 * ratios (100 : 400 : 57.2 : 2.2 : 19.1) are the worked example of the domain notes, so restating
 * gives 84.3% blended, 40.6% AI layer and 12.0% for the AI layer at +50% LLM cost, every month.
 */
final class NorthwindModel {
    static final String COMPANY = "Northwind AI, Inc.";
    static final String FILE_NAME = "northwind-ai-model.xlsx";
    static final LocalDate FIRST_MONTH = LocalDate.of(2026, 1, 1);

    // Drivers the per-customer usage and revenue samples (NorthwindUsage) are built on as well.
    static final int ACCOUNTS0 = 480;
    static final double NEW_RATE = 0.04;
    static final double CHURN = 0.015;
    static final int CREDITS = 1_500;
    static final int REQUESTS = 2_600;
    static final int TOKENS_PER_REQUEST = 8_000;
    static final double LLM_PRICE = 11.00;
    static final double PRICE_ADDON = 250;
    static final double PRICE_CREDIT = 0.10;

    private static final String AMOUNT = "#,##0;(#,##0);\"–\"";
    private static final String COUNT = "#,##0";
    private static final String PRICE = "#,##0.00";
    private static final String PCT = "0.0%";
    private static final String MULT = "0.00\"x\"";
    private static final String MONTHS = "0.0";
    private static final String DATE = "mmm-yy";
    private static final String LONG_DATE = "d mmm yyyy";

    /** How the year-total column P of a monthly row is computed. */
    private enum Total { SUM, FIRST, LAST, SAME }

    /** A monthly formula for one column; {@code prev} is the column before (null in the first month). */
    private interface Monthly {
        String at(String col, String prev);
    }

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Map<String, CellStyle> styles = new HashMap<>();
    /** Key of a row or input cell -> sheet and 1-based row. */
    private final Map<String, String> rowSheet = new HashMap<>();
    private final Map<String, Integer> rowNumber = new HashMap<>();
    /** Row positions from a first pass; null during that pass. */
    private final Map<String, Integer> known;
    private final Map<String, String> knownSheets;
    private XSSFSheet sheet;
    private int next;

    private NorthwindModel(NorthwindModel firstPass) {
        this.known = firstPass == null ? null : firstPass.rowNumber;
        this.knownSheets = firstPass == null ? Map.of() : firstPass.rowSheet;
    }

    /**
     * Sheets refer to each other both ways (revenue reads usage, usage reads accounts), so a first
     * pass lays out every row and the second writes formulas with the positions it found.
     */
    static XSSFWorkbook build() {
        NorthwindModel layout = new NorthwindModel(null);
        try (XSSFWorkbook draft = layout.create()) {
            return new NorthwindModel(layout).create();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private XSSFWorkbook create() {
        for (String name : SHEETS) {
            wb.createSheet(name);
        }
        // Drivers first so later sheets can refer to their rows by key.
        assumptions();
        pricing();
        headcount();
        revenue();
        usage();
        aiCosts();
        hosting();
        opex();
        cogs();
        pnl();
        unitEconomics();
        scenarios();
        cashFlow();
        capTable();
        investorSummary();
        cover();
        howToRead();
        wb.setActiveSheet(0);
        return wb;
    }

    // ---------------------------------------------------------------- drivers

    private void assumptions() {
        begin(ASSUMPTIONS, "Assumptions", "Drivers of the FY26 plan; blue cells are inputs, everything else follows.",
                "USD unless a unit is given", false);
        scalarHeader();
        section("Timeline and cash");
        dateInput("first", "First month of the model", FIRST_MONTH, NAME_FIRST_MONTH);
        input("cash0", "Cash at 31 Dec 2025", "USD", 26_000_000, AMOUNT, "Opening_Cash");
        input("capex", "Capital expenditure per month", "USD", 15_000, AMOUNT, null);
        section("Customers");
        input("accounts0", "Active accounts at 31 Dec 2025", "accounts", ACCOUNTS0, COUNT, null);
        input("newRate", "New accounts per month", "% of opening accounts", NEW_RATE, PCT, null);
        input("churn", "Monthly logo churn", "% of opening accounts", CHURN, PCT, "Monthly_Churn");
        section("Usage per account and month");
        input("credits", "AI credits used", "credits", CREDITS, COUNT, null);
        input("requests", "AI requests", "requests", REQUESTS, COUNT, null);
        input("tokens", "Tokens per request (prompt + completion)", "tokens", TOKENS_PER_REQUEST, COUNT, null);
        input("reviews", "Outputs sent to human review", "outputs", 11, COUNT, null);
        section("Unit costs");
        input("llmPrice", "Blended LLM price", "USD per 1M tokens", LLM_PRICE, PRICE, "LLM_Price_per_1M_Tokens");
        input("reviewCost", "Human review", "USD per output", 0.80, PRICE, null);
        input("hostPerAcct", "Production hosting", "USD per account / month", 38.00, PRICE, null);
        input("supportPerAcct", "Outsourced support", "USD per account / month", 22.40, PRICE, null);
        input("internalHosting", "Internal hosting (staging, CI, analytics)", "USD / month", 42_000, AMOUNT, null);
        input("seatCost", "Internal AI tools", "USD per employee / month", 60, AMOUNT, null);
        input("officePerHead", "Office, software and insurance", "USD per employee / month", 650, AMOUNT, null);
        section("Free tier");
        input("freeUsers0", "Free-tier users in Jan-26", "users", 6_000, COUNT, null);
        input("freeGrowth", "Free-tier user growth", "% per month", 0.05, PCT, null);
        input("freeTokens", "Tokens per free user", "tokens / month", 150_000, COUNT, null);
        section("Model development");
        input("labeling", "Training-data labeling", "USD / month", 35_000, AMOUNT, null);
        input("evalDev", "Offline evaluation suite", "USD / month", 9_000, AMOUNT, null);
        section("People");
        input("salEng", "Engineering salary", "USD per FTE / year", 175_000, AMOUNT, null);
        input("salMl", "ML research salary", "USD per FTE / year", 210_000, AMOUNT, null);
        input("salSales", "Sales salary (on-target)", "USD per FTE / year", 140_000, AMOUNT, null);
        input("salMkt", "Marketing salary", "USD per FTE / year", 130_000, AMOUNT, null);
        input("salGa", "G&A salary", "USD per FTE / year", 120_000, AMOUNT, null);
        input("burden", "Payroll taxes and benefits", "% of salary", 0.22, PCT, null);
        section("Marketing");
        input("programs", "Marketing programs", "USD / month", MARKETING_PROGRAMS, AMOUNT, null);
        scalarWidths();
    }

    /** Tuned so that LTV:CAC on the blended restated margin lands on the worked example's 4.16. */
    static final double MARKETING_PROGRAMS = 228_000;

    private void pricing() {
        begin(PRICING, "Pricing", "Price list in force for FY26.", "USD", false);
        scalarHeader();
        section("Plans");
        input("pricePlatform", "Platform subscription", "per account / month", 1_600, AMOUNT, null);
        input("priceAddon", "AI Copilot add-on", "per account / month", PRICE_ADDON, AMOUNT, null);
        input("priceCredit", "AI usage credit", "per credit", PRICE_CREDIT, PRICE, null);
        input("priceFree", "Free tier", "per user / month", 0, AMOUNT, null);
        section("Billing");
        input("cardFee", "Payment processing fee", "% of billings", 0.008, PCT, null);
        section("Per account and month (derived)");
        scalar("aiArpa", "AI revenue per account", "USD", a("priceAddon") + "+" + a("credits") + "*" + a("priceCredit"),
                PRICE);
        scalar("arpa", "Revenue per account", "USD", a("pricePlatform") + "+" + a("aiArpa"), PRICE);
        scalar("acctAiShare", "AI share of an account's bill", "%", a("aiArpa") + "/" + a("arpa"), PCT);
        scalarWidths();
    }

    private void headcount() {
        begin(HEADCOUNT, "Headcount", "Hiring plan and payroll cost.", "FTE at month end; payroll in USD", true);
        monthlyHeader("Role or line", "Cost type", "Layer");
        section("Headcount (FTE, end of month)");
        inputs("hcEng", "Engineering", new double[]{38, 38, 39, 40, 41, 42, 42, 43, 44, 45, 46, 46}, Total.LAST);
        inputs("hcMl", "ML research", new double[]{6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10}, Total.LAST);
        inputs("hcSales", "Sales", new double[]{14, 15, 15, 16, 17, 18, 18, 19, 20, 21, 22, 22}, Total.LAST);
        inputs("hcMkt", "Marketing", new double[]{6, 6, 6, 7, 7, 7, 8, 8, 8, 8, 9, 9}, Total.LAST);
        inputs("hcGa", "G&A", new double[]{9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11, 12}, Total.LAST);
        line("hcTotal", "Total headcount", null, null, style(COUNT, true, false, true),
                (c, p) -> "SUM(" + c + row("hcEng") + ":" + c + row("hcGa") + ")", Total.LAST);
        blank();
        section("Payroll cost (salary plus burden)");
        payroll("payEng", "Engineering payroll", CostType.RESEARCH_DEVELOPMENT, "Software", "hcEng", "salEng");
        payroll("payMl", "ML research payroll", CostType.RESEARCH_DEVELOPMENT, "AI", "hcMl", "salMl");
        payroll("paySales", "Sales payroll", CostType.SALES_MARKETING, "Software", "hcSales", "salSales");
        payroll("payMkt", "Marketing payroll", CostType.SALES_MARKETING, "Software", "hcMkt", "salMkt");
        payroll("payGa", "G&A payroll", CostType.GENERAL_ADMIN, "Software", "hcGa", "salGa");
        total("payTotal", "Total payroll", "payEng", "payGa");
        monthlyWidths();
    }

    private void payroll(String key, String label, CostType type, String layer, String hc, String salary) {
        line(key, label, type.label(), layer, style(AMOUNT, false, false, false),
                (c, p) -> c + row(hc) + "*" + a(salary) + "/12*(1+" + a("burden") + ")", Total.SUM);
    }

    private void revenue() {
        begin(REVENUE, "Customers & Revenue", "Accounts and revenue by layer.", "USD; accounts in units", true);
        monthlyHeader("Line item", "Billing", "Layer");
        section("Customers");
        line("open", "Opening accounts", null, null, style(COUNT, false, false, false),
                (c, p) -> p == null ? a("accounts0") : p + row("close"), Total.FIRST);
        line("new", "New accounts", null, null, style(COUNT, false, false, false),
                (c, p) -> "ROUND(" + c + row("open") + "*" + a("newRate") + ",0)", Total.SUM);
        line("churned", "Churned accounts", null, null, style(COUNT, false, false, false),
                (c, p) -> "ROUND(" + c + row("open") + "*" + a("churn") + ",0)", Total.SUM);
        line("close", "Active accounts (end of month)", null, null, style(COUNT, true, false, true),
                (c, p) -> c + row("open") + "+" + c + row("new") + "-" + c + row("churned"), Total.LAST);
        blank();
        section("Revenue by layer");
        subsection("Software layer");
        line("revPlatform", "Platform subscriptions", BILLING_SUBSCRIPTION, "Software", style(AMOUNT, false, false, false),
                (c, p) -> c + row("close") + "*" + a("pricePlatform"), Total.SUM);
        total("revSw", "Software layer revenue", "revPlatform", "revPlatform");
        subsection("AI layer");
        line("revAddon", "AI Copilot add-on", BILLING_SUBSCRIPTION, "AI", style(AMOUNT, false, false, false),
                (c, p) -> c + row("close") + "*" + a("priceAddon"), Total.SUM);
        line("revCredits", "AI usage credits", BILLING_USAGE, "AI", style(AMOUNT, false, false, false),
                (c, p) -> ref("uCredits", c) + "*" + a("priceCredit"), Total.SUM);
        total("revAi", "AI layer revenue", "revAddon", "revCredits");
        blank();
        line("revTotal", "Total revenue", null, null, style(AMOUNT, true, false, true),
                (c, p) -> c + row("revSw") + "+" + c + row("revAi"), Total.SUM);
        line("aiShare", "AI share of revenue", null, null, style(PCT, false, false, false),
                (c, p) -> c + row("revAi") + "/" + c + row("revTotal"), Total.SAME);
        monthlyWidths();
    }

    private void usage() {
        begin(USAGE, "Usage", "Volumes that drive AI revenue and AI cost.", "Units as labelled", true);
        monthlyHeader("Driver", "", "");
        section("Paying accounts");
        line("uAccounts", "Active accounts", null, null, style(COUNT, false, false, false),
                (c, p) -> ref("close", c), Total.LAST);
        line("uRequests", "AI requests", null, null, style(COUNT, false, false, false),
                (c, p) -> c + row("uAccounts") + "*" + a("requests"), Total.SUM);
        line("uTokens", "Tokens processed (millions)", null, null, style(AMOUNT, false, false, false),
                (c, p) -> c + row("uRequests") + "*" + a("tokens") + "/1000000", Total.SUM);
        line("uCredits", "AI credits consumed", null, null, style(COUNT, false, false, false),
                (c, p) -> c + row("uAccounts") + "*" + a("credits"), Total.SUM);
        line("uReviews", "Outputs sent to human review", null, null, style(COUNT, false, false, false),
                (c, p) -> c + row("uAccounts") + "*" + a("reviews"), Total.SUM);
        blank();
        section("Free tier");
        line("uFree", "Free-tier users", null, null, style(COUNT, false, false, false),
                (c, p) -> p == null ? a("freeUsers0") : "ROUND(" + p + row("uFree") + "*(1+" + a("freeGrowth") + "),0)",
                Total.LAST);
        line("uFreeTokens", "Free-tier tokens (millions)", null, null, style(AMOUNT, false, false, false),
                (c, p) -> c + row("uFree") + "*" + a("freeTokens") + "/1000000", Total.SUM);
        blank();
        section("Internal use");
        line("uSeats", "Employees with AI tool seats", null, null, style(COUNT, false, false, false),
                (c, p) -> ref("hcTotal", c), Total.LAST);
        monthlyWidths();
    }

    private void aiCosts() {
        begin(AI_COSTS, "AI Costs", "Every AI cost from its driver, before it is placed in the P&L.", "USD", true);
        monthlyHeader("Cost line", "Cost type", "Layer");
        section("Delivery of paid AI features");
        cost("aiInference", "Customer-facing inference (LLM API)", CostType.CUSTOMER_INFERENCE, "AI",
                (c, p) -> ref("uTokens", c) + "*" + a("llmPrice"));
        cost("aiReview", "Human review of AI outputs", CostType.HITL_DELIVERY, "AI",
                (c, p) -> ref("uReviews", c) + "*" + a("reviewCost"));
        section("Acquisition and internal use");
        cost("aiFree", "Free-tier inference", CostType.FREE_TIER_INFERENCE, "AI",
                (c, p) -> ref("uFreeTokens", c) + "*" + a("llmPrice"));
        cost("aiInternal", "Internal AI tools (assistants, chat seats)", CostType.INTERNAL_INFERENCE, "AI",
                (c, p) -> ref("uSeats", c) + "*" + a("seatCost"));
        section("Model development");
        cost("aiLabeling", "Training-data labeling", CostType.DATA_LABELING, "AI", (c, p) -> a("labeling"));
        costInputs("aiTraining", "Initial model training (GPU compute)", CostType.MODEL_TRAINING, "AI",
                new double[]{0, 0, 210_000, 180_000, 0, 0, 0, 0, 0, 0, 0, 0});
        costInputs("aiFineTune", "Fine-tuning and retraining runs", CostType.FINE_TUNING, "AI",
                new double[]{0, 0, 24_000, 0, 0, 26_000, 0, 0, 28_000, 0, 0, 30_000});
        cost("aiEval", "Offline evaluation suite", CostType.EVAL_DEVELOPMENT, "AI", (c, p) -> a("evalDev"));
        line("aiTotal", "Total AI costs", null, null, style(AMOUNT, true, false, true),
                (c, p) -> "SUM(" + c + row("aiInference") + ":" + c + row("aiEval") + ")", Total.SUM);
        blank();
        line("aiLlm", "of which priced per token by model providers", null, null, style(AMOUNT, false, false, false),
                (c, p) -> c + row("aiInference") + "+" + c + row("aiFree") + "+" + c + row("aiInternal"), Total.SUM);
        monthlyWidths();
    }

    private void hosting() {
        begin(HOSTING, "Hosting", "Cloud hosting: what serves customers and what the team uses.", "USD", true);
        monthlyHeader("Cost line", "Cost type", "Layer");
        cost("hostCustomer", "Production hosting (customer-facing)", CostType.HOSTING_CUSTOMER, "Software",
                (c, p) -> ref("close", c) + "*" + a("hostPerAcct"));
        cost("hostInternal", "Internal hosting (staging, CI, analytics)", CostType.HOSTING_INTERNAL, "Software",
                (c, p) -> a("internalHosting"));
        total("hostTotal", "Total hosting", "hostCustomer", "hostInternal");
        monthlyWidths();
    }

    // ---------------------------------------------------------------- as reported

    private void opex() {
        begin(OPEX, "Operating expenses", "Operating expenses by function, as the company reports them.", "USD", true);
        monthlyHeader("Cost line", "Cost type", "Layer");
        section(SECTION_RND);
        cost("oEng", "Engineering payroll", CostType.RESEARCH_DEVELOPMENT, "Software", (c, p) -> ref("payEng", c));
        cost("oMl", "ML research payroll", CostType.RESEARCH_DEVELOPMENT, "AI", (c, p) -> ref("payMl", c));
        cost("oInference", "LLM API - production (customer features)", CostType.CUSTOMER_INFERENCE, "AI",
                (c, p) -> ref("aiInference", c));
        cost("oTraining", "Model training compute", CostType.MODEL_TRAINING, "AI", (c, p) -> ref("aiTraining", c));
        cost("oFineTune", "Fine-tuning runs", CostType.FINE_TUNING, "AI", (c, p) -> ref("aiFineTune", c));
        cost("oLabeling", "Training-data labeling", CostType.DATA_LABELING, "AI", (c, p) -> ref("aiLabeling", c));
        cost("oEval", "Offline evaluation suite", CostType.EVAL_DEVELOPMENT, "AI", (c, p) -> ref("aiEval", c));
        cost("oHostInternal", "Internal hosting (staging, CI, analytics)", CostType.HOSTING_INTERNAL, "Software",
                (c, p) -> ref("hostInternal", c));
        total("oRnd", "Total research & development", "oEng", "oHostInternal");
        blank();
        section(SECTION_SM);
        cost("oSales", "Sales payroll", CostType.SALES_MARKETING, "Software", (c, p) -> ref("paySales", c));
        cost("oMkt", "Marketing payroll", CostType.SALES_MARKETING, "Software", (c, p) -> ref("payMkt", c));
        cost("oPrograms", "Marketing programs", CostType.SALES_MARKETING, "Software", (c, p) -> a("programs"));
        cost("oFree", "Free-tier inference", CostType.FREE_TIER_INFERENCE, "AI", (c, p) -> ref("aiFree", c));
        total("oSm", "Total sales & marketing", "oSales", "oFree");
        blank();
        section(SECTION_GA);
        cost("oGa", "G&A payroll", CostType.GENERAL_ADMIN, "Software", (c, p) -> ref("payGa", c));
        cost("oOffice", "Office, software and insurance", CostType.GENERAL_ADMIN, "Software",
                (c, p) -> ref("hcTotal", c) + "*" + a("officePerHead"));
        cost("oInternalAi", "Internal AI tools", CostType.INTERNAL_INFERENCE, "AI", (c, p) -> ref("aiInternal", c));
        total("oGaTotal", "Total general & administrative", "oGa", "oInternalAi");
        blank();
        section(SECTION_OPERATIONS);
        cost("oReview", "Human review of AI outputs (BPO vendor)", CostType.HITL_DELIVERY, "AI",
                (c, p) -> ref("aiReview", c));
        total("oOps", "Total operations", "oReview", "oReview");
        blank();
        line("oTotal", "Total operating expenses", null, null, style(AMOUNT, true, false, true),
                (c, p) -> c + row("oRnd") + "+" + c + row("oSm") + "+" + c + row("oGaTotal") + "+" + c + row("oOps"),
                Total.SUM);
        monthlyWidths();
    }

    private void cogs() {
        begin(COGS, "Cost of revenue (as reported)", "The cost of revenue the company reports to its board.", "USD",
                true);
        monthlyHeader("Cost line", "Cost type", "Layer");
        section("Cost of revenue");
        cost("cHosting", "Production hosting (customer-facing)", CostType.HOSTING_CUSTOMER, "Software",
                (c, p) -> ref("hostCustomer", c));
        cost("cSupport", "Customer support (outsourced)", CostType.CUSTOMER_SUPPORT, "Software",
                (c, p) -> ref("close", c) + "*" + a("supportPerAcct"));
        cost("cCards", "Payment processing fees", CostType.PAYMENT_PROCESSING, "Software",
                (c, p) -> ref("revTotal", c) + "*" + a("cardFee"));
        total("cTotal", "Total cost of revenue", "cHosting", "cCards");
        blank();
        note("LLM inference for customer features and human review of AI outputs are reported in operating "
                + "expenses (OpEx sheet), not here.");
        monthlyWidths();
    }

    private void pnl() {
        begin(PNL, "Profit and loss", "Monthly P&L as reported.", "USD", true);
        monthlyHeader("Line item", "", "");
        section("Revenue");
        line("pAi", "AI layer revenue", null, null, style(AMOUNT, false, false, false), (c, p) -> ref("revAi", c),
                Total.SUM);
        line("pSw", "Software layer revenue", null, null, style(AMOUNT, false, false, false), (c, p) -> ref("revSw", c),
                Total.SUM);
        total("pRev", "Total revenue", "pAi", "pSw");
        line("pCogs", "Cost of revenue", null, null, style(AMOUNT, false, false, false), (c, p) -> ref("cTotal", c),
                Total.SUM);
        line("pGp", "Gross profit", null, null, style(AMOUNT, true, false, true),
                (c, p) -> c + row("pRev") + "-" + c + row("pCogs"), Total.SUM);
        line("pGm", "Gross margin %", null, null, style(PCT, true, false, false),
                (c, p) -> c + row("pGp") + "/" + c + row("pRev"), Total.SAME);
        blank();
        section("Operating expenses");
        line("pRnd", SECTION_RND, null, null, style(AMOUNT, false, false, false), (c, p) -> ref("oRnd", c), Total.SUM);
        line("pSm", SECTION_SM, null, null, style(AMOUNT, false, false, false), (c, p) -> ref("oSm", c), Total.SUM);
        line("pGa", SECTION_GA, null, null, style(AMOUNT, false, false, false), (c, p) -> ref("oGaTotal", c),
                Total.SUM);
        line("pOps", SECTION_OPERATIONS, null, null, style(AMOUNT, false, false, false), (c, p) -> ref("oOps", c),
                Total.SUM);
        total("pOpex", "Total operating expenses", "pRnd", "pOps");
        blank();
        line("pEbitda", "EBITDA", null, null, style(AMOUNT, true, false, true),
                (c, p) -> c + row("pGp") + "-" + c + row("pOpex"), Total.SUM);
        line("pEbitdaPct", "EBITDA margin %", null, null, style(PCT, false, false, false),
                (c, p) -> c + row("pEbitda") + "/" + c + row("pRev"), Total.SAME);
        monthlyWidths();
    }

    // ---------------------------------------------------------------- analysis

    private void unitEconomics() {
        begin(UNIT_ECONOMICS, "Unit economics", "FY26, per account; margins with and without AI delivery in cost "
                + "of revenue.", "USD unless a unit is given", false);
        scalarHeader();
        String rev = fy("revTotal");
        section("Acquisition and retention");
        scalar("ueArpa", "Average revenue per account (ARPA, monthly)", "USD",
                rev + "/SUM(" + range("close") + ")", PRICE);
        name(NAME_ARPA, "ueArpa");
        scalar("ueChurn", "Monthly logo churn", "% per month", a("churn"), "0.00%");
        name(NAME_CHURN, "ueChurn");
        scalar("ueNew", "New accounts (FY26)", "accounts", fy("new"), COUNT);
        scalar("ueSm", "Sales & marketing spend (FY26)", "USD", fy("oSm"), AMOUNT);
        scalar("ueCac", "Customer acquisition cost (CAC)", "USD per new account", a("ueSm") + "/" + a("ueNew"),
                AMOUNT);
        name(NAME_CAC, "ueCac");
        section("Gross margin");
        scalar("ueGmReported", "Gross margin, as reported", "%", fy("pGm"), PCT);
        scalar("ueAiDelivery", "AI delivery costs reported in OpEx", "USD",
                fy("oInference") + "+" + fy("oReview"), AMOUNT);
        scalar("ueGm", "Gross margin with AI delivery in cost of revenue", "%",
                "(" + rev + "-" + fy("cTotal") + "-" + a("ueAiDelivery") + ")/" + rev, PCT);
        scalar("ueAiGm", "AI-layer gross margin", "%",
                "(" + fy("revAi") + "-" + a("ueAiDelivery") + ")/" + fy("revAi"), PCT);
        section("Lifetime value");
        textInput("ueBasis", "Margin used for LTV", "Blended, AI delivery in cost of revenue");
        name(NAME_MARGIN_BASIS, "ueBasis");
        scalar("ueLtv", "Lifetime value (LTV)", "USD", a("ueArpa") + "*" + a("ueGm") + "/" + a("ueChurn"), AMOUNT);
        scalar("ueRatio", "LTV:CAC", "ratio", a("ueLtv") + "/" + a("ueCac"), MULT);
        name(NAME_LTV_TO_CAC, "ueRatio");
        scalar("ueRatioAi", "LTV:CAC on the AI-layer margin (same ARPA at the AI layer's margin)", "ratio",
                a("ueArpa") + "*" + a("ueAiGm") + "/" + a("ueChurn") + "/" + a("ueCac"), MULT);
        scalar("ueRatioReported", "LTV:CAC on the reported margin", "ratio",
                a("ueArpa") + "*" + a("ueGmReported") + "/" + a("ueChurn") + "/" + a("ueCac"), MULT);
        scalar("uePayback", "CAC payback", "months", a("ueCac") + "/(" + a("ueArpa") + "*" + a("ueGm") + ")", MONTHS);
        scalarWidths();
    }

    private void scenarios() {
        begin(SCENARIOS, "Scenarios", "FY26 margins under stress; AI delivery costs counted in cost of revenue.",
                "USD unless a unit is given", false);
        String[] names = {"Base", "LLM cost +50%", "LLM +50%, buffer 1.2x", "AI price -10%"};
        XSSFRow h = sheet.createRow(HEADER_ROW);
        text(h, 0, "Scenario", style(null, true, false, false, true));
        text(h, 1, "Unit", style(null, true, false, false, true));
        text(h, 2, "", style(null, true, false, false, true));
        for (int i = 0; i < names.length; i++) {
            text(h, FIRST_PERIOD_COL + i, names[i], style(null, true, false, false, true));
        }
        next = HEADER_ROW + 1;
        section("Levers");
        scenarioInputs("sLlm", "LLM cost change", "%", new double[]{0, 0.5, 0.5, 0}, PCT);
        scenarioInputs("sBuffer", "Variance buffer on variable AI cost", "x", new double[]{1, 1, 1.2, 1}, MULT);
        scenarioInputs("sPrice", "AI price change", "%", new double[]{0, 0, 0, -0.1}, PCT);
        section("AI layer (FY26)");
        scenarioRow("sAiRev", "AI revenue", "USD", c -> fy("revAi") + "*(1+" + c + row("sPrice") + ")", AMOUNT);
        scenarioRow("sInf", "Customer-facing inference", "USD",
                c -> fy("oInference") + "*(1+" + c + row("sLlm") + ")*" + c + row("sBuffer"), AMOUNT);
        scenarioRow("sRev", "Human review of AI outputs", "USD", c -> fy("oReview") + "*" + c + row("sBuffer"),
                AMOUNT);
        scenarioRow("sAiGp", "AI-layer gross profit", "USD",
                c -> c + row("sAiRev") + "-" + c + row("sInf") + "-" + c + row("sRev"), AMOUNT);
        scenarioRow("sAiGm", "AI-layer gross margin", "%", c -> c + row("sAiGp") + "/" + c + row("sAiRev"), PCT);
        section("Whole company (FY26)");
        scenarioRow("sTotRev", "Total revenue", "USD", c -> c + row("sAiRev") + "+" + fy("revSw"), AMOUNT);
        scenarioRow("sCogs", "Cost of revenue incl. AI delivery", "USD",
                c -> fy("cTotal") + "+" + c + row("sInf") + "+" + c + row("sRev"), AMOUNT);
        scenarioRow("sGm", "Blended gross margin", "%",
                c -> "(" + c + row("sTotRev") + "-" + c + row("sCogs") + ")/" + c + row("sTotRev"), PCT);
        // Free-tier inference is LLM-priced acquisition spend: the LLM lever moves CAC with it.
        scenarioRow("sCac", "CAC incl. stressed free-tier inference", "USD", c -> a("ueCac") + "*(" + fy("oSm") + "+"
                + fy("oFree") + "*" + c + row("sLlm") + ")/" + fy("oSm"), AMOUNT);
        // A price change moves what an account pays (only its AI part), so ARPA moves with revenue.
        scenarioRow("sLtvCac", "LTV:CAC", "ratio", c -> a("ueArpa") + "*(" + c + row("sTotRev") + "/" + fy("revTotal")
                + ")*" + c + row("sGm") + "/" + a("ueChurn") + "/" + c + row("sCac"), MULT);
        scenarioRow("sLtvCacAi", "LTV:CAC on the AI-layer margin", "ratio", c -> a("ueArpa") + "*(" + c + row("sTotRev")
                + "/" + fy("revTotal") + ")*" + c + row("sAiGm") + "/" + a("ueChurn") + "/" + c + row("sCac"), MULT);
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 2 * 256);
        for (int i = 0; i < names.length; i++) {
            sheet.setColumnWidth(FIRST_PERIOD_COL + i, 22 * 256);
        }
        sheet.createFreezePane(1, HEADER_ROW + 1);
    }

    private void cashFlow() {
        begin(CASH, "Cash flow and runway", "Monthly cash from EBITDA and capital expenditure.", "USD", true);
        monthlyHeader("Line item", "", "");
        line("cfOpen", "Opening cash", null, null, style(AMOUNT, false, false, false),
                (c, p) -> p == null ? a("cash0") : p + row("cfClose"), Total.FIRST);
        line("cfEbitda", "EBITDA", null, null, style(AMOUNT, false, false, false), (c, p) -> ref("pEbitda", c),
                Total.SUM);
        line("cfCapex", "Capital expenditure", null, null, style(AMOUNT, false, false, false), (c, p) -> "-" + a("capex"),
                Total.SUM);
        total("cfNet", "Net cash flow", "cfEbitda", "cfCapex");
        line("cfClose", "Closing cash", null, null, style(AMOUNT, true, false, true),
                (c, p) -> c + row("cfOpen") + "+" + c + row("cfNet"), Total.LAST);
        blank();
        line("cfBurn", "Net burn", null, null, style(AMOUNT, false, false, false),
                (c, p) -> "MAX(0,-" + c + row("cfNet") + ")", Total.SUM);
        line("cfRunway", "Runway at this month's burn (months)", null, null, style(MONTHS, false, false, false),
                (c, p) -> "IF(" + c + row("cfBurn") + ">0," + c + row("cfClose") + "/" + c + row("cfBurn") + ",\"no burn\")",
                Total.LAST);
        monthlyWidths();
    }

    private void capTable() {
        begin(CAP_TABLE, "Capitalization table", "Fully diluted ownership after the Series A.", "Shares; USD", false);
        String[] head = {"Holder", "Class", "Shares", "Fully diluted", "Price per share", "Invested"};
        XSSFRow h = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < head.length; i++) {
            text(h, i, head[i], style(null, true, false, false, true));
        }
        Object[][] holders = {
                {"Founders", "Common", 6_000_000, 0.0001},
                {"Employees (granted options)", "Options", 900_000, 0.55},
                {"Option pool (unallocated)", "Options", 600_000, null},
                {"Seed investors", "Series Seed Preferred", 1_800_000, 1.25},
                {"Series A investors", "Series A Preferred", 2_400_000, 7.50}};
        int first = HEADER_ROW + 2;
        int last = first + holders.length - 1;
        for (int i = 0; i < holders.length; i++) {
            XSSFRow r = sheet.createRow(HEADER_ROW + 1 + i);
            int excel = HEADER_ROW + 2 + i;
            text(r, 0, (String) holders[i][0], null);
            text(r, 1, (String) holders[i][1], null);
            number(r, 2, ((Integer) holders[i][2]).doubleValue(), style(COUNT, false, true, false));
            formula(r, 3, "C" + excel + "/$C$" + (last + 1), style(PCT, false, false, false));
            if (holders[i][3] != null) {
                number(r, 4, (Double) holders[i][3], style(PRICE, false, true, false));
                if (i >= 3) {
                    formula(r, 5, "C" + excel + "*E" + excel, style(AMOUNT, false, false, false));
                }
            }
        }
        XSSFRow t = sheet.createRow(last);
        text(t, 0, "Total fully diluted", style(null, true, false, true));
        formula(t, 2, "SUM(C" + first + ":C" + last + ")", style(COUNT, true, false, true));
        formula(t, 3, "SUM(D" + first + ":D" + last + ")", style(PCT, true, false, true));
        formula(t, 5, "SUM(F" + first + ":F" + last + ")", style(AMOUNT, true, false, true));
        XSSFRow pm = sheet.createRow(last + 2);
        text(pm, 0, "Post-money valuation (Series A price)", null);
        formula(pm, 5, "C" + (last + 1) + "*E" + last, style(AMOUNT, true, false, false));
        XSSFRow inv = sheet.createRow(last + 3);
        text(inv, 0, "Preferred owned by investors", null);
        formula(inv, 3, "(C" + (last - 1) + "+C" + last + ")/C" + (last + 1), style(PCT, false, false, false));
        int[] widths = {34, 24, 14, 14, 16, 16};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    private void investorSummary() {
        begin(INVESTOR_SUMMARY, "Investor summary", "FY26 at a glance.", "USD unless a unit is given", false);
        scalarHeader();
        section("Growth");
        scalar("isRev", "FY26 revenue", "USD", fy("revTotal"), AMOUNT);
        scalar("isArr", "Annualized run rate, Dec-26", "USD", last("revTotal") + "*12", AMOUNT);
        scalar("isGrowth", "Monthly revenue growth, Jan-26 to Dec-26", "%",
                last("revTotal") + "/" + first("revTotal") + "-1", PCT);
        scalar("isAccounts", "Active accounts, Dec-26", "accounts", last("close"), COUNT);
        scalar("isAiShare", "AI share of revenue", "%", fy("aiShare"), PCT);
        section("Margins");
        scalar("isGmRep", "Gross margin, as reported", "%", a("ueGmReported"), PCT);
        scalar("isGm", "Gross margin with AI delivery in cost of revenue", "%", a("ueGm"), PCT);
        scalar("isAiGm", "AI-layer gross margin", "%", a("ueAiGm"), PCT);
        scalar("isAiGmStress", "AI-layer gross margin, LLM cost +50%", "%",
                absCol("sAiGm", FIRST_PERIOD_COL + 1), PCT);
        scalar("isLtvCac", "LTV:CAC", "ratio", a("ueRatio"), MULT);
        scalar("isLtvCacStress", "LTV:CAC, LLM cost +50%", "ratio", absCol("sLtvCac", FIRST_PERIOD_COL + 1), MULT);
        section("Cash");
        scalar("isEbitda", "EBITDA (FY26)", "USD", fy("pEbitda"), AMOUNT);
        scalar("isCash", "Cash at 31 Dec 2026", "USD", last("cfClose"), AMOUNT);
        scalar("isRunway", "Runway at December burn", "months", last("cfRunway"), MONTHS);
        scalar("isHeads", "Headcount, Dec-26", "FTE", last("hcTotal"), COUNT);
        scalarWidths();
    }

    // ---------------------------------------------------------------- front matter

    private void cover() {
        sheet = wb.getSheet(COVER);
        XSSFRow r0 = sheet.createRow(0);
        text(r0, 0, COMPANY, titleStyle(20));
        defineName(NAME_COMPANY, COVER, 0, 0);
        text(sheet.createRow(1), 0, "Operating model FY26 · monthly · USD", style(null, false, false, false, false,
                true));
        text(sheet.createRow(2), 0, "Prepared for the board meeting of 12 February 2026. Fictional company.",
                style(null, false, false, false, false, true));
        XSSFRow kh = sheet.createRow(4);
        text(kh, 0, "Key figures (FY26)", style(null, true, false, false, true));
        text(kh, 1, "", style(null, true, false, false, true));
        Object[][] keys = {
                {"Revenue", a("isRev"), AMOUNT},
                {"Gross margin, as reported", a("isGmRep"), PCT},
                {"Gross margin with AI delivery in cost of revenue", a("isGm"), PCT},
                {"AI-layer gross margin", a("isAiGm"), PCT},
                {"LTV:CAC", a("isLtvCac"), MULT},
                {"Cash at 31 Dec 2026", a("isCash"), AMOUNT}};
        int r = 5;
        for (Object[] k : keys) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, (String) k[0], null);
            formula(row, 1, (String) k[1], style((String) k[2], true, false, false));
        }
        r++;
        XSSFRow ch = sheet.createRow(r++);
        text(ch, 0, "Contents", style(null, true, false, false, true));
        text(ch, 1, "", style(null, true, false, false, true));
        String[][] contents = {
                {HOW_TO_READ, "Conventions, colours and the two extra columns"},
                {ASSUMPTIONS, "Every driver of the plan"},
                {PRICING, "Price list and what an account pays"},
                {REVENUE, "Accounts and revenue by layer (AI and software)"},
                {USAGE, "Requests, tokens, credits and reviews"},
                {AI_COSTS, "Every AI cost from its driver"},
                {HOSTING, "Production and internal hosting"},
                {HEADCOUNT, "Hiring plan and payroll"},
                {OPEX, "Operating expenses by function, as reported"},
                {COGS, "Cost of revenue, as reported"},
                {PNL, "Monthly P&L, as reported"},
                {UNIT_ECONOMICS, "ARPA, churn, CAC, LTV:CAC"},
                {SCENARIOS, "Margins under LLM-cost and price stress"},
                {CASH, "Cash, burn and runway"},
                {CAP_TABLE, "Ownership after the Series A"},
                {INVESTOR_SUMMARY, "FY26 at a glance"}};
        CellStyle link = linkStyle();
        for (String[] c : contents) {
            XSSFRow row = sheet.createRow(r++);
            XSSFCell cell = row.createCell(0);
            cell.setCellValue(c[0]);
            XSSFHyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            h.setAddress("'" + c[0] + "'!A1");
            cell.setHyperlink(h);
            cell.setCellStyle(link);
            text(row, 1, c[1], null);
        }
        r++;
        XSSFRow m = sheet.createRow(r);
        text(m, 0, "Layout", style(null, false, false, false, false, true));
        text(m, 1, MARKER_TEXT, style(null, false, false, false, false, true));
        defineName(MARKER_NAME, COVER, r, 1);
        sheet.setColumnWidth(0, 48 * 256);
        sheet.setColumnWidth(1, 52 * 256);
    }

    private void howToRead() {
        sheet = wb.getSheet(HOW_TO_READ);
        text(sheet.createRow(0), 0, "How to read this model", titleStyle(14));
        String[] lines = {
                "",
                "Flow",
                "Assumptions and Pricing hold the drivers. Usage, AI Costs, Hosting and Headcount turn them into "
                        + "volumes and costs.",
                "OpEx and COGS (as reported) place each cost where the company reports it; the P&L adds them up.",
                "Unit Economics, Scenarios, Cash Flow & Runway and the Investor Summary read the results.",
                "",
                "Conventions",
                "Blue numbers are inputs; black numbers are formulas. Change a blue cell and everything follows.",
                "Amounts are in US dollars; negatives are shown in brackets; a dash is zero.",
                "Monthly sheets share one grid: months Jan-26 to Dec-26 in columns D to O, the FY26 total in "
                        + "column P.",
                "",
                "The Cost type and Layer columns",
                "Next to each cost line, Cost type names what the cost does (for example Customer-facing "
                        + "inference or Training-data labeling)",
                "and Layer says whether it belongs to the AI layer or the classic software layer. Margin "
                        + "Workbench reads both columns as they are.",
                "",
                "Reported and restated",
                "As reported, inference for customer features and human review of AI outputs sit in operating "
                        + "expenses.",
                "Unit Economics and Scenarios also show the margin with those delivery costs in cost of revenue, "
                        + "which is how the AI inference COGS test places them.",
                "",
                "This is a fictional company built to demonstrate the workbench; it is not accounting advice."};
        CellStyle bold = style(null, true, false, false);
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i];
            boolean heading = java.util.Set.of("Flow", "Conventions", "The Cost type and Layer columns",
                    "Reported and restated").contains(s);
            text(sheet.createRow(i + 1), 0, s, heading ? bold : null);
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    // ---------------------------------------------------------------- sheet helpers

    private void begin(String name, String title, String subtitle, String units, boolean monthly) {
        sheet = wb.getSheet(name);
        text(sheet.createRow(0), 0, COMPANY + " · " + title, titleStyle(14));
        text(sheet.createRow(1), 0, subtitle, style(null, false, false, false, false, true));
        text(sheet.createRow(2), 0, "Units: " + units, style(null, false, false, false, false, true));
        next = HEADER_ROW + 1;
        if (monthly) {
            sheet.createFreezePane(FIRST_PERIOD_COL, HEADER_ROW + 1);
        }
        sheet.getPrintSetup().setLandscape(true);
    }

    private void monthlyHeader(String label, String type, String layer) {
        XSSFRow h = sheet.createRow(HEADER_ROW);
        CellStyle head = style(null, true, false, false, true);
        text(h, LABEL_COL, label, head);
        text(h, TYPE_COL, type, head);
        text(h, LAYER_COL, layer, head);
        CellStyle date = style(DATE, true, false, false, true);
        for (int i = 0; i < PERIODS; i++) {
            int col = FIRST_PERIOD_COL + i;
            String f = i == 0 ? NAME_FIRST_MONTH
                    : "DATE(YEAR(" + cell(col - 1) + "),MONTH(" + cell(col - 1) + ")+1,1)";
            formula(h, col, f, date);
        }
        text(h, TOTAL_COL, "FY26", style(null, true, false, false, true, false, HorizontalAlignment.RIGHT));
    }

    private String cell(int col) {
        return SourceRef.cellName(HEADER_ROW, col);
    }

    private void scalarHeader() {
        XSSFRow h = sheet.createRow(HEADER_ROW);
        CellStyle head = style(null, true, false, false, true);
        text(h, 0, "Item", head);
        text(h, 1, "Unit", head);
        text(h, 2, "", head);
        text(h, 3, "Value", style(null, true, false, false, true, false, HorizontalAlignment.RIGHT));
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    private void monthlyWidths() {
        sheet.setColumnWidth(LABEL_COL, 46 * 256);
        sheet.setColumnWidth(TYPE_COL, 28 * 256);
        sheet.setColumnWidth(LAYER_COL, 10 * 256);
        for (int i = 0; i < PERIODS; i++) {
            sheet.setColumnWidth(FIRST_PERIOD_COL + i, 12 * 256);
        }
        sheet.setColumnWidth(TOTAL_COL, 14 * 256);
    }

    private void scalarWidths() {
        sheet.setColumnWidth(0, 50 * 256);
        sheet.setColumnWidth(1, 26 * 256);
        sheet.setColumnWidth(2, 2 * 256);
        sheet.setColumnWidth(3, 18 * 256);
    }

    private void section(String title) {
        XSSFRow r = sheet.createRow(next++);
        text(r, 0, title, style(null, true, false, false));
    }

    private void subsection(String title) {
        XSSFRow r = sheet.createRow(next++);
        text(r, 0, title, style(null, false, false, false, false, true));
    }

    private void blank() {
        next++;
    }

    private void note(String text) {
        XSSFRow r = sheet.createRow(next++);
        text(r, 0, text, style(null, false, false, false, false, true));
    }

    /** A monthly row of formulas with its year total. */
    private void line(String key, String label, String type, String layer, CellStyle style, Monthly f, Total total) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, LABEL_COL, label, labelStyle(style));
        if (type != null) {
            text(r, TYPE_COL, type, null);
        }
        if (layer != null) {
            text(r, LAYER_COL, layer, null);
        }
        String prev = null;
        for (int i = 0; i < PERIODS; i++) {
            String col = SourceRef.columnName(FIRST_PERIOD_COL + i);
            formula(r, FIRST_PERIOD_COL + i, f.at(col, prev), style);
            prev = col;
        }
        totalCell(r, rowIndex + 1, style, total, f);
    }

    private void totalCell(XSSFRow r, int excelRow, CellStyle style, Total total, Monthly f) {
        String firstCol = SourceRef.columnName(FIRST_PERIOD_COL);
        String lastCol = SourceRef.columnName(TOTAL_COL - 1);
        String tc = SourceRef.columnName(TOTAL_COL);
        String formula = switch (total) {
            case SUM -> "SUM(" + firstCol + excelRow + ":" + lastCol + excelRow + ")";
            case FIRST -> firstCol + excelRow;
            case LAST -> lastCol + excelRow;
            case SAME -> f.at(tc, null);
        };
        formula(r, TOTAL_COL, formula, totalStyle(style));
    }

    private void cost(String key, String label, CostType type, String layer, Monthly f) {
        line(key, label, type.label(), layer, style(AMOUNT, false, false, false), f, Total.SUM);
    }

    private void costInputs(String key, String label, CostType type, String layer, double[] values) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, LABEL_COL, label, null);
        text(r, TYPE_COL, type.label(), null);
        text(r, LAYER_COL, layer, null);
        CellStyle in = style(AMOUNT, false, true, false);
        for (int i = 0; i < PERIODS; i++) {
            number(r, FIRST_PERIOD_COL + i, values[i], in);
        }
        totalCell(r, rowIndex + 1, style(AMOUNT, false, false, false), Total.SUM, null);
    }

    private void inputs(String key, String label, double[] values, Total total) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, LABEL_COL, label, null);
        CellStyle in = style(COUNT, false, true, false);
        for (int i = 0; i < PERIODS; i++) {
            number(r, FIRST_PERIOD_COL + i, values[i], in);
        }
        totalCell(r, rowIndex + 1, style(COUNT, false, false, false), total, null);
    }

    /** A subtotal: the sum of the rows from one key to another, month by month. */
    private void total(String key, String label, String from, String to) {
        line(key, label, null, null, style(AMOUNT, true, false, true),
                (c, p) -> from.equals(to) ? c + row(from) : "SUM(" + c + row(from) + ":" + c + row(to) + ")", Total.SUM);
    }

    private void input(String key, String label, String unit, double value, String format, String definedName) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, 0, label, null);
        text(r, 1, unit, null);
        number(r, 3, value, style(format, false, true, false));
        if (definedName != null) {
            defineName(definedName, sheet.getSheetName(), rowIndex, 3);
        }
    }

    private void dateInput(String key, String label, LocalDate date, String definedName) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, 0, label, null);
        text(r, 1, "date", null);
        XSSFCell c = r.createCell(3);
        c.setCellValue(date);
        c.setCellStyle(style(LONG_DATE, false, true, false));
        defineName(definedName, sheet.getSheetName(), rowIndex, 3);
    }

    private void textInput(String key, String label, String value) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, 0, label, null);
        text(r, 1, "text", null);
        text(r, 3, value, style(null, false, true, false, false, false, HorizontalAlignment.RIGHT));
    }

    private void scalar(String key, String label, String unit, String formula, String format) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, 0, label, null);
        text(r, 1, unit, null);
        formula(r, 3, formula, style(format, false, false, false));
    }

    private void scenarioInputs(String key, String label, String unit, double[] values, String format) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, 0, label, null);
        text(r, 1, unit, null);
        for (int i = 0; i < values.length; i++) {
            number(r, FIRST_PERIOD_COL + i, values[i], style(format, false, true, false));
        }
    }

    private void scenarioRow(String key, String label, String unit, java.util.function.Function<String, String> f,
                             String format) {
        int rowIndex = next++;
        register(key, rowIndex + 1);
        XSSFRow r = sheet.createRow(rowIndex);
        text(r, 0, label, null);
        text(r, 1, unit, null);
        for (int i = 0; i < 4; i++) {
            formula(r, FIRST_PERIOD_COL + i, f.apply(SourceRef.columnName(FIRST_PERIOD_COL + i)),
                    style(format, false, false, false));
        }
    }

    private void register(String key, int excelRow) {
        if (rowSheet.put(key, sheet.getSheetName()) != null) {
            throw new IllegalStateException("Row key used twice: " + key);
        }
        rowNumber.put(key, excelRow);
    }

    // ---------------------------------------------------------------- references

    /** 1-based row of a key; in the first pass a row not laid out yet gets a stand-in. */
    private Integer lookup(String key) {
        Integer r = rowNumber.get(key);
        if (r == null && known != null) {
            r = known.get(key);
        }
        if (r == null && known == null) {
            return 1;
        }
        if (r == null) {
            throw new IllegalStateException("Unknown row key " + key);
        }
        return r;
    }

    private String sheetOf(String key) {
        String s = rowSheet.get(key);
        return s != null ? s : knownSheets.getOrDefault(key, sheet.getSheetName());
    }

    /** 1-based row of a key on the current sheet. */
    private int row(String key) {
        int r = lookup(key);
        if (known != null && !sheetOf(key).equals(sheet.getSheetName())) {
            throw new IllegalStateException(key + " is on " + sheetOf(key) + ", not " + sheet.getSheetName());
        }
        return r;
    }

    /** A row of another sheet in one column, e.g. {@code 'AI Costs'!E7}. */
    private String ref(String key, String col) {
        int r = lookup(key);
        String s = sheetOf(key);
        return s.equals(sheet.getSheetName()) ? col + r : quote(s) + "!" + col + r;
    }

    /** An absolute scalar input or result in column D, e.g. {@code Assumptions!$D$9}. */
    private String a(String key) {
        int r = lookup(key);
        String s = sheetOf(key);
        String cell = "$D$" + r;
        return s.equals(sheet.getSheetName()) ? cell : quote(s) + "!" + cell;
    }

    private String fy(String key) {
        return absCol(key, TOTAL_COL);
    }

    private String first(String key) {
        return absCol(key, FIRST_PERIOD_COL);
    }

    private String last(String key) {
        return absCol(key, TOTAL_COL - 1);
    }

    private String absCol(String key, int col) {
        return quote(sheetOf(key)) + "!$" + SourceRef.columnName(col) + "$" + lookup(key);
    }

    private String range(String key) {
        int r = lookup(key);
        return quote(sheetOf(key)) + "!$" + SourceRef.columnName(FIRST_PERIOD_COL) + "$" + r + ":$"
                + SourceRef.columnName(TOTAL_COL - 1) + "$" + r;
    }

    private static String quote(String sheetName) {
        return sheetName.matches("[A-Za-z_][A-Za-z0-9_]*") ? sheetName : "'" + sheetName.replace("'", "''") + "'";
    }

    private void name(String name, String key) {
        defineName(name, sheetOf(key), lookup(key) - 1, 3);
    }

    private void defineName(String name, String sheetName, int row, int col) {
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(quote(sheetName) + "!$" + SourceRef.columnName(col) + "$" + (row + 1));
    }

    // ---------------------------------------------------------------- cells and styles

    private static void text(XSSFRow r, int col, String value, CellStyle style) {
        XSSFCell c = r.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void number(XSSFRow r, int col, double value, CellStyle style) {
        XSSFCell c = r.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void formula(XSSFRow r, int col, String formula, CellStyle style) {
        XSSFCell c = r.createCell(col);
        c.setCellFormula(formula);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private CellStyle labelStyle(CellStyle numberStyle) {
        XSSFFont f = wb.getFontAt(numberStyle.getFontIndex());
        boolean topBorder = numberStyle.getBorderTop() == BorderStyle.THIN;
        return style(null, f.getBold(), false, topBorder);
    }

    private CellStyle totalStyle(CellStyle s) {
        XSSFFont f = wb.getFontAt(s.getFontIndex());
        return style(s.getDataFormatString(), true, false, s.getBorderTop() == BorderStyle.THIN,
                false, f.getItalic(), HorizontalAlignment.GENERAL, true);
    }

    private CellStyle style(String format, boolean bold, boolean input, boolean topBorder) {
        return style(format, bold, input, topBorder, false, false, HorizontalAlignment.GENERAL, false);
    }

    private CellStyle style(String format, boolean bold, boolean input, boolean topBorder, boolean header) {
        return style(format, bold, input, topBorder, header, false, HorizontalAlignment.GENERAL, false);
    }

    private CellStyle style(String format, boolean bold, boolean input, boolean topBorder, boolean header,
                            boolean italic) {
        return style(format, bold, input, topBorder, header, italic, HorizontalAlignment.GENERAL, false);
    }

    private CellStyle style(String format, boolean bold, boolean input, boolean topBorder, boolean header,
                            boolean italic, HorizontalAlignment align) {
        return style(format, bold, input, topBorder, header, italic, align, false);
    }

    /** Styles are shared, one per distinct look; the year-total column is shaded so it reads as a total. */
    private CellStyle style(String format, boolean bold, boolean input, boolean topBorder, boolean header,
                            boolean italic, HorizontalAlignment align, boolean yearColumn) {
        String key = format + "|" + bold + input + topBorder + header + italic + align + yearColumn;
        return styles.computeIfAbsent(key, k -> {
            CellStyle s = wb.createCellStyle();
            if (format != null) {
                s.setDataFormat(wb.createDataFormat().getFormat(format));
            }
            XSSFFont f = wb.createFont();
            f.setBold(bold || header);
            f.setItalic(italic);
            if (input) {
                f.setColor(IndexedColors.BLUE.getIndex());
            } else if (italic) {
                f.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            }
            s.setFont(f);
            if (topBorder) {
                s.setBorderTop(BorderStyle.THIN);
            }
            if (header) {
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setBorderBottom(BorderStyle.THIN);
            } else if (yearColumn) {
                s.setFillForegroundColor(IndexedColors.LEMON_CHIFFON.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            s.setAlignment(align);
            return s;
        });
    }

    private CellStyle titleStyle(int points) {
        return styles.computeIfAbsent("title" + points, k -> {
            CellStyle s = wb.createCellStyle();
            XSSFFont f = wb.createFont();
            f.setBold(true);
            f.setFontHeightInPoints((short) points);
            f.setColor(IndexedColors.DARK_BLUE.getIndex());
            s.setFont(f);
            return s;
        });
    }

    private CellStyle linkStyle() {
        return styles.computeIfAbsent("link", k -> {
            CellStyle s = wb.createCellStyle();
            XSSFFont f = wb.createFont();
            f.setUnderline(org.apache.poi.ss.usermodel.Font.U_SINGLE);
            f.setColor(IndexedColors.BLUE.getIndex());
            s.setFont(f);
            return s;
        });
    }

}
