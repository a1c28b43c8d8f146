package dev.loopscope.python.runtime;

import dev.loopscope.engine.Completion;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one Python process: its modules (including {@code __main__}), builtins, settings and object
 * ids. Simulated threads of the process run {@link PyThread}s that share it. Nothing is static: every simulated
 * process has its own interpreter, and {@link #fork()} copies one as {@code os.fork} would.
 */
public final class Interpreter {

    /** The interpreter whose code is running on this Java thread (set at the start of every slice). */
    private static final ThreadLocal<Interpreter> CURRENT = new ThreadLocal<>();

    public final Settings settings;
    /** {@code sys.argv[0]} when it differs from {@code __main__.__file__} (the path as typed), else null. */
    public String argv0;
    public final ModuleRegistry registry;
    public final PyModule builtinsModule;
    public final PyDict builtins;
    /** {@code sys.modules}. */
    public final Map<String, PyModule> modules = new LinkedHashMap<>();
    /** How many async generators an event loop's hooks took so far: frames look for them in their variables. */
    int hookedAsyncGens;
    /** Bumped whenever a class namespace of this interpreter changes, invalidating memoised lookups. */
    long typeVersion;
    /** The thread whose slice is running. */
    PyThread running;
    ExecContext ctx;
    /** The program's own file: the trace records which of its lines threads are at (not the library's). */
    String mainFile;
    private final IdentityHashMap<Object, Long> ids = new IdentityHashMap<>();
    private long nextId;
    /** Program output when no engine context is attached (tests, nested runs outside a slice). */
    public final StringBuilder detachedOut = new StringBuilder();
    public final StringBuilder detachedErr = new StringBuilder();
    /** Coroutines created and never started nor reported, for the "never awaited" warnings at exit. */
    final Unawaited unawaited = new Unawaited();
    /** Warning locations already reported (the warnings module's "default" action). */
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    /** Per-interpreter state of native modules (the random generator and such), by key. */
    public final Map<String, Object> moduleState = new LinkedHashMap<>();

    /** {@code sys.getrecursionlimit()}: the deepest Python frame nesting allowed (CPython counts frames too). */
    public int recursionLimit = PyThread.RECURSION_LIMIT;
    /** {@code sys.set_int_max_str_digits}: the most decimal digits int/str conversions accept (0: no limit). */
    public int maxStrDigits = 4300;
    /** The pid of the process this one was forked from; 0 for the main process. */
    long parentPid;

    /**
     * Coroutines not started yet, linked through the coroutines themselves: a program may create hundreds of
     * thousands, so adding and removing must not hash or resize.
     */
    static final class Unawaited implements Iterable<PyGenerator> {
        PyGenerator head;

        void add(PyGenerator g) {
            if (g.inUnawaited) {
                return;
            }
            g.inUnawaited = true;
            g.unawaitedPrev = null;
            g.unawaitedNext = head;
            if (head != null) {
                head.unawaitedPrev = g;
            }
            head = g;
        }

        void remove(PyGenerator g) {
            if (!g.inUnawaited) {
                return;
            }
            g.inUnawaited = false;
            if (g.unawaitedPrev == null) {
                head = g.unawaitedNext;
            } else {
                g.unawaitedPrev.unawaitedNext = g.unawaitedNext;
            }
            if (g.unawaitedNext != null) {
                g.unawaitedNext.unawaitedPrev = g.unawaitedPrev;
            }
            g.unawaitedPrev = null;
            g.unawaitedNext = null;
        }

        void clear() {
            while (head != null) {
                remove(head);
            }
        }

        /** Oldest first, the order they were created in. */
        @Override
        public java.util.Iterator<PyGenerator> iterator() {
            java.util.ArrayList<PyGenerator> all = new java.util.ArrayList<>();
            for (PyGenerator g = head; g != null; g = g.unawaitedNext) {
                all.add(g);
            }
            java.util.Collections.reverse(all);
            return all.iterator();
        }
    }

    /** Run settings: the default random seed, the simulated core count, the process id, the time epoch. */
    public record Settings(long seed, int cpuCount, long pid, long epochNanos) {
        /** 2026-01-01T00:00:00Z, the {@code time.time()} of virtual time zero. */
        public static final long DEFAULT_EPOCH = 1_767_225_600_000_000_000L;

        public static Settings defaults() {
            return new Settings(0, 4, 4242, DEFAULT_EPOCH);
        }

        public Settings withPid(long newPid) {
            return new Settings(seed, cpuCount, newPid, epochNanos);
        }
    }

    public Interpreter(Settings settings, ModuleRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.builtinsModule = Builtins.createModule(this);
        this.builtins = builtinsModule.dict;
        modules.put("builtins", builtinsModule);
        this.nextId = 0x7f3a2c1b0000L + (settings.pid() % 64) * 0x1000000L;
    }

    public Interpreter() {
        this(Settings.defaults(), ModuleRegistry.standard());
    }

    /** The int/str digit limit of the interpreter running on this Java thread (CPython's default when none). */
    static int maxStrDigits() {
        Interpreter i = CURRENT.get();
        return i == null ? 4300 : i.maxStrDigits;
    }

    /** The interpreter running on this Java thread; a fresh one when none is (plain Java callers, tests). */
    public static Interpreter current() {
        Interpreter i = CURRENT.get();
        if (i == null) {
            i = new Interpreter();
            CURRENT.set(i);
        }
        return i;
    }

    /** The engine context of the thread running Python code in this interpreter now, or null. */
    public ExecContext runningContext() {
        return running == null ? null : running.ctx;
    }

    /** Makes this the current interpreter; returns the previous one so it can be restored. */
    public Interpreter enter() {
        Interpreter prev = CURRENT.get();
        CURRENT.set(this);
        return prev;
    }

    static void restore(Interpreter prev) {
        CURRENT.set(prev);
    }

    /** The fake but stable address of {@code o}, used by {@code id()} and default reprs. */
    public static long idOf(Object o) {
        return current().id(o);
    }

    long id(Object o) {
        Long id = ids.get(o);
        if (id == null) {
            id = nextId;
            nextId += 0x30;
            ids.put(o, id);
        }
        return id;
    }

    /** The module {@code name}, importing it from the registry on first use; null when there is none. */
    public PyModule importModule(String name) {
        PyModule m = modules.get(name);
        if (m != null) {
            return m;
        }
        m = registry.create(name, this);
        if (m != null) {
            String file = StdModules.FILES.get(name);
            if (file != null && m.dict.getStr("__file__") == null) {
                m.dict.put("__file__", LibraryFrames.DEFAULT_ROOT + "/" + file);
            }
            modules.put(name, m);
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                PyModule parent = importModule(name.substring(0, dot));
                if (parent != null && parent.dict.getStr(name.substring(dot + 1)) == null) {
                    parent.dict.put(name.substring(dot + 1), m);
                }
            }
        }
        return m;
    }

    /** A fresh {@code __main__} module for a program file. */
    public PyModule newMainModule(String fileName) {
        mainFile = fileName;
        PyModule main = new PyModule("__main__");
        // the order of CPython's __main__ namespace, as globals() shows it
        main.dict.put("__doc__", Py.None);
        main.dict.put("__package__", Py.None);
        main.dict.put("__loader__", Py.None);
        main.dict.put("__spec__", Py.None);
        main.dict.put("__annotations__", new PyDict());
        main.dict.put("__builtins__", builtinsModule);
        main.dict.put("__file__", fileName);
        main.dict.put("__cached__", Py.None);
        modules.put("__main__", main);
        return main;
    }

    // --- output ------------------------------------------------------------------------------------------------

    void writeOut(String text) {
        if (running != null && running.ctx != null) {
            running.syncClock();
            running.sampleLine();
            running.ctx.stdout(text);
        } else {
            detachedOut.append(text);
        }
    }

    void writeErr(String text) {
        text = Strings.forStream(text, true);
        if (running != null && running.ctx != null) {
            running.syncClock();
            running.sampleLine();
            running.ctx.stderr(text);
        } else {
            detachedErr.append(text);
        }
    }

    /** stderr output held back until the program ends (see {@link #writeAtExit}), made when it is written. */
    private final java.util.List<java.util.function.Supplier<String>> atExit = new java.util.ArrayList<>();

    /**
     * Holds {@code text} back until the program ends: reports of objects that only CPython's cyclic garbage
     * collector frees, which runs when the interpreter shuts down.
     */
    void writeAtExit(java.util.function.Supplier<String> text) {
        atExit.add(text);
    }

    /** What was held back for the end of the program; nothing is kept. */
    public String takeAtExit() {
        StringBuilder sb = new StringBuilder();
        for (java.util.function.Supplier<String> s : atExit) {
            sb.append(s.get());
        }
        atExit.clear();
        return sb.toString();
    }

    // --- nested calls --------------------------------------------------------------------------------------------

    /**
     * Calls {@code callable} from Java and runs any Python code it starts to completion in a nested loop. The
     * nested code charges CPU time to the running thread but cannot block: an engine outcome there raises
     * RuntimeError.
     */
    public Object callNested(Object callable, Object[] args, String[] kwNames) {
        if (callable instanceof PyBuiltin b && b.self == null && running != null) {
            Object r = b.fn.call(running, args, kwNames);
            if (!NativeTask.isDeferred(r)) {
                return r;
            }
            // carry on with what the builtin asked for (Python code to run...) in a nested loop
            Object deferred = r;
            callable = PyBuiltin.function(b.name, (t, a, kw) -> deferred);
            args = new Object[0];
            kwNames = null;
        }
        PyThread t = PyThread.forCall(this, callable, args, kwNames, running);
        return finishNested(t);
    }

    /** Runs a thread's Python code to its end in a nested loop (library code written in Python; must not block). */
    public Object runNested(PyThread t) {
        return finishNested(t);
    }

    /** Resumes a generator from Java code until it yields, returns or raises. */
    Completion resumeNested(PyGenerator gen, Completion input) {
        return stepNested(PyThread.forGeneratorStep(this, gen, input, running),
                "cannot block while a builtin function is iterating a generator");
    }

    /** Runs one step of an async generator's awaitable from Java code until it yields, returns or raises. */
    Completion resumeNested(AsyncGenOp op, Completion input) {
        return stepNested(PyThread.forAsyncGenOp(this, op, input),
                "cannot block while a builtin function drives an async generator");
    }

    /** Runs {@code t} inside the running thread's step; it may not block, which {@code blocked} says. */
    private Completion stepNested(PyThread t, String blocked) {
        PyThread outer = running;
        ExecContext c = outer != null ? outer.ctx : null;
        Outcome o = t.runNested(c);
        running = outer;
        if (outer != null) {
            outer.refreshBudget();
        }
        if (o instanceof Outcome.Done d) {
            return d.completion();
        }
        throw Py.runtimeError(blocked);
    }

    private Object finishNested(PyThread t) {
        PyThread outer = running;
        ExecContext c = outer != null ? outer.ctx : null;
        Outcome o = t.runNested(c);
        running = outer;
        if (outer != null) {
            outer.refreshBudget();
        }
        if (o instanceof Outcome.Done d) {
            return switch (d.completion()) {
                case Completion.Returned r -> r.value();
                case Completion.Raised r -> throw new PyError((PyBaseException) r.exception());
                case Completion.Yielded y -> y.value();
            };
        }
        throw Py.runtimeError("cannot block inside a callback from a builtin function");
    }

    /**
     * Reports a dropped coroutine that never ran, as CPython does when it is freed:
     * {@code prog.py:5: RuntimeWarning: coroutine 'work' was never awaited}, once per location.
     */
    void warnUnawaited(PyGenerator g, Code code, int pc) {
        unawaited.remove(g);
        warnUnawaited(g.qualname, code, pc);
    }

    /**
     * Prints a warning the way the warnings module's default action does: {@code file:line: Category: message}
     * and the source line, once per message and location.
     */
    void warn(String category, String message, Code code, int pc) {
        int line = code.lineAt(pc);
        String key = category + "\0" + message + "\0" + code.source.fileName() + "\0" + line;
        if (!warned.add(key)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(code.source.fileName()).append(':').append(line).append(": ").append(category).append(": ")
                .append(message).append('\n');
        // the warnings module reads the line from the file: code given to exec() or eval() has none
        String src = code.source.fileName().startsWith("<") ? null : code.source.line(line);
        if (src != null && !src.isBlank()) {
            sb.append("  ").append(src.strip()).append('\n');
        }
        writeErr(sb.toString());
    }

    void warnUnawaited(String qualname, Code code, int pc) {
        int line = code.lineAt(pc);
        String text = unawaitedWarning(qualname, code.source.fileName(), line, code.source.line(line));
        if (!text.isEmpty()) {
            writeErr(text);
        }
    }

    /**
     * The "never awaited" warning attributed to {@code file:line} (whose text is {@code src}), or "" when that
     * warning was already shown there.
     */
    String unawaitedWarning(String qualname, String file, int line, String src) {
        String message = "coroutine '" + qualname + "' was never awaited";
        String key = message + "\0" + file + "\0" + line;
        if (!warned.add(key)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(": RuntimeWarning: ").append(message).append('\n');
        if (src != null && !src.isBlank()) {
            sb.append("  ").append(src.strip()).append('\n');
        }
        sb.append("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        // formatting it imported tracemalloc: warnings at exit can now suggest it too
        tracemallocImported = true;
        return sb.toString();
    }

    /** A warning as the warnings module's default action prints it: once per message, category and location. */
    void warnAt(Code code, int line, String category, String message) {
        String key = category + "\0" + message + "\0" + code.source.fileName() + "\0" + line;
        if (!warned.add(key)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(code.source.fileName()).append(':').append(line).append(": ").append(category).append(": ")
                .append(message).append('\n');
        String src = code.source.line(line);
        if (src != null && !src.isBlank()) {
            sb.append("  ").append(src.strip()).append('\n');
        }
        writeErr(sb.toString());
    }

    /** Whether a "never awaited" warning was printed while the program ran (which imports tracemalloc). */
    private boolean tracemallocImported;

    /**
     * The warnings CPython prints at exit for coroutines that were created and never awaited. Those kept by the
     * frames of the uncaught exception {@code uncaught} (or null) go first: they are freed while the warnings
     * module still works, so they can suggest a tracemalloc imported earlier; the rest are freed with the modules,
     * after it has gone. A name warned about once is not warned about again.
     */
    public String exitWarnings(Object uncaught) {
        java.util.Set<PyGenerator> held = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        // a program may chain exceptions into a cycle by assigning __context__: visit each one once
        java.util.Set<PyBaseException> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (PyBaseException e = uncaught instanceof PyBaseException b ? b : null; e != null && seen.add(e);
                e = e.context) {
            if (e.heldCoroutines != null) {
                for (Object o : e.heldCoroutines) {
                    if (o instanceof PyGenerator g) {
                        held.add(g);
                    }
                }
            }
        }
        java.util.Map<String, Boolean> names = new java.util.LinkedHashMap<>();
        for (PyGenerator g : unawaited) {
            if (g.state == PyGenerator.CREATED && held.contains(g)) {
                names.putIfAbsent(g.qualname, tracemallocImported);
            }
        }
        for (PyGenerator g : unawaited) {
            if (g.state == PyGenerator.CREATED) {
                names.putIfAbsent(g.qualname, false);
            }
        }
        unawaited.clear();
        StringBuilder sb = new StringBuilder();
        names.forEach((n, suggest) -> {
            sb.append("sys:1: RuntimeWarning: coroutine '").append(n).append("' was never awaited\n");
            if (suggest) {
                sb.append("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
            }
        });
        return sb.toString();
    }

    /**
     * Makes a pickled value (from {@link PyBridge#pickle}) belong to this interpreter: functions and classes that
     * pickling carried by reference (module and qualified name) become this interpreter's own, in place, as
     * unpickling in another process does. Values that already belong here are returned as they are.
     */
    public Object adopt(Object value) {
        return adopt(value, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private Object adopt(Object v, java.util.Set<Object> seen) {
        // Functions and classes are looked up by name every time they occur, so they need no memo.
        if (v instanceof PyFunction f) {
            return f.interp == this ? f : resolve(Ops.str(f.module), f.qualname, f);
        }
        if (v instanceof PyType t) {
            return t.interp == null || t.interp == this ? t : resolve(t.module, t.qualname, t);
        }
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof PyNone || !seen.add(v)) {
            return v;
        }
        if (v instanceof PyList l) {
            for (int i = 0; i < l.size; i++) {
                l.items[i] = adopt(l.items[i], seen);
            }
        } else if (v instanceof PyTuple t) {
            for (int i = 0; i < t.items.length; i++) {
                t.items[i] = adopt(t.items[i], seen);
            }
        } else if (v instanceof PyDict d) {
            for (int i = 0; i < d.end(); i++) {
                if (d.keyAt(i) != null) {
                    d.values[i] = adopt(d.values[i], seen);
                }
            }
        }
        if (v instanceof PyInstance inst) {
            inst.type = (PyType) adopt(inst.type, seen);
            adopt(inst.dict, seen);
        }
        if (v instanceof PyBaseException e) {
            adopt(e.args, seen);
        }
        return v;
    }

    private Object resolve(String module, String qualname, Object fallback) {
        PyModule m = modules.get(module);
        if (m == null) {
            return fallback;
        }
        Object o = m;
        for (String part : qualname.split("\\.")) {
            o = Ops.getAttrOrNull(o, part);
            if (o == null) {
                return fallback;
            }
        }
        return o;
    }

    /** A copy of this interpreter's module state for a forked child process. */
    public Interpreter fork(long childPid) {
        Interpreter child = new Interpreter(settings.withPid(childPid), registry);
        Copier copier = new Copier(child, false);
        for (Map.Entry<String, PyModule> e : modules.entrySet()) {
            if (e.getKey().equals("builtins")) {
                continue;
            }
            child.modules.put(e.getKey(), (PyModule) copier.copy(e.getValue()));
        }
        child.moduleState.putAll(copier.copyModuleState(moduleState));
        child.recursionLimit = recursionLimit;
        child.maxStrDigits = maxStrDigits;
        child.argv0 = argv0;
        child.parentPid = settings.pid();
        return child;
    }
}
