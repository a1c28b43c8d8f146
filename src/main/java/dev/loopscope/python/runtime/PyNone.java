package dev.loopscope.python.runtime;

/** The singletons {@code None}, {@code NotImplemented} and {@code Ellipsis}. */
public final class PyNone extends PyObject {

    private final String repr;
    private final PyType type;

    PyNone(String repr, PyType type) {
        this.repr = repr;
        this.type = type;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public String toString() {
        return repr;
    }
}
