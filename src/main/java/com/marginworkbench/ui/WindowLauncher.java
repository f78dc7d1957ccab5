package com.marginworkbench.ui;

import javafx.application.Application;

/**
 * The only way from the command line into JavaFX. Kept apart from {@code cli.Main} so that the
 * command-line path never loads a JavaFX class.
 */
public final class WindowLauncher {
    /**
     * JavaFX warns at every start when it is loaded from the class path instead of as modules.
     * This app is a single class-path jar on purpose (one file, no module descriptor); the warning
     * says nothing the user can act on. Kept in a field so the logger and its level are not
     * collected.
     */
    private static final java.util.logging.Logger PLATFORM_LOG = java.util.logging.Logger.getLogger("javafx");

    private WindowLauncher() {
    }

    /** Opens the window and returns when it is closed; 2 when there is no display to open it on. */
    public static int launch(String... args) {
        // Only that one message is dropped; every other JavaFX warning still shows.
        PLATFORM_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            AppSettings settings = AppSettings.atDefaultLocation();
            if (settings.note() != null) {
                System.err.println("margin-workbench: " + settings.note());
            }
            WorkbenchApp.initialFile(java.util.List.of(args), settings)
                    .ifPresent(f -> Preload.start(f, settings::projectFileFor));
            Application.launch(WorkbenchApp.class, args);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("margin-workbench: cannot open the window (" + rootMessage(e)
                    + "). On a machine without a display use a command, see --help.");
            return 2;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
