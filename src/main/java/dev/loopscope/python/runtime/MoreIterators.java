package dev.loopscope.python.runtime;

/** enumerate, zip, map and filter. */
final class MoreIterators {

    private MoreIterators() {
    }

    static final class Enumerate extends PyIterator {
        final Object it;
        Object count;

        Enumerate(Object it, Object start) {
            this.it = it;
            this.count = start;
            this.runsPython = NativeTask.onThread(it);
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
        final Object[] its;
        final boolean strict;
        boolean done;

        Zip(Object[] its, boolean strict) {
            this.its = its;
            this.strict = strict;
            this.runsPython = anyOnThread(its);
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
        final Object fn;
        final Object[] its;

        MapIter(Object fn, Object[] its) {
            this.fn = fn;
            this.its = its;
            this.runsPython = !NativeTask.javaCallable(fn) || anyOnThread(its);
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
        final Object fn;
        final Object it;

        FilterIter(Object fn, Object it) {
            this.fn = fn;
            this.it = it;
            this.runsPython = !(fn == Py.None || fn == Types.BOOL || NativeTask.javaCallable(fn))
                    || NativeTask.onThread(it);
        }

        @Override
        public PyType type() {
            return Types.FILTER;
        }

        @Override
        public Object next() {
            Object v;
            while ((v = Ops.next(it)) != null) {
                boolean keep = fn == Py.None || fn == Types.BOOL ? Ops.truthy(v) : Ops.truthy(Ops.call(fn, v));
                if (keep) {
                    return v;
                }
            }
            return null;
        }
    }

    private static boolean anyOnThread(Object[] its) {
        for (Object it : its) {
            if (NativeTask.onThread(it)) {
                return true;
            }
        }
        return false;
    }

    /** One item of a map whose function or iterators run Python code. */
    static final class MapStep extends NativeTask {
        private final MapIter m;
        private Object[] args;
        private int i;

        MapStep(MapIter m) {
            this.m = m;
        }

        @Override
        Object step(PyThread t, Object v) {
            if (v == START) {
                args = new Object[m.its.length];
            } else if (i == args.length) {
                return v;
            } else if (v == END) {
                return END;
            } else {
                args[i++] = v;
            }
            while (i < args.length) {
                Object x = pull(m.its[i]);
                if (x == NEED) {
                    return next(m.its[i]);
                }
                if (x == END) {
                    return END;
                }
                args[i++] = x;
            }
            return call(m.fn, args);
        }
    }

    /** One item of a filter whose function or iterator runs Python code. */
    static final class FilterStep extends NativeTask {
        private final FilterIter f;
        private Object item;

        FilterStep(FilterIter f) {
            this.f = f;
        }

        @Override
        Object step(PyThread t, Object v) {
            boolean plain = f.fn == Py.None || f.fn == Types.BOOL;
            while (true) {
                if (item != null) {
                    // v is what the function returned for item
                    Object x = item;
                    item = null;
                    if (Ops.truthy(v)) {
                        return x;
                    }
                    v = START;
                }
                if (v == START) {
                    v = pull(f.it);
                    if (v == NEED) {
                        return next(f.it);
                    }
                }
                if (v == END) {
                    return END;
                }
                if (plain) {
                    if (Ops.truthy(v)) {
                        return v;
                    }
                    v = START;
                    continue;
                }
                item = v;
                return call(f.fn, v);
            }
        }
    }

    /** One item of an enumerate over an iterator that runs Python code. */
    static final class EnumerateStep extends NativeTask {
        private final Enumerate e;

        EnumerateStep(Enumerate e) {
            this.e = e;
        }

        @Override
        Object step(PyThread t, Object v) {
            if (v == START) {
                return next(e.it);
            }
            if (v == END) {
                return END;
            }
            Object i = e.count;
            e.count = Ops.add(i, Py.box(1));
            return PyTuple.of(i, v);
        }
    }

    /** One item of a zip over iterators some of which run Python code. */
    static final class ZipStep extends NativeTask {
        private final Zip z;
        private Object[] items;
        private int i;
        /** Checking, after argument 1 ended, that the others end too (strict). */
        private boolean checking;

        ZipStep(Zip z) {
            this.z = z;
        }

        @Override
        Object step(PyThread t, Object v) {
            Object[] its = z.its;
            if (v == START) {
                if (z.done || its.length == 0) {
                    return END;
                }
                items = new Object[its.length];
            } else if (checking) {
                if (v != END) {
                    throw longer(i);
                }
                i++;
            } else if (v == END) {
                if (ended() == END) {
                    return END;
                }
            } else {
                items[i++] = v;
            }
            while (true) {
                if (checking) {
                    if (i == its.length) {
                        return END;
                    }
                } else if (i == its.length) {
                    return PyTuple.of(items);
                }
                Object x = pull(its[i]);
                if (x == NEED) {
                    return next(its[i]);
                }
                if (checking) {
                    if (x != END) {
                        throw longer(i);
                    }
                    i++;
                    continue;
                }
                if (x == END) {
                    Object r = ended();
                    if (r == END) {
                        return END;
                    }
                    continue;
                }
                items[i++] = x;
            }
        }

        /** Argument i ended: the end, or (strict, i = 0) the check of the others. */
        private Object ended() {
            z.done = true;
            if (!z.strict) {
                return END;
            }
            if (i > 0) {
                throw Py.valueError("zip() argument " + (i + 1) + " is shorter than argument"
                        + (i == 1 ? " 1" : "s 1-" + i));
            }
            checking = true;
            i = 1;
            if (z.its.length == 1) {
                return END;
            }
            return null;
        }

        private static PyError longer(int j) {
            return Py.valueError("zip() argument " + (j + 1) + " is longer than argument"
                    + (j == 1 ? " 1" : "s 1-" + j));
        }
    }
}
