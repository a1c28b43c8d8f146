package dev.loopscope.python.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The {@code builtins} module and the constructors of the builtin types. */
public final class Builtins {

    private Builtins() {
    }

    // Set while the builtin types are built (TypeMethods), so that class initialisation order cannot leave them unset.
    /** Builtin names that exist only to fail when called ({@code open}, {@code compile}...), for the subset check. */
    private static final java.util.Set<String> UNAVAILABLE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The builtins a program may name but that Loopscope does not provide (known once an interpreter exists). */
    public static java.util.Set<String> unavailable() {
        java.util.Set<String> names = new java.util.TreeSet<>(UNAVAILABLE);
        names.add("open"); // defined, but files do not exist in the simulation
        return names;
    }

    static PyBuiltin OBJECT_INIT;
    static PyBuiltin OBJECT_REPR;
    static PyBuiltin OBJECT_STR;
    static PyBuiltin OBJECT_HASH;
    static PyBuiltin OBJECT_FORMAT;
    static PyBuiltin EXC_REPR;
    static PyBuiltin EXC_STR;

    static PyWrapper objectNew;

    /** Called once from {@link Types}' initialiser: methods and constructors of the builtin types. */
    static void installTypes() {
        TypeMethods.install();
    }

    /** {@code ascii()}: escapes non-ASCII characters of a repr. */
    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                sb.append((char) cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.toString();
    }

    /** How CPython names a callable in argument errors of calls with * and **: module-qualified, with "()". */
    static String callableName(Object callable) {
        if (callable instanceof PyFunction f) {
            return (f.module instanceof String m && !m.equals("builtins") ? m + "." : "") + f.qualname + "()";
        }
        if (callable instanceof PyMethod m) {
            return callableName(m.function);
        }
        if (callable instanceof PyBuiltin b) {
            if (b.owner != null) {
                return b.owner.name + "." + b.name + "()";
            }
            return (b.module != null && !b.module.equals("builtins") ? b.module + "." : "") + b.name + "()";
        }
        if (callable instanceof PyType t) {
            return (t.module != null && !t.module.equals("builtins") ? t.module + "." : "") + t.qualname + "()";
        }
        return Py.typeName(callable) + " object";
    }

    /** int(float), truncating; errors for NaN and infinities. */
    static Object floatToInt(double d) {
        if (Double.isNaN(d)) {
            throw Py.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw Py.overflowError("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.0e18) {
            return Py.box((long) d);
        }
        return Py.normalize(new BigDecimal(d).toBigInteger());
    }

    /**
     * A class body's {@code __slots__}: a member descriptor per name, and no instance {@code __dict__} unless
     * "__dict__" is a slot or a base has one.
     */
    private static void declareSlots(PyType t, Object decl, PyDict ns) {
        Object[] names = decl instanceof String s ? new Object[] {s} : Sequences.toArray(decl);
        boolean withDict = false;
        for (Object n : names) {
            if (!(n instanceof String name)) {
                throw Py.typeError("__slots__ items must be strings, not '" + Py.typeName(n) + "'");
            }
            if (!Strings.isIdentifier(name)) {
                throw Py.typeError("__slots__ must be identifiers");
            }
            if (name.equals("__dict__") || name.equals("__weakref__")) {
                withDict |= name.equals("__dict__");
                continue;
            }
            if (ns.getStr(name) != null) {
                throw Py.valueError("'" + name + "' in __slots__ conflicts with class variable");
            }
            PyProperty member = new PyProperty(name, o -> {
                PyDict values = ((PyInstance) o).slots;
                Object v = values == null ? null : values.getStr(name);
                if (v == null) {
                    throw Py.attributeError("'" + Py.typeName(o) + "' object has no attribute '" + name + "'");
                }
                return v;
            }, (o, v) -> {
                PyInstance inst = (PyInstance) o;
                if (inst.slots == null) {
                    inst.slots = new PyDict();
                }
                inst.slots.put(name, v);
            });
            member.memberOf = t.name;
            t.dict.put(name, member);
        }
        boolean basesSlotted = true;
        for (PyType b : t.bases) {
            basesSlotted &= b == Types.OBJECT || b.slotted;
        }
        t.slotted = !withDict && basesSlotted;
    }

    /** Creates a class from a class body's namespace. */
    static PyType newClass(Interpreter interp, String name, PyType[] bases, PyDict ns, PyDict kwargs) {
        Object mod = ns.getStr("__module__");
        PyType t = new PyType(name, mod == null ? "__main__" : Ops.str(mod), false, bases);
        t.interp = interp;
        Object qn = ns.getStr("__qualname__");
        t.qualname = qn instanceof String s ? s : name;
        PyType layout = null;
        for (PyType b : t.mro) {
            if (b.allocator != null) {
                layout = b;
                break;
            }
        }
        t.allocator = layout == null ? null : layout.allocator;
        Object cell = null;
        for (int i = 0; i < ns.end(); i++) {
            Object k = ns.keyAt(i);
            if (k == null || k.equals("__qualname__")) {
                continue;
            }
            if (k.equals("__classcell__")) {
                cell = ns.valueAt(i);
                continue;
            }
            Object v = ns.valueAt(i);
            if (k.equals("__new__") && v instanceof PyFunction) {
                v = new PyWrapper(v, false);
            } else if ((k.equals("__init_subclass__") || k.equals("__class_getitem__")) && v instanceof PyFunction) {
                v = new PyWrapper(v, true);
            }
            t.dict.put(k, v);
        }
        if (t.dict.getStr("__doc__") == null) {
            t.dict.put("__doc__", Py.None);
        }
        Object slotsDecl = ns.getStr("__slots__");
        if (slotsDecl != null) {
            declareSlots(t, slotsDecl, ns);
        }
        if (t.dict.getStr("__eq__") != null && t.dict.getStr("__hash__") == null) {
            t.dict.put("__hash__", Py.None);
        }
        t.invalidate();
        if (cell instanceof PyCell c) {
            c.value = t;
        }
        for (int i = 0; i < ns.end(); i++) {
            Object v = ns.valueAt(i);
            Object k = ns.keyAt(i);
            if (k == null) {
                continue;
            }
            if (v instanceof PyProperty prop && k instanceof String attr) {
                prop.attrName = attr;
            }
            Object setName = v instanceof PyInstance ? Py.typeOf(v).lookup("__set_name__") : null;
            if (setName != null) {
                Ops.call(Attributes.bind(setName, v, Py.typeOf(v)), t, k);
            }
        }
        PySuper sup = new PySuper(t, t);
        Object initSub = sup.lookup("__init_subclass__");
        if (initSub != null && !(initSub instanceof PyBuiltin)) {
            List<Object> args = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (kwargs != null) {
                for (int i = 0; i < kwargs.end(); i++) {
                    if (kwargs.keyAt(i) != null) {
                        names.add((String) kwargs.keyAt(i));
                        args.add(kwargs.valueAt(i));
                    }
                }
            }
            Ops.callKw(initSub, args.toArray(), names.isEmpty() ? null : names.toArray(new String[0]));
        } else if (kwargs != null && kwargs.size() > 0) {
            throw Py.typeError(name + ".__init_subclass__() takes no keyword arguments");
        }
        return t;
    }

    // --- the module ----------------------------------------------------------------------------------------------

    static PyModule createModule(Interpreter interp) {
        PyModule m = new PyModule("builtins");
        PyDict d = m.dict;
        java.util.Map<String, Object> known = new java.util.HashMap<>();
        for (java.lang.reflect.Field f : Types.class.getFields()) {
            try {
                if (f.get(null) instanceof PyType t && "builtins".equals(t.module)) {
                    known.put(t.name, t);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        known.put("None", Py.None);
        known.put("NotImplemented", Py.NotImplemented);
        known.put("Ellipsis", Py.Ellipsis);
        known.put("__debug__", Boolean.TRUE);
        known.put("EnvironmentError", Types.OS_ERROR);
        known.put("IOError", Types.OS_ERROR);
        known.put("__name__", "builtins");
        known.put("__doc__", "Built-in functions, types, exceptions, and other objects.");
        known.put("__package__", "");
        known.put("__loader__", Py.None);
        known.put("__spec__", Py.None);
        PyModule functions = new PyModule("builtins");
        BuiltinFunctions.define(functions, interp);
        for (Object k : functions.dict.keyList()) {
            known.put((String) k, functions.dict.getStr((String) k));
        }
        // CPython's order: NameError suggestions try candidates in this order
        for (String name : Suggestions.BUILTIN_NAMES) {
            Object v = known.remove(name);
            if (v == null) {
                UNAVAILABLE.add(name);
                v = PyBuiltin.function(name, (t, a, kw) -> {
                    throw Py.error(Types.NOT_IMPLEMENTED_ERROR, name + "() is not available in Loopscope");
                });
            }
            d.put(name, v);
        }
        return m;
    }

    // --- constructors of builtin types -----------------------------------------------------------------------

    static Object makeInt(Object[] a, String[] kw) {
        Object[] p = Args.parse("int", a, kw, 0, new String[] {"x", "base"}, Py.None, Py.None);
        Object x = p[0];
        Object base = p[1];
        if (x == Py.None && a.length == 0) {
            return Py.box(0);
        }
        if (base != Py.None) {
            long b = Ops.index(base);
            if (!(x instanceof String s)) {
                throw Py.typeError("int() can't convert non-string with explicit base");
            }
            if (b != 0 && (b < 2 || b > 36)) {
                throw Py.valueError("int() base must be >= 2 and <= 36, or 0");
            }
            return parseInt(s, (int) b);
        }
        if (x instanceof Long || x instanceof BigInteger) {
            return x;
        }
        if (x instanceof Boolean b) {
            return Py.box(b ? 1 : 0);
        }
        if (x instanceof Double dd) {
            return floatToInt(dd);
        }
        if (x instanceof String s) {
            return parseInt(s, 10);
        }
        if (x instanceof byte[] b) {
            return parseInt(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), 10);
        }
        PyType t = Py.typeOf(x);
        for (String m : new String[] {"__int__", "__index__", "__trunc__"}) {
            if (t.lookup(m) != null) {
                Object r = Ops.callMethod(x, m);
                if (!Py.isInt(r)) {
                    throw Py.typeError(m + " returned non-int (type " + Py.typeName(r) + ")");
                }
                return Ops.intValue(r);
            }
        }
        throw Py.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + t.name + "'");
    }

    static Object parseInt(String text, int base) {
        String s = text.strip();
        String orig = text;
        boolean neg = false;
        String body = s;
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int b = base;
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if ((b == 16 || b == 0) && lower.startsWith("0x")) {
            b = 16;
            body = body.substring(2);
            if (body.startsWith("_")) {
                body = body.substring(1);
            }
        } else if ((b == 8 || b == 0) && lower.startsWith("0o")) {
            b = 8;
            body = body.substring(2);
            if (body.startsWith("_")) {
                body = body.substring(1);
            }
        } else if ((b == 2 || b == 0) && lower.startsWith("0b")) {
            b = 2;
            body = body.substring(2);
            if (body.startsWith("_")) {
                body = body.substring(1);
            }
        } else if (b == 0) {
            b = 10;
            if (body.length() > 1 && body.charAt(0) == '0' && !body.replace("_", "").chars().allMatch(ch -> ch == '0')) {
                throw invalidInt(orig, base);
            }
        }
        if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__")) {
            throw invalidInt(orig, base);
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '_') {
                continue;
            }
            int dv = Character.digit(ch, b);
            if (dv < 0) {
                throw invalidInt(orig, base);
            }
            digits.append(Character.forDigit(dv, b));
        }
        int limit = Interpreter.maxStrDigits();
        if (b == 10 && limit > 0 && digits.length() > limit) {
            throw Py.valueError("Exceeds the limit (" + limit + " digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        BigInteger v = new BigInteger(digits.toString(), b);
        return Py.normalize(neg ? v.negate() : v);
    }

    private static PyError invalidInt(String s, int base) {
        return Py.valueError("invalid literal for int() with base " + base + ": " + Strings.repr(s));
    }

    static Object makeFloat(Object[] a, String[] kw) {
        Args.check("float", a, kw, 0, 1);
        if (a.length == 0) {
            return 0.0;
        }
        Object x = a[0];
        if (x instanceof Double) {
            return x;
        }
        if (x instanceof Long || x instanceof Boolean || x instanceof BigInteger) {
            return Ops.toDouble(x);
        }
        if (x instanceof String s) {
            return parseFloat(s);
        }
        PyType t = Py.typeOf(x);
        if (t.lookup("__float__") != null) {
            Object r = Ops.callMethod(x, "__float__");
            if (!(r instanceof Double)) {
                throw Py.typeError(t.name + ".__float__ returned non-float (type " + Py.typeName(r) + ")");
            }
            return r;
        }
        if (t.lookup("__index__") != null) {
            return Ops.toDouble(Ops.callMethod(x, "__index__"));
        }
        throw Py.typeError("float() argument must be a string or a real number, not '" + t.name + "'");
    }

    static double parseFloat(String text) {
        // as CPython: decimal digits of any script count as their ASCII digit, any Unicode space as a space
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp > 127 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(cp, 10)));
            } else if (cp > 127 && (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85)) {
                ascii.append(' ');
            } else {
                ascii.appendCodePoint(cp);
            }
        });
        String s = ascii.toString().strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean neg = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!s.matches("[+-]?((\\d(_?\\d)*)?\\.?\\d(_?\\d)*|\\d(_?\\d)*\\.)([eE][+-]?\\d(_?\\d)*)?")) {
            throw Py.valueError("could not convert string to float: " + Strings.repr(text));
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    /** {@code round(x[, n])}. */
    static Object round(Object x, Object nd) {
        if (x instanceof Double d) {
            if (nd == Py.None) {
                return floatToInt(Math.rint(d));
            }
            long n = Ops.index(nd);
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0.0) {
                return d;
            }
            if (n > 330) {
                return d;
            }
            if (n < -330) {
                return Math.copySign(0.0, d);
            }
            BigDecimal r = new BigDecimal(d).setScale((int) n, RoundingMode.HALF_EVEN);
            double v = r.doubleValue();
            if (Double.isInfinite(v)) {
                throw Py.overflowError("rounded value too large to represent");
            }
            if (v == 0.0) {
                return Math.copySign(0.0, d);
            }
            return v;
        }
        if (Py.isInt(x)) {
            Object iv = Ops.intValue(x);
            if (nd == Py.None) {
                return iv;
            }
            long n = Ops.index(nd);
            if (n >= 0) {
                return iv;
            }
            BigDecimal r = new BigDecimal(Ops.big(iv)).setScale((int) Math.max(n, -100000), RoundingMode.HALF_EVEN);
            return Py.normalize(r.toBigInteger());
        }
        PyType t = Py.typeOf(x);
        if (t.lookup("__round__") != null) {
            return nd == Py.None ? Ops.callMethod(x, "__round__") : Ops.callMethod(x, "__round__", nd);
        }
        throw Py.typeError("type " + t.name + " doesn't define __round__ method");
    }
}
