package com.marginworkbench.cli;

import com.marginworkbench.app.Assessment;
import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.FreeTierPolicy;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.Assumptions;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The stress levers and the framework as command-line options, shared by every command that
 * computes margins. Percentages are typed as people say them: {@code --llm-cost 50}, {@code +50}
 * and {@code 50%} all mean +50%. A value out of range is a usage error (exit 2, one line).
 */
public class LeverOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Framework framework = Framework.US_GAAP;
    private boolean frameworkGiven;
    private Levers levers = Levers.NEUTRAL;
    /** The levers typed on the command line, in display units: they override a project file's. */
    private final Map<Lever, Double> given = new EnumMap<>(Lever.class);
    private LocalDate fiscalYearStart;
    /** Null until typed: a typed policy option overrides a project file's, an untyped one leaves it. */
    private Boolean asuAdopted;
    private FreeTierPolicy freeTier;
    private String forecastFrom;
    private Double arpa;
    private Double churn;
    private Double cac;

    @Option(names = "--preset", paramLabel = "seed",
            description = "Start from a named stress: 'seed' is LLM cost +50%% with a 1.2x variance buffer (the"
                    + " other levers keep their values).")
    void setPreset(String value) {
        if (!"seed".equalsIgnoreCase(value.trim())) {
            throw usage("--preset: '" + value + "' is not a preset; the one preset is 'seed'");
        }
        levers = levers.withLlmCostChange(Levers.SEED_PRESET.llmCostChange())
                .withVarianceBuffer(Levers.SEED_PRESET.varianceBuffer());
        given.put(Lever.LLM_COST, Lever.LLM_COST.read(Levers.SEED_PRESET));
        given.put(Lever.VARIANCE_BUFFER, Lever.VARIANCE_BUFFER.read(Levers.SEED_PRESET));
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

    @Option(names = "--forecast-from", paramLabel = "PERIOD",
            description = "First forecast period, by its heading (e.g. Jul-26) or its number (1 = the first); 'none' "
                    + "marks every period actual (default: from headings marked E or F, else none). The token-price "
                    + "decline applies to forecast periods only.")
    void setForecastFrom(String value) {
        forecastFrom = value.trim();
    }

    @Option(names = "--arpa", paramLabel = "AMOUNT",
            description = "Average revenue per account per month, for LTV:CAC (overrides the workbook's).")
    void setArpa(String value) {
        arpa = positive("--arpa", value);
    }

    @Option(names = "--churn", paramLabel = "PCT",
            description = "Monthly churn in percent (e.g. 1.5), for LTV:CAC (overrides the workbook's).")
    void setChurn(String value) {
        try {
            churn = Assumptions.parseChurnPercent(value);
        } catch (IllegalArgumentException e) {
            throw usage("--churn: " + e.getMessage());
        }
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
            frameworkGiven = true;
        } catch (IllegalArgumentException e) {
            throw usage("--framework: '" + value + "' is not a framework; use us-gaap or ifrs");
        }
    }

    /** Sets one lever from its option's text; a bad value is a usage error naming the option. */
    void set(Lever lever, String value) {
        String problem = lever.problem(value);
        if (problem != null) {
            throw usage(lever.option() + ": " + problem);
        }
        levers = lever.write(levers, lever.parse(value));
        given.put(lever, lever.parse(value));
    }

    /**
     * Adds one option per lever of the catalogue to a command that mixes in {@link LeverOptions}
     * (name it in the command's {@code modelTransformer}): a lever added to {@link Lever} reaches
     * the command line without code here.
     */
    public static final class FromCatalogue implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            LeverOptions target = null;
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof LeverOptions o) {
                    target = o;
                }
            }
            if (target == null) {
                throw new IllegalStateException(command.name() + " names " + FromCatalogue.class.getSimpleName()
                        + " but does not mix in " + LeverOptions.class.getSimpleName());
            }
            LeverOptions options = target;
            for (Lever lever : Lever.values()) {
                command.addOption(OptionSpec.builder(lever.option())
                        .paramLabel(lever.unit().placeholder())
                        .type(String.class)
                        .hasInitialValue(false)
                        .description(description(lever))
                        .setter(new ISetter() {
                            @Override
                            public <T> T set(T value) {
                                if (value != null) {
                                    options.set(lever, (String) value);
                                }
                                return null;
                            }
                        })
                        .build());
            }
            return command;
        }

        private static String description(Lever lever) {
            String unit = lever.isPercent() ? "in percent" : "a multiple";
            String help = lever.help().replace("%", "%%");
            return help + " (" + unit + "; default " + lever.format(lever.neutral()).replace("%", "%%") + ")";
        }
    }

    public Framework framework() {
        return framework;
    }

    public Levers levers() {
        return levers;
    }

    /** {@code base} (a project file's levers) with the levers typed on the command line set over it. */
    public Levers levers(Levers base) {
        Levers l = base;
        for (Map.Entry<Lever, Double> e : given.entrySet()) {
            l = e.getKey().write(l, e.getValue());
        }
        return l;
    }

    /**
     * ARPA, churn, CAC and the first forecast period as typed ({@code --forecast-from}); each null
     * when not typed, so a project file's or the workbook's own stands.
     */
    public Assumptions assumptions() {
        return new Assumptions(arpa, churn, cac, forecastFrom);
    }

    /**
     * {@code a} with the typed assumptions set over its own (a project file's), as a usage error
     * naming --forecast-from when that names no period of the workbook.
     */
    public Assessment assumptionsOver(Assessment a) {
        try {
            return a.withAssumptions(assumptions().over(a.assumptions()));
        } catch (IllegalArgumentException e) {
            throw usage("--forecast-from: " + e.getMessage());
        }
    }

    /**
     * {@code base} (a project file's policy), with the framework, fiscal-year start, ASU 2025-06
     * adoption and free-tier policy typed on the command line, if any.
     */
    public Policy policyOver(Policy base) {
        Policy p = frameworkGiven ? base.withFramework(framework) : base;
        return new Policy(p.framework(), asuAdopted != null ? asuAdopted : p.asu202506Adopted(),
                fiscalYearStart != null ? fiscalYearStart : p.fiscalYearStart(), freeTier != null ? freeTier : p.freeTier());
    }

    /**
     * The policy: framework, ASU 2025-06 adoption and free-tier policy from the options, and the
     * fiscal-year start from --fiscal-year-start, else the model's own.
     */
    public Policy policy(FinancialModel model) {
        LocalDate start = fiscalYearStart != null ? fiscalYearStart : model == null ? null : model.fiscalYearStart();
        return new Policy(framework, asuAdopted != null && asuAdopted, start,
                freeTier != null ? freeTier : FreeTierPolicy.ACQUISITION_COST);
    }

    public Policy policy() {
        return policy(null);
    }

    /** "50", "+50", "50%" → 0.5: a percentage typed as for a lever, as a fraction; null when not a number. */
    static Double parsePercent(String text) {
        Double v = Lever.Unit.PERCENT.parse(text);
        return v == null ? null : v / 100;
    }

    private double positive(String option, String value) {
        try {
            return Assumptions.parseAmount(value);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
