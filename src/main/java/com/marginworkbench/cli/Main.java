package com.marginworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. With no arguments (or a workbook path) it opens the window; with a command it runs
 * the same engine from the command line. This class does not extend Application, so the JavaFX
 * runtime can sit on the plain classpath.
 */
@Command(name = "margin-workbench", mixinStandardHelpOptions = true, version = "Margin Workbench 0.1.0",
        description = "Restates an AI company's gross margin with the AI inference COGS test.")
public final class Main implements Runnable {
    /** The commands, in the order --help lists them. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(SamplesCommand.class,
            SummaryCommand.class, RestateCommand.class, UsageCommand.class, ReportCommand.class);

    private static final String OUT_OF_MEMORY = "margin-workbench: not enough memory for this workbook; give Java"
            + " more memory (for example java -Xmx2g -jar ..., or MARGIN_WORKBENCH_JAVA_OPTIONS=-Xmx2g for the"
            + " installed command) and try again.";

    /** Let go when memory runs out, so that the line saying so can still be written. */
    private static volatile byte[] reserve = new byte[2 << 20];

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 success, 2 bad input. */
    public static int run(String... args) {
        if (opensWindow(args)) {
            return com.marginworkbench.ui.WindowLauncher.launch(args);
        }
        ReadAhead.start(args);
        try {
            CommandLine cl = commandLine(args);
            String missing = missingWorkbook(cl, args);
            if (missing != null) {
                System.err.println("margin-workbench: " + missing);
                return 2;
            }
            cl.setParameterExceptionHandler((ex, a) -> {
                System.err.println("margin-workbench: " + parameterMessage(ex) + " (see --help)");
                return 2;
            });
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            reserve = null;
            System.err.println(OUT_OF_MEMORY);
            return 2;
        } finally {
            ReadAhead.discard();
        }
    }

    /**
     * The command line with the command named first only, when the first argument names one: picocli
     * builds each command's options by reflection, and the four not run took about 40 ms of a core at
     * every start, while the workbook is being read on the other. Anything else (help, a typo, a
     * file) gets every command, so --help and picocli's suggestions list them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> command : COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (args.length == 0 || !isCommand(args[0]) || args[0].equals(name)) {
                cl.addSubcommand(name, new CommandLine(command));
            }
        }
        return cl;
    }

    private static boolean isCommand(String arg) {
        for (Class<?> command : COMMANDS) {
            if (command.getAnnotation(Command.class).name().equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /** Picocli's message, or a plain one when a file name cannot be used on this system. */
    public static String parameterMessage(Exception ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.file.InvalidPathException p) {
                return "the file name '" + p.getInput() + "' cannot be used here: it has characters that this"
                        + " system's language setting (" + languageSetting() + ") cannot encode; run with a UTF-8"
                        + " setting such as LANG=C.UTF-8, or rename the file";
            }
        }
        return ex.getMessage();
    }

    private static String languageSetting() {
        String lang = System.getenv("LC_ALL");
        if (lang == null || lang.isEmpty()) {
            lang = System.getenv("LANG");
        }
        return "LANG=" + (lang == null || lang.isEmpty() ? "C" : lang);
    }

    /** No arguments, or a single argument naming an existing file: the window, not a command. */
    static boolean opensWindow(String... args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            return false;
        }
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * A lone argument that is neither a command nor an option was meant as a workbook to open:
     * say that the file is not there, rather than picocli's "unmatched argument".
     */
    static String missingWorkbook(CommandLine cl, String... args) {
        if (args.length != 1 || args[0].startsWith("-") || cl.getSubcommands().containsKey(args[0])) {
            return null;
        }
        java.nio.file.Path p;
        try {
            p = java.nio.file.Path.of(args[0]);
        } catch (java.nio.file.InvalidPathException e) {
            return "'" + args[0] + "' is not a command or a file name; see --help";
        }
        if (java.nio.file.Files.isDirectory(p)) {
            return p + " is a folder; open a workbook (.xlsx, .xlsm or .xls), or run 'summary " + p
                    + "' for every workbook in it";
        }
        if (java.nio.file.Files.exists(p)) {
            return p + " is not a regular file (a pipe, device or socket); open a workbook saved on disk";
        }
        return "no file " + p.toAbsolutePath() + "; check the path, or run --help for the commands";
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
