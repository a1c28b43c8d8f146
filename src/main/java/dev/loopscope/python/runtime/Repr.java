package dev.loopscope.python.runtime;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

/** {@code repr()} and {@code str()} of every builtin type, as CPython renders them. */
public final class Repr {

    private Repr() {
    }

    /** Containers being rendered, so a list that contains itself prints as {@code [...]}. */
    private static final ThreadLocal<Map<Object, Boolean>> ACTIVE = ThreadLocal.withInitial(IdentityHashMap::new);

    public static String repr(Object o) {
        if (o instanceof String s) {
            return Strings.repr(s);
        }
        if (o instanceof Long l) {
            return l.toString();
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof Double d) {
            return FloatFormat.repr(d);
        }
        if (o instanceof BigInteger b) {
            return bigToString(b);
        }
        if (o instanceof PyNone n) {
            return n.toString();
        }
        if (Ops.isSub(o)) {
            Object m = Ops.override(o, "__repr__");
            if (m != null) {
                return checkStr(Ops.call(Attributes.bind(m, o, Py.typeOf(o))), "__repr__");
            }
        }
        if (o instanceof PyTuple.Named n) {
            return checkStr(Ops.call(Attributes.bind(n.type.lookup("__repr__"), o, n.type)), "__repr__");
        }
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet
                || o instanceof DictView) {
            return guardedContainerRepr(o);
        }
        PyType t = Py.typeOf(o);
        if (o instanceof PyInstance) {
            Object m = t.lookup("__repr__");
            if (m != null && m != Builtins.OBJECT_REPR && !(o instanceof PyBaseException && m == Builtins.EXC_REPR)) {
                return checkStr(Ops.call(Attributes.bind(m, o, t)), "__repr__");
            }
            if (o instanceof PyBaseException e) {
                return exceptionRepr(e);
            }
            return "<" + t.fullName() + " object at " + addr(o) + ">";
        }
        Object m = t.lookup("__repr__");
        if (m instanceof PyBuiltin b && b != Builtins.OBJECT_REPR) {
            return checkStr(Ops.call(b.bind(o)), "__repr__");
        }
        return builtinRepr(o, t);
    }

    /** The builtin container rendering ({@code list.__repr__} and friends), with the recursion guard. */
    static String guardedContainerRepr(Object o) {
        Map<Object, Boolean> active = ACTIVE.get();
        if (active.containsKey(o)) {
            return o instanceof PyList ? "[...]" : o instanceof PyDict ? "{...}"
                    : o instanceof PyTuple ? "(...)" : Py.typeName(o) + "(...)";
        }
        active.put(o, Boolean.TRUE);
        try {
            return containerRepr(o);
        } finally {
            active.remove(o);
        }
    }

    static String checkStr(Object r, String method) {
        if (r instanceof String s) {
            return s;
        }
        throw Py.typeError(method + " returned non-string (type " + Py.typeName(r) + ")");
    }

    public static String addr(Object o) {
        return String.format("0x%x", Interpreter.idOf(o));
    }

    static String bigToString(BigInteger b) {
        checkStrDigits(b);
        return b.toString();
    }

    /** CPython's limit on the decimal digits of an int converted to str (sys.set_int_max_str_digits). */
    static void checkStrDigits(BigInteger b) {
        // the smallest limit is 641 digits, and fewer than 3 bits per allowed digit cannot reach a limit
        // (a decimal digit takes about 3.32 bits)
        if (b.bitLength() > 1900) {
            int limit = Interpreter.maxStrDigits();
            if (limit > 0 && b.bitLength() > 3L * limit && b.abs().toString().length() > limit) {
                throw Py.valueError("Exceeds the limit (" + limit + " digits) for integer string conversion; "
                        + "use sys.set_int_max_str_digits() to increase the limit");
            }
        }
    }

    static String exceptionRepr(PyBaseException e) {
        String name = e.type.name;
        Object[] a = e.args.items;
        if (a.length == 1) {
            return name + "(" + repr(a[0]) + ")";
        }
        return name + repr(e.args);
    }

    static String exceptionStr(PyBaseException e) {
        Object[] a = e.args.items;
        if (e.isA(Types.KEY_ERROR) && a.length == 1) {
            return repr(a[0]);
        }
        if (a.length == 0) {
            return "";
        }
        if (a.length == 1) {
            return str(a[0]);
        }
        return repr(e.args);
    }

    private static String containerRepr(Object o) {
        StringBuilder sb = new StringBuilder();
        if (o instanceof PyList l) {
            sb.append('[');
            for (int i = 0; i < l.size; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(l.items[i]));
            }
            return sb.append(']').toString();
        }
        if (o instanceof PyTuple t) {
            sb.append('(');
            for (int i = 0; i < t.items.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(t.items[i]));
            }
            if (t.items.length == 1) {
                sb.append(',');
            }
            return sb.append(')').toString();
        }
        if (o instanceof PyDict d) {
            sb.append('{');
            boolean first = true;
            for (int i = 0; i < d.end(); i++) {
                Object k = d.keyAt(i);
                if (k == null) {
                    continue;
                }
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(k)).append(": ").append(repr(d.valueAt(i)));
            }
            return sb.append('}').toString();
        }
        if (o instanceof PySet s) {
            if (s.size() == 0) {
                return s.frozen ? "frozenset()" : "set()";
            }
            if (s.frozen) {
                sb.append("frozenset(");
            }
            sb.append('{');
            boolean first = true;
            for (Object k : s.elements()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(k));
            }
            sb.append('}');
            if (s.frozen) {
                sb.append(')');
            }
            return sb.toString();
        }
        DictView v = (DictView) o;
        sb.append(v.type().name).append("([");
        boolean first = true;
        for (int i = 0; i < v.dict.end(); i++) {
            Object k = v.dict.keyAt(i);
            if (k == null) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            switch (v.kind) {
                case DictView.KEYS -> sb.append(repr(k));
                case DictView.VALUES -> sb.append(repr(v.dict.valueAt(i)));
                default -> sb.append('(').append(repr(k)).append(", ").append(repr(v.dict.valueAt(i))).append(')');
            }
        }
        return sb.append("])").toString();
    }

    static String builtinRepr(Object o, PyType t) {
        if (o instanceof PyType c) {
            return "<class '" + c.fullName() + "'>";
        }
        if (o instanceof PyProperty p && p.memberOf != null) {
            return "<member '" + p.name + "' of '" + p.memberOf + "' objects>";
        }
        if (o instanceof PyFunction f) {
            return "<function " + f.qualname + " at " + addr(f) + ">";
        }
        if (o instanceof PyMethod m) {
            String fname = m.function instanceof PyFunction f ? f.qualname
                    : m.function instanceof PyBuiltin b ? b.name : "?";
            return "<bound method " + fname + " of " + repr(m.self) + ">";
        }
        if (o instanceof PyBuiltin b) {
            if (b.self != null) {
                if (b.self instanceof PyModule mod) {
                    return "<built-in function " + b.name + ">";
                }
                return "<built-in method " + b.name + " of " + Py.typeName(b.self) + " object at " + addr(b.self)
                        + ">";
            }
            if (b.isMethod) {
                return "<method '" + b.name + "' of '" + b.owner.name + "' objects>";
            }
            return "<built-in function " + b.name + ">";
        }
        if (o instanceof PyModule m) {
            if (m.name.equals("__main__")) {
                Object file = m.dict.getStr("__file__");
                return "<module '__main__' from '" + (file == null ? "?" : str(file)) + "'>";
            }
            return "<module '" + m.name + "' (built-in)>";
        }
        if (o instanceof CodeObject co) {
            return co.repr();
        }
        if (o instanceof PyGenerator g) {
            return "<" + g.type().name + " object " + g.qualname + " at " + addr(g) + ">";
        }
        if (o instanceof AsyncGenOp op) {
            return "<" + op.type().name + " object at " + addr(o) + ">";
        }
        if (o instanceof dev.loopscope.engine.Coroutine c) {
            return "<coroutine object " + c.qualName() + " at " + addr(o) + ">";
        }
        if (o instanceof PyRange r) {
            return r.step == 1 ? "range(" + r.start + ", " + r.stop + ")"
                    : "range(" + r.start + ", " + r.stop + ", " + r.step + ")";
        }
        if (o instanceof PySlice s) {
            return "slice(" + repr(s.start) + ", " + repr(s.stop) + ", " + repr(s.step) + ")";
        }
        if (o instanceof byte[] b) {
            return Strings.bytesRepr(b);
        }
        if (o instanceof UnionType u) {
            return u.repr();
        }
        if (o instanceof GenericAlias g) {
            String args = g.args instanceof PyTuple tup ? joinTypes(tup.items) : typeArg(g.args);
            return typeArg(g.origin) + "[" + args + "]";
        }
        if (o instanceof PyCell c) {
            return "<cell at " + addr(c) + ": " + (c.value == null ? "empty" : Py.typeName(c.value) + " object at "
                    + addr(c.value)) + ">";
        }
        if (o instanceof PyWrapper w) {
            return "<" + (w.isClassMethod ? "classmethod" : "staticmethod") + "(" + repr(w.callable) + ")>";
        }
        return "<" + t.fullName() + " object at " + addr(o) + ">";
    }

    private static String joinTypes(Object[] items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(typeArg(items[i]));
        }
        return sb.toString();
    }

    static String typeArg(Object o) {
        if (o instanceof PyType t) {
            return t.module.equals("builtins") ? t.qualname : t.module + "." + t.qualname;
        }
        if (o == Py.Ellipsis) {
            return "...";
        }
        return repr(o);
    }

    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Long || o instanceof Boolean || o instanceof Double || o instanceof BigInteger
                || o instanceof PyNone) {
            return repr(o);
        }
        PyType t = Py.typeOf(o);
        if (o instanceof PyInstance) {
            Object m = t.lookup("__str__");
            if (m != null && m != Builtins.OBJECT_STR && m != Builtins.EXC_STR) {
                return checkStr(Ops.call(Attributes.bind(m, o, t)), "__str__");
            }
            if (o instanceof PyBaseException e) {
                return exceptionStr(e);
            }
            return repr(o);
        }
        Object m = t.lookup("__str__");
        if (m instanceof PyFunction) {
            return checkStr(Ops.call(Attributes.bind(m, o, t)), "__str__");
        }
        if (m instanceof PyBuiltin b && b != Builtins.OBJECT_STR) {
            return checkStr(Ops.call(b.bind(o)), "__str__");
        }
        return repr(o);
    }
}
