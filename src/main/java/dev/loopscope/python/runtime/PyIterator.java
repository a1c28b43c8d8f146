package dev.loopscope.python.runtime;

/** An iterator implemented in Java: {@link #next()} returns null when exhausted. */
public abstract class PyIterator extends PyObject {

    /** The next item, or null at the end. May throw {@link PyError}. */
    public abstract Object next();
}
