package dev.loopscope.engine;

import java.util.function.Consumer;

/** Something a simulated thread can block on until it completes. */
public interface Waitable {

    boolean isDone();

    /** The completion once done: {@code Returned(value)} or {@code Raised(exception)}. */
    Completion completion();

    /** Calls {@code whenDone} once, at the virtual moment this completes (at once if it already has). */
    void onDone(Consumer<Completion> whenDone);
}
