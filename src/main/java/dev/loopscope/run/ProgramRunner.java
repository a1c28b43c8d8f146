package dev.loopscope.run;

import dev.loopscope.engine.Settings;

/**
 * Where a trace comes from: a program's source text in, a simulated run (or a compile error) out.
 * {@link PythonRunner} is the implementation; tests may hand in their own.
 */
@FunctionalInterface
public interface ProgramRunner {

    /**
     * Compiles and runs {@code source}. Implementations should check {@code cancel} now and then and give up
     * with {@link RunResult.Cancelled} when it is set; they run off the UI thread.
     */
    RunResult run(String fileName, String source, Settings settings, Cancellation cancel);

    /** As {@link #run(String, String, Settings, Cancellation)}, telling {@code progress} how far the run got. */
    default RunResult run(String fileName, String source, Settings settings, Cancellation cancel, Progress progress) {
        return run(fileName, source, settings, cancel);
    }

    /** A flag the caller sets to ask a run to stop early. */
    interface Cancellation {
        boolean isCancelled();

        Cancellation NEVER = () -> false;
    }

    /** Told now and then, on the running thread, how far a run has got. */
    @FunctionalInterface
    interface Progress {
        /** @param virtualNs the virtual time reached; @param events the trace events recorded so far */
        void update(long virtualNs, long events);

        Progress NONE = (t, e) -> { };
    }
}
