package dev.loopscope.engine.trace;

/** What one lane of the timeline shows over a span of time: a task's, a thread's, the GIL's or a core's state. */
public enum LaneState {
    /** In the ready queue (a task) or ready to run: about to get its turn. */
    READY,
    /** Running Python code: a task's step, a thread on a core, the GIL held, a core busy, a process alive. */
    RUNNING,
    /** Waiting for an {@code asyncio.sleep} timer, or a thread in {@code time.sleep}. */
    SLEEPING,
    /** Waiting for a future: another task, a gather, an executor's result. */
    WAITING,
    /** Holding a thread that is blocked (a task that called {@code time.sleep}, a loop frozen by it). */
    BLOCKED,
    /** Ready to run Python code but waiting for the GIL. */
    WAITING_GIL,
    /** Ready to run but every core is busy. */
    WAITING_CORE,
    /** Nothing to do: a loop in {@code select()}, an idle pool worker, a free core. */
    IDLE,
    DONE,
    FAILED,
    CANCELLED;

    private static final LaneState[] VALUES = values();

    public static LaneState of(int ordinal) {
        return VALUES[ordinal];
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
