package com.marginworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. With no arguments (or a workbook path) it opens the window; with a command it runs
 * the same engine from the command line. This class does not extend Application, so the JavaFX
 * runtime can sit on the plain classpath.
 */
@Command(name = "margin-workbench", mixinStandardHelpOptions = true, version = "Margin Workbench 0.1.0",
        description = "Restates an AI company's gross margin with the AI inference COGS test.",
        subcommands = {SamplesCommand.class, SummaryCommand.class, RestateCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 success, 2 bad input. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("margin-workbench: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        System.out.println("Margin Workbench: the window is not built yet. Commands: see --help.");
    }
}
