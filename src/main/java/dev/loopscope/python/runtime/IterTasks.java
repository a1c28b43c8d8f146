package dev.loopscope.python.runtime;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The builtins that consume iterators or call functions, as {@link NativeTask}s: with iterators written in Java
 * and Java functions they run straight through in Java (started by {@link NativeTask#run}); items that take
 * Python code (generators, Python {@code __next__}, map over Python functions) and Python key functions run on
 * the thread. Each keeps CPython's order of operations: what is fetched, called and compared when.
 */
final class IterTasks {

    private IterTasks() {
    }

    /** Runs {@code task} as far as Java can take it (see {@link NativeTask#run}). */
    static Object run(PyThread t, NativeTask task) {
        return NativeTask.run(t, task);
    }

    /**
     * {@code done} of all the items of {@code iterable} (CPython's PySequence_Fast or PySequence_List): at once for
     * a list or a tuple and for iterators written in Java, else a task.
     */
    static Object withItems(PyThread t, Object iterable, Function<Object[], Object> done) {
        if (iterable instanceof PyList l) {
            return done.apply(l.toArray());
        }
        if (iterable instanceof PyTuple tt) {
            return done.apply(tt.items);
        }
        return withItemsOf(t, Ops.iter(iterable), done);
    }

    /** {@code done} of the remaining items of iterator {@code it}. */
    static Object withItemsOf(PyThread t, Object it, Function<Object[], Object> done) {
        return run(t, new Collect(it, done));
    }

    /** Every item of an iterator, then what {@code done} makes of them. */
    static final class Collect extends NativeTask {
        private final Object it;
        private final Function<Object[], Object> done;
        private Object[] items = new Object[8];
        private int n;

        Collect(Object it, Function<Object[], Object> done) {
            this.it = it;
            this.done = done;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    Object[] all = Arrays.copyOf(items, n);
                    items = null;
                    return done.apply(all);
                }
                if (v != START) {
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                    }
                    items[n++] = v;
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }

    /** Appends the items of an iterator to a list one by one ({@code list.extend}, {@code [*it]}). */
    static final class Extend extends NativeTask {
        private final PyList list;
        private final Object it;
        private final Object result;

        private final int hint;

        /** {@code result}: what the builtin returns at the end ({@link #NOTHING} for the LIST_EXTEND opcode). */
        Extend(PyList list, Object it, Object result) {
            this(list, it, result, 8);
        }

        /** {@code hint}: how many items CPython expects (the source's length, else 8), for the list's allocation. */
        Extend(PyList list, Object it, Object result, int hint) {
            this.list = list;
            this.it = it;
            this.result = result;
            this.hint = hint;
        }

        /** The length CPython's list_extend expects from {@code src}: its len() when it has one, else 8. */
        static int lengthHint(Object src) {
            try {
                return src instanceof String || src instanceof PyDict || src instanceof PySet
                        || src instanceof DictView || src instanceof PyRange ? (int) Ops.len(src) : 8;
            } catch (PyError e) {
                return 8;
            }
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    if (list.size < list.allocated) {
                        list.resized(list.size); // list_extend gives back what it over-allocated
                    }
                    return result;
                }
                if (v == START) {
                    list.extending(hint);
                } else {
                    list.append(v);
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }

    /** Adds the items of iterators to a set one by one ({@code set(it)}, {@code s.update(a, b)}, {@code {*it}}). */
    static final class SetUpdate extends NativeTask {
        private final PySet set;
        private final Object[] iterables;
        private final Object result;
        private int k = -1;
        private Object it;

        SetUpdate(PySet set, Object[] iterables, Object result) {
            this.set = set;
            this.iterables = iterables;
            this.result = result;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END || v == START) {
                    // the next iterable: sets and dicts are added at once
                    while (true) {
                        if (++k == iterables.length) {
                            return result;
                        }
                        Object o = iterables[k];
                        if (o instanceof PySet s) {
                            set.addAll(s);
                        } else if (o instanceof PyDict d) {
                            set.addKeys(d);
                        } else {
                            it = Ops.iter(o);
                            break;
                        }
                    }
                } else {
                    set.add(v);
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }

    /** {@code dict(pairs)} and {@code d.update(pairs)}: each item a key and a value, then the keyword arguments. */
    static final class DictPairs extends NativeTask {
        private final PyDict dict;
        private final Object it;
        private final String[] kwNames;
        private final Object[] kwValues;
        private final Object result;
        private int i;

        DictPairs(PyDict dict, Object it, String[] kwNames, Object[] kwValues, Object result) {
            this.dict = dict;
            this.it = it;
            this.kwNames = kwNames;
            this.kwValues = kwValues;
            this.result = result;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    if (kwNames != null) {
                        for (int k = 0; k < kwNames.length; k++) {
                            dict.put(kwNames[k], kwValues[k]);
                        }
                    }
                    return result;
                }
                if (v != START) {
                    addPair(dict, v, i++);
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }

        static void addPair(PyDict d, Object x, int i) {
            Object[] kv;
            try {
                kv = Sequences.toArray(x);
            } catch (PyError e) {
                if (e.exc.isA(Types.TYPE_ERROR)) {
                    throw Py.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
                }
                throw e;
            }
            if (kv.length != 2) {
                throw Py.valueError("dictionary update sequence element #" + i + " has length " + kv.length
                        + "; 2 is required");
            }
            d.put(kv[0], kv[1]);
        }
    }

    /**
     * {@code sum(iterable, start)} as CPython 3.12 computes it: exact C-long integers while they last, then floats
     * with Neumaier's compensated summation (ints added to a float sum are not compensated), then {@code +}.
     */
    static final class Sum extends NativeTask {
        private static final int INT = 0;
        private static final int FLOAT = 1;
        private static final int ANY = 2;
        private final Object it;
        private int mode;
        private long acc;
        private double f;
        private double c;
        private Object result;

        Sum(Object start, Object it) {
            this.it = it;
            if (start instanceof Long l) {
                mode = INT;
                acc = l;
            } else if (start instanceof Double d) {
                mode = FLOAT;
                f = d;
            } else {
                mode = ANY;
                result = start;
            }
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    return switch (mode) {
                        case INT -> Py.box(acc);
                        case FLOAT -> {
                            if (c != 0.0 && Double.isFinite(c)) {
                                f += c;
                            }
                            yield f;
                        }
                        default -> result;
                    };
                }
                if (v != START) {
                    t.charge(CostModel.PER_ITEM);
                    add(v);
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }

        private void add(Object item) {
            if (mode == INT) {
                if (item instanceof Long || item instanceof Boolean) {
                    long b = item instanceof Long l ? l : ((Boolean) item ? 1 : 0);
                    long r = acc + b;
                    if (((acc ^ r) & (b ^ r)) >= 0) {
                        acc = r;
                        return;
                    }
                }
                Object sum = Ops.add(Py.box(acc), item);
                if (sum instanceof Double d) {
                    mode = FLOAT;
                    f = d;
                    c = 0.0;
                } else {
                    mode = ANY;
                    result = sum;
                }
                return;
            }
            if (mode == FLOAT) {
                if (item instanceof Double d) {
                    double x = d;
                    double tt = f + x;
                    if (Math.abs(f) >= Math.abs(x)) {
                        c += (f - tt) + x;
                    } else {
                        c += (x - tt) + f;
                    }
                    f = tt;
                    return;
                }
                if (item instanceof Long || item instanceof Boolean) {
                    f += item instanceof Long l ? (double) l : ((Boolean) item ? 1.0 : 0.0);
                    return;
                }
                if (c != 0.0 && Double.isFinite(c)) {
                    f += c;
                }
                mode = ANY;
                result = Ops.add(f, item);
                return;
            }
            result = Ops.add(result, item);
        }
    }

    /** {@code min()} and {@code max()}: the first of the smallest (largest) items, by key. */
    static final class MinMax extends NativeTask {
        private final Object it;
        private final Object key;
        private final Object dflt;
        private final String name;
        private final boolean min;
        private Object best;
        private Object bestKey;
        /** The item whose key is being computed, or null. */
        private Object pending;

        MinMax(Object it, Object key, Object dflt, String name, boolean min) {
            this.it = it;
            this.key = key == Py.None ? null : key;
            this.dflt = dflt;
            this.name = name;
            this.min = min;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (pending != null) {
                    Object x = pending;
                    pending = null;
                    consider(x, v);
                } else if (v == END) {
                    if (best == null) {
                        if (dflt != null) {
                            return dflt;
                        }
                        throw Py.valueError(name + "() iterable argument is empty");
                    }
                    return best;
                } else if (v != START) {
                    if (key != null) {
                        pending = v;
                        return call(key, v);
                    }
                    consider(v, v);
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }

        private void consider(Object x, Object k) {
            if (best == null) {
                best = x;
                bestKey = k;
            } else if (min ? Ops.lt(k, bestKey) : Ops.truthy(Ops.compare(Ops.GT, k, bestKey))) {
                best = x;
                bestKey = k;
            }
        }
    }

    /** {@code any()} and {@code all()}. */
    static final class AnyAll extends NativeTask {
        private final Object it;
        private final boolean any;

        AnyAll(Object it, boolean any) {
            this.it = it;
            this.any = any;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    return !any;
                }
                if (v != START) {
                    t.charge(CostModel.PER_ITEM);
                    if (Ops.truthy(v) == any) {
                        return any;
                    }
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }

    /** {@code x in it} for an iterator whose items take Python code. */
    static final class Contains extends NativeTask {
        private final Object it;
        private final Object item;

        Contains(Object it, Object item) {
            this.it = it;
            this.item = item;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    return false;
                }
                if (v != START && Ops.eq(v, item)) {
                    return true;
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }

    /**
     * The keys of a sort with a key function (every key first, in order, as CPython does), then the sort. While
     * {@code list.sort} runs the list is empty, as in CPython; it is restored however the sort ends.
     */
    static final class SortKeys extends NativeTask {
        private final Sorting.Job job;
        private int i;

        SortKeys(Sorting.Job job) {
            this.job = job;
        }

        @Override
        Object step(PyThread t, Object v) {
            Object[] items = job.items;
            if (v != START) {
                job.keys[i++] = v;
            }
            if (i < items.length) {
                return call(job.key, items[i]);
            }
            return job.finish(t);
        }

        @Override
        void unwound(PyThread t, PyBaseException e) {
            job.restore();
        }
    }

    /** {@code functools.reduce(fn, iterable[, initial])}. */
    static final class Reduce extends NativeTask {
        private final Object fn;
        private final Object it;
        private Object acc;
        private boolean calling;

        Reduce(Object fn, Object it, Object initial) {
            this.fn = fn;
            this.it = it;
            this.acc = initial;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (calling) {
                    calling = false;
                    acc = v;
                } else if (v == END) {
                    if (acc == null) {
                        throw Py.typeError("reduce() of empty iterable with no initial value");
                    }
                    return acc;
                } else if (v != START) {
                    if (acc == null) {
                        acc = v;
                    } else {
                        calling = true;
                        return call(fn, acc, v);
                    }
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }

    /**
     * {@code a, b = it} (UNPACK_SEQUENCE, {@code before} &lt; 0: exactly {@code after} items, one more is an
     * error) and {@code a, *b, c = it} (UNPACK_EX): the items go on the caller's value stack.
     */
    static final class Unpack extends NativeTask {
        private final Object it;
        private final int before;
        private final int after;
        private Object[] items = new Object[8];
        private int n;

        Unpack(Object it, int before, int after) {
            this.it = it;
            this.before = before;
            this.after = after;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    if (before >= 0) {
                        PyThread.pushUnpackedEx(caller, Arrays.copyOf(items, n), before, after);
                        return NOTHING;
                    }
                    if (n < after) {
                        throw Py.valueError("not enough values to unpack (expected " + after + ", got " + n + ")");
                    }
                    for (int i = n - 1; i >= 0; i--) {
                        caller.s[caller.sp++] = items[i];
                    }
                    return NOTHING;
                }
                if (v != START) {
                    if (before < 0 && n == after) {
                        throw Py.valueError("too many values to unpack (expected " + after + ")");
                    }
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                    }
                    items[n++] = v;
                }
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }
    }
}
