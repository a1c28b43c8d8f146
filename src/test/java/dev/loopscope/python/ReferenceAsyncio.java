package dev.loopscope.python;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Asyncio;
import dev.loopscope.engine.Callback;
import dev.loopscope.engine.Coroutine;
import dev.loopscope.engine.EventLoop;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Future;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.PyRaised;
import dev.loopscope.engine.SimProcess;
import dev.loopscope.engine.WorkCall;
import dev.loopscope.engine.Task;
import dev.loopscope.engine.trace.HandleKind;
import dev.loopscope.python.runtime.Args;
import dev.loopscope.python.runtime.ForeignTypes;
import dev.loopscope.python.runtime.ModuleRegistry;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyList;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Suspend;
import dev.loopscope.python.runtime.Types;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A small asyncio binding written against the native module API, for the interpreter's own tests (and as an
 * example for the engine's real binding): run, sleep, create_task, gather, wait_for, current_task,
 * all_tasks, get_running_loop, and the Task methods the lessons use.
 */
final class ReferenceAsyncio {

    private ReferenceAsyncio() {
    }

    /** Calls engine code, turning the engine's raised Python exceptions into interpreter ones. */
    static Object engine(Supplier<Object> call) {
        try {
            return call.get();
        } catch (PyRaised e) {
            throw new PyError((PyBaseException) e.exception());
        }
    }

    static EventLoop loop(PyThread t) {
        return (EventLoop) engine(() -> Asyncio.runningLoop(t.context()));
    }

    static long nanos(Object seconds) {
        return Math.round(Ops.toDouble(seconds) * 1e9);
    }

    static ModuleRegistry modules() {
        return ModuleRegistry.standard().with("asyncio", i -> module());
    }

    static PyModule module() {
        PyType futureType = ForeignTypes.register(Future.class, "Future", "_asyncio");
        PyType taskType = ForeignTypes.register(Task.class, "Task", "_asyncio", futureType);
        ForeignTypes.register(EventLoop.class, "_UnixSelectorEventLoop", "asyncio.unix_events")
                .method("time", (t, a, kw) -> ((EventLoop) a[0]).time() / 1e9)
                .method("run_in_executor", (t, a, kw) -> {
                    EventLoop loop = (EventLoop) a[0];
                    if (a[1] != Py.None) {
                        throw Py.typeError("the reference binding runs only the default executor");
                    }
                    Object fn = a[2];
                    Object[] args = Arrays.copyOfRange(a, 3, a.length);
                    WorkCall call = new WorkCall() {
                        @Override
                        public String label() {
                            return fn instanceof dev.loopscope.python.runtime.PyFunction f ? f.qualname + "()" : "call";
                        }

                        @Override
                        public Activity start(SimProcess process) {
                            return PyThread.forCall(t.interpreter(), fn, args);
                        }
                    };
                    return new Suspend(new Outcome.Call(Asyncio.runInExecutor(loop, null, call)));
                });
        for (PyType ft : new PyType[] {futureType, taskType}) {
            ft.method("done", (t, a, kw) -> ((Future) a[0]).isDone());
            ft.method("cancelled", (t, a, kw) -> ((Future) a[0]).isCancelled());
            ft.method("result", (t, a, kw) -> engine(() -> ((Future) a[0]).result()));
            ft.method("exception", (t, a, kw) -> {
                Object e = engine(() -> ((Future) a[0]).exception());
                return e == null ? Py.None : e;
            });
            ft.method("cancel", (t, a, kw) -> {
                Object msg = Args.keyword(a, kw, "msg");
                if (msg == null && Args.positional(a, kw) > 1) {
                    msg = a[1];
                }
                String m = msg == null || msg == Py.None ? null : Ops.str(msg);
                return ((Future) a[0]).cancel(m);
            });
            ft.method("add_done_callback", (t, a, kw) -> {
                Future f = (Future) a[0];
                Object fn = a[1];
                f.addDoneCallback(HandleKind.values()[0], -1, new Object(), fut -> new Callback() {
                    @Override
                    public Outcome run(ExecContext ctx) {
                        return new Outcome.Call(PyThread.forCall(t.interpreter(), fn, fut));
                    }
                });
                return Py.None;
            });
            ft.method("__repr__", (t, a, kw) -> ((Future) a[0]).repr());
        }
        taskType.method("get_name", (t, a, kw) -> ((Task) a[0]).name());
        taskType.method("set_name", (t, a, kw) -> {
            ((Task) a[0]).setName(Ops.str(a[1]));
            return Py.None;
        });
        taskType.method("get_coro", (t, a, kw) -> ((Task) a[0]).coroutine());
        taskType.method("cancelling", (t, a, kw) -> Py.box(((Task) a[0]).cancelling()));
        taskType.method("uncancel", (t, a, kw) -> Py.box(((Task) a[0]).uncancel()));
        PyModule m = new PyModule("asyncio");
        m.set("Task", taskType).set("Future", futureType);
        m.set("CancelledError", Types.CANCELLED_ERROR).set("TimeoutError", Types.TIMEOUT_ERROR);
        m.set("InvalidStateError", Types.INVALID_STATE_ERROR);
        m.def("run", (t, a, kw) -> {
            if (!(a[0] instanceof Coroutine c)) {
                throw Py.valueError("a coroutine was expected, got " + Ops.repr(a[0]));
            }
            return new Suspend(new Outcome.Call(Asyncio.run(c)));
        });
        m.def("sleep", (t, a, kw) -> {
            Object[] p = Args.parse("sleep", a, kw, 1, new String[] {"delay", "result"}, Py.None);
            return Asyncio.sleep(Math.max(0, nanos(p[0])), p[1]);
        });
        m.def("create_task", (t, a, kw) -> {
            Object name = Args.keyword(a, kw, "name");
            if (!(a[0] instanceof Coroutine c)) {
                throw Py.typeError("a coroutine was expected, got " + Ops.repr(a[0]));
            }
            return engine(() -> loop(t).createTask(c, name == null || name == Py.None ? null : Ops.str(name),
                    t.currentLine()));
        });
        m.def("ensure_future", (t, a, kw) -> engine(() -> Asyncio.ensureFuture(loop(t), a[0], t.currentLine())));
        m.def("gather", (t, a, kw) -> {
            int n = Args.positional(a, kw);
            Object re = Args.keyword(a, kw, "return_exceptions");
            List<Object> aws = Arrays.asList(Arrays.copyOf(a, n));
            return engine(() -> Asyncio.gather(loop(t), aws, re != null && Ops.truthy(re), t.currentLine()));
        });
        m.def("wait_for", (t, a, kw) -> {
            Object[] p = Args.parse("wait_for", a, kw, 2, new String[] {"fut", "timeout"});
            return Asyncio.waitFor(p[0], p[1] == Py.None ? null : nanos(p[1]), t.currentLine());
        });
        m.def("current_task", (t, a, kw) -> {
            Task task = loop(t).currentTask();
            return task == null ? Py.None : task;
        });
        m.def("all_tasks", (t, a, kw) -> {
            dev.loopscope.python.runtime.PySet s = new dev.loopscope.python.runtime.PySet();
            for (Task task : loop(t).allTasks()) {
                s.add(task);
            }
            return s;
        });
        m.def("get_running_loop", (t, a, kw) -> loop(t));
        m.def("get_event_loop", (t, a, kw) -> loop(t));
        m.def("iscoroutine", (t, a, kw) -> a[0] instanceof Coroutine);
        return m;
    }

    static PyList list(List<Object> items) {
        return PyList.of(items);
    }
}
