package dev.loopscope.run;

import dev.loopscope.engine.trace.Trace;

/** The result of asking a {@link ProgramRunner} to run a program. */
public sealed interface RunResult {

    /** The program ran (to its end, or until the engine stopped it: see {@link Trace#stopReason()}). */
    record Ran(Trace trace) implements RunResult {}

    /**
     * The program could not be compiled or is not understood.
     *
     * @param line 1-based line of the error
     * @param column 1-based column of the error (1 when unknown)
     * @param length how many characters to underline (at least 1)
     */
    record CompileError(int line, int column, int length, String message) implements RunResult {}

    /** The caller cancelled the run. */
    record Cancelled() implements RunResult {}
}
