package dev.loopscope.python.runtime;

/** Binding of a native function's arguments, with CPython's messages for the common mistakes. */
public final class Args {

    private Args() {
    }

    /**
     * Checks that there are no keyword arguments and between {@code min} and {@code max} positional ones
     * (counting a method's receiver).
     */
    public static void check(String name, Object[] a, String[] kw, int min, int max) {
        if (kw != null && kw.length > 0) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
        int n = a.length;
        if (n < min || n > max) {
            if (min == max && min == 1) {
                throw Py.typeError(name + "() takes exactly one argument (" + n + " given)");
            }
            if (min == max && min == 0) {
                throw Py.typeError(name + "() takes no arguments (" + n + " given)");
            }
            if (min == max) {
                throw Py.typeError(name + " expected " + plural(min, "argument") + ", got " + n);
            }
            if (n < min) {
                throw Py.typeError(name + " expected at least " + plural(min, "argument") + ", got " + n);
            }
            throw Py.typeError(name + " expected at most " + plural(max, "argument") + ", got " + n);
        }
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * Binds positional and keyword arguments to {@code names}; the first {@code required} are mandatory, the
     * rest take {@code defaults} in order. Returns one value per name.
     */
    public static Object[] parse(String fname, Object[] a, String[] kw, int required, String[] names,
                                 Object... defaults) {
        int nkw = kw == null ? 0 : kw.length;
        int npos = a.length - nkw;
        if (npos > names.length) {
            int self = names.length > 0 && names[0].equals("self") ? 1 : 0; // a method's receiver is not counted
            throw Py.typeError(fname + "() takes at most " + plural(names.length - self, "argument") + " ("
                    + (npos - self) + " given)");
        }
        Object[] out = new Object[names.length];
        System.arraycopy(a, 0, out, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int idx = java.util.Arrays.asList(names).indexOf(kw[k]);
            if (idx < 0) {
                throw Py.typeError(fname + "() got an unexpected keyword argument '" + kw[k] + "'");
            }
            if (out[idx] != null) {
                throw Py.typeError("argument for " + fname + "() given by name ('" + kw[k] + "') and position ("
                        + (idx + 1) + ")");
            }
            out[idx] = a[npos + k];
        }
        for (int i = 0; i < names.length; i++) {
            if (out[i] == null) {
                if (i < required && names[0].equals("self") && nkw == 0) {
                    throw Py.typeError(fname + " expected at least " + plural(required - 1, "argument") + ", got "
                            + (npos - 1));
                }
                if (i < required) {
                    throw Py.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1)
                            + ")");
                }
                out[i] = defaults[i - required];
            }
        }
        return out;
    }

    /**
     * Binds arguments the way a function written in Python binds them, with the messages CPython gives for its
     * own library functions ({@code asyncio.sleep}, {@code BaseEventLoop.call_later}): the first
     * {@code positional} names take positional arguments, the rest are keyword-only; the first {@code required}
     * are mandatory and the others take {@code defaults} in order. Returns one value per name.
     */
    public static Object[] parsePython(String fname, Object[] a, String[] kw, int required, int positional,
                                       String[] names, Object... defaults) {
        int nkw = kw == null ? 0 : kw.length;
        int npos = a.length - nkw;
        Object[] out = new Object[names.length];
        System.arraycopy(a, 0, out, 0, Math.min(npos, positional));
        int kwOnlyGiven = 0;
        for (int k = 0; k < nkw; k++) {
            int idx = java.util.Arrays.asList(names).indexOf(kw[k]);
            if (idx < 0) {
                throw Py.typeError(fname + "() got an unexpected keyword argument '" + kw[k] + "'");
            }
            if (out[idx] != null) {
                throw Py.typeError(fname + "() got multiple values for argument '" + kw[k] + "'");
            }
            if (idx >= positional) {
                kwOnlyGiven++;
            }
            out[idx] = a[npos + k];
        }
        if (npos > positional) {
            // a method's self counts here, as it does in CPython's message
            String takes = required == positional ? plural(positional, "positional argument")
                    : "from " + required + " to " + positional + " positional arguments";
            String given = kwOnlyGiven == 0 ? npos + (npos == 1 ? " was" : " were")
                    : plural(npos, "positional argument") + " (and " + plural(kwOnlyGiven, "keyword-only argument")
                            + ") were";
            throw Py.typeError(fname + "() takes " + takes + " but " + given + " given");
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (out[i] == null) {
                if (i < required) {
                    missing.add("'" + names[i] + "'");
                } else {
                    out[i] = defaults[i - required];
                }
            }
        }
        if (!missing.isEmpty()) {
            int n = missing.size();
            String list = n == 1 ? missing.get(0) : n == 2 ? missing.get(0) + " and " + missing.get(1)
                    : String.join(", ", missing.subList(0, n - 1)) + ", and " + missing.get(n - 1);
            throw Py.typeError(fname + "() missing " + plural(n, "required positional argument") + ": " + list);
        }
        return out;
    }

    /** The value of keyword {@code name}, or null. */
    public static Object keyword(Object[] a, String[] kw, String name) {
        if (kw == null) {
            return null;
        }
        int base = a.length - kw.length;
        for (int i = 0; i < kw.length; i++) {
            if (kw[i].equals(name)) {
                return a[base + i];
            }
        }
        return null;
    }

    /** The number of positional arguments. */
    public static int positional(Object[] a, String[] kw) {
        return a.length - (kw == null ? 0 : kw.length);
    }
}
