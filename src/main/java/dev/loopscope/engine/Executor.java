package dev.loopscope.engine;

/** A {@code concurrent.futures} executor: a thread pool or a process pool. */
public sealed interface Executor permits ThreadPool, ProcessPool {

    /**
     * {@code executor.submit(fn, *args)} as an activity of the calling thread, finishing with
     * {@code Returned(ConcurrentFuture)}; it may block briefly (starting a thread waits for it to start).
     */
    Activity submit(WorkCall call);

    /** {@code executor.shutdown(wait)} as an activity of the calling thread. */
    Activity shutdown(boolean wait);

    int maxWorkers();

    /** The executor's id in the trace's executor table. */
    int traceId();
}
