package dev.loopscope.python.runtime;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Coroutine;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import java.util.function.Function;

/**
 * Python code running on one simulated thread: a chain of explicit {@link Frame}s interpreted by one loop.
 * Python-to-Python calls push frames instead of recursing in Java, so the thread can stop after any instruction
 * when its slice budget is spent and resume exactly there; it also stops when a native function hands an engine
 * {@link Outcome} ({@link Suspend}) or awaits a coroutine implemented by the engine.
 */
public final class PyThread implements PythonActivity {

    /** Python's default recursion limit: frames deeper than this raise RecursionError. */
    static final int RECURSION_LIMIT = 1000;
    static final String BOOL_INVERT_WARNING = "Bitwise inversion '~' on bool is deprecated. This returns the bitwise "
            + "inversion of the underlying int object and is usually not what you expect from negating a bool. Use the "
            + "'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the "
            + "underlying int.";

    final Interpreter interp;
    ExecContext ctx;
    /** The frame running now (top of the chain); null before the start and after the end. */
    Frame frame;
    /** The exception being handled ({@code sys.exc_info()}), or null. */
    PyBaseException handled;
    private long spent;
    private long budget;
    private final String label;
    private final int baseDepth;
    private boolean nested;

    // What to do on the first slice.
    private static final int START_FRAME = 0;
    private static final int START_CALL = 1;
    private static final int START_GEN = 2;
    private static final int START_OP = 3;
    private int startKind = -1;
    private Object startCallable;
    private Object[] startArgs;
    private String[] startKw;
    private PyGenerator startGen;
    private AsyncGenOp startOp;
    private Completion startInput;

    // Waiting for the engine.
    private Function<Completion, Object> pendingThen;
    /** What the native's result then goes through (a TailCall's continuation), or null. */
    private Function<Object, Object> pendingOuter;
    private boolean pendingJavaSend;
    private Outcome.Done done;

    private PyThread(Interpreter interp, String label, int baseDepth) {
        this.interp = interp;
        this.label = label;
        this.baseDepth = baseDepth;
    }

    /** An activity that runs module code (the program's {@code __main__}). */
    /** How many Python frames are active on this thread (the recursion depth CPython reports). */
    int depth() {
        return frame == null ? 0 : frame.depth;
    }

    public static PyThread forModule(Interpreter interp, Code code, PyModule module) {
        PyThread t = new PyThread(interp, "<module>", 0);
        Frame f = new Frame(code, module.dict, module.dict);
        f.depth = 1;
        t.frame = f;
        t.startKind = START_FRAME;
        return t;
    }

    /** An activity that calls {@code callable(*args)}: a thread's target, an executor's work item. */
    public static PyThread forCall(Interpreter interp, Object callable, Object[] args, String[] kwNames,
                                   PyThread parent) {
        if (callable instanceof PyFunction fn && fn.interp != interp) {
            // a function pickled in another process: run this process's own copy, with its arguments
            callable = interp.adopt(callable);
            for (int i = 0; i < args.length; i++) {
                args[i] = interp.adopt(args[i]);
            }
        }
        int depth = parent != null && parent.frame != null ? parent.frame.depth : 0;
        PyThread t = new PyThread(interp, labelOf(callable), depth);
        t.startKind = START_CALL;
        t.startCallable = callable;
        t.startArgs = args;
        t.startKw = kwNames;
        if (parent != null) {
            t.handled = parent.handled;
        }
        return t;
    }

    /** An activity that calls {@code callable(*args)} on a thread of its own. */
    public static PyThread forCall(Interpreter interp, Object callable, Object... args) {
        return forCall(interp, callable, args, null, null);
    }

    static PyThread forCoroutine(Interpreter interp, PyGenerator gen, Completion input) {
        PyThread t = new PyThread(interp, gen.qualname + "()", 0);
        t.startKind = START_GEN;
        t.startGen = gen;
        t.startInput = input;
        return t;
    }

    /** A task's step of an async generator's awaitable it drives directly ({@code create_task(agen.aclose())}). */
    static PyThread forAsyncGenOp(Interpreter interp, AsyncGenOp op, Completion input) {
        PyThread t = new PyThread(interp, op.qualName(), 0);
        t.startKind = START_OP;
        t.startOp = op;
        t.startInput = input;
        return t;
    }

    static PyThread forGeneratorStep(Interpreter interp, PyGenerator gen, Completion input, PyThread parent) {
        int depth = parent != null && parent.frame != null ? parent.frame.depth : 0;
        PyThread t = new PyThread(interp, gen.qualname, depth);
        t.startKind = START_GEN;
        t.startGen = gen;
        t.startInput = input;
        if (parent != null) {
            t.handled = parent.handled;
        }
        return t;
    }

    private static String labelOf(Object callable) {
        if (callable instanceof PyFunction f) {
            return f.qualname + "()";
        }
        if (callable instanceof PyMethod m && m.function instanceof PyFunction f) {
            return f.qualname + "()";
        }
        if (callable instanceof PyBuiltin b) {
            return b.name + "()";
        }
        return "call";
    }

    @Override
    public String label() {
        return label;
    }

    public Interpreter interpreter() {
        return interp;
    }

    /** The engine context of the running slice (null in detached runs). */
    public ExecContext context() {
        return ctx;
    }

    /** The line the innermost frame runs next, for the editor's "running now" marker (0 when none). */
    @Override
    public int currentLine() {
        // the program's own line: a task made inside library code (TaskGroup.create_task) was asked for there
        if (interp.mainFile != null) {
            for (Frame g = frame; g != null; g = g.back) {
                if (g.kind != Frame.NATIVE && interp.mainFile.equals(g.code.source.fileName())) {
                    return g.code.lineAt(Math.max(0, Math.min(g.pc - 1, g.code.code.length - 1)));
                }
            }
        }
        Frame f = pyFrame();
        if (f == null) {
            return 0;
        }
        return f.code.lineAt(Math.min(f.pc, f.code.code.length - 1));
    }

    /** One frame of the running thread, innermost first in {@link #stack()}. */
    public record StackEntry(String function, String fileName, int line) {}

    /** The Python frames of this thread, innermost first (for the visualiser's call stack). */
    @Override
    public java.util.List<StackEntry> stack() {
        java.util.List<StackEntry> out = new java.util.ArrayList<>();
        boolean innermost = true;
        for (Frame f = frame; f != null; f = f.back) {
            if (f.kind == Frame.NATIVE) {
                continue;
            }
            int at = innermost ? Math.min(f.pc, f.code.code.length - 1) : Math.max(0, f.pc - 1);
            out.add(new StackEntry(f.code.qualname, f.code.source.fileName(), f.code.lineAt(at)));
            innermost = false;
        }
        return out;
    }

    /**
     * {@code warnings.warn(message, category, stacklevel=up + 1)} from library code with the default filters: the
     * warning names the frame {@code up} levels below the innermost one, is shown once per location, and a
     * {@code DeprecationWarning} only when that frame runs {@code __main__}.
     */
    public void warn(PyType category, String message, int up) {
        Frame f = pyFrame();
        for (int i = 0; i < up && f != null; i++) {
            f = f.back;
            while (f != null && f.kind == Frame.NATIVE) {
                f = f.back;
            }
        }
        if (f == null) {
            return;
        }
        if (category == Types.DEPRECATION_WARNING && !"__main__".equals(f.globals.getStr("__name__"))) {
            return;
        }
        syncClock();
        interp.warnAt(f.code, f.line(), category.name, message);
    }

    /** The innermost frame's file name and code name, or null. */
    public String currentFunction() {
        Frame f = pyFrame();
        return f == null ? null : f.code.qualname;
    }

    /** The innermost Python frame (below any builtins running Python code), or null. */
    Frame pyFrame() {
        Frame f = frame;
        while (f != null && f.kind == Frame.NATIVE) {
            f = f.back;
        }
        return f;
    }

    /**
     * Records in the trace the program line this thread is at: the innermost frame of the program's own file.
     * Called when a slice starts and ends and before output, so the window can mark the running line.
     */
    private final Runnable lineProbe = this::sampleLine;

    void sampleLine() {
        if (ctx == null || nested || interp.mainFile == null || ctx.thread() == null) {
            return;
        }
        for (Frame f = frame; f != null; f = f.back) {
            if (interp.mainFile.equals(f.code.source.fileName())) {
                ctx.simulation().trace().line(ctx.now(), ctx.thread().id(), f.line());
                return;
            }
        }
    }

    /**
     * Charges the CPU time used so far in this slice, so the virtual clock is exact (before output, time reads); a
     * fraction of a nanosecond stays in the counter for the next charge.
     */
    public void syncClock() {
        long nanos = spent / CostModel.TICKS_PER_NS;
        if (nanos > 0 && ctx != null) {
            ctx.charge(nanos);
            budget -= nanos * CostModel.TICKS_PER_NS;
            spent -= nanos * CostModel.TICKS_PER_NS;
        }
    }

    /** After nested code charged the context directly, the slice budget left is what the context says. */
    void refreshBudget() {
        if (ctx != null && !nested) {
            budget = budgetTicks(ctx.budgetLeft());
        }
    }

    /** A slice budget in nanoseconds as ticks of the cost counter. */
    private static long budgetTicks(long nanos) {
        return nanos >= Long.MAX_VALUE / CostModel.TICKS_PER_NS ? Long.MAX_VALUE : nanos * CostModel.TICKS_PER_NS;
    }

    /** Adds CPU time for work done by a native function (allocation, sorting, hashing). */
    public void charge(long nanos) {
        spent += nanos * CostModel.TICKS_PER_NS;
    }

    /** The same in cost-model ticks. */
    void chargeTicks(int ticks) {
        spent += ticks;
    }

    /** CPU time this thread has used, in virtual nanoseconds ({@code time.thread_time_ns()}). */
    public long threadCpu() {
        syncClock();
        return ctx == null ? 0 : ctx.threadCpuNs();
    }

    /** CPU time this process has used, in virtual nanoseconds ({@code time.process_time_ns()}). */
    public long processCpu() {
        syncClock();
        return ctx == null ? 0 : ctx.processCpuNs();
    }

    /** The current virtual time in nanoseconds. */
    public long now() {
        syncClock();
        return ctx == null ? 0 : ctx.now();
    }

    // --- the activity --------------------------------------------------------------------------------------------

    @Override
    public Outcome run(ExecContext context, Completion resumed) {
        if (done != null) {
            return done;
        }
        Interpreter prev = interp.enter();
        PyThread outer = interp.running;
        interp.running = this;
        this.ctx = context;
        interp.ctx = context;
        // what is left in the counter is the fraction of a nanosecond the last slice did not charge
        budget = nested ? Long.MAX_VALUE : (context == null ? Long.MAX_VALUE : budgetTicks(context.budgetLeft()));
        // Engine events made while this slice runs (tasks created, callbacks scheduled) carry its line too.
        var recorder = context == null || nested || context.simulation() == null ? null : context.simulation().trace();
        Runnable outerProbe = recorder == null ? null : recorder.lineProbe(lineProbe);
        try {
            sampleLine();
            Outcome o = null;
            try {
                if (startKind >= 0) {
                    o = start();
                } else if (resumed != null) {
                    o = resume(resumed);
                }
            } catch (PyError e) {
                o = raise(e.exc, true);
            } catch (StackOverflowError e) {
                o = raise(Py.newException(Types.RECURSION_ERROR, "maximum recursion depth exceeded"), true);
            } catch (RuntimeException e) {
                o = raise(Py.newException(Types.SYSTEM_ERROR, "internal error: " + e), true);
            }
            if (o == null) {
                o = loop();
            }
            if (o instanceof Outcome.Done d) {
                done = d;
                frame = null;
            }
            syncClock();
            sampleLine();
            return o;
        } finally {
            if (recorder != null) {
                recorder.lineProbe(outerProbe);
            }
            interp.running = outer;
            Interpreter.restore(prev);
        }
    }

    /** Runs to completion inside a native function's Java call (no pausing). */
    Outcome runNested(ExecContext context) {
        nested = true;
        return run(context, null);
    }

    private Outcome start() {
        int kind = startKind;
        startKind = -1;
        switch (kind) {
            case START_FRAME:
                return null;
            case START_CALL: {
                Object c = startCallable;
                Object[] a = startArgs;
                startCallable = null;
                startArgs = null;
                return invoke(c, a, startKw, null);
            }
            case START_OP: {
                AsyncGenOp op = startOp;
                startOp = null;
                Completion in = startInput;
                startInput = null;
                return opStep(op, in instanceof Completion.Raised r ? op.throwIn((PyBaseException) r.exception())
                        : op.send(in instanceof Completion.Returned r ? r.value() : Py.None), null);
            }
            default: {
                PyGenerator gen = startGen;
                startGen = null;
                Completion in = startInput;
                startInput = null;
                if (gen.state == PyGenerator.RUNNING) {
                    throw Py.valueError(gen.kindName() + " already executing");
                }
                if (gen.state == PyGenerator.FINISHED && gen.isCoroutine()) {
                    throw Py.runtimeError("cannot reuse already awaited coroutine");
                }
                if (gen.state == PyGenerator.FINISHED) {
                    if (in instanceof Completion.Raised r) {
                        throw new PyError((PyBaseException) r.exception());
                    }
                    return finish(new Completion.Returned(Py.None));
                }
                if (in instanceof Completion.Raised r) {
                    return throwInto(gen, (PyBaseException) r.exception(), null, Frame.MODE_ACTIVITY);
                }
                Object v = in instanceof Completion.Returned r ? r.value() : Py.None;
                return sendInto(gen, v, null, Frame.MODE_ACTIVITY);
            }
        }
    }

    private Outcome finish(Completion c) {
        frame = null;
        return new Outcome.Done(c);
    }

    /** The engine resumes the thread after a Suspend or a call into an engine coroutine. */
    private Outcome resume(Completion c) {
        if (pendingThen != null) {
            Function<Completion, Object> then = pendingThen;
            Function<Object, Object> outer = pendingOuter;
            pendingThen = null;
            pendingOuter = null;
            Object r = then.apply(c);
            return deliverNative(r, outer);
        }
        if (pendingJavaSend) {
            pendingJavaSend = false;
            Frame f = frame;
            switch (c) {
                case Completion.Yielded y -> {
                    rewindToYield(f);
                    f.s[f.sp++] = y.value();
                }
                case Completion.Returned r -> {
                    int target = sendTarget(f);
                    f.s[f.sp - 1] = r.value();
                    f.pc = target;
                }
                case Completion.Raised r -> {
                    return raise((PyBaseException) r.exception(), true, false);
                }
            }
            return null;
        }
        return null;
    }

    // --- the loop ------------------------------------------------------------------------------------------------

    private Outcome loop() {
        Frame f = frame;
        Object[] s = f.s;
        int sp = f.sp;
        int pc = f.pc;
        Code c = f.code;
        int[] code = c.code;
        while (true) {
            try {
                while (true) {
                    if (spent >= budget) {
                        f.sp = sp;
                        f.pc = pc;
                        return Outcome.PAUSE;
                    }
                    int ins = code[pc++];
                    int op = ins & 0xff;
                    spent += CostModel.COST[op];
                    if (CostModel.COUNT_OPS) {
                        CostModel.OP_COUNTS[op]++;
                    }
                    switch (op) {
                        case Op.NOP -> {
                        }
                        case Op.POP_TOP -> {
                            Object v = s[--sp];
                            s[sp] = null;
                            if (v instanceof PyGenerator g && g.state == PyGenerator.CREATED && g.isCoroutine()) {
                                f.sp = sp;
                                f.pc = pc;
                                interp.warnUnawaited(g, c, pc - 1);
                            } else if (v instanceof dev.loopscope.engine.Task task && pc >= 2
                                    && (Op.op(code[pc - 2]) == Op.CALL || Op.op(code[pc - 2]) == Op.CALL_KW)) {
                                // A task made by a call and dropped by an expression statement: nothing else
                                // refers to it, as reference counting would know.
                                task.dropped();
                            } else if (v instanceof Coroutine jc && !(v instanceof PyGenerator) && !jc.isFinished()
                                    && !(v instanceof AsyncGenOp)) {
                                // a library coroutine (asyncio.sleep(1)) dropped by an expression statement
                                f.sp = sp;
                                f.pc = pc;
                                interp.warnUnawaited(jc.qualName(), c, pc - 1);
                            }
                        }
                        case Op.PUSH_NULL -> s[sp++] = null;
                        case Op.COPY -> {
                            s[sp] = s[sp - (ins >>> 8)];
                            sp++;
                        }
                        case Op.SWAP -> {
                            int j = sp - (ins >>> 8);
                            Object t = s[sp - 1];
                            s[sp - 1] = s[j];
                            s[j] = t;
                        }
                        case Op.LOAD_CONST -> s[sp++] = c.consts[ins >>> 8];
                        case Op.LOAD_FAST -> {
                            Object v = s[ins >>> 8];
                            if (v == null) {
                                throw unboundLocal(c.varNames[ins >>> 8]);
                            }
                            s[sp++] = v;
                        }
                        case Op.STORE_FAST -> {
                            Object old = s[ins >>> 8];
                            s[ins >>> 8] = s[--sp];
                            s[sp] = null;
                            if (old instanceof PyBaseException pe && pe.heldCoroutines != null) {
                                f.sp = sp;
                                f.pc = pc;
                                releaseHeldCoroutines(pe, f, pc);
                            }
                            if (old != null && interp.hookedAsyncGens > 0
                                    && (old instanceof PyGenerator || old instanceof PyBaseException)) {
                                // the variable lets go of an async generator (or of an exception holding some)
                                f.sp = sp;
                                f.pc = pc;
                                AsyncGens.dropped(this, old);
                            }
                        }
                        case Op.LOAD_DEREF -> {
                            PyCell cell = (PyCell) s[c.varNames.length + (ins >>> 8)];
                            Object v = cell.value;
                            if (v == null) {
                                throw unboundDeref(c, ins >>> 8);
                            }
                            s[sp++] = v;
                        }
                        case Op.STORE_DEREF -> {
                            ((PyCell) s[c.varNames.length + (ins >>> 8)]).value = s[--sp];
                            s[sp] = null;
                        }
                        case Op.LOAD_CLOSURE -> s[sp++] = s[c.varNames.length + (ins >>> 8)];
                        case Op.LOAD_GLOBAL -> {
                            Object cached = c.caches[pc - 1];
                            PyDict g = f.globals;
                            if (cached instanceof GlobalCache gc && gc.globals == g && gc.globalsVersion == g.version
                                    && (gc.builtinsIndex < 0 || gc.builtinsVersion == interp.builtins.version)) {
                                s[sp++] = gc.builtinsIndex < 0 ? g.values[gc.globalsIndex]
                                        : interp.builtins.values[gc.builtinsIndex];
                            } else {
                                s[sp++] = loadGlobal(c, pc - 1, g);
                            }
                        }
                        case Op.LOAD_NAME -> {
                            String name = c.names[ins >>> 8];
                            Object v = f.locals.getStr(name);
                            if (v == null) {
                                v = f.globals.getStr(name);
                                if (v == null) {
                                    v = interp.builtins.getStr(name);
                                    if (v == null) {
                                        throw Py.nameError(name);
                                    }
                                }
                            }
                            s[sp++] = v;
                        }
                        case Op.STORE_NAME -> {
                            String name = c.names[ins >>> 8];
                            Object old = f.locals.getStr(name);
                            f.locals.put(name, s[--sp]);
                            s[sp] = null;
                            if (old instanceof PyBaseException pe && pe.heldCoroutines != null) {
                                f.sp = sp;
                                f.pc = pc;
                                releaseHeldCoroutines(pe, f, pc);
                            }
                        }
                        case Op.LOAD_ATTR -> {
                            Object obj = s[sp - 1];
                            if (obj instanceof PyInstance inst && inst.type.interp != null) {
                                String name = c.names[ins >>> 8];
                                Object d = classAttr(c, pc - 1, inst.type, name);
                                if (d instanceof PyProperty p && p.fget instanceof PyFunction
                                        && inst.type.lookup("__getattr__") == null) {
                                    // a property's getter runs on the thread, like any call
                                    s[--sp] = null;
                                    f.sp = sp;
                                    f.pc = pc;
                                    Outcome o = invoke(p.fget, new Object[] {obj}, null, null);
                                    if (o != null) {
                                        return o;
                                    }
                                    f = frame;
                                    s = f.s;
                                    sp = f.sp;
                                    pc = f.pc;
                                    c = f.code;
                                    code = c.code;
                                    break;
                                }
                                if (d == null || d instanceof PyFunction) {
                                    Object v = inst.dict.getStr(name);
                                    if (v != null) {
                                        s[sp - 1] = v;
                                        break;
                                    }
                                    if (d != null) {
                                        s[sp - 1] = new PyMethod(d, obj);
                                        break;
                                    }
                                }
                            }
                            s[sp - 1] = getAttr(obj, c.names[ins >>> 8]);
                        }
                        case Op.LOAD_METHOD -> {
                            Object obj = s[sp - 1];
                            String name = c.names[ins >>> 8];
                            if (obj instanceof PyInstance inst) {
                                Object d = inst.type.interp != null ? classAttr(c, pc - 1, inst.type, name)
                                        : inst.type.lookup(name);
                                if (d instanceof PyFunction && inst.dict.getStr(name) == null) {
                                    s[sp - 1] = d;
                                    s[sp++] = obj;
                                    break;
                                }
                                if (d instanceof PyProperty p && p.fget instanceof PyFunction
                                        && inst.type.lookup("__getattr__") == null) {
                                    // the getter runs on the thread; its result is the callable, with no self
                                    s[--sp] = null;
                                    f.sp = sp;
                                    f.pc = pc;
                                    Frame caller = f;
                                    Outcome o = invoke(p.fget, new Object[] {obj}, null, v -> {
                                        caller.s[caller.sp++] = v;
                                        return null; // pushed after it: the empty self slot
                                    });
                                    if (o != null) {
                                        return o;
                                    }
                                    f = frame;
                                    s = f.s;
                                    sp = f.sp;
                                    pc = f.pc;
                                    c = f.code;
                                    code = c.code;
                                    break;
                                }
                            } else if (!(obj instanceof PyType) && !(obj instanceof PyModule)
                                    && !(obj instanceof PySuper)) {
                                Object d = Py.typeOf(obj).lookup(name);
                                if (d instanceof PyBuiltin b && b.isMethod && b.self == null) {
                                    s[sp - 1] = d;
                                    s[sp++] = obj;
                                    break;
                                }
                            }
                            s[sp - 1] = getAttr(obj, name);
                            s[sp++] = null;
                        }
                        case Op.STORE_ATTR -> {
                            Object obj = s[--sp];
                            Object v = s[--sp];
                            s[sp] = null;
                            s[sp + 1] = null;
                            Object setter = propertyFunction(obj, c.names[ins >>> 8], true);
                            if (setter != null) {
                                // a property's setter runs on the thread; what it returns is dropped
                                f.sp = sp;
                                f.pc = pc;
                                Outcome o = invoke(setter, new Object[] {obj, v}, null, r -> NativeTask.NOTHING);
                                if (o != null) {
                                    return o;
                                }
                                f = frame;
                                s = f.s;
                                sp = f.sp;
                                pc = f.pc;
                                c = f.code;
                                code = c.code;
                                break;
                            }
                            Ops.setAttr(obj, c.names[ins >>> 8], v);
                        }
                        case Op.BINARY_OP -> {
                            Object b = s[--sp];
                            Object a = s[sp - 1];
                            s[sp] = null;
                            int bop = ins >>> 8;
                            Object r;
                            if (a instanceof Long x && b instanceof Long y) {
                                long u = x;
                                long v = y;
                                switch (bop & 15) {
                                    case Ops.ADD -> {
                                        long t = u + v;
                                        r = ((u ^ t) & (v ^ t)) < 0 ? Ops.intBinary(Ops.ADD, a, b) : Py.box(t);
                                    }
                                    case Ops.SUB -> {
                                        long t = u - v;
                                        r = ((u ^ v) & (u ^ t)) < 0 ? Ops.intBinary(Ops.SUB, a, b) : Py.box(t);
                                    }
                                    default -> r = Ops.intBinary(bop & 15, a, b);
                                }
                                if (r == Py.NotImplemented) {
                                    r = Ops.binary(bop & 15, a, b, bop >= 16);
                                }
                            } else {
                                r = Ops.binary(bop & 15, a, b, bop >= 16);
                            }
                            spent += CostModel.binaryExtra(bop & 15, a, b, r);
                            s[sp - 1] = r;
                        }
                        case Op.UNARY_NOT -> s[sp - 1] = Py.bool(!Ops.truthy(s[sp - 1]));
                        case Op.COMPARE_OP -> {
                            Object b = s[--sp];
                            Object a = s[sp - 1];
                            s[sp] = null;
                            spent += CostModel.compareExtra(a, b);
                            s[sp - 1] = Ops.compare(ins >>> 8, a, b);
                        }
                        case Op.IS_OP -> {
                            Object b = s[--sp];
                            Object a = s[sp - 1];
                            s[sp] = null;
                            s[sp - 1] = Py.bool(isSame(a, b) != ((ins >>> 8) == 1));
                        }
                        case Op.CONTAINS_OP -> {
                            Object b = s[--sp];
                            Object a = s[sp - 1];
                            s[sp] = null;
                            if (b instanceof PyIterator bi && bi.runsPython) {
                                // searching a generator: on this thread
                                s[--sp] = null;
                                f.sp = sp;
                                f.pc = pc;
                                boolean negate = (ins >>> 8) == 1;
                                Outcome o = startNative(new IterTasks.Contains(b, a),
                                        negate ? r -> Py.bool(r != Boolean.TRUE) : null, false);
                                if (o != null) {
                                    return o;
                                }
                                f = frame;
                                s = f.s;
                                sp = f.sp;
                                pc = f.pc;
                                c = f.code;
                                code = c.code;
                                break;
                            }
                            s[sp - 1] = Py.bool(Ops.contains(b, a) != ((ins >>> 8) == 1));
                        }
                        case Op.BINARY_SUBSCR -> {
                            Object k = s[--sp];
                            s[sp] = null;
                            if (s[sp - 1] instanceof PyDict) {
                                spent += CostModel.SUBSCR_DICT;
                            }
                            s[sp - 1] = Ops.getItem(s[sp - 1], k);
                        }
                        case Op.STORE_SUBSCR -> {
                            Object k = s[--sp];
                            Object o = s[--sp];
                            Object v = s[--sp];
                            s[sp] = null;
                            s[sp + 1] = null;
                            s[sp + 2] = null;
                            if (!(o instanceof PyList)) {
                                spent += CostModel.STORE_SUBSCR_HASHED;
                            }
                            Ops.setItem(o, k, v);
                        }
                        case Op.BUILD_TUPLE -> {
                            int n = ins >>> 8;
                            Object[] items = new Object[n];
                            sp -= n;
                            System.arraycopy(s, sp, items, 0, n);
                            clear(s, sp, n);
                            s[sp++] = PyTuple.of(items);
                        }
                        case Op.BUILD_LIST -> {
                            int n = ins >>> 8;
                            Object[] items = new Object[Math.max(n, 4)];
                            sp -= n;
                            System.arraycopy(s, sp, items, 0, n);
                            clear(s, sp, n);
                            s[sp++] = new PyList(items, n);
                        }
                        case Op.LIST_APPEND -> {
                            Object v = s[--sp];
                            s[sp] = null;
                            ((PyList) s[sp - (ins >>> 8)]).append(v);
                        }
                        case Op.UNPACK_SEQUENCE -> {
                            int n = ins >>> 8;
                            Object seq = s[--sp];
                            Object u = unpack(seq, n);
                            if (u instanceof Object[] items) {
                                for (int i = n - 1; i >= 0; i--) {
                                    s[sp++] = items[i];
                                }
                                break;
                            }
                            // the items take Python code (a generator): on this thread
                            s[sp] = null;
                            f.sp = sp;
                            f.pc = pc;
                            Outcome o = startNative((NativeTask) u, null, false);
                            if (o != null) {
                                return o;
                            }
                            f = frame;
                            s = f.s;
                            sp = f.sp;
                            pc = f.pc;
                            c = f.code;
                            code = c.code;
                        }
                        case Op.JUMP -> pc = ins >>> 8;
                        case Op.POP_JUMP_IF_FALSE -> {
                            Object v = s[--sp];
                            s[sp] = null;
                            if (v == Boolean.FALSE) {
                                pc = ins >>> 8;
                            } else if (v != Boolean.TRUE) {
                                spent += CostModel.TRUTH_TEST;
                                if (!Ops.truthy(v)) {
                                    pc = ins >>> 8;
                                }
                            }
                        }
                        case Op.POP_JUMP_IF_TRUE -> {
                            Object v = s[--sp];
                            s[sp] = null;
                            if (v == Boolean.TRUE) {
                                pc = ins >>> 8;
                            } else if (v != Boolean.FALSE) {
                                spent += CostModel.TRUTH_TEST;
                                if (Ops.truthy(v)) {
                                    pc = ins >>> 8;
                                }
                            }
                        }
                        case Op.JUMP_IF_FALSE_OR_POP -> {
                            if (!Ops.truthy(s[sp - 1])) {
                                pc = ins >>> 8;
                            } else {
                                s[--sp] = null;
                            }
                        }
                        case Op.JUMP_IF_TRUE_OR_POP -> {
                            if (Ops.truthy(s[sp - 1])) {
                                pc = ins >>> 8;
                            } else {
                                s[--sp] = null;
                            }
                        }
                        case Op.POP_JUMP_IF_NONE -> {
                            if (s[--sp] == Py.None) {
                                pc = ins >>> 8;
                            }
                            s[sp] = null;
                        }
                        case Op.POP_JUMP_IF_NOT_NONE -> {
                            if (s[--sp] != Py.None) {
                                pc = ins >>> 8;
                            }
                            s[sp] = null;
                        }
                        case Op.GET_ITER -> s[sp - 1] = getIter(s[sp - 1]);
                        case Op.FOR_ITER -> {
                            Object it = s[sp - 1];
                            if (it instanceof PyGenerator g) {
                                f.sp = sp;
                                f.pc = pc;
                                if (g.state == PyGenerator.FINISHED) {
                                    s[--sp] = null;
                                    pc = ins >>> 8;
                                    break;
                                }
                                Outcome o = sendInto(g, Py.None, f, Frame.MODE_FOR_ITER);
                                if (o != null) {
                                    return o;
                                }
                                f = frame;
                                s = f.s;
                                sp = f.sp;
                                pc = f.pc;
                                c = f.code;
                                code = c.code;
                                break;
                            }
                            if (!(it instanceof PyIterator pi) || pi.runsPython) {
                                // a map with a Python function, an object with a __next__...: on this thread
                                f.sp = sp;
                                f.pc = pc;
                                Outcome o = startNative(NativeTask.stepper(it), null, true);
                                if (o != null) {
                                    return o;
                                }
                                f = frame;
                                s = f.s;
                                sp = f.sp;
                                pc = f.pc;
                                c = f.code;
                                code = c.code;
                                break;
                            }
                            Object v = pi.next();
                            if (v == null) {
                                s[--sp] = null;
                                pc = ins >>> 8;
                            } else {
                                if (pi instanceof Iterators.RangeIter) {
                                    spent += CostModel.allocation(v);
                                }
                                s[sp++] = v;
                            }
                        }
                        case Op.CALL, Op.CALL_KW -> {
                            String[] kw = null;
                            if (op == Op.CALL_KW) {
                                kw = (String[]) s[--sp];
                                s[sp] = null;
                            }
                            int n = ins >>> 8;
                            Object self = s[sp - n - 1];
                            Object callable = s[sp - n - 2];
                            int start = self == null ? sp - n : sp - n - 1;
                            int argc = sp - start;
                            f.pc = pc;
                            if (callable instanceof PyFunction fn && kw == null && !fn.code.isGenerator()
                                    && argc == fn.code.argCount && fn.code.kwOnlyCount == 0
                                    && (fn.code.flags & (Code.VARARGS | Code.VARKEYWORDS)) == 0) {
                                // the common case: exact positional arguments straight into the new frame
                                Frame nf = new Frame(fn.code, fn.globals, null);
                                nf.function = fn;
                                System.arraycopy(s, start, nf.s, 0, argc);
                                // the popped slots keep their references until overwritten: clearing them costs
                                // more than the little memory they hold
                                sp -= n + 2;
                                f.sp = sp;
                                if (fn.code.nCells() > 0) {
                                    initCells(fn, nf);
                                }
                                nf.depth = f.depth + 1;
                                if (nf.depth > interp.recursionLimit) {
                                    throw Py.error(Types.RECURSION_ERROR, "maximum recursion depth exceeded");
                                }
                                nf.back = f;
                                spent += CostModel.CALL_PYTHON;
                                frame = nf;
                                f = nf;
                                s = f.s;
                                sp = f.sp;
                                pc = 0;
                                c = f.code;
                                code = c.code;
                                break;
                            }
                            Object[] args = new Object[argc];
                            System.arraycopy(s, start, args, 0, argc);
                            for (int i = sp - n - 2; i < sp; i++) {
                                s[i] = null;
                            }
                            sp -= n + 2;
                            f.sp = sp;
                            Outcome o = invoke(callable, args, kw, null);
                            if (o != null) {
                                return o;
                            }
                            f = frame;
                            s = f.s;
                            sp = f.sp;
                            pc = f.pc;
                            c = f.code;
                            code = c.code;
                        }
                        case Op.RETURN_VALUE, Op.RETURN_CONST -> {
                            Object v;
                            if (op == Op.RETURN_CONST) {
                                v = c.consts[ins >>> 8];
                            } else {
                                v = s[--sp];
                                s[sp] = null;
                            }
                            f.sp = sp;
                            f.pc = pc;
                            Outcome o = returnFrom(f, v);
                            if (o != null) {
                                return o;
                            }
                            f = frame;
                            s = f.s;
                            sp = f.sp;
                            pc = f.pc;
                            c = f.code;
                            code = c.code;
                        }
                        default -> {
                            f.sp = sp;
                            f.pc = pc;
                            Outcome o = slow(f, ins, op);
                            if (o != null) {
                                return o;
                            }
                            f = frame;
                            s = f.s;
                            sp = f.sp;
                            pc = f.pc;
                            c = f.code;
                            code = c.code;
                        }
                    }
                }
            } catch (PyError e) {
                f.sp = sp;
                f.pc = pc;
                Outcome o = raise(e.exc, true);
                if (o != null) {
                    return o;
                }
            } catch (StackOverflowError e) {
                f.sp = sp;
                f.pc = pc;
                Outcome o = raise(Py.newException(Types.RECURSION_ERROR, "maximum recursion depth exceeded"), true);
                if (o != null) {
                    return o;
                }
            } catch (RuntimeException e) {
                f.sp = sp;
                f.pc = pc;
                Outcome o = raise(Py.newException(Types.SYSTEM_ERROR, "internal error: " + e), true);
                if (o != null) {
                    return o;
                }
            }
            f = frame;
            s = f.s;
            sp = f.sp;
            pc = f.pc;
            c = f.code;
            code = c.code;
        }
    }

    /** The less frequent instructions, kept out of the main loop so that it stays small enough to compile well. */
    private Outcome slow(Frame f, int ins, int op) {
        Object[] s = f.s;
        int sp = f.sp;
        int pc = f.pc;
        Code c = f.code;
        int[] code = c.code;
        switch (op) {
                case Op.DELETE_FAST -> {
                    Object old = s[ins >>> 8];
                    if (old == null) {
                        throw unboundLocal(c.varNames[ins >>> 8]);
                    }
                    s[ins >>> 8] = null;
                    if (interp.hookedAsyncGens > 0) {
                        f.sp = sp;
                        f.pc = pc;
                        AsyncGens.dropped(this, old);
                    }
                }
                case Op.DELETE_DEREF -> {
                    PyCell cell = (PyCell) s[c.varNames.length + (ins >>> 8)];
                    if (cell.value == null) {
                        throw unboundDeref(c, ins >>> 8);
                    }
                    cell.value = null;
                }
                case Op.MAKE_CELL -> s[c.varNames.length + (ins >>> 8)] = new PyCell(null);
                case Op.LOAD_CLASSDEREF -> {
                    int a = ins >>> 8;
                    String name = c.names[a >>> 12];
                    Object v = f.locals.getStr(name);
                    if (v == null) {
                        v = ((PyCell) s[c.varNames.length + (a & 0xfff)]).value;
                        if (v == null) {
                            throw unboundDeref(c, a & 0xfff);
                        }
                    }
                    s[sp++] = v;
                }
                case Op.STORE_GLOBAL -> {
                    f.globals.put(c.names[ins >>> 8], s[--sp]);
                    s[sp] = null;
                }
                case Op.DELETE_GLOBAL -> {
                    if (f.globals.remove(c.names[ins >>> 8]) == null) {
                        throw Py.nameError(c.names[ins >>> 8]);
                    }
                }
                case Op.DELETE_NAME -> {
                    if (f.locals.remove(c.names[ins >>> 8]) == null) {
                        throw Py.nameError(c.names[ins >>> 8]);
                    }
                }
                case Op.DELETE_ATTR -> {
                    Object obj = s[--sp];
                    s[sp] = null;
                    Object deleter = propertyFunction(obj, c.names[ins >>> 8], false);
                    if (deleter != null) {
                        f.sp = sp;
                        f.pc = pc;
                        return invoke(deleter, new Object[] {obj}, null, r -> NativeTask.NOTHING);
                    }
                    Ops.delAttr(obj, c.names[ins >>> 8]);
                }
                case Op.UNARY_NEGATIVE -> {
                    s[sp - 1] = Ops.negate(s[sp - 1]);
                    spent += CostModel.allocation(s[sp - 1]);
                }
                case Op.UNARY_POSITIVE -> s[sp - 1] = Ops.positive(s[sp - 1]);
                case Op.UNARY_INVERT -> {
                    if (s[sp - 1] instanceof Boolean) {
                        f.pc = pc;
                        interp.warn("DeprecationWarning", BOOL_INVERT_WARNING, f.code, pc - 1);
                    }
                    s[sp - 1] = Ops.invert(s[sp - 1]);
                }
                case Op.DELETE_SUBSCR -> {
                    Object k = s[--sp];
                    Object o = s[--sp];
                    s[sp] = null;
                    s[sp + 1] = null;
                    Ops.delItem(o, k);
                }
                case Op.BUILD_SLICE -> {
                    if ((ins >>> 8) == 3) {
                        Object st = s[--sp];
                        Object b = s[--sp];
                        s[sp - 1] = new PySlice(s[sp - 1], b, st);
                    } else {
                        Object b = s[--sp];
                        s[sp - 1] = new PySlice(s[sp - 1], b, Py.None);
                    }
                }
                case Op.BUILD_SET -> {
                    int n = ins >>> 8;
                    PySet set = new PySet();
                    sp -= n;
                    for (int i = 0; i < n; i++) {
                        set.add(s[sp + i]);
                    }
                    clear(s, sp, n);
                    s[sp++] = set;
                }
                case Op.BUILD_MAP -> {
                    int n = ins >>> 8;
                    PyDict d = new PyDict();
                    sp -= 2 * n;
                    for (int i = 0; i < n; i++) {
                        d.put(s[sp + 2 * i], s[sp + 2 * i + 1]);
                    }
                    clear(s, sp, 2 * n);
                    s[sp++] = d;
                }
                case Op.BUILD_STRING -> {
                    int n = ins >>> 8;
                    sp -= n;
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        sb.append((String) s[sp + i]);
                    }
                    clear(s, sp, n);
                    s[sp++] = sb.toString();
                }
                case Op.SET_ADD -> {
                    Object v = s[--sp];
                    s[sp] = null;
                    ((PySet) s[sp - (ins >>> 8)]).add(v);
                }
                case Op.MAP_ADD -> {
                    Object v = s[--sp];
                    Object k = s[--sp];
                    s[sp] = null;
                    s[sp + 1] = null;
                    ((PyDict) s[sp - (ins >>> 8)]).put(k, v);
                }
                case Op.LIST_EXTEND -> {
                    Object v = s[--sp];
                    s[sp] = null;
                    NativeTask task = listExtend((PyList) s[sp - (ins >>> 8)], v);
                    if (task != null) {
                        f.sp = sp;
                        f.pc = pc;
                        return startNative(task, null, false);
                    }
                }
                case Op.SET_UPDATE -> {
                    Object v = s[--sp];
                    s[sp] = null;
                    PySet target = (PySet) s[sp - (ins >>> 8)];
                    if (v instanceof PySet || v instanceof PyDict) {
                        Sets.update(target, v);
                    } else {
                        f.sp = sp;
                        f.pc = pc;
                        Object r = NativeTask.run(this, new IterTasks.SetUpdate(target, new Object[] {v},
                                NativeTask.NOTHING));
                        if (r instanceof NativeTask task) {
                            return startNative(task, null, false);
                        }
                    }
                }
                case Op.DICT_UPDATE, Op.DICT_MERGE -> {
                    Object v = s[--sp];
                    s[sp] = null;
                    dictUpdate((PyDict) s[sp - (ins >>> 8)], v, op == Op.DICT_MERGE ? s[sp - (ins >>> 8) - 3]
                            : null);
                }
                case Op.LIST_TO_TUPLE -> s[sp - 1] = PyTuple.of(((PyList) s[sp - 1]).toArray());
                case Op.FORMAT_VALUE -> {
                    int flags = ins >>> 8;
                    String spec = "";
                    if ((flags & 4) != 0) {
                        spec = (String) s[--sp];
                        s[sp] = null;
                        spent += CostModel.FORMAT_SPEC;
                    }
                    Object v = s[sp - 1];
                    switch (flags & 3) {
                        case 1 -> v = Ops.str(v);
                        case 2 -> v = Ops.repr(v);
                        case 3 -> v = Builtins.ascii(Ops.repr(v));
                        default -> {
                        }
                    }
                    s[sp - 1] = v instanceof String str && spec.isEmpty() ? str : Format.format(v, spec);
                }
                case Op.UNPACK_EX -> {
                    int before = (ins >>> 8) & 0xff;
                    int after = ins >>> 16;
                    Object seq = s[--sp];
                    s[sp] = null;
                    f.sp = sp;
                    f.pc = pc;
                    Object src = unpackIterable(seq);
                    if (src instanceof PyList || src instanceof PyTuple) {
                        pushUnpackedEx(f, Sequences.toArray(src), before, after);
                        return null;
                    }
                    NativeTask unpack = new IterTasks.Unpack(Ops.iter(src), before, after);
                    unpack.caller = f;
                    Object r = NativeTask.run(this, unpack);
                    return r instanceof NativeTask task ? startNative(task, null, false) : null;
                }
                case Op.CALL_EX -> {
                    PyDict kwargs = null;
                    if ((ins >>> 8) == 1) {
                        kwargs = (PyDict) s[--sp];
                    }
                    Object argsObj = s[--sp];
                    Object callable = s[sp - 2];
                    clear(s, sp - 2, 4);
                    sp -= 2;
                    if (!(argsObj instanceof PyTuple)) {
                        PyType at = Py.typeOf(argsObj);
                        if (!(argsObj instanceof PyIterator) && at.lookup("__iter__") == null
                                && at.lookup("__getitem__") == null && !(argsObj instanceof PyList
                                || argsObj instanceof String || argsObj instanceof PyDict || argsObj instanceof PySet
                                || argsObj instanceof PyRange || argsObj instanceof DictView
                                || argsObj instanceof PyGenerator || argsObj instanceof byte[])) {
                            throw Py.typeError(Builtins.callableName(callable)
                                    + " argument after * must be an iterable, not " + at.name);
                        }
                    }
                    if (!(argsObj instanceof PyTuple) && !(argsObj instanceof PyList)) {
                        Object it = Ops.iter(argsObj);
                        if (NativeTask.onThread(it)) {
                            // the arguments take Python code (f(*generator)): collect them on this thread
                            f.sp = sp;
                            f.pc = pc;
                            PyDict kwd = kwargs;
                            return startNative(new IterTasks.Collect(it, items -> callWithArgs(callable, items,
                                    kwd)), null, false);
                        }
                        argsObj = PyTuple.of(Sequences.toArray(it));
                    }
                    f.sp = sp;
                    f.pc = pc;
                    TailCall call = callWithArgs(callable, argsObj instanceof PyTuple t ? t.items
                            : Sequences.toArray(argsObj), kwargs);
                    return invoke(call.callable(), call.args(), call.kwNames(), null);
                }
                case Op.MAKE_FUNCTION -> {
                    int flags = ins >>> 8;
                    Code fc = (Code) s[--sp];
                    PyCell[] closure = null;
                    PyDict annotations = null;
                    PyDict kwDefaults = null;
                    Object[] defaults = null;
                    if ((flags & 8) != 0) {
                        Object[] cells = ((PyTuple) s[--sp]).items;
                        closure = new PyCell[cells.length];
                        for (int i = 0; i < cells.length; i++) {
                            closure[i] = (PyCell) cells[i];
                        }
                    }
                    if ((flags & 4) != 0) {
                        annotations = (PyDict) s[--sp];
                    }
                    if ((flags & 2) != 0) {
                        kwDefaults = (PyDict) s[--sp];
                    }
                    if ((flags & 1) != 0) {
                        defaults = ((PyTuple) s[--sp]).items;
                    }
                    clear(s, sp, 5);
                    PyFunction fn = new PyFunction(interp, fc, f.globals, defaults, kwDefaults, closure);
                    fn.annotations = annotations;
                    if (fc.consts.length > 0 && fc.consts[0] instanceof String doc
                            && (fc.flags & Code.NAMESPACE) == 0 && hasDocstring(fc)) {
                        fn.doc = doc;
                    }
                    s[sp++] = fn;
                }
                case Op.YIELD_VALUE -> {
                    Object v = s[--sp];
                    s[sp] = null;
                    f.sp = sp;
                    f.pc = pc;
                    return yieldFrom(f, v);
                }
                case Op.SEND -> {
                    f.sp = sp;
                    f.pc = pc;
                    return send(f, ins >>> 8);
                }
                case Op.RAISE_VARARGS -> {
                    f.sp = sp;
                    f.pc = pc;
                    int n = ins >>> 8;
                    if (n == 0) {
                        if (handled == null) {
                            throw Py.runtimeError("No active exception to reraise");
                        }
                        Outcome o = raise(handled, false);
                        if (o != null) {
                            return o;
                        }
                    } else {
                        Object cause = null;
                        if (n == 2) {
                            cause = s[--sp];
                        }
                        Object e = s[--sp];
                        PyBaseException exc = makeRaisable(e);
                        if (n == 2) {
                            if (cause == Py.None) {
                                exc.cause = null;
                            } else {
                                exc.cause = makeCause(cause);
                            }
                            exc.suppressContext = true;
                        }
                        throw new PyError(exc);
                    }
                    f = frame;
                    s = f.s;
                    sp = f.sp;
                    pc = f.pc;
                    c = f.code;
                    code = c.code;
                }
                case Op.RERAISE -> {
                    PyBaseException exc = (PyBaseException) s[--sp];
                    s[sp] = null;
                    f.sp = sp;
                    f.pc = pc;
                    return raise(exc, false);
                }
                case Op.PUSH_EXC_INFO -> {
                    Object exc = s[sp - 1];
                    s[sp - 1] = handled;
                    s[sp++] = exc;
                    handled = (PyBaseException) exc;
                }
                case Op.POP_EXCEPT -> {
                    PyBaseException was = handled;
                    handled = (PyBaseException) s[--sp];
                    s[sp] = null;
                    if (was != null && was.heldCoroutines != null) {
                        f.sp = sp;
                        f.pc = pc;
                        releaseHeldCoroutines(was, f, pc);
                    }
                    if (was != null && was.heldAsyncGens != null) {
                        f.sp = sp;
                        f.pc = pc;
                        AsyncGens.dropped(this, was);
                    }
                }
                case Op.CHECK_EXC_MATCH -> {
                    Object t = s[--sp];
                    s[sp] = null;
                    s[sp++] = Py.bool(exceptionMatches((PyBaseException) s[sp - 2], t));
                }
                case Op.CHECK_EG_MATCH -> {
                    f.sp = sp;
                    f.pc = pc;
                    Object[] restMatch = PyExceptionGroup.exceptStarMatch(s[sp - 2], s[sp - 1]);
                    s[sp - 2] = restMatch[0];
                    s[sp - 1] = restMatch[1];
                    if (restMatch[1] != Py.None) {
                        // the matched part is what the clause handles: a bare raise re-raises it
                        handled = (PyBaseException) restMatch[1];
                    }
                }
                case Op.PREP_RERAISE_STAR -> {
                    PyList raised = (PyList) s[--sp];
                    s[sp] = null;
                    PyBaseException left = PyExceptionGroup.prepReraiseStar((PyBaseException) s[sp - 1], raised);
                    s[sp - 1] = left == null ? Py.None : left;
                }
                case Op.WITH_EXC_ARGS -> {
                    PyBaseException exc = (PyBaseException) s[sp - 1];
                    s[sp - 1] = exc.type;
                    s[sp++] = exc;
                    s[sp++] = exc.traceback == null ? Py.None : new PyTracebackObject(exc.traceback);
                }
                case Op.BEFORE_WITH, Op.BEFORE_ASYNC_WITH -> {
                    Object mgr = s[sp - 1];
                    boolean async = op == Op.BEFORE_ASYNC_WITH;
                    PyType t = Py.typeOf(mgr);
                    String enter = async ? "__aenter__" : "__aenter__".substring(0, 0) + "__enter__";
                    String exit = async ? "__aexit__" : "__exit__";
                    String proto = async ? "asynchronous context manager" : "context manager";
                    Object e1 = t.lookup(enter);
                    if (e1 == null) {
                        throw Py.typeError("'" + t.name + "' object does not support the " + proto
                                + " protocol");
                    }
                    Object x1 = t.lookup(exit);
                    if (x1 == null) {
                        throw Py.typeError("'" + t.name + "' object does not support the " + proto
                                + " protocol (missed " + exit + " method)");
                    }
                    s[sp - 1] = Attributes.bind(x1, mgr, t);
                    if (e1 instanceof PyFunction || e1 instanceof PyBuiltin b && b.isMethod) {
                        s[sp++] = e1;
                        s[sp++] = mgr;
                    } else {
                        s[sp++] = Attributes.bind(e1, mgr, t);
                        s[sp++] = null;
                    }
                }
                case Op.BUILD_CLASS -> {
                    f.sp = sp;
                    f.pc = pc;
                    return buildClass(f);
                }
                case Op.LOAD_ASSERTION_ERROR -> s[sp++] = Types.ASSERTION_ERROR;
                case Op.IMPORT_NAME -> {
                    Object fromList = s[--sp];
                    s[sp] = null;
                    s[sp - 1] = importName(c.names[ins >>> 8], fromList);
                }
                case Op.IMPORT_FROM -> {
                    Object mod = s[sp - 1];
                    s[sp++] = importFrom(mod, c.names[ins >>> 8]);
                }
                case Op.IMPORT_STAR -> {
                    Object mod = s[--sp];
                    s[sp] = null;
                    importStar((PyModule) mod, f.locals != null ? f.locals : f.globals);
                }
                case Op.GET_AWAITABLE -> s[sp - 1] = getAwaitable(s[sp - 1], ins >>> 8);
                case Op.GET_YIELD_FROM_ITER -> {
                    Object o = s[sp - 1];
                    if (o instanceof PyGenerator g && g.isCoroutine()) {
                        if ((c.flags & Code.COROUTINE) == 0) {
                            throw Py.typeError("cannot 'yield from' a coroutine object in a non-coroutine "
                                    + "generator");
                        }
                    } else if (!(o instanceof PyGenerator)) {
                        s[sp - 1] = Ops.iter(o);
                    }
                }
                case Op.GET_AITER -> {
                    Object o = s[sp - 1];
                    PyType t = Py.typeOf(o);
                    if (t.lookup("__aiter__") == null) {
                        throw Py.typeError("'async for' requires an object with __aiter__ method, got "
                                + t.name);
                    }
                    Object it = o instanceof PyGenerator g && g.isAsyncGenerator() ? g : Ops.callMethod(o, "__aiter__");
                    if (Py.typeOf(it).lookup("__anext__") == null) {
                        throw Py.typeError("'async for' received an object from __aiter__ that does not implement "
                                + "__anext__: " + Py.typeName(it));
                    }
                    s[sp - 1] = it;
                }
                case Op.GET_ANEXT -> {
                    Object o = s[sp - 1];
                    PyType t = Py.typeOf(o);
                    if (o instanceof PyGenerator g && g.isAsyncGenerator()) {
                        s[sp++] = AsyncGens.asend(this, g, Py.None);
                        break;
                    }
                    if (t.lookup("__anext__") == null) {
                        throw Py.typeError("'async for' requires an iterator with __anext__ method, got "
                                + t.name);
                    }
                    Object next = Ops.callMethod(o, "__anext__");
                    try {
                        s[sp++] = getAwaitable(next, 0);
                    } catch (PyError e) {
                        if (!e.exc.isA(Types.TYPE_ERROR)) {
                            throw e;
                        }
                        s[--sp] = null;
                        PyBaseException te = Py.newException(Types.TYPE_ERROR,
                                "'async for' received an invalid object from __anext__: " + Py.typeName(next));
                        te.cause = e.exc;
                        te.context = e.exc;
                        te.suppressContext = true;
                        throw new PyError(te);
                    }
                }
                case Op.END_ASYNC_FOR -> {
                    PyBaseException exc = (PyBaseException) s[--sp];
                    s[sp] = null;
                    // the loop lets go of its iterator, at its end or because of the exception
                    Object aiter = s[--sp];
                    s[sp] = null;
                    f.sp = sp;
                    f.pc = pc;
                    if (interp.hookedAsyncGens > 0) {
                        AsyncGens.dropped(this, aiter);
                    }
                    if (!exc.isA(Types.STOP_ASYNC_ITERATION)) {
                        return raise(exc, false);
                    }
                }
                case Op.SETUP_ANNOTATIONS -> {
                    if (f.locals.getStr("__annotations__") == null) {
                        f.locals.put("__annotations__", new PyDict());
                    }
                }
                case Op.STORE_ANNOTATION -> {
                    Object v = s[--sp];
                    s[sp] = null;
                    Object ann = f.locals.getStr("__annotations__");
                    if (ann instanceof PyDict d) {
                        d.put(c.names[ins >>> 8], v);
                    }
                }
                case Op.LOAD_LOCALS -> s[sp++] = f.locals != null ? f.locals : localsDict(f);
            case Op.CLOSE_ITER -> {
                Object it = s[--sp];
                s[sp] = null;
                if (AsyncGens.finalizable(it)) {
                    // an `async for` left early lets go of its async generator: the loop's finaliser may close it
                    f.sp = sp;
                    f.pc = pc;
                    AsyncGens.dropped(this, it);
                    break;
                }
                if (it instanceof PyGenerator g && g.state == PyGenerator.SUSPENDED && !g.isCoroutine()
                        && !g.isAsyncGenerator()) {
                    f.sp = sp;
                    f.pc = pc;
                    return throwInto(g, Py.newException(Types.GENERATOR_EXIT), f, Frame.MODE_CLOSE_DISCARD);
                }
            }
            default -> throw new IllegalStateException("bad opcode " + op + " at " + (pc - 1));
        }
        f.sp = sp;
        f.pc = pc;
        return null;
    }

    /**
     * The Python setter ({@code set}) or deleter of a property {@code name} of a user class instance, which then
     * runs on the thread; null when the attribute is anything else (handled by {@link Ops}).
     */
    private static Object propertyFunction(Object obj, String name, boolean set) {
        if (!(obj instanceof PyInstance inst) || inst.type.interp == null
                || inst.type.lookup("__setattr__") instanceof PyFunction) {
            return null;
        }
        if (inst.type.lookup(name) instanceof PyProperty p) {
            Object fn = set ? p.fset : p.fdel;
            return fn instanceof PyFunction ? fn : null;
        }
        return null;
    }

    /** What a class attribute lookup at one instruction found, valid while no class namespace changed. */
    static final class AttrCache {
        PyType type;
        long version;
        Object found;
    }

    /** {@code type.lookup(name)} memoised at instruction {@code at} (user classes only). */
    private static Object classAttr(Code c, int at, PyType type, String name) {
        Object cached = c.caches[at];
        long version = type.interp.typeVersion;
        if (cached instanceof AttrCache ac && ac.type == type && ac.version == version) {
            return ac.found;
        }
        AttrCache ac = new AttrCache();
        ac.type = type;
        ac.version = version;
        ac.found = type.lookup(name);
        c.caches[at] = ac;
        return ac.found;
    }

    /** Where LOAD_GLOBAL found its name last time, valid while neither namespace gained or lost a key. */
    static final class GlobalCache {
        PyDict globals;
        int globalsVersion;
        int globalsIndex;
        int builtinsVersion;
        int builtinsIndex;
    }

    private Object loadGlobal(Code c, int at, PyDict g) {
        String name = c.names[Op.arg(c.code[at])];
        GlobalCache gc = new GlobalCache();
        gc.globals = g;
        gc.globalsVersion = g.version;
        gc.globalsIndex = g.indexOfStr(name);
        gc.builtinsIndex = -1;
        Object v;
        if (gc.globalsIndex >= 0) {
            v = g.values[gc.globalsIndex];
        } else {
            PyDict b = interp.builtins;
            gc.builtinsVersion = b.version;
            gc.builtinsIndex = b.indexOfStr(name);
            if (gc.builtinsIndex < 0) {
                throw Py.nameError(name);
            }
            v = b.values[gc.builtinsIndex];
        }
        c.caches[at] = gc;
        return v;
    }

    private static boolean hasDocstring(Code fc) {
        return fc.docstring;
    }

    private static void clear(Object[] s, int from, int n) {
        int end = Math.min(from + n, s.length);
        for (int i = from; i < end; i++) {
            s[i] = null;
        }
    }

    static boolean isSame(Object a, Object b) {
        if (a == b) {
            return true;
        }
        // ints and floats are values here: equal small ones are the same object in CPython too
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue() && x >= -5 && x <= 256;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.booleanValue() == y.booleanValue();
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) && (x.length() <= 1 || isIdentifierLike(x));
        }
        return false;
    }

    private static boolean isIdentifierLike(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '_') || ch > 127) {
                return false;
            }
        }
        return true;
    }

    private static PyError unboundLocal(String name) {
        return Py.error(Types.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + name
                + "' where it is not associated with a value");
    }

    private static PyError unboundDeref(Code c, int i) {
        if (i < c.cellVars.length) {
            return unboundLocal(c.cellVars[i]);
        }
        String name = c.freeVars[i - c.cellVars.length];
        return Py.error(Types.NAME_ERROR, "cannot access free variable '" + name
                + "' where it is not associated with a value in enclosing scope");
    }

    private Object getAttr(Object o, String name) {
        if (o instanceof PySuper sup) {
            Object v = sup.lookup(name);
            if (v == null) {
                throw Py.attributeError("'super' object has no attribute '" + name + "'");
            }
            return v;
        }
        return Ops.getAttr(o, name);
    }

    private static Object getIter(Object o) {
        if (o instanceof PyGenerator g) {
            if (g.isCoroutine()) {
                throw Py.typeError("'coroutine' object is not iterable");
            }
            if (g.isAsyncGenerator()) {
                throw Py.typeError("'async_generator' object is not iterable");
            }
            return g;
        }
        return Ops.iter(o);
    }

    /** LIST_EXTEND: done at once, or the task that does it on the thread. */
    private NativeTask listExtend(PyList l, Object v) {
        if (!(v instanceof PyList) && !(v instanceof PyTuple)) {
            PyType t = Py.typeOf(v);
            if (t.lookup("__iter__") == null && t.lookup("__getitem__") == null && !(v instanceof PyIterator)
                    && !(v instanceof String)) {
                throw Py.typeError("Value after * must be an iterable, not " + t.name);
            }
            Object r = NativeTask.run(this, new IterTasks.Extend(l, Ops.iter(v), NativeTask.NOTHING,
                    IterTasks.Extend.lengthHint(v)));
            return r instanceof NativeTask task ? task : null;
        }
        Sequences.extend(l, v);
        return null;
    }

    /** The call of {@code callable(*pos, **kwargs)}. */
    private static TailCall callWithArgs(Object callable, Object[] pos, PyDict kwargs) {
        Object[] args = pos;
        String[] kw = null;
        if (kwargs != null && kwargs.size() > 0) {
            kw = new String[kwargs.size()];
            args = new Object[pos.length + kw.length];
            System.arraycopy(pos, 0, args, 0, pos.length);
            int k = 0;
            for (int i = 0; i < kwargs.end(); i++) {
                Object key = kwargs.keyAt(i);
                if (key != null) {
                    kw[k] = (String) key;
                    args[pos.length + k] = kwargs.valueAt(i);
                    k++;
                }
            }
        }
        return new TailCall(callable, args, kw, null);
    }

    /** UNPACK_EX: {@code before} items, a list of the middle ones and {@code after} items onto {@code f}'s stack. */
    static void pushUnpackedEx(Frame f, Object[] items, int before, int after) {
        if (items.length < before + after) {
            throw Py.valueError("not enough values to unpack (expected at least "
                    + (before + after) + ", got " + items.length + ")");
        }
        Object[] s = f.s;
        int sp = f.sp;
        for (int i = items.length - 1; i >= items.length - after; i--) {
            s[sp++] = items[i];
        }
        int mid = items.length - after - before;
        Object[] midItems = new Object[Math.max(4, mid)];
        System.arraycopy(items, before, midItems, 0, mid);
        s[sp++] = new PyList(midItems, mid);
        for (int i = before - 1; i >= 0; i--) {
            s[sp++] = items[i];
        }
        f.sp = sp;
    }

    private static void dictUpdate(PyDict d, Object v, Object callable) {
        if (v instanceof PyDict other) {
            if (callable != null) {
                for (int i = 0; i < other.end(); i++) {
                    Object k = other.keyAt(i);
                    if (k == null) {
                        continue;
                    }
                    if (!(k instanceof String)) {
                        throw Py.typeError("keywords must be strings");
                    }
                    if (d.get(k) != null) {
                        throw Py.typeError(Builtins.callableName(callable)
                                + " got multiple values for keyword argument '" + k + "'");
                    }
                    d.put(k, other.valueAt(i));
                }
                return;
            }
            d.putAll(other);
            return;
        }
        PyType t = Py.typeOf(v);
        if (t.lookup("keys") == null) {
            if (callable != null) {
                throw Py.typeError(Builtins.callableName(callable) + " argument after ** must be a mapping, not "
                        + t.name);
            }
            throw Py.typeError("'" + t.name + "' object is not a mapping");
        }
        for (Object k : Sequences.toArray(Ops.callMethod(v, "keys"))) {
            d.put(k, Ops.getItem(v, k));
        }
    }

    private static Object unpackIterable(Object seq) {
        PyType t = Py.typeOf(seq);
        if (!(seq instanceof PyIterator) && t.lookup("__iter__") == null && t.lookup("__getitem__") == null
                && !(seq instanceof PyList || seq instanceof PyTuple || seq instanceof String
                || seq instanceof PyDict || seq instanceof PySet || seq instanceof PyRange
                || seq instanceof DictView || seq instanceof byte[])) {
            throw Py.typeError("cannot unpack non-iterable " + t.name + " object");
        }
        return seq;
    }

    /** UNPACK_SEQUENCE: the items, or a task that puts them on the stack from the thread. */
    private Object unpack(Object seq, int n) {
        if (seq instanceof PyTuple t) {
            if (t.items.length == n) {
                return t.items;
            }
            throw unpackCount(n, t.items.length);
        }
        if (seq instanceof PyList l) {
            if (l.size == n) {
                return l.toArray();
            }
            throw unpackCount(n, l.size);
        }
        Object it = Ops.iter(unpackIterable(seq));
        if (NativeTask.onThread(it)) {
            return new IterTasks.Unpack(it, -1, n);
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = Ops.next(it);
            if (v == null) {
                throw Py.valueError("not enough values to unpack (expected " + n + ", got " + i + ")");
            }
            out[i] = v;
        }
        if (Ops.next(it) != null) {
            throw Py.valueError("too many values to unpack (expected " + n + ")");
        }
        return out;
    }

    private static PyError unpackCount(int expected, int got) {
        if (got < expected) {
            return Py.valueError("not enough values to unpack (expected " + expected + ", got " + got + ")");
        }
        return Py.valueError("too many values to unpack (expected " + expected + ")");
    }

    private static PyDict localsDict(Frame f) {
        PyDict d = new PyDict();
        for (int i = 0; i < f.code.varNames.length; i++) {
            if (f.s[i] != null) {
                d.put(f.code.varNames[i], f.s[i]);
            }
        }
        int base = f.code.varNames.length;
        for (int i = 0; i < f.code.cellVars.length; i++) {
            Object v = ((PyCell) f.s[base + i]).value;
            if (v != null) {
                d.put(f.code.cellVars[i], v);
            }
        }
        return d;
    }

    // --- calls ---------------------------------------------------------------------------------------------------

    /**
     * Calls {@code callable} from the current frame (or starts the thread with it when there is none): pushes a
     * frame for Python code, or runs a native and pushes its result. Returns an outcome when the thread must stop.
     */
    Outcome invoke(Object callable, Object[] args, String[] kw, Function<Object, Object> then) {
        while (true) {
            if (callable instanceof PyFunction fn) {
                Frame nf = newFrame(fn, args, kw);
                if (fn.code.isGenerator()) {
                    PyGenerator g = new PyGenerator(nf, interp, fn.name, fn.qualname);
                    if (g.isCoroutine()) {
                        interp.unawaited.add(g);
                    }
                    return deliver(then == null ? g : then.apply(g));
                }
                nf.then = then;
                return pushFrame(nf);
            }
            if (callable instanceof PyMethod m) {
                Object[] a = new Object[args.length + 1];
                a[0] = m.self;
                System.arraycopy(args, 0, a, 1, args.length);
                callable = m.function;
                args = a;
                continue;
            }
            if (callable instanceof PyBuiltin b) {
                Object[] a = args;
                if (b.self != null) {
                    a = new Object[args.length + 1];
                    a[0] = b.self;
                    System.arraycopy(args, 0, a, 1, args.length);
                }
                spent += CostModel.CALL_NATIVE + b.callCost();
                Object r;
                try {
                    r = b.fn.call(this, a, kw);
                } catch (PyError e) {
                    // an error from a library function written in Python carries its frames, which keep the
                    // arguments alive as long as the traceback lives
                    if (interp.unawaited.head != null && frame != null && e.exc.traceback == null) {
                        releaseUnawaitedArguments(args);
                    }
                    throw e;
                }
                spent += CostModel.allocation(r);
                return deliverNative(r, then);
            }
            if (callable instanceof CodeRunner r) {
                Frame nf = new Frame(r.code, r.globals, r.locals);
                nf.then = then;
                return pushFrame(nf);
            }
            if (callable instanceof PyType t) {
                spent += t.builtin ? CostModel.typeCall(t) : CostModel.NEW_INSTANCE;
                return instantiate(t, args, kw, then);
            }
            PyType t = Py.typeOf(callable);
            Object call = t.lookup("__call__");
            if (call == null) {
                throw Py.typeError("'" + t.messageName() + "' object is not callable");
            }
            Object[] a = new Object[args.length + 1];
            a[0] = callable;
            System.arraycopy(args, 0, a, 1, args.length);
            callable = call;
            args = a;
        }
    }

    /** Gives a value to the current frame: pushes it, hands it to a native frame, or ends the thread with it. */
    private Outcome deliver(Object value) {
        Frame f = frame;
        if (f == null) {
            return finish(new Completion.Returned(value));
        }
        if (f.kind == Frame.NATIVE) {
            return runNative(f, value, false);
        }
        if (value != NativeTask.NOTHING) {
            f.s[f.sp++] = value;
        }
        return null;
    }

    /** Gives a value to {@code caller}, which is the current frame. */
    private Outcome pushTo(Frame caller, Object value) {
        if (caller.kind == Frame.NATIVE) {
            return runNative(caller, value, false);
        }
        caller.s[caller.sp++] = value;
        return null;
    }

    /** Handles what a native returned: a value, a Suspend, a TailCall, a GenOp or a NativeTask. */
    private Outcome deliverNative(Object r, Function<Object, Object> then) {
        while (true) {
            if (r instanceof Suspend sus) {
                syncClock();
                if (nested) {
                    throw Py.runtimeError("cannot block inside a callback from a builtin function");
                }
                pendingThen = sus.then();
                pendingOuter = then;
                return sus.outcome();
            }
            if (r instanceof GenOp op) {
                if (then != null) {
                    // the generator's frame hands its result to a native frame that applies the continuation
                    Frame n = new Frame(new Relay(), frame, baseDepth);
                    n.then = then;
                    frame = n;
                }
                return genOp(op);
            }
            if (r instanceof TailCall tc) {
                Function<Object, Object> chained = tc.then();
                if (then != null) {
                    chained = chained == null ? then : chained.andThen(then);
                }
                return invoke(tc.callable(), tc.args(), tc.kwNames(), chained);
            }
            if (r instanceof NativeTask task) {
                return startNative(task, then, false);
            }
            if (r == null) {
                r = Py.None;
            }
            if (then == null) {
                return deliver(r);
            }
            r = then.apply(r);
            then = null;
        }
    }

    /** A native frame that passes on what it gets: carries a continuation for a generator operation. */
    private static final class Relay extends NativeTask {
        @Override
        Object step(PyThread t, Object v) {
            return v;
        }
    }

    // --- builtins running Python code on the thread (NativeTask) -------------------------------------------------

    /** While a native frame runs, a value for a native frame is left here for its loop instead of recursing. */
    private boolean feeding;
    private Frame feedFrame;
    private Object feedValue;
    private boolean feedIsResult;

    /** Pushes a native frame for {@code task} above the current frame and starts it. */
    private Outcome startNative(NativeTask task, Function<Object, Object> then, boolean forIter) {
        Frame n = new Frame(task, frame, baseDepth);
        n.then = then;
        n.forIter = forIter;
        frame = n;
        Object first = task.started;
        if (first != null) {
            task.started = null;
            return runNative(n, first, true);
        }
        return runNative(n, NativeTask.START, false);
    }

    /**
     * Runs native frame {@code n} (the current frame): gives it {@code v} (or, with {@code isResult}, carries out
     * {@code v}, what its last step returned), and so on until a Python frame is on top or the thread stops.
     */
    private Outcome runNative(Frame n, Object v, boolean isResult) {
        if (feeding) {
            feedFrame = n;
            feedValue = v;
            feedIsResult = isResult;
            return null;
        }
        feeding = true;
        try {
            while (true) {
                Outcome o = nativeStep(n, v, isResult);
                if (o != null || feedFrame == null) {
                    return o;
                }
                n = feedFrame;
                v = feedValue;
                isResult = feedIsResult;
                feedFrame = null;
                feedValue = null;
            }
        } finally {
            feeding = false;
            feedFrame = null;
            feedValue = null;
        }
    }

    private Outcome nativeStep(Frame n, Object v, boolean isResult) {
        NativeTask task = n.task;
        try {
            Object r = v;
            if (!isResult) {
                task.awaitingNext = false;
                r = task.step(this, v);
            }
            if (r == NativeTask.NEXT) {
                Object it = task.reqIter;
                task.reqIter = null;
                if (it instanceof PyGenerator g) {
                    if (g.state == PyGenerator.FINISHED) {
                        return runNative(n, NativeTask.END, false);
                    }
                    // a builtin resuming a generator enters the evaluation loop anew for each item
                    spent += CostModel.RESUME_FROM_NATIVE;
                    return sendInto(g, Py.None, n, Frame.MODE_NATIVE);
                }
                if (it instanceof PyIterator pi && !pi.runsPython) {
                    Object x = pi.next();
                    return runNative(n, x == null ? NativeTask.END : x, false);
                }
                return startNative(NativeTask.stepper(it), null, false);
            }
            if (r == NativeTask.CALL) {
                Object fn = task.reqCallable;
                Object[] args = task.reqArgs;
                task.reqCallable = null;
                task.reqArgs = null;
                if (fn instanceof PyBuiltin b) {
                    Object[] a = b.self == null ? args : prepend(b.self, args);
                    return deliverNative(b.fn.call(this, a, null), null);
                }
                return invoke(fn, args, null, null);
            }
            if (r instanceof NativeTask.DeferredResult d) {
                return deliverNative(d.result(), null);
            }
            return finishNative(n, r);
        } catch (PyError e) {
            return raise(e.exc, true);
        } catch (StackOverflowError e) {
            return raise(Py.newException(Types.RECURSION_ERROR, "maximum recursion depth exceeded"), true);
        }
    }

    /** Native frame {@code n} is done with result {@code r}: pops it and gives the result to the frame below. */
    private Outcome finishNative(Frame n, Object r) {
        Frame back = n.back;
        Function<Object, Object> then = n.then;
        n.back = null;
        n.then = null;
        frame = back;
        if (r == NativeTask.NOTHING) {
            return back == null ? finish(new Completion.Returned(Py.None)) : null;
        }
        if (n.forIter) {
            if (r == NativeTask.END) {
                back.s[--back.sp] = null;
                back.pc = Op.arg(back.code.code[back.pc - 1]);
                return null;
            }
            back.s[back.sp++] = r;
            return null;
        }
        return deliverNative(r, then);
    }

    /** next()/send()/throw()/close() on a Python generator, run on this thread. */
    private Outcome genOp(GenOp op) {
        PyGenerator g = op.gen();
        Frame consumer = frame;
        switch (op.kind()) {
            case GenOp.SEND -> {
                if (g.state == PyGenerator.FINISHED) {
                    if (g.isCoroutine()) {
                        throw Py.runtimeError("cannot reuse already awaited coroutine");
                    }
                    if (op.dflt() != null) {
                        return deliver(op.dflt());
                    }
                    throw Py.stopIteration(null);
                }
                if (op.dflt() != null) {
                    g.frame.extra = op.dflt();
                    sendInto(g, op.value(), consumer, Frame.MODE_CALL_DEFAULT);
                    return null;
                }
                return sendInto(g, op.value(), consumer, Frame.MODE_CALL);
            }
            case GenOp.THROW -> {
                return throwInto(g, (PyBaseException) op.value(), consumer, Frame.MODE_CALL);
            }
            default -> {
                if (g.state == PyGenerator.CREATED || g.state == PyGenerator.FINISHED) {
                    g.state = PyGenerator.FINISHED;
                    return deliver(Py.None);
                }
                return throwInto(g, Py.newException(Types.GENERATOR_EXIT), consumer, Frame.MODE_CLOSE);
            }
        }
    }

    private Outcome pushFrame(Frame nf) {
        Frame f = frame;
        nf.depth = (f == null ? baseDepth : f.depth) + 1;
        if (nf.depth > interp.recursionLimit) {
            throw Py.error(Types.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        nf.back = f;
        spent += CostModel.CALL_PYTHON;
        frame = nf;
        return null;
    }

    private void initCells(PyFunction fn, Frame nf) {
        Code c = fn.code;
        spent += CostModel.FRAME_CELLS;
        int base = c.varNames.length;
        for (int i = 0; i < c.cellVars.length; i++) {
            int arg = c.cellToArg[i];
            nf.s[base + i] = new PyCell(arg >= 0 ? nf.s[arg] : null);
            if (arg >= 0) {
                nf.s[arg] = null;
            }
        }
        for (int i = 0; i < c.freeVars.length; i++) {
            nf.s[base + c.cellVars.length + i] = fn.closure[i];
        }
    }

    /** A frame for {@code fn} with the arguments bound to its parameters (CPython's messages on mismatch). */
    Frame newFrame(PyFunction fn, Object[] a, String[] kw) {
        Code c = fn.code;
        Frame nf = new Frame(c, fn.globals, null);
        nf.function = fn;
        bindArgs(fn, nf.s, a, kw);
        if (c.nCells() > 0) {
            initCells(fn, nf);
        }
        return nf;
    }

    static void bindArgs(PyFunction fn, Object[] slots, Object[] a, String[] kw) {
        Code c = fn.code;
        int nkw = kw == null ? 0 : kw.length;
        int npos = a.length - nkw;
        int argc = c.argCount;
        int m = Math.min(npos, argc);
        System.arraycopy(a, 0, slots, 0, m);
        int extra = argc + c.kwOnlyCount;
        boolean varargs = (c.flags & Code.VARARGS) != 0;
        boolean varkw = (c.flags & Code.VARKEYWORDS) != 0;
        if (varargs) {
            Object[] rest = npos > argc ? java.util.Arrays.copyOfRange(a, argc, npos) : new Object[0];
            slots[extra] = PyTuple.of(rest);
        }
        PyDict kwdict = null;
        if (varkw) {
            kwdict = new PyDict();
            slots[extra + (varargs ? 1 : 0)] = kwdict;
        }
        String name = fn.qualname;
        java.util.List<String> posOnlyAsKw = null;
        for (int k = 0; k < nkw; k++) {
            String key = kw[k];
            Object v = a[npos + k];
            int idx = -1;
            for (int i = c.posOnlyCount; i < argc + c.kwOnlyCount; i++) {
                if (c.varNames[i].equals(key)) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0) {
                if (kwdict != null) {
                    if (kwdict.get(key) != null) {
                        throw Py.typeError(name + "() got multiple values for argument '" + key + "'");
                    }
                    kwdict.put(key, v);
                    continue;
                }
                for (int i = 0; i < c.posOnlyCount; i++) {
                    if (c.varNames[i].equals(key)) {
                        if (posOnlyAsKw == null) {
                            posOnlyAsKw = new java.util.ArrayList<>();
                        }
                        posOnlyAsKw.add(key);
                        idx = i;
                        break;
                    }
                }
                if (idx >= 0) {
                    continue;
                }
                throw Py.typeError(name + "() got an unexpected keyword argument '" + key + "'");
            }
            if (slots[idx] != null) {
                throw Py.typeError(name + "() got multiple values for argument '" + key + "'");
            }
            slots[idx] = v;
        }
        if (posOnlyAsKw != null) {
            throw Py.typeError(name + "() got some positional-only arguments passed as keyword arguments: '"
                    + String.join(", ", posOnlyAsKw) + "'");
        }
        int ndef = fn.defaults == null ? 0 : fn.defaults.length;
        if (npos > argc && !varargs) {
            int kwonlyGiven = 0;
            for (int i = argc; i < argc + c.kwOnlyCount; i++) {
                if (slots[i] != null) {
                    kwonlyGiven++;
                }
            }
            String sig = ndef > 0 ? "from " + (argc - ndef) + " to " + argc : String.valueOf(argc);
            boolean plural = ndef > 0 || argc != 1;
            String kwSig = kwonlyGiven == 0 ? "" : " positional argument" + (npos != 1 ? "s" : "") + " (and "
                    + kwonlyGiven + " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "") + ")";
            throw Py.typeError(name + "() takes " + sig + " positional argument" + (plural ? "s" : "") + " but "
                    + npos + kwSig + " " + (npos == 1 && kwonlyGiven == 0 ? "was" : "were") + " given");
        }
        java.util.List<String> missing = null;
        for (int i = npos; i < argc; i++) {
            if (slots[i] == null) {
                int d = i - (argc - ndef);
                if (d >= 0) {
                    slots[i] = fn.defaults[d];
                } else {
                    if (missing == null) {
                        missing = new java.util.ArrayList<>();
                    }
                    missing.add(c.varNames[i]);
                }
            }
        }
        if (missing != null) {
            throw missingArgs(name, missing, "positional");
        }
        for (int i = argc; i < argc + c.kwOnlyCount; i++) {
            if (slots[i] == null) {
                Object d = fn.kwDefaults == null ? null : fn.kwDefaults.getStr(c.varNames[i]);
                if (d != null) {
                    slots[i] = d;
                } else {
                    if (missing == null) {
                        missing = new java.util.ArrayList<>();
                    }
                    missing.add(c.varNames[i]);
                }
            }
        }
        if (missing != null) {
            throw missingArgs(name, missing, "keyword-only");
        }
    }

    private static PyError missingArgs(String name, java.util.List<String> missing, String kind) {
        StringBuilder sb = new StringBuilder();
        int n = missing.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
            }
            sb.append('\'').append(missing.get(i)).append('\'');
        }
        return Py.typeError(name + "() missing " + n + " required " + kind + " argument" + (n == 1 ? "" : "s")
                + ": " + sb);
    }

    private Outcome instantiate(PyType t, Object[] args, String[] kw, Function<Object, Object> then) {
        if (t.interp == null && t.constructor != null) {
            Object r = t.constructor.call(this, prepend(t, args), kw);
            return deliverNative(r, then);
        }
        if (t.interp == null && t.allocator == null) {
            throw Py.typeError("cannot create '" + t.fullName() + "' instances");
        }
        Object newFn = t.lookup("__new__");
        if (newFn == Builtins.objectNew) {
            newFn = null;
        }
        PyObject inst;
        if (newFn instanceof PyWrapper || newFn instanceof PyFunction) {
            Object fnObj = newFn instanceof PyWrapper w ? w.callable : newFn;
            Object r = interp.callNested(fnObj, prepend(t, args), kw);
            if (!(r instanceof PyObject po) || !Py.typeOf(r).isSubtypeOf(t)) {
                return deliver(then == null ? r : then.apply(r));
            }
            inst = po;
        } else {
            if (t.allocator == null) {
                // a subclass of a builtin type without instance support (list, dict...): use the constructor
                PyType base = t;
                while (base != null && base.interp != null) {
                    base = base.bases.length > 0 ? base.bases[0] : null;
                }
                throw Py.typeError("subclassing '" + (base == null ? "?" : base.name)
                        + "' is not supported in this interpreter");
            }
            PyType made = t == Types.OS_ERROR ? Types.osErrorSubtype(positional(args, kw))
                    : t.isSubtypeOf(Types.BASE_EXCEPTION_GROUP) ? PyExceptionGroup.checkedType(t, positional(args, kw))
                    : t;
            inst = t.allocator.apply(made);
            if (inst instanceof PyBaseException e) {
                e.args = PyTuple.of(positional(args, kw));
            }
            if (inst instanceof PyExceptionGroup g) {
                g.setUp(positional(args, kw));
            }
        }
        if (inst instanceof KeepsInitArgs keeper) {
            keeper.keepInitArgs(args, kw);
        }
        Object init = t.lookup("__init__");
        Object[] initArgs = prepend(inst, args);
        if (init instanceof PyFunction fn) {
            Frame nf = newFrame(fn, initArgs, kw);
            nf.kind = Frame.INIT;
            nf.extra = inst;
            nf.then = then;
            return pushFrame(nf);
        }
        if (init instanceof PyBuiltin b) {
            if (b == Builtins.OBJECT_INIT && args.length > 0 && !(newFn instanceof PyFunction
                    || newFn instanceof PyWrapper)) {
                throw Py.typeError(t.qualname + "() takes no arguments");
            }
            Object r = b.fn.call(this, initArgs, kw);
            if (NativeTask.isDeferred(r)) {
                return deliverNative(r, x -> then == null ? inst : then.apply(inst));
            }
        }
        return deliver(then == null ? inst : then.apply(inst));
    }

    private static Object[] positional(Object[] args, String[] kw) {
        if (kw == null || kw.length == 0) {
            return args;
        }
        return java.util.Arrays.copyOf(args, args.length - kw.length);
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] a = new Object[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

    // --- returning, yielding, raising ----------------------------------------------------------------------------

    private Outcome returnFrom(Frame f, Object value) {
        if (interp.hookedAsyncGens > 0 && (f.code.flags & Code.NAMESPACE) == 0) {
            AsyncGens.releaseLocals(this, f, value);
        }
        Frame caller = f.back;
        if (interp.unawaited.head != null && f.kind != Frame.CLASS_BODY && (caller != null || f.gen != null)) {
            releaseUnawaited(f, caller, value);
        }
        f.back = null;
        PyGenerator g = f.gen;
        if (g != null) {
            g.state = PyGenerator.FINISHED;
            handled = g.outerHandled;
            if (f.mode == Frame.MODE_AGEN) {
                AsyncGenOp op = g.driver;
                g.driver = null;
                return opDeliver(caller, op.ended(null));
            }
            if (caller == null || f.mode == Frame.MODE_ACTIVITY) {
                return finish(new Completion.Returned(value));
            }
            frame = caller;
            switch (f.mode) {
                case Frame.MODE_FOR_ITER -> {
                    caller.s[--caller.sp] = null;
                    caller.pc = Op.arg(caller.code.code[caller.pc - 1]);
                }
                case Frame.MODE_NATIVE -> {
                    return runNative(caller, NativeTask.END, false);
                }
                case Frame.MODE_SEND -> {
                    caller.s[caller.sp - 1] = value;
                    caller.pc = sendTarget(caller);
                }
                case Frame.MODE_CLOSE -> {
                    return pushTo(caller, Py.None);
                }
                case Frame.MODE_CLOSE_DISCARD -> {
                }
                case Frame.MODE_CALL_DEFAULT -> {
                    return pushTo(caller, f.extra);
                }
                default -> {
                    if (g.isAsyncGenerator()) {
                        throw new PyError(Py.newException(Types.STOP_ASYNC_ITERATION));
                    }
                    throw Py.stopIteration(value == Py.None ? null : value);
                }
            }
            return null;
        }
        if (f.kind == Frame.INIT) {
            if (value != Py.None) {
                frame = caller;
                throw Py.typeError("__init__() should return None, not '" + Py.typeName(value) + "'");
            }
            value = f.extra;
        } else if (f.kind == Frame.CLASS_BODY) {
            frame = caller;
            value = makeClass(f);
        }
        frame = caller;
        if (f.then != null) {
            Function<Object, Object> then = f.then;
            f.then = null;
            Object r = then.apply(value);
            if (NativeTask.isDeferred(r)) {
                return deliverNative(r, null);
            }
            value = r;
        }
        if (caller == null) {
            return finish(new Completion.Returned(value));
        }
        if (caller.kind == Frame.NATIVE) {
            return runNative(caller, value, false);
        }
        if (value != NativeTask.NOTHING) {
            caller.s[caller.sp++] = value;
        }
        return null;
    }

    /**
     * A returning function's locals are freed with its frame: coroutines only they held, never started, get the
     * "never awaited" warning now, attributed to the caller's line, or to asyncio's Handle._run for the coroutine
     * of a task (the main task's frame is left to asyncio.run, which reports in the order the frame lets go).
     * What the function returns, and coroutines that tasks are about to run, live on.
     */
    private void releaseUnawaited(Frame f, Frame caller, Object value) {
        int slots = Math.min(f.s.length, f.code.varNames.length + f.code.nCells());
        java.util.List<PyGenerator> found = null;
        for (int i = 0; i < slots; i++) {
            Object o = f.s[i] instanceof PyCell cell ? cell.value : f.s[i];
            found = unawaitedIn(o, found, 0);
        }
        if (found == null) {
            return;
        }
        // the common case: the function hands its coroutines back to the caller
        java.util.List<PyGenerator> returned = unawaitedIn(value, null, 0);
        if (returned != null) {
            found.removeIf(g -> returned.stream().anyMatch(r -> r == g));
        }
        found.removeIf(g -> g.state != PyGenerator.CREATED || !g.inUnawaited);
        if (found.isEmpty()) {
            return;
        }
        dev.loopscope.engine.EventLoop loop = ctx == null ? null : ctx.loop();
        boolean taskTop = caller == null || f.mode == Frame.MODE_ACTIVITY;
        if (taskTop && (f.gen == null || loop == null || loop.currentTask() == null
                || loop.currentTask() == loop.runnerMainTask())) {
            return;
        }
        // what else may still refer to them: the return value, the callers, the module's globals, the loop's tasks
        Reachable kept = new Reachable(f);
        kept.visit(value);
        visitRoots(kept, caller);
        for (PyGenerator g : found) {
            if (kept.overflowed || kept.seen.contains(g) || g.state != PyGenerator.CREATED || !g.inUnawaited) {
                continue;
            }
            if (taskTop) {
                String w = ctx.simulation().python().freedUnawaitedWarning(g,
                        dev.loopscope.engine.LibraryFrame.HANDLE_RUN);
                if (!w.isEmpty()) {
                    interp.writeErr(w);
                }
            } else if (caller.kind != Frame.NATIVE) {
                interp.warnUnawaited(g, caller.code, Math.max(0, caller.pc - 1));
            }
        }
    }

    /**
     * The objects reachable from some roots through containers, instance attributes, closures, bound methods and
     * the frames of suspended generators, never entering the frame being released. Gives up (overflowed) on very
     * large graphs, when nothing is reported.
     */
    private static final class Reachable {
        private static final int LIMIT = 200_000;
        final java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private final java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        private final Frame released;
        boolean overflowed;

        Reachable(Frame released) {
            this.released = released;
        }

        void visitFrame(Frame fr) {
            for (int i = 0; i < Math.min(fr.s.length, fr.sp); i++) {
                push(fr.s[i]);
            }
            drain();
        }

        void visit(Object o) {
            push(o);
            drain();
        }

        private void push(Object o) {
            if (o == null || o instanceof String || o instanceof Long || o instanceof Double || o instanceof Boolean
                    || overflowed) {
                return;
            }
            if (seen.size() > LIMIT) {
                overflowed = true;
                return;
            }
            if (seen.add(o)) {
                todo.add(o);
            }
        }

        private void drain() {
            while (!todo.isEmpty() && !overflowed) {
                switch (todo.poll()) {
                    case PyCell c -> push(c.value);
                    case PyList l -> {
                        for (int i = 0; i < l.size; i++) {
                            push(l.items[i]);
                        }
                    }
                    case PyTuple t -> {
                        for (Object x : t.items) {
                            push(x);
                        }
                    }
                    case PyDict d -> {
                        for (int i = 0; i < d.end(); i++) {
                            if (d.keyAt(i) != null) {
                                push(d.keyAt(i));
                                push(d.valueAt(i));
                            }
                        }
                    }
                    case PySet set -> {
                        for (Object x : set.elements()) {
                            push(x);
                        }
                    }
                    case PyMethod m -> {
                        push(m.function);
                        push(m.self);
                    }
                    case PyFunction fn -> {
                        if (fn.closure != null) {
                            for (PyCell c : fn.closure) {
                                push(c);
                            }
                        }
                    }
                    case PyGenerator g -> {
                        if (g.frame != released && g.state != PyGenerator.FINISHED) {
                            for (int i = 0; i < Math.min(g.frame.s.length, g.frame.sp); i++) {
                                push(g.frame.s[i]);
                            }
                        }
                    }
                    case HasDict h -> push(h.instanceDict());
                    default -> {
                    }
                }
            }
        }
    }

    /**
     * What may still refer to a coroutine being let go of, besides the frame that lets go: the frames from
     * {@code from} outwards, the program's module, and every open loop of the process, whichever thread runs it
     * (its tasks and the callbacks it has yet to run).
     */
    private void visitRoots(Reachable kept, Frame from) {
        for (Frame b = from; b != null; b = b.back) {
            kept.visitFrame(b);
        }
        PyModule main = interp.modules.get("__main__");
        if (main != null) {
            kept.visit(main.dict);
        }
        dev.loopscope.engine.EventLoop loop = ctx == null ? null : ctx.loop();
        java.util.List<dev.loopscope.engine.EventLoop> loops = new java.util.ArrayList<>();
        if (loop != null) {
            loops.add(loop);
        }
        if (ctx != null && ctx.thread() != null) {
            for (dev.loopscope.engine.EventLoop other : ctx.thread().process().openLoops()) {
                if (other != loop) {
                    loops.add(other);
                }
            }
        }
        for (dev.loopscope.engine.EventLoop l : loops) {
            for (dev.loopscope.engine.Task t : l.allTasks()) {
                kept.visit(t.coroutine());
            }
            l.forEachPendingCallback(cb -> {
                for (Object o : cb.references()) {
                    kept.visit(o);
                }
            });
        }
    }

    /**
     * An exception pops the value stack of the frame it passes through down to {@code from}: coroutines that were
     * only temporaries there (arguments of a call that failed) are freed and warned about at the line running.
     */
    private void releaseUnawaitedTemporaries(Frame f, int from, int at) {
        java.util.List<PyGenerator> found = null;
        for (int i = Math.max(0, from); i < Math.min(f.sp, f.s.length); i++) {
            found = unawaitedIn(f.s[i], found, 0);
        }
        if (found == null) {
            return;
        }
        found.removeIf(g -> g.state != PyGenerator.CREATED || !g.inUnawaited);
        if (found.isEmpty()) {
            return;
        }
        Reachable kept = new Reachable(f);
        for (int i = 0; i < Math.min(from, f.s.length); i++) {
            kept.visit(f.s[i]);
        }
        visitRoots(kept, f.back);
        for (PyGenerator g : found) {
            if (!kept.overflowed && !kept.seen.contains(g) && g.inUnawaited) {
                interp.warnUnawaited(g, f.code, at);
            }
        }
    }

    /**
     * A builtin that raises lets go of its arguments at once: coroutines passed only there are freed and warned
     * about at the calling line.
     */
    private void releaseUnawaitedArguments(Object[] args) {
        Frame f = frame;
        java.util.List<PyGenerator> found = null;
        for (Object a : args) {
            if (a instanceof PyGenerator g && g.state == PyGenerator.CREATED && g.inUnawaited) {
                if (found == null) {
                    found = new java.util.ArrayList<>();
                }
                found.add(g);
            }
        }
        if (found == null) {
            return;
        }
        Reachable kept = new Reachable(f);
        visitRoots(kept, f);
        for (PyGenerator g : found) {
            if (!kept.overflowed && !kept.seen.contains(g) && g.inUnawaited && g.state == PyGenerator.CREATED) {
                interp.warnUnawaited(g, f.code, Math.max(0, f.pc - 1));
            }
        }
    }

    /** The never-started coroutines in {@code o}, directly or as items of lists, tuples and dicts. */
    private static java.util.List<PyGenerator> unawaitedIn(Object o, java.util.List<PyGenerator> found, int depth) {
        if (depth > 3) {
            return found;
        }
        switch (o) {
            case PyGenerator g when g.inUnawaited -> {
                if (found == null) {
                    found = new java.util.ArrayList<>();
                }
                found.add(g);
            }
            case PyList l -> {
                for (int i = l.size - 1; i >= 0; i--) {
                    found = unawaitedIn(l.items[i], found, depth + 1);
                }
            }
            case PyTuple t -> {
                for (int i = t.items.length - 1; i >= 0; i--) {
                    found = unawaitedIn(t.items[i], found, depth + 1);
                }
            }
            case PyDict d -> {
                for (int i = 0; i < d.end(); i++) {
                    if (d.keyAt(i) != null) {
                        found = unawaitedIn(d.valueAt(i), found, depth + 1);
                    }
                }
            }
            case null, default -> {
            }
        }
        return found;
    }

    private Outcome yieldFrom(Frame f, Object value) {
        PyGenerator g = f.gen;
        if (g == null) {
            throw Py.runtimeError("yield outside a generator");
        }
        g.state = PyGenerator.SUSPENDED;
        g.innerHandled = handled != g.outerHandled ? handled : null;
        handled = g.outerHandled;
        Frame caller = f.back;
        f.back = null;
        if (f.mode == Frame.MODE_AGEN && Op.arg(f.code.code[f.pc - 1]) == 0) {
            // the async generator's own yield: its awaitable turns it into the await's result
            AsyncGenOp op = g.driver;
            g.driver = null;
            return opDeliver(caller, op.yielded(value));
        }
        if (caller == null || f.mode == Frame.MODE_ACTIVITY) {
            return finish(new Completion.Yielded(value));
        }
        frame = caller;
        if (f.mode == Frame.MODE_CLOSE || f.mode == Frame.MODE_CLOSE_DISCARD) {
            throw Py.runtimeError(g.kindName() + " ignored GeneratorExit");
        }
        if (f.mode == Frame.MODE_SEND || f.mode == Frame.MODE_AGEN) {
            rewindToYield(caller);
        }
        return pushTo(caller, value);
    }

    /**
     * Runs one step of async generator awaitable {@code op} for {@code consumer}, the frame awaiting it (null: a
     * task drives the awaitable and this activity ends with its result).
     */
    private Outcome opStep(AsyncGenOp op, AsyncGenOp.Step step, Frame consumer) {
        switch (step) {
            case AsyncGenOp.Step.Send send -> {
                op.gen.driver = op;
                return sendInto(op.gen, send.value(), consumer, Frame.MODE_AGEN);
            }
            case AsyncGenOp.Step.Throw th -> {
                op.gen.driver = op;
                return throwInto(op.gen, th.exc(), consumer, Frame.MODE_AGEN);
            }
            default -> {
                return opDeliver(consumer, step);
            }
        }
    }

    /** Finishes the await of an async generator's awaitable in {@code consumer} with a result or an exception. */
    private Outcome opDeliver(Frame consumer, AsyncGenOp.Step step) {
        if (step instanceof AsyncGenOp.Step.Done done) {
            if (consumer == null) {
                return finish(new Completion.Returned(done.value()));
            }
            frame = consumer;
            consumer.s[consumer.sp - 1] = done.value();
            consumer.pc = sendTarget(consumer);
            return null;
        }
        PyBaseException exc = ((AsyncGenOp.Step.Fail) step).exc();
        if (consumer == null) {
            return finish(new Completion.Raised(exc));
        }
        frame = consumer;
        return raise(exc, true);
    }

    /**
     * The jump target of the SEND of an await loop. The frame is either just after the SEND (a send went down
     * the chain) or just after the loop's YIELD_VALUE (a throw went down the chain).
     */
    private static int sendTarget(Frame f) {
        int ins = f.code.code[f.pc - 1];
        if (Op.op(ins) == Op.YIELD_VALUE) {
            ins = f.code.code[f.pc - 2];
        }
        return Op.arg(ins);
    }

    /** Whether frame {@code f} waits in an await loop (just after its SEND, or after a throw went down from it). */
    private static boolean atAwait(Frame f) {
        if (f.pc <= 0) {
            return false;
        }
        int ins = f.code.code[f.pc - 1];
        return Op.op(ins) == Op.SEND || Op.op(ins) == Op.YIELD_VALUE && Op.arg(ins) == 1;
    }

    /** After a throw went down the chain, a value yielded from below must be yielded again, not sent. */
    private static void rewindToYield(Frame f) {
        int ins = f.code.code[f.pc - 1];
        if (Op.op(ins) == Op.YIELD_VALUE && Op.arg(ins) == 1) {
            f.pc--;
        }
    }

    /** Resumes {@code g} with {@code value} on behalf of {@code consumer} (null: this activity's bottom). */
    Outcome sendInto(PyGenerator g, Object value, Frame consumer, int mode) {
        if (g.state == PyGenerator.RUNNING) {
            throw Py.valueError(g.kindName() + " already executing");
        }
        Frame gf = g.frame;
        if (g.state == PyGenerator.CREATED) {
            if (value != Py.None) {
                throw Py.typeError("can't send non-None value to a just-started " + g.kindName());
            }
        } else {
            gf.s[gf.sp++] = value;
        }
        enterGenerator(g, consumer, mode);
        return null;
    }

    private void enterGenerator(PyGenerator g, Frame consumer, int mode) {
        Frame gf = g.frame;
        if (g.state == PyGenerator.CREATED) {
            interp.unawaited.remove(g);
        }
        g.state = PyGenerator.RUNNING;
        g.everResumed = true;
        g.outerHandled = handled;
        if (g.innerHandled != null) {
            handled = g.innerHandled;
        }
        gf.back = consumer;
        gf.mode = mode;
        gf.depth = (consumer == null ? baseDepth : consumer.depth) + 1;
        if (gf.depth > interp.recursionLimit) {
            g.state = PyGenerator.SUSPENDED;
            gf.back = null;
            throw Py.error(Types.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        spent += CostModel.RESUME;
        frame = gf;
    }

    /** Whether a suspended generator frame is inside an await/yield-from loop (its receiver is on top). */
    private static boolean isDelegating(Frame gf) {
        if (gf.pc <= 0) {
            return false;
        }
        int ins = gf.code.code[gf.pc - 1];
        return Op.op(ins) == Op.YIELD_VALUE && Op.arg(ins) == 1;
    }

    /** Throws {@code exc} into {@code g} at its current yield (CPython's {@code gen.throw}). */
    Outcome throwInto(PyGenerator g, PyBaseException exc, Frame consumer, int mode) {
        if (g.state == PyGenerator.RUNNING) {
            throw Py.valueError(g.kindName() + " already executing");
        }
        if (g.state == PyGenerator.FINISHED) {
            throw new PyError(exc);
        }
        Frame gf = g.frame;
        if (g.state == PyGenerator.CREATED) {
            // the frame has not started: the exception is raised at its first line without running the body
            enterGenerator(g, consumer, mode);
            return raise(exc, true, false);
        }
        if (isDelegating(gf)) {
            Object receiver = gf.s[gf.sp - 1];
            if (receiver instanceof AnextAwaitable aa) {
                receiver = aa.inner;
            }
            enterGenerator(g, consumer, mode);
            if (receiver instanceof AsyncGenOp op) {
                return opStep(op, op.throwIn(exc), gf);
            }
            if (receiver instanceof PyGenerator sub) {
                if (sub.state != PyGenerator.FINISHED) {
                    return throwInto(sub, exc, gf, Frame.MODE_SEND);
                }
            } else if (receiver instanceof Coroutine jc && !(receiver instanceof PyGenerator)) {
                if (nested) {
                    throw Py.runtimeError("cannot block inside a callback from a builtin function");
                }
                pendingJavaSend = true;
                syncClock();
                return new Outcome.Call(jc.resume(new Completion.Raised(exc)));
            } else if (!(receiver instanceof FutureAwait)) {
                Object throwMethod = Ops.getAttrOrNull(receiver, "throw");
                if (throwMethod != null && !exc.isA(Types.GENERATOR_EXIT)) {
                    Object v;
                    try {
                        v = Ops.call(throwMethod, exc);
                    } catch (PyError e) {
                        if (e.exc.isA(Types.STOP_ITERATION)) {
                            gf.s[gf.sp - 1] = stopValue(e.exc);
                            gf.pc = Op.arg(gf.code.code[gf.pc - 2]);
                            return null;
                        }
                        return raise(e.exc, true);
                    }
                    gf.s[gf.sp++] = v;
                    gf.pc = gf.pc - 1;
                    return null;
                }
            }
            return raise(exc, true, false);
        }
        enterGenerator(g, consumer, mode);
        return raise(exc, true, false);
    }

    static Object stopValue(PyBaseException e) {
        return e.args.items.length > 0 ? e.args.items[0] : Py.None;
    }

    /** SEND: sends the value on top into the receiver below it. */
    private Outcome send(Frame f, int target) {
        Object[] s = f.s;
        Object value = s[f.sp - 1];
        Object receiver = s[f.sp - 2];
        if (receiver instanceof AnextAwaitable aa) {
            receiver = aa.inner; // it stays on the stack, to turn StopAsyncIteration into its default
        }
        if (receiver instanceof AsyncGenOp op) {
            s[--f.sp] = null;
            return opStep(op, op.send(value), f);
        }
        if (receiver instanceof PyGenerator g) {
            if (g.state == PyGenerator.FINISHED) {
                if (g.isCoroutine()) {
                    throw Py.runtimeError("cannot reuse already awaited coroutine");
                }
                s[--f.sp] = null;
                s[f.sp - 1] = Py.None;
                f.pc = target;
                return null;
            }
            s[--f.sp] = null;
            g.awaited = true;
            return sendInto(g, value, f, Frame.MODE_SEND);
        }
        if (receiver instanceof FutureAwait fa) {
            Object y = fa.send();
            if (y != null) {
                s[f.sp - 1] = y;
                return null;
            }
            Object r = fa.result();
            s[--f.sp] = null;
            s[f.sp - 1] = r;
            f.pc = target;
            return null;
        }
        if (receiver instanceof Coroutine jc) {
            if (nested) {
                throw Py.runtimeError("cannot block inside a callback from a builtin function");
            }
            s[--f.sp] = null;
            pendingJavaSend = true;
            syncClock();
            return new Outcome.Call(jc.resume(new Completion.Returned(value)));
        }
        Object v;
        if (value == Py.None) {
            v = receiver instanceof PyIterator pi ? pi.next() : Ops.next(receiver);
        } else {
            try {
                v = Ops.callMethod(receiver, "send", value);
            } catch (PyError e) {
                if (e.exc.isA(Types.STOP_ITERATION)) {
                    s[--f.sp] = null;
                    s[f.sp - 1] = stopValue(e.exc);
                    f.pc = target;
                    return null;
                }
                throw e;
            }
        }
        if (v == null) {
            s[--f.sp] = null;
            s[f.sp - 1] = Py.None;
            f.pc = target;
            return null;
        }
        s[f.sp - 1] = v;
        return null;
    }

    private Object getAwaitable(Object o, int where) {
        if (o instanceof AsyncGenOp) {
            return o;
        }
        if (o instanceof AnextAwaitable aa) {
            if (aa.inner == null) {
                aa.inner = getAwaitable(aa.next, 0);
            }
            return aa;
        }
        if (o instanceof PyGenerator g) {
            if (g.isCoroutine()) {
                if (g.awaited && g.state != PyGenerator.FINISHED) {
                    throw Py.runtimeError("coroutine is being awaited already");
                }
                return g;
            }
            if ((g.frame.code.flags & Code.ITERABLE_COROUTINE) != 0) {
                return g;
            }
        }
        if (o instanceof Coroutine && !(o instanceof PyGenerator)) {
            return o;
        }
        if (o instanceof dev.loopscope.engine.Future w) {
            return new FutureAwait(w);
        }
        PyType t = Py.typeOf(o);
        Object m = t.lookup("__await__");
        if (m != null && !(o instanceof PyGenerator)) {
            Object it = Ops.call(Attributes.bind(m, o, t));
            if (it instanceof PyGenerator g && g.isCoroutine()) {
                throw Py.typeError("__await__() returned a coroutine");
            }
            if (!(it instanceof PyIterator) && Py.typeOf(it).lookup("__next__") == null) {
                throw Py.typeError("__await__() returned non-iterator of type '" + Py.typeName(it) + "'");
            }
            return it;
        }
        if (where == 1) {
            throw Py.typeError("'async with' received an object from __aenter__ that does not implement __await__: "
                    + t.name);
        }
        if (where == 2) {
            throw Py.typeError("'async with' received an object from __aexit__ that does not implement __await__: "
                    + t.name);
        }
        throw Py.typeError("object " + t.name + " can't be used in 'await' expression");
    }


    /**
     * Raises {@code exc} in the current frame at its current instruction: records the traceback entry (unless
     * re-raising), sets the implicit exception context, and unwinds to the nearest handler. Returns an outcome
     * when the exception leaves the thread.
     */
    Outcome raise(PyBaseException exc, boolean addTraceback) {
        return raise(exc, addTraceback, addTraceback);
    }

    /**
     * As {@link #raise(PyBaseException, boolean)}; {@code setContext} false for exceptions thrown in from outside
     * (gen.throw, a task cancelling a coroutine), which CPython does not chain to the exception being handled.
     */
    Outcome raise(PyBaseException exc, boolean addTraceback, boolean setContext) {
        if (setContext && handled != null && handled != exc) {
            setContext(exc, handled);
        }
        boolean first = true;
        while (true) {
            Frame f = frame;
            if (f == null) {
                return finish(new Completion.Raised(exc));
            }
            if (f.kind == Frame.NATIVE) {
                // a builtin running Python code: the end of an iteration, or the exception leaves it
                NativeTask task = f.task;
                if (task.awaitingNext && exc.isA(Types.STOP_ITERATION)) {
                    task.awaitingNext = false;
                    return runNative(f, NativeTask.END, false);
                }
                task.awaitingNext = false;
                task.unwound(this, exc);
                frame = f.back;
                f.back = null;
                f.then = null;
                continue;
            }
            if (exc.isA(Types.STOP_ASYNC_ITERATION) && f.sp > f.code.stackBase
                    && f.s[f.sp - 1] instanceof AnextAwaitable aa && atAwait(f)) {
                // anext(iterator, default): the end of the iteration gives the default
                f.s[f.sp - 1] = aa.dflt;
                f.pc = sendTarget(f);
                return null;
            }
            // pc 0: nothing has run yet (an exception thrown into a coroutine that never started). CPython
            // raises it at the frame's entry, outside every try block, and shows the def line.
            int at = f.pc - 1;
            if (addTraceback || !first) {
                exc.traceback = new Traceback(f.code, at < 0 && f.gen != null ? -1 : Math.max(0, at), null,
                        exc.traceback, f);
            }
            first = false;
            int h = at < 0 && f.gen != null ? -1 : f.code.handlerFor(Math.max(0, at));
            int base = f.code.varNames.length + f.code.nCells();
            if (interp.unawaited.head != null && f.sp > base) {
                releaseUnawaitedTemporaries(f, h >= 0 ? base + (f.code.exceptionTable[h + 3] >>> 1) : base,
                        Math.max(0, at));
            }
            if (h >= 0) {
                int[] t = f.code.exceptionTable;
                int depth = t[h + 3] >>> 1;
                int newSp = f.code.varNames.length + f.code.nCells() + depth;
                for (int i = newSp; i < f.sp; i++) {
                    f.s[i] = null;
                }
                f.sp = newSp;
                f.s[f.sp++] = exc;
                f.pc = t[h + 2];
                return null;
            }
            // no handler: the frame ends with the exception
            spent += CostModel.UNWIND;
            Frame caller = f.back;
            f.back = null;
            PyGenerator g = f.gen;
            if (g != null) {
                g.state = PyGenerator.FINISHED;
                handled = g.outerHandled;
                if (exc.isA(Types.STOP_ITERATION)) {
                    PyBaseException re = Py.newException(Types.RUNTIME_ERROR, g.kindName() + " raised StopIteration");
                    re.cause = exc;
                    re.context = exc;
                    re.suppressContext = true;
                    exc = re;
                } else if (g.isAsyncGenerator() && exc.isA(Types.STOP_ASYNC_ITERATION)) {
                    PyBaseException re = Py.newException(Types.RUNTIME_ERROR,
                            "async generator raised StopAsyncIteration");
                    re.cause = exc;
                    re.context = exc;
                    re.suppressContext = true;
                    exc = re;
                }
                if (interp.hookedAsyncGens > 0) {
                    AsyncGens.heldByTraceback(f, exc);
                }
                if (f.mode == Frame.MODE_AGEN) {
                    AsyncGenOp op = g.driver;
                    g.driver = null;
                    AsyncGenOp.Step step = op.ended(exc);
                    if (step instanceof AsyncGenOp.Step.Done || caller == null) {
                        return opDeliver(caller, step);
                    }
                    // the exception itself goes on into the awaiting frame
                    frame = caller;
                    continue;
                }
                if ((f.mode == Frame.MODE_CLOSE || f.mode == Frame.MODE_CLOSE_DISCARD) && caller != null
                        && exc.isA(Types.GENERATOR_EXIT)) {
                    frame = caller;
                    if (f.mode == Frame.MODE_CLOSE) {
                        return pushTo(caller, Py.None);
                    }
                    return null;
                }
                if (caller == null || f.mode == Frame.MODE_ACTIVITY) {
                    return finish(new Completion.Raised(exc));
                }
            } else {
                f.then = null;
                if (interp.hookedAsyncGens > 0 && (f.code.flags & Code.NAMESPACE) == 0 && f.kind != Frame.NATIVE) {
                    AsyncGens.heldByTraceback(f, exc);
                }
                if ((f.code.flags & Code.NAMESPACE) == 0 && f.kind != Frame.NATIVE) {
                    holdUnstartedCoroutines(f, exc);
                }
            }
            frame = caller;
            if (caller == null) {
                return finish(new Completion.Raised(exc));
            }
        }
    }

    /** Frame {@code f} ends with {@code exc}: coroutines its variables hold that never ran live on with it. */
    private static void holdUnstartedCoroutines(Frame f, PyBaseException exc) {
        for (int i = 0; i < f.code.varNames.length && i < f.s.length; i++) {
            exc.keptByFrame(f.s[i]);
        }
    }

    /**
     * A handler or a variable let go of {@code exc}: when nothing else refers to it, the coroutines its traceback
     * kept that never ran are freed, each with its "never awaited" warning at the line running now.
     */
    private void releaseHeldCoroutines(PyBaseException exc, Frame f, int pc) {
        if (AsyncGens.referencedElsewhere(this, exc, null, null)) {
            return;
        }
        java.util.List<Object> held = exc.heldCoroutines;
        exc.heldCoroutines = null;
        for (Object coro : held) {
            if (!PyBaseException.isUnstartedCoroutine(coro) || AsyncGens.referencedElsewhere(this, coro, null, null)) {
                continue;
            }
            if (coro instanceof PyGenerator g) {
                interp.warnUnawaited(g, f.code, pc - 1);
            } else {
                interp.warnUnawaited(((Coroutine) coro).qualName(), f.code, pc - 1);
            }
        }
    }

    static void setContext(PyBaseException exc, PyBaseException context) {
        // avoid cycles: cut the chain where the new exception already appears in it
        PyBaseException o = context;
        while (o != null) {
            if (o.context == exc) {
                o.context = null;
                break;
            }
            o = o.context;
        }
        exc.context = context;
    }

    private PyBaseException makeRaisable(Object e) {
        if (e instanceof PyBaseException exc) {
            return exc;
        }
        if (e instanceof PyType t && t.isSubtypeOf(Types.BASE_EXCEPTION)) {
            Object inst = interp.callNested(t, new Object[0], null);
            if (inst instanceof PyBaseException exc) {
                return exc;
            }
            throw Py.typeError("calling " + Repr.repr(t) + " should have returned an instance of BaseException, "
                    + "not " + Py.typeName(inst));
        }
        throw Py.typeError("exceptions must derive from BaseException");
    }

    private PyBaseException makeCause(Object cause) {
        if (cause instanceof PyBaseException exc) {
            return exc;
        }
        if (cause instanceof PyType t && t.isSubtypeOf(Types.BASE_EXCEPTION)) {
            return (PyBaseException) interp.callNested(t, new Object[0], null);
        }
        throw Py.typeError("exception causes must derive from BaseException");
    }

    static boolean exceptionMatches(PyBaseException exc, Object t) {
        if (t instanceof PyTuple tup) {
            for (Object o : tup.items) {
                checkCatchable(o);
            }
            for (Object o : tup.items) {
                if (exc.type.isSubtypeOf((PyType) o)) {
                    return true;
                }
            }
            return false;
        }
        checkCatchable(t);
        return exc.type.isSubtypeOf((PyType) t);
    }

    private static void checkCatchable(Object t) {
        if (!(t instanceof PyType pt) || !pt.isSubtypeOf(Types.BASE_EXCEPTION)) {
            throw Py.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
    }

    // --- classes and imports -------------------------------------------------------------------------------------

    private Outcome buildClass(Frame f) {
        Object[] s = f.s;
        Object kwargs = s[--f.sp];
        Object bases = s[--f.sp];
        Object name = s[--f.sp];
        PyFunction body = (PyFunction) s[--f.sp];
        clear(s, f.sp, 4);
        PyDict ns = new PyDict();
        Object module = f.globals.getStr("__name__");
        ns.put("__module__", module == null ? "__main__" : module);
        ns.put("__qualname__", body.code.qualname);
        Frame nf = new Frame(body.code, body.globals, ns);
        nf.function = body;
        if (body.code.nCells() > 0) {
            initCells(body, nf);
        }
        nf.kind = Frame.CLASS_BODY;
        nf.extra = new Object[] {name, bases, kwargs};
        return pushFrame(nf);
    }

    private Object makeClass(Frame f) {
        Object[] info = (Object[]) f.extra;
        String name = (String) info[0];
        Object[] baseObjs = ((PyTuple) info[1]).items;
        PyType[] bases = new PyType[baseObjs.length == 0 ? 1 : baseObjs.length];
        if (baseObjs.length == 0) {
            bases[0] = Types.OBJECT;
        }
        for (int i = 0; i < baseObjs.length; i++) {
            Object b = baseObjs[i];
            if (b instanceof GenericAlias ga) {
                b = ga.origin;
            }
            if (!(b instanceof PyType bt)) {
                if (i == 0) {
                    // CPython takes the type of a first base that is no class as the metaclass, and calls it
                    return Ops.call(Py.typeOf(b), name, info[1], f.locals);
                }
                throw Py.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                        + "subclass of the metaclasses of all its bases");
            }
            if (!bt.subclassable) {
                throw Py.typeError("type '" + bt.fullName() + "' is not an acceptable base type");
            }
            bases[i] = bt;
        }
        return Builtins.newClass(interp, name, bases, f.locals, info[2] instanceof PyDict d ? d : null);
    }

    private Object importName(String name, Object fromList) {
        PyModule m = interp.importModule(name);
        if (m == null) {
            PyBaseException e = Py.newException(Types.MODULE_NOT_FOUND_ERROR, "No module named '"
                    + missingModule(name) + "'");
            e.dict.put("name", missingModule(name));
            throw new PyError(e);
        }
        if (fromList == Py.None && name.indexOf('.') > 0) {
            return interp.importModule(name.substring(0, name.indexOf('.')));
        }
        return m;
    }

    private String missingModule(String name) {
        int dot = name.indexOf('.');
        while (dot > 0) {
            if (interp.importModule(name.substring(0, dot)) == null) {
                return name.substring(0, dot);
            }
            dot = name.indexOf('.', dot + 1);
        }
        return name;
    }

    private Object importFrom(Object mod, String name) {
        Object v = Ops.getAttrOrNull(mod, name);
        if (v != null) {
            return v;
        }
        if (mod instanceof PyModule m) {
            PyModule sub = interp.importModule(m.name + "." + name);
            if (sub != null) {
                return sub;
            }
            Object file = m.dict.getStr("__file__");
            PyBaseException e = Py.newException(Types.IMPORT_ERROR, "cannot import name '" + name + "' from '"
                    + m.name + "' (" + (file instanceof String f ? f : "unknown location") + ")");
            e.dict.put("name", m.name);
            e.dict.put("name_from", name);
            e.dict.put("module", m);
            throw new PyError(e);
        }
        throw Py.error(Types.IMPORT_ERROR, "cannot import name '" + name + "'");
    }

    private static void importStar(PyModule m, PyDict into) {
        Object all = m.dict.getStr("__all__");
        if (all != null) {
            for (Object n : Sequences.toArray(all)) {
                into.put(n, Ops.getAttr(m, (String) n));
            }
            return;
        }
        for (int i = 0; i < m.dict.end(); i++) {
            Object k = m.dict.keyAt(i);
            if (k instanceof String ks && !ks.startsWith("_")) {
                into.put(k, m.dict.valueAt(i));
            }
        }
    }

}
