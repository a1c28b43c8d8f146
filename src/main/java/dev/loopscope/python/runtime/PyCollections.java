package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of {@code collections} that CPython writes in C: {@code deque}, {@code namedtuple}'s classes (tuples
 * with named fields) and the dict methods of {@code defaultdict} and {@code OrderedDict} that raise without a
 * library frame. The module itself is assembled in the library package.
 */
public final class PyCollections {

    private PyCollections() {
    }

    public static final PyType DEQUE = new PyType("deque", "collections", true, Types.OBJECT);
    static final PyType DEQUE_ITERATOR = new PyType("_deque_iterator", "_collections", true, Types.OBJECT);
    static final PyType DEQUE_REVERSE_ITERATOR =
            new PyType("_deque_reverse_iterator", "_collections", true, Types.OBJECT);

    /** A double-ended queue, optionally bounded: appending to a full one drops an item from the other end. */
    static final class Deque extends PyObject {
        final java.util.ArrayList<Object> items = new java.util.ArrayList<>();
        /** -1: unbounded. */
        long maxlen = -1;
        /** Counts mutations so that an iterator notices the deque changing under it. */
        long state;

        @Override
        public PyType type() {
            return DEQUE;
        }

        void append(Object x) {
            state++;
            if (maxlen == 0) {
                return;
            }
            items.add(x);
            if (maxlen >= 0 && items.size() > maxlen) {
                items.remove(0);
            }
        }

        void appendLeft(Object x) {
            state++;
            if (maxlen == 0) {
                return;
            }
            items.add(0, x);
            if (maxlen >= 0 && items.size() > maxlen) {
                items.remove(items.size() - 1);
            }
        }
    }

    /** Iterates a deque forwards or backwards, failing if it changes meanwhile. */
    static final class DequeIter extends PyIterator {
        private final Deque d;
        private final boolean reverse;
        private final long state;
        private int i;

        DequeIter(Deque d, boolean reverse) {
            this.d = d;
            this.reverse = reverse;
            this.state = d.state;
        }

        @Override
        public PyType type() {
            return reverse ? DEQUE_REVERSE_ITERATOR : DEQUE_ITERATOR;
        }

        @Override
        public Object next() {
            if (d.state != state) {
                throw Py.runtimeError("deque mutated during iteration");
            }
            if (i >= d.items.size()) {
                return null;
            }
            int at = reverse ? d.items.size() - 1 - i : i;
            i++;
            return d.items.get(at);
        }
    }

    private static Deque self(Object o, String method) {
        if (!(o instanceof Deque d)) {
            throw Py.typeError("descriptor '" + method + "' requires a 'collections.deque' object but received a '"
                    + Py.typeName(o) + "'");
        }
        return d;
    }

    private static Object[] rest(Object[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    /** The position a deque index names, or IndexError. */
    private static int position(Deque d, Object key) {
        if (!(key instanceof Long || key instanceof Boolean || key instanceof java.math.BigInteger)) {
            if (Py.typeOf(key).lookup("__index__") == null) {
                throw Py.typeError("sequence index must be integer, not '" + Py.typeName(key) + "'");
            }
        }
        if (key instanceof java.math.BigInteger) {
            throw Py.indexError("deque index out of range");
        }
        long l = Ops.index(key);
        long i = l < 0 ? l + d.items.size() : l;
        if (i < 0 || i >= d.items.size()) {
            throw Py.indexError("deque index out of range");
        }
        return (int) i;
    }

    private static Deque copyOf(Deque d) {
        Deque c = new Deque();
        c.maxlen = d.maxlen;
        c.items.addAll(d.items);
        return c;
    }

    /** {@code d * n}: a new deque (or {@code d} itself for {@code *=}) holding the items n times over. */
    private static Object repeat(Deque d, Object n, boolean inplace) {
        if (!(n instanceof Long || n instanceof Boolean)) {
            return Py.NotImplemented;
        }
        long times = Ops.index(n);
        Deque r = inplace ? d : copyOf(d);
        Object[] items = d.items.toArray();
        if (times <= 0) {
            r.state++;
            r.items.clear();
            return r;
        }
        for (long i = 1; i < times; i++) {
            extend(r, items, false);
        }
        return r;
    }

    private static void extend(Deque d, Object iterable, boolean left) {
        Object[] items = iterable instanceof Object[] given ? given
                : iterable == d ? d.items.toArray() : Sequences.toArray(iterable);
        for (Object x : items) {
            if (left) {
                d.appendLeft(x);
            } else {
                d.append(x);
            }
        }
    }

    /** The deques whose repr is being built on this thread, so that one inside itself prints as [...]. */
    private static final ThreadLocal<Set<Object>> REPRING =
            ThreadLocal.withInitial(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    private static String dequeRepr(Deque d) {
        String name = Py.typeOf(d).name;
        if (REPRING.get().contains(d)) {
            return "[...]";
        }
        REPRING.get().add(d);
        String body;
        try {
            body = Repr.guardedContainerRepr(PyList.of(d.items.toArray()));
        } finally {
            REPRING.get().remove(d);
        }
        return name + "(" + body + (d.maxlen >= 0 ? ", maxlen=" + d.maxlen : "") + ")";
    }

    static {
        DEQUE.subclassable = false;
        DEQUE.constructor = (th, a, kw) -> {
            Object[] p = Args.parse("deque", rest(a), kw, 0, new String[] {"iterable", "maxlen"}, null, Py.None);
            Deque d = new Deque();
            if (p[1] != Py.None) {
                if (!(p[1] instanceof Long || p[1] instanceof Boolean)) {
                    throw Py.typeError("an integer is required");
                }
                long n = Ops.index(p[1]);
                if (n < 0) {
                    throw Py.valueError("maxlen must be non-negative");
                }
                d.maxlen = n;
            }
            if (p[0] != null) {
                extend(d, p[0], false);
            }
            d.state = 0;
            return d;
        };
        DEQUE.getter("maxlen", o -> ((Deque) o).maxlen < 0 ? Py.None : Py.box(((Deque) o).maxlen));
        DEQUE.define("__hash__", Py.None);
        DEQUE.method("append", (th, a, kw) -> {
            Args.check("append", rest(a), kw, 1, 1);
            self(a[0], "append").append(a[1]);
            return Py.None;
        });
        DEQUE.method("appendleft", (th, a, kw) -> {
            Args.check("appendleft", rest(a), kw, 1, 1);
            self(a[0], "appendleft").appendLeft(a[1]);
            return Py.None;
        });
        DEQUE.method("pop", (th, a, kw) -> {
            Args.check("pop", rest(a), kw, 0, 0);
            Deque d = self(a[0], "pop");
            if (d.items.isEmpty()) {
                throw Py.indexError("pop from an empty deque");
            }
            d.state++;
            return d.items.remove(d.items.size() - 1);
        });
        DEQUE.method("popleft", (th, a, kw) -> {
            Args.check("popleft", rest(a), kw, 0, 0);
            Deque d = self(a[0], "popleft");
            if (d.items.isEmpty()) {
                throw Py.indexError("pop from an empty deque");
            }
            d.state++;
            return d.items.remove(0);
        });
        DEQUE.method("extend", (th, a, kw) -> {
            Args.check("extend", rest(a), kw, 1, 1);
            extend(self(a[0], "extend"), a[1], false);
            return Py.None;
        });
        DEQUE.method("extendleft", (th, a, kw) -> {
            Args.check("extendleft", rest(a), kw, 1, 1);
            extend(self(a[0], "extendleft"), a[1], true);
            return Py.None;
        });
        DEQUE.method("__iadd__", (th, a, kw) -> {
            extend(self(a[0], "__iadd__"), a[1], false);
            return a[0];
        });
        DEQUE.method("__add__", (th, a, kw) -> {
            Deque d = self(a[0], "__add__");
            if (!(a[1] instanceof Deque other)) {
                throw Py.typeError("can only concatenate deque (not \"" + Py.typeName(a[1]) + "\") to deque");
            }
            Deque r = copyOf(d);
            extend(r, other.items.toArray(), false);
            return r;
        });
        DEQUE.method("__mul__", (th, a, kw) -> repeat(self(a[0], "__mul__"), a[1], false));
        DEQUE.method("__rmul__", (th, a, kw) -> repeat(self(a[0], "__rmul__"), a[1], false));
        DEQUE.method("__imul__", (th, a, kw) -> repeat(self(a[0], "__imul__"), a[1], true));
        DEQUE.method("clear", (th, a, kw) -> {
            Args.check("clear", rest(a), kw, 0, 0);
            Deque d = self(a[0], "clear");
            d.state++;
            d.items.clear();
            return Py.None;
        });
        DEQUE.method("copy", (th, a, kw) -> {
            Args.check("copy", rest(a), kw, 0, 0);
            return copyOf(self(a[0], "copy"));
        });
        DEQUE.method("__copy__", (th, a, kw) -> Ops.callMethod(a[0], "copy"));
        DEQUE.method("rotate", (th, a, kw) -> {
            Args.check("rotate", rest(a), kw, 0, 1);
            Deque d = self(a[0], "rotate");
            long n = a.length > 1 ? Ops.index(a[1]) : 1;
            int size = d.items.size();
            if (size > 1) {
                d.state++;
                java.util.Collections.rotate(d.items, (int) (n % size));
            }
            return Py.None;
        });
        DEQUE.method("reverse", (th, a, kw) -> {
            Args.check("reverse", rest(a), kw, 0, 0);
            Deque d = self(a[0], "reverse");
            d.state++;
            java.util.Collections.reverse(d.items);
            return Py.None;
        });
        DEQUE.method("count", (th, a, kw) -> {
            Args.check("count", rest(a), kw, 1, 1);
            Deque d = self(a[0], "count");
            long state = d.state;
            long n = 0;
            for (Object x : d.items.toArray()) {
                if (Ops.eq(x, a[1])) {
                    n++;
                }
                if (d.state != state) {
                    throw Py.runtimeError("deque mutated during iteration");
                }
            }
            return Py.box(n);
        });
        DEQUE.method("index", (th, a, kw) -> {
            Args.check("index", rest(a), kw, 1, 3);
            Deque d = self(a[0], "index");
            int size = d.items.size();
            long start = a.length > 2 ? clamp(Ops.index(a[2]), size) : 0;
            long stop = a.length > 3 ? clamp(Ops.index(a[3]), size) : size;
            long state = d.state;
            for (long i = start; i < stop && i < d.items.size(); i++) {
                boolean same = Ops.eq(d.items.get((int) i), a[1]);
                if (d.state != state) {
                    throw Py.runtimeError("deque mutated during iteration");
                }
                if (same) {
                    return Py.box(i);
                }
            }
            throw Py.valueError(Ops.repr(a[1]) + " is not in deque");
        });
        DEQUE.method("remove", (th, a, kw) -> {
            Args.check("remove", rest(a), kw, 1, 1);
            Deque d = self(a[0], "remove");
            for (int i = 0; i < d.items.size(); i++) {
                if (Ops.eq(d.items.get(i), a[1])) {
                    d.state++;
                    d.items.remove(i);
                    return Py.None;
                }
            }
            throw Py.valueError(Ops.repr(a[1]) + " is not in deque");
        });
        DEQUE.method("insert", (th, a, kw) -> {
            Args.check("insert", rest(a), kw, 2, 2);
            Deque d = self(a[0], "insert");
            if (d.maxlen >= 0 && d.items.size() >= d.maxlen) {
                throw Py.indexError("deque already at its maximum size");
            }
            long i = Ops.index(a[1]);
            int size = d.items.size();
            if (i < 0) {
                i = Math.max(0, i + size);
            }
            d.state++;
            d.items.add((int) Math.min(i, size), a[2]);
            return Py.None;
        });
        DEQUE.method("__len__", (th, a, kw) -> Py.box(self(a[0], "__len__").items.size()));
        DEQUE.method("__bool__", (th, a, kw) -> Py.bool(!self(a[0], "__bool__").items.isEmpty()));
        DEQUE.method("__iter__", (th, a, kw) -> new DequeIter(self(a[0], "__iter__"), false));
        DEQUE.method("__reversed__", (th, a, kw) -> new DequeIter(self(a[0], "__reversed__"), true));
        DEQUE.method("__contains__", (th, a, kw) -> {
            Deque d = self(a[0], "__contains__");
            long state = d.state;
            for (Object x : d.items.toArray()) {
                boolean same = Ops.eq(x, a[1]);
                if (d.state != state) {
                    throw Py.runtimeError("deque mutated during iteration");
                }
                if (same) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        });
        DEQUE.method("__getitem__", (th, a, kw) -> {
            Deque d = self(a[0], "__getitem__");
            return d.items.get(position(d, a[1]));
        });
        DEQUE.method("__setitem__", (th, a, kw) -> {
            Deque d = self(a[0], "__setitem__");
            d.items.set(position(d, a[1]), a[2]);
            return Py.None;
        });
        DEQUE.method("__delitem__", (th, a, kw) -> {
            Deque d = self(a[0], "__delitem__");
            int i = position(d, a[1]);
            d.state++;
            d.items.remove(i);
            return Py.None;
        });
        DEQUE.method("__repr__", (th, a, kw) -> dequeRepr(self(a[0], "__repr__")));
        DEQUE.method("__eq__", (th, a, kw) -> compareDeques(Ops.EQ, a[0], a[1]));
        DEQUE.method("__ne__", (th, a, kw) -> compareDeques(Ops.NE, a[0], a[1]));
        DEQUE.method("__lt__", (th, a, kw) -> compareDeques(Ops.LT, a[0], a[1]));
        DEQUE.method("__le__", (th, a, kw) -> compareDeques(Ops.LE, a[0], a[1]));
        DEQUE.method("__gt__", (th, a, kw) -> compareDeques(Ops.GT, a[0], a[1]));
        DEQUE.method("__ge__", (th, a, kw) -> compareDeques(Ops.GE, a[0], a[1]));
        for (PyType it : new PyType[] {DEQUE_ITERATOR, DEQUE_REVERSE_ITERATOR}) {
            it.method("__iter__", (th, a, kw) -> a[0]);
            it.method("__next__", (th, a, kw) -> {
                Object v = ((DequeIter) a[0]).next();
                if (v == null) {
                    throw Py.stopIteration(null);
                }
                return v;
            });
        }
    }

    private static long clamp(long i, int size) {
        if (i < 0) {
            i += size;
        }
        return Math.max(0, Math.min(i, size));
    }

    /** Deques compare as lists of their items do; anything else is NotImplemented. */
    static Object compareDeques(int op, Object x, Object y) {
        if (!(x instanceof Deque a) || !(y instanceof Deque b)) {
            return Py.NotImplemented;
        }
        return Ops.compare(op, PyList.of(a.items.toArray()), PyList.of(b.items.toArray()));
    }

    // --- namedtuple -------------------------------------------------------------------------------------------

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isUnicodeIdentifierStart(s.codePointAt(0)) && s.charAt(0) != '_') {
            return false;
        }
        return s.codePoints().allMatch(c -> Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    /** {@code collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)}. */
    public static Object namedtuple(Object[] a, String[] kw) {
        Object[] p = Args.parse("namedtuple", a, kw, 2, new String[] {"typename", "field_names", "rename",
            "defaults", "module"}, Boolean.FALSE, Py.None, Py.None);
        if (Args.positional(a, kw) > 2) {
            throw Py.typeError("namedtuple() takes 2 positional arguments but " + Args.positional(a, kw)
                    + " were given");
        }
        String typename = Ops.str(p[0]);
        List<String> fields = new ArrayList<>();
        if (p[1] instanceof String s) {
            for (String f : s.replace(',', ' ').trim().split("\\s+")) {
                if (!f.isEmpty()) {
                    fields.add(f);
                }
            }
        } else {
            for (Object f : Sequences.toArray(p[1])) {
                fields.add(Ops.str(f));
            }
        }
        boolean rename = Ops.truthy(p[2]);
        if (rename) {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < fields.size(); i++) {
                String f = fields.get(i);
                if (!isIdentifier(f) || KEYWORDS.contains(f) || f.startsWith("_") || !seen.add(f)) {
                    fields.set(i, "_" + i);
                }
            }
        }
        List<String> all = new ArrayList<>();
        all.add(typename);
        all.addAll(fields);
        for (String name : all) {
            if (!isIdentifier(name)) {
                throw Py.valueError("Type names and field names must be valid identifiers: " + Ops.repr(name));
            }
            if (KEYWORDS.contains(name)) {
                throw Py.valueError("Type names and field names cannot be a keyword: " + Ops.repr(name));
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        for (String f : fields) {
            if (f.startsWith("_") && !rename) {
                throw Py.valueError("Field names cannot start with an underscore: " + Ops.repr(f));
            }
            if (!seen.add(f)) {
                throw Py.valueError("Encountered duplicate field name: " + Ops.repr(f));
            }
        }
        Object[] defaults = p[3] == Py.None ? new Object[0] : Sequences.toArray(p[3]);
        if (defaults.length > fields.size()) {
            throw Py.typeError("Got more default values than field names");
        }
        String module = p[4] != Py.None ? Ops.str(p[4]) : callerModule();
        return namedType(typename, fields.toArray(new String[0]), defaults, module);
    }

    private static String callerModule() {
        return "__main__";
    }

    private static PyType namedType(String typename, String[] fields, Object[] defaults, String module) {
        PyType t = new PyType(typename, module, true, Types.TUPLE);
        t.subclassable = false;
        int n = fields.length;
        int required = n - defaults.length;
        PyDict fieldDefaults = new PyDict();
        for (int i = 0; i < defaults.length; i++) {
            fieldDefaults.put(fields[required + i], defaults[i]);
        }
        Object[] fieldNames = java.util.Arrays.copyOf(fields, n, Object[].class);
        t.define("_fields", PyTuple.of(fieldNames));
        t.define("_field_defaults", fieldDefaults);
        t.define("__match_args__", PyTuple.of(fieldNames));
        t.define("__slots__", PyTuple.EMPTY);
        t.define("__doc__", typename + "(" + String.join(", ", fields) + ")");
        for (int i = 0; i < n; i++) {
            int at = i;
            t.dict.put(fields[i], new PyProperty(fields[i], o -> ((PyTuple) o).items[at],
                    (o, v) -> {
                        throw Py.attributeError("can't set attribute");
                    }));
        }
        t.invalidate();
        t.constructor = (th, a, kw) -> PyTuple.Named.of(t, fields, bind(typename, fields, defaults, a, kw));
        t.method("__repr__", (th, a, kw) -> {
            PyTuple self = (PyTuple) a[0];
            StringBuilder sb = new StringBuilder(Py.typeOf(self).name).append('(');
            for (int i = 0; i < self.items.length; i++) {
                sb.append(i > 0 ? ", " : "").append(i < n ? fields[i] : "?").append('=')
                        .append(Ops.repr(self.items[i]));
            }
            return sb.append(')').toString();
        });
        t.method("_asdict", (th, a, kw) -> {
            Args.check("_asdict", rest(a), kw, 0, 0);
            PyDict d = new PyDict();
            PyTuple self = (PyTuple) a[0];
            for (int i = 0; i < n; i++) {
                d.put(fields[i], self.items[i]);
            }
            return d;
        });
        t.method("_replace", (th, a, kw) -> {
            if (a.length - (kw == null ? 0 : kw.length) != 1) {
                throw Py.typeError(typename + "._replace() takes 1 positional argument but "
                        + (a.length - (kw == null ? 0 : kw.length)) + " were given");
            }
            PyTuple self = (PyTuple) a[0];
            Object[] items = self.items.clone();
            List<String> unknown = new ArrayList<>();
            for (int k = 0; kw != null && k < kw.length; k++) {
                int idx = java.util.Arrays.asList(fields).indexOf(kw[k]);
                if (idx < 0) {
                    unknown.add(kw[k]);
                } else {
                    items[idx] = a[a.length - kw.length + k];
                }
            }
            if (!unknown.isEmpty()) {
                throw Py.valueError("Got unexpected field names: " + Ops.repr(PyList.of(unknown.toArray())));
            }
            return PyTuple.Named.of(Py.typeOf(self), fields, items);
        });
        t.define("_make", new PyWrapper(PyBuiltin.function("_make", (th, a, kw) -> {
            Args.check("_make", rest(a), kw, 1, 1);
            Object[] items = Sequences.toArray(a[1]);
            if (items.length != n) {
                throw Py.typeError("Expected " + n + " arguments, got " + items.length);
            }
            return PyTuple.Named.of((PyType) a[0], fields, items);
        }), true));
        t.method("__getnewargs__", (th, a, kw) -> PyTuple.of(((PyTuple) a[0]).items.clone()));
        return t;
    }

    /** The items of a new named tuple, with the messages CPython's generated {@code __new__} gives. */
    private static Object[] bind(String typename, String[] fields, Object[] defaults, Object[] a, String[] kw) {
        String fname = typename + ".__new__";
        int nkw = kw == null ? 0 : kw.length;
        int npos = a.length - 1 - nkw; // a[0] is the class
        int n = fields.length;
        int required = n - defaults.length;
        if (npos > n) {
            String takes = defaults.length == 0 ? String.valueOf(n + 1) : "from " + (required + 1) + " to " + (n + 1);
            throw Py.typeError(fname + "() takes " + takes + " positional argument" + (n == 0 && defaults.length == 0
                    ? "" : "s") + " but " + (npos + 1) + " were given");
        }
        Object[] items = new Object[n];
        System.arraycopy(a, 1, items, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int idx = java.util.Arrays.asList(fields).indexOf(kw[k]);
            if (idx < 0) {
                throw Py.typeError(fname + "() got an unexpected keyword argument '" + kw[k] + "'");
            }
            if (items[idx] != null) {
                throw Py.typeError(fname + "() got multiple values for argument '" + kw[k] + "'");
            }
            items[idx] = a[1 + npos + k];
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (items[i] == null) {
                if (i >= required) {
                    items[i] = defaults[i - required];
                } else {
                    missing.add("'" + fields[i] + "'");
                }
            }
        }
        if (!missing.isEmpty()) {
            String names;
            if (missing.size() == 1) {
                names = missing.get(0);
            } else {
                names = String.join(", ", missing.subList(0, missing.size() - 1)) + (missing.size() > 2 ? "," : "")
                        + " and " + missing.get(missing.size() - 1);
            }
            throw Py.typeError(fname + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + names);
        }
        return items;
    }

    // --- dict subclasses --------------------------------------------------------------------------------------

    /** {@code defaultdict.__missing__}: KeyError without a factory, else the factory's value, stored. */
    public static final Native DEFAULTDICT_MISSING = (th, a, kw) -> {
        Args.check("__missing__", rest(a), kw, 1, 1);
        Object factory = Ops.getAttr(a[0], "default_factory");
        if (factory == Py.None) {
            throw Py.keyError(a[1]);
        }
        Object v = Ops.call(factory);
        ((PyDict) a[0]).put(a[1], v);
        return v;
    };

    /** {@code OrderedDict.popitem(last=True)}. */
    public static final Native ORDERED_POPITEM = (th, a, kw) -> {
        Object[] p = Args.parse("popitem", a, kw, 1, new String[] {"self", "last"}, Boolean.TRUE);
        PyDict d = (PyDict) p[0];
        if (d.size() == 0) {
            throw Py.keyError("dictionary is empty");
        }
        Object key;
        if (Ops.truthy(p[1])) {
            Object[] kv = d.popLast();
            return PyTuple.of(kv[0], kv[1]);
        }
        key = d.keyList().get(0);
        Object v = d.remove(key);
        return PyTuple.of(key, v);
    };

    /** {@code OrderedDict.move_to_end(key, last=True)}. */
    public static final Native ORDERED_MOVE_TO_END = (th, a, kw) -> {
        Object[] p = Args.parse("move_to_end", a, kw, 2, new String[] {"self", "key", "last"}, Boolean.TRUE);
        PyDict d = (PyDict) p[0];
        Object v = d.get(p[1]);
        if (v == null) {
            throw Py.keyError(p[1]);
        }
        if (Ops.truthy(p[2])) {
            d.remove(p[1]);
            d.put(p[1], v);
        } else {
            List<Object> keys = d.keyList();
            List<Object> values = d.valueList();
            d.clear();
            d.put(p[1], v);
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) != p[1] && !Ops.eq(keys.get(i), p[1])) {
                    d.put(keys.get(i), values.get(i));
                }
            }
        }
        return Py.None;
    };

    /** {@code _count_elements(mapping, iterable)}: Counter's tally loop, which CPython writes in C. */
    public static final Native COUNT_ELEMENTS = (th, a, kw) -> {
        Args.check("_count_elements", a, kw, 2, 2);
        PyDict d = (PyDict) a[0];
        for (Object elem : Sequences.toArray(a[1])) {
            Object old = d.get(elem);
            d.put(elem, old == null ? Py.box(1) : Ops.add(old, Py.box(1)));
        }
        return Py.None;
    };

    /**
     * {@code defaultdict.__init__(default_factory=None, /, *args, **kwargs)}: checks the factory, then fills the
     * dict as {@code dict.__init__} does.
     */
    public static final Native DEFAULTDICT_INIT = (th, a, kw) -> {
        int npos = a.length - (kw == null ? 0 : kw.length);
        Object factory = npos > 1 ? a[1] : Py.None;
        if (factory != Py.None && !Functools.isCallable(factory)) {
            throw Py.typeError("first argument must be callable or None");
        }
        Ops.setAttr(a[0], "default_factory", factory);
        if (npos <= 1) {
            return TypeMethods.dictUpdate(th, (PyDict) a[0], a, kw, 1, "dict", Py.None);
        }
        Object[] rest = new Object[a.length - 1];
        rest[0] = a[0];
        System.arraycopy(a, 2, rest, 1, a.length - 2);
        return TypeMethods.dictUpdate(th, (PyDict) a[0], rest, kw, 1, "dict", Py.None);
    };
}
