package dev.loopscope.engine;

/**
 * How a piece of Python-level work ended, or what is sent into it when it resumes.
 *
 * <p>A plain call ends {@link Returned} or {@link Raised}; resuming a coroutine may also end {@link Yielded}
 * (it suspended on an awaitable). Sending {@code Returned(v)} into a coroutine is {@code coro.send(v)};
 * sending {@code Raised(e)} is {@code coro.throw(e)}. Values and exceptions are the front end's Python
 * objects; the engine only handles them through {@link PythonBridge}.
 */
public sealed interface Completion {

    record Returned(Object value) implements Completion {}

    record Raised(Object exception) implements Completion {}

    /** The coroutine suspended, yielding {@code value}: a {@link Future} to wait for, or null for a bare yield. */
    record Yielded(Object value) implements Completion {}
}
