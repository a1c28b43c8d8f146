package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.List;

/** {@code int | str}: the union of types that {@code X | Y} makes of classes, None and parameterised types. */
public final class UnionType extends PyObject {

    static final PyType TYPE = new PyType("UnionType", "types", true, Types.OBJECT);

    static {
        TYPE.getter("__args__", u -> PyTuple.of(((UnionType) u).args));
        TYPE.method("__hash__", (th, a, kw) -> Py.box(Ops.hash(a[0])));
    }

    /** The members in order, without repeats; None appears as its type. */
    public final Object[] args;

    private UnionType(Object[] args) {
        this.args = args;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** A class or parameterised type, whose {@code |} makes a union. */
    static boolean isTypeLike(Object o) {
        return o instanceof PyType || o instanceof GenericAlias || o instanceof UnionType;
    }

    private static boolean unionable(Object o) {
        return o instanceof PyType || o == Py.None || o instanceof GenericAlias || o instanceof UnionType;
    }

    /** {@code a | b}, or NotImplemented when either side cannot be part of a union. */
    static Object or(Object a, Object b) {
        if (!unionable(a) || !unionable(b)) {
            return Py.NotImplemented;
        }
        List<Object> members = new ArrayList<>();
        add(members, a);
        add(members, b);
        return members.size() == 1 ? members.get(0) : new UnionType(members.toArray());
    }

    private static void add(List<Object> members, Object o) {
        if (o instanceof UnionType u) {
            for (Object x : u.args) {
                add(members, x);
            }
            return;
        }
        Object m = o == Py.None ? Types.NONE_TYPE : o;
        for (Object x : members) {
            if (x == m || Ops.eq(x, m)) {
                return;
            }
        }
        members.add(m);
    }

    /** Equal unions have the same members in any order. */
    boolean sameMembers(UnionType other) {
        return containsAll(this, other) && containsAll(other, this);
    }

    private static boolean containsAll(UnionType u, UnionType v) {
        outer:
        for (Object x : v.args) {
            for (Object y : u.args) {
                if (x == y || Ops.eq(x, y)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    long hash() {
        PySet members = new PySet(true);
        for (Object x : args) {
            members.add(x);
        }
        return Ops.hash(members);
    }

    String repr() {
        StringBuilder sb = new StringBuilder();
        for (Object x : args) {
            if (!sb.isEmpty()) {
                sb.append(" | ");
            }
            sb.append(x == Types.NONE_TYPE ? "None" : Repr.typeArg(x));
        }
        return sb.toString();
    }
}
