package dev.loopscope.engine;

import java.util.List;

/**
 * The few things the engine needs to do with Python values and exceptions, supplied by the front end that
 * owns the object model. The engine's own Java API uses {@link JavaBridge}.
 */
public interface PythonBridge {

    /** The exceptions the engine itself raises. */
    enum ErrorKind {
        /** {@code asyncio.CancelledError} (a BaseException). */
        CANCELLED_ERROR,
        /** The builtin {@code TimeoutError} ({@code asyncio.TimeoutError} is the same class since 3.11). */
        TIMEOUT_ERROR,
        /** {@code asyncio.InvalidStateError}. */
        INVALID_STATE_ERROR,
        RUNTIME_ERROR,
        VALUE_ERROR,
        TYPE_ERROR,
        /** {@code concurrent.futures.process.BrokenProcessPool}. */
        BROKEN_PROCESS_POOL,
        /** {@code concurrent.futures.CancelledError}: an {@code Exception}, not asyncio's BaseException. */
        CONCURRENT_CANCELLED_ERROR,
        /** {@code concurrent.futures.process._RemoteTraceback}: a worker's traceback, as text. */
        REMOTE_TRACEBACK,
        /** {@code concurrent.futures.thread.BrokenThreadPool}. */
        BROKEN_THREAD_POOL
    }

    /** A new exception of {@code kind}; {@code message} null means no arguments ({@code CancelledError()}). */
    Object newError(ErrorKind kind, String message);

    /** Sets {@code exc.__cause__ = cause} (as {@code raise exc from cause} does) and returns {@code exc}. */
    Object withCause(Object exc, Object cause);

    /** Sets {@code exc.__context__}, as raising inside an {@code except} block does; returns {@code exc}. */
    Object withContext(Object exc, Object context);

    /** Sets {@code exc.__traceback__ = None}; returns {@code exc}. */
    default Object withoutTraceback(Object exc) {
        return exc;
    }

    boolean isCancelledError(Object exc);

    /** The traceback {@code exc} carries now ({@code exc.__traceback__}), to be put back by {@link #restoreTraceback}. */
    default Object traceback(Object exc) {
        return null;
    }

    /**
     * {@code exc.with_traceback(tb)} ({@code tb} null: none): a future raises its exception with the traceback it had
     * when it was set, so frames it went through since (the awaiting code's) do not pile up when it is raised again.
     */
    default void restoreTraceback(Object exc, Object tb) {
    }

    /**
     * Sets {@code exc.__context__} to {@code handled}, as raising {@code exc} does while {@code handled} is being
     * handled (the cancellations of asyncio.run's teardown while main's exception propagates).
     */
    default void raisedWhileHandling(Object exc, Object handled) {
    }

    /** True for subclasses of {@code Exception}; false for other {@code BaseException}s. */
    boolean isException(Object exc);

    /** True for {@code KeyboardInterrupt} and {@code SystemExit}, which a task re-raises into the loop. */
    boolean isExitException(Object exc);

    /** Python's {@code None}. */
    Object none();

    /** {@code repr(value)}. */
    String repr(Object value);

    /** {@code reprlib.repr(value)}: lists, dicts and long reprs abbreviated, as in a future's {@code result=}. */
    default String shortRepr(Object value) {
        return Reprs.limited(repr(value));
    }

    /** {@code str(value)}. */
    String str(Object value);

    /** {@code type(value).__name__}. */
    default String typeName(Object value) {
        return value == null ? "NoneType" : value.getClass().getSimpleName();
    }

    /** How asyncio names the callable {@code fn} in a future's {@code cb=[...]}: {@code name() at file:line}. */
    default String callbackSource(Object fn) {
        return "<callback>()";
    }

    /** The printed path of a file of CPython's library, given relative to it ({@code asyncio/tasks.py}). */
    default String libraryPath(String file) {
        return file;
    }

    /** Wraps Java values in a Python list (gather's result). */
    Object newList(List<Object> items);

    /**
     * Records that {@code exc} passed through a frame of CPython's own library code ({@code asyncio} or
     * {@code concurrent.futures}), so tracebacks show it as CPython would.
     */
    default void addLibraryFrame(Object exc, LibraryFrame frame) {
    }

    /**
     * Visits the values a finished coroutine's frame refers to, in the order CPython releases them when it clears
     * the frame: variables in slot order, and inside each the items of the containers as their deallocation drops
     * them (lists and tuples last item first, dicts in order). Used to report tasks freed with the frame in
     * CPython's order.
     */
    default void forEachReleased(Coroutine finished, java.util.function.Consumer<Object> visit) {
    }

    /**
     * The RuntimeWarning CPython prints when a coroutine that never ran is freed while library code runs
     * ({@code where}, e.g. the loop callback that cleared a finished frame), or "" when it was shown there already.
     */
    default String freedUnawaitedWarning(Coroutine coro, LibraryFrame where) {
        return "";
    }

    /**
     * Holds back {@code text} for stderr until the program ends, when CPython's garbage collector frees what
     * reference cycles kept alive (a failed task in a variable of a coroutine whose exception escaped).
     */
    default void writeAtExit(java.util.function.Supplier<String> text, ExecContext ctx) {
        ctx.stderr(text.get());
    }

    /**
     * {@code agen.aclose()} for an async generator the loop's hooks registered: a coroutine a task can drive
     * ({@code shutdown_asyncgens} gathers them).
     */
    default Coroutine asyncgenAclose(Object agen) {
        throw new UnsupportedOperationException("no async generators");
    }

    /**
     * The full report for an exception as CPython's traceback module prints it, ending with a newline:
     * {@code Traceback (most recent call last): ...}, chained causes included.
     */
    String formatException(Object exc);

    /**
     * The report the interpreter itself prints for an uncaught exception (also {@code threading.excepthook}'s),
     * which differs from the traceback module's in keeping a source line's trailing spaces.
     */
    default String formatUncaught(Object exc) {
        return formatException(exc);
    }

    /**
     * How a future's repr names one of its done callbacks ({@code asyncio.format_helpers}): the callable's
     * qualified name, then {@code at file:line} for a function. {@code key} is the Python callable of a
     * {@code USER_CALLBACK}; null leaves the engine's own short name.
     */
    default String doneCallbackRepr(dev.loopscope.engine.trace.HandleKind kind, Object key) {
        return null;
    }

    /**
     * A copy of {@code value} as pickling would make it for another process, or a raised error when it cannot
     * be pickled; also reports its pickled size for the cost model.
     */
    default Pickled pickle(Object value) {
        return new Pickled(value, 64, null);
    }

    /**
     * A pickled value arriving in the process whose interpreter state is {@code interpreterState}: the classes
     * and functions it refers to become that interpreter's, as unpickling looks them up by name.
     */
    default Object unpickle(Object value, Object interpreterState) {
        return value;
    }

    /**
     * The interpreter state of a process forked from one whose state is {@code parentState}: a copy of its
     * modules as they are now, as {@code os.fork} gives a child.
     */
    default Object forkInterpreter(Object parentState, SimProcess child) {
        return parentState;
    }

    /** The result of {@link #pickle}: the copy, its size in bytes, and the error when pickling failed. */
    record Pickled(Object copy, long bytes, Object error) {}
}
