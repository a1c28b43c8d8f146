package dev.loopscope.python.library;

import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.SimEvent;
import dev.loopscope.engine.SimLock;
import dev.loopscope.engine.SimProcess;
import dev.loopscope.engine.SimSemaphore;
import dev.loopscope.engine.SimThread;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.python.runtime.Args;
import dev.loopscope.python.runtime.ForeignTypes;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyBuiltin;
import dev.loopscope.python.runtime.PyList;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PyTuple;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Suspend;
import dev.loopscope.python.runtime.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code threading} module: threads of the program become simulated threads, and its locks, events and
 * semaphores block them through the engine's waitables (the GIL is released while they wait). The classes are
 * written in Python ({@code threading.py} beside this class) over the primitives bound here, as CPython's
 * {@code threading} is written over {@code _thread}.
 */
public final class ThreadingModule {

    /** {@code _thread.lock}, what {@code threading.Lock()} returns in 3.12. */
    static final PyType LOCK = ForeignTypes.register(PlainLock.class, "lock", "_thread");
    /** {@code _thread.RLock}. */
    static final PyType RLOCK = ForeignTypes.register(ReentrantLock.class, "RLock", "_thread");
    static final PyType FLAG = ForeignTypes.register(SimEvent.class, "_Flag", "threading");
    static final PyType PERMITS = ForeignTypes.register(SimSemaphore.class, "_Permits", "threading");
    static final PyType HANDLE = ForeignTypes.register(SimThread.class, "_ThreadHandle", "_thread");

    private static final String SOURCE = read("threading.py");

    /** Python's view of a {@link SimLock}: the two lock types differ only in reentrancy and repr. */
    abstract static class LockObject {
        final SimLock lock;

        LockObject(SimLock lock) {
            this.lock = lock;
        }
    }

    static final class PlainLock extends LockObject {
        PlainLock() {
            super(new SimLock(false));
        }
    }

    static final class ReentrantLock extends LockObject {
        ReentrantLock() {
            super(new SimLock(true));
        }
    }

    static {
        for (PyType type : List.of(LOCK, RLOCK)) {
            type.method("acquire", ThreadingModule::acquire);
            type.method("__enter__", ThreadingModule::acquire);
            type.method("release", (t, a, kw) -> {
                Args.check("release", a, kw, 1, 1);
                release(t, (LockObject) a[0]);
                return Py.None;
            });
            type.method("__exit__", (t, a, kw) -> {
                release(t, (LockObject) a[0]);
                return Py.None;
            });
        }
        LOCK.method("locked", (t, a, kw) -> {
            Args.check("locked", a, kw, 1, 1);
            return Py.bool(((LockObject) a[0]).lock.isLocked());
        });
        LOCK.method("__repr__", (t, a, kw) -> "<" + (((LockObject) a[0]).lock.isLocked() ? "locked" : "unlocked")
                + " _thread.lock object at 0x" + Long.toHexString(Interpreter.idOf(a[0])) + ">");
        RLOCK.constructor = (t, a, kw) -> {
            Args.check("RLock", java.util.Arrays.copyOfRange(a, 1, a.length), kw, 0, 0);
            return new ReentrantLock();
        };
        RLOCK.method("_is_owned", (t, a, kw) -> {
            SimLock l = ((LockObject) a[0]).lock;
            return Py.bool(l.isLocked() && l.owner() == t.context().thread());
        });
        // What Condition uses to drop every level of an RLock while it waits, and to take them back after.
        RLOCK.method("_release_save", (t, a, kw) -> {
            SimLock l = ((LockObject) a[0]).lock;
            SimThread me = t.context().thread();
            int levels = l.releaseAll(me);
            if (levels == 0) {
                throw Py.runtimeError("cannot release un-acquired lock");
            }
            return PyTuple.of(Py.box(levels), Py.box(ident(me)));
        });
        RLOCK.method("_acquire_restore", (t, a, kw) -> {
            SimLock l = ((LockObject) a[0]).lock;
            int levels = (int) Ops.index(((PyTuple) a[1]).items[0]);
            SimThread me = t.context().thread();
            if (l.tryAcquire(me)) {
                l.restoreLevels(me, levels);
                return Py.None;
            }
            return new Suspend(new Outcome.Call(l.acquire(-1)), c -> {
                l.restoreLevels(me, levels);
                return Py.None;
            });
        });
        RLOCK.method("__repr__", (t, a, kw) -> {
            SimLock l = ((LockObject) a[0]).lock;
            return "<" + (l.isLocked() ? "locked" : "unlocked") + " _thread.RLock object owner="
                    + (l.owner() == null ? 0 : ident(l.owner())) + " count=" + l.count() + " at 0x"
                    + Long.toHexString(Interpreter.idOf(a[0])) + ">";
        });

        FLAG.constructor = (t, a, kw) -> new SimEvent();
        FLAG.method("is_set", (t, a, kw) -> Py.bool(((SimEvent) a[0]).isSet()));
        FLAG.method("set", (t, a, kw) -> {
            ((SimEvent) a[0]).set();
            return Py.None;
        });
        FLAG.method("clear", (t, a, kw) -> {
            ((SimEvent) a[0]).clear();
            return Py.None;
        });
        FLAG.method("wait", (t, a, kw) -> {
            SimEvent e = (SimEvent) a[0];
            if (e.isSet()) {
                return Boolean.TRUE;
            }
            return new Suspend(new Outcome.Call(e.await(timeoutNanos(a[1]))));
        });

        PERMITS.constructor = (t, a, kw) -> new SimSemaphore(Ops.index(a[1]));
        PERMITS.method("value", (t, a, kw) -> Py.box(((SimSemaphore) a[0]).value()));
        PERMITS.method("acquire", (t, a, kw) -> {
            SimSemaphore s = (SimSemaphore) a[0];
            if (s.tryAcquire()) {
                return Boolean.TRUE;
            }
            long ns = timeoutNanos(a[1]);
            return ns == 0 ? Boolean.FALSE : new Suspend(new Outcome.Call(s.acquire(ns)));
        });
        PERMITS.method("release", (t, a, kw) ->
                Py.bool(((SimSemaphore) a[0]).release(Ops.index(a[1]), Ops.index(a[2]))));

        HANDLE.method("is_done", (t, a, kw) -> Py.bool(((SimThread) a[0]).isDone()));
        HANDLE.method("join", (t, a, kw) -> {
            SimThread th = (SimThread) a[0];
            if (th.isDone()) {
                return Py.None;
            }
            return new Suspend(new Outcome.Call(th.join(timeoutNanos(a[1]))), c -> Py.None);
        });
    }

    private ThreadingModule() {
    }

    public static PyModule create(Interpreter interp) {
        PyModule m = new PyModule("threading");
        m.def("_allocate_lock", (t, a, kw) -> {
            Args.check("allocate_lock", a, kw, 0, 0);
            return new PlainLock();
        });
        m.set("_CRLock", RLOCK);
        m.set("_Flag", FLAG);
        m.set("_Permits", PERMITS);
        m.def("get_ident", (t, a, kw) -> {
            Args.check("get_ident", a, kw, 0, 0);
            return Py.box(ident(t.context().thread()));
        });
        m.def("get_native_id", (t, a, kw) -> {
            Args.check("get_native_id", a, kw, 0, 0);
            return Py.box(nativeId(t.context().thread()));
        });
        // Building the module outside a run (to list its names) has no threads to name.
        m.def("_main_ident", (t, a, kw) -> Py.box(t.context() == null ? 0 : ident(mainThreadOf(t))));
        m.def("_next_thread_number", (t, a, kw) -> Py.box(t.context().process().nextThreadNumber()));
        m.def("_start_thread", ThreadingModule::startThread);
        m.def("_thread_handle", (t, a, kw) -> {
            SimThread th = byIdent(t, Ops.index(a[0]));
            return th == null ? Py.None : th;
        });
        m.def("_thread_name", (t, a, kw) -> {
            SimThread th = byIdent(t, Ops.index(a[0]));
            return th == null ? "Dummy-" + t.context().process().nextThreadNumber() : th.name();
        });
        m.def("_live_idents", (t, a, kw) -> {
            List<Object> idents = new ArrayList<>();
            for (SimThread th : liveThreads(t)) {
                idents.add(Py.box(ident(th)));
            }
            return PyList.of(idents);
        });
        m.def("_live_threads", (t, a, kw) -> Py.box(liveThreads(t).size()));
        // _thread._excepthook, also kept as __excepthook__ to put back after replacing threading.excepthook
        PyBuiltin hook = PyBuiltin.function("_excepthook", ThreadingModule::excepthook);
        hook.module = "_thread";
        m.set("excepthook", hook).set("__excepthook__", hook);
        m.def("_time", (t, a, kw) -> t.now() / 1e9);
        m.set("local", ThreadLocals.TYPE);
        // threading._shutdown(): waits for the other non-daemon threads of this process to end.
        m.def("_shutdown", (t, a, kw) -> joinNonDaemon(t));
        // warnings.warn(message, DeprecationWarning, stacklevel=2) from the function that calls this.
        m.def("_deprecated", (t, a, kw) -> {
            t.warn(Types.DEPRECATION_WARNING, Ops.str(a[0]), 1);
            return Py.None;
        });
        LibraryPython.define(interp, m, "threading.py", SOURCE);
        return m;
    }

    // Threads -------------------------------------------------------------------------------------------

    /** A CPython-looking thread identifier, stable for a simulated thread. */
    static long ident(SimThread th) {
        return 140_245_000_000_000L + th.id() * 8_392_704L;
    }

    /** A Linux-looking thread id ({@code get_native_id}). */
    static long nativeId(SimThread th) {
        return 4242 + th.id();
    }

    private static Simulation sim(PyThread t) {
        ExecContext c = t.context();
        if (c == null) {
            throw Py.runtimeError("threading needs a running simulation");
        }
        return c.simulation();
    }

    private static SimThread mainThreadOf(PyThread t) {
        SimProcess p = t.context().process();
        for (SimThread th : sim(t).threads()) {
            if (th.process() == p) {
                return th;
            }
        }
        return t.context().thread();
    }

    private static List<SimThread> liveThreads(PyThread t) {
        SimProcess p = t.context().process();
        List<SimThread> out = new ArrayList<>();
        for (SimThread th : sim(t).threads()) {
            if (th.process() == p && !th.isDone()) {
                out.add(th);
            }
        }
        return out;
    }

    private static Object joinNonDaemon(PyThread t) {
        SimThread me = t.context().thread();
        for (SimThread th : sim(t).threads()) {
            if (th.process() == me.process() && th != me && !th.isDaemon() && !th.isDone()) {
                return new Suspend(new Outcome.Wait(th.joined()), c -> joinNonDaemon(t));
            }
        }
        return Py.None;
    }

    private static SimThread byIdent(PyThread t, long ident) {
        for (SimThread th : sim(t).threads()) {
            if (ident(th) == ident) {
                return th;
            }
        }
        return null;
    }

    /** {@code _start_thread(bootstrap, name, daemon)}: a new simulated thread that calls {@code bootstrap()}. */
    private static Object startThread(PyThread t, Object[] a, String[] kw) {
        ExecContext ctx = t.context();
        Simulation sim = sim(t);
        ctx.charge(sim.settings().threadStartNs());
        t.syncClock();
        PyThread body = PyThread.forCall(t.interpreter(), a[0], new Object[0], null, null);
        return sim.startThread(ctx.process(), Ops.str(a[1]), ThreadRole.USER, Ops.truthy(a[2]), body);
    }

    /** {@code threading.excepthook(args)}: the report of an exception that ended a thread's {@code run()}. */
    private static Object excepthook(PyThread t, Object[] a, String[] kw) {
        Args.check("excepthook", a, kw, 1, 1);
        Object args = a[0];
        Object type = Ops.getAttr(args, "exc_type");
        if (type == Types.SYSTEM_EXIT) {
            return Py.None;
        }
        Object thread = Ops.getAttr(args, "thread");
        String name = thread == Py.None ? Long.toString(ident(t.context().thread())) : Ops.str(Ops.getAttr(thread, "name"));
        Object exc = Ops.getAttr(args, "exc_value");
        StringBuilder report = new StringBuilder("Exception in thread ").append(name).append(":\n");
        if (exc instanceof PyBaseException e) {
            report.append(sim(t).python().formatUncaught(e));
        }
        t.syncClock();
        t.context().stderr(report.toString());
        return Py.None;
    }

    // Locks -----------------------------------------------------------------------------------------------

    /** {@code lock.acquire(blocking=True, timeout=-1)} with CPython's argument checks. */
    private static Object acquire(PyThread t, Object[] a, String[] kw) {
        Object[] p = Args.parse("acquire", a, kw, 1, new String[] {"self", "blocking", "timeout"}, Boolean.TRUE,
                Py.box(-1));
        SimLock lock = ((LockObject) p[0]).lock;
        boolean blocking = Ops.truthy(p[1]);
        double timeout = Ops.toDouble(p[2]);
        if (!blocking && timeout != -1) {
            throw Py.valueError("can't specify a timeout for a non-blocking call");
        }
        if (timeout < 0 && timeout != -1) {
            throw Py.valueError("timeout value must be positive");
        }
        SimThread me = t.context().thread();
        if (lock.tryAcquire(me)) {
            return Boolean.TRUE;
        }
        long ns = !blocking ? 0 : timeout == -1 ? -1 : seconds(timeout);
        if (ns == 0) {
            return Boolean.FALSE;
        }
        return new Suspend(new Outcome.Call(lock.acquire(ns)));
    }

    private static void release(PyThread t, LockObject l) {
        if (!l.lock.release(t.context().thread())) {
            throw Py.runtimeError(l.lock.isReentrant() ? "cannot release un-acquired lock" : "release unlocked lock");
        }
    }

    /** A timeout in seconds from the Python side (-1: none) as virtual nanoseconds, rounded up as CPython does. */
    private static long timeoutNanos(Object seconds) {
        double s = Ops.toDouble(seconds);
        return s < 0 ? -1 : seconds(s);
    }

    private static long seconds(double s) {
        if (s > 9.2e9) {
            throw Py.overflowError("timeout value is too large");
        }
        return (long) Math.ceil(s * 1e9);
    }

    static String read(String name) {
        try (InputStream in = ThreadingModule.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing library source " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
