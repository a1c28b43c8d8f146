package dev.loopscope.python.runtime;

/** {@code sys.stdout} and {@code sys.stderr}: text written to the simulation's output streams. */
public final class StdStream extends PyObject {

    static final PyType TYPE = new PyType("TextIOWrapper", "_io", true, Types.OBJECT);

    static {
        TYPE.subclassable = false;
        TYPE.method("write", (t, a, kw) -> {
            StdStream s = (StdStream) a[0];
            if (!(a[1] instanceof String text)) {
                throw Py.typeError("write() argument must be str, not " + Py.typeName(a[1]));
            }
            Interpreter interp = t == null ? Interpreter.current() : t.interp;
            if (s.err) {
                interp.writeErr(text);
            } else {
                interp.writeOut(text);
            }
            return Py.box(Strings.length(text));
        });
        TYPE.method("flush", (t, a, kw) -> Py.None);
        TYPE.method("isatty", (t, a, kw) -> false);
        TYPE.method("fileno", (t, a, kw) -> Py.box(((StdStream) a[0]).err ? 2 : 1));
        TYPE.method("__repr__", (t, a, kw) -> ((StdStream) a[0]).err
                ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
        TYPE.getter("encoding", o -> "utf-8");
        TYPE.getter("name", o -> ((StdStream) o).err ? "<stderr>" : "<stdout>");
        TYPE.getter("mode", o -> "w");
        TYPE.getter("errors", o -> ((StdStream) o).err ? "backslashreplace" : "strict");
        TYPE.getter("closed", o -> false);
        TYPE.method("writable", (t, a, kw) -> true);
        TYPE.method("readable", (t, a, kw) -> false);
        TYPE.method("seekable", (t, a, kw) -> false);
    }

    public final boolean err;

    public StdStream(boolean err) {
        this.err = err;
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
