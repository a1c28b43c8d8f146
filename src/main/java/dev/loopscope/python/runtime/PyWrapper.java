package dev.loopscope.python.runtime;

/** {@code staticmethod(f)} and {@code classmethod(f)}. */
public final class PyWrapper extends PyObject {

    public final Object callable;
    public final boolean isClassMethod;

    public PyWrapper(Object callable, boolean isClassMethod) {
        this.callable = callable;
        this.isClassMethod = isClassMethod;
    }

    @Override
    public PyType type() {
        return isClassMethod ? Types.CLASSMETHOD : Types.STATICMETHOD;
    }
}
