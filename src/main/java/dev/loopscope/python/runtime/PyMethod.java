package dev.loopscope.python.runtime;

/** A function bound to its receiver: {@code obj.method}. */
public final class PyMethod extends PyObject {

    public final Object function;
    public final Object self;

    public PyMethod(Object function, Object self) {
        this.function = function;
        this.self = self;
    }

    @Override
    public PyType type() {
        return Types.METHOD;
    }
}
