package dev.loopscope.python.runtime;

import java.util.Arrays;
import java.util.List;

/** Python's list: a growable array. */
public class PyList extends PyObject {

    public Object[] items;
    public int size;
    /**
     * The length CPython's list would have allocated after the same operations (list_resize's over-allocation), for
     * {@code sys.getsizeof}; the Java array grows its own way.
     */
    public int allocated;

    public PyList() {
        items = new Object[4];
    }

    public PyList(Object[] items, int size) {
        this.items = items;
        this.size = size;
        this.allocated = size;
    }

    /** CPython's list_resize to {@code newsize} items, applied to {@link #allocated}. */
    void resized(int newsize) {
        if (allocated >= newsize && newsize >= (allocated >> 1)) {
            return;
        }
        int grown = (newsize + (newsize >> 3) + 6) & ~3;
        if (newsize - size > grown - newsize) {
            grown = (newsize + 3) & ~3;
        }
        allocated = newsize == 0 ? 0 : grown;
    }

    /**
     * What CPython's list_extend allocates before adding {@code n} items (known or guessed): an empty list gets
     * exactly that many, rounded up to even; a list with items grows as list_resize does.
     */
    void extending(int n) {
        if (allocated == 0 && size == 0) {
            allocated = n > 0 ? (n + 1) & ~1 : 0;
        } else if (n > 0) {
            resized(size + n);
        }
    }

    /** A list owning {@code items}. */
    public static PyList of(Object... items) {
        return new PyList(items, items.length);
    }

    public static PyList of(List<?> items) {
        return new PyList(items.toArray(), items.size());
    }

    @Override
    public PyType type() {
        return Types.LIST;
    }

    public Object get(int i) {
        return items[i];
    }

    public void append(Object v) {
        if (size >= allocated) {
            resized(size + 1);
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(4, size + (size >> 1) + 1));
        }
        items[size++] = v;
    }

    public void ensure(int cap) {
        if (cap > items.length) {
            items = Arrays.copyOf(items, Math.max(cap, size + (size >> 1) + 1));
        }
    }

    public void insert(int i, Object v) {
        append(null); // list_resize(size + 1), as an append
        System.arraycopy(items, i, items, i + 1, size - 1 - i);
        items[i] = v;
    }

    public Object removeAt(int i) {
        resized(size - 1);
        Object v = items[i];
        System.arraycopy(items, i + 1, items, i, size - 1 - i);
        items[--size] = null;
        return v;
    }

    public Object[] toArray() {
        return Arrays.copyOf(items, size);
    }

    public List<Object> asList() {
        return Arrays.asList(toArray());
    }

    public void clear() {
        items = new Object[4];
        size = 0;
        allocated = 0;
    }

    /** An instance of a Python class derived from list. */
    public static final class Sub extends PyList implements HasDict {
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
