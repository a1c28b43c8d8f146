package dev.loopscope.engine;

import dev.loopscope.engine.PythonBridge.ErrorKind;
import dev.loopscope.engine.trace.Entities.FutureKind;
import dev.loopscope.engine.trace.HandleKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code asyncio} functions whose scheduling the engine models, each following CPython 3.12 step for step:
 * {@code sleep}, {@code gather}, {@code wait_for}, {@code ensure_future} and {@code run}.
 */
public final class Asyncio {

    private Asyncio() {
    }

    static Object runtimeError(ExecContext ctx, String message) {
        return ctx.simulation().python().newError(ErrorKind.RUNTIME_ERROR, message);
    }

    /** {@code asyncio.get_running_loop()}, or null when no loop runs on this thread. */
    public static EventLoop runningLoop(ExecContext ctx) {
        EventLoop loop = ctx.loop();
        return loop != null && loop.isRunning() ? loop : null;
    }

    // sleep ------------------------------------------------------------------------------------------

    /**
     * {@code asyncio.sleep(delay, result)}: a delay at or below zero is a bare yield (one iteration);
     * otherwise a future completed by a timer, whose handle is cancelled however the await ends.
     */
    public static Coroutine sleep(long delayNs, Object result) {
        return new Sleep(delayNs, result);
    }

    private static final class Sleep extends LibraryCoroutine {
        private final long delayNs;
        private final Object result;
        private int state;
        private Future future;
        private Handle timer;

        Sleep(long delayNs, Object result) {
            super("sleep", "asyncio/tasks.py", 653);
            this.delayNs = delayNs;
            this.result = result;
        }

        @Override
        protected int currentLine() {
            // await __sleep0() for no delay, return await future otherwise
            return state == 1 ? 656 : state == 2 ? 665 : super.currentLine();
        }

        @Override
        protected Outcome onResume(ExecContext ctx, Completion input) {
            PythonBridge py = ctx.simulation().python();
            switch (state) {
                case 0 -> {
                    if (input instanceof Completion.Raised r) {
                        // thrown in before it started: CPython raises it at the coroutine's def line
                        state = 3;
                        py.addLibraryFrame(r.exception(), LibraryFrame.SLEEP_NOT_STARTED);
                        return done(r);
                    }
                    if (delayNs <= 0) {
                        state = 1;
                        return yielding(py.none());
                    }
                    EventLoop loop = runningLoop(ctx);
                    if (loop == null) {
                        state = 3;
                        return raised(runtimeError(ctx, "no running event loop"));
                    }
                    Task owner = loop.currentTask();
                    future = loop.createFuture().describe(FutureKind.SLEEP, "sleep " + seconds(delayNs),
                            owner == null ? -1 : owner.taskId(), null);
                    Future f = future;
                    timer = loop.callLater(delayNs, HandleKind.SLEEP_TIMER, f.traceId, c -> {
                        if (!f.isCancelled()) {
                            f.setResult(result);
                        }
                        return null;
                    });
                    state = 2;
                    return yielding(future);
                }
                case 1 -> {
                    state = 3;
                    if (input instanceof Completion.Raised r) {
                        py.addLibraryFrame(r.exception(), LibraryFrame.SLEEP0_YIELD);
                        py.addLibraryFrame(r.exception(), LibraryFrame.SLEEP_ZERO);
                        return done(r);
                    }
                    return returned(result);
                }
                case 2 -> {
                    state = 3;
                    timer.cancel();
                    Completion c;
                    if (input instanceof Completion.Raised r) {
                        c = r;
                    } else if (!future.isDone()) {
                        c = new Completion.Raised(runtimeError(ctx, "await wasn't used with future"));
                    } else {
                        c = future.resultCompletion();
                    }
                    if (c instanceof Completion.Raised r) {
                        py.addLibraryFrame(r.exception(), LibraryFrame.SLEEP_AWAIT);
                    }
                    return done(c);
                }
                default -> {
                    return raised(runtimeError(ctx, "cannot reuse already awaited coroutine"));
                }
            }
        }
    }

    static String seconds(long ns) {
        double s = ns / 1e9;
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    // ensure_future, gather ------------------------------------------------------------------------------

    /** {@code ensure_future(arg)}: a future as it is; a coroutine wrapped in a new task (a new {@code Task-N}). */
    public static Future ensureFuture(EventLoop loop, Object awaitable, int line) {
        if (awaitable instanceof Future f) {
            return f;
        }
        if (awaitable instanceof Coroutine c && c.isCoroutineObject()) {
            return loop.createTask(c, null, line);
        }
        PythonBridge py = loop.sim.python();
        throw new PyRaised(py.newError(ErrorKind.TYPE_ERROR,
                "An asyncio.Future, a coroutine or an awaitable is required"), "not awaitable");
    }

    /**
     * {@code asyncio.gather(*aws, return_exceptions=...)}: the outer future, with CPython's rules: results in
     * argument order; without {@code return_exceptions} the first exception (or a child's cancellation) is
     * set on the outer future at once while the other children run on; cancelling the outer future cancels
     * the children.
     */
    public static GatheringFuture gather(EventLoop loop, List<Object> awaitables, boolean returnExceptions, int line) {
        if (awaitables.isEmpty()) {
            GatheringFuture outer = new GatheringFuture(loop, List.of(), returnExceptions);
            outer.describeGather(line);
            outer.setResult(loop.sim.python().newList(List.of()));
            return outer;
        }
        Map<Object, Future> argToFuture = new IdentityHashMap<>();
        List<Future> children = new ArrayList<>();
        List<Future> unique = new ArrayList<>();
        for (Object arg : awaitables) {
            Future f = argToFuture.get(arg);
            if (f == null) {
                f = ensureFuture(loop, arg, line);
                argToFuture.put(arg, f);
                unique.add(f);
            }
            children.add(f);
        }
        GatheringFuture outer = new GatheringFuture(loop, children, returnExceptions);
        outer.uniqueCount = unique.size();
        outer.describeGather(line);
        List<Future> alreadyDone = new ArrayList<>();
        for (Future f : unique) {
            if (f.isDone()) {
                alreadyDone.add(f);
            } else {
                f.addDoneCallback(HandleKind.GATHER_CHILD_DONE, outer.traceId, outer.childDone);
            }
        }
        for (Future f : alreadyDone) {
            outer.childDone.accept(f);
        }
        return outer;
    }

    /** The future {@code gather} returns. */
    public static final class GatheringFuture extends Future {
        private final List<Future> children;
        private final boolean returnExceptions;
        private int uniqueCount;
        private int finishedCount;
        private boolean cancelRequested;
        final Consumer<Future> childDone = this::childDone;

        GatheringFuture(EventLoop loop, List<Future> children, boolean returnExceptions) {
            super(loop);
            this.children = children;
            this.returnExceptions = returnExceptions;
        }

        @Override
        String typeName() {
            return "_GatheringFuture";
        }

        void describeGather(int line) {
            int[] ids = new int[children.size()];
            for (int i = 0; i < ids.length; i++) {
                Future c = children.get(i);
                ids[i] = c instanceof Task t ? t.taskId() : -1 - c.traceId;
            }
            Task owner = loop.currentTask();
            describe(FutureKind.GATHER, "gather", owner == null ? -1 : owner.taskId(), ids);
        }

        public List<Future> children() {
            return children;
        }

        private void childDone(Future fut) {
            finishedCount++;
            if (isDone()) {
                if (!fut.isCancelled()) {
                    fut.exception(); // marks the exception retrieved
                }
                return;
            }
            if (!returnExceptions) {
                if (fut.isCancelled()) {
                    setException(fut.makeCancelledError());
                    return;
                }
                Object exc = fut.exception();
                if (exc != null) {
                    setException(exc);
                    return;
                }
            }
            if (finishedCount == uniqueCount) {
                List<Object> results = new ArrayList<>(children.size());
                Future last = null;
                for (Future child : children) {
                    last = child;
                    if (child.isCancelled()) {
                        // A fresh CancelledError carrying the message ('' without one), not the original.
                        results.add(loop.sim.python().newError(ErrorKind.CANCELLED_ERROR,
                                child.cancelMessage == null ? "" : child.cancelMessage));
                    } else {
                        Object exc = child.exception();
                        results.add(exc != null ? exc : child.peekResult());
                    }
                }
                if (cancelRequested) {
                    setException(last.makeCancelledError());
                } else {
                    setResult(loop.sim.python().newList(results));
                }
            }
        }

        /** Cancelling a gather cancels its children; it counts as cancelled if any child was. */
        @Override
        public boolean cancel(String message) {
            if (isDone()) {
                return false;
            }
            boolean any = false;
            for (Future child : children) {
                if (child.cancel(message)) {
                    any = true;
                }
            }
            if (any) {
                cancelRequested = true;
            }
            return any;
        }
    }

    // wait_for --------------------------------------------------------------------------------------------

    /**
     * {@code asyncio.wait_for(aw, timeout)} as in 3.12: the awaitable runs inside the calling task under a
     * timeout that cancels the task when it expires; the cancellation unwinds the awaited code (its
     * {@code except}/{@code finally} run) and turns into {@code TimeoutError} when it reaches wait_for. A
     * coroutine is not wrapped in a new task. {@code timeoutNs} null means no timeout.
     */
    public static Coroutine waitFor(Object awaitable, Long timeoutNs, int line) {
        return new WaitFor(awaitable, timeoutNs, line);
    }

    private static final class WaitFor extends LibraryCoroutine {
        private final Object awaitable;
        private final Long timeoutNs;
        private final int line;
        private int state;
        private Await inner;
        private Task task;
        private int cancellingAtEntry;
        private Handle timeoutHandle;
        private boolean expiring;
        // timeout <= 0 path
        private Future fut;
        private Future waiter;
        private final Object releaseKey = new Object();

        WaitFor(Object awaitable, Long timeoutNs, int line) {
            super("wait_for", "asyncio/tasks.py", 472);
            this.awaitable = awaitable;
            this.timeoutNs = timeoutNs;
            this.line = line;
        }

        @Override
        protected int currentLine() {
            // return await fut inside the timeout, or await _cancel_and_wait(fut) for a timeout at or below zero
            return state == 1 ? 520 : state == 2 ? 513 : super.currentLine();
        }

        @Override
        protected Outcome onResume(ExecContext ctx, Completion input) {
            switch (state) {
                case 0 -> {
                    if (input instanceof Completion.Raised r) {
                        state = 9;
                        return done(r);
                    }
                    EventLoop loop = runningLoop(ctx);
                    if (loop == null) {
                        state = 9;
                        return raised(runtimeError(ctx, "no running event loop"));
                    }
                    if (timeoutNs != null && timeoutNs <= 0) {
                        return startZeroTimeout(ctx, loop);
                    }
                    task = loop.currentTask();
                    if (task == null) {
                        state = 9;
                        return raised(runtimeError(ctx, "Timeout should be used inside a task"));
                    }
                    cancellingAtEntry = task.cancelling();
                    if (timeoutNs != null) {
                        long when = loop.time() + timeoutNs;
                        Callback onTimeout = c -> {
                            task.cancel(null);
                            expiring = true;
                            timeoutHandle = null;
                            ctx.simulation().trace().timeout(ctx.simulation().now(), task.taskId(), -1, true);
                            return null;
                        };
                        timeoutHandle = when <= loop.time()
                                ? loop.callSoon(HandleKind.TIMEOUT, task.taskId(), onTimeout)
                                : loop.callAt(when, HandleKind.TIMEOUT, task.taskId(), onTimeout);
                        ctx.simulation().trace().timeout(loop.time(), task.taskId(), when, false);
                    }
                    inner = new Await(awaitable);
                    state = 1;
                    return drive(ctx, inner.step(ctx, input));
                }
                case 1 -> {
                    return drive(ctx, inner.step(ctx, input));
                }
                case 2 -> {
                    // Waiting for the cancelled awaitable of a zero timeout to finish.
                    if (input instanceof Completion.Raised r) {
                        fut.removeDoneCallback(releaseKey);
                        state = 9;
                        return done(r);
                    }
                    fut.removeDoneCallback(releaseKey);
                    state = 9;
                    Completion c = fut.resultCompletion();
                    PythonBridge py = ctx.simulation().python();
                    if (c instanceof Completion.Raised(Object e)) {
                        py.addLibraryFrame(e, LibraryFrame.WAIT_FOR_RESULT);
                    }
                    if (c instanceof Completion.Raised(Object e) && py.isCancelledError(e)) {
                        Object te = py.withContext(py.withCause(py.newError(ErrorKind.TIMEOUT_ERROR, null), e), e);
                        py.addLibraryFrame(te, LibraryFrame.WAIT_FOR_ZERO_TIMEOUT);
                        return raised(te);
                    }
                    return done(c);
                }
                default -> {
                    return raised(runtimeError(ctx, "cannot reuse already awaited coroutine"));
                }
            }
        }

        private Outcome startZeroTimeout(ExecContext ctx, EventLoop loop) {
            fut = ensureFuture(loop, awaitable, line);
            if (fut.isDone()) {
                state = 9;
                Completion c = fut.resultCompletion();
                if (c instanceof Completion.Raised(Object e)) {
                    ctx.simulation().python().addLibraryFrame(e, LibraryFrame.WAIT_FOR_DONE_RESULT);
                }
                return done(c);
            }
            waiter = loop.createFuture();
            Future w = waiter;
            fut.addDoneCallback(HandleKind.INTERNAL, w.traceId, releaseKey, f -> c -> {
                if (!w.isDone()) {
                    w.setResult(loop.sim.python().none());
                }
                return null;
            });
            fut.cancel(null);
            state = 2;
            return yielding(waiter);
        }

        @Override
        protected Outcome onCallDone(ExecContext ctx, Completion completion) {
            return drive(ctx, inner.called(completion));
        }

        /** Passes the inner await's outcome up, or, when it has finished, leaves the timeout block. */
        private Outcome drive(ExecContext ctx, Outcome o) {
            if (o != null) {
                return o;
            }
            state = 9;
            Completion c = inner.result();
            PythonBridge py = ctx.simulation().python();
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
                timeoutHandle = null;
            }
            if (c instanceof Completion.Raised(Object e)) {
                py.addLibraryFrame(e, LibraryFrame.WAIT_FOR_AWAIT);
                if (expiring) {
                    expiring = false;
                    if (task.uncancel() <= cancellingAtEntry && py.isCancelledError(e)) {
                        Object te = py.withCause(py.newError(ErrorKind.TIMEOUT_ERROR, null), e);
                        te = py.withContext(te, e);
                        py.addLibraryFrame(te, LibraryFrame.TIMEOUT_EXIT);
                        py.addLibraryFrame(te, LibraryFrame.WAIT_FOR_ASYNC_WITH);
                        return raised(te);
                    }
                }
                return done(c);
            }
            if (expiring) {
                expiring = false;
                task.uncancel();
            }
            return done(c);
        }
    }

    // run_in_executor -----------------------------------------------------------------------------------

    /**
     * {@code loop.run_in_executor(executor, fn, *args)} as an activity of the loop's thread, finishing with the
     * asyncio future that the call's result reaches through {@code call_soon_threadsafe}. A null executor
     * is the loop's default thread pool.
     */
    public static Activity runInExecutor(EventLoop loop, Executor executor, WorkCall call) {
        return new Activity() {
            private boolean submitted;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!submitted) {
                    submitted = true;
                    Executor ex = executor;
                    if (ex == null) {
                        if (loop.executorShutdownCalled()) {
                            return new Outcome.Done(new Completion.Raised(
                                    runtimeError(ctx, "Executor shutdown has been called")));
                        }
                        ex = loop.defaultExecutor();
                    }
                    return new Outcome.Call(ex.submit(call));
                }
                if (resumed instanceof Completion.Returned(ConcurrentFuture cf)) {
                    return new Outcome.Done(new Completion.Returned(wrapFuture(loop, cf, call.label())));
                }
                return new Outcome.Done(resumed);
            }

            @Override
            public String label() {
                return "run_in_executor";
            }
        };
    }

    /** {@code asyncio.wrap_future}: an asyncio future that follows a concurrent one across threads. */
    public static Future wrapFuture(EventLoop loop, ConcurrentFuture source, String label) {
        Future dest = loop.createFuture();
        Task owner = loop.currentTask();
        dest.describe(FutureKind.EXECUTOR, label, owner == null ? -1 : owner.taskId(), new int[] {source.workId()});
        dest.addDoneCallback(HandleKind.EXECUTOR_CANCEL, dest.traceId, d -> {
            if (d.isCancelled()) {
                source.cancel();
            }
        });
        source.addDoneCallback(src -> {
            if (dest.isCancelled() && loop.isClosed()) {
                return;
            }
            if (loop.isClosed()) {
                return;
            }
            loop.scheduleThreadsafe(HandleKind.EXECUTOR_RESULT, dest.traceId, c -> {
                copyState(src, dest);
                return null;
            });
        });
        return dest;
    }

    private static void copyState(ConcurrentFuture source, Future dest) {
        if (dest.isCancelled()) {
            return;
        }
        if (source.isCancelled()) {
            dest.cancel(null);
            return;
        }
        switch (source.completion()) {
            case Completion.Raised(Object e) -> dest.setException(e);
            case Completion.Returned(Object v) -> dest.setResult(v);
            case Completion.Yielded y -> throw new IllegalStateException();
        }
    }

    // run --------------------------------------------------------------------------------------------

    /**
     * {@code asyncio.run(main)} as an activity of the calling thread: a new loop runs {@code main} as
     * {@code Task-1}; then the remaining tasks are cancelled and run to completion, the default executor is
     * shut down and waited for, the loop is closed and unretrieved task exceptions are reported.
     */
    public static Activity run(Coroutine main) {
        return new Runner(main);
    }

    private static final class Runner implements Activity {
        private final Coroutine main;
        private EventLoop loop;
        private int phase;
        private Completion mainResult;
        private Task mainTask;
        private List<Task> toCancel;

        Runner(Coroutine main) {
            this.main = main;
        }

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            PythonBridge py = ctx.simulation().python();
            switch (phase) {
                case 0 -> {
                    if (ctx.loop() != null && ctx.loop().isRunning()) {
                        Object e = runtimeError(ctx, "asyncio.run() cannot be called from a running event loop");
                        py.addLibraryFrame(e, LibraryFrame.RUN_IN_RUNNING_LOOP);
                        return new Outcome.Done(new Completion.Raised(e));
                    }
                    loop = new EventLoop(ctx.thread());
                    ctx.thread().loop = loop;
                    mainTask = loop.createTask(main, null, 0);
                    loop.setRunnerMainTask(mainTask);
                    phase = 1;
                    return new Outcome.Call(loop.runUntilComplete(mainTask));
                }
                case 1 -> {
                    mainResult = resumed;
                    if (mainResult instanceof Completion.Raised(Object e)) {
                        // run_until_complete retrieved main's exception with result(), or SystemExit and
                        // KeyboardInterrupt left the loop: the main task is never reported as not retrieved
                        mainTask.logTraceback = false;
                        // the exception leaves Runner.run now; the runner's close() runs while it propagates
                        py.addLibraryFrame(e, py.isExitException(e) ? LibraryFrame.RUN_UNTIL_COMPLETE_FOREVER
                                : LibraryFrame.RUN_UNTIL_COMPLETE);
                        py.addLibraryFrame(e, LibraryFrame.RUNNER_RUN);
                        py.addLibraryFrame(e, LibraryFrame.RUNNERS_RUN);
                        // the with statement's __exit__ closes the runner while handling it
                        loop.runWhileHandling(e);
                    }
                    if (mainResult instanceof Completion.Returned) {
                        // main's frame is cleared when it returns: failed tasks that only its variables kept are
                        // freed, and reported, now, in the order the frame lets go of them
                        // freed inside the task step that Handle._run called; so are coroutines that never ran
                        List<Future> unretrieved = loop.unretrievedFailures();
                        java.util.Set<Object> taskCoroutines = java.util.Collections.newSetFromMap(
                                new IdentityHashMap<>());
                        for (Task t : loop.allTasks()) {
                            taskCoroutines.add(t.coroutine());
                        }
                        py.forEachReleased(main, o -> {
                            if (o instanceof Future t && t.loop == loop && unretrieved.contains(t)) {
                                t.reportUnretrieved();
                            } else if (o instanceof Coroutine c && c.neverStarted() && !taskCoroutines.contains(c)) {
                                String w = py.freedUnawaitedWarning(c, LibraryFrame.HANDLE_RUN);
                                if (!w.isEmpty()) {
                                    ctx.stderr(w);
                                }
                            }
                        });
                    }
                    toCancel = loop.allTasks();
                    if (!toCancel.isEmpty()) {
                        for (Task t : toCancel) {
                            t.cancel(null);
                        }
                        phase = 2;
                        return new Outcome.Call(loop.runUntilComplete(
                                gather(loop, new ArrayList<>(toCancel), true, 0)));
                    }
                    return shutdownAsyncgens();
                }
                case 2 -> {
                    if (resumed instanceof Completion.Raised(Object e)) {
                        // SystemExit or KeyboardInterrupt from a task step while the leftover tasks were being
                        // cancelled: it leaves _cancel_all_tasks, Runner.close and the with statement of
                        // asyncio.run; close() still closes the loop, without the remaining shutdown steps
                        py.addLibraryFrame(e, LibraryFrame.RUN_UNTIL_COMPLETE_FOREVER);
                        py.addLibraryFrame(e, LibraryFrame.CANCEL_ALL_TASKS);
                        py.addLibraryFrame(e, LibraryFrame.RUNNER_CLOSE);
                        py.addLibraryFrame(e, LibraryFrame.RUNNER_EXIT);
                        py.addLibraryFrame(e, LibraryFrame.RUNNERS_RUN_WITH);
                        mainResult = resumed;
                        return close(ctx, py);
                    }
                    for (Task t : toCancel) {
                        if (t.isCancelled()) {
                            continue;
                        }
                        Object exc = t.peekException();
                        if (exc != null) {
                            t.logTraceback = false;
                            ctx.stderr("unhandled exception during asyncio.run() shutdown\ntask: " + t.repr() + "\n"
                                    + py.formatException(exc));
                        }
                    }
                    return shutdownAsyncgens();
                }
                case 3 -> {
                    // shutdown_default_executor: a task that waits for the pool's threads to finish.
                    loop.markExecutorShutdownCalled();
                    phase = 4;
                    Task t = loop.createTask(new ShutdownDefaultExecutor(loop), null, 0);
                    return new Outcome.Call(loop.runUntilComplete(t));
                }
                case 4 -> {
                    return close(ctx, py);
                }
                default -> throw new IllegalStateException("asyncio.run phase " + phase);
            }
        }

        /** Runner.close's last steps: the loop is closed, and reports of what it leaves behind are written. */
        private Outcome close(ExecContext ctx, PythonBridge py) {
            // the Runner sets the loop as the thread's current loop and unsets it when it closes
            ctx.thread().currentLoop = null;
            ctx.thread().currentLoopSetCalled = true;
            // tasks made during the teardown may still be pending: CPython's garbage collector frees them at
            // exit and reports them
            for (Task t : loop.allTasks()) {
                if (t.awaiting() != null) {
                    py.writeAtExit(() -> t.destroyedPendingReport(true), ctx);
                }
            }
            loop.close();
            if (mainResult instanceof Completion.Raised) {
                // main's frame lives on in the traceback of the exception it raised, which the main task
                // keeps, which the runner's frame in that same traceback keeps: a reference cycle. The
                // tasks main's variables refer to are freed, and reported, by the garbage collector at exit.
                for (Future t : loop.unretrievedFailures()) {
                    // formatted then: an exit exception's traceback grows until it reaches the top
                    t.logTraceback = false;
                    py.writeAtExit(() -> t.unretrievedReport(), ctx);
                }
            } else {
                for (Future t : loop.unretrievedFailures()) {
                    t.reportUnretrieved();
                }
            }
            phase = 5;
            return new Outcome.Done(mainResult);
        }

        /**
         * A task being cancelled at the end raised SystemExit or KeyboardInterrupt (a TaskGroup re-raising one):
         * it leaves {@code _cancel_all_tasks} and {@code Runner.close()}, which closes the loop without shutting
         * down async generators or the executor, and replaces whatever {@code main} ended with.
         */
        /**
         * {@code loop.shutdown_asyncgens()} runs as a task of its own (it uses up a {@code Task-N} name): it closes
         * every async generator the loop still knows, each {@code aclose()} in a task of a {@code gather}, and
         * reports the ones whose closing raised an exception.
         */
        private Outcome shutdownAsyncgens() {
            phase = 3;
            Task t = loop.createTask(new LibraryCoroutine("BaseEventLoop.shutdown_asyncgens") {
                private List<Object> closing;
                private GatheringFuture closed;
                private LibraryCoroutine.Await await;

                @Override
                protected Outcome onResume(ExecContext ctx, Completion input) {
                    PythonBridge py = ctx.simulation().python();
                    if (closed == null) {
                        if (input instanceof Completion.Raised r) {
                            return done(r);
                        }
                        closing = loop.takeAsyncgensForShutdown();
                        if (closing.isEmpty()) {
                            return returned(py.none());
                        }
                        List<Object> acloses = new ArrayList<>();
                        for (Object agen : closing) {
                            acloses.add(py.asyncgenAclose(agen));
                        }
                        closed = gather(loop, acloses, true, 0);
                        await = new LibraryCoroutine.Await(closed);
                    }
                    Outcome o = await.step(ctx, input);
                    if (o != null) {
                        return o;
                    }
                    if (await.result() instanceof Completion.Raised r) {
                        return done(r);
                    }
                    List<Future> children = closed.children();
                    for (int i = 0; i < children.size(); i++) {
                        Future f = children.get(i);
                        Object exc = f.isCancelled() ? null : f.peekException();
                        if (exc != null && py.isException(exc)) {
                            String agen = py.repr(closing.get(i));
                            ctx.stderr("an error occurred during closing of asynchronous generator " + agen
                                    + "\nasyncgen: " + agen + "\n" + py.formatException(exc));
                        }
                    }
                    return returned(py.none());
                }
            }, null, 0);
            return new Outcome.Call(loop.runUntilComplete(t));
        }

        @Override
        public String label() {
            return "asyncio.run";
        }
    }

    /** {@code shutdown_default_executor}: waits for the default pool's threads to finish their work. */
    private static final class ShutdownDefaultExecutor extends LibraryCoroutine {
        private final EventLoop loop;
        private Future future;
        private int state;

        ShutdownDefaultExecutor(EventLoop loop) {
            super("BaseEventLoop.shutdown_default_executor");
            this.loop = loop;
        }

        @Override
        protected Outcome onResume(ExecContext ctx, Completion input) {
            PythonBridge py = ctx.simulation().python();
            if (input instanceof Completion.Raised r) {
                return done(r);
            }
            if (state == 0) {
                ThreadPool pool = loop.existingDefaultExecutor();
                if (pool == null) {
                    return returned(py.none());
                }
                state = 1;
                future = loop.createFuture();
                Future f = future;
                // CPython joins the pool from a helper thread, which reports back with call_soon_threadsafe.
                ctx.simulation().startThread(ctx.process(),
                        "Thread-" + ctx.process().nextThreadNumber() + " (_do_shutdown)",
                        dev.loopscope.engine.trace.ThreadRole.HELPER, false, new Activity() {
                            private boolean waited;

                            @Override
                            public Outcome run(ExecContext c, Completion resumed) {
                                if (!waited) {
                                    waited = true;
                                    return new Outcome.Call(pool.shutdown(true, false));
                                }
                                if (!loop.isClosed()) {
                                    loop.scheduleThreadsafe(HandleKind.INTERNAL, f.traceId, cb -> {
                                        if (!f.isCancelled() && !f.isDone()) {
                                            f.setResult(ctx.simulation().python().none());
                                        }
                                        return null;
                                    });
                                }
                                return new Outcome.Done(new Completion.Returned(null));
                            }

                            @Override
                            public String label() {
                                return "_do_shutdown";
                            }
                        });
                return yielding(future);
            }
            return returned(py.none());
        }
    }
}
