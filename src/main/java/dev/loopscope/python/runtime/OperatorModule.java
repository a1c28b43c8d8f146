package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code operator} module: the operators as functions ({@code add}, {@code lt}, {@code getitem}...) and the
 * callables {@code itemgetter}, {@code attrgetter} and {@code methodcaller}, with CPython's reprs and messages.
 */
final class OperatorModule {

    private OperatorModule() {
    }

    static final PyType ITEMGETTER = new PyType("itemgetter", "operator", true, Types.OBJECT);
    static final PyType ATTRGETTER = new PyType("attrgetter", "operator", true, Types.OBJECT);
    static final PyType METHODCALLER = new PyType("methodcaller", "operator", true, Types.OBJECT);

    /** {@code itemgetter(*items)}, {@code attrgetter(*names)}: one value, or a tuple of several. */
    static final class Getter extends PyObject {
        final PyType type;
        final Object[] what;

        Getter(PyType type, Object[] what) {
            this.type = type;
            this.what = what;
        }

        @Override
        public PyType type() {
            return type;
        }
    }

    static final class MethodCaller extends PyObject {
        final String name;
        final Object[] args;
        final String[] kwNames;

        MethodCaller(String name, Object[] args, String[] kwNames) {
            this.name = name;
            this.args = args;
            this.kwNames = kwNames;
        }

        @Override
        public PyType type() {
            return METHODCALLER;
        }
    }

    static {
        for (PyType t : new PyType[] {ITEMGETTER, ATTRGETTER, METHODCALLER}) {
            t.dottedInMessages = true;
            t.subclassable = false;
        }
    }

    private static boolean installed;

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ITEMGETTER.constructor = (t, a, kw) -> getter(ITEMGETTER, "itemgetter", a, kw);
        ATTRGETTER.constructor = (t, a, kw) -> {
            Getter g = getter(ATTRGETTER, "attrgetter", a, kw);
            for (Object name : g.what) {
                if (!(name instanceof String)) {
                    throw Py.typeError("attribute name must be a string");
                }
            }
            return g;
        };
        for (PyType type : new PyType[] {ITEMGETTER, ATTRGETTER}) {
            String name = type.name;
            type.method("__call__", (t, a, kw) -> {
                noKeywords(name, kw);
                if (a.length != 2) {
                    throw Py.typeError(name + " expected 1 argument, got " + (a.length - 1));
                }
                Getter g = (Getter) a[0];
                Object[] out = new Object[g.what.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = type == ITEMGETTER ? Ops.getItem(a[1], g.what[i]) : attrPath(a[1], (String) g.what[i]);
                }
                return out.length == 1 ? out[0] : PyTuple.of(out);
            });
            type.method("__repr__", (t, a, kw) -> {
                Getter g = (Getter) a[0];
                StringBuilder sb = new StringBuilder("operator.").append(name).append('(');
                for (int i = 0; i < g.what.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(Ops.repr(g.what[i]));
                }
                return sb.append(')').toString();
            });
        }
        METHODCALLER.constructor = (t, a, kw) -> {
            int nkw = kw == null ? 0 : kw.length;
            if (a.length - 1 - nkw < 1) {
                throw Py.typeError("methodcaller needs at least one argument, the method name");
            }
            if (!(a[1] instanceof String name)) {
                throw Py.typeError("method name must be a string");
            }
            return new MethodCaller(name, java.util.Arrays.copyOfRange(a, 2, a.length), kw);
        };
        METHODCALLER.method("__call__", (t, a, kw) -> {
            noKeywords("methodcaller", kw);
            if (a.length != 2) {
                throw Py.typeError("methodcaller expected 1 argument, got " + (a.length - 1));
            }
            MethodCaller mc = (MethodCaller) a[0];
            return new TailCall(Ops.getAttr(a[1], mc.name), mc.args, mc.kwNames, null);
        });
        METHODCALLER.method("__repr__", (t, a, kw) -> {
            MethodCaller mc = (MethodCaller) a[0];
            StringBuilder sb = new StringBuilder("operator.methodcaller(").append(Ops.repr(mc.name));
            int nkw = mc.kwNames == null ? 0 : mc.kwNames.length;
            int npos = mc.args.length - nkw;
            for (int i = 0; i < mc.args.length; i++) {
                sb.append(", ");
                if (i >= npos) {
                    sb.append(mc.kwNames[i - npos]).append('=');
                }
                sb.append(Ops.repr(mc.args[i]));
            }
            return sb.append(')').toString();
        });
    }

    private static Getter getter(PyType type, String name, Object[] a, String[] kw) {
        noKeywords(name, kw);
        if (a.length < 2) {
            throw Py.typeError(name + " expected 1 argument, got 0");
        }
        return new Getter(type, java.util.Arrays.copyOfRange(a, 1, a.length));
    }

    private static Object attrPath(Object o, String path) {
        for (String part : path.split("\\.", -1)) {
            o = Ops.getAttr(o, part);
        }
        return o;
    }

    private static void noKeywords(String name, String[] kw) {
        if (kw != null && kw.length > 0) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
    }

    private interface Unary {
        Object apply(Object a);
    }

    private interface Binary {
        Object apply(Object a, Object b);
    }

    private static void unary(PyModule m, String name, Unary f) {
        m.def(name, (t, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("_operator." + name + "() takes no keyword arguments");
            }
            if (a.length != 1) {
                throw Py.typeError("_operator." + name + "() takes exactly one argument (" + a.length + " given)");
            }
            return f.apply(a[0]);
        });
    }

    private static void binary(PyModule m, String name, Binary f) {
        m.def(name, (t, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("_operator." + name + "() takes no keyword arguments");
            }
            if (a.length != 2) {
                throw Py.typeError(name + " expected 2 arguments, got " + a.length);
            }
            return f.apply(a[0], a[1]);
        });
    }

    static PyModule create() {
        install();
        PyModule m = new PyModule("operator");
        String[] arith = {"add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or_", "xor",
            "and_", "floordiv"};
        for (int op = 0; op < arith.length; op++) {
            int code = op;
            binary(m, arith[op], (x, y) -> Ops.binary(code, x, y, false));
            String iname = "i" + (arith[op].endsWith("_") ? arith[op].substring(0, arith[op].length() - 1)
                    : arith[op]);
            binary(m, iname, (x, y) -> Ops.binary(code, x, y, true));
        }
        String[] cmp = {"lt", "le", "eq", "ne", "gt", "ge"};
        for (int op = 0; op < cmp.length; op++) {
            int code = op;
            binary(m, cmp[op], (x, y) -> Ops.compare(code, x, y));
        }
        unary(m, "neg", Ops::negate);
        unary(m, "pos", Ops::positive);
        unary(m, "abs", Ops::abs);
        unary(m, "invert", Ops::invert);
        unary(m, "inv", Ops::invert);
        unary(m, "not_", x -> Py.bool(!Ops.truthy(x)));
        unary(m, "truth", x -> Py.bool(Ops.truthy(x)));
        unary(m, "index", x -> Py.isInt(x) && !(x instanceof Boolean) ? x : Py.box(Ops.index(x)));
        binary(m, "is_", (x, y) -> Py.bool(PyThread.isSame(x, y)));
        binary(m, "is_not", (x, y) -> Py.bool(!PyThread.isSame(x, y)));
        binary(m, "contains", (x, y) -> Py.bool(Ops.contains(x, y)));
        binary(m, "getitem", Ops::getItem);
        m.def("setitem", (t, a, kw) -> {
            noKeywords("_operator.setitem", kw);
            if (a.length != 3) {
                throw Py.typeError("setitem expected 3 arguments, got " + a.length);
            }
            Ops.setItem(a[0], a[1], a[2]);
            return Py.None;
        });
        binary(m, "delitem", (x, y) -> {
            Ops.delItem(x, y);
            return Py.None;
        });
        binary(m, "countOf", (x, y) -> {
            long n = 0;
            for (Object v : items(x)) {
                if (PyThread.isSame(v, y) || Ops.eq(v, y)) {
                    n++;
                }
            }
            return Py.box(n);
        });
        binary(m, "indexOf", (x, y) -> {
            long i = 0;
            for (Object v : items(x)) {
                if (PyThread.isSame(v, y) || Ops.eq(v, y)) {
                    return Py.box(i);
                }
                i++;
            }
            throw Py.valueError("sequence.index(x): x not in sequence");
        });
        m.set("itemgetter", ITEMGETTER);
        m.set("attrgetter", ATTRGETTER);
        m.set("methodcaller", METHODCALLER);
        return m;
    }

    private static List<Object> items(Object o) {
        Object it = Ops.iter(o);
        List<Object> out = new ArrayList<>();
        for (Object v = Ops.next(it); v != null; v = Ops.next(it)) {
            out.add(v);
        }
        return out;
    }
}
