package dev.loopscope.engine;

/**
 * What a scheduled {@link Handle} does when the loop runs it. Most callbacks are engine bookkeeping done at
 * once ({@link #run} returns null); a task step returns {@code Outcome.Call} of its coroutine and is told
 * the coroutine's completion through {@link #resume}.
 */
public interface Callback {

    /** Runs the callback; null when done, or an outcome (usually {@code Call}) to complete first. */
    Outcome run(ExecContext ctx);

    /** Receives the completion of what {@link #run} asked for; null when done, or a further outcome. */
    default Outcome resume(ExecContext ctx, Completion completion) {
        return null;
    }

    /** The program's objects this callback will use (a function and its arguments): they live while it waits. */
    default Object[] references() {
        return new Object[0];
    }
}
