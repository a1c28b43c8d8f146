package dev.loopscope.python.runtime;

/** Set algebra and comparisons, inserting elements in the order CPython does so iteration order matches. */
final class Sets {

    private Sets() {
    }

    static PySet toSet(Object o) {
        if (o instanceof PySet s) {
            return s;
        }
        PySet s = new PySet();
        update(s, o);
        return s;
    }

    static void update(PySet s, Object iterable) {
        if (iterable instanceof PySet o) {
            s.addAll(o);
            return;
        }
        if (iterable instanceof PyDict d) {
            s.addKeys(d);
            return;
        }
        Object it = Ops.iter(iterable);
        Object x;
        while ((x = Ops.next(it)) != null) {
            s.add(x);
        }
    }

    static PySet union(PySet a, Object b, boolean frozen) {
        PySet r = a.copy(frozen);
        update(r, b);
        return r;
    }

    static PySet intersection(PySet a, Object bObj, boolean frozen) {
        PySet r = new PySet(frozen);
        if (bObj instanceof PySet b) {
            PySet big = a;
            PySet small = b;
            if (b.size() > a.size()) {
                big = b;
                small = a;
            }
            for (Object k : small.elements()) {
                if (big.contains(k)) {
                    r.add(k);
                }
            }
            return r;
        }
        Object it = Ops.iter(bObj);
        Object x;
        while ((x = Ops.next(it)) != null) {
            if (a.contains(x)) {
                r.add(x);
            }
        }
        return r;
    }

    static PySet difference(PySet a, Object bObj, boolean frozen) {
        PySet b = toSet(bObj);
        PySet r;
        if ((a.size() >> 2) > b.size()) {
            r = a.copy(frozen);
            for (Object k : b.elements()) {
                r.discard(k);
            }
            return r;
        }
        r = new PySet(frozen);
        for (Object k : a.elements()) {
            if (!b.contains(k)) {
                r.add(k);
            }
        }
        return r;
    }

    static PySet symmetricDifference(PySet a, Object bObj, boolean frozen) {
        PySet r = a.copy(frozen);
        PySet b = bObj instanceof PySet s ? s : toSet(bObj);
        for (Object k : b.elements()) {
            if (!r.discard(k)) {
                r.add(k);
            }
        }
        return r;
    }

    static Object op(int op, PySet a, PySet b, boolean inplace) {
        boolean frozen = a.frozen;
        PySet r = switch (op) {
            case Ops.OR -> union(a, b, frozen);
            case Ops.AND -> intersection(a, b, frozen);
            case Ops.SUB -> difference(a, b, frozen);
            default -> symmetricDifference(a, b, frozen);
        };
        if (inplace && !a.frozen) {
            a.clear();
            a.addAll(r);
            return a;
        }
        return r;
    }

    static Object viewOp(int op, DictView v, Object b) {
        PySet a = new PySet();
        update(a, v);
        if (!(b instanceof PySet) && !(b instanceof DictView) && !(b instanceof PyList) && !(b instanceof PyTuple)) {
            if (Py.typeOf(b).lookup("__iter__") == null) {
                return Py.NotImplemented;
            }
        }
        return op(op, a, toSet(b), false);
    }

    static boolean isSubset(PySet a, PySet b) {
        if (a.size() > b.size()) {
            return false;
        }
        for (Object k : a.elements()) {
            if (!b.contains(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean compare(int op, PySet a, PySet b) {
        return switch (op) {
            case Ops.EQ -> a.size() == b.size() && isSubset(a, b);
            case Ops.NE -> !(a.size() == b.size() && isSubset(a, b));
            case Ops.LE -> isSubset(a, b);
            case Ops.LT -> a.size() < b.size() && isSubset(a, b);
            case Ops.GE -> isSubset(b, a);
            default -> a.size() > b.size() && isSubset(b, a);
        };
    }
}
