package dev.loopscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code loopscope} launcher: no subcommand opens the window. */
@Command(name = "loopscope", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Animates how CPython schedules concurrent code.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, CheckLessonCommand.class, BenchCommand.class,
                ExportCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command; {@link #main} then exits the JVM, which also ends a toolkit an export started. */
    static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
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

    /** Exit status for a failure inside Loopscope itself (BSD's EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;

    @Override
    public void run() {
        javafx.application.Application.launch(dev.loopscope.ui.LoopscopeApp.class);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Loopscope " + Main.class.getPackage().getImplementationVersion()};
        }
    }
}
