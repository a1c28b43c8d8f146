package dev.loopscope.python.runtime;

/** The {@code functools} module: partial, reduce, wraps. */
final class Functools {

    private Functools() {
    }

    static final PyType PARTIAL = new PyType("partial", "functools", true, Types.OBJECT);

    /** {@code functools.partial(func, *args, **keywords)}. */
    static final class Partial extends PyObject {
        final Object func;
        final Object[] args;
        final String[] kwNames;
        final Object[] kwValues;

        Partial(Object func, Object[] args, String[] kwNames, Object[] kwValues) {
            this.func = func;
            this.args = args;
            this.kwNames = kwNames;
            this.kwValues = kwValues;
        }

        @Override
        public PyType type() {
            return PARTIAL;
        }
    }

    private static boolean installed;

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        PARTIAL.constructor = (t, a, kw) -> {
            int npos = Args.positional(a, kw);
            if (npos < 2) {
                throw Py.typeError("type 'partial' takes at least one argument");
            }
            Object func = a[1];
            if (!isCallable(func)) {
                throw Py.typeError("the first argument must be callable");
            }
            Object[] args = java.util.Arrays.copyOfRange(a, 2, npos);
            String[] names = kw == null ? new String[0] : kw;
            Object[] values = java.util.Arrays.copyOfRange(a, npos, a.length);
            if (func instanceof Partial p) {
                // partial(partial(f, 1), 2) flattens, as CPython does
                Object[] merged = new Object[p.args.length + args.length];
                System.arraycopy(p.args, 0, merged, 0, p.args.length);
                System.arraycopy(args, 0, merged, p.args.length, args.length);
                java.util.LinkedHashMap<String, Object> kws = new java.util.LinkedHashMap<>();
                for (int i = 0; i < p.kwNames.length; i++) {
                    kws.put(p.kwNames[i], p.kwValues[i]);
                }
                for (int i = 0; i < names.length; i++) {
                    kws.put(names[i], values[i]);
                }
                return new Partial(p.func, merged, kws.keySet().toArray(new String[0]), kws.values().toArray());
            }
            return new Partial(func, args, names, values);
        };
        PARTIAL.method("__call__", (t, a, kw) -> {
            Partial p = (Partial) a[0];
            int npos = Args.positional(a, kw) - 1;
            java.util.LinkedHashMap<String, Object> kws = new java.util.LinkedHashMap<>();
            for (int i = 0; i < p.kwNames.length; i++) {
                kws.put(p.kwNames[i], p.kwValues[i]);
            }
            if (kw != null) {
                for (int i = 0; i < kw.length; i++) {
                    kws.put(kw[i], a[1 + npos + i]);
                }
            }
            Object[] all = new Object[p.args.length + npos + kws.size()];
            System.arraycopy(p.args, 0, all, 0, p.args.length);
            System.arraycopy(a, 1, all, p.args.length, npos);
            int k = p.args.length + npos;
            for (Object v : kws.values()) {
                all[k++] = v;
            }
            return new TailCall(p.func, all, kws.isEmpty() ? null : kws.keySet().toArray(new String[0]), null);
        });
        PARTIAL.method("__repr__", (t, a, kw) -> {
            Partial p = (Partial) a[0];
            StringBuilder sb = new StringBuilder("functools.partial(").append(Ops.repr(p.func));
            for (Object o : p.args) {
                sb.append(", ").append(Ops.repr(o));
            }
            for (int i = 0; i < p.kwNames.length; i++) {
                sb.append(", ").append(p.kwNames[i]).append('=').append(Ops.repr(p.kwValues[i]));
            }
            return sb.append(')').toString();
        });
        PARTIAL.getter("func", o -> ((Partial) o).func);
        PARTIAL.getter("args", o -> PyTuple.of(((Partial) o).args));
        PARTIAL.getter("keywords", o -> {
            Partial p = (Partial) o;
            PyDict d = new PyDict();
            for (int i = 0; i < p.kwNames.length; i++) {
                d.put(p.kwNames[i], p.kwValues[i]);
            }
            return d;
        });
    }

    static boolean isCallable(Object o) {
        return o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyType || o instanceof PyMethod
                || Py.typeOf(o).lookup("__call__") != null;
    }

    static PyModule create() {
        install();
        PyModule m = new PyModule("functools");
        m.set("partial", PARTIAL);
        m.def("reduce", (t, a, kw) -> {
            Args.check("reduce", a, kw, 2, 3);
            Object it = Ops.iter(a[1]);
            Object acc = a.length > 2 ? a[2] : Ops.next(it);
            if (acc == null) {
                throw Py.typeError("reduce() of empty iterable with no initial value");
            }
            Object x;
            while ((x = Ops.next(it)) != null) {
                acc = Ops.call(a[0], acc, x);
            }
            return acc;
        });
        m.def("wraps", (t, a, kw) -> {
            Object wrapped = a[0];
            return PyBuiltin.function("decorator", (t2, b, kw2) -> {
                Object wrapper = b[0];
                for (String attr : new String[] {"__module__", "__name__", "__qualname__", "__doc__"}) {
                    Object v = Ops.getAttrOrNull(wrapped, attr);
                    if (v != null) {
                        Ops.setAttr(wrapper, attr, v);
                    }
                }
                Ops.setAttr(wrapper, "__wrapped__", wrapped);
                return wrapper;
            });
        });
        return m;
    }
}
