package dev.loopscope.engine;

import dev.loopscope.engine.PythonBridge.ErrorKind;
import dev.loopscope.engine.trace.Entities.FutureKind;
import dev.loopscope.engine.trace.HandleKind;
import dev.loopscope.engine.trace.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An {@code asyncio.Future}, with the semantics of CPython 3.12's C implementation: done callbacks are
 * scheduled with {@code call_soon} when it completes, so whoever waits on it resumes one loop iteration later.
 */
public class Future implements Waitable {

    public enum State { PENDING, CANCELLED, FINISHED }

    /**
     * A done callback and how the trace names it. {@code key} identifies it for removal; {@code factory} makes
     * the loop callback that runs it (a task's wake-up runs the task's next step inside that callback).
     */
    record DoneCallback(HandleKind kind, int target, Object key, Function<Future, Callback> factory) {}

    final EventLoop loop;
    final int traceId;
    State state = State.PENDING;
    private Object result;
    private Object exception;
    /** The exception's traceback when it was set: the first {@code result()} raises it with that one. */
    private Object exceptionTraceback;
    /**
     * Done callbacks: null while there are none, the one {@link DoneCallback} itself (most futures have at most
     * one, and a list for each of 200,000 tasks costs 8 MB), or an {@code ArrayList} of them in order.
     */
    private Object callbacks;
    String cancelMessage;
    /** The CancelledError that cancelled a task, kept so that {@code result()} re-raises that very object. */
    Object cancelledException;
    /** True while an exception was set and nobody has looked at it ("exception was never retrieved"). */
    boolean logTraceback;
    /** Listeners outside the loop's callback machinery (threads blocked on this future). */
    private List<Consumer<Completion>> waiters;

    Future(EventLoop loop) {
        this.loop = loop;
        this.traceId = loop.sim.trace().newFutureId();
    }

    /** Registers this future with the trace so the timeline can draw it. */
    Future describe(FutureKind kind, String label, int owner, int[] children) {
        loop.sim.trace().describeFuture(loop.sim.now(), traceId, kind, label, owner, children);
        return this;
    }

    public EventLoop loop() {
        return loop;
    }

    public int traceId() {
        return traceId;
    }

    public State state() {
        return state;
    }

    @Override
    public boolean isDone() {
        return state != State.PENDING;
    }

    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    PythonBridge py() {
        return loop.sim.python();
    }

    // Completing -------------------------------------------------------------------------------------

    public void setResult(Object value) {
        if (state != State.PENDING) {
            throw invalidState("invalid state");
        }
        result = value;
        state = State.FINISHED;
        finished(TaskOutcome.RESULT);
    }

    public void setException(Object exc) {
        if (state != State.PENDING) {
            throw invalidState("invalid state");
        }
        exception = exc;
        exceptionTraceback = py().traceback(exc);
        state = State.FINISHED;
        logTraceback = true;
        finished(TaskOutcome.EXCEPTION);
        if (!(this instanceof Task)) {
            loop.futureFailed(this);
        }
    }

    /** {@code future.cancel(msg)}: false when already done. */
    public boolean cancel(String message) {
        logTraceback = false;
        if (state != State.PENDING) {
            return false;
        }
        state = State.CANCELLED;
        cancelMessage = message;
        finished(TaskOutcome.CANCELLED);
        return true;
    }

    private void finished(TaskOutcome outcome) {
        traceFinished(outcome);
        scheduleCallbacks();
        if (waiters != null) {
            List<Consumer<Completion>> w = waiters;
            waiters = null;
            Completion c = completion();
            for (Consumer<Completion> listener : w) {
                listener.accept(c);
            }
        }
    }

    void traceFinished(TaskOutcome outcome) {
        if (loop.sim.trace() != null && isDescribed()) {
            loop.sim.trace().futureFinished(loop.sim.now(), traceId, outcome, summary());
        }
    }

    private boolean isDescribed() {
        return true;
    }

    String summary() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            case FINISHED -> exception != null ? py().repr(exception) : py().repr(result == null ? py().none() : result);
        };
    }

    private void scheduleCallbacks() {
        if (callbacks == null) {
            return;
        }
        List<DoneCallback> now = callbackList();
        callbacks = null;
        for (DoneCallback cb : now) {
            loop.schedule(cb.kind(), cb.target(), cb.factory().apply(this));
        }
    }

    /** {@code add_done_callback} of engine bookkeeping done at once; scheduled at once if already done. */
    public void addDoneCallback(HandleKind kind, int target, Consumer<Future> action) {
        addDoneCallback(kind, target, action, f -> ctx -> {
            action.accept(f);
            return null;
        });
    }

    /** {@code add_done_callback} with a callback that may run code (a task step, a Python callable). */
    public void addDoneCallback(HandleKind kind, int target, Object key, Function<Future, Callback> factory) {
        DoneCallback cb = new DoneCallback(kind, target, key, factory);
        if (state != State.PENDING) {
            loop.schedule(kind, target, factory.apply(this));
        } else {
            if (callbacks == null) {
                callbacks = cb;
            } else if (callbacks instanceof DoneCallback first) {
                List<DoneCallback> list = new ArrayList<>(2);
                list.add(first);
                list.add(cb);
                callbacks = list;
            } else {
                callbackList().add(cb);
            }
        }
    }

    /** {@code remove_done_callback}: removes every registration under {@code key}; returns how many. */
    public int removeDoneCallback(Object key) {
        if (callbacks == null) {
            return 0;
        }
        List<DoneCallback> kept = new ArrayList<>(callbackList());
        int before = kept.size();
        kept.removeIf(cb -> cb.key() == key);
        int removed = before - kept.size();
        callbacks = kept.isEmpty() ? null : kept.size() == 1 ? kept.getFirst() : kept;
        return removed;
    }

    /** The done callbacks in the order they were added (empty when there are none). */
    @SuppressWarnings("unchecked")
    private List<DoneCallback> callbackList() {
        return callbacks == null ? List.of() : callbacks instanceof DoneCallback one ? List.of(one)
                : (List<DoneCallback>) callbacks;
    }

    boolean hasCallbacks() {
        return callbacks != null;
    }

    // Reading ---------------------------------------------------------------------------------------

    /** {@code future.result()}: the value, or a {@link PyRaised} of the exception or the CancelledError. */
    public Object result() {
        if (state == State.CANCELLED) {
            throw new PyRaised(makeCancelledError(), "cancelled");
        }
        if (state != State.FINISHED) {
            throw invalidState("Result is not set.");
        }
        logTraceback = false;
        if (exception != null) {
            // the C future hands its saved traceback over once: later retrievals raise without one
            py().restoreTraceback(exception, exceptionTraceback);
            exceptionTraceback = null;
            throw new PyRaised(exception, "future raised");
        }
        return result;
    }

    /** {@code future.exception()}: the exception or None (null here); raises for cancelled or pending futures. */
    public Object exception() {
        if (state == State.CANCELLED) {
            throw new PyRaised(makeCancelledError(), "cancelled");
        }
        if (state != State.FINISHED) {
            throw invalidState("Exception is not set.");
        }
        logTraceback = false;
        return exception;
    }

    /** The stored exception without marking it retrieved (for reports). */
    public Object peekException() {
        return exception;
    }

    public Object peekResult() {
        return result;
    }

    /**
     * The CancelledError to raise for a cancelled future: the very exception that cancelled it when there is
     * one (consumed, as CPython does), else a new one carrying the cancel message.
     */
    Object makeCancelledError() {
        if (cancelledException != null) {
            Object exc = cancelledException;
            cancelledException = null;
            return exc;
        }
        return py().newError(ErrorKind.CANCELLED_ERROR, cancelMessage);
    }

    /** How {@code result()} would end, as a completion, without raising. */
    Completion resultCompletion() {
        try {
            return new Completion.Returned(result());
        } catch (PyRaised raised) {
            return new Completion.Raised(raised.exception());
        }
    }

    PyRaised invalidState(String message) {
        return new PyRaised(py().newError(ErrorKind.INVALID_STATE_ERROR, message), message);
    }

    // Waitable (a thread blocking on the future, e.g. run_until_complete's caller) -------------------

    @Override
    public Completion completion() {
        return resultCompletion();
    }

    @Override
    public void onDone(Consumer<Completion> whenDone) {
        if (isDone()) {
            whenDone.accept(completion());
            return;
        }
        if (waiters == null) {
            waiters = new ArrayList<>(1);
        }
        waiters.add(whenDone);
    }

    @Override
    public int traceDetail() {
        return traceId;
    }

    // Repr --------------------------------------------------------------------------------------------

    /** The words inside {@code <Future ...>}: state, result or exception, callbacks. */
    List<String> reprInfo() {
        List<String> info = new ArrayList<>();
        info.add(state.name().toLowerCase());
        if (state == State.FINISHED) {
            if (exception != null) {
                info.add("exception=" + py().repr(exception));
            } else {
                info.add("result=" + py().shortRepr(result));
            }
        }
        if (callbacks != null) {
            info.add(Reprs.callbacks(callbackList(), py()));
        }
        return info;
    }

    /** The name of the Python class, as reprs and reports print it. */
    String typeName() {
        return "Future";
    }

    /** {@code repr(future)}. */
    public String repr() {
        return "<" + typeName() + " " + String.join(" ", reprInfo()) + ">";
    }

    /** CPython's report for a future freed with an exception nobody looked at. */
    void reportUnretrieved() {
        if (!logTraceback) {
            return;
        }
        logTraceback = false;
        loop.sim.write(true, unretrievedReport());
    }

    /** The text of {@link #reportUnretrieved}. */
    String unretrievedReport() {
        return typeName() + " exception was never retrieved\nfuture: " + repr() + "\n"
                + py().formatException(peekException());
    }

    @Override
    public String toString() {
        return repr();
    }
}
