package dev.loopscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code loopscope} launcher: no subcommand opens the window. */
@Command(name = "loopscope", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Animates how CPython schedules concurrent code.",
        subcommands = {CommandLine.HelpCommand.class, ExportCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        int code = new CommandLine(new Main()).execute(args);
        if (args.length > 0) {
            // A subcommand may have started the FX toolkit; exit rather than wait for its thread.
            javafx.application.Platform.exit();
        }
        return code;
    }

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
