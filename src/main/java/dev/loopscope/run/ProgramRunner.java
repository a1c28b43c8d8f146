package dev.loopscope.run;

import dev.loopscope.engine.Settings;

/**
 * Where a trace comes from: a program's source text in, a simulated run (or a compile error) out.
 *
 * <p>Until the Python front end is available, {@link DemoRunner} recognises the demo programs; the Python
 * runner implements this same interface and replaces it without the UI noticing.
 */
@FunctionalInterface
public interface ProgramRunner {

    /**
     * Compiles and runs {@code source}. Implementations should check {@code cancel} now and then and give up
     * with {@link RunResult.Cancelled} when it is set; they run off the UI thread.
     */
    RunResult run(String fileName, String source, Settings settings, Cancellation cancel);

    /** A flag the caller sets to ask a run to stop early. */
    interface Cancellation {
        boolean isCancelled();

        Cancellation NEVER = () -> false;
    }
}
