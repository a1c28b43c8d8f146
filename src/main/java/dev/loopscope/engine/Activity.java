package dev.loopscope.engine;

/**
 * Work that a simulated thread executes in slices: Python code in an interpreter, or the event loop's own
 * machinery. Between slices the thread may lose the GIL or its core, so an activity keeps all its state
 * between calls and must be resumable at any slice boundary.
 */
public interface Activity {

    /**
     * Runs until the activity finishes, calls another activity, blocks, or has charged the slice's CPU budget
     * (see {@link ExecContext#budgetLeft()}).
     *
     * @param ctx     the thread and clock this slice runs on
     * @param resumed the completion of whatever ended the previous slice ({@link Outcome.Call},
     *                {@link Outcome.Sleep} or {@link Outcome.Wait}); null on the first slice and after a pause
     */
    Outcome run(ExecContext ctx, Completion resumed);

    /** A short label for the trace and the timeline ("main()", "blocking()", "loop"). */
    default String label() {
        return getClass().getSimpleName();
    }
}
