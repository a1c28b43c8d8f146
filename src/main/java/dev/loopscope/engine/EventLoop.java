package dev.loopscope.engine;

import dev.loopscope.engine.trace.HandleKind;
import dev.loopscope.engine.trace.ThreadState;
import dev.loopscope.engine.trace.TraceRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * An asyncio event loop on one simulated thread, with the scheduling of CPython 3.12's
 * {@code BaseEventLoop}: a FIFO ready queue and a timer heap. One iteration runs exactly the callbacks that
 * were ready when it began (callbacks scheduled meanwhile wait for the next one); when nothing is ready, the
 * loop waits in {@code select()} until the earliest timer or a wake-up from another thread.
 */
public final class EventLoop {

    /** CPython drops cancelled timers from the heap when there are more than this many and they are the majority. */
    private static final int MIN_SCHEDULED_TIMER_HANDLES = 100;

    final Simulation sim;
    /** The thread that runs the loop: the one that made it, or the last one that started running it. */
    SimThread thread;
    private final TraceRecorder trace;
    private final ReadyQueue ready = new ReadyQueue();
    private final PriorityQueue<Handle> scheduled = new PriorityQueue<>();
    private int timerCancelledCount;
    private int nextHandle;
    private boolean stopping;
    private boolean closed;
    private boolean running;
    private int iteration;
    private Task currentTask;
    /** Tasks not yet done, in creation order ({@code asyncio.all_tasks}). */
    private final Task.LiveList liveTasks = new Task.LiveList();
    /** Tasks and futures whose exception may be reported as never retrieved. */
    private final List<Future> failedFutures = new ArrayList<>();
    private ThreadPool defaultExecutor;
    private boolean executorShutdownCalled;
    private Selector selecting;
    private Task runnerMainTask;
    /** The exception being handled by the code that runs the loop (asyncio.run's teardown after main failed). */
    private Object handledException;
    /** A KeyboardInterrupt or SystemExit raised by a task step: it unwinds out of the loop. */
    private Object exitException;
    /**
     * {@code loop._asyncgens}: the async generators first iterated while this loop ran, not yet finalised; what
     * {@code shutdown_asyncgens} closes. Insertion order (CPython's weak set follows memory addresses).
     */
    private final java.util.Set<Object> asyncgens = new java.util.LinkedHashSet<>();
    private boolean asyncgensShutdownCalled;

    public EventLoop(SimThread thread) {
        this.sim = thread.sim;
        this.thread = thread;
        this.trace = sim.trace();
        thread.process.loops.add(this);
    }

    /**
     * The callbacks waiting to run, ready or timed (not cancelled ones): what they refer to stays alive until
     * they run.
     */
    public void forEachPendingCallback(java.util.function.Consumer<Callback> action) {
        ready.forEach(action);
        for (Handle h : scheduled) {
            if (!h.cancelled) {
                action.accept(h.callback);
            }
        }
    }

    public Simulation simulation() {
        return sim;
    }

    public SimThread thread() {
        return thread;
    }

    /** {@code loop.time()} in virtual nanoseconds. */
    public long time() {
        return sim.now();
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The task whose step is running ({@code asyncio.current_task()}), or null. */
    public Task currentTask() {
        return currentTask;
    }

    /** The asyncio hook for an async generator's first iteration: the loop keeps it for {@code shutdown_asyncgens}. */
    public void asyncgenFirstIter(Object agen) {
        asyncgens.add(agen);
    }

    /** The generator is being finalised (or was closed): the loop lets go of it. */
    public void asyncgenForget(Object agen) {
        asyncgens.remove(agen);
    }

    /** {@code shutdown_asyncgens}: marks the call and hands over the generators to close, leaving the set empty. */
    List<Object> takeAsyncgensForShutdown() {
        asyncgensShutdownCalled = true;
        List<Object> all = new ArrayList<>(asyncgens);
        asyncgens.clear();
        return all;
    }

    public boolean asyncgensShutdownCalled() {
        return asyncgensShutdownCalled;
    }

    /** {@code asyncio.all_tasks()}: tasks not yet done, in creation order. */
    public List<Task> allTasks() {
        return liveTasks.toList();
    }

    // Scheduling -------------------------------------------------------------------------------------

    /** {@code loop.call_soon}: appends to the ready queue; the handle can cancel the callback. */
    public Handle callSoon(HandleKind kind, int target, Callback callback) {
        Handle h = new Handle(this, nextHandle++, kind, target, callback, -1);
        ready.add(h.id, callback, h);
        trace.handleScheduled(sim.now(), thread.id, h.id, kind, target, -1);
        return h;
    }

    /** {@code call_soon} for the engine's own callbacks, which are never cancelled: no handle object. */
    void schedule(HandleKind kind, int target, Callback callback) {
        int id = nextHandle++;
        ready.add(id, callback, null);
        trace.handleScheduled(sim.now(), thread.id, id, kind, target, -1);
    }

    /** {@code loop.call_at}: a timer at virtual time {@code when}. */
    public Handle callAt(long when, HandleKind kind, int target, Callback callback) {
        Handle h = new Handle(this, nextHandle++, kind, target, callback, when);
        h.onHeap = true;
        scheduled.add(h);
        trace.handleScheduled(sim.now(), thread.id, h.id, kind, target, when);
        return h;
    }

    /** {@code loop.call_later}: a timer {@code delayNs} from now. */
    public Handle callLater(long delayNs, HandleKind kind, int target, Callback callback) {
        return callAt(time() + delayNs, kind, target, callback);
    }

    /**
     * {@code loop.call_soon_threadsafe}: from another thread; appends to the ready queue and wakes the loop
     * if it waits in {@code select()}.
     */
    public Handle callSoonThreadsafe(HandleKind kind, int target, Callback callback) {
        Handle h = callSoon(kind, target, callback);
        wakeSelector();
        return h;
    }

    /** {@code call_soon_threadsafe} for the engine's own callbacks. */
    void scheduleThreadsafe(HandleKind kind, int target, Callback callback) {
        schedule(kind, target, callback);
        wakeSelector();
    }

    private void wakeSelector() {
        if (selecting != null) {
            selecting.wake();
        }
    }

    void handleCancelled(Handle h) {
        trace.handleCancelled(sim.now(), thread.id, h.id);
        if (h.onHeap) {
            timerCancelledCount++;
        }
    }

    /** {@code loop.stop()}: the loop ends after the current iteration. */
    public void stop() {
        stopping = true;
    }

    public Future createFuture() {
        return new Future(this);
    }

    /** {@code loop.create_task(coro, name=...)}; {@code line} is the source line that created it (0: unknown). */
    public Task createTask(Coroutine coro, String name, int line) {
        if (closed) {
            throw new PyRaised(sim.python().newError(PythonBridge.ErrorKind.RUNTIME_ERROR, "Event loop is closed"),
                    "closed");
        }
        Task creator = currentTask;
        // CPython 3.12 takes a number for every task, named or not (3.13 no longer does).
        long number = thread.process.nextTaskNumber();
        Task t = new Task(this, coro, name, number, creator, line);
        liveTasks.add(t);
        sim.liveTasks++;
        return t;
    }

    void taskDone(Task t) {
        if (liveTasks.remove(t)) {
            sim.liveTasks--;
        }
        if (t.logTraceback) {
            failedFutures.add(t);
        }
    }

    /** A future other than a task got an exception: it is reported if nobody retrieves it. */
    void futureFailed(Future f) {
        failedFutures.add(f);
    }

    void enterTask(Task t) {
        currentTask = t;
    }

    void leaveTask(Task t) {
        currentTask = null;
    }

    /** The task asyncio.run made for its main coroutine, or null. */
    public Task runnerMainTask() {
        return runnerMainTask;
    }

    void setRunnerMainTask(Task t) {
        runnerMainTask = t;
    }

    Object handledException() {
        return handledException;
    }

    void runWhileHandling(Object exc) {
        handledException = exc;
    }

    void exitRequested(Object exc) {
        exitException = exc;
    }

    // Running -----------------------------------------------------------------------------------------

    /**
     * {@code loop.run_until_complete(future)} as an activity of the loop's thread: runs iterations until the
     * future is done, then completes with its result or exception.
     */
    public Activity runUntilComplete(Future future) {
        return new RunUntilComplete(future);
    }

    private final class RunUntilComplete implements Activity {
        private final Future future;
        private final Consumer<Future> stopper = f -> stop();
        private boolean started;

        RunUntilComplete(Future future) {
            this.future = future;
        }

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            if (!started) {
                started = true;
                if (running) {
                    return raise("This event loop is already running");
                }
                if (closed) {
                    return raise("Event loop is closed");
                }
                future.addDoneCallback(HandleKind.STOP_LOOP, future.traceId, stopper);
                return new Outcome.Call(new RunForever());
            }
            if (resumed instanceof Completion.Raised r) {
                return new Outcome.Done(r);
            }
            future.removeDoneCallback(stopper);
            if (!future.isDone()) {
                return raise("Event loop stopped before Future completed.");
            }
            return new Outcome.Done(future.resultCompletion());
        }

        private Outcome raise(String message) {
            return new Outcome.Done(new Completion.Raised(
                    sim.python().newError(PythonBridge.ErrorKind.RUNTIME_ERROR, message)));
        }

        @Override
        public String label() {
            return "run_until_complete";
        }
    }

    /** {@code loop.run_forever()}: runs callbacks until {@code stop()} is called. */
    public Activity runForever() {
        return new RunForever();
    }

    /** {@code run_forever}: {@code _run_once} until stopped. */
    private final class RunForever implements Activity {
        private static final int ITERATE = 0;
        private static final int AFTER_SELECT = 1;
        private static final int CALLBACKS = 2;
        private static final int IN_CALLBACK = 3;

        private int phase = ITERATE;
        private int ntodo;
        private Callback current;

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            if (phase == ITERATE && !running) {
                running = true;
                // a loop made by new_event_loop() in one thread may be run by another
                thread = ctx.thread();
                thread.loop = EventLoop.this;
            }
            if (phase == IN_CALLBACK) {
                Outcome more = current.resume(ctx, resumed);
                if (more != null) {
                    return more;
                }
                phase = CALLBACKS;
                if (exitException != null) {
                    return unwind();
                }
            } else if (phase == AFTER_SELECT) {
                selecting = null;
            }
            while (true) {
                switch (phase) {
                    case ITERATE -> {
                        dropCancelledTimers();
                        long timeout;
                        if (!ready.isEmpty() || stopping) {
                            timeout = 0;
                        } else if (!scheduled.isEmpty()) {
                            timeout = Math.max(0, scheduled.peek().when - ctx.now());
                            // epoll_wait counts whole milliseconds: the selector rounds the timeout up, so the loop
                            // wakes at or after the deadline, together with timers due within that millisecond
                            timeout = (timeout + 999_999) / 1_000_000 * 1_000_000;
                        } else {
                            timeout = -1;
                        }
                        ctx.charge(sim.settings().loopIterationNs());
                        phase = AFTER_SELECT;
                        if (timeout != 0) {
                            selecting = new Selector(timeout < 0 ? -1 : ctx.now() + timeout);
                            return new Outcome.Wait(selecting);
                        }
                    }
                    case AFTER_SELECT -> {
                        selecting = null;
                        long now = ctx.now();
                        while (!scheduled.isEmpty()) {
                            Handle h = scheduled.peek();
                            if (h.when > now) {
                                break;
                            }
                            scheduled.poll();
                            h.onHeap = false;
                            if (h.cancelled) {
                                timerCancelledCount--;
                            }
                            ready.add(h.id, h.callback, h);
                            trace.handleDue(now, thread.id, h.id);
                        }
                        ntodo = ready.size();
                        iteration++;
                        trace.loopIteration(now, thread.id, iteration, ntodo);
                        phase = CALLBACKS;
                    }
                    case CALLBACKS -> {
                        if (ntodo == 0) {
                            phase = ITERATE;
                            if (stopping) {
                                stopping = false;
                                running = false;
                                return new Outcome.Done(new Completion.Returned(null));
                            }
                            if (ctx.budgetLeft() <= 0) {
                                return Outcome.PAUSE;
                            }
                            continue;
                        }
                        ntodo--;
                        ready.poll();
                        Callback cb = ready.polledCallback;
                        if (ready.polledHandle != null && ready.polledHandle.cancelled) {
                            continue;
                        }
                        trace.handleRun(ctx.now(), thread.id, ready.polledId);
                        ctx.charge(sim.settings().callbackNs());
                        Outcome o = cb.run(ctx);
                        if (o != null) {
                            current = cb;
                            phase = IN_CALLBACK;
                            return o;
                        }
                        if (exitException != null) {
                            return unwind();
                        }
                        if (ctx.budgetLeft() <= 0) {
                            return Outcome.PAUSE;
                        }
                    }
                    default -> throw new IllegalStateException("loop phase " + phase);
                }
            }
        }

        private Outcome unwind() {
            Object exc = exitException;
            exitException = null;
            // out of the task step, through Handle._run, _run_once and run_forever
            sim.python().addLibraryFrame(exc, LibraryFrame.HANDLE_RUN);
            sim.python().addLibraryFrame(exc, LibraryFrame.RUN_ONCE);
            sim.python().addLibraryFrame(exc, LibraryFrame.RUN_FOREVER);
            running = false;
            stopping = false;
            return new Outcome.Done(new Completion.Raised(exc));
        }

        @Override
        public String label() {
            return "event loop";
        }
    }

    /** CPython's lazy removal of cancelled timers before it looks at the heap's head. */
    private void dropCancelledTimers() {
        int n = scheduled.size();
        if (n > MIN_SCHEDULED_TIMER_HANDLES && timerCancelledCount * 2 > n) {
            List<Handle> keep = new ArrayList<>(n);
            for (Handle h : scheduled) {
                if (h.cancelled) {
                    h.onHeap = false;
                } else {
                    keep.add(h);
                }
            }
            scheduled.clear();
            scheduled.addAll(keep);
            timerCancelledCount = 0;
        } else {
            while (!scheduled.isEmpty() && scheduled.peek().cancelled) {
                Handle h = scheduled.poll();
                h.onHeap = false;
                timerCancelledCount--;
            }
        }
    }

    /** The loop's {@code select()}: done at the deadline (-1: none) or when another thread wakes it. */
    private final class Selector implements Waitable {
        private final long deadline;
        private boolean done;
        private Consumer<Completion> listener;

        Selector(long deadline) {
            this.deadline = deadline;
            if (deadline >= 0) {
                sim.at(deadline, this::wake);
            }
        }

        void wake() {
            if (!done) {
                done = true;
                if (listener != null) {
                    listener.accept(completion());
                }
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

        @Override
        public ThreadState blockedState() {
            return ThreadState.SELECT;
        }
    }

    // Executors ------------------------------------------------------------------------------------------

    /** The loop's default executor, created on first use: {@code ThreadPoolExecutor(thread_name_prefix='asyncio')}. */
    public ThreadPool defaultExecutor() {
        if (defaultExecutor == null) {
            defaultExecutor = new ThreadPool(thread.process, sim.settings().defaultThreadPoolWorkers(), "asyncio");
        }
        return defaultExecutor;
    }

    /** {@code loop.set_default_executor(pool)}: run_in_executor(None, ...) uses it from now on. */
    public void setDefaultExecutor(ThreadPool pool) {
        defaultExecutor = pool;
    }

    ThreadPool existingDefaultExecutor() {
        return defaultExecutor;
    }

    boolean executorShutdownCalled() {
        return executorShutdownCalled;
    }

    void markExecutorShutdownCalled() {
        executorShutdownCalled = true;
    }

    /** Makes this (not running) loop the one {@code thread} runs and that library calls find while it runs. */
    public void makeCurrentOn(SimThread t) {
        if (t == thread) {
            thread.loop = this;
        }
    }

    /**
     * {@code loop.close()} called by the program: later runs fail with "Event loop is closed". Closing drops the
     * loop's callbacks and timers, so tasks still waiting are freed at exit and reported as destroyed while
     * pending: first those only a reference cycle kept (the garbage collector closes their coroutines), then
     * those the program's variables kept.
     */
    public void closeOutsideRun(ExecContext ctx) {
        if (!closed) {
            close();
            List<Task> waiting = new ArrayList<>();
            for (Task t : allTasks()) {
                if (t.awaiting() != null) {
                    waiting.add(t);
                }
            }
            for (Task t : waiting) {
                if (t.isDropped()) {
                    sim.python().writeAtExit(() -> t.destroyedPendingReport(true), ctx);
                }
            }
            for (Task t : waiting) {
                if (!t.isDropped()) {
                    sim.python().writeAtExit(() -> t.destroyedPendingReport(false), ctx);
                }
            }
        }
    }

    void close() {
        closed = true;
        running = false;
        thread.process.loops.remove(this);
        if (thread.loop == this) {
            thread.loop = null;
        }
    }

    /** Tasks and futures that finished with an exception nobody retrieved, in the order they finished. */
    List<Future> unretrievedFailures() {
        List<Future> out = new ArrayList<>();
        for (Future t : failedFutures) {
            if (t.logTraceback) {
                out.add(t);
            }
        }
        return out;
    }

    int iteration() {
        return iteration;
    }
}
