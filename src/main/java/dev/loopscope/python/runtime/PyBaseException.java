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
