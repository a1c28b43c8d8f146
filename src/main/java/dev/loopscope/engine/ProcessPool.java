package dev.loopscope.engine;

import dev.loopscope.engine.PythonBridge.ErrorKind;
import dev.loopscope.engine.trace.ThreadRole;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ProcessPoolExecutor} with the fork start method (Linux, CPython 3.12): all worker processes are
 * forked at the first submit, each a copy of the parent's interpreter at that moment with its own GIL; each
 * takes a start-up time, calls cross process boundaries pickled (a cost per byte plus a fixed overhead),
 * and results come back through a manager thread of the parent, which needs the parent's GIL.
 */
public final class ProcessPool implements Executor {

    private static final Object STOP = new Object();

    private final Simulation sim;
    private final SimProcess parent;
    private final int maxWorkers;
    private final int traceId;
    private final WorkQueue<Object> calls = new WorkQueue<>();
    private final WorkQueue<Object> results = new WorkQueue<>();
    private final List<SimProcess> workers = new ArrayList<>();
    private final List<SimThread> workerThreads = new ArrayList<>();
    private SimThread manager;
    private boolean shutdown;
    private int outstanding;
    /** Calls submitted that the manager thread has not yet moved to the call queue, oldest first. */
    private final java.util.ArrayDeque<Item> pending = new java.util.ArrayDeque<>();
    /** Calls in the call queue that no worker has taken yet: at most max_workers + 1. */
    private int queued;
    /** Shut down while calls were pending: the workers are told to stop once those have been moved. */
    private boolean stopsOwed;
    /** Run by every worker process before it takes calls ({@code initializer(*initargs)}), or null. */
    private final WorkCall initializer;
    /** Set once a worker died because its initializer failed. */
    private String broken;

    /** {@code ProcessPoolExecutor(max_workers)}; null means {@code os.cpu_count()}. */
    public ProcessPool(SimProcess parent, Integer maxWorkers) {
        this(parent, maxWorkers, null);
    }

    /** The same with an {@code initializer} each worker process runs first (null: none). */
    public ProcessPool(SimProcess parent, Integer maxWorkers, WorkCall initializer) {
        this.initializer = initializer;
        this.sim = parent.sim;
        this.parent = parent;
        int n = maxWorkers == null ? sim.settings().cpuCount() : maxWorkers;
        if (n <= 0) {
            Object e = sim.python().newError(ErrorKind.VALUE_ERROR, "max_workers must be greater than 0");
            sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_POOL_MAX_WORKERS);
            throw new PyRaised(e, "max_workers");
        }
        this.maxWorkers = n;
        this.traceId = sim.trace().executor("process", "ProcessPoolExecutor", n);
        sim.addExitHook(() -> shutdown(true, false));
    }

    @Override
    public int maxWorkers() {
        return maxWorkers;
    }

    @Override
    public int traceId() {
        return traceId;
    }

    public List<SimProcess> workers() {
        return List.copyOf(workers);
    }

    /** A submitted call; {@code pickleError} is what pickling it raised, or null. */
    private record Item(ConcurrentFuture future, WorkCall call, long argBytes, Object pickleError) {}

    private record Result(Item item, Completion completion, long bytes) {}

    @Override
    public Activity submit(WorkCall call) {
        return ctxActivity("submit", ctx -> {
            if (broken != null) {
                Object e = sim.python().newError(ErrorKind.BROKEN_PROCESS_POOL, broken);
                sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_POOL_BROKEN_SUBMIT);
                return new Completion.Raised(e);
            }
            if (shutdown) {
                Object e = sim.python().newError(ErrorKind.RUNTIME_ERROR, "cannot schedule new futures after shutdown");
                sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_POOL_SUBMIT_AFTER_SHUTDOWN);
                return new Completion.Raised(e);
            }
            long bytes = 0;
            Object pickleError = null;
            try {
                bytes = call.pickle();
            } catch (PyRaised e) {
                // CPython pickles calls later, in the call queue's feeder thread: the future fails then.
                pickleError = e.exception();
            }
            if (workers.isEmpty()) {
                launch(ctx);
            }
            int submitter = ctx.loop() != null && ctx.loop().currentTask() != null
                    ? ctx.loop().currentTask().taskId() : -1;
            int work = sim.trace().work(ctx.now(), traceId, call.label(), -1, submitter);
            ConcurrentFuture future = new ConcurrentFuture(sim, work);
            ctx.charge(sim.settings().processCallNs() / 2 + (long) (bytes * sim.settings().pickleNsPerByte()));
            outstanding++;
            pending.add(new Item(future, call, bytes, pickleError));
            moveCalls();
            return new Completion.Returned(future);
        });
    }

    /** Forks every worker at once (the fork start method cannot add workers later safely). */
    private void launch(ExecContext ctx) {
        for (int i = 0; i < maxWorkers; i++) {
            SimProcess p = sim.startProcess("ForkProcess-" + parent.nextProcessNumber(), true);
            // a fork copies the interpreter, switch interval included
            p.setSwitchIntervalNs(parent.switchIntervalNs());
            p.setInterpreterState(sim.python().forkInterpreter(parent.interpreterState(), p));
            workers.add(p);
            workerThreads.add(sim.startThread(p, "MainThread", ThreadRole.MAIN, false, new Worker(p)));
        }
        manager = sim.startThread(parent, "Thread-" + parent.nextThreadNumber(), ThreadRole.HELPER, false, new Manager());
    }

    /**
     * What the manager thread does when a submit or a result wakes it ({@code add_call_item_to_queue}): moves
     * pending calls to the call queue while it has room. A moved call is running: it can no longer be
     * cancelled. A pending call cancelled meanwhile is dropped.
     */
    private void moveCalls() {
        while (queued < maxWorkers + 1 && !pending.isEmpty()) {
            Item work = pending.poll();
            if (!work.future().setRunningOrNotifyCancel()) {
                outstanding--;
                continue;
            }
            queued++;
            if (work.pickleError() != null) {
                // The feeder thread fails to pickle it and hands the error to the manager thread.
                results.put(work);
            } else {
                calls.put(work);
            }
        }
        if (stopsOwed && pending.isEmpty()) {
            stopsOwed = false;
            for (int i = 0; i < workers.size(); i++) {
                calls.put(STOP);
            }
        }
        if (shutdown && manager != null && outstanding == 0) {
            results.put(STOP);
        }
    }

    @Override
    public Activity shutdown(boolean wait, boolean cancelFutures) {
        return new Activity() {
            private boolean stopped;
            /** Futures it cancelled whose done callbacks still have to run. */
            private final java.util.ArrayDeque<ConcurrentFuture> cancelled = new java.util.ArrayDeque<>();

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!stopped) {
                    stopped = true;
                    if (cancelFutures) {
                        // CPython cancels the calls its manager thread has not yet moved to the call queue.
                        for (Item work : pending) {
                            if (work.future().cancel()) {
                                outstanding--;
                                if (work.future().hasDoneCalls()) {
                                    cancelled.add(work.future());
                                }
                            }
                        }
                        pending.clear();
                    }
                    if (!shutdown) {
                        shutdown = true;
                        stopsOwed = true;
                        moveCalls();
                    }
                }
                if (!cancelled.isEmpty()) {
                    return new Outcome.Call(cancelled.poll().runDoneCalls(parent));
                }
                if (wait && manager != null && !manager.isDone() && manager != ctx.thread()) {
                    return new Outcome.Wait(manager.joined());
                }
                return new Outcome.Done(new Completion.Returned(sim.python().none()));
            }

            @Override
            public String label() {
                return "shutdown";
            }
        };
    }

    /**
     * A worker's initializer raised: the worker logs it and exits, so the pool is broken: the calls not yet
     * done fail with {@code BrokenProcessPool} and later submits are refused.
     */
    private void initializerFailed(ExecContext ctx, Object e) {
        sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_WORKER_INITIALIZER);
        ctx.stderr("Exception in initializer:\n" + sim.python().formatException(e));
        if (broken != null) {
            return;
        }
        broken = "A child process terminated abruptly, the process pool is not usable anymore";
        List<Item> failed = new ArrayList<>(pending);
        pending.clear();
        for (Object item : calls.drainAfter(0)) {
            if (item instanceof Item work) {
                queued--;
                failed.add(work);
            } else {
                calls.put(item);
            }
        }
        for (Item work : failed) {
            outstanding--;
            work.future().complete(new Completion.Raised(sim.python().newError(ErrorKind.BROKEN_PROCESS_POOL,
                    "A process in the process pool was terminated abruptly while the future was running or "
                            + "pending.")));
        }
        if (shutdown && manager != null && outstanding == 0) {
            results.put(STOP);
        }
    }

    /** {@code copy} with {@code __cause__} set to a {@code _RemoteTraceback} holding {@code original}'s report. */
    private Object withRemoteTraceback(Object copy, Object original) {
        String tb = sim.python().formatException(original);
        return sim.python().withCause(copy,
                sim.python().newError(ErrorKind.REMOTE_TRACEBACK, "\n\"\"\"\n" + tb + "\"\"\""));
    }

    /**
     * What the parent receives when a worker cannot pickle what it sends back: {@code _sendback_result} sends
     * the pickling error instead, with its traceback in the worker as the {@code __cause__}.
     */
    private Object sendbackFailed(Object pickleError) {
        sim.python().addLibraryFrame(pickleError, LibraryFrame.PROCESS_RESULT_SENDBACK);
        PythonBridge.Pickled p = sim.python().pickle(pickleError);
        return withRemoteTraceback(p.error() != null ? p.error() : p.copy(), pickleError);
    }

    /** A worker process's main loop: start up, then take calls until told to stop. */
    private final class Worker implements Activity {
        private final SimProcess process;
        private boolean startedUp;
        private Item running;
        private boolean awake;
        private boolean initRun;

        Worker(SimProcess process) {
            this.process = process;
        }

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            if (!startedUp) {
                startedUp = true;
                return new Outcome.Sleep(sim.settings().processStartNs());
            }
            if (!awake) {
                // Resumed from the start-up sleep: that completion is no work item.
                awake = true;
                resumed = null;
                if (initializer != null) {
                    initRun = true;
                    return new Outcome.Call(initializer.start(process));
                }
            }
            if (initRun) {
                initRun = false;
                if (resumed instanceof Completion.Raised(Object e)) {
                    initializerFailed(ctx, e);
                    return new Outcome.Done(new Completion.Returned(null));
                }
                resumed = null;
            }
            Object item = null;
            if (running != null) {
                Item done = running;
                running = null;
                long bytes = 64;
                Completion c = resumed;
                if (c instanceof Completion.Raised(Object e)) {
                    if (done.call().fromMap()) {
                        sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_CHUNK_CALL);
                    }
                    sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_WORKER_CALL);
                    // The parent gets a copy whose __cause__ carries the worker's traceback as text. The worker
                    // drops the original's traceback once it has that text, so a failure to send it back shows
                    // the original as its context without one.
                    PythonBridge.Pickled p = sim.python().pickle(e);
                    c = new Completion.Raised(p.error() != null
                            ? sendbackFailed(sim.python().withContext(p.error(), sim.python().withoutTraceback(e)))
                            : withRemoteTraceback(p.copy(), e));
                }
                if (c instanceof Completion.Returned(Object v)) {
                    PythonBridge.Pickled p = sim.python().pickle(v);
                    bytes = p.bytes();
                    c = p.error() != null ? new Completion.Raised(sendbackFailed(p.error()))
                            : new Completion.Returned(p.copy());
                }
                ctx.charge((long) (bytes * sim.settings().pickleNsPerByte()));
                sim.trace().workFinished(ctx.now(), done.future().workId, c instanceof Completion.Raised);
                results.put(new Result(done, c, bytes));
            } else if (resumed instanceof Completion.Returned(Object delivered)) {
                item = delivered;
            }
            while (true) {
                if (item == null) {
                    item = calls.poll();
                    if (item == null) {
                        return new Outcome.Wait(calls.waitForItem());
                    }
                }
                if (item == STOP) {
                    return new Outcome.Done(new Completion.Returned(null));
                }
                Item work = (Item) item;
                item = null;
                queued--;
                if (!work.future().setRunningOrNotifyCancel()) {
                    outstanding--;
                    continue;
                }
                running = work;
                ctx.charge((long) (work.argBytes() * sim.settings().pickleNsPerByte()));
                sim.trace().workStarted(ctx.now(), work.future().workId, ctx.thread().id);
                return new Outcome.Call(work.call().start(process));
            }
        }

        @Override
        public String label() {
            return running != null ? running.call().label() : "_process_worker";
        }
    }

    /** The parent's manager thread: hands results back to their futures (it needs the parent's GIL). */
    private final class Manager implements Activity {
        /** True while the done callbacks of a future it completed run. */
        private boolean inCallbacks;

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            Object item = resumed instanceof Completion.Returned(Object r) ? r : null;
            if (inCallbacks) {
                inCallbacks = false;
                item = null;
                if (shutdown && outstanding == 0) {
                    return new Outcome.Done(new Completion.Returned(null));
                }
            }
            while (true) {
                if (item == null) {
                    item = results.poll();
                    if (item == null) {
                        return new Outcome.Wait(results.waitForItem());
                    }
                }
                if (item == STOP) {
                    return new Outcome.Done(new Completion.Returned(null));
                }
                if (item instanceof Item failed) {
                    // _on_queue_feeder_error: the error, with its own traceback as the __cause__, goes to the
                    // future, and the freed place in the call queue takes the next call.
                    item = null;
                    queued--;
                    outstanding--;
                    Object e = failed.pickleError();
                    sim.python().addLibraryFrame(e, LibraryFrame.PROCESS_CALL_FEED);
                    sim.trace().workFinished(ctx.now(), failed.future().workId, true);
                    failed.future().complete(new Completion.Raised(withRemoteTraceback(e, e)));
                    moveCalls();
                    if (failed.future().hasDoneCalls()) {
                        inCallbacks = true;
                        return new Outcome.Call(failed.future().runDoneCalls(parent));
                    }
                    if (shutdown && outstanding == 0) {
                        return new Outcome.Done(new Completion.Returned(null));
                    }
                    continue;
                }
                Result r = (Result) item;
                item = null;
                ctx.charge(sim.settings().processCallNs() / 2);
                outstanding--;
                // Unpickled in the parent: the classes of the result are the parent's.
                Completion c = switch (r.completion()) {
                    case Completion.Returned(Object v) ->
                            new Completion.Returned(sim.python().unpickle(v, parent.interpreterState()));
                    case Completion.Raised(Object e) ->
                            new Completion.Raised(sim.python().unpickle(e, parent.interpreterState()));
                    case Completion.Yielded y -> y;
                };
                r.item().future().complete(c);
                moveCalls();
                if (r.item().future().hasDoneCalls()) {
                    inCallbacks = true;
                    return new Outcome.Call(r.item().future().runDoneCalls(parent));
                }
                if (shutdown && outstanding == 0) {
                    return new Outcome.Done(new Completion.Returned(null));
                }
            }
        }

        @Override
        public String label() {
            return "_ExecutorManagerThread";
        }
    }

    private static Activity ctxActivity(String label, java.util.function.Function<ExecContext, Completion> body) {
        return new Activity() {
            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                return new Outcome.Done(body.apply(ctx));
            }

            @Override
            public String label() {
                return label;
            }
        };
    }
}
