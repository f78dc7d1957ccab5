package com.marginworkbench.cli;

import com.marginworkbench.classify.Framework;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.FinancialModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

    /** The policy for the chosen framework, with the model's fiscal year start (it decides ASU 2025-06). */
    public Policy policy(FinancialModel model) {
        Policy p = Policy.of(framework);
        return model == null ? p : p.withFiscalYearStart(model.fiscalYearStart());
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
