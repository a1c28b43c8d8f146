package dev.loopscope.python.runtime;

/** A module: a name and a namespace. */
public final class PyModule extends PyObject {

    public final String name;
    public final PyDict dict;

    public PyModule(String name, PyDict dict) {
        this.name = name;
        this.dict = dict;
        dict.put("__name__", name);
    }

    public PyModule(String name) {
        this(name, new PyDict());
    }

    @Override
    public PyType type() {
        return Types.MODULE;
    }

    public Object get(String attr) {
        return dict.getStr(attr);
    }

    /** Adds an attribute; returns this for chaining. */
    public PyModule set(String attr, Object value) {
        dict.put(attr, value);
        return this;
    }

    /** Adds a function implemented in Java. */
    public PyModule def(String fname, Native fn) {
        PyBuiltin b = PyBuiltin.function(fname, fn);
        b.module = name;
        dict.put(fname, b);
        return this;
    }
}
