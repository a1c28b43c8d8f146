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

    /**
     * A group derived from {@code g} with {@code parts}, keeping its traceback, chaining and a copy of its notes.
     * A subclass's own {@code derive} makes it, as CPython calls {@code self.derive(excs)}.
     */
    private static PyExceptionGroup subset(PyExceptionGroup g, List<Object> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        PyExceptionGroup d;
        if (Py.typeOf(g).lookup("derive") instanceof PyBuiltin) {
            d = derive(g, PyList.of(parts));
        } else if (Ops.callMethod(g, "derive", PyList.of(parts)) instanceof PyExceptionGroup derived) {
            d = derived;
        } else {
            throw Py.typeError("derive must return an instance of BaseExceptionGroup");
        }
        d.traceback = g.traceback;
        d.cause = g.cause;
        d.context = g.context;
        d.suppressContext = g.suppressContext;
        Object notes = g.dict.getStr("__notes__");
        if (notes != null) {
            // the parts get lists of their own
            boolean sequence = notes instanceof PyList || notes instanceof PyTuple;
            d.dict.put("__notes__", sequence ? PyList.of(java.util.Arrays.asList(Sequences.toArray(notes))) : notes);
        }
        return d;
    }

    // except* ------------------------------------------------------------------------------------------------

    /** A group made by the interpreter itself: {@code BaseExceptionGroup(message, excs)}, which picks its class. */
    private static PyExceptionGroup create(String message, Object excs) {
        Object[] args = {message, excs};
        PyExceptionGroup g = new PyExceptionGroup(checkedType(Types.BASE_EXCEPTION_GROUP, args));
        g.args = PyTuple.of(args);
        g.setUp(args);
        return g;
    }

    /** The check {@code except*} makes of a clause's types before matching. */
    private static void checkExceptStarTypes(Object types) {
        Object[] items = types instanceof PyTuple t ? t.items : new Object[] {types};
        for (Object o : items) {
            if (!(o instanceof PyType pt) || !pt.isSubtypeOf(Types.BASE_EXCEPTION)) {
                throw Py.typeError("catching classes that do not inherit from BaseException is not allowed");
            }
        }
        for (Object o : items) {
            if (((PyType) o).isSubtypeOf(Types.BASE_EXCEPTION_GROUP)) {
                throw Py.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
            }
        }
    }

    /**
     * One {@code except*} clause: {rest, match} of the exception still unhandled (None when an earlier clause took
     * all of it). A group is split by its {@code split} method; an exception that is no group and matches is
     * wrapped in a group of its own (with no traceback, as CPython 3.12 makes it).
     */
    static Object[] exceptStarMatch(Object exc, Object types) {
        checkExceptStarTypes(types);
        if (exc == Py.None) {
            return new Object[] {Py.None, Py.None};
        }
        PyBaseException e = (PyBaseException) exc;
        if (PyThread.exceptionMatches(e, types)) {
            Object match = e instanceof PyExceptionGroup ? e : create("", PyTuple.of(e));
            return new Object[] {Py.None, match};
        }
        if (!(e instanceof PyExceptionGroup g)) {
            return new Object[] {e, Py.None};
        }
        if (Py.typeOf(g).lookup("split") instanceof PyBuiltin) {
            Object[] parts = split(g, matcher(types), true);
            return new Object[] {nz(parts[1]), nz(parts[0])};
        }
        Object pair = Ops.callMethod(g, "split", types);
        if (!(pair instanceof PyTuple t) || Py.typeOf(pair) != Types.TUPLE) {
            throw Py.typeError(Py.typeOf(g).name + ".split must return a tuple, not " + Py.typeName(pair));
        }
        if (t.items.length < 2) {
            throw Py.typeError(Py.typeOf(g).name + ".split must return a 2-tuple, got tuple of size "
                    + t.items.length);
        }
        return new Object[] {t.items[1], t.items[0]};
    }

    /**
     * What a {@code try} with {@code except*} clauses raises once they have run: {@code raised} holds what each
     * clause raised or re-raised, then the part no clause matched (None entries: nothing). Re-raised parts (same
     * traceback and chaining as the original) are put back together in the original's shape; new exceptions go
     * into a new group beside them. Null when there is nothing to raise.
     */
    static PyBaseException prepReraiseStar(PyBaseException orig, PyList raised) {
        if (raised.size == 0) {
            return null;
        }
        if (!(orig instanceof PyExceptionGroup g)) {
            // a bare exception was wrapped: at most one clause ran
            return raised.items[0] == Py.None ? null : (PyBaseException) raised.items[0];
        }
        List<Object> fresh = new ArrayList<>();
        List<PyBaseException> again = new ArrayList<>();
        for (int i = 0; i < raised.size; i++) {
            if (raised.items[i] instanceof PyBaseException e) {
                boolean same = e.traceback == g.traceback && e.cause == g.cause && e.context == g.context;
                if (same) {
                    again.add(e);
                } else {
                    fresh.add(e);
                }
            }
        }
        PyBaseException kept = null;
        if (!again.isEmpty()) {
            java.util.Set<Object> leaves = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (PyBaseException e : again) {
                collectLeaves(e, leaves);
            }
            kept = (PyBaseException) split(g, leaves::contains, false)[0];
        }
        if (fresh.isEmpty()) {
            return kept;
        }
        if (kept != null) {
            fresh.add(kept);
        }
        return fresh.size() > 1 ? create("", PyList.of(fresh)) : (PyBaseException) fresh.get(0);
    }

    private static void collectLeaves(PyBaseException e, java.util.Set<Object> leaves) {
        if (e instanceof PyExceptionGroup g) {
            for (Object sub : g.exceptions.items) {
                collectLeaves((PyBaseException) sub, leaves);
            }
        } else {
            leaves.add(e);
        }
    }
}
