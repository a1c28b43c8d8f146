package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code BaseExceptionGroup} or {@code ExceptionGroup}: a message and a non-empty tuple of exceptions. Its
 * {@code args} keep the sequence as given, so the repr shows a list when a list was passed.
 */
public final class PyExceptionGroup extends PyBaseException {

    public String message = "";
    public PyTuple exceptions = PyTuple.EMPTY;

    public PyExceptionGroup(PyType type) {
        super(type);
    }

    /** The class {@code cls(message, exceptions)} makes, after CPython's checks of the arguments. */
    static PyType checkedType(PyType cls, Object[] positional) {
        if (positional.length != 2) {
            throw Py.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + positional.length
                    + " given)");
        }
        if (!(positional[0] instanceof String)) {
            throw Py.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not "
                    + Py.typeName(positional[0]));
        }
        Object seq = positional[1];
        if (!(seq instanceof PyList || seq instanceof PyTuple || Ops.isUser(seq)
                && Py.typeOf(seq).lookup("__getitem__") != null && Py.typeOf(seq).lookup("__len__") != null)) {
            throw Py.typeError("second argument (exceptions) must be a sequence");
        }
        Object[] items = Sequences.toArray(seq);
        if (items.length == 0) {
            throw Py.valueError("second argument (exceptions) must be a non-empty sequence");
        }
        boolean allExceptions = true;
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof PyBaseException e)) {
                throw Py.valueError("Item " + i + " of second argument (exceptions) is not an exception");
            }
            allExceptions &= e.isA(Types.EXCEPTION);
        }
        if (cls == Types.BASE_EXCEPTION_GROUP) {
            return allExceptions ? Types.EXCEPTION_GROUP : cls;
        }
        if (!allExceptions && cls.isSubtypeOf(Types.EXCEPTION)) {
            throw Py.typeError(cls == Types.EXCEPTION_GROUP ? "Cannot nest BaseExceptions in an ExceptionGroup"
                    : "Cannot nest BaseExceptions in '" + cls.name + "'");
        }
        return cls;
    }

    /** Fills message and exceptions from arguments {@link #checkedType} accepted. */
    void setUp(Object[] positional) {
        message = (String) positional[0];
        exceptions = PyTuple.of(Sequences.toArray(positional[1]));
    }

    static void install() {
        PyType t = Types.BASE_EXCEPTION_GROUP;
        t.getter("message", o -> ((PyExceptionGroup) o).message);
        t.getter("exceptions", o -> ((PyExceptionGroup) o).exceptions);
        t.method("__str__", (th, a, kw) -> {
            PyExceptionGroup g = (PyExceptionGroup) a[0];
            int n = g.exceptions.items.length;
            return g.message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
        });
        t.method("derive", (th, a, kw) -> {
            Args.check("derive", a, kw, 2, 2);
            return derive((PyExceptionGroup) a[0], a[1]);
        });
        t.method("subgroup", (th, a, kw) -> {
            Args.check("subgroup", a, kw, 2, 2);
            return nz(split(a[0], matcher(a[1]), false)[0]);
        });
        t.method("split", (th, a, kw) -> {
            Args.check("split", a, kw, 2, 2);
            Object[] parts = split(a[0], matcher(a[1]), true);
            return PyTuple.of(nz(parts[0]), nz(parts[1]));
        });
    }

    private static Object nz(Object o) {
        return o == null ? Py.None : o;
    }

    private static PyExceptionGroup derive(PyExceptionGroup g, Object excs) {
        Object[] args = {g.message, excs};
        PyType type = checkedType(Types.BASE_EXCEPTION_GROUP, args);
        PyExceptionGroup d = new PyExceptionGroup(type);
        d.args = PyTuple.of(args);
        d.setUp(args);
        return d;
    }

    private interface Matcher {
        boolean matches(PyBaseException e);
    }

    private static Matcher matcher(Object cond) {
        if (cond instanceof PyType t && t.isSubtypeOf(Types.BASE_EXCEPTION)) {
            return e -> e.isA(t);
        }
        if (cond instanceof PyTuple tup && java.util.Arrays.stream(tup.items)
                .allMatch(x -> x instanceof PyType t && t.isSubtypeOf(Types.BASE_EXCEPTION))) {
            return e -> java.util.Arrays.stream(tup.items).anyMatch(x -> e.isA((PyType) x));
        }
        if (!(cond instanceof PyType) && (cond instanceof PyFunction || cond instanceof PyBuiltin
                || cond instanceof PyMethod || Py.typeOf(cond).lookup("__call__") != null)) {
            return e -> Ops.truthy(Ops.call(cond, e));
        }
        throw Py.typeError("expected an exception type, a tuple of exception types, or a callable (other than a "
                + "class)");
    }

    /** {match, rest} of {@code exc}; a group is rebuilt with derive() around the parts that remain. */
    private static Object[] split(Object exc, Matcher m, boolean wantRest) {
        PyBaseException e = (PyBaseException) exc;
        if (m.matches(e)) {
            return new Object[] {e, null};
        }
        if (!(e instanceof PyExceptionGroup g)) {
            return new Object[] {null, wantRest ? e : null};
        }
        List<Object> match = new ArrayList<>();
        List<Object> rest = new ArrayList<>();
        for (Object sub : g.exceptions.items) {
            Object[] parts = split(sub, m, wantRest);
            if (parts[0] != null) {
                match.add(parts[0]);
            }
            if (parts[1] != null) {
                rest.add(parts[1]);
            }
        }
        return new Object[] {subset(g, match), wantRest ? subset(g, rest) : null};
    }

    /** A group derived from {@code g} with {@code parts}, keeping its traceback, chaining and notes. */
    private static PyExceptionGroup subset(PyExceptionGroup g, List<Object> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        PyExceptionGroup d = derive(g, PyList.of(parts));
        d.traceback = g.traceback;
        d.cause = g.cause;
        d.context = g.context;
        d.suppressContext = g.suppressContext;
        if (g.notes != null) {
            d.notes = g.notes;
            d.dict.put("__notes__", g.notes);
        }
        return d;
    }
}
