package dev.loopscope.engine;

import dev.loopscope.engine.PythonBridge.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code concurrent.futures.Future}: completed by a worker thread; its done callbacks run at once in the
 * thread that completes it; threads block on it with {@code result()}.
 */
public final class ConcurrentFuture implements Waitable {

    public enum State { PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED }

    private final Simulation sim;
    final int workId;
    private State state = State.PENDING;
    private Object result;
    private Object exception;
    private List<Consumer<ConcurrentFuture>> callbacks = new ArrayList<>(1);
    private List<Consumer<Completion>> waiters = new ArrayList<>(1);
    /** Python callables registered with {@code add_done_callback}, run by the thread that completes it. */
    private List<WorkCall> doneCalls = new ArrayList<>(0);
    /** When it finished relative to other futures of the run, for {@code as_completed}. */
    private long doneOrder = Long.MAX_VALUE;

    ConcurrentFuture(Simulation sim, int workId) {
        this.sim = sim;
        this.workId = workId;
    }

    /** A future that no executor completes ({@code Future()} made by the program itself). */
    public ConcurrentFuture(Simulation sim) {
        this(sim, -1);
    }

    /** {@code set_result} / {@code set_exception}: false when the future is already finished or cancelled. */
    public boolean set(Completion c) {
        if (isDone()) {
            return false;
        }
        complete(c);
        return true;
    }

    /** {@code set_running_or_notify_cancel()}: false when it was cancelled (and is now notified). */
    public boolean startRunning() {
        return setRunningOrNotifyCancel();
    }

    public State state() {
        return state;
    }

    /** The id of the submitted call in the trace's work table. */
    public int workId() {
        return workId;
    }

    @Override
    public boolean isDone() {
        return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED || state == State.FINISHED;
    }

    public boolean isCancelled() {
        return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** {@code cancel()}: only a call that has not started can be cancelled. */
    public boolean cancel() {
        if (state == State.RUNNING || state == State.FINISHED) {
            return false;
        }
        if (isCancelled()) {
            return true;
        }
        state = State.CANCELLED;
        notifyDone();
        return true;
    }

    /** Called by a worker before running the call: false when it was cancelled meanwhile. */
    boolean setRunningOrNotifyCancel() {
        if (state == State.CANCELLED) {
            state = State.CANCELLED_AND_NOTIFIED;
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    void complete(Completion c) {
        switch (c) {
            case Completion.Returned(Object v) -> result = v;
            case Completion.Raised(Object e) -> exception = e;
            case Completion.Yielded y -> throw new IllegalArgumentException("a call cannot yield");
        }
        state = State.FINISHED;
        notifyDone();
    }

    /** A number that orders finished futures by when they finished; {@code Long.MAX_VALUE} while pending. */
    public long doneOrder() {
        return doneOrder;
    }

    private void notifyDone() {
        doneOrder = sim.nextOrder();
        List<Consumer<Completion>> w = waiters;
        waiters = new ArrayList<>(0);
        Completion c = completion();
        for (Consumer<Completion> listener : w) {
            listener.accept(c);
        }
        List<Consumer<ConcurrentFuture>> cbs = callbacks;
        callbacks = new ArrayList<>(0);
        for (Consumer<ConcurrentFuture> cb : cbs) {
            cb.accept(this);
        }
    }

    /** {@code add_done_callback(fn)} of a pending future: {@code fn(future)} runs when it completes. */
    public void addDoneCall(WorkCall call) {
        doneCalls.add(call);
    }

    public boolean hasDoneCalls() {
        return !doneCalls.isEmpty();
    }

    /**
     * Runs the callbacks registered with {@code add_done_callback} on the calling thread, in the order they were
     * added, as {@code _invoke_callbacks} does when the future completes.
     */
    public Activity runDoneCalls(SimProcess process) {
        return runDoneCalls(process, LibraryFrame.CONCURRENT_INVOKE_CALLBACKS);
    }

    /**
     * Runs the callbacks registered with {@code add_done_callback} on the calling thread, in the order they were
     * added, called from library frame {@code from}: one that raises an {@code Exception} is reported on stderr,
     * as CPython's logging reports it, and the others still run; any other {@code BaseException} propagates.
     */
    public Activity runDoneCalls(SimProcess process, LibraryFrame from) {
        List<WorkCall> calls = doneCalls;
        doneCalls = new ArrayList<>(0);
        return new Activity() {
            private int next;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (resumed instanceof Completion.Raised(Object e)) {
                    sim.python().addLibraryFrame(e, from);
                    if (!sim.python().isException(e)) {
                        return new Outcome.Done(resumed);
                    }
                    ctx.stderr("exception calling callback for " + sim.python().repr(ConcurrentFuture.this) + "\n"
                            + sim.python().formatException(e));
                }
                if (next < calls.size()) {
                    return new Outcome.Call(calls.get(next++).start(process));
                }
                return new Outcome.Done(new Completion.Returned(sim.python().none()));
            }

            @Override
            public String label() {
                return "done callbacks";
            }
        };
    }

    /** {@code add_done_callback}: runs at once when already done. */
    public void addDoneCallback(Consumer<ConcurrentFuture> cb) {
        if (isDone()) {
            cb.accept(this);
        } else {
            callbacks.add(cb);
        }
    }

    /** The outcome as {@code result()} would give it: the value, the exception, or CancelledError. */
    @Override
    public Completion completion() {
        if (isCancelled()) {
            return new Completion.Raised(sim.python().newError(ErrorKind.CONCURRENT_CANCELLED_ERROR, null));
        }
        if (state != State.FINISHED) {
            throw new IllegalStateException("not done");
        }
        return exception != null ? new Completion.Raised(exception) : new Completion.Returned(result);
    }

    public Object exceptionOrNull() {
        return exception;
    }

    @Override
    public void onDone(Consumer<Completion> whenDone) {
        if (isDone()) {
            whenDone.accept(completion());
        } else {
            waiters.add(whenDone);
        }
    }

    /**
     * {@code future.result(timeout)} from a thread: an activity that blocks until done, or until
     * {@code timeoutNs} of virtual time has passed (negative: no limit), and then returns the result or raises
     * what CPython's {@code Future.result} raises (the call's exception, {@code CancelledError},
     * {@code TimeoutError}).
     */
    public Activity resultActivity(long timeoutNs) {
        return new Activity() {
            private boolean waited;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!waited && !isDone()) {
                    waited = true;
                    Waitable w = doneOrTimeout(ctx, timeoutNs);
                    if (w != null) {
                        return new Outcome.Wait(w);
                    }
                }
                PythonBridge py = ctx.simulation().python();
                if (isCancelled()) {
                    Object e = py.newError(ErrorKind.CONCURRENT_CANCELLED_ERROR, null);
                    py.addLibraryFrame(e, waited ? LibraryFrame.CONCURRENT_RESULT_CANCELLED_WAITED
                            : LibraryFrame.CONCURRENT_RESULT_CANCELLED);
                    return new Outcome.Done(new Completion.Raised(e));
                }
                if (!isDone()) {
                    Object e = py.newError(ErrorKind.TIMEOUT_ERROR, null);
                    py.addLibraryFrame(e, LibraryFrame.CONCURRENT_RESULT_TIMEOUT);
                    return new Outcome.Done(new Completion.Raised(e));
                }
                Completion c = completion();
                if (c instanceof Completion.Raised(Object e)) {
                    py.addLibraryFrame(e, LibraryFrame.CONCURRENT_GET_RESULT);
                    py.addLibraryFrame(e, waited ? LibraryFrame.CONCURRENT_RESULT_WAITED
                            : LibraryFrame.CONCURRENT_RESULT);
                }
                return new Outcome.Done(c);
            }

            @Override
            public String label() {
                return "Future.result";
            }
        };
    }

    /** {@code future.result()} without a time limit. */
    public Activity resultActivity() {
        return resultActivity(-1);
    }

    /**
     * {@code future.exception(timeout)} from a thread: {@code Returned(exception)} ({@code Returned(null)} for a
     * call that returned), or {@code CancelledError} / {@code TimeoutError} raised as CPython raises them.
     */
    public Activity exceptionActivity(long timeoutNs) {
        return new Activity() {
            private boolean waited;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!waited && !isDone()) {
                    waited = true;
                    Waitable w = doneOrTimeout(ctx, timeoutNs);
                    if (w != null) {
                        return new Outcome.Wait(w);
                    }
                }
                PythonBridge py = ctx.simulation().python();
                if (isCancelled()) {
                    Object e = py.newError(ErrorKind.CONCURRENT_CANCELLED_ERROR, null);
                    py.addLibraryFrame(e, waited ? LibraryFrame.CONCURRENT_EXCEPTION_CANCELLED_WAITED
                            : LibraryFrame.CONCURRENT_EXCEPTION_CANCELLED);
                    return new Outcome.Done(new Completion.Raised(e));
                }
                if (!isDone()) {
                    Object e = py.newError(ErrorKind.TIMEOUT_ERROR, null);
                    py.addLibraryFrame(e, LibraryFrame.CONCURRENT_EXCEPTION_TIMEOUT);
                    return new Outcome.Done(new Completion.Raised(e));
                }
                return new Outcome.Done(new Completion.Returned(exception));
            }

            @Override
            public String label() {
                return "Future.exception";
            }
        };
    }

    /**
     * What a thread blocks on until this future is done or {@code timeoutNs} has passed (negative: no limit);
     * null when there is nothing to wait for (a timeout of zero, as {@code Condition.wait(0)} returns at once).
     */
    private Waitable doneOrTimeout(ExecContext ctx, long timeoutNs) {
        if (timeoutNs < 0) {
            return this;
        }
        if (timeoutNs == 0) {
            return null;
        }
        WaitList list = new WaitList();
        Waitable w = list.waiter(sim, ctx.now() + timeoutNs);
        waiters.add(c -> list.wakeAll());
        return w;
    }

    /** {@code repr()}: {@code <Future at 0x... state=finished returned int>} without the address. */
    public String repr() {
        String s = switch (state) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case CANCELLED, CANCELLED_AND_NOTIFIED -> "cancelled";
            case FINISHED -> "finished";
        };
        return "<Future state=" + s + ">";
    }
}
