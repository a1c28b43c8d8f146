package dev.loopscope.python.runtime;

/**
 * list.sort and sorted(): a stable merge sort that, like CPython's, only asks whether a later item is less than
 * an earlier one, so comparison errors name the same operand types.
 */
final class Sorting {

    private Sorting() {
    }

    /**
     * Sorts {@code list} ({@code inPlace}: for {@code list.sort}, which returns None; else for {@code sorted},
     * which returns the list): at once when there is no key function or it is written in Java, else as a task
     * that calls the key on the thread.
     */
    static Object sort(PyThread t, PyList list, Object key, boolean reverse, boolean inPlace) {
        Job job = new Job(list, key, reverse, inPlace);
        if (key == Py.None) {
            return job.finish(t);
        }
        return NativeTask.run(t, new IterTasks.SortKeys(job));
    }

    /**
     * One sort: {@link #items} (a copy of the list's), their {@link #keys} (the items themselves without a key
     * function) to be filled in, and the list. For {@code list.sort} ({@code inPlace}) the list is empty until the
     * sort ends, as in CPython, so that key functions and comparisons see it empty and changes to it are caught.
     */
    static final class Job {
        final PyList list;
        final Object key;
        final boolean reverse;
        final boolean inPlace;
        final Object[] items;
        final Object[] keys;
        private final Object[] savedItems;
        private final int savedSize;
        private final Object[] empty;
        private boolean finished;

        Job(PyList list, Object key, boolean reverse, boolean inPlace) {
            this.list = list;
            this.key = key;
            this.reverse = reverse;
            this.inPlace = inPlace;
            int n = list.size;
            this.items = java.util.Arrays.copyOf(list.items, n);
            this.keys = key == Py.None ? items : new Object[n];
            this.savedItems = list.items;
            this.savedSize = n;
            if (inPlace) {
                empty = new Object[4];
                list.items = empty;
                list.size = 0;
            } else {
                empty = null;
            }
        }

        /** The sort failed: the list as it was. */
        void restore() {
            if (inPlace && !finished) {
                list.items = savedItems;
                list.size = savedSize;
            }
        }

        /** With every key known: sorts; the result of the builtin (the list, or None for list.sort). */
        Object finish(PyThread t) {
            int n = items.length;
            if (reverse) {
                reverse(items, n);
                if (keys != items) {
                    reverse(keys, n);
                }
            }
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            int[] tmp = new int[n];
            if (t != null) {
                t.charge((long) (n * Math.max(1, 32 - Integer.numberOfLeadingZeros(n))) * CostModel.PER_SORT_COMPARISON);
            }
            try {
                mergeSort(idx, tmp, 0, n, keys);
            } catch (PyError e) {
                if (reverse) {
                    reverse(items, n);
                }
                restore();
                throw e;
            }
            Object[] out = new Object[Math.max(4, n)];
            for (int i = 0; i < n; i++) {
                out[i] = items[idx[i]];
            }
            if (reverse) {
                reverse(out, n);
            }
            boolean modified = inPlace && (list.items != empty || list.size != 0);
            list.items = out;
            list.size = n;
            finished = true;
            if (modified) {
                throw Py.valueError("list modified during sort");
            }
            return inPlace ? Py.None : list;
        }
    }

    private static void reverse(Object[] a, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            Object x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    private static void mergeSort(int[] idx, int[] tmp, int lo, int hi, Object[] keys) {
        if (hi - lo <= 16) {
            // binary insertion sort: is the new item less than an earlier one?
            for (int i = lo + 1; i < hi; i++) {
                int pivot = idx[i];
                int l = lo;
                int r = i;
                while (l < r) {
                    int mid = (l + r) >>> 1;
                    if (Ops.lt(keys[pivot], keys[idx[mid]])) {
                        r = mid;
                    } else {
                        l = mid + 1;
                    }
                }
                System.arraycopy(idx, l, idx, l + 1, i - l);
                idx[l] = pivot;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(idx, tmp, lo, mid, keys);
        mergeSort(idx, tmp, mid, hi, keys);
        if (!Ops.lt(keys[idx[mid]], keys[idx[mid - 1]])) {
            return;
        }
        System.arraycopy(idx, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            if (Ops.lt(keys[tmp[j]], keys[tmp[i]])) {
                idx[o++] = tmp[j++];
            } else {
                idx[o++] = tmp[i++];
            }
        }
        while (i < mid) {
            idx[o++] = tmp[i++];
        }
        while (j < hi) {
            idx[o++] = tmp[j++];
        }
    }
}
