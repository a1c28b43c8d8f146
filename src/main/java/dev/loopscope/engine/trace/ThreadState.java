package dev.loopscope.engine.trace;

/** What a simulated thread is doing. */
public enum ThreadState {
    /** On a core, running Python code (holding the GIL where there is one). */
    RUNNING,
    /** Ready to run Python code but waiting for the GIL. */
    WAITING_GIL,
    /** Ready to run but every core is busy. */
    WAITING_CORE,
    /** In {@code time.sleep}: not using CPU, GIL released. */
    SLEEPING,
    /** Blocked on a lock, queue or future: not using CPU, GIL released. */
    BLOCKED,
    /** An event loop waiting in {@code select()} for a timer or a wake-up. */
    SELECT,
    DONE
}
