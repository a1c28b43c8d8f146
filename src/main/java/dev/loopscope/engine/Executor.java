package dev.loopscope.engine;

/** A {@code concurrent.futures} executor: a thread pool or a process pool. */
public sealed interface Executor permits ThreadPool, ProcessPool {

    /**
     * {@code executor.submit(fn, *args)} as an activity of the calling thread, finishing with
     * {@code Returned(ConcurrentFuture)}; it may block briefly (starting a thread waits for it to start).
     */
    Activity submit(WorkCall call);

    /**
     * {@code executor.shutdown(wait, cancel_futures=...)} as an activity of the calling thread; with
     * {@code cancelFutures} the calls still queued are cancelled instead of run.
     */
    Activity shutdown(boolean wait, boolean cancelFutures);

    int maxWorkers();

    /** The executor's id in the trace's executor table. */
    int traceId();
}
