package com.marginworkbench.cli;

import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.FreeTierPolicy;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.UnitInputs;
import com.marginworkbench.workbook.ReadResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The stress levers and the framework as command-line options, shared by every command that
 * computes margins. Percentages are typed as people say them: {@code --llm-cost 50}, {@code +50}
 * and {@code 50%} all mean +50%. A value out of range is a usage error (exit 2, one line).
 */
public class LeverOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Framework framework = Framework.US_GAAP;
    private Levers levers = Levers.NEUTRAL;
    private LocalDate fiscalYearStart;
    private boolean asuAdopted;
    private FreeTierPolicy freeTier = FreeTierPolicy.ACQUISITION_COST;
    private String forecastFrom;
    private Double arpa;
    private Double churn;
    private Double cac;

    @Option(names = "--preset", paramLabel = "seed",
            description = "Start from a named stress: 'seed' is LLM cost +50%% with a 1.2x variance buffer. Options "
                    + "given after it change it.")
    void setPreset(String value) {
        if (!"seed".equalsIgnoreCase(value.trim())) {
            throw usage("--preset: '" + value + "' is not a preset; the one preset is 'seed'");
        }
        Levers p = Levers.SEED_PRESET;
        levers = p.withHeavyUsers(levers.heavyUserShare(), levers.heavyUserMultiplier())
                .withPriceChange(levers.priceChange()).withTokenPriceDecline(levers.tokenPriceDeclinePerYear())
                .withHeavyUserBaseline(levers.heavyUserBaseline());
    }

    @Option(names = "--fiscal-year-start", paramLabel = "YYYY-MM-DD",
            description = "First day of a fiscal year of the model (e.g. 2026-04-01); decides ASU 2025-06 year by year "
                    + "(default: the model's own, else calendar years).")
    void setFiscalYearStart(String value) {
        try {
            String t = value.trim();
            fiscalYearStart = LocalDate.parse(t.length() == 7 ? t + "-01" : t);
        } catch (DateTimeParseException e) {
            throw usage("--fiscal-year-start: '" + value + "' is not a date; write it like 2026-04-01");
        }
    }

    @Option(names = "--asu-2025-06", paramLabel = "adopted|not-adopted",
            description = "Whether ASU 2025-06 is adopted early (default: not adopted; mandatory for fiscal years "
                    + "beginning after 15 December 2027 either way).")
    void setAsu(String value) {
        String t = value.trim().toLowerCase(Locale.ROOT);
        asuAdopted = switch (t) {
            case "adopted", "yes", "true", "early" -> true;
            case "not-adopted", "no", "false", "none" -> false;
            default -> throw usage("--asu-2025-06: '" + value + "' is not a choice; use adopted or not-adopted");
        };
    }

    @Option(names = "--free-tier", paramLabel = "acquisition|fulfilment",
            description = "Free-tier inference as an acquisition cost in sales and marketing (default) or as contract "
                    + "fulfilment in cost of revenue.")
    void setFreeTier(String value) {
        String t = value.trim().toLowerCase(Locale.ROOT);
        freeTier = switch (t) {
            case "acquisition", "acquisition-cost", "s&m", "sm" -> FreeTierPolicy.ACQUISITION_COST;
            case "fulfilment", "fulfillment", "contract-fulfilment", "contract-fulfillment", "cogs" ->
                    FreeTierPolicy.CONTRACT_FULFILMENT;
            default -> throw usage("--free-tier: '" + value + "' is not a policy; use acquisition or fulfilment");
        };
    }

    @Option(names = "--token-decline", paramLabel = "PCT",
            description = "Optional yearly fall in token prices, in percent, on forecast periods only (an assumption, "
                    + "not a forecast; default off).")
    void setTokenDecline(String value) {
        double v = percent("--token-decline", value);
        levers = withRange("--token-decline", value, () -> levers.withTokenPriceDecline(v), "between 0% and 99%");
    }

    @Option(names = "--forecast-from", paramLabel = "PERIOD",
            description = "First forecast period, by its heading (e.g. Jul-26) or its number (1 = the first); 'none' "
                    + "marks every period actual (default: from headings marked E or F, else none).")
    void setForecastFrom(String value) {
        forecastFrom = value.trim();
    }

    @Option(names = "--heavy-user-baseline", paramLabel = "PCT",
            description = "Share of usage heavy users already have in the actuals, in percent (default 0), so the "
                    + "heavy-user stress does not count them twice.")
    void setHeavyUserBaseline(String value) {
        double v = percent("--heavy-user-baseline", value);
        levers = withRange("--heavy-user-baseline", value, () -> levers.withHeavyUserBaseline(v),
                "between 0% and 99%");
    }

    @Option(names = "--arpa", paramLabel = "AMOUNT",
            description = "Average revenue per account per month, for LTV:CAC (overrides the workbook's).")
    void setArpa(String value) {
        arpa = positive("--arpa", value);
    }

    @Option(names = "--churn", paramLabel = "PCT",
            description = "Monthly churn in percent (e.g. 1.5), for LTV:CAC (overrides the workbook's).")
    void setChurn(String value) {
        double v = percent("--churn", value);
        if (!(v > 0 && v <= 1)) {
            throw usage("--churn: " + value + " is out of range; it must be above 0% and at most 100% a month");
        }
        churn = v;
    }

    @Option(names = "--cac", paramLabel = "AMOUNT",
            description = "Customer acquisition cost per new account, for LTV:CAC (overrides the workbook's).")
    void setCac(String value) {
        cac = positive("--cac", value);
    }

    @Option(names = "--framework", paramLabel = "us-gaap|ifrs",
            description = "Accounting framework whose rules and references apply (default: us-gaap).")
    void setFramework(String value) {
        try {
            framework = Framework.parse(value);
        } catch (IllegalArgumentException e) {
            throw usage("--framework: '" + value + "' is not a framework; use us-gaap or ifrs");
        }
    }

    @Option(names = "--llm-cost", paramLabel = "PCT",
            description = "Change in the cost of lines priced by a model provider, in percent (e.g. 50 for +50%%).")
    void setLlmCost(String value) {
        double v = percent("--llm-cost", value);
        levers = withRange("--llm-cost", value, () -> levers.withLlmCostChange(v), "-100% or more");
    }

    @Option(names = "--variance-buffer", paramLabel = "X",
            description = "Multiplier on variable AI cost (e.g. 1.2; default 1).")
    void setVarianceBuffer(String value) {
        double v = multiplier("--variance-buffer", value);
        levers = withRange("--variance-buffer", value, () -> levers.withVarianceBuffer(v), "between 0 and 100");
    }

    @Option(names = "--heavy-user-share", paramLabel = "PCT",
            description = "Share of users who are heavy users, in percent (e.g. 10).")
    void setHeavyUserShare(String value) {
        double v = percent("--heavy-user-share", value);
        levers = withRange("--heavy-user-share", value, () -> levers.withHeavyUserShare(v), "between 0% and 100%");
    }

    @Option(names = "--heavy-user-multiplier", paramLabel = "X",
            description = "How many times a typical user's volume a heavy user consumes (e.g. 5; default 1).")
    void setHeavyUserMultiplier(String value) {
        double v = multiplier("--heavy-user-multiplier", value);
        levers = withRange("--heavy-user-multiplier", value, () -> levers.withHeavyUserMultiplier(v),
                "between 0 and 1000");
    }

    @Option(names = "--price-change", paramLabel = "PCT",
            description = "Change in AI-layer prices, in percent (e.g. -10 for a 10%% cut).")
    void setPriceChange(String value) {
        double v = percent("--price-change", value);
        levers = withRange("--price-change", value, () -> levers.withPriceChange(v), "-100% or more");
    }

    public Framework framework() {
        return framework;
    }

    public Levers levers() {
        return levers;
    }

    /**
     * The levers for this model: the first forecast period from --forecast-from, else from headings
     * marked as forecasts ("Jul-26E"), else none (the token-price decline then changes nothing).
     */
    public Levers levers(FinancialModel model) {
        if (model == null) {
            return levers;
        }
        int first;
        if (forecastFrom == null) {
            first = model.periods().firstForecastFromHeadings();
        } else if (forecastFrom.equalsIgnoreCase("none")) {
            first = -1;
        } else {
            first = model.periods().indexOf(forecastFrom);
            if (first < 0 && forecastFrom.matches("\\d{1,6}")) {
                int k = Integer.parseInt(forecastFrom);
                first = k >= 1 && k <= model.periods().count() ? k - 1 : -2;
            }
            if (first < 0) {
                throw usage("--forecast-from: '" + forecastFrom + "' is not a period of this workbook; give a heading "
                        + "such as " + (model.periods().count() == 0 ? "Jan-26" : model.periods().label(0))
                        + " or a number from 1 to " + model.periods().count());
            }
        }
        return levers.withFirstForecastPeriod(first);
    }

    /** The model with ARPA, churn and CAC from the options where given (a workbook's own otherwise). */
    public FinancialModel model(FinancialModel model) {
        if (arpa == null && churn == null && cac == null) {
            return model;
        }
        UnitInputs own = model.unitInputs();
        UnitInputs in = new UnitInputs(arpa != null ? arpa : own == null ? Double.NaN : own.arpaMonthly(),
                churn != null ? churn : own == null ? Double.NaN : own.churnMonthly(),
                cac != null ? cac : own == null ? Double.NaN : own.cac(), own == null ? null : own.basis());
        return model.withUnitInputs(in);
    }

    /** The read result with the unit-economics options applied to its model. */
    public ReadResult apply(ReadResult read) {
        FinancialModel m = model(read.model());
        return m == read.model() ? read : new ReadResult(read.file(), m, read.decisions(), read.problems(),
                read.sheets(), read.ownModel());
    }

    /**
     * The policy: framework, ASU 2025-06 adoption and free-tier policy from the options, and the
     * fiscal-year start from --fiscal-year-start, else the model's own.
     */
    public Policy policy(FinancialModel model) {
        LocalDate start = fiscalYearStart != null ? fiscalYearStart : model == null ? null : model.fiscalYearStart();
        return new Policy(framework, asuAdopted, start, freeTier);
    }

    public Policy policy() {
        return policy(null);
    }

    /** "50", "+50", "50%", "-12.5 %" → 0.5, 0.5, 0.5, -0.125. Null when the text is not a number. */
    static Double parsePercent(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        Double v = parseNumber(t);
        return v == null ? null : v / 100.0;
    }

    /** "1.2", "1.2x", "×3" → 1.2, 1.2, 3. Null when the text is not a number. */
    static Double parseMultiplier(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("x") || t.endsWith("×")) {
            t = t.substring(0, t.length() - 1).trim();
        } else if (t.startsWith("x") || t.startsWith("×")) {
            t = t.substring(1).trim();
        }
        return parseNumber(t);
    }

    private static Double parseNumber(String t) {
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || !t.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }

    private double percent(String option, String value) {
        Double v = parsePercent(value);
        if (v == null) {
            throw usage(option + ": '" + value + "' is not a percentage; write it like 50, +50 or -10%");
        }
        return v;
    }

    private double positive(String option, String value) {
        String t = value == null ? "" : value.trim().replace(",", "").replace("$", "");
        Double v = parseNumber(t);
        if (v == null || v <= 0) {
            throw usage(option + ": '" + value + "' is not a positive amount; write it like 1200");
        }
        return v;
    }

    private double multiplier(String option, String value) {
        Double v = parseMultiplier(value);
        if (v == null) {
            throw usage(option + ": '" + value + "' is not a number; write it like 1.2");
        }
        return v;
    }

    private Levers withRange(String option, String value, java.util.function.Supplier<Levers> next, String range) {
        try {
            return next.get();
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + value + " is out of range; it must be " + range);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
