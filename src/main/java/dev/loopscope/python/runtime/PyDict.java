package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Python's dict: insertion ordered, keys compared with Python equality and hashing ({@code 1}, {@code 1.0} and
 * {@code True} are one key). Entries live in parallel arrays in insertion order; an open-addressing index maps
 * hashes to entry positions. Deleted entries leave a hole that the next resize compacts.
 */
public class PyDict extends PyObject {

    private static final Object DELETED = new Object();

    Object[] keys;
    Object[] values;
    long[] hashes;
    /** Entry position + 1 per index slot; 0 is empty. */
    private int[] index;
    /** Entries used, holes included. */
    int end;
    private int count;
    /** Bumped on every insertion or deletion, so iterators can detect a size change. */
    public int version;
    /**
     * The size of CPython's keys table for the same insertions (log2; 0 before the first one) and the entries it
     * could still take, for {@code sys.getsizeof}.
     */
    int cpyLog2;
    int cpyUsable;

    private static final Object[] NO_OBJECTS = new Object[0];
    private static final long[] NO_HASHES = new long[0];
    private static final int[] NO_INDEX = new int[0];

    /** An empty dict; its tables are allocated by the first insertion (most instance dicts stay small). */
    public PyDict() {
        keys = NO_OBJECTS;
        values = NO_OBJECTS;
        hashes = NO_HASHES;
        index = NO_INDEX;
    }

    private void allocate() {
        keys = new Object[8];
        values = new Object[8];
        hashes = new long[8];
        index = new int[16];
    }

    @Override
    public PyType type() {
        return Types.DICT;
    }

    public int size() {
        return count;
    }

    /**
     * The hash a key is filed under. Strings use Java's cached hash rather than Python's {@code hash()}: lookups of
     * names stay cheap, and a dict's order is its insertion order whatever the hashes are.
     */
    static long keyHash(Object key) {
        return key instanceof String s ? s.hashCode() : Ops.hash(key);
    }

    private int find(Object key, long hash) {
        int mask = index.length - 1;
        int i = (int) hash & mask;
        long perturb = hash;
        while (true) {
            int slot = index[i];
            if (slot == 0) {
                return -1 - i;
            }
            int e = slot - 1;
            if (hashes[e] == hash) {
                Object k = keys[e];
                if (k == key || (k != DELETED && Ops.eqKey(k, key))) {
                    return e;
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    public Object get(Object key) {
        if (count == 0) {
            if (!(key instanceof String || key instanceof Long)) {
                keyHash(key); // an unhashable key is an error even in an empty dict
            }
            return null;
        }
        int e = find(key, keyHash(key));
        return e >= 0 ? values[e] : null;
    }

    /** A lookup with a string key (names in namespaces). */
    public Object getStr(String key) {
        if (count == 0) {
            return null;
        }
        long hash = key.hashCode();
        int mask = index.length - 1;
        int i = (int) hash & mask;
        long perturb = hash;
        while (true) {
            int slot = index[i];
            if (slot == 0) {
                return null;
            }
            int e = slot - 1;
            if (hashes[e] == hash) {
                Object k = keys[e];
                if (k == key || (k instanceof String s && s.equals(key))) {
                    return values[e];
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    public void put(Object key, Object value) {
        if (index.length == 0) {
            allocate();
        }
        long hash = keyHash(key);
        int e = find(key, hash);
        if (e >= 0) {
            values[e] = value;
            return;
        }
        insertNew(key, value, hash, -1 - e);
    }

    private void insertNew(Object key, Object value, long hash, int slot) {
        if (cpyLog2 == 0) {
            cpyLog2 = 3;
            cpyUsable = 5;
        } else if (cpyUsable == 0) {
            // CPython's insertion resize: a table for three times the live entries
            int log2 = 3;
            while ((1 << log2) < count * 3) {
                log2++;
            }
            cpyLog2 = log2;
            cpyUsable = ((1 << log2) << 1) / 3 - count;
        }
        cpyUsable--;
        if (end == keys.length) {
            grow();
            int f = find(key, hash);
            slot = -1 - f;
        }
        keys[end] = key;
        values[end] = value;
        hashes[end] = hash;
        index[slot] = end + 1;
        end++;
        count++;
        version++;
        if (end * 3 >= index.length * 2) {
            rebuild(keys.length);
        }
    }

    private void grow() {
        int cap = count * 2 < keys.length ? keys.length : keys.length * 2;
        rebuild(cap);
    }

    /** Compacts the entries into arrays of {@code cap} and rebuilds the index. */
    private void rebuild(int cap) {
        Object[] nk = new Object[cap];
        Object[] nv = new Object[cap];
        long[] nh = new long[cap];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (keys[i] != DELETED) {
                nk[n] = keys[i];
                nv[n] = values[i];
                nh[n] = hashes[i];
                n++;
            }
        }
        keys = nk;
        values = nv;
        hashes = nh;
        end = n;
        int isize = 16;
        while (isize * 2 <= cap * 3) {
            isize <<= 1;
        }
        index = new int[isize];
        int mask = isize - 1;
        for (int e = 0; e < n; e++) {
            long hash = nh[e];
            int i = (int) hash & mask;
            long perturb = hash;
            while (index[i] != 0) {
                perturb >>>= 5;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
            index[i] = e + 1;
        }
    }

    /** Removes {@code key}; returns its value or null when absent. */
    public Object remove(Object key) {
        if (count == 0) {
            return null;
        }
        int e = find(key, keyHash(key));
        if (e < 0) {
            return null;
        }
        Object v = values[e];
        keys[e] = DELETED;
        values[e] = null;
        count--;
        version++;
        if (count == 0) {
            clear();
        }
        return v;
    }

    public void clear() {
        keys = NO_OBJECTS;
        values = NO_OBJECTS;
        hashes = NO_HASHES;
        index = NO_INDEX;
        end = 0;
        count = 0;
        cpyLog2 = 0;
        version++;
    }

    /** Key at entry position {@code i}, or null for a hole. */
    /** The entry position of string {@code key}, or -1 (for lookup caches, valid while {@link #version} holds). */
    int indexOfStr(String key) {
        if (count == 0) {
            return -1;
        }
        long hash = key.hashCode();
        int mask = index.length - 1;
        int i = (int) hash & mask;
        long perturb = hash;
        while (true) {
            int slot = index[i];
            if (slot == 0) {
                return -1;
            }
            int e = slot - 1;
            if (hashes[e] == hash) {
                Object k = keys[e];
                if (k == key || (k instanceof String s && s.equals(key))) {
                    return e;
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    public Object keyAt(int i) {
        Object k = keys[i];
        return k == DELETED ? null : k;
    }

    public Object valueAt(int i) {
        return values[i];
    }

    /** Entry positions run from 0 to {@code end()} exclusive; holes have a null key. */
    public int end() {
        return end;
    }

    public List<Object> keyList() {
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < end; i++) {
            if (keys[i] != DELETED) {
                out.add(keys[i]);
            }
        }
        return out;
    }

    public List<Object> valueList() {
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < end; i++) {
            if (keys[i] != DELETED) {
                out.add(values[i]);
            }
        }
        return out;
    }

    public PyDict copy() {
        PyDict d = new PyDict();
        if (index.length == 0) {
            return d;
        }
        d.keys = Arrays.copyOf(keys, keys.length);
        d.values = Arrays.copyOf(values, values.length);
        d.hashes = Arrays.copyOf(hashes, hashes.length);
        d.index = Arrays.copyOf(index, index.length);
        d.end = end;
        d.count = count;
        d.cpyLog2 = cpyLog2;
        d.cpyUsable = cpyUsable;
        return d;
    }

    public void putAll(PyDict other) {
        for (int i = 0; i < other.end; i++) {
            Object k = other.keys[i];
            if (k != DELETED) {
                put(k, other.values[i]);
            }
        }
    }

    /** Removes and returns the last entry as {key, value}, or null when empty. */
    public Object[] popLast() {
        for (int i = end - 1; i >= 0; i--) {
            if (keys[i] != DELETED) {
                Object[] kv = {keys[i], values[i]};
                remove(keys[i]);
                return kv;
            }
        }
        return null;
    }

    /** An instance of a Python class derived from dict. */
    public static final class Sub extends PyDict implements HasDict {
        final PyType type;
        final PyDict dict = new PyDict();

        Sub(PyType type) {
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public PyDict instanceDict() {
            return dict;
        }
    }
}
