package dev.loopscope.engine;

/**
 * A coroutine of CPython's own library ({@code asyncio.sleep}, {@code wait_for}...) written as a Java state
 * machine. Each resumption runs {@link #onResume}; if that asks to run another activity ({@code Call}), its
 * completion comes back through {@link #onCallDone}. Ending with {@code Returned} or {@code Raised} finishes
 * the coroutine; {@code Yielded} suspends it.
 */
public abstract class LibraryCoroutine implements Coroutine {

    private boolean finished;
    private boolean resumed;
    private final String qualName;

    protected LibraryCoroutine(String qualName) {
        this.qualName = qualName;
    }

    @Override
    public final Activity resume(Completion input) {
        resumed = true;
        return new Activity() {
            private boolean first = true;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (finished) {
                    return done(new Completion.Raised(ctx.simulation().python().newError(
                            PythonBridge.ErrorKind.RUNTIME_ERROR, "cannot reuse already awaited coroutine")));
                }
                Outcome o;
                if (first) {
                    first = false;
                    o = onResume(ctx, input);
                } else {
                    o = onCallDone(ctx, resumed);
                }
                if (o instanceof Outcome.Done(Completion c) && !(c instanceof Completion.Yielded)) {
                    finished = true;
                    released();
                }
                return o;
            }

            @Override
            public String label() {
                return qualName;
            }
        };
    }

    /** Called once the coroutine has finished, to let go of its state (CPython drops a finished frame too). */
    protected void released() {
    }

    /** Handles a send ({@code Returned}) or throw ({@code Raised}) into the coroutine. */
    protected abstract Outcome onResume(ExecContext ctx, Completion input);

    /** Receives the completion of an activity that {@link #onResume} or this method asked to run. */
    protected Outcome onCallDone(ExecContext ctx, Completion completion) {
        throw new IllegalStateException(qualName + " did not call anything");
    }

    @Override
    public String qualName() {
        return qualName;
    }

    /** The file of CPython's library that defines this coroutine ({@code asyncio/tasks.py}), or null. */
    protected String libraryFile() {
        return null;
    }

    /** The line of its {@code async def} in {@link #libraryFile}. */
    protected int defLine() {
        return 0;
    }

    /** The line of the {@code await} it is suspended at, once it has started. */
    protected int suspendedLine() {
        return defLine();
    }

    /**
     * How a task's repr names it, as for a coroutine of Python code: running at its def line before it starts, at
     * its await while suspended, and "done, defined at" its def line once finished.
     */
    public String describeIn(String libraryRoot) {
        if (libraryRoot == null || libraryFile() == null) {
            return describe();
        }
        String file = libraryRoot + "/" + libraryFile();
        if (finished) {
            return qualName + "() done, defined at " + file + ":" + defLine();
        }
        return qualName + "() running at " + file + ":" + (resumed ? suspendedLine() : defLine());
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean neverStarted() {
        return !resumed;
    }

    protected static Outcome done(Completion c) {
        return new Outcome.Done(c);
    }

    protected static Outcome yielding(Object value) {
        return new Outcome.Done(new Completion.Yielded(value));
    }

    protected static Outcome returned(Object value) {
        return new Outcome.Done(new Completion.Returned(value));
    }

    protected static Outcome raised(Object exc) {
        return new Outcome.Done(new Completion.Raised(exc));
    }

    /**
     * Drives one {@code await x} from Java: a future is yielded to the task until it is done; a coroutine is
     * delegated to (its yields pass up, sends and throws go down), exactly as {@code yield from} does.
     */
    protected static final class Await {
        private final Object awaitable;
        private boolean started;
        private Completion result;

        public Await(Object awaitable) {
            this.awaitable = awaitable;
        }

        /** Feeds the coroutine's input to the awaitable; returns an outcome, or null once {@link #result} is set. */
        public Outcome step(ExecContext ctx, Completion input) {
            PythonBridge py = ctx.simulation().python();
            if (awaitable instanceof Future f) {
                if (!started) {
                    started = true;
                    if (input instanceof Completion.Raised) {
                        result = input;
                        return null;
                    }
                    if (f.isDone()) {
                        result = f.resultCompletion();
                        return null;
                    }
                    return yielding(f);
                }
                if (input instanceof Completion.Raised) {
                    result = input;
                } else if (!f.isDone()) {
                    result = new Completion.Raised(py.newError(PythonBridge.ErrorKind.RUNTIME_ERROR,
                            "await wasn't used with future"));
                } else {
                    result = f.resultCompletion();
                }
                return null;
            }
            if (awaitable instanceof Coroutine c) {
                started = true;
                return new Outcome.Call(c.resume(input));
            }
            result = new Completion.Raised(py.newError(PythonBridge.ErrorKind.TYPE_ERROR,
                    "object " + py.typeName(awaitable) + " can't be used in 'await' expression"));
            return null;
        }

        /** The delegated coroutine's step completion: a yield passes up; anything else is the await's result. */
        public Outcome called(Completion c) {
            if (c instanceof Completion.Yielded) {
                return new Outcome.Done(c);
            }
            result = c;
            return null;
        }

        public Completion result() {
            return result;
        }
    }
}
