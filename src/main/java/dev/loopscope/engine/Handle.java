package dev.loopscope.engine;

import dev.loopscope.engine.trace.HandleKind;

/**
 * A callback scheduled on an event loop, ready now or at a deadline: CPython's {@code Handle} and
 * {@code TimerHandle}. Timers order by (deadline, insertion order).
 */
public final class Handle implements Comparable<Handle> {

    final EventLoop loop;
    final int id;
    final HandleKind kind;
    /** The task or future this callback concerns, for the trace. */
    final int target;
    final Callback callback;
    /** Deadline in virtual ns, or -1 for a plain ready callback. */
    final long when;
    boolean cancelled;
    boolean onHeap;

    Handle(EventLoop loop, int id, HandleKind kind, int target, Callback callback, long when) {
        this.loop = loop;
        this.id = id;
        this.kind = kind;
        this.target = target;
        this.callback = callback;
        this.when = when;
    }

    /** {@code handle.cancel()}: the callback will not run; a timer leaves the heap lazily, as in CPython. */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            loop.handleCancelled(this);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public long when() {
        return when;
    }

    /** What the handle runs. */
    public Callback callback() {
        return callback;
    }

    public HandleKind kind() {
        return kind;
    }

    public int id() {
        return id;
    }

    @Override
    public int compareTo(Handle o) {
        int c = Long.compare(when, o.when);
        return c != 0 ? c : Integer.compare(id, o.id);
    }
}
