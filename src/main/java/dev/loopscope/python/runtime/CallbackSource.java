package dev.loopscope.python.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How asyncio names a callback in reprs and error reports ({@code format_helpers._format_callback_source}):
 * the callable's qualified name with its arguments shortened as {@code reprlib.repr} shortens them, a
 * {@code functools.partial} unwrapped with its own arguments appended, and {@code at file:line} when the
 * callable is (or wraps) a Python function. Bound methods and builtins have no location.
 */
public final class CallbackSource {

    private CallbackSource() {
    }

    /** {@code fn} called with {@code args}, as {@code <Handle ...>} and "Exception in callback ..." show it. */
    public static String of(Object fn, Object[] args) {
        String text = format(fn, args, new String[0], new Object[0], "");
        PyFunction source = sourceFunction(fn);
        if (source != null) {
            text += " at " + source.code.source.fileName() + ":" + source.code.firstLine;
        }
        return text;
    }

    private static String format(Object fn, Object[] args, String[] kwNames, Object[] kwValues, String suffix) {
        if (fn instanceof Functools.Partial p) {
            return format(p.func, p.args, p.kwNames, p.kwValues, arguments(args, kwNames, kwValues) + suffix);
        }
        Object q = Ops.getAttrOrNull(fn, "__qualname__");
        if (!(q instanceof String qs) || qs.isEmpty()) {
            q = Ops.getAttrOrNull(fn, "__name__");
        }
        String name = q instanceof String qs && !qs.isEmpty() ? qs : Ops.repr(fn);
        return name + arguments(args, kwNames, kwValues) + suffix;
    }

    /** The function whose code gives the location: {@code inspect.unwrap}, then through partials. */
    private static PyFunction sourceFunction(Object fn) {
        Object f = fn;
        for (int depth = 0; depth < 100; depth++) {
            Object wrapped = f instanceof PyObject ? Ops.getAttrOrNull(f, "__wrapped__") : null;
            if (wrapped != null) {
                f = wrapped;
            } else if (f instanceof Functools.Partial p) {
                f = p.func;
            } else {
                break;
            }
        }
        return f instanceof PyFunction pf ? pf : null;
    }

    private static String arguments(Object[] args, String[] kwNames, Object[] kwValues) {
        List<String> items = new ArrayList<>();
        for (Object a : args) {
            items.add(shortRepr(a, 6));
        }
        for (int i = 0; i < kwNames.length; i++) {
            items.add(kwNames[i] + "=" + shortRepr(kwValues[i], 6));
        }
        return "(" + String.join(", ", items) + ")";
    }

    /** {@code reprlib.repr(x)}: the abbreviated repr asyncio uses for arguments and future results. */
    public static String reprlib(Object x) {
        return shortRepr(x, 6);
    }

    /** {@code reprlib.repr} with its default limits. */
    static String shortRepr(Object x, int level) {
        if (x instanceof String str) {
            String s = Ops.repr(str.length() > 30 ? str.substring(0, 30) : str);
            if (s.length() > 30) {
                int i = 13;
                int j = 14;
                s = Ops.repr(str.substring(0, i) + str.substring(str.length() - j));
                s = s.substring(0, i) + "..." + s.substring(s.length() - j);
            }
            return s;
        }
        if (Py.typeOf(x) == Types.INT) {
            return shorten(Ops.repr(x), 40);
        }
        if (x instanceof PyList l && Py.typeOf(x) == Types.LIST) {
            return shortItems(Arrays.copyOf(l.items, l.size), level, "[", "]", "");
        }
        if (x instanceof PyTuple t && Py.typeOf(x) == Types.TUPLE) {
            return shortItems(t.items, level, "(", ")", ",");
        }
        if (x instanceof PySet set && (Py.typeOf(x) == Types.SET || Py.typeOf(x) == Types.FROZENSET)) {
            boolean frozen = Py.typeOf(x) == Types.FROZENSET;
            if (set.size() == 0) {
                return frozen ? "frozenset()" : "set()";
            }
            Object[] items = possiblySorted(set.elements());
            return frozen ? shortItems(items, level, "frozenset({", "})", "") : shortItems(items, level, "{", "}", "");
        }
        if (x instanceof PyDict d && Py.typeOf(x) == Types.DICT) {
            if (d.size() == 0) {
                return "{}";
            }
            if (level <= 0) {
                return "{...}";
            }
            Object[] keys = possiblySorted(d.keyList());
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < Math.min(4, keys.length); i++) {
                pieces.add(shortRepr(keys[i], level - 1) + ": " + shortRepr(d.get(keys[i]), level - 1));
            }
            if (keys.length > 4) {
                pieces.add("...");
            }
            return "{" + String.join(", ", pieces) + "}";
        }
        return shorten(Ops.repr(x), 30);
    }

    /**
     * reprlib's {@code _possibly_sorted}: sorted when the items compare (all strings, or all numbers), else in
     * their own order, as the TypeError of comparing mixed types makes reprlib fall back to.
     */
    private static Object[] possiblySorted(List<Object> items) {
        Object[] a = items.toArray();
        boolean strings = true;
        boolean numbers = true;
        for (Object o : a) {
            strings &= o instanceof String;
            numbers &= o instanceof Boolean || Py.isInt(o) || o instanceof Double;
        }
        if (strings) {
            Arrays.sort(a, (p, q) -> Ops.compareStrings((String) p, (String) q));
        } else if (numbers) {
            Arrays.sort(a, (p, q) -> Ops.truthy(Ops.compare(Ops.LT, p, q)) ? -1
                    : Ops.truthy(Ops.compare(Ops.LT, q, p)) ? 1 : 0);
        }
        return a;
    }

    private static String shortItems(Object[] items, int level, String left, String right, String trail) {
        if (level <= 0 && items.length > 0) {
            return left + "..." + right;
        }
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < Math.min(6, items.length); i++) {
            pieces.add(shortRepr(items[i], level - 1));
        }
        if (items.length > 6) {
            pieces.add("...");
        }
        return left + String.join(", ", pieces) + (items.length == 1 ? trail : "") + right;
    }

    private static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int i = (max - 3) / 2;
        int j = max - 3 - i;
        return s.substring(0, i) + "..." + s.substring(s.length() - j);
    }
}
