package dev.loopscope.python.runtime;

/** A closure cell: a variable shared between a function and the functions nested in it. */
public final class PyCell extends PyObject {

    /** The value, or null while the variable is unbound. */
    public Object value;

    public PyCell(Object value) {
        this.value = value;
    }

    @Override
    public PyType type() {
        return Types.CELL;
    }
}
