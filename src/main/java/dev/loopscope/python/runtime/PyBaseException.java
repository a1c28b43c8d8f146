package dev.loopscope.python.runtime;

/** An exception instance: {@code args}, chaining and the traceback it collected while propagating. */
public class PyBaseException extends PyInstance {

    public PyTuple args;
    public PyBaseException cause;
    public PyBaseException context;
    public boolean suppressContext;
    /** Innermost-last traceback entries, prepended as the exception leaves each frame. */
    public Traceback traceback;
    /**
     * Async generators held by variables of the frames this exception left: its traceback keeps those frames, so
     * they are let go of (and finalised) only when the exception is; null when none.
     */
    java.util.List<PyGenerator> heldAsyncGens;
    /**
     * Coroutines that never ran, held by variables of the frames this exception left: freed with the exception,
     * they bring the "never awaited" warning then (null when none).
     */
    java.util.List<Object> heldCoroutines;

    /** A library function failing with this exception kept {@code arg} in its frame: a coroutine lives on with it. */
    public void keptByFrame(Object arg) {
        if (isUnstartedCoroutine(arg)) {
            if (heldCoroutines == null) {
                heldCoroutines = new java.util.ArrayList<>();
            }
            heldCoroutines.add(arg);
        }
    }

    /** A coroutine (of the program or a library one such as {@code asyncio.sleep(1)}) that nothing ran yet. */
    static boolean isUnstartedCoroutine(Object o) {
        if (o instanceof PyGenerator g) {
            return g.state == PyGenerator.CREATED && g.isCoroutine();
        }
        return o instanceof dev.loopscope.engine.Coroutine c && c.isCoroutineObject() && c.neverStarted()
                && !(o instanceof AsyncGenOp);
    }

    public PyBaseException(PyType type, PyTuple args) {
        super(type);
        this.args = args;
    }

    public PyBaseException(PyType type) {
        this(type, PyTuple.EMPTY);
    }

    /** True when this exception's class is {@code t} or a subclass of it. */
    public boolean isA(PyType t) {
        return type.isSubtypeOf(t);
    }
}
