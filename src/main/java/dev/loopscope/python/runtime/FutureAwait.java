package dev.loopscope.python.runtime;

import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Waitable;

/**
 * What {@code await future} iterates: CPython's {@code Future.__await__}. The first send yields the future
 * itself to the task when it is not done yet; the next send returns its result or raises its exception.
 */
final class FutureAwait extends PyObject {

    final Waitable future;
    boolean yielded;

    FutureAwait(Waitable future) {
        this.future = future;
    }

    @Override
    public PyType type() {
        return Types.ITERATOR;
    }

    /** The future to yield, or null when the await is over and {@link #result()} applies. */
    Object send() {
        if (!yielded && !future.isDone()) {
            yielded = true;
            return future;
        }
        return null;
    }

    Object result() {
        if (!future.isDone()) {
            throw Py.runtimeError("await wasn't used with future");
        }
        return switch (future.completion()) {
            case Completion.Returned r -> r.value();
            case Completion.Raised r -> throw new PyError((PyBaseException) r.exception());
            case Completion.Yielded y -> y.value();
        };
    }
}
