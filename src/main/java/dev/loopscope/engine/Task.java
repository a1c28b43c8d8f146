package dev.loopscope.engine;

import dev.loopscope.engine.PythonBridge.ErrorKind;
import dev.loopscope.engine.trace.HandleKind;
import dev.loopscope.engine.trace.TaskOutcome;
import java.util.List;

/**
 * An {@code asyncio.Task}: drives a coroutine one step per callback, with CPython 3.12's rules for what a
 * step does with what the coroutine yields, for waking up, and for cancellation.
 */
public final class Task extends Future implements Callback {

    private final Coroutine coro;
    /** A name given by the program, or null for the automatic {@code Task-<nameNumber>}. */
    private String name;
    private final long nameNumber;
    /** Neighbours in the loop's list of live tasks (an intrusive list: no entry object per task). */
    private Task livePrev;
    private Task liveNext;
    private boolean live;
    /** The program dropped its last reference to this task (CPython then frees it as soon as it is done). */
    private boolean dropped;
    final int taskId;
    private final Task creator;
    private boolean mustCancel;
    private Future futWaiter;
    private int cancelsRequested;

    Task(EventLoop loop, Coroutine coro, String name, long nameNumber, Task creator, int line) {
        super(loop);
        this.coro = coro;
        this.name = name;
        this.nameNumber = nameNumber;
        this.creator = creator;
        this.taskId = loop.sim.trace().task(loop.sim.now(), name, nameNumber, coro.qualName(),
                creator == null ? -1 : creator.taskId, loop.thread.id, line);
        loop.schedule(HandleKind.TASK_STEP, taskId, stepCallback(null));
    }

    public String name() {
        return name != null ? name : "Task-" + nameNumber;
    }

    public void setName(String name) {
        this.name = name;
        loop.sim.trace().renameTask(taskId, name);
    }

    public Coroutine coroutine() {
        return coro;
    }

    /** The id of this task in the trace's task table. */
    public int taskId() {
        return taskId;
    }

    public Task creator() {
        return creator;
    }

    /** {@code task.cancelling()}: pending cancellation requests. */
    public int cancelling() {
        return cancelsRequested;
    }

    /** {@code task.uncancel()}. */
    public int uncancel() {
        if (cancelsRequested > 0) {
            cancelsRequested--;
        }
        return cancelsRequested;
    }

    /** The future this task's coroutine awaits, or null. */
    public Future awaiting() {
        return futWaiter;
    }

    /**
     * {@code task.cancel(msg)}: cancels what the task awaits, or arranges for CancelledError to be thrown in at
     * its next step. False when the task is already done.
     */
    @Override
    public boolean cancel(String message) {
        logTraceback = false;
        if (isDone()) {
            return false;
        }
        cancelsRequested++;
        Task by = loop.currentTask();
        loop.sim.trace().cancelRequested(loop.sim.now(), taskId, by == null ? -1 : by.taskId, message);
        if (futWaiter != null && futWaiter.cancel(message)) {
            // The task is woken by its waiter's cancellation; keep futWaiter, it may need cancelling again.
            return true;
        }
        mustCancel = true;
        cancelMessage = message;
        return true;
    }

    /** The plain step (sending None): the task is its own callback, so scheduling a step allocates no closure. */
    @Override
    public Outcome run(ExecContext ctx) {
        return stepStart(null);
    }

    @Override
    public Outcome resume(ExecContext ctx, Completion completion) {
        stepEnd(completion);
        return null;
    }

    /** The callback that runs one step, sending None or throwing {@code exc} into the coroutine. */
    private Callback stepCallback(Object exc) {
        if (exc == null) {
            return this;
        }
        return new Callback() {
            @Override
            public Outcome run(ExecContext ctx) {
                return stepStart(exc);
            }

            @Override
            public Outcome resume(ExecContext ctx, Completion completion) {
                stepEnd(completion);
                return null;
            }
        };
    }

    private Outcome stepStart(Object excIn) {
        Object exc = excIn;
        if (isDone()) {
            throw new IllegalStateException("_step(): already done: " + repr());
        }
        PythonBridge py = py();
        if (mustCancel) {
            if (exc == null || !py.isCancelledError(exc)) {
                exc = makeCancelledError();
            }
            mustCancel = false;
        }
        futWaiter = null;
        loop.enterTask(this);
        loop.sim.trace().taskStep(loop.sim.now(), taskId, exc == null ? null : py.repr(exc));
        Completion input = exc == null ? new Completion.Returned(py.none()) : new Completion.Raised(exc);
        return new Outcome.Call(coro.resume(input));
    }

    private void stepEnd(Completion c) {
        loop.leaveTask(this);
        PythonBridge py = py();
        switch (c) {
            case Completion.Returned(Object value) -> {
                if (mustCancel) {
                    // Cancelled right before the coroutine returned.
                    mustCancel = false;
                    super.cancel(cancelMessage);
                } else {
                    super.setResult(value);
                }
            }
            case Completion.Raised(Object exc) -> {
                if (py.isCancelledError(exc)) {
                    cancelledException = exc;
                    super.cancel(null);
                } else {
                    // A done callback (a gather, a waiting task) still refers to the task.
                    boolean watched = hasCallbacks();
                    super.setException(exc);
                    if (py.isExitException(exc)) {
                        loop.exitRequested(exc);
                    }
                    if (dropped && !watched && !py.isExitException(exc)) {
                        // Nothing refers to the task any more: CPython frees it now and reports right away.
                        reportUnretrieved();
                    }
                }
            }
            case Completion.Yielded(Object result) -> yielded(result);
        }
    }

    private void yielded(Object result) {
        PythonBridge py = py();
        if (result instanceof Future f) {
            if (f.loop != loop) {
                rescheduleWith(py.newError(ErrorKind.RUNTIME_ERROR,
                        "Task " + repr() + " got Future " + f.repr() + " attached to a different loop"));
            } else if (f == this) {
                rescheduleWith(py.newError(ErrorKind.RUNTIME_ERROR, "Task cannot await on itself: " + repr()));
            } else {
                f.addDoneCallback(HandleKind.TASK_WAKEUP, taskId, this, this::wakeup);
                futWaiter = f;
                loop.sim.trace().taskSuspended(loop.sim.now(), taskId, f.traceId);
                if (mustCancel && futWaiter.cancel(cancelMessage)) {
                    mustCancel = false;
                }
            }
        } else if (result == null || result == py.none()) {
            // A bare yield gives up control for one iteration.
            loop.sim.trace().taskSuspended(loop.sim.now(), taskId, -1);
            loop.schedule(HandleKind.TASK_STEP, taskId, stepCallback(null));
        } else {
            rescheduleWith(py.newError(ErrorKind.RUNTIME_ERROR, "Task got bad yield: " + py.repr(result)));
        }
    }

    private void rescheduleWith(Object exc) {
        loop.schedule(HandleKind.TASK_STEP, taskId, stepCallback(exc));
    }

    /**
     * {@code __wakeup}: the awaited future is done; the step runs inside this same callback (CPython's wakeup
     * calls {@code __step} directly), sent the future's result or thrown its exception.
     */
    private Callback wakeup(Future f) {
        return new Callback() {
            @Override
            public Outcome run(ExecContext ctx) {
                Completion c = f.resultCompletion();
                return stepStart(c instanceof Completion.Raised(Object e) ? e : null);
            }

            @Override
            public Outcome resume(ExecContext ctx, Completion completion) {
                stepEnd(completion);
                return null;
            }
        };
    }

    @Override
    void traceFinished(TaskOutcome outcome) {
        loop.sim.trace().taskFinished(loop.sim.now(), taskId, outcome, summary());
        loop.taskDone(this);
    }

    /**
     * The program let go of the task without keeping a reference ({@code asyncio.create_task(job())} as a
     * statement). Reference counting would free it the moment it is done, and a failure nobody retrieved is
     * reported then, not when the loop closes.
     */
    public void dropped() {
        dropped = true;
        if (isDone() && logTraceback) {
            reportUnretrieved();
        }
    }

    /** CPython's report for a task freed with an exception nobody looked at. */
    void reportUnretrieved() {
        if (!logTraceback) {
            return;
        }
        logTraceback = false;
        loop.sim.write(true, unretrievedReport());
    }

    /** The text of {@link #reportUnretrieved}. */
    String unretrievedReport() {
        return "Task exception was never retrieved\nfuture: " + repr() + "\n" + py().formatException(peekException());
    }

    /** The loop's tasks that are not done, in creation order, linked through the tasks themselves. */
    static final class LiveList {
        private Task head;
        private Task tail;

        void add(Task t) {
            t.live = true;
            t.livePrev = tail;
            if (tail == null) {
                head = t;
            } else {
                tail.liveNext = t;
            }
            tail = t;
        }

        boolean remove(Task t) {
            if (!t.live) {
                return false;
            }
            t.live = false;
            if (t.livePrev == null) {
                head = t.liveNext;
            } else {
                t.livePrev.liveNext = t.liveNext;
            }
            if (t.liveNext == null) {
                tail = t.livePrev;
            } else {
                t.liveNext.livePrev = t.livePrev;
            }
            t.livePrev = null;
            t.liveNext = null;
            return true;
        }

        java.util.List<Task> toList() {
            java.util.List<Task> out = new java.util.ArrayList<>();
            for (Task t = head; t != null; t = t.liveNext) {
                out.add(t);
            }
            return out;
        }
    }

    /** {@code repr(task)}. */
    @Override
    public String repr() {
        return repr(false);
    }

    /**
     * CPython's report for a task freed while still pending: at exit, the garbage collector finds it in a
     * reference cycle with the future it waits for and closes its coroutine first.
     */
    String destroyedPendingReport() {
        return "Task was destroyed but it is pending!\ntask: " + repr(true) + "\n";
    }

    private String repr(boolean coroClosed) {
        List<String> info = reprInfo();
        if (cancelsRequested > 0 && !isDone()) {
            info.set(0, "cancelling");
        }
        info.add(1, "name=" + py().repr(name()));
        if (futWaiter != null) {
            info.add(2, "wait_for=" + futWaiter.repr());
        }
        info.add(2, "coro=<" + (coroClosed ? coro.describeClosed() : coro instanceof LibraryCoroutine lc
                ? lc.describeIn(py().libraryRoot()) : coro.describe()) + ">");
        return "<Task " + String.join(" ", info) + ">";
    }
}
