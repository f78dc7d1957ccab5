package com.marginworkbench.cli;

import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.FinancialModel;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.EnumMap;
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

    /** {@code base} (a project file's policy), with the framework typed on the command line, if any. */
    public Policy policyOver(Policy base) {
        return frameworkGiven ? base.withFramework(framework) : base;
    }

    /** The policy for the chosen framework, with the model's fiscal year start (it decides ASU 2025-06). */
    public Policy policy(FinancialModel model) {
        Policy p = Policy.of(framework);
        return model == null ? p : p.withFiscalYearStart(model.fiscalYearStart());
    }

    public Policy policy() {
        return policy(null);
    }

    /** "50", "+50", "50%" → 0.5: a percentage typed as for a lever, as a fraction; null when not a number. */
    static Double parsePercent(String text) {
        Double v = Lever.Unit.PERCENT.parse(text);
        return v == null ? null : v / 100;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
