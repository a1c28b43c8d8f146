package dev.loopscope.python.runtime;

/** {@code list[int]} and other parameterised types in annotations. */
public final class GenericAlias extends PyObject {

    static final PyType TYPE = new PyType("GenericAlias", "types", true, Types.OBJECT);

    public final PyType origin;
    public final Object args;

    public GenericAlias(PyType origin, Object args) {
        this.origin = origin;
        this.args = args;
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
