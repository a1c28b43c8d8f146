package dev.loopscope.engine;

import java.util.function.Consumer;

/** Something a simulated thread can block on until it completes. */
public interface Waitable {

    boolean isDone();

    /** The completion once done: {@code Returned(value)} or {@code Raised(exception)}. */
    Completion completion();

    /** Calls {@code whenDone} once, at the virtual moment this completes (at once if it already has). */
    void onDone(Consumer<Completion> whenDone);

    /** How a thread blocked on this shows in the trace: blocked, or an event loop idle in {@code select()}. */
    default dev.loopscope.engine.trace.ThreadState blockedState() {
        return dev.loopscope.engine.trace.ThreadState.BLOCKED;
    }

    /** The future or task id the trace names as what the thread waits for, or -1. */
    default int traceDetail() {
        return -1;
    }
}
