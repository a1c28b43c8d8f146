package dev.loopscope.python.runtime;

import java.util.function.Function;

/** One activation of a code object: its slots (locals, cells, value stack) and where it is. */
final class Frame {

    static final int NORMAL = 0;
    /** {@code __init__} called by instantiation: the result must be None and the instance is returned. */
    static final int INIT = 1;
    /** A class body: its namespace becomes a class when it returns. */
    static final int CLASS_BODY = 2;
    /**
     * A builtin running Python code on the thread ({@link NativeTask}): no code of its own; Python frames it runs
     * sit above it and hand it their results. It shows in no traceback and adds no recursion depth.
     */
    static final int NATIVE = 3;

    // How a generator frame hands results to the frame that resumed it.
    static final int MODE_NONE = 0;
    /** Resumed by FOR_ITER: a return ends the loop. */
    static final int MODE_FOR_ITER = 1;
    /** Resumed by SEND (await, yield from): a return is the value of the await. */
    static final int MODE_SEND = 2;
    /** Resumed by next()/send()/throw(): a return raises StopIteration in the caller. */
    static final int MODE_CALL = 3;
    /** Resumed by close(): a yield is an error, GeneratorExit or a return give None. */
    static final int MODE_CLOSE = 4;
    /** The bottom frame of an activity that resumes a coroutine for the engine. */
    static final int MODE_ACTIVITY = 5;
    /**
     * An async generator resumed by one of its awaitables ({@link PyGenerator#driver}): its own yields, its end and
     * its exceptions go through the awaitable; values its awaits yield pass through.
     */
    static final int MODE_AGEN = 6;
    /** Resumed by next(gen, default): a return gives the default (kept in {@link #extra}). */
    static final int MODE_CALL_DEFAULT = 7;
    /** Closed because the loop iterating it was left: like MODE_CLOSE, but the result is dropped. */
    static final int MODE_CLOSE_DISCARD = 8;
    /** Resumed by a builtin iterating it (the consumer is a native frame): yields and the end go to its task. */
    static final int MODE_NATIVE = 9;

    private static final Object[] NO_SLOTS = new Object[0];

    final Code code;
    final Object[] s;
    int sp;
    int pc;
    final PyDict globals;
    /** The namespace of module and class-body code; null for functions. */
    PyDict locals;
    /**
     * A function frame's {@code locals()} dict: one dict per frame, refreshed from the local variables at each call,
     * so names exec() adds to it stay there (as CPython's frame f_locals).
     */
    PyDict localsSnapshot;
    Frame back;
    int kind;
    /** INIT: the instance; CLASS_BODY: {name, bases, kwargs}. */
    Object extra;
    PyGenerator gen;
    int mode;
    /** Applied to the value this frame returns before the caller sees it (a native's TailCall). */
    Function<Object, Object> then;
    /** Python frames below and including this one on the thread. */
    int depth;
    /** The function being run (for the traceback's name and for super()). */
    PyFunction function;
    /** NATIVE: the builtin's task. */
    NativeTask task;
    /** NATIVE: the task yields the next item of a FOR_ITER of the frame below ({@code END}: the loop ends). */
    boolean forIter;

    Frame(Code code, PyDict globals, PyDict locals) {
        this.code = code;
        this.s = new Object[code.frameSize];
        this.sp = code.stackBase;
        this.globals = globals;
        this.locals = locals;
    }

    /** A native frame above {@code back} (which may be null: the task is the bottom of its thread). */
    Frame(NativeTask task, Frame back, int baseDepth) {
        this.code = back == null ? null : back.code;
        this.s = NO_SLOTS;
        this.globals = back == null ? null : back.globals;
        this.locals = back == null ? null : back.locals;
        this.kind = NATIVE;
        this.task = task;
        this.back = back;
        this.depth = back == null ? baseDepth : back.depth;
        this.pc = back == null ? 0 : back.pc;
        task.caller = back;
    }

    /** Index of the first cell slot. */
    int cellBase() {
        return code.varNames.length;
    }

    int line() {
        return code.lineAt(Math.max(0, pc - 1));
    }
}
