package dev.loopscope.python.runtime;

/**
 * What {@code anext(iterator, default)} returns: awaiting it awaits {@code iterator.__anext__()}, and the
 * StopAsyncIteration that ends the iteration becomes the default value. The interpreter delegates to
 * {@link #inner} while this stays on the awaiting frame's stack, where the conversion happens.
 */
final class AnextAwaitable extends PyObject {

    /** What {@code __anext__()} returned. */
    final Object next;
    final Object dflt;
    /** The awaitable of {@link #next}, once the await began. */
    Object inner;

    AnextAwaitable(Object next, Object dflt) {
        this.next = next;
        this.dflt = dflt;
    }

    @Override
    public PyType type() {
        return Types.ANEXT_AWAITABLE;
    }
}
