package dev.loopscope.python.runtime;

/** The builtin iterators. */
final class Iterators {

    private Iterators() {
    }

    static final class ListIter extends PyIterator {
        private PyList list;
        private int i;

        ListIter(PyList list) {
            this.list = list;
        }

        @Override
        public PyType type() {
            return Types.LIST_ITERATOR;
        }

        @Override
        public Object next() {
            if (list != null && i < list.size) {
                return list.items[i++];
            }
            list = null;
            return null;
        }
    }

    static final class ReverseListIter extends PyIterator {
        private final PyList list;
        private int i;

        ReverseListIter(PyList list) {
            this.list = list;
            this.i = list.size - 1;
        }

        @Override
        public PyType type() {
            return Types.LIST_REVERSEITERATOR;
        }

        @Override
        public Object next() {
            if (i >= 0 && i < list.size) {
                return list.items[i--];
            }
            i = -1;
            return null;
        }
    }

    static final class RangeIter extends PyIterator {
        private long next;
        private final long step;
        private long left;

        RangeIter(long start, long step, long length) {
            this.next = start;
            this.step = step;
            this.left = length;
        }

        @Override
        public PyType type() {
            return Types.RANGE_ITERATOR;
        }

        @Override
        public Object next() {
            if (left <= 0) {
                return null;
            }
            left--;
            long v = next;
            next += step;
            return Py.box(v);
        }
    }

    static final class ArrayIter extends PyIterator {
        private final Object[] items;
        private final int n;
        private int i;
        private final PyType type;

        ArrayIter(Object[] items, int n, PyType type) {
            this.items = items;
            this.n = n;
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public Object next() {
            return i < n ? items[i++] : null;
        }
    }

    static final class StrIter extends PyIterator {
        private final String s;
        private int i;

        StrIter(String s) {
            this.s = s;
        }

        @Override
        public PyType type() {
            return Types.STR_ITERATOR;
        }

        @Override
        public Object next() {
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                String r = s.substring(i, i + 2);
                i += 2;
                return r;
            }
            i++;
            return Strings.charString(c);
        }
    }

    static final class DictIter extends PyIterator {
        private final PyDict d;
        private final int kind;
        private int i;
        private final int size;

        DictIter(PyDict d, int kind) {
            this.d = d;
            this.kind = kind;
            this.size = d.size();
        }

        @Override
        public PyType type() {
            return kind == DictView.KEYS ? Types.DICT_KEYITERATOR
                    : kind == DictView.VALUES ? Types.DICT_VALUEITERATOR : Types.DICT_ITEMITERATOR;
        }

        @Override
        public Object next() {
            if (d.size() != size) {
                i = Integer.MAX_VALUE;
                throw Py.runtimeError("dictionary changed size during iteration");
            }
            while (i < d.end()) {
                Object k = d.keyAt(i);
                int at = i++;
                if (k != null) {
                    return switch (kind) {
                        case DictView.KEYS -> k;
                        case DictView.VALUES -> d.valueAt(at);
                        default -> PyTuple.of(k, d.valueAt(at));
                    };
                }
            }
            return null;
        }
    }

    /** Iteration through {@code __getitem__} with 0, 1, 2... until IndexError. */
    static final class SeqIter extends PyIterator {
        private final Object seq;
        private long i;
        private boolean done;

        SeqIter(Object seq) {
            this.seq = seq;
        }

        @Override
        public PyType type() {
            return Types.ITERATOR;
        }

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            try {
                return Ops.getItem(seq, Py.box(i++));
            } catch (PyError e) {
                if (e.exc.isA(Types.INDEX_ERROR) || e.exc.isA(Types.STOP_ITERATION)) {
                    done = true;
                    return null;
                }
                throw e;
            }
        }
    }

    /** A Java-level generic iterator over a precomputed sequence with a custom type. */
    static PyIterator of(Object[] items, PyType type) {
        return new ArrayIter(items, items.length, type);
    }
}
