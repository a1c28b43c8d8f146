package dev.loopscope.python.runtime;

/** The Python-visible {@code __traceback__} object of an exception. */
public final class PyTracebackObject extends PyObject {

    static final PyType TYPE = new PyType("traceback", "builtins", true, Types.OBJECT);

    static {
        TYPE.subclassable = false;
        TYPE.getter("tb_lineno", o -> Py.box(((PyTracebackObject) o).tb.line()));
        TYPE.getter("tb_next", o -> {
            Traceback n = ((PyTracebackObject) o).tb.next();
            return n == null ? Py.None : new PyTracebackObject(n);
        });
    }

    public final Traceback tb;

    public PyTracebackObject(Traceback tb) {
        this.tb = tb;
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
