package dev.loopscope.cli;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.engine.trace.TraceJson;
import dev.loopscope.python.PythonProgram;
import dev.loopscope.run.ProgramRunner;
import dev.loopscope.run.PythonRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopscope run FILE.py}: runs a Python program on the simulation engine and prints what CPython would
 * print, with the same exit status; time is virtual, so sleeps return at once.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a Python program on the simulation engine and prints exactly what CPython 3.12 "
                + "prints for it (stdout, stderr, exit status). Time is virtual: asyncio.sleep(5) returns at "
                + "once while loop.time() advances by 5.",
                "Exit status: the program's own (0, or 1 after an uncaught exception); 2 when the file cannot "
                        + "be read or is not in the supported subset (src/docs/python-subset.md); 3 when the run was "
                        + "stopped by a budget."})
public final class RunCommand implements Callable<Integer> {

    /** Exit status when a budget stopped the program. */
    static final int STOPPED = 3;

    @Parameters(index = "0", paramLabel = "FILE.py", description = "The program; - reads it from standard input.")
    String file;

    @Option(names = "--seed", description = "Seed for random when the program does not seed it (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    long seed;

    @Option(names = "--cpus", description = "Simulated CPU cores, also what os.cpu_count() reports (default: this "
            + "machine's cores, as CPython reports them).")
    int cpus = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-gil", description = "Simulate a free-threaded build (PEP 703): threads run in parallel.")
    boolean noGil;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "Also write the engine's trace as JSON lines "
            + "(src/docs/engine.md).")
    Path traceOut;

    @Option(names = "--max-events", description = "Stop after this many trace events (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000000")
    long maxEvents;

    @Option(names = "--max-seconds", description = "Stop when virtual time passes this many seconds "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "3600")
    double maxSeconds;

    @Option(names = "--max-cpu-seconds", description = "Stop when the program has used this much virtual CPU time "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "20")
    double maxCpuSeconds;

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    /** Run from the command line: a program that CPython ends by a signal ends this process by it too. */
    private final boolean ownsProcess;

    public RunCommand() {
        this(System.in, System.out, System.err, true);
    }

    RunCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this(stdin, out, err, false);
    }

    private RunCommand(InputStream stdin, PrintStream out, PrintStream err, boolean ownsProcess) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.ownsProcess = ownsProcess;
    }

    @Override
    public Integer call() {
        if (cpus < 1 || maxEvents < 1 || !(maxSeconds > 0) || !(maxCpuSeconds > 0)) {
            err.println("loopscope run: --cpus, --max-events, --max-seconds and --max-cpu-seconds must be positive");
            return 2;
        }
        String displayName;
        byte[] bytes;
        try {
            if (file.equals("-")) {
                displayName = "<stdin>";
                bytes = stdin.readAllBytes();
            } else {
                Path path = Path.of(file);
                // as CPython names the main module: the working directory joined to the path as typed, not normalised
                displayName = file.startsWith("/") ? file : System.getProperty("user.dir") + "/" + file;
                bytes = Files.readAllBytes(path);
            }
        } catch (IOException | RuntimeException e) {
            err.println("loopscope run: cannot read " + file + ": " + describe(e));
            return 2;
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer decoded = java.nio.CharBuffer.allocate(bytes.length + 1);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.charset.CoderResult result = decoder.decode(in, decoded, true);
        if (!result.isError()) {
            result = decoder.flush(decoded);
        }
        if (result.isError()) {
            // Where the first bad byte is, counted as a text editor counts: lines from 1, characters from 1.
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            err.printf("%s:%d:%d: the program is not valid UTF-8 text (byte 0x%02X); save it as UTF-8%n",
                    displayName, line, column, bytes[at] & 0xFF);
            return 2;
        }
        String source = decoded.flip().toString();
        if (source.startsWith("\uFEFF")) {
            source = source.substring(1);
        }
        PythonProgram.CompileResult compiled = PythonRunner.compile(displayName, source);
        if (compiled instanceof PythonProgram.CompileResult.Failed failed) {
            err.print(PythonRunner.report(failed));
            err.flush();
            return 2;
        }
        Settings settings = Settings.defaults().withCpuCount(cpus).withGil(!noGil).withSeed(seed)
                .withBudget(maxEvents, Math.round(maxSeconds * 1e9)).withCpuBudget(Math.round(maxCpuSeconds * 1e9));
        Trace trace = PythonRunner.run(((PythonProgram.CompileResult.Ok) compiled).program(), settings,
                ProgramRunner.Cancellation.NEVER);
        // In the order the program wrote it, so a terminal shows stdout and stderr interleaved as CPython's would.
        java.util.List<dev.loopscope.engine.trace.TraceEvent.Output> outputs = new java.util.ArrayList<>();
        StringBuilder seenOut = new StringBuilder();
        StringBuilder seenErr = new StringBuilder();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == dev.loopscope.engine.trace.TraceEvent.Output.class
                    && trace.event(i) instanceof dev.loopscope.engine.trace.TraceEvent.Output o) {
                outputs.add(o);
                (o.stderr() ? seenErr : seenOut).append(o.text());
            }
        }
        if (seenOut.toString().equals(trace.stdout()) && seenErr.toString().equals(trace.stderr())) {
            outputs.forEach(o -> write(o.stderr() ? err : out, o.text()));
        } else {
            write(out, trace.stdout());
            write(err, trace.stderr());
        }
        if (traceOut != null) {
            try (BufferedWriter w = Files.newBufferedWriter(traceOut, StandardCharsets.UTF_8)) {
                TraceJson.write(trace, w);
            } catch (IOException | RuntimeException e) {
                err.println("loopscope run: cannot write the trace to " + traceOut + ": " + describe(e));
                return 2;
            }
        }
        if (trace.stopReason().isPresent()) {
            err.println("loopscope run: " + trace.stopReason().get()
                    + " (raise the limits with --max-events, --max-seconds or --max-cpu-seconds)");
            err.flush();
            return STOPPED;
        }
        int status = trace.exitCode();
        if (status < 0) {
            // the program ends by a signal (an uncaught KeyboardInterrupt: SIGINT), as CPython's process does
            out.flush();
            err.flush();
            if (ownsProcess) {
                dieBySignal(-status);
            }
            return 128 - status;
        }
        return status;
    }

    /**
     * Ends the process by signal {@code number} with its default action, so a parent sees a death by that signal
     * as it does for CPython; returns when the signal cannot be raised (the caller then exits with 128 + number).
     */
    private static void dieBySignal(int number) {
        try {
            // the JVM handles SIGINT itself (exiting with 130); with the default action back, the signal ends it
            sun.misc.Signal signal = new sun.misc.Signal(number == 2 ? "INT" : "TERM");
            sun.misc.Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL);
            new ProcessBuilder("kill", "-" + signal.getName(), String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).start().waitFor();
            Thread.sleep(2000); // the signal ends the process meanwhile
        } catch (IllegalArgumentException | java.io.IOException | InterruptedException e) {
            // no such signal or no kill command here: the exit status says it instead
        }
    }

    private static void write(OutputStream stream, String text) {
        try {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            // A closed pipe downstream: nothing more can be shown.
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof IOException && Files.isDirectory(Path.of(e.getMessage() == null ? "." : e.getMessage()))) {
            return "is a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
