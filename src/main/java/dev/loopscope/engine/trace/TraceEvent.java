package dev.loopscope.engine.trace;

/**
 * One step of a simulated run, stamped with its virtual time in nanoseconds and its sequence number (its
 * index in the {@link Trace}). Events refer to threads, processes, tasks, futures and executors by id; their
 * names and other fixed facts live in the trace's tables ({@link Trace#task(int)} and friends).
 */
public sealed interface TraceEvent {

    int seq();

    long time();

    record ProcessStarted(int seq, long time, int process) implements TraceEvent {}

    record ProcessEnded(int seq, long time, int process) implements TraceEvent {}

    record ThreadStarted(int seq, long time, int thread) implements TraceEvent {}

    /** A thread changed state; {@code detail} is what it waits for (a future or task id) or -1. */
    record ThreadStateChanged(int seq, long time, int thread, ThreadState state, int detail) implements TraceEvent {}

    /** The GIL of {@code process} is now held by {@code thread} (-1: free); {@code forced} after a drop request. */
    record GilChanged(int seq, long time, int process, int thread, boolean forced) implements TraceEvent {}

    /** Simulated core {@code core} now runs {@code thread} (-1: idle). */
    record CoreChanged(int seq, long time, int core, int thread) implements TraceEvent {}

    /** The loop running on {@code loopThread} begins iteration {@code iteration} with {@code ready} callbacks. */
    record LoopIteration(int seq, long time, int loopThread, int iteration, int ready) implements TraceEvent {}

    /**
     * A callback was scheduled: appended to the ready queue ({@code when} = -1) or pushed on the timer heap
     * to fall due at {@code when}. {@code target} is the task or future the callback concerns.
     */
    record HandleScheduled(int seq, long time, int loopThread, int handle, HandleKind kind, int target, long when)
            implements TraceEvent {}

    /** A timer fell due and moved from the heap to the ready queue. */
    record HandleDue(int seq, long time, int loopThread, int handle) implements TraceEvent {}

    record HandleCancelled(int seq, long time, int loopThread, int handle) implements TraceEvent {}

    /** The loop took the callback from the ready queue and runs it. */
    record HandleRun(int seq, long time, int loopThread, int handle) implements TraceEvent {}

    record TaskCreated(int seq, long time, int task) implements TraceEvent {}

    /** The task's coroutine runs again: sent a value, or thrown an exception ({@code thrown} names it, else null). */
    record TaskStepStarted(int seq, long time, int task, String thrown) implements TraceEvent {}

    /** The task's coroutine suspended awaiting {@code future} (-1: a bare yield such as {@code sleep(0)}). */
    record TaskSuspended(int seq, long time, int task, int future) implements TraceEvent {}

    /** The task finished: returned, raised or was cancelled; {@code summary} is the result or exception repr. */
    record TaskFinished(int seq, long time, int task, TaskOutcome outcome, String summary) implements TraceEvent {}

    /** {@code task.cancel()} was called, by {@code byTask} (-1: not from a task). */
    record CancelRequested(int seq, long time, int task, int byTask, String message) implements TraceEvent {}

    record FutureCreated(int seq, long time, int future) implements TraceEvent {}

    record FutureFinished(int seq, long time, int future, TaskOutcome outcome, String summary) implements TraceEvent {}

    /** A {@code wait_for}/timeout deadline for {@code task} was armed ({@code when}) or fired ({@code when} = -1). */
    record Timeout(int seq, long time, int task, long when, boolean fired) implements TraceEvent {}

    record WorkSubmitted(int seq, long time, int work) implements TraceEvent {}

    record WorkStarted(int seq, long time, int work, int thread) implements TraceEvent {}

    record WorkFinished(int seq, long time, int work, boolean raised) implements TraceEvent {}

    /** Program output, written by {@code thread} while running {@code task} (-1: outside a task). */
    record Output(int seq, long time, int thread, int task, boolean stderr, String text) implements TraceEvent {}

    /** {@code thread} is executing source line {@code line} (sampled, not every line of a tight loop). */
    record LineReached(int seq, long time, int thread, int line) implements TraceEvent {}

    /** The run was stopped before the program ended: budget exceeded, or it would wait forever. */
    record Stopped(int seq, long time, String reason) implements TraceEvent {}

    record Finished(int seq, long time, int exitCode) implements TraceEvent {}
}
