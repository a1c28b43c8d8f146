package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Indexing, slicing and repetition of lists, tuples, strings, ranges and bytes. */
final class Sequences {

    private Sequences() {
    }

    private static PyError indexTypeError(String kind, Object key) {
        return Py.typeError(kind + " indices must be integers or slices, not " + Py.typeName(key));
    }

    private static boolean isIndex(Object key) {
        return key instanceof Long || key instanceof Boolean || key instanceof java.math.BigInteger
                || key instanceof PyInstance inst && inst.type.lookup("__index__") != null;
    }

    private static long normIndex(Object key, long size, String what) {
        long i;
        try {
            i = Ops.index(key);
        } catch (PyError e) {
            if (e.exc.isA(Types.OVERFLOW_ERROR)) {
                throw Py.indexError("cannot fit 'int' into an index-sized integer");
            }
            throw e;
        }
        if (i < 0) {
            i += size;
        }
        if (i < 0 || i >= size) {
            throw Py.indexError(what + " index out of range");
        }
        return i;
    }

    static Object listGetItem(PyList l, Object key) {
        if (key instanceof PySlice s) {
            long[] ix = s.indices(l.size);
            return new PyList(slice(l.items, ix), (int) ix[3]);
        }
        if (!isIndex(key)) {
            throw indexTypeError("list", key);
        }
        return l.items[(int) normIndex(key, l.size, "list")];
    }

    static Object[] slice(Object[] items, long[] ix) {
        int n = (int) ix[3];
        if (ix[2] == 1) {
            return Arrays.copyOfRange(items, (int) ix[0], (int) ix[0] + n);
        }
        Object[] out = new Object[n];
        long j = ix[0];
        for (int i = 0; i < n; i++, j += ix[2]) {
            out[i] = items[(int) j];
        }
        return out;
    }

    static Object tupleGetItem(PyTuple t, Object key) {
        if (key instanceof Long k) {
            long i = k;
            if (i < 0) {
                i += t.items.length;
            }
            if (i < 0 || i >= t.items.length) {
                throw Py.indexError("tuple index out of range");
            }
            return t.items[(int) i];
        }
        if (key instanceof PySlice s) {
            long[] ix = s.indices(t.items.length);
            if (ix[2] == 1 && ix[3] == t.items.length) {
                return t;
            }
            return PyTuple.of(slice(t.items, ix));
        }
        if (!isIndex(key)) {
            throw Py.typeError("tuple indices must be integers or slices, not " + Py.typeName(key));
        }
        return t.items[(int) normIndex(key, t.items.length, "tuple")];
    }

    static Object strGetItem(String s, Object key) {
        boolean bmp = Strings.isBmp(s);
        if (key instanceof PySlice sl) {
            if (bmp) {
                long[] ix = sl.indices(s.length());
                int n = (int) ix[3];
                if (ix[2] == 1) {
                    return s.substring((int) ix[0], (int) ix[0] + n);
                }
                StringBuilder sb = new StringBuilder(n);
                long j = ix[0];
                for (int i = 0; i < n; i++, j += ix[2]) {
                    sb.append(s.charAt((int) j));
                }
                return sb.toString();
            }
            int[] cps = s.codePoints().toArray();
            long[] ix = sl.indices(cps.length);
            StringBuilder sb = new StringBuilder();
            long j = ix[0];
            for (int i = 0; i < ix[3]; i++, j += ix[2]) {
                sb.appendCodePoint(cps[(int) j]);
            }
            return sb.toString();
        }
        if (!isIndex(key)) {
            throw Py.typeError("string indices must be integers, not '" + Py.typeName(key) + "'");
        }
        if (bmp) {
            return Strings.charString(s.charAt((int) normIndex(key, s.length(), "string")));
        }
        int[] cps = s.codePoints().toArray();
        return new String(cps, (int) normIndex(key, cps.length, "string"), 1);
    }

    static Object rangeGetItem(PyRange r, Object key) {
        if (key instanceof PySlice sl) {
            long[] ix = sl.indices(r.length);
            long start = r.start + ix[0] * r.step;
            long step = r.step * ix[2];
            long stop = r.start + ix[1] * r.step; // CPython maps the slice's stop index, not its length
            return new PyRange(start, stop, step);
        }
        if (!isIndex(key)) {
            throw Py.typeError("range indices must be integers or slices, not " + Py.typeName(key));
        }
        if (key instanceof java.math.BigInteger) {
            throw Py.indexError("range object index out of range");
        }
        long i = Ops.index(key);
        if (i < 0) {
            i += r.length;
        }
        if (i < 0 || i >= r.length) {
            throw Py.indexError("range object index out of range");
        }
        return Py.box(r.get(i));
    }

    static Object bytesGetItem(byte[] b, Object key) {
        if (key instanceof PySlice sl) {
            long[] ix = sl.indices(b.length);
            byte[] out = new byte[(int) ix[3]];
            long j = ix[0];
            for (int i = 0; i < out.length; i++, j += ix[2]) {
                out[i] = b[(int) j];
            }
            return out;
        }
        if (!isIndex(key)) {
            throw Py.typeError("byte indices must be integers or slices, not " + Py.typeName(key));
        }
        return Py.box(b[(int) normIndex(key, b.length, "index")] & 0xff);
    }

    static void listSetItem(PyList l, Object key, Object value) {
        if (key instanceof Long k) {
            long i = k;
            if (i < 0) {
                i += l.size;
            }
            if (i < 0 || i >= l.size) {
                throw Py.indexError("list assignment index out of range");
            }
            l.items[(int) i] = value;
            return;
        }
        if (key instanceof PySlice s) {
            long[] ix = s.indices(l.size);
            Object[] src = value == l ? l.toArray()
                    : toArray(value, ix[2] == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
            if (ix[2] == 1) {
                int start = (int) ix[0];
                int stop = Math.max(start, (int) ix[1]);
                int newSize = l.size - (stop - start) + src.length;
                Object[] items = new Object[Math.max(4, newSize)];
                System.arraycopy(l.items, 0, items, 0, start);
                System.arraycopy(src, 0, items, start, src.length);
                System.arraycopy(l.items, stop, items, start + src.length, l.size - stop);
                l.items = items;
                l.size = newSize;
                return;
            }
            if (src.length != ix[3]) {
                throw Py.valueError("attempt to assign sequence of size " + src.length
                        + " to extended slice of size " + ix[3]);
            }
            long j = ix[0];
            for (Object o : src) {
                l.items[(int) j] = o;
                j += ix[2];
            }
            return;
        }
        if (!isIndex(key)) {
            throw indexTypeError("list", key);
        }
        l.items[(int) normIndex(key, l.size, "list assignment")] = value;
    }

    static void listDelItem(PyList l, Object key) {
        if (key instanceof PySlice s) {
            long[] ix = s.indices(l.size);
            if (ix[3] == 0) {
                return;
            }
            boolean[] drop = new boolean[l.size];
            long j = ix[0];
            for (int i = 0; i < ix[3]; i++, j += ix[2]) {
                drop[(int) j] = true;
            }
            int w = 0;
            for (int i = 0; i < l.size; i++) {
                if (!drop[i]) {
                    l.items[w++] = l.items[i];
                }
            }
            Arrays.fill(l.items, w, l.size, null);
            l.size = w;
            return;
        }
        if (!isIndex(key)) {
            throw indexTypeError("list", key);
        }
        l.removeAt((int) normIndex(key, l.size, "list assignment"));
    }

    static Object repeat(Object seq, Object countObj, boolean inplace) {
        long count;
        if (countObj instanceof java.math.BigInteger) {
            throw Py.overflowError("cannot fit 'int' into an index-sized integer");
        } else {
            count = Math.max(0, Ops.index(countObj));
        }
        if (seq instanceof String s) {
            if (count * s.length() > Integer.MAX_VALUE / 2) {
                throw Py.error(Types.MEMORY_ERROR, null);
            }
            return s.repeat((int) count);
        }
        if (seq instanceof PyList l) {
            long n = count * l.size;
            if (n > Integer.MAX_VALUE / 2) {
                throw Py.error(Types.MEMORY_ERROR, null);
            }
            Object[] items = new Object[(int) Math.max(n, 4)];
            for (int i = 0; i < count; i++) {
                System.arraycopy(l.items, 0, items, i * l.size, l.size);
            }
            if (inplace) {
                l.items = items;
                l.size = (int) n;
                return l;
            }
            return new PyList(items, (int) n);
        }
        if (seq instanceof PyTuple t) {
            if (count == 1) {
                return t;
            }
            long n = count * t.items.length;
            if (n > Integer.MAX_VALUE / 2) {
                throw Py.error(Types.MEMORY_ERROR, null);
            }
            Object[] items = new Object[(int) n];
            for (int i = 0; i < count; i++) {
                System.arraycopy(t.items, 0, items, i * t.items.length, t.items.length);
            }
            return PyTuple.of(items);
        }
        byte[] b = (byte[]) seq;
        byte[] out = new byte[(int) (b.length * count)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(b, 0, out, i * b.length, b.length);
        }
        return out;
    }

    static void extend(PyList l, Object iterable) {
        if (iterable instanceof PyList o) {
            int n = o.size;
            l.extending(n);
            l.ensure(l.size + n);
            System.arraycopy(o.items, 0, l.items, l.size, n);
            l.size += n;
            return;
        }
        if (iterable instanceof PyTuple t) {
            l.extending(t.items.length);
            l.ensure(l.size + t.items.length);
            System.arraycopy(t.items, 0, l.items, l.size, t.items.length);
            l.size += t.items.length;
            return;
        }
        Object it = Ops.iter(iterable);
        Object x;
        while ((x = Ops.next(it)) != null) {
            l.append(x);
        }
    }

    /** The items of any iterable. With a {@code notIterable} message, a TypeError from iter() is replaced by it. */
    static Object[] toArray(Object iterable, String notIterable) {
        if (iterable instanceof PyList l) {
            return l.toArray();
        }
        if (iterable instanceof PyTuple t) {
            return t.items;
        }
        Object it;
        try {
            it = Ops.iter(iterable);
        } catch (PyError e) {
            if (notIterable != null && e.exc.isA(Types.TYPE_ERROR)) {
                throw Py.typeError(notIterable);
            }
            throw e;
        }
        List<Object> out = new ArrayList<>();
        Object x;
        while ((x = Ops.next(it)) != null) {
            out.add(x);
        }
        return out.toArray();
    }

    static Object[] toArray(Object iterable) {
        return toArray(iterable, null);
    }
}
