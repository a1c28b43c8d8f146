package dev.loopscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code loopscope} launcher: no subcommand opens the window. */
@Command(name = "loopscope", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Animates how CPython schedules concurrent code.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, CheckLessonCommand.class, BenchCommand.class,
                ExportCommand.class})
public final class Main implements Runnable {

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "LESSON_OR_FILE",
            description = "Open the window on this lesson number, lesson file (.md) or Python program (.py).")
    String open;

    @picocli.CommandLine.Option(names = "--theme", paramLabel = "T", description = "light, dark or high-contrast.")
    String theme;

    @picocli.CommandLine.Option(names = "--presenter", description = "Start in presenter mode (F5 / Esc).")
    boolean presenter;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command; {@link #main} then exits the JVM, which also ends a toolkit an export started. */
    static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof picocli.CommandLine.ExecutionException expected) {
                        cmd.getErr().println("loopscope: " + expected.getMessage());
                        cmd.getErr().flush();
                        return NO_WINDOW;
                    }
                    // A bug of ours, not of the user's program: say so briefly rather than dump a stack trace.
                    cmd.getErr().println("loopscope " + cmd.getCommandName() + ": internal error: " + e
                            + (System.getenv("LOOPSCOPE_DEBUG") == null ? " (set LOOPSCOPE_DEBUG=1 for details)" : ""));
                    if (System.getenv("LOOPSCOPE_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    cmd.getErr().flush();
                    return INTERNAL_ERROR;
                })
                .execute(args);
    }

    /** Exit status when no window can be opened here (BSD's EX_UNAVAILABLE). */
    static final int NO_WINDOW = 69;

    /** Exit status for a failure inside Loopscope itself (BSD's EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;

    @Override
    public void run() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (open != null) {
            args.add("--open=" + open);
        }
        if (theme != null) {
            args.add("--theme=" + theme);
        }
        if (presenter) {
            args.add("--presenter=true");
        }
        try {
            dev.loopscope.ui.LoopscopeApp.launchWindow(args.toArray(String[]::new));
        } catch (UnsupportedOperationException e) {
            // No display to open a window on: say so, and point at what works without one.
            throw new picocli.CommandLine.ExecutionException(new picocli.CommandLine(this),
                    "cannot open a window: " + e.getMessage()
                            + " (run it on a desktop, or use a subcommand such as run or export; see --help)");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Loopscope " + Main.class.getPackage().getImplementationVersion()};
        }
    }
}
