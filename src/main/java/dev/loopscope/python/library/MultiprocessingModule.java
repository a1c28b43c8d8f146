package dev.loopscope.python.library;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.PythonBridge;
import dev.loopscope.engine.SimProcess;
import dev.loopscope.engine.SimThread;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.WaitList;
import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.python.runtime.Args;
import dev.loopscope.python.runtime.ForeignTypes;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.LibraryFrames;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PyType;
import dev.loopscope.python.runtime.Suspend;
import java.util.ArrayDeque;

/**
 * The {@code multiprocessing} package with the fork start method (Linux): processes are simulated processes
 * forked from the caller's interpreter, each with its own GIL; what crosses between them (queues, pools) is
 * pickled, at the cost model's price per byte. The package itself is written in Python ({@code multiprocessing/}
 * beside this class) over the primitives bound here, as CPython's is written over {@code os.fork}, pipes and
 * semaphores.
 */
public final class MultiprocessingModule {

    static final PyType POPEN = ForeignTypes.register(Child.class, "Popen", "multiprocessing.popen_fork");
    static final PyType CHANNEL = ForeignTypes.register(Channel.class, "Connection", "multiprocessing.connection");
    static final PyType PICKLED = ForeignTypes.register(Pickled.class, "bytes", "builtins");
    static final PyType SEMLOCK = ForeignTypes.register(SemLock.class, "SemLock", "_multiprocessing");
    static final PyType CELLS = ForeignTypes.register(Cells.class, "_SharedCells", "multiprocessing.sharedctypes");

    /** The Python parts, in the order they build on each other: file, module name, source. */
    private static final String[][] PARTS = {
        {"multiprocessing/context.py", "multiprocessing.context"},
        {"multiprocessing/process.py", "multiprocessing.process"},
        {"multiprocessing/synchronize.py", "multiprocessing.synchronize"},
        {"multiprocessing/queues.py", "multiprocessing.queues"},
        {"multiprocessing/sharedctypes.py", "multiprocessing.sharedctypes"},
        {"multiprocessing/pool.py", "multiprocessing.pool"},
        {"multiprocessing/context.py", "multiprocessing.context"},
    };

    /** What the program sees of the package. */
    private static final String[] EXPORTS = {
        "Process", "current_process", "active_children", "parent_process", "cpu_count", "Pool", "Queue",
        "JoinableQueue", "SimpleQueue", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
        "Value", "Array", "TimeoutError", "ProcessError", "AuthenticationError", "BufferTooShort",
        "get_start_method", "get_all_start_methods", "set_start_method", "freeze_support",
    };

    /** A child process as its parent sees it ({@code popen_fork.Popen}): its exit code once it has ended. */
    static final class Child {
        final SimProcess process;
        final long pid;
        SimThread main;
        /** The exit code: None while it runs, then {@code _bootstrap}'s result or minus the killing signal. */
        Object exitCode = Py.None;

        Child(SimProcess process, long pid) {
            this.process = process;
            this.pid = pid;
        }
    }

    /**
     * One direction of a pipe between processes: pickled messages in order; a reader blocks without the GIL
     * until one arrives. The same object is shared by every process forked after it was made, as a pipe's file
     * descriptors are.
     */
    static final class Channel {
        final ArrayDeque<Pickled> messages = new ArrayDeque<>();
        final WaitList readers = new WaitList();
        boolean closed;
    }

    /** What {@code _ForkingPickler.dumps} gives: a value copied as pickling copies it, and its size. */
    record Pickled(Object copy, long bytes) {}

    /**
     * {@code _multiprocessing.SemLock}: a semaphore shared by processes, or, with {@code kind} 0, a recursive
     * mutex that remembers its owning thread.
     */
    static final class SemLock {
        final int kind;
        final int maxValue;
        int value;
        SimThread owner;
        int count;
        final WaitList waiting = new WaitList();

        SemLock(int kind, int value, int maxValue) {
            this.kind = kind;
            this.value = value;
            this.maxValue = maxValue;
        }

        boolean tryAcquire(SimThread t) {
            if (kind == 0 && count > 0 && owner == t) {
                count++;
                return true;
            }
            if (value > 0) {
                value--;
                owner = t;
                count = 1;
                return true;
            }
            return false;
        }
    }

    /**
     * Shared memory for {@code Value} and {@code Array}: ctypes values of one type code that every process forked
     * after it sees; stores convert as ctypes does (ints wrap around to the type's width).
     */
    static final class Cells {
        final String code;
        final Object[] values;
        final boolean array;

        Cells(String code, Object[] values, boolean array) {
            this.code = code;
            this.values = values;
            this.array = array;
        }

        String typeName() {
            return switch (code) {
                case "b" -> "c_byte";
                case "B" -> "c_ubyte";
                case "h" -> "c_short";
                case "H" -> "c_ushort";
                case "i" -> "c_int";
                case "I" -> "c_uint";
                case "l", "q" -> "c_long";
                case "L", "Q" -> "c_ulong";
                case "f" -> "c_float";
                default -> "c_double";
            };
        }

        boolean isFloat() {
            return code.equals("f") || code.equals("d");
        }

        Object convert(Object v) {
            if (isFloat()) {
                if (!(v instanceof Long || v instanceof Double || v instanceof Boolean
                        || v instanceof java.math.BigInteger)) {
                    throw Py.typeError("must be real number, not " + Py.typeName(v));
                }
                double d = Ops.toDouble(v);
                return code.equals("f") ? (double) (float) d : d;
            }
            if (!(v instanceof Long || v instanceof Boolean || v instanceof java.math.BigInteger)) {
                throw Py.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
            }
            int bits = switch (code) {
                case "b", "B" -> 8;
                case "h", "H" -> 16;
                case "i", "I" -> 32;
                default -> 64;
            };
            boolean signed = Character.isLowerCase(code.charAt(0));
            java.math.BigInteger big = v instanceof java.math.BigInteger b ? b
                    : java.math.BigInteger.valueOf(Ops.index(v));
            java.math.BigInteger mod = java.math.BigInteger.ONE.shiftLeft(bits);
            java.math.BigInteger r = big.mod(mod);
            if (signed && r.testBit(bits - 1)) {
                r = r.subtract(mod);
            }
            return r.bitLength() < 64 ? (Object) r.longValue() : r;
        }

        int index(Object i) {
            long k = Ops.index(i);
            if (k < 0) {
                k += values.length;
            }
            if (k < 0 || k >= values.length) {
                throw Py.indexError("invalid index");
            }
            return (int) k;
        }
    }

    private static final int SEMAPHORE = 1;

    /** A write to or a read from a pipe costs this fraction of a warm process-pool round trip. */
    private static final int PIPE_SHARE = 16;
    /**
     * A message written to a pipe reaches its reader after this fraction of a warm process-pool round trip: with
     * the CPU cost of both ends, a Pool.apply round trip (four messages) takes about what CPython's takes, and
     * calls sent in a row overlap their latencies as they do there.
     */
    private static final int PIPE_LATENCY_SHARE = 2;

    static {
        POPEN.method("poll", (t, a, kw) -> ((Child) a[0]).exitCode);
        POPEN.method("wait", (t, a, kw) -> {
            Child c = (Child) a[0];
            Object timeout = a.length > 1 ? a[1] : Py.None;
            if (c.exitCode != Py.None) {
                return c.exitCode;
            }
            long ns = timeout == Py.None ? -1 : nanos(timeout);
            if (ns == 0) {
                return Py.None;
            }
            return new Suspend(new Outcome.Call(c.main.join(ns)), r -> c.exitCode);
        });
        POPEN.method("terminate", (t, a, kw) -> kill((Child) a[0], t, -15));
        POPEN.method("kill", (t, a, kw) -> kill((Child) a[0], t, -9));
        POPEN.getter("pid", c -> Py.box(((Child) c).pid));

        CHANNEL.constructor = (t, a, kw) -> new Channel();
        CHANNEL.method("send", (t, a, kw) -> {
            Pickled p = dumps(t, a[1], true);
            send(t, (Channel) a[0], p);
            return Py.None;
        });
        CHANNEL.method("send_bytes", (t, a, kw) -> {
            send(t, (Channel) a[0], (Pickled) a[1]);
            return Py.None;
        });
        CHANNEL.method("recv", (t, a, kw) -> receive(t, (Channel) a[0], true));
        CHANNEL.method("recv_bytes", (t, a, kw) -> receive(t, (Channel) a[0], false));
        CHANNEL.method("poll", (t, a, kw) -> {
            Channel ch = (Channel) a[0];
            if (!ch.messages.isEmpty()) {
                return Boolean.TRUE;
            }
            long ns = a.length < 2 ? 0 : a[1] == Py.None ? -1 : nanos(a[1]);
            if (ns == 0) {
                return Boolean.FALSE;
            }
            return new Suspend(new Outcome.Call(ch.readers.retrying(c -> !ch.messages.isEmpty(), ns, "poll")),
                    c -> Py.bool(!ch.messages.isEmpty()));
        });
        CHANNEL.method("close", (t, a, kw) -> {
            ((Channel) a[0]).closed = true;
            return Py.None;
        });

        SEMLOCK.constructor = (t, a, kw) -> new SemLock((int) Ops.index(a[1]), (int) Ops.index(a[2]),
                (int) Ops.index(a[3]));
        SEMLOCK.method("acquire", (t, a, kw) -> {
            Object[] p = Args.parse("acquire", a, kw, 1, new String[] {"self", "block", "timeout"}, Boolean.TRUE,
                    Py.None);
            SemLock s = (SemLock) p[0];
            SimThread me = t.context().thread();
            if (s.tryAcquire(me)) {
                return Boolean.TRUE;
            }
            long ns = !Ops.truthy(p[1]) ? 0 : p[2] == Py.None ? -1 : Math.max(0, nanos(p[2]));
            if (ns == 0) {
                return Boolean.FALSE;
            }
            return new Suspend(new Outcome.Call(s.waiting.retrying(c -> s.tryAcquire(c.thread()), ns,
                    "SemLock.acquire")));
        });
        SEMLOCK.method("release", (t, a, kw) -> {
            SemLock s = (SemLock) a[0];
            if (s.kind == 0) {
                if (s.count == 0 || s.owner != t.context().thread()) {
                    throw Py.error(dev.loopscope.python.runtime.Types.ASSERTION_ERROR,
                            "attempt to release recursive lock not owned by thread");
                }
                if (--s.count > 0) {
                    return Py.None;
                }
            } else if (s.value >= s.maxValue) {
                throw Py.valueError("semaphore or lock released too many times");
            }
            s.owner = null;
            s.count = 0;
            s.value++;
            s.waiting.wake(1);
            return Py.None;
        });
        SEMLOCK.method("_count", (t, a, kw) -> {
            SemLock s = (SemLock) a[0];
            // the acquisitions made in this process, by any of its threads
            return Py.box(s.owner != null && s.owner.process() == t.context().thread().process() ? s.count : 0);
        });
        SEMLOCK.method("_is_mine", (t, a, kw) -> {
            SemLock s = (SemLock) a[0];
            return Py.bool(s.count > 0 && s.owner == t.context().thread());
        });
        SEMLOCK.method("_get_value", (t, a, kw) -> Py.box(((SemLock) a[0]).value));
        SEMLOCK.method("_is_zero", (t, a, kw) -> Py.bool(((SemLock) a[0]).value == 0));
        SEMLOCK.method("_owner_name", (t, a, kw) -> {
            SemLock s = (SemLock) a[0];
            return s.count == 0 || s.owner == null ? Py.None : s.owner.process().name() + "|" + s.owner.name();
        });
        SEMLOCK.method("_waiters", (t, a, kw) -> Py.box(((SemLock) a[0]).waiting.size()));

        // _SharedCells(code, size_or_initializer, array)
        CELLS.constructor = (t, a, kw) -> {
            String code = Ops.str(a[1]);
            if (!"bBhHiIlLqQfd".contains(code) || code.length() != 1) {
                throw Py.typeError("this type has no size");
            }
            Object zero = code.equals("f") || code.equals("d") ? (Object) 0.0 : (Object) 0L;
            boolean array = Ops.truthy(a[3]);
            if (a[2] instanceof Long n) {
                Object[] v = new Object[(int) (long) n];
                java.util.Arrays.fill(v, zero);
                return new Cells(code, v, array);
            }
            java.util.List<Object> items = new java.util.ArrayList<>();
            Object it = Ops.iter(a[2]);
            for (Object v = Ops.next(it); v != null; v = Ops.next(it)) {
                items.add(v);
            }
            Cells c = new Cells(code, new Object[items.size()], array);
            for (int i = 0; i < items.size(); i++) {
                c.values[i] = c.convert(items.get(i));
            }
            return c;
        };
        CELLS.getter("value", c -> ((Cells) c).values[0]);
        CELLS.method("_store", (t, a, kw) -> {
            Cells c = (Cells) a[0];
            c.values[0] = c.convert(a[1]);
            return Py.None;
        });
        CELLS.method("__len__", (t, a, kw) -> Py.box(((Cells) a[0]).values.length));
        CELLS.method("__getitem__", (t, a, kw) -> {
            Cells c = (Cells) a[0];
            if (a[1] instanceof dev.loopscope.python.runtime.PySlice) {
                return Ops.getItem(dev.loopscope.python.runtime.PyList.of((Object[]) c.values.clone()), a[1]);
            }
            return c.values[c.index(a[1])];
        });
        CELLS.method("__setitem__", (t, a, kw) -> {
            Cells c = (Cells) a[0];
            if (a[1] instanceof dev.loopscope.python.runtime.PySlice) {
                dev.loopscope.python.runtime.PyList all = dev.loopscope.python.runtime.PyList.of(
                        (Object[]) c.values.clone());
                Object keys = Ops.getItem(dev.loopscope.python.runtime.PyList.of(
                        (Object[]) java.util.stream.IntStream.range(0, c.values.length).mapToObj(i -> (Object) (long) i)
                                .toArray()), a[1]);
                java.util.List<Object> k = ((dev.loopscope.python.runtime.PyList) keys).asList();
                java.util.List<Object> vals = new java.util.ArrayList<>();
                Object it = Ops.iter(a[2]);
                for (Object v = Ops.next(it); v != null; v = Ops.next(it)) {
                    vals.add(v);
                }
                if (vals.size() != k.size()) {
                    throw Py.valueError("Can only assign sequence of same size");
                }
                for (int i = 0; i < k.size(); i++) {
                    c.values[(int) (long) (Long) k.get(i)] = c.convert(vals.get(i));
                }
                return Py.None;
            }
            c.values[c.index(a[1])] = c.convert(a[2]);
            return Py.None;
        });
        CELLS.method("__repr__", (t, a, kw) -> {
            Cells c = (Cells) a[0];
            if (c.array) {
                return "<multiprocessing.sharedctypes." + c.typeName() + "_Array_" + c.values.length + " object at 0x"
                        + Long.toHexString(Interpreter.idOf(c)) + ">";
            }
            return c.typeName() + "(" + Ops.repr(c.values[0]) + ")";
        });
    }

    private MultiprocessingModule() {
    }

    public static PyModule create(Interpreter interp) {
        PyModule m = new PyModule("multiprocessing");
        PyModule natives = new PyModule("multiprocessing");
        natives.def("_fork", MultiprocessingModule::fork);
        natives.def("_next_process_number", (t, a, kw) ->
                Py.box(t.context() == null ? 1 : t.context().process().nextProcessNumber()));
        natives.def("_this_process_name", (t, a, kw) -> t.context() == null ? "MainProcess"
                : t.context().process().name());
        PyModule pickler = new PyModule("_ForkingPickler");
        pickler.def("dumps", (t, a, kw) -> dumps(t, a[0], false));
        pickler.def("loads", (t, a, kw) -> loads(t, (Pickled) a[0]));
        natives.set("_ForkingPickler", pickler);
        natives.def("_format_exception", (t, a, kw) -> t.context().simulation().python().formatException(a[0]));
        natives.def("_write_stderr", (t, a, kw) -> {
            t.syncClock();
            t.context().stderr(Ops.str(a[0]));
            return Py.None;
        });
        natives.def("_at_exit", (t, a, kw) -> {
            // the main process runs multiprocessing's exit function after the program, as atexit does
            if (t.context() != null) {
                Simulation sim = t.context().simulation();
                Object fn = a[0];
                sim.addExitHook(() -> PyThread.forCall(interp, fn, new Object[0], null, null));
            }
            return Py.None;
        });
        // _as_frame(exc, file, function, shown_file, line, shown_function, source, highlighted): the entries of
        // Python function `function` of library file `file` shown as another line (CPython's, where Loopscope
        // writes the code differently); shown_file is relative to the library unless it starts with "<".
        natives.def("_as_frame", (t, a, kw) -> {
            if (a[0] instanceof PyBaseException e) {
                String shown = Ops.str(a[3]);
                String source = a[6] == Py.None ? null : Ops.str(a[6]);
                String highlighted = a[7] == Py.None ? null : Ops.str(a[7]);
                LibraryFrames.replace(e, Ops.str(a[1]), Ops.str(a[2]), LibraryFrames.Entry.of(
                        shown.startsWith("<") ? shown : LibraryFrames.DEFAULT_ROOT + "/" + shown,
                        (int) Ops.index(a[4]), Ops.str(a[5]), source, highlighted));
            }
            return Py.None;
        });
        natives.def("_c_float", (t, a, kw) -> (double) (float) Ops.toDouble(a[0]));
        natives.set("_Channel", CHANNEL);
        natives.set("_SemLock", SEMLOCK);
        natives.set("_SharedCells", CELLS);
        natives.set("threading", interp.importModule("threading"));
        natives.set("queue", interp.importModule("queue"));
        natives.set("os", interp.importModule("os"));
        natives.set("sys", interp.importModule("sys"));
        natives.set("time", interp.importModule("time"));
        PyModule previous = natives;
        java.util.List<PyModule> parts = new java.util.ArrayList<>();
        parts.add(natives);
        for (int i = 0; i < PARTS.length; i++) {
            String[] part = PARTS[i];
            // context.py comes twice: its exceptions first, its context object (whose methods build the rest) last
            String file = i == PARTS.length - 1 ? "multiprocessing/default_context.py" : part[0];
            PyModule body = LibraryPython.defineModule(interp, part[0], part[1], ThreadingModule.read(file),
                    parts.toArray(new PyModule[0]));
            parts.add(body);
            // in sys.modules, where unpickling looks functions and classes up
            interp.modules.put(part[1], body);
            previous = body;
        }
        LibraryPython.export(previous, m, EXPORTS);
        return m;
    }

    // Processes -------------------------------------------------------------------------------------------

    /**
     * {@code _fork(process_obj, forker_ident, pool_worker)}: a new process whose interpreter is a copy of this
     * one now; its main thread runs the copy of {@code process_obj._child_main(forker_ident)} after the start-up
     * time, and ends the process with the exit code it returns.
     */
    private static Object fork(PyThread t, Object[] a, String[] kw) {
        ExecContext ctx = t.context();
        Simulation sim = ctx.simulation();
        SimProcess parent = ctx.process();
        Interpreter here = t.interpreter();
        String name = Ops.str(Ops.getAttr(a[0], "_name"));
        SimProcess child = sim.startProcess(name, Ops.truthy(a[2]));
        child.setSwitchIntervalNs(parent.switchIntervalNs());
        // The child finds its copy of the process object where the parent left it for the copy.
        PyModule home = here.modules.get("multiprocessing");
        home.set("_forking", a[0]);
        Interpreter copy;
        try {
            copy = (Interpreter) sim.python().forkInterpreter(parent.interpreterState(), child);
        } finally {
            home.dict.remove("_forking");
        }
        child.setInterpreterState(copy);
        PyModule childHome = copy.modules.get("multiprocessing");
        Object childObj = childHome.get("_forking");
        childHome.dict.remove("_forking");
        Child handle = new Child(child, copy.settings.pid());
        Object entry = Ops.getAttr(childObj, "_child_main");
        handle.main = sim.startThread(child, "MainThread", ThreadRole.MAIN, false,
                new ChildMain(sim, handle, PyThread.forCall(copy, entry, new Object[] {a[1]}, null, null)));
        return handle;
    }

    /** A child process's main thread: start-up, {@code _bootstrap()}, then the process exits with its result. */
    private static final class ChildMain implements Activity {
        private final Simulation sim;
        private final Child handle;
        private final Activity body;
        private int step;

        ChildMain(Simulation sim, Child handle, Activity body) {
            this.sim = sim;
            this.handle = handle;
            this.body = body;
        }

        @Override
        public Outcome run(ExecContext ctx, Completion resumed) {
            switch (step++) {
                case 0:
                    return new Outcome.Sleep(sim.settings().processStartNs());
                case 1:
                    return new Outcome.Call(body);
                default:
                    Object code = resumed instanceof Completion.Returned(Object v) && v instanceof Long l ? l : 1L;
                    handle.exitCode = code;
                    // os._exit: whatever else still runs in the process stops here
                    sim.endThreads(handle.process, ctx.thread(), new Completion.Returned(Py.None));
                    return new Outcome.Done(new Completion.Returned(Py.None));
            }
        }

        @Override
        public String label() {
            return step <= 1 ? "fork" : "_bootstrap";
        }
    }

    private static Object kill(Child c, PyThread t, long signal) {
        if (c.exitCode == Py.None) {
            c.exitCode = Py.box(signal);
            t.context().simulation().endThreads(c.process, null, new Completion.Returned(Py.None));
        }
        return Py.None;
    }

    // Pipes and pickling ----------------------------------------------------------------------------------

    /**
     * {@code _ForkingPickler.dumps(obj)}: a copy as pickling makes it, charged per byte; CPython's error when the
     * value cannot be pickled, raised through {@code reduction.py} (and {@code connection.py} for {@code send}).
     */
    private static Pickled dumps(PyThread t, Object value, boolean viaSend) {
        Simulation sim = t.context().simulation();
        PythonBridge.Pickled p = sim.python().pickle(value);
        if (p.error() != null) {
            PyError e = new PyError((PyBaseException) p.error());
            LibraryFrames.Entry dumpsFrame = LibraryFrames.stdlib("multiprocessing/reduction.py", 51, "dumps",
                    "cls(buf, protocol).dump(obj)", null);
            if (viaSend) {
                throw LibraryFrames.through(e, LibraryFrames.stdlib("multiprocessing/connection.py", 206, "send",
                        "self._send_bytes(_ForkingPickler.dumps(obj))", "_ForkingPickler.dumps(obj)"), dumpsFrame);
            }
            throw LibraryFrames.through(e, dumpsFrame);
        }
        t.context().charge((long) (p.bytes() * sim.settings().pickleNsPerByte()));
        return new Pickled(p.copy(), p.bytes());
    }

    /** {@code _ForkingPickler.loads}: the value becomes this process's, charged per byte. */
    private static Object loads(PyThread t, Pickled p) {
        Simulation sim = t.context().simulation();
        t.context().charge((long) (p.bytes() * sim.settings().pickleNsPerByte()));
        return sim.python().unpickle(p.copy(), t.interpreter());
    }

    private static void send(PyThread t, Channel ch, Pickled p) {
        ExecContext ctx = t.context();
        Simulation sim = ctx.simulation();
        ctx.charge(sim.settings().processCallNs() / PIPE_SHARE);
        // the reader sees the message once the kernel has woken it: a latency, not CPU time of anyone's
        sim.at(ctx.now() + sim.settings().processCallNs() / PIPE_LATENCY_SHARE, () -> {
            ch.messages.add(p);
            ch.readers.wake(1);
        });
    }

    private static Object receive(PyThread t, Channel ch, boolean unpickle) {
        if (!ch.messages.isEmpty()) {
            return delivered(t, ch.messages.poll(), unpickle);
        }
        Pickled[] got = new Pickled[1];
        return new Suspend(new Outcome.Call(ch.readers.retrying(c -> {
            got[0] = ch.messages.poll();
            return got[0] != null;
        }, -1, "recv")), c -> delivered(t, got[0], unpickle));
    }

    private static Object delivered(PyThread t, Pickled p, boolean unpickle) {
        t.context().charge(t.context().simulation().settings().processCallNs() / PIPE_SHARE);
        return unpickle ? loads(t, p) : p;
    }

    private static long nanos(Object seconds) {
        double s = Ops.toDouble(seconds);
        if (s <= 0) {
            return 0;
        }
        return s > 9.2e9 ? Long.MAX_VALUE / 4 : (long) Math.ceil(s * 1e9);
    }
}
