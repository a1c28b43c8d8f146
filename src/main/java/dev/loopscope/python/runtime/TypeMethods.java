package dev.loopscope.python.runtime;

import java.math.BigInteger;

/** Methods, attributes and constructors of the builtin types. */
final class TypeMethods {

    private TypeMethods() {
    }

    /** Marks an encoding or errors argument of {@code str()} that was not given. */
    private static final Object NO_CODEC = new Object();

    static void install() {
        object();
        type();
        numbers();
        Strings.install(Types.STR);
        Types.STR.constructor = (t, a, kw) -> {
            if (kw != null) {
                for (String k : kw) {
                    if (!k.equals("object") && !k.equals("encoding") && !k.equals("errors")) {
                        throw Py.typeError("'" + k + "' is an invalid keyword argument for str()");
                    }
                }
            }
            Object[] p = Args.parse("str", java.util.Arrays.copyOfRange(a, 1, a.length), kw, 0,
                    new String[] {"object", "encoding", "errors"}, "", NO_CODEC, NO_CODEC);
            if (p[1] == NO_CODEC && p[2] == NO_CODEC) {
                return Ops.str(p[0]);
            }
            for (int i = 1; i <= 2; i++) {
                if (p[i] != NO_CODEC && !(p[i] instanceof String)) {
                    throw Py.typeError("str() argument '" + (i == 1 ? "encoding" : "errors") + "' must be str, not "
                            + Py.typeName(p[i]));
                }
            }
            if (p[0] instanceof byte[] b) {
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            }
            if (p[0] instanceof String) {
                throw Py.typeError("decoding str is not supported");
            }
            throw Py.typeError("decoding to str: need a bytes-like object, " + Py.typeName(p[0]) + " found");
        };
        list();
        tuple();
        dict();
        set();
        misc();
        guards();
        for (PyType ct : new PyType[] {Types.LIST, Types.TUPLE, Types.DICT, Types.SET, Types.FROZENSET}) {
            ct.method("__repr__", (th, a, kw) -> Repr.guardedContainerRepr(a[0]));
        }
        exceptions();
        functions();
        iterators();
    }

    /** Extends {@code l} with the items of {@code src}; {@code result} when done (now or after a task). */
    static Object extend(PyThread th, PyList l, Object src, Object result) {
        if (src instanceof PyList || src instanceof PyTuple) {
            Sequences.extend(l, src);
            return result;
        }
        return IterTasks.run(th, new IterTasks.Extend(l, Ops.iter(src), result, IterTasks.Extend.lengthHint(src)));
    }

    private static Object[] rest(Object[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    /** Argument-count checks with CPython's messages in front of builtin methods of fixed arity. */
    /** {@code float.fromhex(s)}: CPython's syntax (optional 0x, point and binary exponent; inf and nan). */
    static double floatFromHex(String text) {
        String body = text.strip();
        boolean negative = body.startsWith("-");
        if (negative || body.startsWith("+")) {
            body = body.substring(1);
        }
        String low = body.toLowerCase(java.util.Locale.ROOT);
        if (low.equals("inf") || low.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (low.equals("nan")) {
            return Double.NaN;
        }
        if (low.startsWith("0x")) {
            low = low.substring(2);
        }
        if (!low.matches("([0-9a-f]+(\\.[0-9a-f]*)?|\\.[0-9a-f]+)(p[+-]?[0-9]+)?")) {
            throw Py.valueError("invalid hexadecimal floating-point string");
        }
        double d;
        try {
            d = Double.parseDouble((negative ? "-0x" : "0x") + (low.contains("p") ? low : low + "p0"));
        } catch (NumberFormatException e) {
            throw Py.valueError("invalid hexadecimal floating-point string");
        }
        if (Double.isInfinite(d)) {
            throw Py.overflowError("hexadecimal value too large to represent as a float");
        }
        return d;
    }

    /** {@code float.hex()}: 13 hexadecimal digits after the point and a signed exponent, as CPython. */
    static String floatHex(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        long bits = Double.doubleToRawLongBits(x);
        String sign = bits < 0 ? "-" : "";
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0 && mant == 0) {
            return sign + "0x0.0p+0";
        }
        String digits = String.format("%013x", mant);
        int e = exp == 0 ? -1022 : exp - 1023;
        return sign + "0x" + (exp == 0 ? "0." : "1.") + digits + "p" + (e >= 0 ? "+" : "") + e;
    }

    private static void guards() {
        // str methods that take their arguments by position only
        guardAll(Types.STR, NOKW, "replace", "center", "ljust", "rjust", "zfill", "strip", "lstrip", "rstrip",
                "partition", "rpartition", "join", "translate", "removeprefix", "removesuffix");
        guardAll(Types.STR, NOKW_BARE, "count", "find", "index", "rfind", "rindex", "startswith", "endswith");
        guardAll(Types.LIST, NOARGS, "reverse", "copy", "clear", "__reversed__");
        guardAll(Types.LIST, ONE, "append", "remove", "count", "extend", "__getitem__");
        guardAll(Types.LIST, NOKW, "insert", "pop", "index");
        guardAll(Types.DICT, NOARGS, "keys", "values", "items", "popitem", "copy", "clear");
        guardAll(Types.DICT, ONE, "__getitem__", "__contains__");
        guardAll(Types.DICT, NOKW, "get", "pop", "setdefault", "fromkeys");
        guardAll(Types.SET, NOARGS, "pop", "clear", "copy");
        guardAll(Types.SET, ONE, "add", "remove", "discard", "issubset", "issuperset", "isdisjoint", "__contains__",
                "symmetric_difference", "symmetric_difference_update");
        guardAll(Types.SET, NOKW, "update", "union", "intersection", "difference", "intersection_update",
                "difference_update");
        guardAll(Types.FROZENSET, NOARGS, "copy");
        guardAll(Types.FROZENSET, ONE, "issubset", "issuperset", "isdisjoint", "__contains__",
                "symmetric_difference");
        guardAll(Types.FROZENSET, NOKW, "union", "intersection", "difference");
        guardAll(Types.TUPLE, ONE, "count");
        guardAll(Types.TUPLE, NOKW, "index");
        guardAll(Types.TUPLE, SLOT1, "__getitem__", "__contains__");
        guardAll(Types.RANGE, ONE, "index", "count");
        guardAll(Types.RANGE, SLOT0, "__len__", "__iter__");
        guardAll(Types.RANGE, SLOT1, "__contains__", "__getitem__");
        for (PyType t : new PyType[] {Types.LIST, Types.DICT, Types.SET, Types.FROZENSET, Types.TUPLE}) {
            guardAll(t, SLOT0, "__len__", "__iter__");
        }
        guardAll(Types.LIST, SLOT1, "__contains__");
    }

    static final int NOARGS = 0;
    static final int ONE = 1;
    static final int NOKW = 2;
    static final int SLOT0 = 3;
    static final int SLOT1 = 4;
    /** Like NOKW, but CPython names the method without its type ({@code count() takes no keyword arguments}). */
    static final int NOKW_BARE = 5;

    private static void guardAll(PyType t, int kind, String... names) {
        for (String name : names) {
            guard(t, name, kind);
        }
    }

    /**
     * Puts CPython's argument checks in front of a method: C methods say {@code list.copy() takes no arguments
     * (1 given)}, {@code set.add() takes exactly one argument (2 given)} or {@code list.pop() takes no keyword
     * arguments}; slot wrappers say {@code expected 1 argument, got 2}.
     */
    static void guard(PyType t, String name, int kind) {
        if (!(t.dict.getStr(name) instanceof PyBuiltin b)) {
            return;
        }
        Native inner = b.fn;
        boolean slot = kind == SLOT0 || kind == SLOT1;
        String label = t.name + "." + name + "()";
        t.method(name, (th, a, kw) -> {
            int given = a.length - 1;
            if (kw != null && kw.length > 0) {
                throw Py.typeError(slot ? "wrapper " + name + "() takes no keyword arguments"
                        : (kind == NOKW_BARE ? name + "()" : label) + " takes no keyword arguments");
            }
            switch (kind) {
                case NOARGS -> {
                    if (given != 0) {
                        throw Py.typeError(label + " takes no arguments (" + given + " given)");
                    }
                }
                case ONE -> {
                    if (given != 1) {
                        throw Py.typeError(label + " takes exactly one argument (" + given + " given)");
                    }
                }
                case SLOT0, SLOT1 -> {
                    int n = kind == SLOT0 ? 0 : 1;
                    if (given != n) {
                        throw Py.typeError("expected " + n + (n == 1 ? " argument" : " arguments") + ", got "
                                + given);
                    }
                }
                default -> {
                }
            }
            return inner.call(th, a, kw);
        });
    }

    private static void object() {
        PyType t = Types.OBJECT;
        Builtins.OBJECT_INIT = new PyBuiltin("__init__", Types.OBJECT, (th, a, kw) -> Py.None, true);
        Builtins.OBJECT_REPR = new PyBuiltin("__repr__", Types.OBJECT,
                (th, a, kw) -> "<" + Py.typeOf(a[0]).fullName() + " object at " + Repr.addr(a[0]) + ">", true);
        Builtins.OBJECT_STR = new PyBuiltin("__str__", Types.OBJECT, (th, a, kw) -> Ops.repr(a[0]), true);
        Builtins.OBJECT_HASH = new PyBuiltin("__hash__", Types.OBJECT,
                (th, a, kw) -> Py.box(Ops.identityHash(a[0])), true);
        Builtins.OBJECT_FORMAT = new PyBuiltin("__format__", Types.OBJECT, (th, a, kw) -> {
            String spec = (String) a[1];
            if (!spec.isEmpty()) {
                throw Py.typeError("unsupported format string passed to " + Py.typeName(a[0]) + ".__format__");
            }
            return Ops.str(a[0]);
        }, true);
        Builtins.EXC_REPR = new PyBuiltin("__repr__", Types.BASE_EXCEPTION,
                (th, a, kw) -> Repr.exceptionRepr((PyBaseException) a[0]), true);
        Builtins.EXC_STR = new PyBuiltin("__str__", Types.BASE_EXCEPTION,
                (th, a, kw) -> Repr.exceptionStr((PyBaseException) a[0]), true);
        t.define("__init__", Builtins.OBJECT_INIT);
        t.define("__repr__", Builtins.OBJECT_REPR);
        t.define("__str__", Builtins.OBJECT_STR);
        t.define("__hash__", Builtins.OBJECT_HASH);
        t.define("__format__", Builtins.OBJECT_FORMAT);
        t.method("__eq__", (th, a, kw) -> a[0] == a[1] ? Boolean.TRUE : Py.NotImplemented);
        t.method("__ne__", (th, a, kw) -> {
            Object r = Ops.compare(Ops.EQ, a[0], a[1]);
            return r == Py.NotImplemented ? r : Py.bool(!Ops.truthy(r));
        });
        t.method("__setattr__", (th, a, kw) -> {
            if (a[0] instanceof PyInstance) {
                Attributes.genericSetAttr(a[0], (String) a[1], a[2]);
                return Py.None;
            }
            Ops.setAttr(a[0], (String) a[1], a[2]);
            return Py.None;
        });
        t.method("__delattr__", (th, a, kw) -> {
            Attributes.genericDelAttr(a[0], (String) a[1]);
            return Py.None;
        });
        t.method("__getattribute__", (th, a, kw) -> Ops.getAttr(a[0], (String) a[1]));
        t.method("__init_subclass__", (th, a, kw) -> Py.None);
        t.method("__dir__", (th, a, kw) -> Ops.call(Interpreter.current().builtins.getStr("dir"), a[0]));
        Builtins.objectNew = new PyWrapper(PyBuiltin.function("__new__", (th, a, kw) -> {
            if (a.length == 0 || !(a[0] instanceof PyType cls)) {
                throw Py.typeError("object.__new__(X): X is not a type object");
            }
            if (cls.allocator == null) {
                throw Py.typeError("object.__new__(" + cls.name + ") is not safe, use " + cls.name + ".__new__()");
            }
            PyObject o = cls.allocator.apply(cls);
            if (o instanceof PyBaseException e) {
                e.args = PyTuple.of(rest(a));
            }
            return o;
        }), false);
        t.define("__new__", Builtins.objectNew);
        t.constructor = (th, a, kw) -> {
            if (a.length > 1 || kw != null && kw.length > 0) {
                throw Py.typeError("object() takes no arguments");
            }
            return new PyInstance(Types.OBJECT);
        };
        Types.OBJECT.subclassable = true;
    }

    private static void type() {
        PyType t = Types.TYPE;
        t.getter("__name__", o -> ((PyType) o).name);
        t.getter("__qualname__", o -> ((PyType) o).qualname);
        t.getter("__module__", o -> {
            PyType c = (PyType) o;
            Object m = c.dict.getStr("__module__");
            return m != null ? m : c.module;
        });
        t.getter("__bases__", o -> {
            PyType c = (PyType) o;
            return c == Types.OBJECT ? PyTuple.EMPTY : PyTuple.of((Object[]) c.bases);
        });
        t.getter("__base__", o -> {
            PyType c = (PyType) o;
            return c.bases.length == 0 ? Py.None : c.bases[0];
        });
        t.getter("__mro__", o -> PyTuple.of((Object[]) ((PyType) o).mro));
        t.getter("__dict__", o -> ((PyType) o).dict.copy());
        t.getter("__doc__", o -> {
            Object d = ((PyType) o).dict.getStr("__doc__");
            return d == null ? Py.None : d;
        });
        t.method("mro", (th, a, kw) -> PyList.of((Object[]) ((PyType) a[0]).mro));
        t.method("__subclasses__", (th, a, kw) -> new PyList());
        t.method("__instancecheck__", (th, a, kw) -> Py.bool(BuiltinFunctions.isInstance(a[1], a[0])));
        t.method("__subclasscheck__", (th, a, kw) -> Py.bool(BuiltinFunctions.isSubclass((PyType) a[1], a[0])));
        t.constructor = (th, a, kw) -> {
            Object[] args = rest(a);
            if (args.length == 1 && (kw == null || kw.length == 0)) {
                return Py.typeOf(args[0]);
            }
            if (args.length != 3) {
                throw Py.typeError("type() takes 1 or 3 arguments");
            }
            Object[] baseObjs = ((PyTuple) args[1]).items;
            PyType[] bases = new PyType[Math.max(1, baseObjs.length)];
            bases[0] = Types.OBJECT;
            for (int i = 0; i < baseObjs.length; i++) {
                bases[i] = (PyType) baseObjs[i];
            }
            PyDict ns = ((PyDict) args[2]).copy();
            if (ns.getStr("__module__") == null) {
                Object mod = th != null && th.frame != null ? th.frame.globals.getStr("__name__") : "__main__";
                ns.put("__module__", mod);
            }
            return Builtins.newClass(th == null ? Interpreter.current() : th.interp, (String) args[0], bases, ns,
                    null);
        };
    }

    private static void numbers() {
        PyType i = Types.INT;
        i.constructor = (th, a, kw) -> Builtins.makeInt(rest(a), kw);
        i.method("bit_length", (th, a, kw) -> {
            Args.check("int.bit_length", rest(a), kw, 0, 0);
            return Py.box(Ops.big(a[0]).abs().bitLength());
        });
        i.method("bit_count", (th, a, kw) -> Py.box(Ops.big(a[0]).abs().bitCount()));
        i.method("conjugate", (th, a, kw) -> Ops.intValue(a[0]));
        i.method("is_integer", (th, a, kw) -> true);
        i.method("__index__", (th, a, kw) -> Ops.intValue(a[0]));
        i.method("__int__", (th, a, kw) -> Ops.intValue(a[0]));
        i.method("__float__", (th, a, kw) -> Ops.toDouble(a[0]));
        i.method("__abs__", (th, a, kw) -> Ops.abs(a[0]));
        i.method("__neg__", (th, a, kw) -> Ops.negate(a[0]));
        i.method("__round__", (th, a, kw) -> Builtins.round(a[0], a.length > 1 ? a[1] : Py.None));
        i.method("__hash__", (th, a, kw) -> Py.box(Ops.hash(a[0])));
        i.method("as_integer_ratio", (th, a, kw) -> PyTuple.of(Ops.intValue(a[0]), Py.box(1)));
        i.method("to_bytes", (th, a, kw) -> {
            Object[] p = Args.parse("to_bytes", a, kw, 1, new String[] {"self", "length", "byteorder", "signed"},
                    Py.box(1), "big", Boolean.FALSE);
            int len = (int) Ops.index(p[1]);
            byte[] raw = Ops.big(p[0]).toByteArray();
            byte[] out = new byte[len];
            for (int k = 0; k < len && k < raw.length; k++) {
                out[len - 1 - k] = raw[raw.length - 1 - k];
            }
            if ("little".equals(p[2])) {
                for (int k = 0; k < len / 2; k++) {
                    byte x = out[k];
                    out[k] = out[len - 1 - k];
                    out[len - 1 - k] = x;
                }
            }
            return out;
        });
        i.getter("real", o -> Ops.intValue(o));
        i.getter("imag", o -> Py.box(0));
        i.getter("numerator", o -> Ops.intValue(o));
        i.getter("denominator", o -> Py.box(1));
        for (int op = 0; op <= Ops.FLOORDIV; op++) {
            final int fop = op;
            i.method(Ops.DUNDER[op], (th, a, kw) -> Ops.builtinBinary(fop, a[0], a[1], false));
            Types.FLOAT.method(Ops.DUNDER[op], (th, a, kw) -> Ops.builtinBinary(fop, a[0], a[1], false));
            if (op == Ops.MATMUL) {
                continue;
            }
            // reflected forms: only between numbers, anything else is NotImplemented
            i.method(Ops.RDUNDER[op], (th, a, kw) -> Py.isInt(a[1])
                    ? Ops.builtinBinary(fop, a[1], a[0], false) : Py.NotImplemented);
            if (op != Ops.LSHIFT && op != Ops.RSHIFT && op != Ops.OR && op != Ops.XOR && op != Ops.AND) {
                Types.FLOAT.method(Ops.RDUNDER[op], (th, a, kw) -> Py.isInt(a[1]) || a[1] instanceof Double
                        ? Ops.builtinBinary(fop, a[1], a[0], false) : Py.NotImplemented);
            }
        }
        for (int op = 0; op <= Ops.GE; op++) {
            final int fop = op;
            i.method(Ops.CMP_DUNDER[op], (th, a, kw) -> {
                if (!Py.isInt(a[1])) {
                    return Py.NotImplemented; // int compares only with ints; float's reflected method does the rest
                }
                int r = Ops.builtinCompare(fop, a[0], a[1]);
                return r < 0 ? Py.NotImplemented : Py.bool(r == 1);
            });
            Types.FLOAT.method(Ops.CMP_DUNDER[op], (th, a, kw) -> {
                int r = Ops.builtinCompare(fop, a[0], a[1]);
                return r < 0 ? Py.NotImplemented : Py.bool(r == 1);
            });
            Types.STR.method(Ops.CMP_DUNDER[op], (th, a, kw) -> {
                int r = Ops.builtinCompare(fop, a[0], a[1]);
                return r < 0 ? Py.NotImplemented : Py.bool(r == 1);
            });
        }
        Types.BOOL.constructor = (th, a, kw) -> {
            Args.check("bool", rest(a), kw, 0, 1);
            return a.length > 1 && Ops.truthy(a[1]);
        };
        PyType f = Types.FLOAT;
        f.constructor = (th, a, kw) -> Builtins.makeFloat(rest(a), kw);
        f.method("is_integer", (th, a, kw) -> {
            double d = (Double) a[0];
            return Py.bool(!Double.isInfinite(d) && d == Math.floor(d));
        });
        f.method("as_integer_ratio", (th, a, kw) -> {
            double d = (Double) a[0];
            if (Double.isInfinite(d)) {
                throw Py.overflowError("cannot convert Infinity to integer ratio");
            }
            if (Double.isNaN(d)) {
                throw Py.valueError("cannot convert NaN to integer ratio");
            }
            java.math.BigDecimal b = new java.math.BigDecimal(d);
            BigInteger num = b.unscaledValue();
            BigInteger den = BigInteger.ONE;
            if (b.scale() > 0) {
                den = BigInteger.TEN.pow(b.scale());
            } else {
                num = num.multiply(BigInteger.TEN.pow(-b.scale()));
            }
            BigInteger g = num.gcd(den);
            if (g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
            return PyTuple.of(Py.normalize(num), Py.normalize(den));
        });
        f.method("hex", (th, a, kw) -> floatHex((Double) a[0]));
        f.method("conjugate", (th, a, kw) -> a[0]);
        f.method("__int__", (th, a, kw) -> Builtins.floatToInt((Double) a[0]));
        f.method("__float__", (th, a, kw) -> a[0]);
        f.method("__abs__", (th, a, kw) -> Math.abs((Double) a[0]));
        f.method("__neg__", (th, a, kw) -> -(Double) a[0]);
        f.method("__round__", (th, a, kw) -> Builtins.round(a[0], a.length > 1 ? a[1] : Py.None));
        f.method("__trunc__", (th, a, kw) -> Builtins.floatToInt((Double) a[0]));
        f.method("__floor__", (th, a, kw) -> Builtins.floatToInt(Math.floor((Double) a[0])));
        f.method("__ceil__", (th, a, kw) -> Builtins.floatToInt(Math.ceil((Double) a[0])));
        f.method("__hash__", (th, a, kw) -> Py.box(Ops.hash(a[0])));
        f.getter("real", o -> o);
        f.getter("imag", o -> 0.0);
        f.define("fromhex", new PyWrapper(PyBuiltin.function("fromhex",
                (th, a, kw) -> {
                    if (a.length != 2) {
                        throw Py.typeError("float.fromhex() takes exactly one argument (" + (a.length - 1)
                                + " given)");
                    }
                    if (!(a[1] instanceof String str)) {
                        throw Py.typeError("fromhex() argument must be str, not " + Py.typeName(a[1]));
                    }
                    return floatFromHex(str);
                }),
                true));
    }

    private static PyList self(Object o, String m) {
        if (o instanceof PyList l) {
            return l;
        }
        throw Py.typeError("descriptor '" + m + "' for 'list' objects doesn't apply to a '" + Py.typeName(o)
                + "' object");
    }

    private static void list() {
        PyType t = Types.LIST;
        t.allocator = PyList.Sub::new;
        t.method("__init__", (th, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("list() takes no keyword arguments");
            }
            if (a.length > 2) {
                throw Py.typeError("list expected at most 1 argument, got " + (a.length - 1));
            }
            PyList l = self(a[0], "__init__");
            l.clear();
            if (a.length == 2) {
                return extend(th, l, a[1], Py.None);
            }
            return Py.None;
        });
        t.constructor = (th, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("list() takes no keyword arguments");
            }
            if (a.length > 2) {
                throw Py.typeError("list expected at most 1 argument, got " + (a.length - 1));
            }
            if (a.length == 1) {
                return new PyList();
            }
            if (a[1] instanceof PyList || a[1] instanceof PyTuple) {
                Object[] items = Sequences.toArray(a[1]);
                if (items == (a[1] instanceof PyTuple tt ? tt.items : null)) {
                    items = items.clone();
                }
                PyList made = new PyList(items, items.length);
                made.allocated = (items.length + 1) & ~1; // list() of a sized iterable preallocates an even length
                return made;
            }
            PyList l = new PyList();
            return IterTasks.run(th, new IterTasks.Extend(l, Ops.iter(a[1]), l, IterTasks.Extend.lengthHint(a[1])));
        };
        t.method("append", (th, a, kw) -> {
            Args.check("list.append", rest(a), kw, 1, 1);
            self(a[0], "append").append(a[1]);
            return Py.None;
        });
        t.method("extend", (th, a, kw) -> {
            Args.check("list.extend", rest(a), kw, 1, 1);
            PyList l = self(a[0], "extend");
            return extend(th, l, a[1] == l ? PyList.of(l.toArray()) : a[1], Py.None);
        });
        t.method("insert", (th, a, kw) -> {
            Args.check("insert", rest(a), kw, 2, 2);
            PyList l = self(a[0], "insert");
            long i = Ops.index(a[1]);
            if (i < 0) {
                i = Math.max(0, i + l.size);
            }
            l.insert((int) Math.min(i, l.size), a[2]);
            return Py.None;
        });
        t.method("pop", (th, a, kw) -> {
            Args.check("pop", rest(a), kw, 0, 1);
            PyList l = self(a[0], "pop");
            long i = a.length > 1 ? Ops.index(a[1]) : -1;
            if (l.size == 0) {
                throw Py.indexError("pop from empty list");
            }
            if (i < 0) {
                i += l.size;
            }
            if (i < 0 || i >= l.size) {
                throw Py.indexError("pop index out of range");
            }
            return l.removeAt((int) i);
        });
        t.method("remove", (th, a, kw) -> {
            Args.check("list.remove", rest(a), kw, 1, 1);
            PyList l = self(a[0], "remove");
            for (int i = 0; i < l.size; i++) {
                if (Ops.eq(l.items[i], a[1])) {
                    l.removeAt(i);
                    return Py.None;
                }
            }
            throw Py.valueError("list.remove(x): x not in list");
        });
        t.method("index", (th, a, kw) -> {
            Args.check("index", rest(a), kw, 1, 3);
            PyList l = self(a[0], "index");
            long[] r = bounds(a, 2, l.size);
            for (long i = r[0]; i < r[1] && i < l.size; i++) {
                if (Ops.eq(l.items[(int) i], a[1])) {
                    return Py.box(i);
                }
            }
            throw Py.valueError(Ops.repr(a[1]) + " is not in list");
        });
        t.method("count", (th, a, kw) -> {
            Args.check("list.count", rest(a), kw, 1, 1);
            PyList l = self(a[0], "count");
            long n = 0;
            for (int i = 0; i < l.size; i++) {
                if (Ops.eq(l.items[i], a[1])) {
                    n++;
                }
            }
            return Py.box(n);
        });
        t.method("sort", (th, a, kw) -> {
            if (a.length > 3) {
                throw Py.typeError("sort() takes at most 2 arguments (" + (a.length - 1) + " given)");
            }
            if (Args.positional(a, kw) > 1) {
                throw Py.typeError("sort() takes no positional arguments");
            }
            Object key = Args.keyword(a, kw, "key");
            Object rev = Args.keyword(a, kw, "reverse");
            if (kw != null) {
                for (String k : kw) {
                    if (!k.equals("key") && !k.equals("reverse")) {
                        throw Py.typeError("'" + k + "' is an invalid keyword argument for sort()");
                    }
                }
            }
            return Sorting.sort(th, self(a[0], "sort"), key == null ? Py.None : key, rev != null && Ops.truthy(rev),
                    true);
        });
        t.method("reverse", (th, a, kw) -> {
            PyList l = self(a[0], "reverse");
            for (int i = 0, j = l.size - 1; i < j; i++, j--) {
                Object x = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = x;
            }
            return Py.None;
        });
        t.method("copy", (th, a, kw) -> PyList.of(self(a[0], "copy").toArray()));
        t.method("clear", (th, a, kw) -> {
            self(a[0], "clear").clear();
            return Py.None;
        });
        t.method("__len__", (th, a, kw) -> Py.box(self(a[0], "__len__").size));
        t.method("__getitem__", (th, a, kw) -> Ops.baseGetItem(a[0], a[1]));
        t.method("__setitem__", (th, a, kw) -> {
            Ops.baseSetItem(a[0], a[1], a[2]);
            return Py.None;
        });
        t.method("__delitem__", (th, a, kw) -> {
            Ops.baseDelItem(a[0], a[1]);
            return Py.None;
        });
        t.method("__contains__", (th, a, kw) -> Py.bool(Ops.baseContains(a[0], a[1])));
        t.method("__iter__", (th, a, kw) -> Ops.baseIter(a[0]));
        t.method("__reversed__", (th, a, kw) -> new Iterators.ReverseListIter(self(a[0], "__reversed__")));
        t.method("__add__", (th, a, kw) -> Ops.builtinBinary(Ops.ADD, a[0], a[1], false));
        t.method("__iadd__", (th, a, kw) -> Ops.builtinBinary(Ops.ADD, a[0], a[1], true));
        t.method("__mul__", (th, a, kw) -> Ops.builtinBinary(Ops.MUL, a[0], a[1], false));
        for (int op = 0; op <= Ops.GE; op++) {
            final int fop = op;
            t.method(Ops.CMP_DUNDER[op], (th, a, kw) -> {
                int r = Ops.builtinCompare(fop, a[0], a[1]);
                return r < 0 ? Py.NotImplemented : Py.bool(r == 1);
            });
        }
        t.define("__hash__", Types.NONE);
        t.define("__class_getitem__", new PyWrapper(PyBuiltin.function("__class_getitem__",
                (th, a, kw) -> new GenericAlias((PyType) a[0], a[1])), true));
    }

    /** A set used as a set element is looked up as the equal frozenset, as CPython does. */
    static Object setKey(Object o) {
        if (o instanceof PySet inner && !inner.frozen) {
            PySet frozen = new PySet(true);
            for (Object x : Sequences.toArray(inner)) {
                frozen.add(x);
            }
            return frozen;
        }
        return o;
    }

    private static long boundIndex(Object o) {
        if (!(o instanceof Long || o instanceof Boolean || o instanceof java.math.BigInteger)
                && Py.typeOf(o).lookup("__index__") == null) {
            throw Py.typeError("slice indices must be integers or have an __index__ method");
        }
        return Ops.clampIndex(o);
    }

    static long[] bounds(Object[] a, int from, long n) {
        long start = 0;
        long end = n;
        if (a.length > from) {
            start = boundIndex(a[from]);
            if (start < 0) {
                start = Math.max(0, start + n);
            }
        }
        if (a.length > from + 1) {
            end = boundIndex(a[from + 1]);
            if (end < 0) {
                end = Math.max(0, end + n);
            }
        }
        return new long[] {start, end};
    }

    private static void tuple() {
        PyType t = Types.TUPLE;
        t.constructor = (th, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("tuple() takes no keyword arguments");
            }
            if (a.length > 2) {
                throw Py.typeError("tuple expected at most 1 argument, got " + (a.length - 1));
            }
            if (a.length == 1) {
                return PyTuple.EMPTY;
            }
            if (a[1] instanceof PyTuple tt) {
                // a named tuple (a tuple subclass) becomes a plain tuple; a plain one is returned as is
                return tt instanceof PyTuple.Named ? PyTuple.of(tt.items.clone()) : tt;
            }
            return IterTasks.withItems(th, a[1], PyTuple::of);
        };
        t.method("index", (th, a, kw) -> {
            if (a.length < 2) {
                throw Py.typeError("index expected at least 1 argument, got 0");
            }
            if (a.length > 4) {
                throw Py.typeError("index expected at most 3 arguments, got " + (a.length - 1));
            }
            PyTuple tt = (PyTuple) a[0];
            long[] r = bounds(a, 2, tt.items.length);
            for (long i = r[0]; i < r[1] && i < tt.items.length; i++) {
                if (Ops.eq(tt.items[(int) i], a[1])) {
                    return Py.box(i);
                }
            }
            throw Py.valueError("tuple.index(x): x not in tuple");
        });
        t.method("count", (th, a, kw) -> {
            long n = 0;
            for (Object o : ((PyTuple) a[0]).items) {
                if (Ops.eq(o, a[1])) {
                    n++;
                }
            }
            return Py.box(n);
        });
        t.method("__len__", (th, a, kw) -> Py.box(((PyTuple) a[0]).items.length));
        t.method("__getitem__", (th, a, kw) -> Ops.baseGetItem(a[0], a[1]));
        t.method("__contains__", (th, a, kw) -> Py.bool(Ops.baseContains(a[0], a[1])));
        t.method("__iter__", (th, a, kw) -> Ops.baseIter(a[0]));
        t.method("__hash__", (th, a, kw) -> Py.box(Ops.hash(a[0])));
        t.method("__add__", (th, a, kw) -> Ops.builtinBinary(Ops.ADD, a[0], a[1], false));
        for (int op = 0; op <= Ops.GE; op++) {
            final int fop = op;
            t.method(Ops.CMP_DUNDER[op], (th, a, kw) -> {
                int r = Ops.builtinCompare(fop, a[0], a[1]);
                return r < 0 ? Py.NotImplemented : Py.bool(r == 1);
            });
        }
        t.define("__class_getitem__", new PyWrapper(PyBuiltin.function("__class_getitem__",
                (th, a, kw) -> new GenericAlias((PyType) a[0], a[1])), true));
    }

    private static PyDict dself(Object o, String m) {
        if (o instanceof PyDict d) {
            return d;
        }
        throw Py.typeError("descriptor '" + m + "' for 'dict' objects doesn't apply to a '" + Py.typeName(o)
                + "' object");
    }

    /** {@code dict(...)}, {@code d.__init__(...)}, {@code d.update(...)}: {@code result} when done. */
    static Object dictUpdate(PyThread th, PyDict d, Object[] a, String[] kw, int from, String name, Object result) {
        int npos = Args.positional(a, kw) - from;
        if (npos > 1) {
            throw Py.typeError(name + " expected at most 1 argument, got " + npos);
        }
        if (npos == 1) {
            Object src = a[from];
            if (src instanceof PyDict o) {
                d.putAll(o);
            } else if (Py.typeOf(src).lookup("keys") != null) {
                for (Object k : Sequences.toArray(Ops.callMethod(src, "keys"))) {
                    d.put(k, Ops.getItem(src, k));
                }
            } else {
                Object[] kwValues = kw == null ? null : java.util.Arrays.copyOfRange(a, a.length - kw.length, a.length);
                return IterTasks.run(th, new IterTasks.DictPairs(d, Ops.iter(src), kw, kwValues, result));
            }
        }
        if (kw != null) {
            int base = a.length - kw.length;
            for (int i = 0; i < kw.length; i++) {
                d.put(kw[i], a[base + i]);
            }
        }
        return result;
    }

    private static void dict() {
        PyType t = Types.DICT;
        t.allocator = PyDict.Sub::new;
        t.method("__init__", (th, a, kw) -> dictUpdate(th, dself(a[0], "__init__"), a, kw, 1, "dict", Py.None));
        t.constructor = (th, a, kw) -> {
            PyDict d = new PyDict();
            return dictUpdate(th, d, a, kw, 1, "dict", d);
        };
        t.method("get", (th, a, kw) -> {
            Args.check("get", rest(a), kw, 1, 2);
            Object v = dself(a[0], "get").get(a[1]);
            return v != null ? v : a.length > 2 ? a[2] : Py.None;
        });
        t.method("keys", (th, a, kw) -> new DictView(dself(a[0], "keys"), DictView.KEYS));
        t.method("values", (th, a, kw) -> new DictView(dself(a[0], "values"), DictView.VALUES));
        t.method("items", (th, a, kw) -> new DictView(dself(a[0], "items"), DictView.ITEMS));
        t.method("pop", (th, a, kw) -> {
            Args.check("pop", rest(a), kw, 1, 2);
            Object v = dself(a[0], "pop").remove(a[1]);
            if (v != null) {
                return v;
            }
            if (a.length > 2) {
                return a[2];
            }
            throw Py.keyError(a[1]);
        });
        t.method("popitem", (th, a, kw) -> {
            Object[] kv = dself(a[0], "popitem").popLast();
            if (kv == null) {
                throw Py.error(Types.KEY_ERROR, "popitem(): dictionary is empty");
            }
            return PyTuple.of(kv);
        });
        t.method("setdefault", (th, a, kw) -> {
            Args.check("setdefault", rest(a), kw, 1, 2);
            PyDict d = dself(a[0], "setdefault");
            Object v = d.get(a[1]);
            if (v != null) {
                return v;
            }
            Object dv = a.length > 2 ? a[2] : Py.None;
            d.put(a[1], dv);
            return dv;
        });
        t.method("update", (th, a, kw) -> dictUpdate(th, dself(a[0], "update"), a, kw, 1, "update", Py.None));
        t.method("copy", (th, a, kw) -> dself(a[0], "copy").copy());
        t.method("clear", (th, a, kw) -> {
            dself(a[0], "clear").clear();
            return Py.None;
        });
        t.define("fromkeys", new PyWrapper(PyBuiltin.function("fromkeys", (th, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("dict.fromkeys() takes no keyword arguments");
            }
            if (a.length < 2) {
                throw Py.typeError("fromkeys expected at least 1 argument, got 0");
            }
            if (a.length > 3) {
                throw Py.typeError("fromkeys expected at most 2 arguments, got " + (a.length - 1));
            }
            Object v = a.length > 2 ? a[2] : Py.None;
            if (a[0] instanceof PyType cls && cls != Types.DICT) {
                // a subclass (OrderedDict, a class of the program) builds an instance of itself
                Object made = Ops.call(cls);
                for (Object k : Sequences.toArray(a[1])) {
                    Ops.setItem(made, k, v);
                }
                return made;
            }
            PyDict d = new PyDict();
            for (Object k : Sequences.toArray(a[1])) {
                d.put(k, v);
            }
            return d;
        }), true));
        t.method("__len__", (th, a, kw) -> Py.box(dself(a[0], "__len__").size()));
        t.method("__getitem__", (th, a, kw) -> Ops.baseGetItem(a[0], a[1]));
        t.method("__setitem__", (th, a, kw) -> {
            Ops.baseSetItem(a[0], a[1], a[2]);
            return Py.None;
        });
        t.method("__delitem__", (th, a, kw) -> {
            Ops.baseDelItem(a[0], a[1]);
            return Py.None;
        });
        t.method("__contains__", (th, a, kw) -> Py.bool(Ops.baseContains(a[0], a[1])));
        t.method("__iter__", (th, a, kw) -> Ops.baseIter(a[0]));
        t.method("__eq__", (th, a, kw) -> {
            int r = Ops.builtinCompare(Ops.EQ, a[0], a[1]);
            return r < 0 ? Py.NotImplemented : Py.bool(r == 1);
        });
        t.define("__hash__", Types.NONE);
        t.define("__class_getitem__", new PyWrapper(PyBuiltin.function("__class_getitem__",
                (th, a, kw) -> new GenericAlias((PyType) a[0], a[1])), true));
        for (PyType v : new PyType[] {Types.DICT_KEYS, Types.DICT_ITEMS, Types.DICT_VALUES}) {
            v.method("__len__", (th, a, kw) -> Py.box(((DictView) a[0]).dict.size()));
            v.method("__iter__", (th, a, kw) -> Ops.iter(a[0]));
            v.method("isdisjoint", (th, a, kw) -> {
                for (Object x : Sequences.toArray(a[1])) {
                    if (Ops.contains(a[0], x)) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    private static PySet sself(Object o, String m) {
        if (o instanceof PySet s) {
            return s;
        }
        throw Py.typeError("descriptor '" + m + "' for 'set' objects doesn't apply to a '" + Py.typeName(o)
                + "' object");
    }

    private static void set() {
        for (PyType t : new PyType[] {Types.SET, Types.FROZENSET}) {
            boolean frozen = t == Types.FROZENSET;
            t.constructor = (th, a, kw) -> {
                if (kw != null && kw.length > 0) {
                    throw Py.typeError(t.name + "() takes no keyword arguments");
                }
                if (a.length > 2) {
                    throw Py.typeError(t.name + " expected at most 1 argument, got " + (a.length - 1));
                }
                PySet s = new PySet(frozen);
                if (a.length == 2) {
                    return IterTasks.run(th, new IterTasks.SetUpdate(s, new Object[] {a[1]}, s));
                }
                return s;
            };
            t.method("copy", (th, a, kw) -> sself(a[0], "copy").copy(frozen));
            t.method("union", (th, a, kw) -> {
                PySet r = sself(a[0], "union").copy(frozen);
                for (int i = 1; i < a.length; i++) {
                    Sets.update(r, a[i]);
                }
                return r;
            });
            t.method("intersection", (th, a, kw) -> {
                PySet r = sself(a[0], "intersection");
                if (a.length == 1) {
                    return r.copy(frozen);
                }
                for (int i = 1; i < a.length; i++) {
                    r = Sets.intersection(r, a[i], frozen);
                }
                return r;
            });
            t.method("difference", (th, a, kw) -> {
                PySet r = sself(a[0], "difference");
                if (a.length == 1) {
                    return r.copy(frozen);
                }
                for (int i = 1; i < a.length; i++) {
                    r = Sets.difference(r, a[i], frozen);
                }
                return r;
            });
            t.method("symmetric_difference", (th, a, kw) -> Sets.symmetricDifference(sself(a[0], "x"), a[1],
                    frozen));
            t.method("issubset", (th, a, kw) -> Py.bool(Sets.isSubset(sself(a[0], "issubset"), Sets.toSet(a[1]))));
            t.method("issuperset", (th, a, kw) -> Py.bool(Sets.isSubset(Sets.toSet(a[1]), sself(a[0], "x"))));
            t.method("isdisjoint", (th, a, kw) -> {
                PySet s = sself(a[0], "isdisjoint");
                for (Object x : Sequences.toArray(a[1])) {
                    if (s.contains(x)) {
                        return false;
                    }
                }
                return true;
            });
            t.method("__len__", (th, a, kw) -> Py.box(sself(a[0], "__len__").size()));
            t.method("__contains__", (th, a, kw) -> Py.bool(Ops.baseContains(a[0], a[1])));
            t.method("__iter__", (th, a, kw) -> Ops.baseIter(a[0]));
            t.define("__class_getitem__", new PyWrapper(PyBuiltin.function("__class_getitem__",
                    (th, a, kw) -> new GenericAlias((PyType) a[0], a[1])), true));
        }
        Types.FROZENSET.method("__hash__", (th, a, kw) -> Py.box(Ops.hash(a[0])));
        PyType t = Types.SET;
        t.allocator = PySet.Sub::new;
        t.method("__init__", (th, a, kw) -> {
            PySet st = sself(a[0], "__init__");
            st.clear();
            if (a.length > 1) {
                return IterTasks.run(th, new IterTasks.SetUpdate(st, new Object[] {a[1]}, Py.None));
            }
            return Py.None;
        });
        t.define("__hash__", Types.NONE);
        t.method("add", (th, a, kw) -> {
            Args.check("set.add", rest(a), kw, 1, 1);
            sself(a[0], "add").add(a[1]);
            return Py.None;
        });
        t.method("remove", (th, a, kw) -> {
            if (!sself(a[0], "remove").discard(setKey(a[1]))) {
                throw Py.keyError(a[1]);
            }
            return Py.None;
        });
        t.method("discard", (th, a, kw) -> {
            sself(a[0], "discard").discard(setKey(a[1]));
            return Py.None;
        });
        t.method("pop", (th, a, kw) -> {
            Object v = sself(a[0], "pop").popAny();
            if (v == null) {
                throw Py.error(Types.KEY_ERROR, "pop from an empty set");
            }
            return v;
        });
        t.method("clear", (th, a, kw) -> {
            sself(a[0], "clear").clear();
            return Py.None;
        });
        t.method("update", (th, a, kw) -> {
            PySet s = sself(a[0], "update");
            return IterTasks.run(th, new IterTasks.SetUpdate(s, rest(a), Py.None));
        });
        t.method("intersection_update", (th, a, kw) -> {
            PySet s = sself(a[0], "intersection_update");
            PySet r = s;
            for (int i = 1; i < a.length; i++) {
                r = Sets.intersection(r, a[i], false);
            }
            s.clear();
            s.addAll(r);
            return Py.None;
        });
        t.method("difference_update", (th, a, kw) -> {
            PySet s = sself(a[0], "difference_update");
            for (int i = 1; i < a.length; i++) {
                for (Object x : Sequences.toArray(a[i])) {
                    s.discard(x);
                }
            }
            return Py.None;
        });
        t.method("symmetric_difference_update", (th, a, kw) -> {
            PySet s = sself(a[0], "symmetric_difference_update");
            PySet other = Sets.toSet(a[1]);
            for (Object x : other.elements()) {
                if (!s.discard(x)) {
                    s.add(x);
                }
            }
            return Py.None;
        });
    }

    private static void misc() {
        // the value types' own __repr__, __str__ and __bool__, for code that calls the dunder methods directly
        for (PyType type : new PyType[] {Types.INT, Types.BOOL, Types.FLOAT, Types.STR, Types.NONE_TYPE,
                Types.ELLIPSIS_TYPE, Types.NOT_IMPLEMENTED_TYPE}) {
            type.method("__repr__", (th, a, kw) -> Repr.repr(a[0])); // these render without a method lookup
        }
        for (PyType type : new PyType[] {Types.RANGE, Types.SLICE}) {
            type.method("__repr__", (th, a, kw) -> Repr.builtinRepr(a[0], Py.typeOf(a[0])));
        }
        Types.STR.method("__str__", (th, a, kw) -> a[0]);
        for (PyType type : new PyType[] {Types.INT, Types.BOOL, Types.FLOAT, Types.NONE_TYPE, Types.RANGE}) {
            type.method("__bool__", (th, a, kw) -> Py.bool(Ops.truthy(a[0])));
        }
        // the singletons' types return the singleton when called without arguments
        for (PyType type : new PyType[] {Types.NONE_TYPE, Types.ELLIPSIS_TYPE, Types.NOT_IMPLEMENTED_TYPE}) {
            type.constructor = (th, a, kw) -> {
                if (a.length > 1) {
                    throw Py.typeError((type == Types.ELLIPSIS_TYPE ? "EllipsisType" : type.name)
                            + " takes no arguments");
                }
                return type == Types.NONE_TYPE ? Py.None : type == Types.ELLIPSIS_TYPE ? Py.Ellipsis
                        : Py.NotImplemented;
            };
        }
        Types.RANGE.constructor = (th, a, kw) -> {
            if (kw != null && kw.length > 0) {
                throw Py.typeError("range() takes no keyword arguments");
            }
            Object[] r = rest(a);
            if (r.length == 0) {
                throw Py.typeError("range expected at least 1 argument, got 0");
            }
            if (r.length > 3) {
                throw Py.typeError("range expected at most 3 arguments, got " + r.length);
            }
            long start = 0;
            long stop;
            long step = 1;
            if (r.length == 1) {
                stop = rangeArg(r[0]);
            } else {
                start = rangeArg(r[0]);
                stop = rangeArg(r[1]);
                if (r.length == 3) {
                    step = rangeArg(r[2]);
                    if (step == 0) {
                        throw Py.valueError("range() arg 3 must not be zero");
                    }
                }
            }
            return new PyRange(start, stop, step);
        };
        Types.RANGE.getter("start", o -> Py.box(((PyRange) o).start));
        Types.RANGE.getter("stop", o -> Py.box(((PyRange) o).stop));
        Types.RANGE.getter("step", o -> Py.box(((PyRange) o).step));
        Types.RANGE.method("index", (th, a, kw) -> {
            PyRange r = (PyRange) a[0];
            if (Ops.contains(r, a[1])) {
                return Py.box((Ops.index(a[1]) - r.start) / r.step);
            }
            throw Py.valueError(a[1] instanceof Long || a[1] instanceof java.math.BigInteger || a[1] instanceof Boolean
                    ? Ops.repr(a[1]) + " is not in range" : "sequence.index(x): x not in sequence");
        });
        Types.RANGE.method("count", (th, a, kw) -> Py.box(Ops.contains(a[0], a[1]) ? 1 : 0));
        Types.RANGE.method("__len__", (th, a, kw) -> Py.box(((PyRange) a[0]).length));
        Types.RANGE.method("__contains__", (th, a, kw) -> Py.bool(Ops.contains(a[0], a[1])));
        Types.RANGE.method("__getitem__", (th, a, kw) -> Sequences.rangeGetItem((PyRange) a[0], a[1]));
        Types.RANGE.method("__iter__", (th, a, kw) -> Ops.iter(a[0]));
        Types.RANGE.method("__reversed__", (th, a, kw) -> {
            PyRange r = (PyRange) a[0];
            return new Iterators.RangeIter(r.start + (r.length - 1) * r.step, -r.step, r.length);
        });
        Types.SLICE.constructor = (th, a, kw) -> {
            Object[] r = rest(a);
            if (r.length == 1) {
                return new PySlice(Py.None, r[0], Py.None);
            }
            if (r.length == 2) {
                return new PySlice(r[0], r[1], Py.None);
            }
            if (r.length == 3) {
                return new PySlice(r[0], r[1], r[2]);
            }
            throw Py.typeError("slice expected at least 1 argument, got 0");
        };
        Types.SLICE.getter("start", o -> ((PySlice) o).start);
        Types.SLICE.getter("stop", o -> ((PySlice) o).stop);
        Types.SLICE.getter("step", o -> ((PySlice) o).step);
        Types.SLICE.method("indices", (th, a, kw) -> {
            long[] ix = ((PySlice) a[0]).indices(Ops.index(a[1]));
            return PyTuple.of(Py.box(ix[0]), Py.box(ix[1]), Py.box(ix[2]));
        });
        Types.PROPERTY.constructor = (th, a, kw) -> {
            Object[] p = Args.parse("property", rest(a), kw, 0, new String[] {"fget", "fset", "fdel", "doc"},
                    Py.None, Py.None, Py.None, Py.None);
            PyProperty prop = new PyProperty(p[0], p[1], p[2]);
            // without a doc argument, a property documents itself with its getter's docstring
            prop.doc = p[3] == Py.None && p[0] instanceof PyFunction f ? f.doc : p[3];
            return prop;
        };
        Types.PROPERTY.method("setter", (th, a, kw) -> {
            PyProperty p = (PyProperty) a[0];
            return p.copyWith(p.fget, a[1], p.fdel);
        });
        Types.PROPERTY.method("getter", (th, a, kw) -> {
            PyProperty p = (PyProperty) a[0];
            PyProperty copy = p.copyWith(a[1], p.fset, p.fdel);
            // a new getter with a docstring documents the property anew
            if (a[1] instanceof PyFunction f && f.doc != Py.None) {
                copy.doc = f.doc;
            }
            return copy;
        });
        Types.PROPERTY.method("deleter", (th, a, kw) -> {
            PyProperty p = (PyProperty) a[0];
            return p.copyWith(p.fget, p.fset, a[1]);
        });
        Types.PROPERTY.method("__get__", (th, a, kw) -> a[1] == Py.None ? a[0]
                : Attributes.propertyGet((PyProperty) a[0], a[1], Py.typeOf(a[1])));
        Types.PROPERTY.getter("fget", o -> nz(((PyProperty) o).fget));
        Types.PROPERTY.getter("fset", o -> nz(((PyProperty) o).fset));
        Types.PROPERTY.getter("fdel", o -> nz(((PyProperty) o).fdel));
        Types.PROPERTY.getter("__doc__", o -> {
            // without a doc of its own a property shows its getter's docstring
            PyProperty p = (PyProperty) o;
            if (p.doc != null && p.doc != Py.None) {
                return p.doc;
            }
            Object fget = p.fget;
            return fget == null || fget == Py.None ? Py.None : nz(Ops.getAttrOrNull(fget, "__doc__"));
        });
        Types.STATICMETHOD.constructor = (th, a, kw) -> new PyWrapper(a[1], false);
        Types.CLASSMETHOD.constructor = (th, a, kw) -> new PyWrapper(a[1], true);
        Types.STATICMETHOD.getter("__func__", o -> ((PyWrapper) o).callable);
        // since 3.10 a staticmethod object can be called directly
        Types.STATICMETHOD.method("__call__", (th, a, kw) -> new TailCall(((PyWrapper) a[0]).callable, rest(a), kw,
                null));
        Types.CLASSMETHOD.getter("__func__", o -> ((PyWrapper) o).callable);
        for (PyType wt : new PyType[] {Types.STATICMETHOD, Types.CLASSMETHOD}) {
            // since 3.10 both carry their function's name and doc, as functools.wraps would copy them
            wt.getter("__wrapped__", o -> ((PyWrapper) o).callable);
            for (String attr : new String[] {"__name__", "__qualname__", "__doc__", "__module__"}) {
                wt.getter(attr, o -> {
                    Object v = Ops.getAttrOrNull(((PyWrapper) o).callable, attr);
                    if (v == null) {
                        throw Py.attributeError("'" + Py.typeName(o) + "' object has no attribute '" + attr + "'");
                    }
                    return v;
                });
            }
        }
        Types.SUPER.constructor = (th, a, kw) -> {
            Object[] r = rest(a);
            if (r.length != 2) {
                throw Py.runtimeError("super(): no arguments");
            }
            if (!(r[0] instanceof PyType t)) {
                throw Py.typeError("super() argument 1 must be a type, not " + Py.typeName(r[0]));
            }
            if (!(r[1] instanceof PyType rt && rt.isSubtypeOf(t)) && !Py.typeOf(r[1]).isSubtypeOf(t)) {
                throw Py.typeError("super(type, obj): obj must be an instance or subtype of type");
            }
            return new PySuper(t, r[1]);
        };
        Types.BYTES.constructor = (th, a, kw) -> {
            Object[] r = rest(a);
            if (r.length == 0) {
                return new byte[0];
            }
            if (r[0] instanceof String s) {
                return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            if (Py.isInt(r[0])) {
                return new byte[(int) Ops.index(r[0])];
            }
            Object[] items = Sequences.toArray(r[0]);
            byte[] out = new byte[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = (byte) Ops.index(items[i]);
            }
            return out;
        };
        Types.BYTES.method("decode", (th, a, kw) -> new String((byte[]) a[0], java.nio.charset.StandardCharsets.UTF_8));
        Types.BYTES.method("hex", (th, a, kw) -> {
            StringBuilder sb = new StringBuilder();
            for (byte b : (byte[]) a[0]) {
                sb.append(String.format("%02x", b & 0xff));
            }
            return sb.toString();
        });
        Types.CELL.getter("cell_contents", o -> {
            Object v = ((PyCell) o).value;
            if (v == null) {
                throw Py.valueError("Cell is empty");
            }
            return v;
        });
        Types.MODULE.getter("__dict__", o -> ((PyModule) o).dict);
    }

    private static Object nz(Object o) {
        return o == null ? Py.None : o;
    }

    private static long rangeArg(Object o) {
        if (o instanceof Double) {
            throw Py.typeError("'float' object cannot be interpreted as an integer");
        }
        try {
            return Ops.index(o);
        } catch (PyError e) {
            if (e.exc.isA(Types.OVERFLOW_ERROR)) {
                throw Py.overflowError("Python int too large to convert to C ssize_t");
            }
            throw e;
        }
    }

    private static void exceptions() {
        PyType t = Types.BASE_EXCEPTION;
        PyType[] all = {Types.BASE_EXCEPTION};
        for (PyType et : all) {
            et.constructor = null;
        }
        t.method("__init__", (th, a, kw) -> {
            PyBaseException e = (PyBaseException) a[0];
            if (kw != null && kw.length > 0) {
                throw Py.typeError(e.type.name + "() takes no keyword arguments");
            }
            e.args = PyTuple.of(rest(a));
            return Py.None;
        });
        t.define("__repr__", Builtins.EXC_REPR);
        t.define("__str__", Builtins.EXC_STR);
        t.define("args", new PyProperty("args", o -> ((PyBaseException) o).args,
                (o, v) -> ((PyBaseException) o).args = PyTuple.of(Sequences.toArray(v))));
        t.define("__cause__", new PyProperty("__cause__", o -> nz(((PyBaseException) o).cause), (o, v) -> {
            if (v != Py.None && !(v instanceof PyBaseException)) {
                throw Py.typeError("exception cause must be None or derive from BaseException");
            }
            ((PyBaseException) o).cause = v == Py.None ? null : (PyBaseException) v;
            ((PyBaseException) o).suppressContext = true;
        }));
        t.define("__context__", new PyProperty("__context__", o -> nz(((PyBaseException) o).context), (o, v) -> {
            if (v != Py.None && !(v instanceof PyBaseException)) {
                throw Py.typeError("exception context must be None or derive from BaseException");
            }
            ((PyBaseException) o).context = v == Py.None ? null : (PyBaseException) v;
        }));
        t.define("__suppress_context__", new PyProperty("__suppress_context__",
                o -> ((PyBaseException) o).suppressContext,
                (o, v) -> ((PyBaseException) o).suppressContext = Ops.truthy(v)));
        t.define("__traceback__", new PyProperty("__traceback__", o -> {
            Traceback tb = ((PyBaseException) o).traceback;
            return tb == null ? Py.None : new PyTracebackObject(tb);
        }, (o, v) -> ((PyBaseException) o).traceback = v == Py.None ? null : ((PyTracebackObject) v).tb));
        t.method("with_traceback", (th, a, kw) -> {
            PyBaseException e = (PyBaseException) a[0];
            e.traceback = a[1] == Py.None ? null : ((PyTracebackObject) a[1]).tb;
            return e;
        });
        t.method("add_note", (th, a, kw) -> {
            PyBaseException e = (PyBaseException) a[0];
            if (!(a[1] instanceof String)) {
                throw Py.typeError("note must be a str, not '" + Py.typeName(a[1]) + "'");
            }
            Object notes = e.dict.getStr("__notes__");
            if (notes == null) {
                notes = new PyList();
                e.dict.put("__notes__", notes);
            }
            if (!(notes instanceof PyList list)) {
                throw Py.typeError("Cannot add note: __notes__ is not a list");
            }
            list.append(a[1]);
            return Py.None;
        });
        PyExceptionGroup.install();
        Types.STOP_ITERATION.getter("value", o -> PyThread.stopValue((PyBaseException) o));
        Types.SYNTAX_ERROR.method("__str__", (th, a, kw) -> {
            PyBaseException e = (PyBaseException) a[0];
            Object[] args = e.args.items;
            if (args.length == 2 && args[1] instanceof PyTuple info && info.items.length >= 2) {
                return Ops.str(args[0]) + " (" + Ops.str(info.items[0]) + ", line " + Ops.str(info.items[1]) + ")";
            }
            return Repr.exceptionStr(e);
        });
        String[] syntaxFields = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
        for (int i = 0; i < syntaxFields.length; i++) {
            int at = i;
            Types.SYNTAX_ERROR.getter(syntaxFields[i], o -> {
                Object[] args = ((PyBaseException) o).args.items;
                return args.length == 2 && args[1] instanceof PyTuple info && info.items.length > at ? info.items[at]
                        : Py.None;
            });
        }
        Types.SYNTAX_ERROR.getter("msg", o -> {
            Object[] args = ((PyBaseException) o).args.items;
            return args.length > 0 ? args[0] : Py.None;
        });
        Types.SYSTEM_EXIT.getter("code", o -> {
            Object[] args = ((PyBaseException) o).args.items;
            return args.length == 0 ? Py.None : args.length == 1 ? args[0] : ((PyBaseException) o).args;
        });
        Types.KEY_ERROR.method("__str__", (th, a, kw) -> Repr.exceptionStr((PyBaseException) a[0]));
        Types.UNICODE_ENCODE_ERROR.method("__str__", (th, a, kw) -> Strings.encodeErrorMessage((PyBaseException) a[0]));
        String[] encodeFields = {"encoding", "object", "start", "end", "reason"};
        for (int i = 0; i < encodeFields.length; i++) {
            int at = i;
            Types.UNICODE_ENCODE_ERROR.getter(encodeFields[i], o -> {
                Object[] args = ((PyBaseException) o).args.items;
                return args.length == 5 ? args[at] : Py.None;
            });
        }
        Types.OS_ERROR.method("__init__", (th, a, kw) -> {
            PyBaseException e = (PyBaseException) a[0];
            if (kw != null && kw.length > 0) {
                throw Py.typeError(e.type.name + "() takes no keyword arguments");
            }
            Object[] args = rest(a);
            e.args = PyTuple.of(args);
            if (args.length >= 2 && args.length <= 5) {
                // OSError(errno, strerror[, filename[, winerror[, filename2]]])
                e.dict.put("errno", args[0]);
                e.dict.put("strerror", args[1]);
                if (args.length >= 3 && args[2] != Py.None) {
                    e.dict.put("filename", args[2]);
                    if (args.length == 5) {
                        e.dict.put("filename2", args[4]);
                    }
                    e.args = PyTuple.of(args[0], args[1]); // args keeps errno and strerror only
                }
            }
            return Py.None;
        });
        Types.OS_ERROR.method("__str__", (th, a, kw) -> {
            PyBaseException e = (PyBaseException) a[0];
            Object errno = e.dict.getStr("errno");
            Object strerror = e.dict.getStr("strerror");
            Object filename = e.dict.getStr("filename");
            Object filename2 = e.dict.getStr("filename2");
            if (filename != null) {
                String head = "[Errno " + Ops.str(nz(errno)) + "] " + Ops.str(nz(strerror)) + ": " + Ops.repr(filename);
                return filename2 != null && filename2 != Py.None ? head + " -> " + Ops.repr(filename2) : head;
            }
            if (errno != null && strerror != null) {
                return "[Errno " + Ops.str(errno) + "] " + Ops.str(strerror);
            }
            return Repr.exceptionStr(e);
        });
        for (String field : new String[] {"errno", "strerror", "filename", "filename2"}) {
            Types.OS_ERROR.getter(field, o -> nz(((PyBaseException) o).dict.getStr(field)));
        }
        for (PyType et : new PyType[] {Types.NAME_ERROR, Types.ATTRIBUTE_ERROR, Types.IMPORT_ERROR}) {
            et.getter("name", o -> nz(((PyBaseException) o).dict.getStr("name")));
        }
    }

    private static void functions() {
        PyType f = Types.FUNCTION;
        f.getter("__name__", o -> ((PyFunction) o).name);
        f.getter("__qualname__", o -> ((PyFunction) o).qualname);
        f.getter("__module__", o -> ((PyFunction) o).module);
        f.getter("__doc__", o -> ((PyFunction) o).doc);
        f.getter("__defaults__", o -> {
            Object[] d = ((PyFunction) o).defaults;
            return d == null ? Py.None : PyTuple.of(d);
        });
        f.getter("__kwdefaults__", o -> nz(((PyFunction) o).kwDefaults));
        f.getter("__globals__", o -> ((PyFunction) o).globals);
        f.getter("__type_params__", o -> PyTuple.EMPTY);
        f.getter("__code__", o -> new CodeObject(((PyFunction) o).code));
        f.getter("__annotations__", o -> {
            PyFunction fn = (PyFunction) o;
            if (fn.annotations == null) {
                fn.annotations = new PyDict();
            }
            return fn.annotations;
        });
        f.getter("__closure__", o -> {
            PyCell[] c = ((PyFunction) o).closure;
            return c == null ? Py.None : PyTuple.of((Object[]) c);
        });
        f.getter("__dict__", o -> {
            PyFunction fn = (PyFunction) o;
            if (fn.dict == null) {
                fn.dict = new PyDict();
            }
            return fn.dict;
        });
        f.method("__get__", (th, a, kw) -> a.length < 2 || a[1] == Py.None ? a[0] : new PyMethod(a[0], a[1]));
        PyType m = Types.METHOD;
        m.getter("__self__", o -> ((PyMethod) o).self);
        m.getter("__func__", o -> ((PyMethod) o).function);
        m.getter("__name__", o -> Ops.getAttr(((PyMethod) o).function, "__name__"));
        m.getter("__qualname__", o -> Ops.getAttr(((PyMethod) o).function, "__qualname__"));
        m.getter("__doc__", o -> Ops.getAttr(((PyMethod) o).function, "__doc__"));
        m.getter("__module__", o -> Ops.getAttr(((PyMethod) o).function, "__module__"));
        for (PyType b : new PyType[] {Types.BUILTIN_FUNCTION, Types.METHOD_DESCRIPTOR}) {
            b.getter("__name__", o -> ((PyBuiltin) o).name);
            b.getter("__qualname__", o -> {
                PyBuiltin pb = (PyBuiltin) o;
                return pb.owner != null ? pb.owner.name + "." + pb.name : pb.name;
            });
            b.getter("__self__", o -> {
                PyBuiltin pb = (PyBuiltin) o;
                return pb.self != null ? pb.self : Py.None;
            });
            b.getter("__module__", o -> {
                PyBuiltin pb = (PyBuiltin) o;
                return pb.module != null ? pb.module : Py.None;
            });
            b.getter("__doc__", o -> Py.None);
        }
        for (PyType g : new PyType[] {Types.GENERATOR, Types.COROUTINE, Types.ASYNC_GENERATOR}) {
            g.getter("__name__", o -> o instanceof PyGenerator pg ? pg.name : libraryCoroutineName(o, false));
            g.getter("__qualname__", o -> o instanceof PyGenerator pg ? pg.qualname : libraryCoroutineName(o, true));
        }
        for (PyType g : new PyType[] {Types.GENERATOR, Types.COROUTINE}) {
            g.method("send", (th, a, kw) -> {
                Args.check("send", rest(a), kw, 1, 1);
                return new GenOp(generator(a[0]), a[1], GenOp.SEND, null);
            });
            g.method("throw", (th, a, kw) -> new GenOp(generator(a[0]), thrown(a), GenOp.THROW, null));
            g.method("close", (th, a, kw) -> new GenOp(generator(a[0]), Py.None, GenOp.CLOSE, null));
        }
        Types.GENERATOR.method("__next__", (th, a, kw) -> new GenOp((PyGenerator) a[0], Py.None, GenOp.SEND, null));
        Types.GENERATOR.method("__iter__", (th, a, kw) -> a[0]);
        Types.GENERATOR.getter("gi_running", o -> ((PyGenerator) o).state == PyGenerator.RUNNING);
        Types.GENERATOR.getter("gi_frame", o -> ((PyGenerator) o).state == PyGenerator.FINISHED ? Py.None
                : new CodeObject(((PyGenerator) o).frame.code));
        Types.COROUTINE.getter("cr_running", o -> o instanceof PyGenerator pg && pg.state == PyGenerator.RUNNING);
        Types.COROUTINE.getter("cr_frame", o -> generator(o).state == PyGenerator.FINISHED ? Py.None
                : new CodeObject(((PyGenerator) o).frame.code));
        Types.COROUTINE.method("__await__", (th, a, kw) -> a[0]);
        asyncGenerators();
    }

    /** The exception {@code throw(typ[, val[, tb]])} throws in: an instance, or the class called. */
    private static PyBaseException thrown(Object[] a) {
        if (a.length < 2) {
            throw Py.typeError("throw expected at least 1 argument, got 0");
        }
        Object e = a[1];
        if (a.length > 2 && a[2] != Py.None && e instanceof PyType) {
            e = Ops.call(e, a[2]);
        }
        if (e instanceof PyType et && et.isSubtypeOf(Types.BASE_EXCEPTION)) {
            e = Ops.call(et);
        }
        if (!(e instanceof PyBaseException exc)) {
            throw Py.typeError("exceptions must be classes or instances deriving from BaseException, not "
                    + Py.typeName(e));
        }
        return exc;
    }

    private static void asyncGenerators() {
        PyType ag = Types.ASYNC_GENERATOR;
        ag.method("__aiter__", (th, a, kw) -> a[0]);
        ag.method("__anext__", (th, a, kw) -> AsyncGens.asend(th, (PyGenerator) a[0], Py.None));
        ag.method("asend", (th, a, kw) -> {
            Args.check("asend", rest(a), kw, 1, 1);
            return AsyncGens.asend(th, (PyGenerator) a[0], a[1]);
        });
        ag.method("athrow", (th, a, kw) -> {
            Args.check("athrow", rest(a), kw, 1, 3);
            return AsyncGens.athrow(th, (PyGenerator) a[0], thrown(a));
        });
        ag.method("aclose", (th, a, kw) -> {
            Args.check("aclose", rest(a), kw, 0, 0);
            return AsyncGens.aclose(th, (PyGenerator) a[0]);
        });
        // 3.12 reports whether one of its awaitables is being awaited, not whether the frame executes
        ag.getter("ag_running", o -> ((PyGenerator) o).agRunningAsync);
        ag.getter("ag_frame", o -> ((PyGenerator) o).state == PyGenerator.FINISHED ? Py.None
                : new CodeObject(((PyGenerator) o).frame.code));
        ag.getter("ag_code", o -> new CodeObject(((PyGenerator) o).frame.code));
        ag.getter("ag_await", o -> {
            Frame f = ((PyGenerator) o).frame;
            boolean waiting = ((PyGenerator) o).state == PyGenerator.SUSPENDED && f.pc > 0
                    && Op.op(f.code.code[f.pc - 1]) == Op.YIELD_VALUE && Op.arg(f.code.code[f.pc - 1]) == 1;
            Object aw = waiting ? f.s[f.sp - 1] : Py.None;
            return aw instanceof AnextAwaitable an ? an : aw;
        });
        for (PyType t : new PyType[] {Types.ASYNC_GENERATOR_ASEND, Types.ASYNC_GENERATOR_ATHROW}) {
            t.method("__await__", (th, a, kw) -> a[0]);
            t.method("__iter__", (th, a, kw) -> a[0]);
            // driving one by hand runs the generator to its next yield in a nested loop
            t.method("send", (th, a, kw) -> {
                Args.check("send", rest(a), kw, 1, 1);
                return drive(th, (AsyncGenOp) a[0], new dev.loopscope.engine.Completion.Returned(a[1]));
            });
            t.method("__next__", (th, a, kw) -> drive(th, (AsyncGenOp) a[0],
                    new dev.loopscope.engine.Completion.Returned(Py.None)));
            t.method("throw", (th, a, kw) -> drive(th, (AsyncGenOp) a[0],
                    new dev.loopscope.engine.Completion.Raised(thrown(a))));
            t.method("close", (th, a, kw) -> {
                ((AsyncGenOp) a[0]).state = AsyncGenOp.CLOSED;
                return Py.None;
            });
        }
        Types.ANEXT_AWAITABLE.method("__await__", (th, a, kw) -> a[0]);
    }

    /** One step of an async generator's awaitable driven by hand: a value it yields, or StopIteration(result). */
    private static Object drive(PyThread th, AsyncGenOp op, dev.loopscope.engine.Completion in) {
        return switch (th.interp.resumeNested(op, in)) {
            case dev.loopscope.engine.Completion.Yielded y -> y.value();
            case dev.loopscope.engine.Completion.Returned r -> throw Py.stopIteration(r.value() == Py.None ? null
                    : r.value());
            case dev.loopscope.engine.Completion.Raised r -> throw new PyError((PyBaseException) r.exception());
        };
    }

    /** {@code __name__} or {@code __qualname__} of a coroutine of the library ({@code asyncio.sleep(1)}). */
    private static String libraryCoroutineName(Object o, boolean qualified) {
        String q = ((dev.loopscope.engine.Coroutine) o).qualName();
        return qualified ? q : q.substring(q.lastIndexOf('.') + 1);
    }

    /** The generator behind a coroutine method's receiver; the library's own coroutines cannot be driven by hand. */
    private static PyGenerator generator(Object o) {
        if (o instanceof PyGenerator g) {
            return g;
        }
        throw Py.typeError("Loopscope cannot drive the library coroutine '"
                + ((dev.loopscope.engine.Coroutine) o).qualName() + "' by hand; await it instead");
    }

    private static void iterators() {
        for (PyType t : new PyType[] {Types.LIST_ITERATOR, Types.LIST_REVERSEITERATOR, Types.TUPLE_ITERATOR,
            Types.RANGE_ITERATOR, Types.STR_ITERATOR, Types.DICT_KEYITERATOR, Types.DICT_VALUEITERATOR,
            Types.DICT_ITEMITERATOR, Types.SET_ITERATOR, Types.CALLABLE_ITERATOR, Types.ITERATOR, Types.ENUMERATE,
            Types.ZIP, Types.MAP, Types.FILTER, Types.REVERSED}) {
            t.method("__next__", (th, a, kw) -> {
                if (((PyIterator) a[0]).runsPython) {
                    return new NativeTask.NextItem(a[0], null);
                }
                Object v = ((PyIterator) a[0]).next();
                if (v == null) {
                    throw Py.stopIteration(null);
                }
                return v;
            });
            t.method("__iter__", (th, a, kw) -> a[0]);
        }
        Types.ENUMERATE.constructor = (th, a, kw) -> {
            Object[] p = enumerateArgs(rest(a), kw);
            return new MoreIterators.Enumerate(Ops.iter(p[0]), p[1]);
        };
        Types.ZIP.constructor = (th, a, kw) -> {
            Object strict = Args.keyword(a, kw, "strict");
            int npos = Args.positional(a, kw);
            Object[] its = new Object[npos - 1];
            for (int i = 1; i < npos; i++) {
                its[i - 1] = Ops.iter(a[i]);
            }
            return new MoreIterators.Zip(its, strict != null && Ops.truthy(strict));
        };
        Types.MAP.constructor = (th, a, kw) -> {
            if (a.length < 3) {
                throw Py.typeError("map() must have at least two arguments.");
            }
            Object[] its = new Object[a.length - 2];
            for (int i = 2; i < a.length; i++) {
                its[i - 2] = Ops.iter(a[i]);
            }
            return new MoreIterators.MapIter(a[1], its);
        };
        Types.FILTER.constructor = (th, a, kw) -> {
            if (a.length != 3) {
                throw Py.typeError("filter expected 2 arguments, got " + (a.length - 1));
            }
            return new MoreIterators.FilterIter(a[1], Ops.iter(a[2]));
        };
        Types.REVERSED.constructor = (th, a, kw) -> {
            if (a.length != 2) {
                throw Py.typeError("reversed expected 1 argument, got " + (a.length - 1));
            }
            Object o = a[1];
            if (o instanceof PyList l) {
                return new Iterators.ReverseListIter(l);
            }
            if (o instanceof PyRange r) {
                return new Iterators.RangeIter(r.start + (r.length - 1) * r.step, -r.step, r.length);
            }
            if (o instanceof PyTuple || o instanceof String) {
                Object[] items = Sequences.toArray(o).clone();
                java.util.Collections.reverse(java.util.Arrays.asList(items));
                return Iterators.of(items, Types.REVERSED);
            }
            if (o instanceof PyDict || o instanceof DictView) {
                Object[] items = Sequences.toArray(o).clone();
                java.util.Collections.reverse(java.util.Arrays.asList(items));
                return Iterators.of(items, Types.DICT_KEYITERATOR);
            }
            PyType t = Py.typeOf(o);
            if (t.lookup("__reversed__") != null) {
                return Ops.callMethod(o, "__reversed__");
            }
            if (t.lookup("__getitem__") != null && t.lookup("__len__") != null) {
                long n = Ops.len(o);
                Object[] items = new Object[(int) n];
                for (int i = 0; i < n; i++) {
                    items[i] = Ops.getItem(o, Py.box(n - 1 - i));
                }
                return Iterators.of(items, Types.REVERSED);
            }
            throw Py.typeError("'" + t.name + "' object is not reversible");
        };
    }

    /** Binds enumerate's arguments with the messages of CPython's older keyword parser that enumerate uses. */
    private static Object[] enumerateArgs(Object[] a, String[] kw) {
        if (a.length > 2) {
            throw Py.typeError("enumerate() takes at most 2 arguments (" + a.length + " given)");
        }
        if (a.length == 0) {
            throw Py.typeError("enumerate() missing required argument 'iterable'");
        }
        int npos = Args.positional(a, kw);
        Object[] out = {npos > 0 ? a[0] : null, npos > 1 ? a[1] : Py.box(0)};
        String invalid = null;
        for (int k = 0; kw != null && k < kw.length; k++) {
            int idx = kw[k].equals("iterable") ? 0 : kw[k].equals("start") ? 1 : -1;
            if (idx < 0 || idx < npos) {
                throw Py.typeError("'" + kw[k] + "' is an invalid keyword argument for enumerate()");
            }
            out[idx] = a[npos + k];
        }
        if (out[0] == null) {
            // CPython names the keyword it could not place before the missing iterable
            throw Py.typeError("'" + kw[0] + "' is an invalid keyword argument for enumerate()");
        }
        return out;
    }
}
