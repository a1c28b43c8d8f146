package dev.loopscope.python.runtime;

/**
 * list.sort and sorted(): a stable merge sort that, like CPython's, only asks whether a later item is less than
 * an earlier one, so comparison errors name the same operand types.
 */
final class Sorting {

    private Sorting() {
    }

    static void sort(PyThread t, PyList list, Object key, boolean reverse) {
        int n = list.size;
        Object[] items = java.util.Arrays.copyOf(list.items, n);
        Object[] keys = items;
        if (key != Py.None) {
            keys = new Object[n];
            for (int i = 0; i < n; i++) {
                keys[i] = Ops.call(key, items[i]);
            }
        }
        if (reverse) {
            reverse(items, n);
            if (keys != items) {
                reverse(keys, n);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Object[] k = keys;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        if (t != null) {
            t.charge((long) (n * Math.max(1, 32 - Integer.numberOfLeadingZeros(n))) * 10);
        }
        mergeSort(idx, tmp, 0, n, k);
        Object[] out = new Object[Math.max(4, n)];
        for (int i = 0; i < n; i++) {
            out[i] = items[idx[i]];
        }
        if (reverse) {
            reverse(out, n);
        }
        list.items = out;
        list.size = n;
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
