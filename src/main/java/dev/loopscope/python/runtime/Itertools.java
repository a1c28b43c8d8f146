package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code itertools} module. Each iterator is lazy, as CPython's are: one state machine ({@link NativeTask})
 * per item asks for the items of its sources and calls its functions, so that over generators and with Python
 * functions the work runs on the thread (it can block, and its exceptions unwind with CPython's tracebacks),
 * while over lists and with builtins the same machine runs straight through in Java.
 */
final class Itertools {

    private Itertools() {
    }

    static final PyType COUNT = type("count");
    static final PyType CYCLE = type("cycle");
    static final PyType REPEAT = type("repeat");
    static final PyType CHAIN = type("chain");
    static final PyType ISLICE = type("islice");
    static final PyType PRODUCT = type("product");
    static final PyType PERMUTATIONS = type("permutations");
    static final PyType COMBINATIONS = type("combinations");
    static final PyType COMBINATIONS_WR = type("combinations_with_replacement");
    static final PyType ACCUMULATE = type("accumulate");
    static final PyType GROUPBY = type("groupby");
    static final PyType GROUPER = type("_grouper");
    static final PyType ZIP_LONGEST = type("zip_longest");
    static final PyType STARMAP = type("starmap");
    static final PyType TAKEWHILE = type("takewhile");
    static final PyType DROPWHILE = type("dropwhile");
    static final PyType FILTERFALSE = type("filterfalse");
    static final PyType COMPRESS = type("compress");
    static final PyType PAIRWISE = type("pairwise");
    static final PyType BATCHED = type("batched");
    static final PyType TEE = type("_tee");

    private static PyType type(String name) {
        PyType t = new PyType(name, "itertools", true, Types.OBJECT);
        t.dottedInMessages = true;
        t.subclassable = false; // subclasses are refused rather than left to misbehave
        return t;
    }

    /** An itertools iterator: {@link #item} makes the machine for its next item. */
    abstract static class Iter extends PyIterator {
        private final PyType type;

        Iter(PyType type) {
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }

        /** A task whose result is the next item, or {@link NativeTask#END}. */
        abstract NativeTask item();

        @Override
        public Object next() {
            return drive(item());
        }
    }

    /** Runs an item's machine in Java, asking for items and calls directly (they nest when they run Python). */
    static Object drive(NativeTask task) {
        Object r = task.step(null, NativeTask.START);
        while (true) {
            if (r == NativeTask.NEXT) {
                Object x = Ops.next(task.reqIter);
                task.reqIter = null;
                r = task.step(null, x == null ? NativeTask.END : x);
            } else if (r == NativeTask.CALL) {
                Object v = Ops.call(task.reqCallable, task.reqArgs);
                task.reqCallable = null;
                task.reqArgs = null;
                r = task.step(null, v == null ? Py.None : v);
            } else {
                return r == NativeTask.END ? null : r;
            }
        }
    }

    /** A machine for an iterator whose items never need Python code. */
    private static NativeTask now(java.util.function.Supplier<Object> item) {
        return new NativeTask() {
            @Override
            Object step(PyThread t, Object v) {
                Object x = item.get();
                return x == null ? END : x;
            }
        };
    }

    /** Whether iterating {@code o} stays in Java (a list, a tuple, a range, a string, a dict or set...). */
    static boolean plain(Object o) {
        if (o instanceof PyIterator pi) {
            return !pi.runsPython;
        }
        return (o instanceof PyList || o instanceof PyTuple || o instanceof PyRange || o instanceof String
                || o instanceof PyDict || o instanceof PySet) && !Ops.isSub(o);
    }

    private static boolean javaFn(Object fn) {
        return fn == null || fn == Py.None || NativeTask.javaCallable(fn);
    }

    // --- argument checks with CPython's messages ------------------------------------------------------------

    private static void noKeywords(String name, String[] kw) {
        if (kw != null && kw.length > 0) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
    }

    /** Exactly {@code n} positional arguments (after the type), as CPython's unpacking checks them. */
    private static Object[] exactly(String name, Object[] a, String[] kw, int n) {
        noKeywords(name, kw);
        if (a.length - 1 != n) {
            throw Py.typeError(name + " expected " + Args.plural(n, "argument") + ", got " + (a.length - 1));
        }
        return Arrays.copyOfRange(a, 1, a.length);
    }

    /** Binds arguments after the type; unknown keywords get "'x' is an invalid keyword argument for f()". */
    private static Object[] bind(String name, Object[] a, String[] kw, int required, String[] names,
                                 Object... defaults) {
        if (kw != null) {
            for (String k : kw) {
                if (!Arrays.asList(names).contains(k)) {
                    throw Py.typeError("'" + k + "' is an invalid keyword argument for " + name + "()");
                }
            }
        }
        if (a.length - 1 > names.length) {
            throw Py.typeError(name + "() takes at most " + Args.plural(names.length, "argument") + " ("
                    + (a.length - 1) + " given)");
        }
        return Args.parse(name, Arrays.copyOfRange(a, 1, a.length), kw, required, names, defaults);
    }

    private static boolean isNumber(Object o) {
        if (Ops.isNumber(o)) {
            return true;
        }
        PyType t = Py.typeOf(o);
        return t.lookup("__index__") != null || t.lookup("__int__") != null || t.lookup("__float__") != null;
    }

    private static int nonNegative(Object r) {
        long n = Ops.index(r);
        if (n < 0) {
            throw Py.valueError("r must be non-negative");
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    // --- count, cycle, repeat --------------------------------------------------------------------------------

    static final class Count extends Iter {
        Object current;
        final Object step;

        Count(Object start, Object step) {
            super(COUNT);
            this.current = start;
            this.step = step;
        }

        @Override
        NativeTask item() {
            return now(this::next);
        }

        @Override
        public Object next() {
            Object v = current;
            current = Ops.add(current, step);
            return v;
        }
    }

    static final class Cycle extends Iter {
        final Object it;
        final List<Object> saved = new ArrayList<>();
        boolean replaying;
        int index;

        Cycle(Object it) {
            super(CYCLE);
            this.it = it;
            this.runsPython = NativeTask.onThread(it);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                @Override
                Object step(PyThread t, Object v) {
                    if (!replaying) {
                        if (v == START) {
                            return next(it);
                        }
                        if (v != END) {
                            saved.add(v);
                            return v;
                        }
                        replaying = true;
                    }
                    if (saved.isEmpty()) {
                        return END;
                    }
                    Object x = saved.get(index);
                    index = (index + 1) % saved.size();
                    return x;
                }
            };
        }
    }

    static final class Repeat extends Iter {
        final Object object;
        long times; // -1: for ever

        Repeat(Object object, long times) {
            super(REPEAT);
            this.object = object;
            this.times = times;
        }

        @Override
        NativeTask item() {
            return now(this::next);
        }

        @Override
        public Object next() {
            if (times == 0) {
                return null;
            }
            if (times > 0) {
                times--;
            }
            return object;
        }
    }

    // --- chain, islice, accumulate, starmap, takewhile, dropwhile, filterfalse, compress -----------------------

    static final class Chain extends Iter {
        /** The iterator of the iterables, null once it is exhausted. */
        Object sources;
        Object active;

        Chain(Object sources, boolean runsPython) {
            super(CHAIN);
            this.sources = sources;
            this.runsPython = runsPython;
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                boolean askedSource;

                @Override
                Object step(PyThread t, Object v) {
                    while (true) {
                        if (v != START) {
                            if (askedSource) {
                                askedSource = false;
                                if (v == END) {
                                    sources = null;
                                    return END;
                                }
                                active = Ops.iter(v);
                            } else if (v == END) {
                                active = null;
                            } else {
                                return v;
                            }
                            v = START;
                            continue;
                        }
                        if (sources == null) {
                            return END;
                        }
                        if (active == null) {
                            askedSource = true;
                            return next(sources);
                        }
                        return next(active);
                    }
                }
            };
        }
    }

    static final class Islice extends Iter {
        Object it;
        long nextIndex;
        final long stop; // -1: none
        final long step;
        long count;

        Islice(Object it, long start, long stop, long step) {
            super(ISLICE);
            this.it = it;
            this.nextIndex = start;
            this.stop = stop;
            this.step = step;
            this.runsPython = NativeTask.onThread(it);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                @Override
                Object step(PyThread t, Object v) {
                    if (it == null) {
                        return END;
                    }
                    if (v == END) {
                        it = null;
                        return END;
                    }
                    if (v != START) {
                        count++;
                        if (count > nextIndex) {
                            // the item wanted: the one after it is step items further, never past stop
                            long n = nextIndex + Islice.this.step;
                            nextIndex = n < 0 || stop >= 0 && n > stop ? stop : n;
                            return v;
                        }
                    }
                    if (count >= nextIndex && stop >= 0 && count >= stop) {
                        it = null;
                        return END;
                    }
                    return next(it);
                }
            };
        }
    }

    static final class Accumulate extends Iter {
        final Object it;
        final Object func;
        Object total;
        Object initial;

        Accumulate(Object it, Object func, Object initial) {
            super(ACCUMULATE);
            this.it = it;
            this.func = func;
            this.initial = initial;
            this.runsPython = NativeTask.onThread(it) || !javaFn(func);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                boolean calling;

                @Override
                Object step(PyThread t, Object v) {
                    if (v == START) {
                        if (initial != null) {
                            total = initial;
                            initial = null;
                            return total;
                        }
                        return next(it);
                    }
                    if (calling) {
                        total = v;
                        return v;
                    }
                    if (v == END) {
                        return END;
                    }
                    if (total == null) {
                        total = v;
                        return v;
                    }
                    if (func == Py.None) {
                        total = Ops.add(total, v);
                        return total;
                    }
                    calling = true;
                    return call(func, total, v);
                }
            };
        }
    }

    /** starmap, takewhile, dropwhile, filterfalse: a function applied to each item of one iterator. */
    static final class Apply extends Iter {
        final Object fn;
        final Object it;
        /** takewhile: the predicate failed; dropwhile: it has; both stay so. */
        boolean flipped;

        Apply(PyType type, Object fn, Object it) {
            super(type);
            this.fn = fn;
            this.it = it;
            this.runsPython = NativeTask.onThread(it) || !javaFn(fn);
        }

        @Override
        NativeTask item() {
            PyType kind = type();
            return new NativeTask() {
                Object pending;

                @Override
                Object step(PyThread t, Object v) {
                    while (true) {
                        if (v == START) {
                            if (kind == TAKEWHILE && flipped) {
                                return END;
                            }
                            return next(it);
                        }
                        if (pending == null) {
                            if (v == END) {
                                return END;
                            }
                            if (kind == STARMAP) {
                                pending = v;
                                return call(fn, argsOf(v));
                            }
                            if (kind == DROPWHILE && flipped) {
                                return v;
                            }
                            if (kind == FILTERFALSE && fn == Py.None) {
                                if (!Ops.truthy(v)) {
                                    return v;
                                }
                                v = START;
                                continue;
                            }
                            pending = v;
                            return call(fn, v);
                        }
                        Object x = pending;
                        pending = null;
                        if (kind == STARMAP) {
                            return v;
                        }
                        boolean ok = Ops.truthy(v);
                        if (kind == TAKEWHILE) {
                            if (ok) {
                                return x;
                            }
                            flipped = true;
                            return END;
                        }
                        if (kind == DROPWHILE) {
                            if (!ok) {
                                flipped = true;
                                return x;
                            }
                        } else if (!ok) {
                            return x;
                        }
                        v = START;
                    }
                }
            };
        }

        private static Object[] argsOf(Object v) {
            if (v instanceof PyTuple tt) {
                return tt.items;
            }
            if (v instanceof PyList l) {
                return l.toArray();
            }
            Object it = Ops.iter(v);
            List<Object> items = new ArrayList<>();
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
                items.add(x);
            }
            return items.toArray();
        }
    }

    static final class Compress extends Iter {
        final Object data;
        final Object selectors;

        Compress(Object data, Object selectors) {
            super(COMPRESS);
            this.data = data;
            this.selectors = selectors;
            this.runsPython = NativeTask.onThread(data) || NativeTask.onThread(selectors);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                Object datum;

                @Override
                Object step(PyThread t, Object v) {
                    while (true) {
                        if (v == START) {
                            return next(data);
                        }
                        if (v == END) {
                            return END;
                        }
                        if (datum == null) {
                            datum = v;
                            return next(selectors);
                        }
                        Object d = datum;
                        datum = null;
                        if (Ops.truthy(v)) {
                            return d;
                        }
                        v = START;
                    }
                }
            };
        }
    }

    // --- zip_longest, pairwise, batched ----------------------------------------------------------------------

    static final class ZipLongest extends Iter {
        final Object[] its;
        final Object fill;
        int active;

        ZipLongest(Object[] its, Object fill) {
            super(ZIP_LONGEST);
            this.its = its;
            this.fill = fill;
            this.active = its.length;
            boolean py = false;
            for (Object it : its) {
                py |= NativeTask.onThread(it);
            }
            this.runsPython = py;
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                Object[] items;
                int i;

                @Override
                Object step(PyThread t, Object v) {
                    if (v == START) {
                        if (active == 0) {
                            return END;
                        }
                        items = new Object[its.length];
                    } else if (v == END) {
                        its[i] = null;
                        if (--active == 0) {
                            return END;
                        }
                        items[i++] = fill;
                    } else {
                        items[i++] = v;
                    }
                    while (i < its.length) {
                        if (its[i] == null) {
                            items[i++] = fill;
                            continue;
                        }
                        return next(its[i]);
                    }
                    return PyTuple.of(items);
                }
            };
        }
    }

    static final class Pairwise extends Iter {
        Object it;
        Object old;

        Pairwise(Object it) {
            super(PAIRWISE);
            this.it = it;
            this.runsPython = NativeTask.onThread(it);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                @Override
                Object step(PyThread t, Object v) {
                    if (it == null) {
                        return END;
                    }
                    if (v == END) {
                        it = null;
                        old = null;
                        return END;
                    }
                    if (v == START) {
                        return next(it);
                    }
                    if (old == null) {
                        old = v;
                        return next(it);
                    }
                    Object pair = PyTuple.of(old, v);
                    old = v;
                    return pair;
                }
            };
        }
    }

    static final class Batched extends Iter {
        Object it;
        final int n;

        Batched(Object it, int n) {
            super(BATCHED);
            this.it = it;
            this.n = n;
            this.runsPython = NativeTask.onThread(it);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                final List<Object> batch = new ArrayList<>();

                @Override
                Object step(PyThread t, Object v) {
                    if (it == null) {
                        return END;
                    }
                    if (v == END) {
                        it = null;
                        return batch.isEmpty() ? END : PyTuple.of(batch.toArray());
                    }
                    if (v != START) {
                        batch.add(v);
                        if (batch.size() == n) {
                            return PyTuple.of(batch.toArray());
                        }
                    }
                    return next(it);
                }
            };
        }
    }

    // --- groupby ---------------------------------------------------------------------------------------------

    static final class GroupBy extends Iter {
        final Object it;
        final Object key;
        Object targetKey;
        Object currentKey;
        Object currentValue;
        Grouper currentGrouper;

        GroupBy(Object it, Object key) {
            super(GROUPBY);
            this.it = it;
            this.key = key;
            this.runsPython = NativeTask.onThread(it) || !javaFn(key);
        }

        /**
         * Takes the next value and its key (the steps {@link #advance} asks for), then goes on with {@code after}.
         * Returns a request, or what {@code after} returns.
         */
        abstract static class Advancing extends NativeTask {
            final GroupBy g;
            /** 0: not advancing; 1: waiting for the value; 2: waiting for its key. */
            int phase;
            Object value;

            Advancing(GroupBy g) {
                this.g = g;
            }

            Object advance() {
                phase = 1;
                return next(g.it);
            }

            /** Feeds what was asked for; returns null when the advance is complete, else the next request. */
            Object feed(Object v) {
                if (phase == 1) {
                    if (v == END) {
                        phase = 0;
                        return END;
                    }
                    if (g.key == Py.None) {
                        phase = 0;
                        g.currentValue = v;
                        g.currentKey = v;
                        return null;
                    }
                    value = v;
                    phase = 2;
                    return call(g.key, v);
                }
                phase = 0;
                g.currentValue = value;
                g.currentKey = v;
                value = null;
                return null;
            }
        }

        @Override
        NativeTask item() {
            currentGrouper = null;
            return new Advancing(this) {
                @Override
                Object step(PyThread t, Object v) {
                    if (v != START) {
                        Object r = feed(v);
                        if (r != null) {
                            return r;
                        }
                    }
                    // skip what is left of the group the program did not read
                    if (g.currentKey == null || g.targetKey != null && Ops.eq(g.targetKey, g.currentKey)) {
                        return advance();
                    }
                    g.targetKey = g.currentKey;
                    g.currentGrouper = new Grouper(g, g.targetKey);
                    return PyTuple.of(g.currentKey, g.currentGrouper);
                }
            };
        }
    }

    static final class Grouper extends Iter {
        final GroupBy parent;
        final Object targetKey;

        Grouper(GroupBy parent, Object targetKey) {
            super(GROUPER);
            this.parent = parent;
            this.targetKey = targetKey;
            this.runsPython = parent.runsPython;
        }

        @Override
        NativeTask item() {
            return new GroupBy.Advancing(parent) {
                @Override
                Object step(PyThread t, Object v) {
                    if (parent.currentGrouper != Grouper.this) {
                        return END;
                    }
                    if (v != START) {
                        Object r = feed(v);
                        if (r != null) {
                            return r;
                        }
                    } else if (parent.currentValue == null) {
                        return advance();
                    }
                    if (!Ops.eq(targetKey, parent.currentKey)) {
                        return END;
                    }
                    Object r = parent.currentValue;
                    parent.currentValue = null;
                    return r;
                }
            };
        }
    }

    // --- tee -------------------------------------------------------------------------------------------------

    /** What the iterators of one tee share: the source and the items taken from it so far. */
    static final class TeeData {
        final Object source;
        final List<Object> items = new ArrayList<>();
        boolean ended;

        TeeData(Object source) {
            this.source = source;
        }
    }

    static final class Tee extends Iter {
        final TeeData data;
        int position;

        Tee(TeeData data, int position) {
            super(TEE);
            this.data = data;
            this.position = position;
            this.runsPython = NativeTask.onThread(data.source);
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                @Override
                Object step(PyThread t, Object v) {
                    if (v == START) {
                        if (position < data.items.size()) {
                            return data.items.get(position++);
                        }
                        if (data.ended) {
                            return END;
                        }
                        return next(data.source);
                    }
                    if (v == END) {
                        data.ended = true;
                        return END;
                    }
                    // another tee may have taken items while this one waited for its own
                    data.items.add(v);
                    return data.items.get(position++);
                }
            };
        }
    }

    // --- product, permutations, combinations -----------------------------------------------------------------

    /** The tuples of a combinatoric iterator, from the indices into its pool(s), made entirely in Java. */
    abstract static class Combinatoric extends Iter {
        final Object[][] pools;
        int[] indices;
        boolean started;
        boolean done;

        Combinatoric(PyType type, Object[][] pools) {
            super(type);
            this.pools = pools;
        }

        @Override
        NativeTask item() {
            return now(this::next);
        }

        /** The first indices, or null when there is no tuple at all. */
        abstract int[] first();

        /** Moves to the next indices; false after the last. */
        abstract boolean advance();

        /** The tuple of the current indices. */
        abstract PyTuple current();

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            if (!started) {
                started = true;
                indices = first();
            } else if (!advance()) {
                indices = null;
            }
            if (indices == null) {
                done = true;
                return null;
            }
            return current();
        }

        PyTuple fromOnePool() {
            Object[] pool = pools[0];
            Object[] out = new Object[indices.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = pool[indices[i]];
            }
            return PyTuple.of(out);
        }
    }

    static final class Product extends Combinatoric {
        Product(Object[][] pools) {
            super(PRODUCT, pools);
        }

        @Override
        int[] first() {
            for (Object[] p : pools) {
                if (p.length == 0) {
                    return null;
                }
            }
            return new int[pools.length];
        }

        @Override
        boolean advance() {
            for (int i = pools.length - 1; i >= 0; i--) {
                if (++indices[i] < pools[i].length) {
                    return true;
                }
                indices[i] = 0;
            }
            return false;
        }

        @Override
        PyTuple current() {
            Object[] out = new Object[pools.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = pools[i][indices[i]];
            }
            return PyTuple.of(out);
        }
    }

    static final class Permutations extends Combinatoric {
        final int r;
        boolean[] used;

        Permutations(Object[] pool, int r) {
            super(PERMUTATIONS, new Object[][] {pool});
            this.r = r;
        }

        @Override
        int[] first() {
            int n = pools[0].length;
            if (r > n) {
                return null;
            }
            used = new boolean[n];
            int[] idx = new int[r];
            for (int i = 0; i < r; i++) {
                idx[i] = i;
                used[i] = true;
            }
            return idx;
        }

        @Override
        boolean advance() {
            int n = pools[0].length;
            // lexicographic order of the index tuples: raise the rightmost position that can take a larger
            // unused index, then fill the positions after it with the smallest unused ones
            for (int pos = r - 1; pos >= 0; pos--) {
                used[indices[pos]] = false;
                int j = indices[pos] + 1;
                while (j < n && used[j]) {
                    j++;
                }
                if (j < n) {
                    indices[pos] = j;
                    used[j] = true;
                    int k = 0;
                    for (int p = pos + 1; p < r; p++) {
                        while (used[k]) {
                            k++;
                        }
                        indices[p] = k;
                        used[k] = true;
                    }
                    return true;
                }
            }
            return false;
        }

        @Override
        PyTuple current() {
            return fromOnePool();
        }
    }

    static final class Combinations extends Combinatoric {
        final int r;
        final boolean replacement;

        Combinations(Object[] pool, int r, boolean replacement) {
            super(replacement ? COMBINATIONS_WR : COMBINATIONS, new Object[][] {pool});
            this.r = r;
            this.replacement = replacement;
        }

        @Override
        int[] first() {
            int n = pools[0].length;
            if (replacement ? n == 0 && r > 0 : r > n) {
                return null;
            }
            int[] idx = new int[r];
            for (int i = 0; i < r; i++) {
                idx[i] = replacement ? 0 : i;
            }
            return idx;
        }

        @Override
        boolean advance() {
            int n = pools[0].length;
            for (int i = r - 1; i >= 0; i--) {
                int max = replacement ? n - 1 : i + n - r;
                if (indices[i] != max) {
                    indices[i]++;
                    for (int j = i + 1; j < r; j++) {
                        indices[j] = replacement ? indices[i] : indices[j - 1] + 1;
                    }
                    return true;
                }
            }
            return false;
        }

        @Override
        PyTuple current() {
            return fromOnePool();
        }
    }

    /** Every item of each iterable in turn (lists and tuples at once, iterators on the thread when need be). */
    static final class Pools extends NativeTask {
        private final Object[] iterables;
        private final Function<Object[][], Object> done;
        private final Object[][] pools;
        private List<Object> items;
        private Object it;
        private int i;

        Pools(Object[] iterables, Function<Object[][], Object> done) {
            this.iterables = iterables;
            this.done = done;
            this.pools = new Object[iterables.length][];
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (it != null) {
                    if (v == END) {
                        pools[i++] = items.toArray();
                        if (t != null) {
                            t.charge((long) CostModel.PER_ITEM * items.size());
                        }
                        it = null;
                    } else {
                        if (v != START) {
                            items.add(v);
                        }
                        v = pull(it);
                        if (v == NEED) {
                            v = START;
                            return next(it);
                        }
                        continue;
                    }
                }
                if (i == iterables.length) {
                    return done.apply(pools);
                }
                Object x = iterables[i];
                if (x instanceof PyTuple tt && !Ops.isSub(x)) {
                    pools[i++] = tt.items;
                } else if (x instanceof PyList l && !Ops.isSub(x)) {
                    pools[i++] = l.toArray();
                } else {
                    it = Ops.iter(x);
                    items = new ArrayList<>();
                    v = START;
                }
            }
        }
    }

    // --- the module ------------------------------------------------------------------------------------------

    private static void iteratorMethods(PyType t) {
        t.method("__next__", (th, a, kw) -> {
            Iter it = (Iter) a[0];
            if (it.runsPython) {
                return new NativeTask.NextItem(it, null);
            }
            Object v = it.next();
            if (v == null) {
                throw Py.stopIteration(null);
            }
            return v;
        });
        t.method("__iter__", (th, a, kw) -> a[0]);
    }

    private static boolean installed;

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (PyType t : new PyType[] {COUNT, CYCLE, REPEAT, CHAIN, ISLICE, PRODUCT, PERMUTATIONS, COMBINATIONS,
            COMBINATIONS_WR, ACCUMULATE, GROUPBY, GROUPER, ZIP_LONGEST, STARMAP, TAKEWHILE, DROPWHILE, FILTERFALSE,
            COMPRESS, PAIRWISE, BATCHED, TEE}) {
            iteratorMethods(t);
        }
        COUNT.constructor = (th, a, kw) -> {
            Object[] p = bind("count", a, kw, 0, new String[] {"start", "step"}, 0L, 1L);
            if (!isNumber(p[0]) || !isNumber(p[1])) {
                throw Py.typeError("a number is required");
            }
            return new Count(p[0], p[1]);
        };
        COUNT.method("__repr__", (th, a, kw) -> {
            Count c = (Count) a[0];
            boolean unit = c.step instanceof Long l && l == 1;
            return "count(" + Ops.repr(c.current) + (unit ? "" : ", " + Ops.repr(c.step)) + ")";
        });
        CYCLE.constructor = (th, a, kw) -> new Cycle(Ops.iter(exactly("cycle", a, kw, 1)[0]));
        REPEAT.constructor = (th, a, kw) -> {
            Object[] p = bind("repeat", a, kw, 1, new String[] {"object", "times"}, (Object) null);
            return new Repeat(p[0], p[1] == null ? -1 : Math.max(0, Ops.index(p[1])));
        };
        REPEAT.method("__repr__", (th, a, kw) -> {
            Repeat r = (Repeat) a[0];
            return "repeat(" + Ops.repr(r.object) + (r.times < 0 ? "" : ", " + r.times) + ")";
        });
        REPEAT.method("__length_hint__", (th, a, kw) -> {
            Repeat r = (Repeat) a[0];
            if (r.times < 0) {
                throw Py.typeError("len() of unsized object");
            }
            return Py.box(r.times);
        });
        CHAIN.constructor = (th, a, kw) -> {
            noKeywords("chain", kw);
            Object[] iterables = Arrays.copyOfRange(a, 1, a.length);
            boolean py = false;
            for (Object x : iterables) {
                py |= !plain(x);
            }
            return new Chain(Ops.iter(PyTuple.of(iterables)), py);
        };
        CHAIN.define("from_iterable", new PyWrapper(PyBuiltin.function("from_iterable", (th, a, kw) -> {
            Args.check("from_iterable", a, kw, 2, 2);
            return new Chain(Ops.iter(a[1]), true);
        }), true));
        ISLICE.constructor = (th, a, kw) -> {
            noKeywords("islice", kw);
            int n = a.length - 1;
            if (n < 2 || n > 4) {
                throw Py.typeError("islice expected " + (n < 2 ? "at least 2" : "at most 4") + " arguments, got "
                        + n);
            }
            String stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
            long stop = bound(n == 2 ? a[2] : a[3], stopMessage);
            long start = n == 2 ? 0 : bound(a[2], "Indices for islice() must be None or an integer: "
                    + "0 <= x <= sys.maxsize.");
            if (start < 0) {
                start = 0;
            }
            long step = 1;
            if (n == 4 && a[4] != Py.None) {
                step = bound(a[4], "Step for islice() must be a positive integer or None.");
                if (step < 1) {
                    throw Py.valueError("Step for islice() must be a positive integer or None.");
                }
            }
            return new Islice(Ops.iter(a[1]), start, stop, step);
        };
        PRODUCT.constructor = (th, a, kw) -> {
            long repeat = 1;
            if (kw != null) {
                for (int k = 0; k < kw.length; k++) {
                    if (!kw[k].equals("repeat")) {
                        throw Py.typeError("'" + kw[k] + "' is an invalid keyword argument for product()");
                    }
                    repeat = Ops.index(a[a.length - kw.length + k]);
                }
            }
            if (repeat < 0) {
                throw Py.valueError("repeat argument cannot be negative");
            }
            int npos = a.length - 1 - (kw == null ? 0 : kw.length);
            Object[] iterables = Arrays.copyOfRange(a, 1, 1 + npos);
            int times = (int) Math.min(repeat, Integer.MAX_VALUE);
            return NativeTask.run(th, new Pools(iterables, pools -> {
                Object[][] all = new Object[pools.length * times][];
                for (int r = 0; r < times; r++) {
                    System.arraycopy(pools, 0, all, r * pools.length, pools.length);
                }
                return new Product(all);
            }));
        };
        PERMUTATIONS.constructor = (th, a, kw) -> {
            Object[] p = bind("permutations", a, kw, 1, new String[] {"iterable", "r"}, Py.None);
            Object it = Ops.iter(p[0]);
            if (p[1] != Py.None && !Py.isInt(p[1])) {
                throw Py.typeError("Expected int as r");
            }
            return NativeTask.run(th, new Pools(new Object[] {it}, pools -> new Permutations(pools[0],
                    p[1] == Py.None ? pools[0].length : nonNegative(p[1]))));
        };
        COMBINATIONS.constructor = (th, a, kw) -> combinations(th, a, kw, "combinations", false);
        COMBINATIONS_WR.constructor = (th, a, kw) -> combinations(th, a, kw, "combinations_with_replacement",
                true);
        ACCUMULATE.constructor = (th, a, kw) -> {
            Object[] p = bind("accumulate", a, kw, 1, new String[] {"iterable", "func", "initial"}, Py.None,
                    Py.None);
            return new Accumulate(Ops.iter(p[0]), p[1], p[2] == Py.None ? null : p[2]);
        };
        GROUPBY.constructor = (th, a, kw) -> {
            Object[] p = bind("groupby", a, kw, 1, new String[] {"iterable", "key"}, Py.None);
            return new GroupBy(Ops.iter(p[0]), p[1]);
        };
        ZIP_LONGEST.constructor = (th, a, kw) -> {
            Object fill = Py.None;
            int nkw = kw == null ? 0 : kw.length;
            for (int k = 0; k < nkw; k++) {
                if (!kw[k].equals("fillvalue")) {
                    throw Py.typeError("zip_longest() got an unexpected keyword argument");
                }
                fill = a[a.length - nkw + k];
            }
            Object[] its = new Object[a.length - 1 - nkw];
            for (int i = 0; i < its.length; i++) {
                its[i] = Ops.iter(a[i + 1]);
            }
            return new ZipLongest(its, fill);
        };
        STARMAP.constructor = (th, a, kw) -> {
            Object[] p = exactly("starmap", a, kw, 2);
            return new Apply(STARMAP, p[0], Ops.iter(p[1]));
        };
        TAKEWHILE.constructor = (th, a, kw) -> {
            Object[] p = exactly("takewhile", a, kw, 2);
            return new Apply(TAKEWHILE, p[0], Ops.iter(p[1]));
        };
        DROPWHILE.constructor = (th, a, kw) -> {
            Object[] p = exactly("dropwhile", a, kw, 2);
            return new Apply(DROPWHILE, p[0], Ops.iter(p[1]));
        };
        FILTERFALSE.constructor = (th, a, kw) -> {
            Object[] p = exactly("filterfalse", a, kw, 2);
            return new Apply(FILTERFALSE, p[0], Ops.iter(p[1]));
        };
        COMPRESS.constructor = (th, a, kw) -> {
            Object[] p = bind("compress", a, kw, 2, new String[] {"data", "selectors"});
            return new Compress(Ops.iter(p[0]), Ops.iter(p[1]));
        };
        PAIRWISE.constructor = (th, a, kw) -> new Pairwise(Ops.iter(exactly("pairwise", a, kw, 1)[0]));
        BATCHED.constructor = (th, a, kw) -> {
            Object[] p = bind("batched", a, kw, 2, new String[] {"iterable", "n"});
            long n = Ops.index(p[1]);
            if (n < 1) {
                throw Py.valueError("n must be at least one");
            }
            return new Batched(Ops.iter(p[0]), (int) Math.min(n, Integer.MAX_VALUE));
        };
        TEE.constructor = (th, a, kw) -> {
            throw Py.typeError("cannot create 'itertools._tee' instances");
        };
    }

    private static Object combinations(PyThread th, Object[] a, String[] kw, String name, boolean replacement) {
        Object[] p = bind(name, a, kw, 2, new String[] {"iterable", "r"});
        Object it = Ops.iter(p[0]);
        int r = nonNegative(p[1]);
        return NativeTask.run(th, new Pools(new Object[] {it}, pools -> new Combinations(pools[0], r,
                replacement)));
    }

    /** An islice bound: None (-1) or an int from 0 to sys.maxsize, else ValueError with {@code message}. */
    private static long bound(Object o, String message) {
        if (o == Py.None) {
            return -1;
        }
        long v;
        try {
            v = Ops.index(o);
        } catch (PyError e) {
            throw Py.valueError(message);
        }
        if (v < 0) {
            throw Py.valueError(message);
        }
        return v;
    }

    static PyModule create() {
        install();
        PyModule m = new PyModule("itertools");
        for (PyType t : new PyType[] {ACCUMULATE, BATCHED, CHAIN, COMBINATIONS, COMBINATIONS_WR, COMPRESS, COUNT,
            CYCLE, DROPWHILE, FILTERFALSE, GROUPBY, ISLICE, PAIRWISE, PERMUTATIONS, PRODUCT, REPEAT, STARMAP,
            TAKEWHILE, ZIP_LONGEST}) {
            m.set(t.name, t);
        }
        m.def("tee", (t, a, kw) -> {
            noKeywords("itertools.tee", kw);
            if (a.length < 1 || a.length > 2) {
                throw Py.typeError("tee expected " + (a.length < 1 ? "at least 1 argument" : "at most 2 arguments")
                        + ", got " + a.length);
            }
            long n = a.length > 1 ? Ops.index(a[1]) : 2;
            if (n < 0) {
                throw Py.valueError("n must be >= 0");
            }
            Object it = Ops.iter(a[0]);
            Object[] tees = new Object[(int) n];
            if (n == 0) {
                return PyTuple.EMPTY;
            }
            if (it instanceof Tee from) {
                for (int i = 0; i < n; i++) {
                    tees[i] = i == 0 ? from : new Tee(from.data, from.position);
                }
                return PyTuple.of(tees);
            }
            TeeData data = new TeeData(it);
            for (int i = 0; i < n; i++) {
                tees[i] = new Tee(data, 0);
            }
            return PyTuple.of(tees);
        });
        return m;
    }
}
