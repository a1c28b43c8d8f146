package dev.loopscope.python.runtime;

import java.util.List;

/** Python's tuple. */
public final class PyTuple extends PyObject {

    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    public final Object[] items;

    public PyTuple(Object[] items) {
        this.items = items;
    }

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    public static PyTuple of(List<?> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    @Override
    public PyType type() {
        return Types.TUPLE;
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }
}
