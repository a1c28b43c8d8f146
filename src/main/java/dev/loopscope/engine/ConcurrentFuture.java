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
    /** When it finished relative to other futures of the run, for {@code as_completed}. */
    private long doneOrder = Long.MAX_VALUE;

    ConcurrentFuture(Simulation sim, int workId) {
        this.sim = sim;
        this.workId = workId;
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
            return new Completion.Raised(sim.python().newError(ErrorKind.CANCELLED_ERROR, null));
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

    /** {@code future.result()} from a thread: an activity that blocks until done. */
    public Activity resultActivity() {
        return new Activity() {
            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (resumed != null || isDone()) {
                    Completion c = resumed != null ? resumed : completion();
                    if (c instanceof Completion.Raised(Object e)) {
                        PythonBridge py = ctx.simulation().python();
                        py.addLibraryFrame(e, LibraryFrame.CONCURRENT_GET_RESULT);
                        py.addLibraryFrame(e, resumed != null ? LibraryFrame.CONCURRENT_RESULT_WAITED : LibraryFrame.CONCURRENT_RESULT);
                    }
                    return new Outcome.Done(c);
                }
                return new Outcome.Wait(ConcurrentFuture.this);
            }

            @Override
            public String label() {
                return "Future.result";
            }
        };
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
