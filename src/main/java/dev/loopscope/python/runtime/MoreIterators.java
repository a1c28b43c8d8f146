package dev.loopscope.python.runtime;

/** enumerate, zip, map and filter. */
final class MoreIterators {

    private MoreIterators() {
    }

    static final class Enumerate extends PyIterator {
        private final Object it;
        private Object count;

        Enumerate(Object it, Object start) {
            this.it = it;
            this.count = start;
        }

        @Override
        public PyType type() {
            return Types.ENUMERATE;
        }

        @Override
        public Object next() {
            Object v = Ops.next(it);
            if (v == null) {
                return null;
            }
            Object i = count;
            count = Ops.add(count, Py.box(1));
            return PyTuple.of(i, v);
        }
    }

    static final class Zip extends PyIterator {
        private final Object[] its;
        private final boolean strict;
        private boolean done;

        Zip(Object[] its, boolean strict) {
            this.its = its;
            this.strict = strict;
        }

        @Override
        public PyType type() {
            return Types.ZIP;
        }

        @Override
        public Object next() {
            if (done || its.length == 0) {
                return null;
            }
            Object[] items = new Object[its.length];
            for (int i = 0; i < its.length; i++) {
                Object v = Ops.next(its[i]);
                if (v == null) {
                    done = true;
                    if (strict) {
                        if (i > 0) {
                            throw Py.valueError("zip() argument " + (i + 1) + " is shorter than argument"
                                    + (i == 1 ? " 1" : "s 1-" + i));
                        }
                        for (int j = 1; j < its.length; j++) {
                            if (Ops.next(its[j]) != null) {
                                throw Py.valueError("zip() argument " + (j + 1) + " is longer than argument"
                                        + (j == 1 ? " 1" : "s 1-" + j));
                            }
                        }
                    }
                    return null;
                }
                items[i] = v;
            }
            return PyTuple.of(items);
        }
    }

    static final class MapIter extends PyIterator {
        private final Object fn;
        private final Object[] its;

        MapIter(Object fn, Object[] its) {
            this.fn = fn;
            this.its = its;
        }

        @Override
        public PyType type() {
            return Types.MAP;
        }

        @Override
        public Object next() {
            Object[] args = new Object[its.length];
            for (int i = 0; i < its.length; i++) {
                Object v = Ops.next(its[i]);
                if (v == null) {
                    return null;
                }
                args[i] = v;
            }
            return Ops.call(fn, args);
        }
    }

    static final class FilterIter extends PyIterator {
        private final Object fn;
        private final Object it;

        FilterIter(Object fn, Object it) {
            this.fn = fn;
            this.it = it;
        }

        @Override
        public PyType type() {
            return Types.FILTER;
        }

        @Override
        public Object next() {
            Object v;
            while ((v = Ops.next(it)) != null) {
                boolean keep = fn == Py.None ? Ops.truthy(v) : Ops.truthy(Ops.call(fn, v));
                if (keep) {
                    return v;
                }
            }
            return null;
        }
    }
}
