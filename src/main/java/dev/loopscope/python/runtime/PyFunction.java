package dev.loopscope.python.runtime;

/** A function defined in Python ({@code def} or {@code lambda}). */
public final class PyFunction extends PyObject {

    public final Code code;
    public final PyDict globals;
    public final Interpreter interp;
    /** Default values of the last positional parameters, or null. */
    public Object[] defaults;
    /** Defaults of keyword-only parameters, or null. */
    public PyDict kwDefaults;
    public final PyCell[] closure;
    public String name;
    public String qualname;
    public Object module;
    public Object doc = Py.None;
    public PyDict dict;
    public PyDict annotations;

    public PyFunction(Interpreter interp, Code code, PyDict globals, Object[] defaults, PyDict kwDefaults,
                      PyCell[] closure) {
        this.interp = interp;
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
        this.name = code.name;
        this.qualname = code.qualname;
        Object mod = globals.getStr("__name__");
        this.module = mod == null ? Py.None : mod;
    }

    @Override
    public PyType type() {
        return Types.FUNCTION;
    }
}
