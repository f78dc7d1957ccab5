package com.marginworkbench.cli;

import com.marginworkbench.classify.Framework;
import com.marginworkbench.margin.Lever;
import com.marginworkbench.margin.Levers;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class LeverOptionsTest {
    @Command(name = "probe", modelTransformer = LeverOptions.FromCatalogue.class)
    static class Probe implements Runnable {
        @Mixin
        LeverOptions options;

        @Override
        public void run() {
        }
    }

    private static final class Outcome {
        Probe probe = new Probe();
        int exit;
        String err;
    }

    private static Outcome parse(String... args) {
        Outcome o = new Outcome();
        CommandLine cl = new CommandLine(o.probe);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println(ex.getMessage());
            return 2;
        });
        o.exit = cl.execute(args);
        o.err = err.toString();
        return o;
    }

    @Test
    void percentagesAcceptSignAndPercentSign() {
        for (String v : new String[]{"50", "+50", "50%", " +50 % "}) {
            Outcome o = parse("--llm-cost", v);
            assertThat(o.exit).as(v).isZero();
            assertThat(o.probe.options.levers().llmCostChange()).as(v).isEqualTo(0.5);
        }
        assertThat(parse("--price-change", "-10").probe.options.levers().priceChange()).isEqualTo(-0.1);
        assertThat(parse("--heavy-user-share", "12.5%").probe.options.levers().heavyUserShare()).isEqualTo(0.125);
    }

    @Test
    void buildsLeversAndPolicy() {
        Outcome o = parse("--framework", "ifrs", "--llm-cost", "50", "--variance-buffer", "1.2",
                "--heavy-user-share", "10", "--heavy-user-multiplier", "5x", "--price-change", "-5%");
        assertThat(o.exit).isZero();
        assertThat(o.probe.options.levers()).isEqualTo(new Levers(0.5, 1.2, 0.1, 5, -0.05, 0));
        assertThat(o.probe.options.policy().framework()).isEqualTo(Framework.IFRS);
    }

    @Test
    void defaultsAreNeutralUnderUsGaap() {
        Outcome o = parse();
        assertThat(o.probe.options.levers()).isEqualTo(Levers.NEUTRAL);
        assertThat(o.probe.options.framework()).isEqualTo(Framework.US_GAAP);
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        String[][] bad = {{"--llm-cost", "lots"}, {"--heavy-user-share", "150"}, {"--framework", "hgb"},
                {"--variance-buffer", "-1"}, {"--price-change", "-200"}, {"--heavy-user-multiplier", "abc"}};
        for (String[] args : bad) {
            Outcome o = parse(args);
            assertThat(o.exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(o.err.strip()).as(String.join(" ", args)).startsWith(args[0]).doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void everyLeverOfTheCatalogueIsAnOption() {
        StringWriter help = new StringWriter();
        new CommandLine(new Probe()).usage(new PrintWriter(help));
        for (Lever lever : Lever.values()) {
            assertThat(help.toString()).as(lever.name()).contains(lever.option());
        }
        Outcome o = parse("--token-decline", "30");
        assertThat(o.exit).isZero();
        assertThat(o.probe.options.levers().tokenPriceDeclinePerYear()).isEqualTo(0.3);
        assertThat(parse("--token-decline", "100").exit).isEqualTo(2);
    }
}
