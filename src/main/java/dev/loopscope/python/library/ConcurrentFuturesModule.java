package dev.loopscope.python.library;

import dev.loopscope.engine.Completion;
import dev.loopscope.engine.ConcurrentFuture;
import dev.loopscope.engine.Executor;
import dev.loopscope.engine.LibraryFrame;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.ProcessPool;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.ThreadPool;
import dev.loopscope.engine.Waitable;
import dev.loopscope.python.runtime.Args;
import dev.loopscope.python.runtime.ForeignTypes;
import dev.loopscope.python.runtime.LibraryFrames;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyList;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PyTuple;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Suspend;
import dev.loopscope.python.runtime.TailCall;
import dev.loopscope.python.runtime.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code concurrent.futures} module: thread and process pools, their futures, {@code as_completed} and
 * {@code wait}, running on the engine's simulated threads and processes.
 */
public final class ConcurrentFuturesModule {

    static final PyType THREAD_POOL = ForeignTypes.register(ThreadPool.class, "ThreadPoolExecutor",
            "concurrent.futures.thread");
    static final PyType PROCESS_POOL = ForeignTypes.register(ProcessPool.class, "ProcessPoolExecutor",
            "concurrent.futures.process");
    static final PyType FUTURE = ForeignTypes.register(ConcurrentFuture.class, "Future", "concurrent.futures._base");

    /** What the parts written in Python need: result iterators that block, as CPython's do. */
    private static final String HELPERS = """
            import time

            def as_completed(fs, timeout=None):
                if timeout is not None:
                    end_time = timeout + time.monotonic()
                fs = list(dict.fromkeys(fs))
                total_futures = len(fs)
                pending = [f for f in fs if not f.done()]
                for f in fs:
                    if f.done():
                        yield f
                while pending:
                    if timeout is None:
                        wait_timeout = None
                    else:
                        wait_timeout = end_time - time.monotonic()
                        if wait_timeout < 0:
                            raise TimeoutError(  #@239
                                    '%d (of %d) futures unfinished' % (
                                    len(pending), total_futures))
                    for f in _wait_any(pending, wait_timeout):
                        pending.remove(f)
                        yield f

            def wait(fs, timeout=None, return_when="ALL_COMPLETED"):
                fs = list(dict.fromkeys(fs))
                _wait_for(fs, return_when, timeout)
                done = set(f for f in fs if f.done())
                return _DoneAndNotDoneFutures(done, set(f for f in fs if not f.done()))

            def _result_or_cancel(fut, timeout=None):
                try:
                    try:
                        return fut.result(timeout)  #@317
                    finally:
                        fut.cancel()
                finally:
                    del fut

            def _map_results(fs, timeout, end_time):
                # Executor.map's closure: the futures are all submitted before the first value is asked for.
                def result_iterator():
                    try:
                        fs.reverse()
                        while fs:
                            if timeout is None:
                                yield _result_or_cancel(fs.pop())  #@619
                            else:
                                yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
                    finally:
                        for future in fs:
                            future.cancel()
                return result_iterator()
            """;

    /** ProcessPoolExecutor.map passes its results through this generator (one result per chunk here). */
    private static final String PROCESS_HELPERS = """
            def _chain_from_iterable_of_lists(iterable):
                for element in iterable:  #@647
                    yield element

            def _process_map_results(fs, timeout, end_time):
                return _chain_from_iterable_of_lists(_map_results(fs, timeout, end_time))
            """;

    /** What {@code wait()} returns: collections.namedtuple('DoneAndNotDoneFutures', 'done not_done'). */
    private static final String[] DONE_FIELDS = {"done", "not_done"};
    static final PyType DONE_AND_NOT_DONE = PyTuple.Named.type("concurrent.futures._base", "DoneAndNotDoneFutures",
            DONE_FIELDS);

    static {
        // A namedtuple's repr names the class without its module.
        DONE_AND_NOT_DONE.method("__repr__", (t, a, kw) -> {
            PyTuple r = (PyTuple) a[0];
            return "DoneAndNotDoneFutures(done=" + Ops.repr(r.items[0]) + ", not_done=" + Ops.repr(r.items[1]) + ")";
        });
        // A type's constructor gets the type itself first.
        THREAD_POOL.constructor = (t, a, kw) -> {
            Object[] p = Args.parse("ThreadPoolExecutor", Arrays.copyOfRange(a, 1, a.length), kw, 0,
                    new String[] {"max_workers", "thread_name_prefix", "initializer", "initargs"},
                    Py.None, "", Py.None, PyTuple.EMPTY);
            int workers = p[0] == Py.None ? t.context().simulation().settings().defaultThreadPoolWorkers()
                    : maxWorkers(p[0], "concurrent/futures/thread.py", 146);
            PythonCall initializer = initializerCall(t, p[2], p[3]);
            return Bind.engine(() -> new ThreadPool(t.context().process(), workers, Ops.str(p[1]), initializer));
        };
        PROCESS_POOL.constructor = (t, a, kw) -> {
            Object[] p = Args.parse("ProcessPoolExecutor", Arrays.copyOfRange(a, 1, a.length), kw, 0,
                    new String[] {"max_workers", "mp_context", "initializer", "initargs", "max_tasks_per_child"},
                    Py.None, Py.None, Py.None, PyTuple.EMPTY, Py.None);
            Integer workers = p[0] == Py.None ? null : maxWorkers(p[0], "concurrent/futures/process.py", 689);
            PythonCall initializer = initializerCall(t, p[2], p[3]);
            return Bind.engine(() -> new ProcessPool(t.context().process(), workers, initializer));
        };
        for (PyType pool : List.of(THREAD_POOL, PROCESS_POOL)) {
            pool.method("submit", ConcurrentFuturesModule::submit);
            pool.method("map", ConcurrentFuturesModule::map);
            pool.method("shutdown", (t, a, kw) -> {
                Object[] p = Args.parse("shutdown", a, kw, 1, new String[] {"self", "wait", "cancel_futures"},
                        Boolean.TRUE, Boolean.FALSE);
                return new Suspend(new Outcome.Call(((Executor) p[0]).shutdown(Ops.truthy(p[1]), Ops.truthy(p[2]))),
                        c -> Py.None);
            });
            pool.method("__enter__", (t, a, kw) -> a[0]);
            pool.method("__exit__", (t, a, kw) ->
                    new Suspend(new Outcome.Call(((Executor) a[0]).shutdown(true, false)), c -> Boolean.FALSE));
            pool.getter("_max_workers", ex -> Py.box(((Executor) ex).maxWorkers()));
        }
        FUTURE.method("result", (t, a, kw) -> {
            Object[] p = Args.parse("result", a, kw, 1, new String[] {"self", "timeout"}, Py.None);
            return new Suspend(new Outcome.Call(((ConcurrentFuture) p[0]).resultActivity(timeoutNs(p[1]))));
        });
        FUTURE.method("exception", (t, a, kw) -> {
            Object[] p = Args.parse("exception", a, kw, 1, new String[] {"self", "timeout"}, Py.None);
            return new Suspend(new Outcome.Call(((ConcurrentFuture) p[0]).exceptionActivity(timeoutNs(p[1]))),
                    c -> Bind.none(Bind.value(c)));
        });
        FUTURE.constructor = (t, a, kw) -> {
            Args.check("Future", Arrays.copyOfRange(a, 1, a.length), kw, 0, 0);
            return new ConcurrentFuture(t.context().simulation());
        };
        FUTURE.method("set_result", (t, a, kw) -> {
            Object[] p = Args.parse("set_result", a, kw, 2, new String[] {"self", "result"});
            setState(t, (ConcurrentFuture) p[0], new Completion.Returned(p[1]));
            return afterCallbacks(t, (ConcurrentFuture) p[0], Py.None);
        });
        FUTURE.method("set_exception", (t, a, kw) -> {
            Object[] p = Args.parse("set_exception", a, kw, 2, new String[] {"self", "exception"});
            setState(t, (ConcurrentFuture) p[0], new Completion.Raised(p[1]));
            return afterCallbacks(t, (ConcurrentFuture) p[0], Py.None);
        });
        FUTURE.method("set_running_or_notify_cancel", (t, a, kw) -> {
            Args.check("set_running_or_notify_cancel", a, kw, 1, 1);
            return Py.bool(((ConcurrentFuture) a[0]).startRunning());
        });
        FUTURE.method("add_done_callback", (t, a, kw) -> {
            Args.check("add_done_callback", a, kw, 2, 2);
            ConcurrentFuture f = (ConcurrentFuture) a[0];
            f.addDoneCall(new PythonCall(t.interpreter(), a[1], new Object[] {f}, null));
            if (!f.isDone()) {
                return Py.None;
            }
            // already done: called at once, its exception logged like those of _invoke_callbacks
            return new Suspend(new Outcome.Call(f.runDoneCalls(t.context().process(),
                    LibraryFrame.CONCURRENT_ADD_DONE_CALLBACK)), ConcurrentFuturesModule::noneOrRaise);
        });
        FUTURE.method("done", (t, a, kw) -> Py.bool(((ConcurrentFuture) a[0]).isDone()));
        FUTURE.method("cancelled", (t, a, kw) -> Py.bool(((ConcurrentFuture) a[0]).isCancelled()));
        FUTURE.method("running", (t, a, kw) -> Py.bool(((ConcurrentFuture) a[0]).isRunning()));
        FUTURE.method("cancel", (t, a, kw) -> {
            ConcurrentFuture f = (ConcurrentFuture) a[0];
            boolean cancelled = f.cancel();
            return afterCallbacks(t, f, Py.bool(cancelled));
        });
        FUTURE.method("__repr__", (t, a, kw) -> {
            ConcurrentFuture f = (ConcurrentFuture) a[0];
            String state = f.repr().replace("<Future state=", "").replace(">", "");
            String at = "0x" + Long.toHexString(Interpreter.idOf(f));
            if (f.state() == ConcurrentFuture.State.FINISHED) {
                Completion c = f.completion();
                if (c instanceof Completion.Raised(Object e)) {
                    return "<Future at " + at + " state=finished raised " + Py.typeName(e) + ">";
                }
                return "<Future at " + at + " state=finished returned "
                        + Py.typeName(((Completion.Returned) c).value()) + ">";
            }
            return "<Future at " + at + " state=" + state + ">";
        });
    }

    private ConcurrentFuturesModule() {
    }

    public static PyModule create(Interpreter interp) {
        PyModule m = new PyModule("concurrent.futures");
        m.set("ThreadPoolExecutor", THREAD_POOL);
        m.set("ProcessPoolExecutor", PROCESS_POOL);
        m.set("Future", FUTURE);
        m.set("CancelledError", Types.CONCURRENT_CANCELLED_ERROR);
        m.set("TimeoutError", Types.TIMEOUT_ERROR);
        m.set("BrokenExecutor", Types.BROKEN_EXECUTOR);
        m.set("FIRST_COMPLETED", "FIRST_COMPLETED");
        m.set("FIRST_EXCEPTION", "FIRST_EXCEPTION");
        m.set("ALL_COMPLETED", "ALL_COMPLETED");
        m.def("_wait_any", ConcurrentFuturesModule::waitAny);
        m.def("_DoneAndNotDoneFutures", (t, a, kw) -> PyTuple.Named.of(DONE_AND_NOT_DONE, DONE_FIELDS, a[0], a[1]));
        m.def("_wait_for", ConcurrentFuturesModule::waitFor);
        // Modules of their own, so that what the helpers import is no name of concurrent.futures.
        PyModule base = LibraryPython.defineModule(interp, "concurrent/futures/_base.py", "concurrent.futures._base",
                HELPERS, m);
        LibraryPython.export(base, m, "as_completed", "wait", "_map_results");
        PyModule process = LibraryPython.defineModule(interp, "concurrent/futures/process.py",
                "concurrent.futures.process", PROCESS_HELPERS, base);
        LibraryPython.export(process, m, "_process_map_results");
        return m;
    }

    /** The bare {@code concurrent} package. */
    public static PyModule createPackage(Interpreter interp) {
        return new PyModule("concurrent");
    }

    private static Object submit(PyThread t, Object[] a, String[] kw) {
        int nkw = kw == null ? 0 : kw.length;
        int positional = a.length - nkw;
        if (positional < 2) {
            throw Py.typeError(Py.typeName(a[0]) + ".submit() missing 1 required positional argument: 'fn'");
        }
        Executor ex = (Executor) a[0];
        Object[] args = Arrays.copyOfRange(a, 2, a.length);
        PythonCall call = new PythonCall(t.interpreter(), a[1], args, nkw == 0 ? null : kw);
        return new Suspend(new Outcome.Call(ex.submit(call)));
    }

    /**
     * {@code executor.map(fn, *iterables, timeout=None, chunksize=1)}: submits every call at once, then returns
     * a generator that yields the results in order, cancelling the calls not yet started when it stops early.
     */
    private static Object map(PyThread t, Object[] a, String[] kw) {
        int nkw = kw == null ? 0 : kw.length;
        int positional = a.length - nkw;
        Object timeout = Py.None;
        for (int i = 0; i < nkw; i++) {
            switch (kw[i]) {
                case "timeout" -> timeout = a[positional + i];
                case "chunksize" -> {
                    if (a[0] instanceof ProcessPool && Ops.index(a[positional + i]) < 1) {
                        throw Py.valueError("chunksize must be >= 1.");
                    }
                }
                default -> throw Py.typeError(mapName(a[0]) + "() got an unexpected keyword argument '" + kw[i] + "'");
            }
        }
        if (positional < 2) {
            throw Py.typeError(mapName(a[0]) + "() missing 1 required positional argument: 'fn'");
        }
        Object endTime = timeout == Py.None ? Py.None : Ops.add(timeout, t.now() / 1e9);
        Executor ex = (Executor) a[0];
        Object fn = a[1];
        List<Object> iterators = new ArrayList<>();
        for (int i = 2; i < positional; i++) {
            iterators.add(Ops.iter(a[i]));
        }
        List<Object[]> calls = new ArrayList<>();
        outer:
        while (!iterators.isEmpty()) {
            Object[] args = new Object[iterators.size()];
            for (int i = 0; i < args.length; i++) {
                Object v = Ops.next(iterators.get(i));
                if (v == null) {
                    break outer;
                }
                args[i] = v;
            }
            calls.add(args);
        }
        PyList futures = new PyList();
        Interpreter interp = t.interpreter();
        Object iterator = interp.modules.get("concurrent.futures")
                .get(ex instanceof ProcessPool ? "_process_map_results" : "_map_results");
        return submitAll(ex, interp, fn, calls, 0, futures, iterator, timeout, endTime);
    }

    /** The function CPython's errors name: ProcessPoolExecutor overrides map, ThreadPoolExecutor inherits it. */
    private static String mapName(Object executor) {
        return executor instanceof ProcessPool ? "ProcessPoolExecutor.map" : "Executor.map";
    }

    private static Object submitAll(Executor ex, Interpreter interp, Object fn, List<Object[]> calls, int i,
                                    PyList futures, Object iterator, Object timeout, Object endTime) {
        if (i == calls.size()) {
            return new TailCall(iterator, futures, timeout, endTime);
        }
        PythonCall call = new PythonCall(interp, fn, calls.get(i), null, true);
        return new Suspend(new Outcome.Call(ex.submit(call)), c -> {
            futures.append(Bind.value(c));
            return submitAll(ex, interp, fn, calls, i + 1, futures, iterator, timeout, endTime);
        });
    }

    private static List<ConcurrentFuture> futures(Object list) {
        List<ConcurrentFuture> out = new ArrayList<>();
        Object it = Ops.iter(list);
        for (Object v = Ops.next(it); v != null; v = Ops.next(it)) {
            if (!(v instanceof ConcurrentFuture f)) {
                throw Py.typeError("expected a concurrent.futures.Future, got " + Py.typeName(v));
            }
            out.add(f);
        }
        return out;
    }

    /** Runs the done callbacks that completing {@code f} released in the calling thread, then returns {@code value}. */
    private static Object afterCallbacks(PyThread t, ConcurrentFuture f, Object value) {
        if (!f.isDone() || !f.hasDoneCalls()) {
            return value;
        }
        return new Suspend(new Outcome.Call(f.runDoneCalls(t.context().process())), c -> {
            noneOrRaise(c);
            return value;
        });
    }

    /**
     * {@code max_workers} as a pool's {@code __init__} meets it: first compared with 0 at {@code line} of
     * {@code module} (so a string fails there, with CPython's TypeError), then used as a count; a thread pool
     * only compares it with its number of threads, so a float works there, as the next integer up.
     */
    private static int maxWorkers(Object v, String module, int line) {
        if (!(v instanceof Long || v instanceof Boolean || v instanceof java.math.BigInteger || v instanceof Double)) {
            try {
                Ops.compare(Ops.LE, v, 0L);
            } catch (PyError e) {
                throw LibraryFrames.through(e, LibraryFrames.stdlib(module, line, "__init__", "if max_workers <= 0:",
                        "max_workers <= 0"));
            }
        }
        if (v instanceof Double d && module.endsWith("thread.py")) {
            return d <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.ceil(d));
        }
        return (int) Ops.index(v);
    }

    /** What running done callbacks ended with: None, or a BaseException one of them raised, raised again. */
    private static Object noneOrRaise(Completion c) {
        if (c instanceof Completion.Raised(Object e)) {
            throw new PyError((PyBaseException) e);
        }
        return Py.None;
    }

    private static void setState(PyThread t, ConcurrentFuture f, Completion c) {
        if (!f.set(c)) {
            throw Py.error(Types.INVALID_STATE_ERROR, f.state() + ": " + Ops.repr(f));
        }
    }

    /** {@code initializer(*initargs)} as a call for the pool's workers, or null without an initializer. */
    private static PythonCall initializerCall(PyThread t, Object initializer, Object initargs) {
        if (initializer == Py.None) {
            return null;
        }
        if (!Ops.truthy(Ops.call(t.interpreter().builtins.getStr("callable"), initializer))) {
            throw Py.typeError("initializer must be a callable");
        }
        List<Object> args = new ArrayList<>();
        Object it = Ops.iter(initargs);
        for (Object v = Ops.next(it); v != null; v = Ops.next(it)) {
            args.add(v);
        }
        return new PythonCall(t.interpreter(), initializer, args.toArray(), null);
    }

    /** None: no limit (-1); otherwise the timeout in virtual nanoseconds, zero for anything at or below zero. */
    private static long timeoutNs(Object timeout) {
        if (timeout == Py.None) {
            return -1;
        }
        double s = Ops.toDouble(timeout);
        if (!(s > 0)) {
            return 0;
        }
        return s > 9.2e9 ? Long.MAX_VALUE / 4 : (long) Math.ceil(s * 1e9);
    }

    /**
     * Blocks until one of the futures is done or the timeout (seconds, None: no limit) has passed; returns the
     * done ones, in the order they finished (none when the time ran out).
     */
    private static Object waitAny(PyThread t, Object[] a, String[] kw) {
        List<ConcurrentFuture> fs = futures(a[0]);
        long timeout = timeoutNs(a.length > 1 ? a[1] : Py.None);
        List<ConcurrentFuture> done = doneInOrder(fs);
        if (!done.isEmpty() || timeout == 0) {
            return PyList.of(done);
        }
        AnyDone waitable = new AnyDone(fs, 1, false, deadline(t, timeout));
        return new Suspend(new Outcome.Wait(waitable), c -> PyList.of(doneInOrder(fs)));
    }

    /** Blocks until the futures satisfy {@code return_when} or the timeout (seconds, None: no limit) has passed. */
    private static Object waitFor(PyThread t, Object[] a, String[] kw) {
        List<ConcurrentFuture> fs = futures(a[0]);
        String when = Ops.str(a[1]);
        long timeout = timeoutNs(a.length > 2 ? a[2] : Py.None);
        Deadline d = deadline(t, timeout);
        AnyDone waitable = switch (when) {
            case "FIRST_COMPLETED" -> new AnyDone(fs, 1, false, d);
            case "FIRST_EXCEPTION" -> new AnyDone(fs, fs.size(), true, d);
            case "ALL_COMPLETED" -> new AnyDone(fs, fs.size(), false, d);
            default -> throw Py.valueError("Invalid return condition: " + Ops.repr(a[1]));
        };
        return waitable.isDone() || timeout == 0 ? Py.None : new Suspend(new Outcome.Wait(waitable), c -> Py.None);
    }

    /** When a wait gives up: the simulation and a virtual time, or none. */
    private record Deadline(Simulation sim, long time) {}

    private static Deadline deadline(PyThread t, long timeoutNs) {
        if (timeoutNs < 0) {
            return null;
        }
        return new Deadline(t.context().simulation(), t.now() + timeoutNs);
    }

    private static List<ConcurrentFuture> doneInOrder(List<ConcurrentFuture> fs) {
        List<ConcurrentFuture> done = new ArrayList<>();
        for (ConcurrentFuture f : fs) {
            if (f.isDone()) {
                done.add(f);
            }
        }
        done.sort((x, y) -> Long.compare(x.doneOrder(), y.doneOrder()));
        return done;
    }

    /**
     * Done when {@code needed} of the futures are done (or, optionally, as soon as one of them raised), or when
     * the deadline, if any, has passed.
     */
    private static final class AnyDone implements Waitable {
        private final List<ConcurrentFuture> futures;
        private final int needed;
        private final boolean stopOnException;
        private final Deadline deadline;
        private Consumer<Completion> listener;
        private boolean fired;
        private boolean timedOut;

        AnyDone(List<ConcurrentFuture> futures, int needed, boolean stopOnException, Deadline deadline) {
            this.futures = futures;
            this.needed = needed;
            this.stopOnException = stopOnException;
            this.deadline = deadline;
            for (ConcurrentFuture f : futures) {
                f.addDoneCallback(x -> check());
            }
        }

        private void check() {
            if (!fired && isDone()) {
                fired = true;
                if (listener != null) {
                    listener.accept(completion());
                }
            }
        }

        @Override
        public boolean isDone() {
            if (timedOut) {
                return true;
            }
            int done = 0;
            for (ConcurrentFuture f : futures) {
                if (f.isDone()) {
                    done++;
                    if (stopOnException && !f.isCancelled() && f.exceptionOrNull() != null) {
                        return true;
                    }
                }
            }
            return done >= Math.min(needed, futures.size());
        }

        @Override
        public Completion completion() {
            return new Completion.Returned(Py.None);
        }

        @Override
        public void onDone(Consumer<Completion> whenDone) {
            if (isDone()) {
                whenDone.accept(completion());
                return;
            }
            listener = whenDone;
            if (deadline != null) {
                deadline.sim().at(deadline.time(), () -> {
                    timedOut = true;
                    check();
                });
            }
        }
    }
}
