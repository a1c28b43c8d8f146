package dev.loopscope.python.runtime;

/**
 * The rest of a builtin's work when it needs Python code run: items of a generator or of an iterator written in
 * Python, calls of a Python function (a sort key, a map function). A native returns the task (through
 * {@link #run}); the thread keeps it in a native frame between the caller's frame and the Python frames it runs,
 * so that this code runs on the thread like any other: it can pause after any instruction and block on the
 * engine, and its exceptions unwind through the caller with CPython's tracebacks (the native frame shows none).
 *
 * <p>A task is a state machine. {@link #step} first gets {@link #START}, then the outcome of what it asked for
 * last: the next item of an iterator ({@link #END} when there is none) after {@link #next}, the value a callable
 * returned after {@link #call}. It returns one of those requests, or its result: a value (or any other native
 * result: a {@link TailCall}, another task...). Items of iterators written in Java come straight from
 * {@link #pull}, so a builtin over a list or a range never leaves Java.
 */
abstract class NativeTask {

    private static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What {@link #step} gets first. */
    static final Object START = new Marker("START");
    /** The iterator asked for has no more items. */
    static final Object END = new Marker("END");
    /** From {@link #pull}: the item must come from Python code on the thread: ask for it with {@link #next}. */
    static final Object NEED = new Marker("NEED");
    /** Requests (from {@link #next} and {@link #call}). */
    static final Object NEXT = new Marker("NEXT");
    static final Object CALL = new Marker("CALL");
    /** A result meaning the task has put what it produced on its caller's frame itself. */
    static final Object NOTHING = new Marker("NOTHING");

    Object reqIter;
    Object reqCallable;
    Object[] reqArgs;
    /** The request {@link #run} left pending when the task started in Java. */
    Object started;
    /** Set while a call this task asked for is an iterator's {@code __next__}: its StopIteration ends it. */
    boolean awaitingNext;
    /** The frame the result goes to (null when the task is the bottom of its thread). */
    Frame caller;

    /** Gives the task {@link #START} or what it asked for; returns a request or the builtin's result. */
    abstract Object step(PyThread t, Object v);

    /** An exception is leaving the builtin (from Python code it ran, or from itself): undo what must be undone. */
    void unwound(PyThread t, PyBaseException e) {
    }

    /** Asks the thread for the next item of {@code it}. */
    final Object next(Object it) {
        reqIter = it;
        return NEXT;
    }

    /** Asks the thread to call {@code fn(args...)}. */
    final Object call(Object fn, Object... args) {
        reqCallable = fn;
        reqArgs = args;
        return CALL;
    }

    /** Asks for {@code it.__next__()} (an object whose class defines it), its StopIteration being the end. */
    final Object callNext(Object it) {
        PyType t = Py.typeOf(it);
        Object m = t.lookup("__next__");
        if (m == null) {
            throw Py.typeError("'" + t.name + "' object is not an iterator");
        }
        awaitingNext = true;
        return call(Attributes.bind(m, it, t));
    }

    /**
     * Runs a task as far as Java can take it: its result when no Python code was needed (a builtin iterating a
     * list), else the task itself, to be returned by the native so that the thread carries on with it.
     */
    static Object run(PyThread t, NativeTask task) {
        try {
            return runJava(t, task);
        } catch (PyError e) {
            task.unwound(t, e.exc);
            throw e;
        }
    }

    private static Object runJava(PyThread t, NativeTask task) {
        Object r = task.step(t, START);
        while (r == CALL && task.reqCallable instanceof PyBuiltin b) {
            Object[] a = task.reqArgs;
            if (b.self != null) {
                a = PyThread.prepend(b.self, a);
            }
            Object v;
            boolean catchStop = task.awaitingNext;
            task.awaitingNext = false;
            try {
                v = b.fn.call(t, a, null);
            } catch (PyError e) {
                if (catchStop && e.exc.isA(Types.STOP_ITERATION)) {
                    v = END;
                } else {
                    throw e;
                }
            }
            if (isDeferred(v)) {
                task.awaitingNext = catchStop;
                task.reqCallable = null;
                task.started = new DeferredResult(v);
                return task;
            }
            task.reqCallable = null;
            task.reqArgs = null;
            r = task.step(t, v == null ? Py.None : v);
        }
        if (r == NEXT || r == CALL) {
            task.started = r;
            return task;
        }
        return r;
    }

    /** A native call made while the task started in Java whose result the thread must finish (a TailCall...). */
    record DeferredResult(Object result) {}

    /** Whether a native's result still needs the thread: a task, a call or an engine request. */
    static boolean isDeferred(Object r) {
        return r instanceof NativeTask || r instanceof TailCall || r instanceof Suspend || r instanceof GenOp;
    }

    /** Whether taking items of iterator {@code it} runs Python code (a generator, a Python {@code __next__}...). */
    static boolean onThread(Object it) {
        return !(it instanceof PyIterator pi) || pi.runsPython;
    }

    /** Whether calling {@code fn} runs Java code only (or so little Python, through dunders, that it may nest). */
    static boolean javaCallable(Object fn) {
        return fn instanceof PyBuiltin || fn instanceof PyType t && t.interp == null;
    }

    /** The next item of an iterator written in Java ({@link #END} at the end), or {@link #NEED}. */
    static Object pull(Object it) {
        if (it instanceof PyIterator pi && !pi.runsPython) {
            Object x = pi.next();
            return x == null ? END : x;
        }
        return NEED;
    }

    /**
     * A task that produces the next item of {@code it} (or {@link #END}) when that takes Python code, for
     * iterators that are neither generators nor plain Java ones: map, filter, enumerate and zip over such
     * iterators or with Python functions, {@code iter(callable, sentinel)}, objects with a {@code __next__}.
     */
    static NativeTask stepper(Object it) {
        if (it instanceof Itertools.Iter i) {
            return i.item();
        }
        if (it instanceof MoreIterators.MapIter m) {
            return new MoreIterators.MapStep(m);
        }
        if (it instanceof MoreIterators.FilterIter f) {
            return new MoreIterators.FilterStep(f);
        }
        if (it instanceof MoreIterators.Enumerate e) {
            return new MoreIterators.EnumerateStep(e);
        }
        if (it instanceof MoreIterators.Zip z) {
            return new MoreIterators.ZipStep(z);
        }
        if (it instanceof BuiltinFunctions.CallableIter c) {
            return new BuiltinFunctions.CallableIterStep(c);
        }
        return new NextCall(it);
    }

    /** One item of an object whose class defines {@code __next__}. */
    static final class NextCall extends NativeTask {
        private final Object it;

        NextCall(Object it) {
            this.it = it;
        }

        @Override
        Object step(PyThread t, Object v) {
            if (v == START) {
                return callNext(it);
            }
            return v;
        }
    }

    /**
     * {@code next(it[, default])} and {@code it.__next__()} for iterators whose items take Python code: the item,
     * the default at the end, or StopIteration.
     */
    static final class NextItem extends NativeTask {
        private final Object it;
        private final Object dflt;

        NextItem(Object it, Object dflt) {
            this.it = it;
            this.dflt = dflt;
        }

        @Override
        Object step(PyThread t, Object v) {
            if (v == START) {
                return next(it);
            }
            if (v == END) {
                if (dflt != null) {
                    return dflt;
                }
                throw Py.stopIteration(null);
            }
            return v;
        }
    }
}
