package dev.loopscope.python.library;

import dev.loopscope.engine.Asyncio;
import dev.loopscope.engine.Callback;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Coroutine;
import dev.loopscope.engine.EventLoop;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Executor;
import dev.loopscope.engine.Future;
import dev.loopscope.engine.Handle;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.Task;
import dev.loopscope.engine.ThreadPool;
import dev.loopscope.engine.trace.HandleKind;
import dev.loopscope.python.runtime.Args;
import dev.loopscope.python.runtime.CallbackSource;
import dev.loopscope.python.runtime.Code;
import dev.loopscope.python.runtime.PyDict;
import dev.loopscope.python.runtime.PyFunction;
import dev.loopscope.python.runtime.PyMethod;
import dev.loopscope.python.runtime.PyTuple;
import dev.loopscope.python.runtime.ForeignTypes;
import dev.loopscope.python.runtime.Heapq;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.LibraryFrames;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PySet;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Suspend;
import dev.loopscope.python.runtime.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code asyncio} module: Python's face of the engine's event loop, tasks and futures. Every function
 * delegates to the engine, which follows CPython 3.12's scheduling; this class only checks and converts
 * arguments the way CPython does.
 */
public final class AsyncioModule {

    /** {@code asyncio.Future} (the C implementation's name and module). */
    static final PyType FUTURE = ForeignTypes.register(Future.class, "Future", "_asyncio");
    /** {@code asyncio.Task}. */
    static final PyType TASK = ForeignTypes.register(Task.class, "Task", "_asyncio", FUTURE);
    /** The future {@code gather} returns, a Python subclass of Future in asyncio.tasks. */
    static final PyType GATHERING_FUTURE = ForeignTypes.register(Asyncio.GatheringFuture.class, "_GatheringFuture",
            "asyncio.tasks", FUTURE);
    static final PyType LOOP = ForeignTypes.register(EventLoop.class, "_UnixSelectorEventLoop", "asyncio.unix_events");
    static final PyType HANDLE = ForeignTypes.register(Handle.class, "Handle", "asyncio.events");
    /** A handle with a deadline (call_later, call_at), a subclass of Handle as in asyncio.events. */
    static final PyType TIMER_HANDLE = ForeignTypes.subtype("TimerHandle", "asyncio.events", HANDLE);

    static {
        defineFutureMethods();
        defineTaskMethods();
        defineLoopMethods();
        defineHandleMethods();
    }

    private AsyncioModule() {
    }

    public static PyModule create(Interpreter interp) {
        PyModule m = new PyModule("asyncio");
        m.set("CancelledError", Types.CANCELLED_ERROR);
        m.set("InvalidStateError", Types.INVALID_STATE_ERROR);
        m.set("TimeoutError", Types.TIMEOUT_ERROR);
        m.set("BrokenBarrierError", Types.BROKEN_BARRIER_ERROR);
        m.set("Future", FUTURE);
        m.set("Task", TASK);
        m.set("FIRST_COMPLETED", "FIRST_COMPLETED");
        m.set("FIRST_EXCEPTION", "FIRST_EXCEPTION");
        m.set("ALL_COMPLETED", "ALL_COMPLETED");
        m.def("run", AsyncioModule::run);
        m.def("sleep", AsyncioModule::sleep);
        m.def("create_task", (t, a, kw) -> {
            Object[] p = Args.parsePython("create_task", a, kw, 1, 1, new String[] {"coro", "name", "context"}, Py.None,
                    Py.None);
            EventLoop loop;
            try {
                loop = Bind.runningLoop(t);
            } catch (PyError e) {
                e.exc.keptByFrame(p[0]);
                throw throughLibrary(t, e, dev.loopscope.engine.LibraryFrame.CREATE_TASK_GET_LOOP);
            }
            try {
                return createTask(t, loop, p[0], p[1]);
            } catch (PyError e) {
                e.exc.keptByFrame(p[0]);
                // tasks.create_task called loop.create_task, which failed
                throw throughLibrary(t, e, p[2] == Py.None ? dev.loopscope.engine.LibraryFrame.CREATE_TASK_CALL
                        : dev.loopscope.engine.LibraryFrame.CREATE_TASK_CALL_CONTEXT);
            }
        });
        m.def("ensure_future", (t, a, kw) -> {
            Object[] p = Args.parsePython("ensure_future", a, kw, 1, 1, new String[] {"coro_or_future", "loop"},
                    Py.None);
            if (p[0] instanceof Future f) {
                return f;
            }
            if (!(p[0] instanceof Coroutine)) {
                throw notAwaitable();
            }
            EventLoop loop = p[1] instanceof EventLoop l ? l : currentLoop(t);
            return Bind.engine(() -> Asyncio.ensureFuture(loop, p[0], t.currentLine()));
        });
        m.def("gather", AsyncioModule::gather);
        m.def("wait_for", (t, a, kw) -> {
            Object[] p = Args.parsePython("wait_for", a, kw, 2, 2, new String[] {"fut", "timeout"});
            Long ns = null;
            if (p[1] != Py.None) {
                double s = Bind.seconds(p[1], "timeout");
                // A positive timeout that rounds to zero nanoseconds still takes the timeout path.
                ns = s > 0 ? Math.max(1, Bind.nanos(s)) : Bind.nanos(s);
            }
            return Asyncio.waitFor(p[0], ns, t.currentLine());
        });
        m.def("current_task", (t, a, kw) -> {
            Object[] p = Args.parse("current_task", a, kw, 0, new String[] {"loop"}, Py.None);
            EventLoop loop = p[0] instanceof EventLoop l ? l : Bind.runningLoop(t);
            return Bind.none(loop.currentTask());
        });
        m.def("all_tasks", (t, a, kw) -> {
            Object[] p = Args.parsePython("all_tasks", a, kw, 0, 1, new String[] {"loop"}, Py.None);
            EventLoop loop;
            try {
                loop = p[0] instanceof EventLoop l ? l : Bind.runningLoop(t);
            } catch (PyError e) {
                throw LibraryFrames.through(e, tasksLine(46, "all_tasks", "loop = events.get_running_loop()",
                        "events.get_running_loop()"));
            }
            PySet set = new PySet();
            for (Task task : loop.allTasks()) {
                set.add(task);
            }
            return set;
        });
        m.def("get_running_loop", (t, a, kw) -> {
            Args.check("get_running_loop", a, kw, 0, 0);
            return Bind.runningLoop(t);
        });
        m.def("get_event_loop", (t, a, kw) -> {
            Args.check("get_event_loop", a, kw, 0, 0);
            return currentLoop(t);
        });
        m.def("new_event_loop", (t, a, kw) -> {
            Args.check("new_event_loop", a, kw, 0, 0);
            dev.loopscope.engine.SimThread th = t.context().thread();
            return Bind.engine(() -> new EventLoop(th));
        });
        m.def("set_event_loop", (t, a, kw) -> {
            Object[] p = Args.parsePython("set_event_loop", a, kw, 1, 1, new String[] {"loop"});
            if (p[0] != Py.None && !(p[0] instanceof EventLoop)) {
                throw Py.typeError("loop must be an instance of AbstractEventLoop or None, not '"
                        + Py.typeName(p[0]) + "'");
            }
            dev.loopscope.engine.SimThread th = t.context().thread();
            th.currentLoop = p[0] instanceof EventLoop l ? l : null;
            th.currentLoopSetCalled = true;
            return Py.None;
        });
        m.def("iscoroutine", (t, a, kw) -> {
            Args.check("iscoroutine", a, kw, 1, 1);
            return Py.bool(a[0] instanceof Coroutine c && c.isCoroutineObject());
        });
        m.def("iscoroutinefunction", (t, a, kw) -> {
            Args.check("iscoroutinefunction", a, kw, 1, 1);
            return Py.bool(isCoroutineFunction(a[0]));
        });
        defineInPython(interp, m);
        return m;
    }

    /**
     * The parts CPython writes in Python, written in Python here too so that they take the same loop iterations:
     * the locks, the queue, {@code wait}, {@code as_completed}, {@code shield} and {@code to_thread}.
     */
    private static void defineInPython(Interpreter interp, PyModule m) {
        PyModule exceptions = new PyModule("asyncio.exceptions")
                .set("CancelledError", Types.CANCELLED_ERROR)
                .set("TimeoutError", Types.TIMEOUT_ERROR)
                .set("InvalidStateError", Types.INVALID_STATE_ERROR)
                .set("BrokenBarrierError", Types.BROKEN_BARRIER_ERROR);
        PyModule helpers = new PyModule("asyncio._helpers").set("exceptions", exceptions);
        helpers.def("_get_running_loop", (t, a, kw) -> {
            ExecContext ctx = t.context();
            EventLoop loop = ctx == null ? null : Asyncio.runningLoop(ctx);
            return loop == null ? Py.None : loop;
        });
        helpers.def("isfuture", (t, a, kw) -> Py.bool(a[0] instanceof Future));
        helpers.def("heappush", (t, a, kw) -> {
            Heapq.push(QueueModule.list(a[0]), a[1]);
            return Py.None;
        });
        helpers.def("heappop", (t, a, kw) -> Heapq.pop(QueueModule.list(a[0])));
        helpers.def("_ThreadCall", (t, a, kw) -> {
            Object[] args = ((PyTuple) a[1]).items;
            PyDict kwargs = (PyDict) a[2];
            List<Object> values = new ArrayList<>(Arrays.asList(args));
            List<String> names = new ArrayList<>();
            for (Object k : kwargs.keyList()) {
                names.add((String) k);
                values.add(kwargs.get(k));
            }
            return new BoundCall(a[0], values.toArray(), names.isEmpty() ? null : names.toArray(new String[0]));
        });
        PyModule mixins = LibraryPython.defineModule(interp, "asyncio/mixins.py", "asyncio.mixins",
                source("asyncio/mixins.py"), m, helpers);
        PyModule locks = LibraryPython.defineModule(interp, "asyncio/locks.py", "asyncio.locks",
                source("asyncio/locks.py"), m, helpers, mixins);
        LibraryPython.export(locks, m, "Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier");
        PyModule queues = LibraryPython.defineModule(interp, "asyncio/queues.py", "asyncio.queues",
                source("asyncio/queues.py"), m, helpers, mixins);
        LibraryPython.export(queues, m, "Queue", "PriorityQueue", "LifoQueue", "QueueEmpty", "QueueFull");
        // the bridge to concurrent.futures.Future (wrap_future, run_coroutine_threadsafe)
        helpers.set("_ConcurrentFuture", ConcurrentFuturesModule.FUTURE)
                .set("_ConcurrentCancelledError", Types.CONCURRENT_CANCELLED_ERROR);
        PyModule futures = LibraryPython.defineModule(interp, "asyncio/futures.py", "asyncio.futures",
                source("asyncio/futures.py"), m, helpers);
        LibraryPython.export(futures, m, "wrap_future");
        m.set("isfuture", helpers.get("isfuture"));
        PyModule tasks = LibraryPython.defineModule(interp, "asyncio/tasks.py", "asyncio.tasks",
                source("asyncio/tasks.py"), m, helpers, new PyModule("asyncio._names").set("futures", futures));
        LibraryPython.export(tasks, m, "wait", "as_completed", "shield", "run_coroutine_threadsafe");
        PyModule threads = LibraryPython.defineModule(interp, "asyncio/threads.py", "asyncio.threads",
                source("asyncio/threads.py"), m, helpers);
        LibraryPython.export(threads, m, "to_thread");
        // CPython's timeouts.py and taskgroups.py reach these through the modules events and tasks
        PyModule structured = new PyModule("asyncio._structured").set("events", m).set("tasks", m);
        structured.def("_trace_timeout", (t, a, kw) -> {
            // a Timeout armed for loop time a[1] (seconds), or fired (-1), for the task a[0]
            ExecContext ctx = t.context();
            if (ctx != null && a[0] instanceof Task task && (a[1] instanceof Double || a[1] instanceof Long)) {
                double when = Bind.seconds(a[1], "when");
                ctx.simulation().trace().timeout(ctx.now(), task.taskId(), when < 0 ? -1 : Bind.nanos(when),
                        when < 0);
            }
            return Py.None;
        });
        structured.def("_report_orphan_failure", (t, a, kw) -> {
            // what loop.call_exception_handler logs for a group task failing after its parent task finished
            ExecContext ctx = t.context();
            ctx.stderr("Task " + task(a[0]).repr() + " has errored out but its parent task " + Ops.str(a[1])
                    + " is already completed\ntask: " + task(a[0]).repr() + "\n"
                    + ctx.simulation().python().formatException(a[2]));
            return Py.None;
        });
        PyModule timeouts = LibraryPython.defineModule(interp, "asyncio/timeouts.py", "asyncio.timeouts",
                source("asyncio/timeouts.py"), m, helpers, structured);
        LibraryPython.export(timeouts, m, "Timeout", "timeout", "timeout_at");
        PyModule taskgroups = LibraryPython.defineModule(interp, "asyncio/taskgroups.py", "asyncio.taskgroups",
                source("asyncio/taskgroups.py"), m, helpers, structured);
        LibraryPython.export(taskgroups, m, "TaskGroup");
    }

    /** {@code func(*args, **kwargs)} that {@code to_thread} hands to {@code run_in_executor}. */
    record BoundCall(Object function, Object[] args, String[] kwNames) {}

    /**
     * {@code inspect.iscoroutinefunction} as asyncio uses it: an {@code async def} function, also seen through a
     * bound method or {@code functools.partial}.
     */
    static boolean isCoroutineFunction(Object f) {
        while (true) {
            if (f instanceof PyMethod m) {
                f = m.function;
            } else if (Py.typeOf(f).name.equals("partial") && "functools".equals(Py.typeOf(f).module)) {
                f = Ops.getAttr(f, "func");
            } else {
                break;
            }
        }
        return f instanceof PyFunction fn && (fn.code.flags & Code.COROUTINE) != 0;
    }

    private static String source(String name) {
        try (java.io.InputStream in = AsyncioModule.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing library source " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Module functions ----------------------------------------------------------------------------------

    private static Object run(PyThread t, Object[] a, String[] kw) {
        Object[] p = Args.parsePython("run", a, kw, 1, 1, new String[] {"main", "debug", "loop_factory"}, Py.None,
                Py.None);
        if (!(p[0] instanceof Coroutine coro) || !coro.isCoroutineObject()) {
            // Runner.run checks its argument
            String runners = LibraryFrames.DEFAULT_ROOT + "/asyncio/runners.py";
            throw LibraryFrames.through(Py.valueError("a coroutine was expected, got " + Ops.repr(p[0])),
                    LibraryFrames.Entry.of(runners, 194, "run", "return runner.run(main)", "runner.run(main)"),
                    LibraryFrames.Entry.of(runners, 89, "run",
                            "raise ValueError(\"a coroutine was expected, got {!r}\".format(coro))", null));
        }
        ExecContext ctx = t.context();
        if (ctx != null && ctx.loop() != null && ctx.loop().isRunning()) {
            // asyncio.run's frame keeps the coroutine: it is freed, never awaited, with the exception
            PyError e = Py.runtimeError("asyncio.run() cannot be called from a running event loop");
            e.exc.keptByFrame(coro);
            throw throughLibrary(t, e, dev.loopscope.engine.LibraryFrame.RUN_IN_RUNNING_LOOP);
        }
        return new Suspend(new Outcome.Call(Asyncio.run(coro)));
    }

    private static Object sleep(PyThread t, Object[] a, String[] kw) {
        Object[] p = Args.parsePython("sleep", a, kw, 1, 2, new String[] {"delay", "result"}, Py.None);
        double seconds = Bind.seconds(p[0], "delay");
        return Asyncio.sleep(seconds <= 0 ? 0 : Math.max(1, Bind.nanos(seconds)), p[1]);
    }

    /** A line of CPython's asyncio/tasks.py, for errors raised where CPython's Python code raises them. */
    static LibraryFrames.Entry tasksLine(int line, String function, String source, String highlighted) {
        return LibraryFrames.Entry.of(LibraryFrames.DEFAULT_ROOT + "/asyncio/tasks.py", line, function, source,
                highlighted);
    }

    /** ensure_future's TypeError for an argument that is neither a future nor a coroutine. */
    static PyError notAwaitable() {
        return LibraryFrames.through(Py.typeError("An asyncio.Future, a coroutine or an awaitable is required"),
                ensureFutureRaise());
    }

    private static LibraryFrames.Entry ensureFutureRaise() {
        return tasksLine(689, "ensure_future", "raise TypeError('An asyncio.Future, a coroutine or an awaitable '",
                null);
    }

    /**
     * {@code loop.create_task(coro, name=...)}: a closed loop and an argument that is no coroutine fail inside
     * {@code BaseEventLoop.create_task}, whose lines the traceback shows.
     */
    static Task createTask(PyThread t, EventLoop loop, Object coro, Object name) {
        if (loop.isClosed()) {
            PyError e = Py.runtimeError("Event loop is closed");
            // BaseEventLoop.create_task's frame, kept by the traceback, holds the coroutine
            e.exc.keptByFrame(coro);
            throughLibrary(t, e, dev.loopscope.engine.LibraryFrame.CHECK_CLOSED);
            throw throughLibrary(t, e, dev.loopscope.engine.LibraryFrame.LOOP_CREATE_TASK_CHECK_CLOSED);
        }
        if (!(coro instanceof Coroutine c) || !c.isCoroutineObject()) {
            throw throughLibrary(t, Py.typeError("a coroutine was expected, got " + Ops.repr(coro)),
                    dev.loopscope.engine.LibraryFrame.LOOP_CREATE_TASK);
        }
        String n = name == Py.None ? null : Ops.str(name);
        return Bind.engine(() -> loop.createTask(c, n, t.currentLine()));
    }

    /** {@code e} leaving the library frame {@code where} (added innermost first). */
    private static PyError throughLibrary(PyThread t, PyError e, dev.loopscope.engine.LibraryFrame where) {
        if (t.context() != null) {
            t.context().simulation().python().addLibraryFrame(e.exc, where);
        }
        return e;
    }

    private static Object gather(PyThread t, Object[] a, String[] kw) {
        boolean returnExceptions = false;
        int positional = a.length - (kw == null ? 0 : kw.length);
        for (int k = 0; kw != null && k < kw.length; k++) {
            if (!kw[k].equals("return_exceptions")) {
                throw Py.typeError("gather() got an unexpected keyword argument '" + kw[k] + "'");
            }
            returnExceptions = Ops.truthy(a[positional + k]);
        }
        List<Object> aws = new ArrayList<>(Arrays.asList(a).subList(0, positional));
        boolean re = returnExceptions;
        // the loop of the first future given, else get_event_loop() (the running loop, if any)
        EventLoop loop = !aws.isEmpty() && aws.get(0) instanceof Future f ? f.loop() : currentLoop(t);
        try {
            return Bind.engine(() -> Asyncio.gather(loop, aws, re, t.currentLine()));
        } catch (PyError e) {
            // an argument that is neither a future nor a coroutine, after the ones before it became tasks
            throw LibraryFrames.through(e, tasksLine(831, "gather", "fut = ensure_future(arg, loop=loop)",
                    "ensure_future(arg, loop=loop)"), ensureFutureRaise());
        }
    }

    // Future and Task -----------------------------------------------------------------------------------

    private static Future fut(Object o) {
        return (Future) o;
    }

    private static void defineFutureMethods() {
        // Future(*, loop=None): the running loop, else get_event_loop()
        FUTURE.constructor = (t, a, kw) -> {
            if (Args.positional(a, kw) > 1) {
                throw Py.typeError("Future() takes no positional arguments");
            }
            Object[] p = Args.parse("Future", Arrays.copyOfRange(a, 1, a.length), kw, 0, new String[] {"loop"},
                    Py.None);
            EventLoop loop = p[0] instanceof EventLoop l ? l : currentLoop(t);
            return loop.createFuture();
        };
        FUTURE.method("done", (t, a, kw) -> {
            Args.check("done", a, kw, 1, 1);
            return Py.bool(fut(a[0]).isDone());
        });
        FUTURE.method("cancelled", (t, a, kw) -> {
            Args.check("cancelled", a, kw, 1, 1);
            return Py.bool(fut(a[0]).isCancelled());
        });
        FUTURE.method("result", (t, a, kw) -> {
            Args.check("result", a, kw, 1, 1);
            return Bind.none(Bind.engine(() -> fut(a[0]).result()));
        });
        FUTURE.method("exception", (t, a, kw) -> {
            Args.check("exception", a, kw, 1, 1);
            return Bind.none(Bind.engine(() -> fut(a[0]).exception()));
        });
        FUTURE.method("cancel", (t, a, kw) -> {
            Object[] p = Args.parse("cancel", a, kw, 1, new String[] {"self", "msg"}, Py.None);
            return Py.bool(fut(p[0]).cancel(p[1] == Py.None ? null : Ops.str(p[1])));
        });
        FUTURE.method("set_result", (t, a, kw) -> {
            Args.check("set_result", a, kw, 2, 2);
            Bind.engine(() -> {
                fut(a[0]).setResult(a[1]);
                return null;
            });
            return Py.None;
        });
        FUTURE.method("set_exception", (t, a, kw) -> {
            Args.check("set_exception", a, kw, 2, 2);
            Object exc = a[1];
            if (exc instanceof PyType type) {
                exc = t.interpreter().callNested(type, new Object[0], null);
            }
            if (!(exc instanceof PyBaseException e)) {
                throw Py.typeError("invalid exception object");
            }
            if (e.isA(Types.STOP_ITERATION)) {
                throw Py.typeError("StopIteration interacts badly with generators and cannot be raised into a Future");
            }
            Object raised = exc;
            Bind.engine(() -> {
                fut(a[0]).setException(raised);
                return null;
            });
            return Py.None;
        });
        FUTURE.method("add_done_callback", (t, a, kw) -> {
            Object[] p = Args.parse("add_done_callback", a, kw, 2, new String[] {"self", "fn", "context"}, Py.None);
            Future f = fut(p[0]);
            Object fn = p[1];
            Interpreter interp = t.interpreter();
            f.addDoneCallback(HandleKind.USER_CALLBACK, f instanceof Task task ? task.taskId() : f.traceId(), fn,
                    done -> pythonCallback(interp, fn, new Object[] {done}));
            return Py.None;
        });
        FUTURE.method("remove_done_callback", (t, a, kw) -> {
            Args.check("remove_done_callback", a, kw, 2, 2);
            return Py.box(fut(a[0]).removeDoneCallback(a[1]));
        });
        FUTURE.method("get_loop", (t, a, kw) -> {
            Args.check("get_loop", a, kw, 1, 1);
            return fut(a[0]).loop();
        });
        FUTURE.method("__repr__", (t, a, kw) -> fut(a[0]).repr());
    }

    private static Task task(Object o) {
        return (Task) o;
    }

    private static void defineTaskMethods() {
        // Task(coro, *, loop=None, name=None, context=None)
        TASK.constructor = (t, a, kw) -> {
            Object[] p = Args.parse("Task", Arrays.copyOfRange(a, 1, a.length), kw, 1,
                    new String[] {"coro", "loop", "name", "context"}, Py.None, Py.None, Py.None);
            EventLoop loop = p[1] instanceof EventLoop l ? l : currentLoop(t);
            return createTask(t, loop, p[0], p[2]);
        };
        TASK.method("get_name", (t, a, kw) -> {
            Args.check("get_name", a, kw, 1, 1);
            return task(a[0]).name();
        });
        TASK.method("set_name", (t, a, kw) -> {
            Args.check("set_name", a, kw, 2, 2);
            task(a[0]).setName(Ops.str(a[1]));
            return Py.None;
        });
        TASK.method("get_coro", (t, a, kw) -> {
            Args.check("get_coro", a, kw, 1, 1);
            return task(a[0]).coroutine();
        });
        TASK.method("cancelling", (t, a, kw) -> {
            Args.check("cancelling", a, kw, 1, 1);
            return Py.box(task(a[0]).cancelling());
        });
        TASK.method("uncancel", (t, a, kw) -> {
            Args.check("uncancel", a, kw, 1, 1);
            return Py.box(task(a[0]).uncancel());
        });
        TASK.method("set_result", (t, a, kw) -> {
            throw Py.runtimeError("Task does not support set_result operation");
        });
        TASK.method("set_exception", (t, a, kw) -> {
            throw Py.runtimeError("Task does not support set_exception operation");
        });
        TASK.method("__repr__", (t, a, kw) -> task(a[0]).repr());
    }

    /** A loop callback that calls a Python callable; an exception in it is reported as CPython's loop does. */
    static Callback pythonCallback(Interpreter interp, Object fn, Object[] args) {
        return new PythonCallback(interp, fn, args);
    }

    /** A Python callable and its arguments run as a loop callback; handles show them in their repr. */
    record PythonCallback(Interpreter interp, Object fn, Object[] args) implements Callback {
        @Override
        public Object[] references() {
            Object[] refs = Arrays.copyOf(args, args.length + 1);
            refs[args.length] = fn;
            return refs;
        }

        @Override
        public Outcome run(ExecContext ctx) {
            return new Outcome.Call(PyThread.forCall(interp, fn, args, null, null));
        }

        @Override
        public Outcome resume(ExecContext ctx, Completion completion) {
            if (completion instanceof Completion.Returned(Object value) && value instanceof Coroutine c
                    && c.neverStarted()) {
                // a coroutine function used as a callback: Handle._run drops the coroutine it made
                String w = ctx.simulation().python().freedUnawaitedWarning(c,
                        dev.loopscope.engine.LibraryFrame.HANDLE_RUN);
                if (!w.isEmpty()) {
                    ctx.stderr(w);
                }
            }
            if (completion instanceof Completion.Raised(Object exc)) {
                String call = CallbackSource.of(fn, args);
                // the exception left the callback through Handle._run
                ctx.simulation().python().addLibraryFrame(exc, dev.loopscope.engine.LibraryFrame.HANDLE_RUN);
                ctx.stderr("Exception in callback " + call + "\nhandle: <Handle " + call + ">\n"
                        + ctx.simulation().python().formatException(exc));
            }
            return null;
        }
    }

    // The event loop ------------------------------------------------------------------------------------

    private static EventLoop loop(Object o) {
        return (EventLoop) o;
    }

    /**
     * {@code asyncio.get_event_loop()}: the running loop, else the thread's current loop; the main thread gets a
     * new one (with a DeprecationWarning) if no loop was ever set, as the default policy does in 3.12.
     */
    private static EventLoop currentLoop(PyThread t) {
        ExecContext ctx = t.context();
        EventLoop running = ctx == null ? null : ctx.loop();
        if (running != null && running.isRunning()) {
            return running;
        }
        if (ctx == null) {
            throw Py.runtimeError("no running event loop");
        }
        dev.loopscope.engine.SimThread th = ctx.thread();
        if (th.currentLoop == null && !th.currentLoopSetCalled
                && th.role() == dev.loopscope.engine.trace.ThreadRole.MAIN) {
            t.warn(Types.DEPRECATION_WARNING, "There is no current event loop", 0);
            th.currentLoop = Bind.engine(() -> new EventLoop(th));
            th.currentLoopSetCalled = true;
        }
        if (th.currentLoop == null) {
            throw Py.runtimeError("There is no current event loop in thread " + Ops.repr(th.name()) + ".");
        }
        return th.currentLoop;
    }

    /** {@code loop.run_until_complete(future)} outside asyncio.run: runs the loop until the future is done. */
    private static Object runUntilComplete(PyThread t, Object[] a, String[] kw) {
        Args.check("run_until_complete", a, kw, 2, 2);
        EventLoop loop = loop(a[0]);
        ExecContext ctx = t.context();
        if (loop.isClosed()) {
            PyBaseException e = Py.newException(Types.RUNTIME_ERROR, "Event loop is closed");
            ctx.simulation().python().addLibraryFrame(e, dev.loopscope.engine.LibraryFrame.CHECK_CLOSED);
            ctx.simulation().python().addLibraryFrame(e,
                    dev.loopscope.engine.LibraryFrame.RUN_UNTIL_COMPLETE_CHECK_CLOSED);
            throw new dev.loopscope.python.runtime.PyError(e);
        }
        if (loop.isRunning()) {
            throw Py.runtimeError("This event loop is already running");
        }
        if (ctx.loop() != null && ctx.loop().isRunning()) {
            throw Py.runtimeError("Cannot run the event loop while another loop is running");
        }
        Object awaitable = a[1];
        if (!(awaitable instanceof Future) && !(awaitable instanceof Coroutine c && c.isCoroutineObject())) {
            throw Py.typeError("An asyncio.Future, a coroutine or an awaitable is required");
        }
        Future future = Bind.engine(() -> Asyncio.ensureFuture(loop, awaitable, t.currentLine()));
        Bind.engine(() -> {
            loop.makeCurrentOn(ctx.thread());
            return null;
        });
        dev.loopscope.engine.Activity run = loop.runUntilComplete(future);
        return new Suspend(new Outcome.Call(new dev.loopscope.engine.Activity() {
            private boolean started;

            @Override
            public Outcome run(ExecContext c, Completion resumed) {
                if (!started) {
                    started = true;
                    return new Outcome.Call(run);
                }
                if (resumed instanceof Completion.Raised(Object e)) {
                    // out of future.result(), or straight out of run_forever for SystemExit and KeyboardInterrupt
                    c.simulation().python().addLibraryFrame(e, c.simulation().python().isExitException(e)
                            ? dev.loopscope.engine.LibraryFrame.RUN_UNTIL_COMPLETE_FOREVER
                            : dev.loopscope.engine.LibraryFrame.RUN_UNTIL_COMPLETE);
                }
                return new Outcome.Done(resumed);
            }

            @Override
            public String label() {
                return "run_until_complete";
            }
        }));
    }

    private static void defineLoopMethods() {
        LOOP.method("run_until_complete", AsyncioModule::runUntilComplete);
        LOOP.method("run_forever", (t, a, kw) -> {
            Args.check("run_forever", a, kw, 1, 1);
            EventLoop loop = loop(a[0]);
            ExecContext ctx = t.context();
            if (loop.isClosed()) {
                throw Py.runtimeError("Event loop is closed");
            }
            if (loop.isRunning()) {
                throw Py.runtimeError("This event loop is already running");
            }
            if (ctx.loop() != null && ctx.loop().isRunning()) {
                throw Py.runtimeError("Cannot run the event loop while another loop is running");
            }
            return new Suspend(new Outcome.Call(loop.runForever()));
        });
        LOOP.method("close", (t, a, kw) -> {
            Args.check("close", a, kw, 1, 1);
            EventLoop loop = loop(a[0]);
            if (loop.isRunning()) {
                PyBaseException e = Py.newException(Types.RUNTIME_ERROR, "Cannot close a running event loop");
                t.context().simulation().python().addLibraryFrame(e,
                        dev.loopscope.engine.LibraryFrame.SELECTOR_LOOP_CLOSE_RUNNING);
                t.context().simulation().python().addLibraryFrame(e, dev.loopscope.engine.LibraryFrame.UNIX_LOOP_CLOSE);
                throw new dev.loopscope.python.runtime.PyError(e);
            }
            Bind.engine(() -> {
                loop.closeOutsideRun(t.context());
                return null;
            });
            return Py.None;
        });
        LOOP.method("time", (t, a, kw) -> {
            Args.parsePython("BaseEventLoop.time", a, kw, 1, 1, new String[] {"self"});
            return t.now() / 1e9;
        });
        LOOP.method("is_running", (t, a, kw) -> Py.bool(loop(a[0]).isRunning()));
        LOOP.method("is_closed", (t, a, kw) -> Py.bool(loop(a[0]).isClosed()));
        LOOP.method("get_debug", (t, a, kw) -> Py.bool(false));
        LOOP.method("stop", (t, a, kw) -> {
            loop(a[0]).stop();
            return Py.None;
        });
        LOOP.method("create_future", (t, a, kw) -> {
            Args.parsePython("BaseEventLoop.create_future", a, kw, 1, 1, new String[] {"self"});
            return loop(a[0]).createFuture();
        });
        LOOP.method("create_task", (t, a, kw) -> {
            Object[] p = Args.parsePython("BaseEventLoop.create_task", a, kw, 2, 2,
                    new String[] {"self", "coro", "name", "context"},
                    Py.None, Py.None);
            return createTask(t, loop(p[0]), p[1], p[2]);
        });
        LOOP.method("run_in_executor", (t, a, kw) -> {
            // run_in_executor(self, executor, func, *args): no keyword arguments
            if (kw != null && kw.length > 0) {
                throw Py.typeError("BaseEventLoop.run_in_executor() got an unexpected keyword argument '"
                        + kw[0] + "'");
            }
            Args.parsePython("BaseEventLoop.run_in_executor", Arrays.copyOf(a, Math.min(a.length, 3)), null, 3, 3,
                    new String[] {"self", "executor", "func"});
            EventLoop loop = loop(a[0]);
            Executor executor = null;
            if (a[1] != Py.None) {
                if (!(a[1] instanceof Executor ex)) {
                    throw Py.typeError("executor must be ThreadPoolExecutor, got " + Ops.repr(a[1]));
                }
                executor = ex;
            }
            PythonCall call = a[2] instanceof BoundCall b && a.length == 3
                    ? new PythonCall(t.interpreter(), b.function(), b.args(), b.kwNames())
                    : new PythonCall(t.interpreter(), a[2], Arrays.copyOfRange(a, 3, a.length), null);
            return new Suspend(new Outcome.Call(Asyncio.runInExecutor(loop, executor, call)));
        });
        LOOP.method("set_default_executor", (t, a, kw) -> {
            Object[] p = Args.parse("set_default_executor", a, kw, 2, new String[] {"self", "executor"});
            if (!(p[1] instanceof ThreadPool pool)) {
                throw Py.typeError("executor must be ThreadPoolExecutor instance");
            }
            loop(p[0]).setDefaultExecutor(pool);
            return Py.None;
        });
        LOOP.method("call_soon", (t, a, kw) -> schedule(t, a, kw, "call_soon", 2, false));
        LOOP.method("call_soon_threadsafe", (t, a, kw) -> schedule(t, a, kw, "call_soon_threadsafe", 2, false));
        LOOP.method("call_later", (t, a, kw) -> schedule(t, a, kw, "call_later", 3, true));
        LOOP.method("call_at", (t, a, kw) -> schedule(t, a, kw, "call_at", 3, true));
        LOOP.method("__repr__", (t, a, kw) -> "<_UnixSelectorEventLoop running=" + (loop(a[0]).isRunning()
                ? "True" : "False") + " closed=" + (loop(a[0]).isClosed() ? "True" : "False") + " debug=False>");
    }

    /** {@code call_soon(cb, *args)}, {@code call_later(delay, cb, *args)}, {@code call_at(when, cb, *args)}. */
    private static Object schedule(PyThread t, Object[] a, String[] kw, String name, int first, boolean timed) {
        int positional = a.length - (kw == null ? 0 : kw.length);
        // call_soon(self, callback, *args, context=None), call_later(self, delay, callback, *args, context=None)
        String[] names = first == 2 ? new String[] {"self", "callback", "context"}
                : new String[] {"self", name.equals("call_at") ? "when" : "delay", "callback", "context"};
        Object[] head = new Object[Math.min(positional, first) + (kw == null ? 0 : kw.length)];
        System.arraycopy(a, 0, head, 0, Math.min(positional, first));
        System.arraycopy(a, positional, head, Math.min(positional, first), a.length - positional);
        Args.parsePython("BaseEventLoop." + name, head, kw, first, first, names, Py.None);
        EventLoop loop = loop(a[0]);
        Object fn = a[first - 1];
        Object[] args = Arrays.copyOfRange(a, first, positional);
        Callback cb = pythonCallback(t.interpreter(), fn, args);
        if (!timed) {
            return name.equals("call_soon_threadsafe")
                    ? loop.callSoonThreadsafe(HandleKind.USER_CALLBACK, -1, cb)
                    : loop.callSoon(HandleKind.USER_CALLBACK, -1, cb);
        }
        if (name.equals("call_later") && !(a[1] instanceof Boolean || Py.isInt(a[1]) || a[1] instanceof Double)) {
            // call_later adds the delay to self.time() before anything else looks at it
            throw LibraryFrames.through(Py.typeError("unsupported operand type(s) for +: 'float' and '"
                    + Py.typeName(a[1]) + "'"), LibraryFrames.Entry.of(LibraryFrames.DEFAULT_ROOT
                    + "/asyncio/base_events.py", 758, "call_later",
                    "timer = self.call_at(self.time() + delay, callback, *args,", "self.time() + delay", "+"));
        }
        double value = Bind.seconds(a[1], name.equals("call_at") ? "when" : "delay");
        long ns = Bind.nanos(value);
        return name.equals("call_at")
                ? loop.callAt(ns, HandleKind.USER_CALLBACK, -1, cb)
                : loop.callLater(ns, HandleKind.USER_CALLBACK, -1, cb);
    }

    /** {@code repr(handle)}: the class, cancelled, the deadline of a timer, and the callback while it has one. */
    private static String handleRepr(Handle h) {
        List<String> info = new ArrayList<>();
        info.add(h.when() >= 0 ? "TimerHandle" : "Handle");
        if (h.isCancelled()) {
            info.add("cancelled");
        }
        if (h.when() >= 0) {
            info.add("when=" + Ops.repr(h.when() / 1e9));
        }
        // cancel() lets go of the callback
        if (!h.isCancelled() && h.callback() instanceof PythonCallback pc) {
            info.add(CallbackSource.of(pc.fn(), pc.args()));
        }
        return "<" + String.join(" ", info) + ">";
    }

    private static void defineHandleMethods() {
        HANDLE.method("__repr__", (t, a, kw) -> handleRepr((Handle) a[0]));
        HANDLE.method("cancel", (t, a, kw) -> {
            ((Handle) a[0]).cancel();
            return Py.None;
        });
        HANDLE.method("cancelled", (t, a, kw) -> Py.bool(((Handle) a[0]).isCancelled()));
        TIMER_HANDLE.method("when", (t, a, kw) -> ((Handle) a[0]).when() / 1e9);
        ForeignTypes.choosePerInstance(Handle.class, h -> ((Handle) h).when() >= 0 ? TIMER_HANDLE : HANDLE);
    }
}
