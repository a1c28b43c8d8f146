package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's set and frozenset. The table follows CPython's layout rules (start size 8, linear probes then
 * perturbation, growth when three fifths full) because a set's iteration order, and so what {@code print}
 * shows, comes from where its elements land.
 */
public class PySet extends PyObject {

    private static final Object DUMMY = new Object();
    private static final int LINEAR_PROBES = 9;

    public final boolean frozen;
    Object[] keys = new Object[8];
    long[] hashes = new long[8];
    int mask = 7;
    int fill;
    int used;
    private int finger;

    public PySet(boolean frozen) {
        this.frozen = frozen;
    }

    public PySet() {
        this(false);
    }

    @Override
    public PyType type() {
        return frozen ? Types.FROZENSET : Types.SET;
    }

    public int size() {
        return used;
    }

    public boolean contains(Object key) {
        long hash = Ops.hash(key);
        return findEntry(key, hash) >= 0;
    }

    private int findEntry(Object key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            int j = i;
            do {
                Object k = keys[j];
                if (k == null) {
                    return -1;
                }
                if (hashes[j] == hash && k != DUMMY && (k == key || Ops.eqKey(k, key))) {
                    return j;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    public void add(Object key) {
        addHashed(key, Ops.hash(key));
    }

    private void addHashed(Object key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        int freeSlot = -1;
        while (true) {
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            int j = i;
            do {
                Object k = keys[j];
                if (k == null) {
                    if (freeSlot >= 0) {
                        used++;
                        keys[freeSlot] = key;
                        hashes[freeSlot] = hash;
                        return;
                    }
                    fill++;
                    used++;
                    keys[j] = key;
                    hashes[j] = hash;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return;
                }
                if (k == DUMMY) {
                    if (freeSlot < 0) {
                        freeSlot = j;
                    }
                } else if (hashes[j] == hash && (k == key || Ops.eqKey(k, key))) {
                    return;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    private static void insertClean(Object[] table, long[] th, int mask, Object key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            int j = i;
            do {
                if (table[j] == null) {
                    table[j] = key;
                    th[j] = hash;
                    return;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    private void resize(int minUsed) {
        int size = 8;
        while (size <= minUsed) {
            size <<= 1;
        }
        Object[] ok = keys;
        long[] oh = hashes;
        keys = new Object[size];
        hashes = new long[size];
        mask = size - 1;
        fill = used;
        for (int i = 0; i < ok.length; i++) {
            Object k = ok[i];
            if (k != null && k != DUMMY) {
                insertClean(keys, hashes, mask, k, oh[i]);
            }
        }
    }

    public boolean discard(Object key) {
        long hash = Ops.hash(key);
        int j = findEntry(key, hash);
        if (j < 0) {
            return false;
        }
        keys[j] = DUMMY;
        hashes[j] = -1;
        used--;
        return true;
    }

    public void clear() {
        keys = new Object[8];
        hashes = new long[8];
        mask = 7;
        fill = 0;
        used = 0;
    }

    /** Adds every element of {@code other} as CPython's set update from another set does. */
    public void addAll(PySet other) {
        if (other == this || other.used == 0) {
            return;
        }
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) {
            resize((used + other.used) * 2);
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            if (mask == other.mask && other.fill == other.used) {
                System.arraycopy(other.keys, 0, keys, 0, Math.min(keys.length, other.keys.length));
                System.arraycopy(other.hashes, 0, hashes, 0, Math.min(hashes.length, other.hashes.length));
                return;
            }
            for (int i = 0; i <= other.mask; i++) {
                Object k = other.keys[i];
                if (k != null && k != DUMMY) {
                    insertClean(keys, hashes, mask, k, other.hashes[i]);
                }
            }
            return;
        }
        for (int i = 0; i < other.keys.length; i++) {
            Object k = other.keys[i];
            if (k != null && k != DUMMY) {
                addHashed(k, other.hashes[i]);
            }
        }
    }

    /** Adds the keys of a dict, resizing first as CPython does. */
    public void addKeys(PyDict d) {
        if ((long) (fill + d.size()) * 5 >= (long) mask * 3) {
            resize((used + d.size()) * 2);
        }
        for (int i = 0; i < d.end(); i++) {
            Object k = d.keyAt(i);
            if (k != null) {
                addHashed(k, k instanceof String s ? Ops.hash(s) : d.hashes[i]); // dicts file strings otherwise
            }
        }
    }

    /** Elements in table order, which is Python's iteration order. */
    public List<Object> elements() {
        List<Object> out = new ArrayList<>(used);
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i];
            if (k != null && k != DUMMY) {
                out.add(k);
            }
        }
        return out;
    }

    /** Number of table slots, for iterators that walk the table. */
    int tableLength() {
        return keys.length;
    }

    Object slot(int i) {
        Object k = keys[i];
        return k == DUMMY ? null : k;
    }

    public PySet copy(boolean asFrozen) {
        PySet s = new PySet(asFrozen);
        s.addAll(this);
        return s;
    }

    /** Removes and returns an arbitrary element as CPython's pop does, or null when empty. */
    Object popAny() {
        if (used == 0) {
            return null;
        }
        int i = finger & mask;
        while (keys[i] == null || keys[i] == DUMMY) {
            i = (i + 1) & mask;
        }
        Object k = keys[i];
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        finger = i + 1;
        return k;
    }

    /** An instance of a Python class derived from set. */
    public static final class Sub extends PySet implements HasDict {
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
