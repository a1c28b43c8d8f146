package dev.loopscope.python.runtime;

import dev.loopscope.engine.LibraryFrame;
import java.util.Arrays;

/**
 * The {@code heapq} module: the heap functions on lists (CPython's {@code _heapq}, with the same comparisons, all
 * {@code <}, in the same order), {@code nlargest} and {@code nsmallest} (the first n of a stable sort, as CPython
 * documents them) and {@code merge}, a lazy iterator like CPython's generator. Also the heap that
 * {@code queue.PriorityQueue} and {@code asyncio.PriorityQueue} keep.
 */
public final class Heapq {

    private Heapq() {
    }

    /** What {@code merge} returns: a generator in CPython. */
    static final PyType MERGE = new PyType("generator", "builtins", true, Types.OBJECT);

    private static boolean less(Object a, Object b) {
        return Ops.truthy(Ops.compare(Ops.LT, a, b));
    }

    /** {@code heappush}: appends and moves the item up while it is less than its parent. */
    public static void push(PyList heap, Object item) {
        heap.append(item);
        siftDown(heap, 0, heap.size - 1);
    }

    /** {@code heappop}: the smallest item; IndexError on an empty heap. */
    public static Object pop(PyList heap) {
        if (heap.size == 0) {
            throw Py.indexError("index out of range");
        }
        Object last = heap.removeAt(heap.size - 1);
        if (heap.size == 0) {
            return last;
        }
        Object top = heap.get(0);
        heap.items[0] = last;
        siftUp(heap, 0);
        return top;
    }

    /** Moves the item at {@code pos} towards the root while it is less than its parent (not above {@code start}). */
    private static void siftDown(PyList heap, int start, int pos) {
        Object item = heap.get(pos);
        while (pos > start) {
            int parent = (pos - 1) >> 1;
            Object p = heap.get(parent);
            if (!less(item, p)) {
                break;
            }
            heap.items[pos] = p;
            pos = parent;
        }
        heap.items[pos] = item;
    }

    /**
     * Takes the item at {@code pos} out, moves the smaller child up level by level to a leaf, puts the item there
     * and lets it rise back: fewer comparisons than stopping early, and CPython's order of comparisons.
     */
    private static void siftUp(PyList heap, int pos) {
        int end = heap.size;
        int start = pos;
        Object item = heap.get(pos);
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !less(heap.get(child), heap.get(right))) {
                child = right;
            }
            heap.items[pos] = heap.get(child);
            pos = child;
            child = 2 * pos + 1;
        }
        heap.items[pos] = item;
        siftDown(heap, start, pos);
    }

    private static void charge(PyThread t, int n) {
        if (t != null) {
            t.charge((long) CostModel.PER_SORT_COMPARISON * Math.max(1, 32 - Integer.numberOfLeadingZeros(n)));
        }
    }

    private static PyList heapArg(String fname, Object o, boolean numbered) {
        if (o instanceof PyList l) {
            return l;
        }
        throw Py.typeError(fname + "() argument" + (numbered ? " 1" : "") + " must be list, not " + Py.typeName(o));
    }

    private static void one(String fname, Object[] a, String[] kw) {
        if (kw != null && kw.length > 0) {
            throw Py.typeError("_heapq." + fname + "() takes no keyword arguments");
        }
        if (a.length != 1) {
            throw Py.typeError("_heapq." + fname + "() takes exactly one argument (" + a.length + " given)");
        }
    }

    private static void two(String fname, Object[] a, String[] kw) {
        if (kw != null && kw.length > 0) {
            throw Py.typeError("_heapq." + fname + "() takes no keyword arguments");
        }
        if (a.length != 2) {
            throw Py.typeError(fname + " expected 2 arguments, got " + a.length);
        }
    }

    static PyModule create() {
        PyModule m = new PyModule("heapq");
        m.def("heappush", (t, a, kw) -> {
            two("heappush", a, kw);
            PyList heap = heapArg("heappush", a[0], true);
            push(heap, a[1]);
            charge(t, heap.size);
            return Py.None;
        });
        m.def("heappop", (t, a, kw) -> {
            one("heappop", a, kw);
            PyList heap = heapArg("heappop", a[0], false);
            charge(t, heap.size);
            return pop(heap);
        });
        m.def("heapify", (t, a, kw) -> {
            one("heapify", a, kw);
            PyList heap = heapArg("heapify", a[0], false);
            for (int i = heap.size / 2 - 1; i >= 0; i--) {
                siftUp(heap, i);
            }
            if (t != null) {
                t.charge((long) CostModel.PER_ITEM * heap.size);
            }
            return Py.None;
        });
        m.def("heapreplace", (t, a, kw) -> {
            two("heapreplace", a, kw);
            PyList heap = heapArg("heapreplace", a[0], true);
            if (heap.size == 0) {
                throw Py.indexError("index out of range");
            }
            Object top = heap.get(0);
            heap.items[0] = a[1];
            siftUp(heap, 0);
            charge(t, heap.size);
            return top;
        });
        m.def("heappushpop", (t, a, kw) -> {
            two("heappushpop", a, kw);
            PyList heap = heapArg("heappushpop", a[0], true);
            if (heap.size == 0 || !less(heap.get(0), a[1])) {
                return a[1];
            }
            Object top = heap.get(0);
            heap.items[0] = a[1];
            siftUp(heap, 0);
            charge(t, heap.size);
            return top;
        });
        m.def("nlargest", (t, a, kw) -> best(t, a, kw, "nlargest", true));
        m.def("nsmallest", (t, a, kw) -> best(t, a, kw, "nsmallest", false));
        m.def("merge", (t, a, kw) -> {
            Object key = Py.None;
            boolean reverse = false;
            int nkw = kw == null ? 0 : kw.length;
            for (int k = 0; k < nkw; k++) {
                Object v = a[a.length - nkw + k];
                switch (kw[k]) {
                    case "key" -> key = v;
                    case "reverse" -> reverse = Ops.truthy(v);
                    default -> throw Py.typeError("merge() got an unexpected keyword argument '" + kw[k] + "'");
                }
            }
            return new Merge(Arrays.copyOfRange(a, 0, a.length - nkw), key, reverse);
        });
        return m;
    }

    /** {@code nlargest} / {@code nsmallest}: the first n items of the list sorted (stably) by key. */
    private static Object best(PyThread t, Object[] a, String[] kw, String fname, boolean largest) {
        Object[] p = Args.parsePython(fname, a, kw, 2, 3, new String[] {"n", "iterable", "key"}, Py.None);
        Object n = p[0];
        Object key = p[2];
        Object iterable = p[1];
        if (!Py.isInt(n)) {
            if (!(n instanceof Double)) {
                Ops.compare(Ops.GE, n, 0L);
            }
            Ops.iter(iterable);
            throw Py.typeError("slice indices must be integers or None or have an __index__ method");
        }
        long count = n instanceof java.math.BigInteger b ? (b.signum() < 0 ? -1 : Long.MAX_VALUE) : Ops.index(n);
        boolean sized = iterable instanceof PyList || iterable instanceof PyTuple || iterable instanceof PyRange
                || iterable instanceof String || iterable instanceof PyDict || iterable instanceof PySet;
        Object it = Ops.iter(iterable);
        if (count != 1 && (!sized || count < Ops.len(iterable)) && count <= 0) {
            return new PyList();
        }
        return NativeTask.run(t, new Best(it, key, count, !largest, sized && count >= Ops.len(iterable)));
    }

    /**
     * {@code nsmallest} / {@code nlargest}: takes the items (and their keys, each as its item arrives), then the
     * first n of a stable sort. An exception passing through shows the line of CPython's heapq.py that was at
     * the same work.
     */
    static final class Best extends NativeTask {
        private final Object it;
        private final Object key;
        private final long n;
        private final boolean smallest;
        private final boolean sortsAll;
        private final java.util.List<Object> items = new java.util.ArrayList<>();
        private final java.util.List<Object> keys = new java.util.ArrayList<>();
        private Object pending;
        private boolean keying;
        private LibraryFrame where;

        Best(Object it, Object key, long n, boolean smallest, boolean sortsAll) {
            this.it = it;
            this.key = key;
            this.n = n;
            this.smallest = smallest;
            this.sortsAll = sortsAll;
        }

        @Override
        Object step(PyThread t, Object v) {
            while (true) {
                if (v == END) {
                    where = place(MIN_MAX, SORTED, null, null);
                    return finish(t);
                }
                if (v != START) {
                    if (keying) {
                        keying = false;
                        items.add(pending);
                        keys.add(v);
                        pending = null;
                    } else if (key != Py.None) {
                        pending = v;
                        keying = true;
                        where = place(MIN_MAX, SORTED, KEY_FIRST_CALL, KEY_CALL);
                        return call(key, v);
                    } else {
                        items.add(v);
                        keys.add(v);
                    }
                }
                where = key == Py.None ? place(MIN_MAX, SORTED, FIRST, REST) : place(MIN_MAX, SORTED, KEY_FIRST, KEY_REST);
                v = pull(it);
                if (v == NEED) {
                    return next(it);
                }
            }
        }

        /** The place for the current item: by path (n == 1, all sorted) or by whether it is among the first n. */
        private LibraryFrame place(int one, int all, Integer early, Integer late) {
            int which = n == 1 ? one : sortsAll ? all : early == null ? -1 : items.size() < n ? early : late;
            return which < 0 ? null : FRAMES[smallest ? 0 : 1][which];
        }

        private Object finish(PyThread t) {
            int size = items.size();
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            mergeSort(order, new Integer[size], 0, size);
            if (t != null) {
                t.charge((long) size * Math.max(1, 32 - Integer.numberOfLeadingZeros(size))
                        * CostModel.PER_SORT_COMPARISON);
            }
            int k = (int) Math.min(n, size);
            Object[] out = new Object[k];
            for (int i = 0; i < k; i++) {
                out[i] = items.get(order[i]);
            }
            return PyList.of(out);
        }

        /** Whether item a goes strictly before item b. */
        private boolean before(int a, int b) {
            return smallest ? less(keys.get(a), keys.get(b)) : less(keys.get(b), keys.get(a));
        }

        private void mergeSort(Integer[] a, Integer[] tmp, int lo, int hi) {
            if (hi - lo < 2) {
                return;
            }
            int mid = (lo + hi) >>> 1;
            mergeSort(a, tmp, lo, mid);
            mergeSort(a, tmp, mid, hi);
            int i = lo;
            int j = mid;
            int o = lo;
            while (i < mid && j < hi) {
                tmp[o++] = before(a[j], a[i]) ? a[j++] : a[i++];
            }
            while (i < mid) {
                tmp[o++] = a[i++];
            }
            while (j < hi) {
                tmp[o++] = a[j++];
            }
            System.arraycopy(tmp, lo, a, lo, hi - lo);
        }

        @Override
        void unwound(PyThread t, PyBaseException e) {
            if (where != null) {
                e.traceback = new Traceback(null, 0, where, e.traceback);
            }
        }
    }

    private static final int MIN_MAX = 0;
    private static final int SORTED = 1;
    private static final int FIRST = 2;
    private static final int REST = 3;
    private static final int KEY_FIRST = 4;
    private static final int KEY_FIRST_CALL = 5;
    private static final int KEY_REST = 6;
    private static final int KEY_CALL = 7;
    private static final LibraryFrame[][] FRAMES = {
        {LibraryFrame.NSMALLEST_MIN, LibraryFrame.NSMALLEST_SORTED, LibraryFrame.NSMALLEST_FIRST,
            LibraryFrame.NSMALLEST_REST, LibraryFrame.NSMALLEST_KEY_FIRST, LibraryFrame.NSMALLEST_KEY_FIRST_CALL,
            LibraryFrame.NSMALLEST_KEY_REST, LibraryFrame.NSMALLEST_KEY_CALL},
        {LibraryFrame.NLARGEST_MAX, LibraryFrame.NLARGEST_SORTED, LibraryFrame.NLARGEST_FIRST,
            LibraryFrame.NLARGEST_REST, LibraryFrame.NLARGEST_KEY_FIRST, LibraryFrame.NLARGEST_KEY_FIRST_CALL,
            LibraryFrame.NLARGEST_KEY_REST, LibraryFrame.NLARGEST_KEY_CALL}};

    /**
     * {@code merge(*iterables, key=None, reverse=False)}: the smallest (largest) head of the iterables each time,
     * the earlier iterable first on ties; once one iterable is left its items follow as they come, without keys.
     */
    static final class Merge extends Itertools.Iter {
        final Object[] iterables;
        final Object key;
        final boolean reverse;
        Object[] its;
        Object[] heads;
        Object[] keys;
        boolean[] alive;
        int live;
        /** The iterable whose head was given last, to be refilled first; -1 before the start. */
        int taken = -1;
        boolean begun;
        /** Only one iterable is left: its items go straight through. */
        Object tail;

        Merge(Object[] iterables, Object key, boolean reverse) {
            super(MERGE);
            this.iterables = iterables;
            this.key = key;
            this.reverse = reverse;
            this.runsPython = true;
        }

        @Override
        NativeTask item() {
            return new NativeTask() {
                /** The slot being filled, and whether the request was for its key. */
                int filling = -1;
                boolean keying;
                /** Filling from the start, when every first item gets its key. */
                boolean starting;
                /** Where CPython's merge would be at the work in hand, for a traceback passing through. */
                LibraryFrame where;

                private LibraryFrame at(LibraryFrame plain, LibraryFrame keyed) {
                    return key == Py.None ? plain : keyed;
                }

                @Override
                void unwound(PyThread t, PyBaseException e) {
                    if (where != null) {
                        e.traceback = new Traceback(null, 0, where, e.traceback);
                    }
                }

                @Override
                Object step(PyThread t, Object v) {
                    if (tail != null) {
                        if (v == START) {
                            where = at(LibraryFrame.MERGE_TAIL, LibraryFrame.MERGE_KEY_TAIL);
                            return next(tail);
                        }
                        if (v == END) {
                            tail = Py.None;
                        }
                        return v;
                    }
                    if (v != START) {
                        if (keying) {
                            keying = false;
                            keys[filling] = v;
                            filling = -1;
                        } else if (v == END) {
                            alive[filling] = false;
                            live--;
                            filling = -1;
                        } else {
                            heads[filling] = v;
                            if (key != Py.None && (starting || live > 1)) {
                                keying = true;
                                where = starting ? LibraryFrame.MERGE_KEY_FIRST_CALL : LibraryFrame.MERGE_KEY_REFILL_CALL;
                                return call(key, v);
                            }
                            keys[filling] = v;
                            filling = -1;
                        }
                    } else if (!begun) {
                        begun = true;
                        its = new Object[iterables.length];
                        heads = new Object[its.length];
                        keys = new Object[its.length];
                        alive = new boolean[its.length];
                        live = its.length;
                        Arrays.fill(alive, true);
                    } else if (taken >= 0) {
                        filling = taken;
                        taken = -1;
                        where = at(LibraryFrame.MERGE_REFILL, LibraryFrame.MERGE_KEY_REFILL);
                        return next(its[filling]);
                    }
                    // start: take the first item of each iterable in turn
                    for (int i = 0; i < its.length; i++) {
                        if (its[i] == null && alive[i]) {
                            where = at(LibraryFrame.MERGE_ITER, LibraryFrame.MERGE_KEY_ITER);
                            its[i] = Ops.iter(iterables[i]);
                            filling = i;
                            starting = true;
                            where = at(LibraryFrame.MERGE_FIRST, LibraryFrame.MERGE_KEY_FIRST);
                            return next(its[i]);
                        }
                    }
                    where = null;
                    int best = -1;
                    for (int i = 0; i < its.length; i++) {
                        if (alive[i] && (best < 0
                                || (reverse ? less(keys[best], keys[i]) : less(keys[i], keys[best])))) {
                            best = i;
                        }
                    }
                    if (best < 0) {
                        return END;
                    }
                    if (live == 1) {
                        tail = its[best];
                    } else {
                        taken = best;
                    }
                    return heads[best];
                }
            };
        }
    }
}
