package dev.loopscope.python.runtime;

/** An iterator implemented in Java: {@link #next()} returns null when exhausted. */
public abstract class PyIterator extends PyObject {

    /**
     * Whether taking an item runs Python code (a generator, a map with a Python function...): builtins then take
     * the items on the thread ({@link NativeTask}) instead of calling {@link #next()}, which would nest.
     */
    boolean runsPython;

    /** The next item, or null at the end. May throw {@link PyError}. */
    public abstract Object next();
}
