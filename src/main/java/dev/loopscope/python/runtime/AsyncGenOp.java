package dev.loopscope.python.runtime;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Coroutine;

/**
 * The awaitables an async generator hands out: {@code __anext__()} and {@code asend(v)} give an
 * {@code async_generator_asend}, {@code athrow(e)} and {@code aclose()} an {@code async_generator_athrow}. Awaiting
 * one runs the generator's frame above the awaiting frame until the generator yields a value (the await's result),
 * ends or raises; values its own awaits yield pass through to the task.
 *
 * <p>This class holds CPython 3.12's state machines (its {@code genobject.c}): which step is allowed in which state,
 * what each outcome of the generator turns into, and the generator's {@code ag_running_async} and
 * {@code ag_closed} flags. {@link PyThread} runs the frames. A task can drive one directly too
 * ({@code create_task(agen.aclose())}, as asyncio's finaliser and {@code shutdown_asyncgens} do).
 */
public final class AsyncGenOp extends PyObject implements Coroutine {

    static final int INIT = 0;
    static final int ITER = 1;
    static final int CLOSED = 2;

    /** What one step of this awaitable does: finish the await, or resume the generator. */
    sealed interface Step {
        /** The await completes with this value (CPython: StopIteration(value)). */
        record Done(Object value) implements Step {}

        /** The await raises this exception. */
        record Fail(PyBaseException exc) implements Step {}

        /** The generator resumes with this value sent in. */
        record Send(Object value) implements Step {}

        /** The generator resumes with this exception thrown in at its current yield. */
        record Throw(PyBaseException exc) implements Step {}
    }

    final PyGenerator gen;
    /** asend (also {@code __anext__}); otherwise athrow, or aclose when {@link #throwExc} is null. */
    final boolean isSend;
    /** asend: the value sent first (None for {@code __anext__}). */
    final Object sendValue;
    /** athrow: the exception thrown in; null for aclose. */
    final PyBaseException throwExc;
    int state = INIT;

    /** How the generator was last resumed: its outcome is handled differently for each, as CPython does. */
    private enum Path { FIRST_SEND, SEND, THROW }

    private Path path = Path.SEND;

    private AsyncGenOp(PyGenerator gen, boolean isSend, Object sendValue, PyBaseException throwExc) {
        this.gen = gen;
        this.isSend = isSend;
        this.sendValue = sendValue;
        this.throwExc = throwExc;
    }

    static AsyncGenOp asend(PyGenerator gen, Object value) {
        return new AsyncGenOp(gen, true, value, null);
    }

    static AsyncGenOp athrow(PyGenerator gen, PyBaseException exc) {
        return new AsyncGenOp(gen, false, null, exc);
    }

    static AsyncGenOp aclose(PyGenerator gen) {
        return new AsyncGenOp(gen, false, null, null);
    }

    boolean isClose() {
        return !isSend && throwExc == null;
    }

    @Override
    public PyType type() {
        return isSend ? Types.ASYNC_GENERATOR_ASEND : Types.ASYNC_GENERATOR_ATHROW;
    }

    // --- before the generator runs ----------------------------------------------------------------------------------

    /** A send into this awaitable (the task's step, or the awaiting frame's SEND). */
    Step send(Object value) {
        if (state == CLOSED) {
            return fail(Py.newException(Types.RUNTIME_ERROR, isSend
                    ? "cannot reuse already awaited __anext__()/asend()"
                    : "cannot reuse already awaited aclose()/athrow()"));
        }
        path = state == INIT ? Path.FIRST_SEND : Path.SEND;
        if (isSend) {
            if (state == INIT) {
                if (gen.agRunningAsync) {
                    state = CLOSED;
                    return fail(Py.newException(Types.RUNTIME_ERROR,
                            "anext(): asynchronous generator is already running"));
                }
                state = ITER;
                if (value == Py.None) {
                    value = sendValue;
                }
            }
            gen.agRunningAsync = true;
            if (gen.state == PyGenerator.FINISHED) {
                return ended(null);
            }
            if (gen.state == PyGenerator.CREATED && value != Py.None) {
                return ended(Py.newException(Types.TYPE_ERROR,
                        "can't send non-None value to a just-started async generator"));
            }
            return new Step.Send(value);
        }
        if (gen.state == PyGenerator.FINISHED) {
            state = CLOSED;
            return new Step.Done(Py.None);
        }
        if (state == INIT) {
            if (gen.agRunningAsync) {
                state = CLOSED;
                return fail(Py.newException(Types.RUNTIME_ERROR, (isClose() ? "aclose()" : "athrow()")
                        + ": asynchronous generator is already running"));
            }
            if (gen.agClosed) {
                state = CLOSED;
                return fail(Py.newException(Types.STOP_ASYNC_ITERATION));
            }
            if (value != Py.None) {
                return fail(Py.newException(Types.RUNTIME_ERROR,
                        "can't send non-None value to a just-started coroutine"));
            }
            state = ITER;
            gen.agRunningAsync = true;
            if (isClose()) {
                gen.agClosed = true;
                return new Step.Throw(Py.newException(Types.GENERATOR_EXIT));
            }
            return new Step.Throw(throwExc);
        }
        return new Step.Send(value);
    }

    /** A throw into this awaitable (a task cancelling the awaiting code, or its {@code throw()} method). */
    Step throwIn(PyBaseException exc) {
        if (state == CLOSED) {
            return fail(Py.newException(Types.RUNTIME_ERROR, isSend
                    ? "cannot reuse already awaited __anext__()/asend()"
                    : "cannot reuse already awaited aclose()/athrow()"));
        }
        path = Path.THROW;
        if (gen.state == PyGenerator.FINISHED) {
            // throwing into a finished generator raises the exception itself
            return ended(exc);
        }
        return new Step.Throw(exc);
    }

    // --- what the generator did -------------------------------------------------------------------------------------

    /** The generator yielded {@code value} with a {@code yield} of its own (not from an await inside it). */
    Step yielded(Object value) {
        gen.agRunningAsync = false;
        if (isClose()) {
            state = CLOSED;
            return fail(Py.newException(Types.RUNTIME_ERROR, "async generator ignored GeneratorExit"));
        }
        if (isSend || path == Path.FIRST_SEND) {
            state = CLOSED;
        }
        return new Step.Done(value);
    }

    /**
     * The generator ended: returned ({@code exc} null, which CPython reports as StopAsyncIteration) or raised
     * {@code exc}.
     */
    Step ended(PyBaseException exc) {
        if (exc == null) {
            exc = Py.newException(Types.STOP_ASYNC_ITERATION);
        }
        boolean closing = exc.isA(Types.STOP_ASYNC_ITERATION) || exc.isA(Types.GENERATOR_EXIT);
        if (isClose()) {
            if (path != Path.THROW) {
                gen.agRunningAsync = false;
                state = CLOSED;
            }
            return closing ? new Step.Done(Py.None) : fail(exc);
        }
        if (closing) {
            gen.agClosed = true;
        }
        gen.agRunningAsync = false;
        if (isSend || path == Path.FIRST_SEND) {
            state = CLOSED;
        }
        return fail(exc);
    }

    private static Step fail(PyBaseException exc) {
        return new Step.Fail(exc);
    }

    // --- as a coroutine a task drives ---------------------------------------------------------------------------

    @Override
    public Activity resume(Completion input) {
        return PyThread.forAsyncGenOp(gen.interp, this, input);
    }

    @Override
    public String qualName() {
        return "<" + type().name + " without __name__>";
    }

    @Override
    public String describe() {
        return qualName() + "()";
    }

    @Override
    public String describeClosed() {
        return describe();
    }

    @Override
    public boolean isFinished() {
        return state == CLOSED;
    }
}
