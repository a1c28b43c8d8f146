package dev.loopscope.python.runtime;

/** An instance of a class defined in Python (or of a native type that allows attributes). */
public class PyInstance extends PyObject implements HasDict {

    public PyType type;
    /** The instance's {@code __dict__}. */
    public PyDict dict;
    /** Values of the slots declared by {@code __slots__}, or null. */
    public PyDict slots;

    public PyInstance(PyType type) {
        this.type = type;
        this.dict = new PyDict();
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict instanceDict() {
        return dict;
    }
}
