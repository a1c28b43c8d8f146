package dev.loopscope.python.runtime;

/** The {@code functools} module: partial, reduce, wraps, lru_cache, cache. */
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

    static final PyType LRU = new PyType("_lru_cache_wrapper", "functools", true, Types.OBJECT);
    static final String[] CACHE_INFO_FIELDS = {"hits", "misses", "maxsize", "currsize"};
    static final PyType CACHE_INFO = PyTuple.Named.type("functools", "CacheInfo", CACHE_INFO_FIELDS);
    /** Separates positional arguments from keyword pairs in a cache key, as CPython's kwd_mark does. */
    static final Object KWD_MARK = new PyTuple(new Object[0]) {
    };

    /** What {@code lru_cache} returns: calls the function on a miss and remembers the result by argument. */
    static final class LruWrapper extends PyObject implements HasDict {
        final Object func;
        final long maxsize; // -1: unbounded
        final boolean typed;
        final PyDict cache = new PyDict();
        final PyDict dict = new PyDict();
        long hits;
        long misses;

        LruWrapper(Object func, long maxsize, boolean typed) {
            this.func = func;
            this.maxsize = maxsize;
            this.typed = typed;
        }

        @Override
        public PyType type() {
            return LRU;
        }

        @Override
        public PyDict instanceDict() {
            return dict;
        }
    }

    private static Object lruCall(LruWrapper w, Object[] a, String[] kw) {
        int npos = a.length - 1 - (kw == null ? 0 : kw.length);
        Object[] args = java.util.Arrays.copyOfRange(a, 1, a.length);
        java.util.List<Object> parts = new java.util.ArrayList<>(java.util.Arrays.asList(args).subList(0, npos));
        if (kw != null && kw.length > 0) {
            parts.add(KWD_MARK);
            for (int i = 0; i < kw.length; i++) {
                parts.add(kw[i]);
                parts.add(args[npos + i]);
            }
        }
        if (w.typed) {
            for (int i = 0; i < npos; i++) {
                parts.add(Py.typeOf(args[i]));
            }
        }
        PyTuple key = PyTuple.of(parts.toArray());
        if (w.maxsize == 0) {
            w.misses++;
            return new TailCall(w.func, args, kw, null);
        }
        Object hit = w.cache.get(key);
        if (hit != null) {
            w.hits++;
            if (w.maxsize > 0) {
                w.cache.remove(key);
                w.cache.put(key, hit);
            }
            return hit;
        }
        w.misses++;
        return new TailCall(w.func, args, kw, result -> {
            if (w.cache.get(key) == null) {
                if (w.maxsize > 0 && w.cache.size() >= w.maxsize) {
                    for (int i = 0; i < w.cache.end(); i++) {
                        Object oldest = w.cache.keyAt(i);
                        if (oldest != null) {
                            w.cache.remove(oldest);
                            break;
                        }
                    }
                }
                w.cache.put(key, result);
            }
            return result;
        });
    }

    private static LruWrapper lruWrap(Object func, long maxsize, boolean typed) {
        LruWrapper w = new LruWrapper(func, maxsize, typed);
        for (String attr : new String[] {"__module__", "__name__", "__qualname__", "__doc__"}) {
            Object v = Ops.getAttrOrNull(func, attr);
            if (v != null) {
                w.dict.put(attr, v);
            }
        }
        w.dict.put("__wrapped__", func);
        return w;
    }

    private static Object lruCache(Object maxsizeArg, boolean typed) {
        long maxsize;
        if (maxsizeArg == Py.None) {
            maxsize = -1;
        } else if (maxsizeArg instanceof Long || maxsizeArg instanceof Boolean) {
            maxsize = Math.max(0, Ops.index(maxsizeArg));
        } else if (isCallable(maxsizeArg)) {
            return lruWrap(maxsizeArg, 128, typed);
        } else {
            throw Py.typeError("Expected first argument to be an integer, a callable, or None");
        }
        long size = maxsize;
        return PyBuiltin.function("decorating_function", (t, a, kw) -> {
            Args.check("decorating_function", a, kw, 1, 1);
            return lruWrap(a[0], size, typed);
        });
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
        LRU.method("__call__", (t, a, kw) -> lruCall((LruWrapper) a[0], a, kw));
        LRU.method("cache_info", (t, a, kw) -> {
            LruWrapper w = (LruWrapper) a[0];
            return PyTuple.Named.of(CACHE_INFO, CACHE_INFO_FIELDS, Py.box(w.hits), Py.box(w.misses),
                    w.maxsize < 0 ? Py.None : Py.box(w.maxsize), Py.box(w.cache.size()));
        });
        LRU.method("cache_clear", (t, a, kw) -> {
            LruWrapper w = (LruWrapper) a[0];
            w.cache.clear();
            w.hits = 0;
            w.misses = 0;
            return Py.None;
        });
        LRU.method("cache_parameters", (t, a, kw) -> {
            LruWrapper w = (LruWrapper) a[0];
            PyDict d = new PyDict();
            d.put("maxsize", w.maxsize < 0 ? Py.None : Py.box(w.maxsize));
            d.put("typed", w.typed);
            return d;
        });
        CACHE_INFO.method("__repr__", (th, a, kw) -> {
            PyTuple n = (PyTuple) a[0];
            StringBuilder sb = new StringBuilder("CacheInfo(");
            for (int i = 0; i < CACHE_INFO_FIELDS.length; i++) {
                sb.append(i > 0 ? ", " : "").append(CACHE_INFO_FIELDS[i]).append('=').append(Ops.repr(n.items[i]));
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

    /** The attributes {@code update_wrapper} copies, and the dicts it merges, by default (CPython 3.12's). */
    static final PyTuple WRAPPER_ASSIGNMENTS = PyTuple.of("__module__", "__name__", "__qualname__", "__doc__",
            "__annotations__", "__type_params__");
    static final PyTuple WRAPPER_UPDATES = PyTuple.of("__dict__");

    /**
     * {@code functools.update_wrapper}: copies each {@code assigned} attribute {@code wrapped} has, merges each
     * {@code updated} dict, then points {@code __wrapped__} at {@code wrapped} (after the merge, so a wrapper of a
     * wrapper names its direct target).
     */
    static Object updateWrapper(Object wrapper, Object wrapped, Object assigned, Object updated) {
        for (Object attr : Sequences.toArray(assigned)) {
            String name = Ops.str(attr);
            Object v = Ops.getAttrOrNull(wrapped, name);
            if (v != null) {
                Ops.setAttr(wrapper, name, v);
            }
        }
        for (Object attr : Sequences.toArray(updated)) {
            String name = Ops.str(attr);
            Object target = Ops.getAttr(wrapper, name);
            Object source = Ops.getAttrOrNull(wrapped, name);
            if (source != null) {
                Ops.callMethod(target, "update", source);
            }
        }
        Ops.setAttr(wrapper, "__wrapped__", wrapped);
        return wrapper;
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
            return IterTasks.run(t, new IterTasks.Reduce(a[0], it, a.length > 2 ? a[2] : null));
        });
        m.def("lru_cache", (t, a, kw) -> {
            Object[] p = Args.parse("lru_cache", a, kw, 0, new String[] {"maxsize", "typed"}, 128L, Boolean.FALSE);
            return lruCache(p[0], Ops.truthy(p[1]));
        });
        m.def("cache", (t, a, kw) -> {
            Args.check("cache", a, kw, 1, 1);
            return lruWrap(a[0], -1, false);
        });
        m.set("WRAPPER_ASSIGNMENTS", WRAPPER_ASSIGNMENTS);
        m.set("WRAPPER_UPDATES", WRAPPER_UPDATES);
        m.def("update_wrapper", (t, a, kw) -> {
            Object[] p = Args.parse("update_wrapper", a, kw, 2, new String[] {"wrapper", "wrapped", "assigned",
                "updated"}, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES);
            return updateWrapper(p[0], p[1], p[2], p[3]);
        });
        m.def("wraps", (t, a, kw) -> {
            Object[] p = Args.parse("wraps", a, kw, 1, new String[] {"wrapped", "assigned", "updated"},
                    WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES);
            return PyBuiltin.function("decorator", (t2, b, kw2) -> {
                Args.check("update_wrapper", b, kw2, 1, 1);
                return updateWrapper(b[0], p[0], p[1], p[2]);
            });
        });
        return m;
    }
}
