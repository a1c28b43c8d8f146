package dev.loopscope.python.runtime;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Coroutine;

/**
 * A generator, coroutine or async generator object: a suspended frame. The interpreter resumes it by pushing
 * its frame onto the running thread's frame chain; the engine resumes a coroutine through {@link #resume}.
 */
public final class PyGenerator extends PyIterator implements Coroutine {

    static final int CREATED = 0;
    static final int SUSPENDED = 1;
    static final int RUNNING = 2;
    static final int FINISHED = 3;

    final Frame frame;
    final Interpreter interp;
    int state = CREATED;
    public final String name;
    public final String qualname;
    /** Whether anything ever awaited or resumed this coroutine (for the "never awaited" warning). */
    boolean everResumed;
    /** Whether another coroutine's await has started delegating to this one. */
    boolean awaited;
    /** Links in the interpreter's list of coroutines not started yet. */
    boolean inUnawaited;
    PyGenerator unawaitedPrev;
    PyGenerator unawaitedNext;
    /** The consumer's handled exception while this runs, and this generator's own while it is suspended. */
    PyBaseException outerHandled;
    PyBaseException innerHandled;

    // Async generators (CPython's ag_running_async, ag_closed, ag_hooks_inited, ag_finalizer).
    /** An asend/athrow awaitable is between its first send and its result. */
    boolean agRunningAsync;
    /** aclose() ran, or the generator ended with StopAsyncIteration or GeneratorExit. */
    boolean agClosed;
    /** Whether the first iteration looked for the event loop's hooks yet. */
    boolean hooksInited;
    /** The event loop whose finaliser closes this generator when the program lets go of it unfinished, or null. */
    Object finalizer;
    /** The awaitable whose step runs the frame now (frame mode {@code MODE_AGEN}). */
    AsyncGenOp driver;

    PyGenerator(Frame frame, Interpreter interp, String name, String qualname) {
        this.frame = frame;
        this.interp = interp;
        this.name = name;
        this.qualname = qualname;
        this.runsPython = true;
        frame.gen = this;
    }

    public boolean isCoroutine() {
        return (frame.code.flags & Code.COROUTINE) != 0;
    }

    public boolean isAsyncGenerator() {
        return (frame.code.flags & Code.ASYNC_GENERATOR) != 0;
    }

    /** "generator", "coroutine" or "async generator". */
    String kindName() {
        return isCoroutine() ? "coroutine" : isAsyncGenerator() ? "async generator" : "generator";
    }

    @Override
    public PyType type() {
        return isCoroutine() ? Types.COROUTINE : isAsyncGenerator() ? Types.ASYNC_GENERATOR : Types.GENERATOR;
    }

    /** Iteration from Java code: runs the generator in a nested loop until it yields or returns. */
    @Override
    public Object next() {
        if (state == FINISHED) {
            return null;
        }
        Completion c = interp.resumeNested(this, new Completion.Returned(Py.None));
        return switch (c) {
            case Completion.Yielded y -> y.value();
            case Completion.Returned r -> null;
            case Completion.Raised r -> throw new PyError((PyBaseException) r.exception());
        };
    }

    @Override
    public Activity resume(Completion input) {
        return PyThread.forCoroutine(interp, this, input);
    }

    @Override
    public String qualName() {
        return qualname;
    }

    @Override
    public String describe() {
        String file = frame.code.source.fileName();
        if (state == FINISHED) {
            return qualname + "() done, defined at " + file + ":" + frame.code.firstLine;
        }
        int line = state == CREATED ? frame.code.firstLine : frame.line();
        return qualname + "() running at " + file + ":" + line;
    }

    @Override
    public String describeClosed() {
        return qualname + "() done, defined at " + frame.code.source.fileName() + ":" + frame.code.firstLine;
    }

    @Override
    public boolean isCoroutineObject() {
        return isCoroutine() || (frame.code.flags & Code.ITERABLE_COROUTINE) != 0;
    }

    @Override
    public boolean neverStarted() {
        return state == CREATED;
    }

    @Override
    public boolean isFinished() {
        return state == FINISHED;
    }
}
