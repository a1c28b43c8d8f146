package dev.loopscope.python.runtime;

/** The Python-visible view of a {@link Code} ({@code f.__code__}). */
public final class CodeObject extends PyObject {

    static final PyType TYPE = new PyType("code", "builtins", true, Types.OBJECT);

    static {
        TYPE.subclassable = false;
        TYPE.getter("co_name", o -> ((CodeObject) o).code.name);
        TYPE.getter("co_qualname", o -> ((CodeObject) o).code.qualname);
        TYPE.getter("co_filename", o -> ((CodeObject) o).code.source.fileName());
        TYPE.getter("co_firstlineno", o -> Py.box(((CodeObject) o).code.firstLine));
        TYPE.getter("co_argcount", o -> Py.box(((CodeObject) o).code.argCount));
        TYPE.getter("co_varnames", o -> PyTuple.of((Object[]) ((CodeObject) o).code.varNames));
        TYPE.getter("co_freevars", o -> PyTuple.of((Object[]) ((CodeObject) o).code.freeVars));
        TYPE.getter("co_cellvars", o -> PyTuple.of((Object[]) ((CodeObject) o).code.cellVars));
        TYPE.getter("co_posonlyargcount", o -> Py.box(((CodeObject) o).code.posOnlyCount));
        TYPE.getter("co_kwonlyargcount", o -> Py.box(((CodeObject) o).code.kwOnlyCount));
    }

    public final Code code;

    public CodeObject(Code code) {
        this.code = code;
    }

    /** {@code <code object NAME at 0x..., file "FILE", line N>}. */
    String repr() {
        return "<code object " + code.name + " at " + Repr.addr(this) + ", file \"" + code.source.fileName()
                + "\", line " + code.firstLine + ">";
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
