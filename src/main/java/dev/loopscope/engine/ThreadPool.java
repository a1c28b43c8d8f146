package dev.loopscope.engine;

import dev.loopscope.engine.PythonBridge.ErrorKind;
import dev.loopscope.engine.trace.ThreadRole;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code ThreadPoolExecutor} as CPython 3.12 runs it: worker threads are started one per submit, up to
 * {@code max_workers}, unless the idle semaphore says one is free; starting a thread makes the submitter wait
 * until the new thread runs; workers take calls from one {@link SimpleQueue} and run them holding the GIL like
 * any Python code.
 */
public final class ThreadPool implements Executor {

    private static final Object STOP = new Object();

    private final Simulation sim;
    private final SimProcess process;
    private final int maxWorkers;
    private final String prefix;
    private final int traceId;
    private final SimpleQueue<Object> queue = new SimpleQueue<>();
    private final List<SimThread> threads = new ArrayList<>();
    /** CPython's {@code _idle_semaphore}: released each time a worker finds the queue empty. */
    private int idle;
    private boolean shutdown;
    /** Called by every worker before it takes work ({@code initializer(*initargs)}), or null. */
    private final WorkCall initializer;
    /** Set when an initializer failed: the pool refuses work from then on. */
    private String broken;

    /** {@code ThreadPoolExecutor(max_workers, thread_name_prefix)}; a null prefix gives {@code ThreadPoolExecutor-N}. */
    public ThreadPool(SimProcess process, int maxWorkers, String prefix) {
        this(process, maxWorkers, prefix, null);
    }

    /** The same with an {@code initializer} that each worker thread runs first (null: none). */
    public ThreadPool(SimProcess process, int maxWorkers, String prefix, WorkCall initializer) {
        this.sim = process.sim;
        this.process = process;
        if (maxWorkers <= 0) {
            Object e = sim.python().newError(ErrorKind.VALUE_ERROR, "max_workers must be greater than 0");
            sim.python().addLibraryFrame(e, LibraryFrame.THREAD_POOL_MAX_WORKERS);
            throw new PyRaised(e, "max_workers");
        }
        this.maxWorkers = maxWorkers;
        this.initializer = initializer;
        this.prefix = prefix != null && !prefix.isEmpty() ? prefix : "ThreadPoolExecutor-" + process.nextThreadPoolNumber();
        this.traceId = sim.trace().executor("thread", this.prefix, maxWorkers);
        // concurrent.futures joins every pool's threads at interpreter exit.
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

    public String prefix() {
        return prefix;
    }

    public boolean isShutdown() {
        return shutdown;
    }

    public List<SimThread> threads() {
        return List.copyOf(threads);
    }

    private record Item(ConcurrentFuture future, WorkCall call) {}

    @Override
    public Activity submit(WorkCall call) {
        return new Activity() {
            private ConcurrentFuture future;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (future != null) {
                    return new Outcome.Done(new Completion.Returned(future));
                }
                if (broken != null) {
                    Object e = sim.python().newError(ErrorKind.BROKEN_THREAD_POOL, broken);
                    sim.python().addLibraryFrame(e, LibraryFrame.THREAD_POOL_BROKEN_SUBMIT);
                    return new Outcome.Done(new Completion.Raised(e));
                }
                if (shutdown) {
                    Object e = sim.python().newError(ErrorKind.RUNTIME_ERROR,
                            "cannot schedule new futures after shutdown");
                    sim.python().addLibraryFrame(e, LibraryFrame.THREAD_POOL_SUBMIT_AFTER_SHUTDOWN);
                    return new Outcome.Done(new Completion.Raised(e));
                }
                int submitter = ctx.loop() != null && ctx.loop().currentTask() != null
                        ? ctx.loop().currentTask().taskId() : -1;
                int work = sim.trace().work(ctx.now(), traceId, call.label(), -1, submitter);
                future = new ConcurrentFuture(sim, work);
                queue.put(new Item(future, call));
                // _adjust_thread_count
                if (idle > 0) {
                    idle--;
                    return new Outcome.Done(new Completion.Returned(future));
                }
                if (threads.size() < maxWorkers) {
                    ctx.charge(sim.settings().threadStartNs());
                    Started started = new Started();
                    String name = prefix + "_" + threads.size();
                    threads.add(sim.startThread(process, name, ThreadRole.POOL_WORKER, false, new Worker(started)));
                    // Thread.start() waits until the new thread has run its bootstrap.
                    return new Outcome.Wait(started);
                }
                return new Outcome.Done(new Completion.Returned(future));
            }

            @Override
            public String label() {
                return "submit";
            }
        };
    }

    @Override
    public Activity shutdown(boolean wait, boolean cancelFutures) {
        return new Activity() {
            private int joined = -1;
            /** Futures it cancelled whose done callbacks still have to run in this thread. */
            private final java.util.ArrayDeque<ConcurrentFuture> cancelled = new java.util.ArrayDeque<>();

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (joined < 0) {
                    if (cancelFutures) {
                        for (Object item : queue.drain()) {
                            if (item instanceof Item work && work.future().cancel() && work.future().hasDoneCalls()) {
                                cancelled.add(work.future());
                            }
                        }
                    }
                    if (!shutdown) {
                        shutdown = true;
                        queue.put(STOP);
                    }
                    joined = 0;
                }
                if (!cancelled.isEmpty()) {
                    return new Outcome.Call(cancelled.poll().runDoneCalls(process));
                }
                if (!wait) {
                    return new Outcome.Done(new Completion.Returned(sim.python().none()));
                }
                while (joined < threads.size()) {
                    SimThread t = threads.get(joined++);
                    if (t != ctx.thread() && !t.isDone()) {
                        return new Outcome.Wait(t.joined());
                    }
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
     * A worker's initializer raised: CPython logs it, marks the pool broken and fails every queued call with
     * {@code BrokenThreadPool}; the worker ends.
     */
    private void initializerFailed(ExecContext ctx, Object e) {
        sim.python().addLibraryFrame(e, LibraryFrame.THREAD_WORKER_INITIALIZER);
        ctx.stderr("Exception in initializer:\n" + sim.python().formatException(e));
        broken = "A thread initializer failed, the thread pool is not usable anymore";
        for (Object item : queue.drain()) {
            if (item instanceof Item work) {
                work.future().complete(new Completion.Raised(sim.python().newError(ErrorKind.BROKEN_THREAD_POOL,
                        broken)));
            } else {
                queue.put(item);
            }
        }
    }

    /** The "thread has started" event that {@code Thread.start()} waits on. */
    private static final class Started implements Waitable {
        private boolean done;
        private Consumer<Completion> listener;

        void set() {
            done = true;
            if (listener != null) {
                listener.accept(completion());
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public Completion completion() {
            return new Completion.Returned(null);
        }

        @Override
        public void onDone(Consumer<Completion> whenDone) {
            if (done) {
                whenDone.accept(completion());
            } else {
                listener = whenDone;
            }
        }
    }

    /** A worker thread's {@code _worker} loop. */
    private final class Worker implements Activity {
        private final Started started;
        private boolean booted;
        private Item running;
        /** True while the done callbacks of the future it just completed run. */
        private boolean inCallbacks;
        /** True while it waits in {@code work_queue.get(block=True)}, and when it wakes from there. */
        private boolean blocked;
        /** 0: the initializer has not run, 1: it runs, 2: done (or there is none). */
        private int init;

        Worker(Started started) {
            this.started = started;
        }

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            if (!booted) {
                booted = true;
                started.set();
            }
            if (init == 0 && initializer != null) {
                init = 1;
                return new Outcome.Call(initializer.start(process));
            }
            if (init == 1) {
                init = 2;
                if (resumed instanceof Completion.Raised(Object e)) {
                    initializerFailed(ctx, e);
                    return new Outcome.Done(new Completion.Returned(null));
                }
                resumed = null;
            }
            // Woken in work_queue.get(): that call goes on; otherwise the loop starts with get_nowait().
            boolean inGet = blocked;
            blocked = false;
            if (running != null) {
                Item done = running;
                running = null;
                if (resumed instanceof Completion.Raised(Object e)) {
                    sim.python().addLibraryFrame(e, LibraryFrame.THREAD_WORK_ITEM);
                }
                done.future().complete(resumed);
                sim.trace().workFinished(ctx.now(), done.future().workId, resumed instanceof Completion.Raised);
                if (done.future().hasDoneCalls()) {
                    // _WorkItem.run sets the result, which runs the callbacks in this thread.
                    inCallbacks = true;
                    return new Outcome.Call(done.future().runDoneCalls(process));
                }
            } else if (inCallbacks) {
                inCallbacks = false;
            } else if (inGet) {
                queue.woken();
            }
            while (true) {
                Object item = queue.poll();
                if (item == null) {
                    if (!inGet) {
                        // get_nowait() found nothing: this worker counts as idle, then blocks in get().
                        idle++;
                    }
                    blocked = true;
                    return new Outcome.Wait(queue.waitForPut(sim));
                }
                inGet = false;
                if (item == STOP) {
                    // Pass the stop on to the other workers.
                    queue.put(STOP);
                    return new Outcome.Done(new Completion.Returned(null));
                }
                Item work = (Item) item;
                if (!work.future().setRunningOrNotifyCancel()) {
                    continue;
                }
                running = work;
                sim.trace().workStarted(ctx.now(), work.future().workId, ctx.thread().id);
                return new Outcome.Call(work.call().start(process));
            }
        }

        @Override
        public String label() {
            return running != null ? running.call().label() : "_worker";
        }
    }
}
