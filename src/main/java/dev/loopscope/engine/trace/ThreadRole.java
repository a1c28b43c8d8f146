package dev.loopscope.engine.trace;

/** Why a simulated thread exists. */
public enum ThreadRole {
    /** A process's main thread (the one that runs the module and, usually, the event loop). */
    MAIN,
    /** A {@code ThreadPoolExecutor} worker. */
    POOL_WORKER,
    /** A thread started by the library for its own bookkeeping (executor manager, shutdown helper). */
    HELPER,
    /** A thread the program started itself ({@code threading.Thread}). */
    USER
}
