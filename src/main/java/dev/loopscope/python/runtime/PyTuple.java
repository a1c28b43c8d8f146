package dev.loopscope.python.runtime;

import java.util.List;

/** Python's tuple. */
public class PyTuple extends PyObject {

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

    /** A tuple with named fields ({@code sys.version_info}, {@code sys.float_info}): CPython's struct sequences. */
    public static final class Named extends PyTuple {
        final PyType type;
        final String[] fields;
        /** A value the type's getters may read that is not an item of the tuple (struct_time's zone). */
        public Object extra;

        Named(PyType type, String[] fields, Object[] items) {
            super(items);
            this.type = type;
            this.fields = fields;
        }

        @Override
        public PyType type() {
            return type;
        }

        /** A struct sequence type: a tuple subclass whose fields are also attributes. */
        public static PyType type(String module, String name, String... fields) {
            PyType t = new PyType(name, module, true, Types.TUPLE);
            t.subclassable = false;
            for (int i = 0; i < fields.length; i++) {
                int at = i;
                t.getter(fields[i], o -> ((PyTuple) o).items[at]);
            }
            t.method("__repr__", (th, a, kw) -> {
                Named n = (Named) a[0];
                StringBuilder sb = new StringBuilder(n.type.fullName()).append('(');
                for (int i = 0; i < n.fields.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(n.fields[i]).append('=').append(Ops.repr(n.items[i]));
                }
                return sb.append(')').toString();
            });
            return t;
        }

        public static Named of(PyType type, String[] fields, Object... values) {
            return new Named(type, fields, values);
        }
    }
}
