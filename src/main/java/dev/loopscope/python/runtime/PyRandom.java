package dev.loopscope.python.runtime;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source32.MersenneTwister;

/**
 * {@code random.Random}: CPython's Mersenne Twister generator with its exact seeding and derivations, so a
 * seeded program draws the same numbers as under CPython.
 */
public class PyRandom extends PyObject implements Copier.ModuleState {

    static final PyType TYPE = new PyType("Random", "random", true, Types.OBJECT);

    private MersenneTwister mt;
    private Double gaussNext;

    public PyRandom(Object seed) {
        seed(seed);
    }

    private PyRandom() {
    }

    /** An instance of a class derived from {@code random.Random}: the generator plus an attribute namespace. */
    static final class Sub extends PyRandom implements HasDict {
        private final PyType type;
        private final PyDict dict = new PyDict();

        Sub(PyType type) {
            super(seedArg(null, Py.None));
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public PyDict instanceDict() {
            return dict;
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public Object copyState() {
        PyRandom r = new PyRandom();
        r.mt = new MersenneTwister(new int[] {0});
        r.mt.restoreState(mt.saveState());
        r.gaussNext = gaussNext;
        return r;
    }

    /** {@code seed(a)}: ints by the 32-bit words of their absolute value; str/bytes with SHA-512 (version 2). */
    public void seed(Object a) {
        BigInteger n;
        if (a instanceof String || a instanceof byte[]) {
            byte[] bytes = a instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : (byte[]) a;
            try {
                byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
                byte[] all = new byte[bytes.length + digest.length];
                System.arraycopy(bytes, 0, all, 0, bytes.length);
                System.arraycopy(digest, 0, all, bytes.length, digest.length);
                n = new BigInteger(1, all);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        } else if (Py.isInt(a)) {
            n = Ops.big(a).abs();
        } else if (a instanceof Double) {
            n = BigInteger.valueOf(Ops.hash(a)).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        } else {
            throw err(Py.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray."),
                    167, "seed", "raise TypeError('The only supported seed types are: None,\\n'");
        }
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        mt = new MersenneTwister(key);
        gaussNext = null;
    }

    /**
     * {@code getstate()}: {@code (3, words, gauss_next)} as CPython returns it, where {@code words} are the
     * generator's 624 state words followed by its position. The saved state of commons-rng's generator starts with
     * exactly these 625 ints, little-endian.
     */
    PyTuple getState() {
        ByteBuffer b = ByteBuffer.wrap(savedState()).order(ByteOrder.LITTLE_ENDIAN);
        Object[] words = new Object[STATE_INTS];
        for (int i = 0; i < STATE_INTS; i++) {
            words[i] = Py.box(b.getInt(4 * i) & 0xffffffffL);
        }
        return new PyTuple(new Object[] {Py.box(3L), new PyTuple(words), gaussNext == null ? Py.None : gaussNext});
    }

    /** {@code setstate(state)}: a state from {@link #getState()}, checked as CPython checks it. */
    void setState(Object state) {
        Object version = Ops.getItem(state, Py.box(0L));
        // version 2 (Python 2's getstate) kept signed words: they are taken modulo 2**32
        boolean v2 = Ops.eq(version, Py.box(2L));
        if (!v2 && !Ops.eq(version, Py.box(3L))) {
            throw err(Py.valueError("state with version " + Ops.str(version) + " passed to Random.setstate() of "
                    + "version 3"), 195, "setstate", "raise ValueError(\"state with version %s passed to \"");
        }
        int unpackLine = v2 ? 184 : 181;
        int setLine = v2 ? 193 : 182;
        if (!(state instanceof PyTuple t) || t.items.length != 3) {
            throw err(Py.valueError(state instanceof PyTuple t && t.items.length < 3
                    ? "not enough values to unpack (expected 3, got " + t.items.length + ")"
                    : "too many values to unpack (expected 3)"), unpackLine, "setstate",
                    "version, internalstate, self.gauss_next = state");
        }
        Object g = t.items[2];
        gaussNext = g == Py.None ? null : Ops.toDouble(g);
        if (!(t.items[1] instanceof PyTuple words)) {
            throw err(Py.typeError("state vector must be a tuple"), setLine, "setstate",
                    "super().setstate(internalstate)");
        }
        if (words.items.length != STATE_INTS) {
            throw err(Py.valueError("state vector is the wrong size"), setLine, "setstate",
                    "super().setstate(internalstate)");
        }
        byte[] bytes = savedState();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long index = 0;
        for (int i = 0; i < STATE_INTS; i++) {
            if (!Py.isInt(words.items[i])) {
                throw err(Py.typeError("'" + Py.typeName(words.items[i]) + "' object cannot be interpreted as an "
                        + "integer"), setLine, "setstate", "super().setstate(internalstate)");
            }
            java.math.BigInteger w = Ops.big(words.items[i]);
            if (v2) {
                w = w.mod(java.math.BigInteger.ONE.shiftLeft(32));
            }
            if (w.signum() < 0 || w.bitLength() > 64) {
                throw err(new PyError(Py.newException(Types.OVERFLOW_ERROR, w.signum() < 0
                        ? "can't convert negative value to unsigned int"
                        : "Python int too large to convert to C unsigned long")), setLine, "setstate",
                        "super().setstate(internalstate)");
            }
            b.putInt(4 * i, w.intValue());
            index = w.longValue();
        }
        if (index > STATE_INTS - 1) {
            throw err(Py.valueError("invalid state"), setLine, "setstate", "super().setstate(internalstate)");
        }
        mt.restoreState(new RandomProviderDefaultState(bytes));
    }

    private static final int STATE_INTS = 625;

    private byte[] savedState() {
        return ((RandomProviderDefaultState) mt.saveState()).getState();
    }

    long next32() {
        return mt.nextInt() & 0xffffffffL;
    }

    public double random() {
        long a = next32() >>> 5;
        long b = next32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    public Object getrandbits(long k) {
        if (k < 0) {
            throw Py.valueError("number of bits must be non-negative");
        }
        if (k == 0) {
            return Py.box(0);
        }
        if (k <= 32) {
            return Py.box(next32() >>> (32 - k));
        }
        int words = (int) ((k - 1) / 32 + 1);
        BigInteger r = BigInteger.ZERO;
        long bits = k;
        for (int i = 0; i < words; i++, bits -= 32) {
            long w = next32();
            if (bits < 32) {
                w >>>= (32 - bits);
            }
            r = r.or(BigInteger.valueOf(w).shiftLeft(32 * i));
        }
        return Py.normalize(r);
    }

    /** A random int in [0, n), n > 0, by rejection on n.bit_length() bits. */
    public Object randbelow(Object n) {
        int k = Ops.big(n).bitLength();
        if (n instanceof Long ln) {
            long r = getrandbitsLong(k);
            while (r >= ln) {
                r = getrandbitsLong(k);
            }
            return Py.box(r);
        }
        Object r = getrandbits(k);
        while (Ops.numCompare(r, n) >= 0) {
            r = getrandbits(k);
        }
        return r;
    }

    private long getrandbitsLong(int k) {
        Object r = getrandbits(k);
        return (Long) r;
    }

    private static LibraryFrames.Entry at(int line, String function, String source, String highlighted) {
        return LibraryFrames.stdlib("random.py", line, function, source, highlighted);
    }

    private static PyError err(PyError e, int line, String function, String source) {
        return LibraryFrames.through(e, at(line, function, source, null));
    }

    private static Object indexAt(Object o, int line, String source) {
        try {
            return index(o);
        } catch (PyError e) {
            throw LibraryFrames.through(e, at(line, "randrange", source, source.substring(source.indexOf('_'))));
        }
    }

    public Object randrange(Object start, Object stop, Object step) {
        Object istart = indexAt(start, 301, "istart = _index(start)");
        if (stop == Py.None) {
            if (step != null) {
                throw err(Py.typeError("Missing a non-None stop argument"), 306, "randrange",
                        "raise TypeError(\"Missing a non-None stop argument\")");
            }
            if (Ops.numCompare(istart, Py.box(0)) > 0) {
                return randbelow(istart);
            }
            throw err(Py.valueError("empty range for randrange()"), 309, "randrange",
                    "raise ValueError(\"empty range for randrange()\")");
        }
        Object istop = indexAt(stop, 312, "istop = _index(stop)");
        Object width = Ops.sub(istop, istart);
        Object istep = step == null ? Py.box(1) : indexAt(step, 314, "istep = _index(step)");
        if (istep instanceof Long l && l == 1) {
            if (Ops.numCompare(width, Py.box(0)) > 0) {
                return Ops.add(istart, randbelow(width));
            }
            throw err(Py.valueError("empty range in randrange(" + Ops.str(start) + ", " + Ops.str(stop) + ")"), 319,
                    "randrange", "raise ValueError(f\"empty range in randrange({start}, {stop})\")");
        }
        Object n;
        int sign = Ops.numCompare(istep, Py.box(0));
        if (sign > 0) {
            n = Ops.binary(Ops.FLOORDIV, Ops.sub(Ops.add(width, istep), Py.box(1)), istep, false);
        } else if (sign < 0) {
            n = Ops.binary(Ops.FLOORDIV, Ops.add(Ops.add(width, istep), Py.box(1)), istep, false);
        } else {
            throw err(Py.valueError("zero step for randrange()"), 327, "randrange",
                    "raise ValueError(\"zero step for randrange()\")");
        }
        if (Ops.numCompare(n, Py.box(0)) <= 0) {
            throw err(Py.valueError("empty range in randrange(" + Ops.str(start) + ", " + Ops.str(stop) + ", "
                    + Ops.str(step) + ")"), 329, "randrange",
                    "raise ValueError(f\"empty range in randrange({start}, {stop}, {step})\")");
        }
        return Ops.add(istart, Ops.binary(Ops.MUL, istep, randbelow(n), false));
    }

    private static Object index(Object o) {
        if (Py.isInt(o)) {
            return Ops.intValue(o);
        }
        if (o instanceof PyInstance && Py.typeOf(o).lookup("__index__") != null) {
            return Ops.callMethod(o, "__index__");
        }
        throw Py.typeError("'" + Py.typeName(o) + "' object cannot be interpreted as an integer");
    }

    public double gauss(double mu, double sigma) {
        return mu + gaussZ() * sigma;
    }

    /** The standard normal value {@code gauss} scales: drawn in pairs, the second kept for the next call. */
    double gaussZ() {
        Double z = gaussNext;
        gaussNext = null;
        if (z == null) {
            double x2pi = random() * 2 * Math.PI;
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
        }
        return z;
    }

    /** {@code a op b} as Python computes it, failing through random.py's line {@code line} of {@code function}. */
    private static Object arith(int op, Object a, Object b, int line, String function, String source,
                                String highlighted, String operator) {
        try {
            return Ops.binary(op, a, b, false);
        } catch (PyError e) {
            throw LibraryFrames.through(e, LibraryFrames.Entry.of(LibraryFrames.DEFAULT_ROOT + "/random.py", line,
                    function, source, highlighted, operator));
        }
    }

    private static final double LOG4 = StrictMath.log(4.0);
    private static final double SG_MAGICCONST = 1.0 + StrictMath.log(4.5);

    /** {@code gammavariate(alpha, beta)} with the three methods of CPython's random.py, drawing as it does. */
    double gammavariate(double alpha, double beta) {
        if (alpha <= 0.0 || beta <= 0.0) {
            throw err(Py.valueError("gammavariate: alpha and beta must be > 0.0"), 682, "gammavariate",
                    "raise ValueError('gammavariate: alpha and beta must be > 0.0')");
        }
        if (alpha > 1.0) {
            // R.C.H. Cheng's rejection method
            double ainv = Math.sqrt(2.0 * alpha - 1.0);
            double bbb = alpha - LOG4;
            double ccc = alpha + ainv;
            while (true) {
                double u1 = random();
                if (!(1e-7 < u1 && u1 < 0.9999999)) {
                    continue;
                }
                double u2 = 1.0 - random();
                double v = StrictMath.log(u1 / (1.0 - u1)) / ainv;
                double x = alpha * StrictMath.exp(v);
                double z = u1 * u1 * u2;
                double r = bbb + ccc * v - x;
                if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= StrictMath.log(z)) {
                    return x * beta;
                }
            }
        }
        if (alpha == 1.0) {
            return -StrictMath.log(1.0 - random()) * beta;
        }
        // 0 < alpha < 1: algorithm GS
        double x;
        while (true) {
            double u = random();
            double b = (Math.E + alpha) / Math.E;
            double p = b * u;
            if (p <= 1.0) {
                x = StrictMath.pow(p, 1.0 / alpha);
            } else {
                x = -StrictMath.log((b - p) / alpha);
            }
            double u1 = random();
            if (p > 1.0) {
                if (u1 <= StrictMath.pow(x, alpha - 1.0)) {
                    break;
                }
            } else if (u1 <= StrictMath.exp(-x)) {
                break;
            }
        }
        return x * beta;
    }

    /**
     * Binds the arguments of a method that random.py defines in Python, with the messages CPython gives for a
     * Python function: {@code names} start with self; those from {@code kwOnly} on are keyword-only; the first
     * {@code required} are mandatory and the rest take {@code defaults} in order.
     */
    static Object[] bind(String name, Object[] a, String[] kw, String[] names, int kwOnly, int required,
                         Object... defaults) {
        String f = "Random." + name + "()";
        int nkw = kw == null ? 0 : kw.length;
        int npos = a.length - nkw;
        if (npos > kwOnly) {
            int min = Math.min(required, kwOnly);
            String takes = min == kwOnly ? String.valueOf(kwOnly) : "from " + min + " to " + kwOnly;
            throw Py.typeError(f + " takes " + takes + " positional argument" + (kwOnly == 1 && min == kwOnly ? "" : "s")
                    + " but " + npos + (npos == 1 ? " was" : " were") + " given");
        }
        Object[] out = new Object[names.length];
        System.arraycopy(a, 0, out, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int idx = java.util.Arrays.asList(names).indexOf(kw[k]);
            if (idx < 1) {
                throw Py.typeError(f + " got an unexpected keyword argument '" + kw[k] + "'");
            }
            if (out[idx] != null) {
                throw Py.typeError(f + " got multiple values for argument '" + kw[k] + "'");
            }
            out[idx] = a[npos + k];
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (out[i] == null) {
                missing.add("'" + names[i] + "'");
            }
        }
        if (!missing.isEmpty()) {
            String list = missing.size() == 1 ? missing.get(0) : missing.size() == 2
                    ? missing.get(0) + " and " + missing.get(1)
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + ", and " + missing.getLast();
            throw Py.typeError(f + " missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + list);
        }
        for (int i = required; i < names.length; i++) {
            if (out[i] == null) {
                out[i] = defaults[i - required];
            }
        }
        return out;
    }

    /** {@code sample(population, k)} without counts, drawing as random.py does. */
    Object sample(Object pop, Object kObj) {
        PyRandom r = this;
        long n = Ops.len(pop);
        long k = Ops.index(kObj);
        if (k < 0 || k > n) {
            throw err(Py.valueError("Sample larger than population or is negative"), 430, "sample",
                "raise ValueError(\"Sample larger than population or is negative\")");
        }
        Object[] result = new Object[(int) k];
        long setsize = 21;
        if (k > 5) {
            setsize += (long) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
        }
        if (n <= setsize) {
            Object[] pool = Sequences.toArray(pop).clone();
            for (int i = 0; i < k; i++) {
                int j = (int) (long) (Long) r.randbelow(Py.box(n - i));
                result[i] = pool[j];
                pool[j] = pool[(int) (n - i - 1)];
            }
        } else {
            java.util.Set<Long> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = (Long) r.randbelow(Py.box(n));
                while (selected.contains(j)) {
                    j = (Long) r.randbelow(Py.box(n));
                }
                selected.add(j);
                result[i] = Ops.getItem(pop, Py.box(j));
            }
        }
        return PyList.of(result);
    }

    static PyModule createModule(Interpreter interp) {
        PyRandom inst = new PyRandom(Py.box(interp.settings.seed()));
        interp.moduleState.put("random", inst);
        PyModule m = new PyModule("random");
        installType();
        m.set("Random", TYPE);
        for (String name : new String[] {"seed", "random", "getrandbits", "randrange", "randint", "choice",
            "choices", "shuffle", "sample", "uniform", "gauss", "normalvariate", "expovariate", "triangular",
            "betavariate", "getstate", "setstate"}) {
            Object method = TYPE.dict.getStr(name);
            if (method instanceof PyBuiltin b) {
                PyBuiltin f = PyBuiltin.function(name, (t, a, kw) -> {
                    PyRandom r = (PyRandom) (t == null ? interp : t.interp).moduleState.get("random");
                    return b.fn.call(t, PyThread.prepend(r, a), kw);
                });
                f.module = "random";
                m.set(name, f);
            }
        }
        return m;
    }

    private static boolean installed;

    private static synchronized void installType() {
        if (installed) {
            return;
        }
        installed = true;
        TYPE.constructor = (t, a, kw) -> new PyRandom(a.length > 1 ? seedArg(t, a[1]) : seedArg(t, Py.None));
        // Subclasses get their instances from the allocator and are seeded by Random.__init__(self, x=None).
        TYPE.allocator = Sub::new;
        TYPE.method("__init__", (t, a, kw) -> {
            Object[] p = bind("__init__", a, kw, new String[] {"self", "x"}, 2, 1, Py.None);
            ((PyRandom) p[0]).seed(seedArg(t, p[1]));
            return Py.None;
        });
        TYPE.method("seed", (t, a, kw) -> {
            Object[] p = bind("seed", a, kw, new String[] {"self", "a", "version"}, 3, 1, Py.None, Py.box(2));
            ((PyRandom) p[0]).seed(seedArg(t, p[1]));
            return Py.None;
        });
        TYPE.method("getstate", (t, a, kw) -> {
            bind("getstate", a, kw, new String[] {"self"}, 1, 1);
            return ((PyRandom) a[0]).getState();
        });
        TYPE.method("setstate", (t, a, kw) -> {
            Object[] p = bind("setstate", a, kw, new String[] {"self", "state"}, 2, 2);
            ((PyRandom) p[0]).setState(p[1]);
            return Py.None;
        });
        TYPE.method("random", (t, a, kw) -> {
            Args.check("random", a, kw, 1, 1);
            return ((PyRandom) a[0]).random();
        });
        TYPE.method("getrandbits", (t, a, kw) -> {
            Args.check("getrandbits", a, kw, 2, 2);
            return ((PyRandom) a[0]).getrandbits(Ops.index(a[1]));
        });
        TYPE.method("randrange", (t, a, kw) -> {
            Object[] p = bind("randrange", a, kw, new String[] {"self", "start", "stop", "step"}, 4, 2,
                    Py.None, null);
            return ((PyRandom) p[0]).randrange(p[1], p[2], p[3]);
        });
        TYPE.method("randint", (t, a, kw) -> {
            Object[] p = bind("randint", a, kw, new String[] {"self", "a", "b"}, 3, 3);
            try {
                return ((PyRandom) p[0]).randrange(p[1], Ops.add(p[2], Py.box(1)), null);
            } catch (PyError e) {
                throw LibraryFrames.through(e, at(336, "randint", "return self.randrange(a, b+1)",
                        "self.randrange(a, b+1)"));
            }
        });
        TYPE.method("choice", (t, a, kw) -> {
            a = bind("choice", a, kw, new String[] {"self", "seq"}, 2, 2);
            long n = Ops.len(a[1]);
            if (n == 0) {
                throw err(Py.indexError("Cannot choose from an empty sequence"), 347, "choice",
                        "raise IndexError('Cannot choose from an empty sequence')");
            }
            return Ops.getItem(a[1], ((PyRandom) a[0]).randbelow(Py.box(n)));
        });
        TYPE.method("shuffle", (t, a, kw) -> {
            a = bind("shuffle", a, kw, new String[] {"self", "x"}, 2, 2);
            PyRandom r = (PyRandom) a[0];
            Object x = a[1];
            long n = Ops.len(x);
            for (long i = n - 1; i >= 1; i--) {
                Object j = r.randbelow(Py.box(i + 1));
                Object xi = Ops.getItem(x, Py.box(i));
                Object xj = Ops.getItem(x, j);
                try {
                    Ops.setItem(x, Py.box(i), xj);
                    Ops.setItem(x, j, xi);
                } catch (PyError e) {
                    throw LibraryFrames.through(e, LibraryFrames.Entry.of(LibraryFrames.DEFAULT_ROOT + "/random.py",
                            357, "shuffle", "x[i], x[j] = x[j], x[i]", "x[i]", "[i]"));
                }
            }
            return Py.None;
        });
        TYPE.method("sample", (t, a, kw) -> {
            Object[] p = bind("sample", a, kw, new String[] {"self", "population", "k", "counts"}, 3, 3,
                    Py.None);
            PyRandom r = (PyRandom) p[0];
            Object pop = p[1];
            if (pop instanceof PySet || pop instanceof PyDict) {
                throw err(Py.typeError("Population must be a sequence.  For dicts or sets, use sorted(d)."), 413,
                        "sample", "raise TypeError(\"Population must be a sequence.  \"");
            }
            if (p[3] == Py.None) {
                return r.sample(pop, p[2]);
            }
            // counts: draw from range(total) and map each index back to its element
            long n = Ops.len(pop);
            java.util.List<Object> cum = new java.util.ArrayList<>();
            Object it = Ops.iter(p[3]);
            Object acc = null;
            for (Object v = Ops.next(it); v != null; v = Ops.next(it)) {
                acc = acc == null ? v : Ops.add(acc, v);
                cum.add(acc);
            }
            if (cum.size() != n) {
                throw err(Py.valueError("The number of counts does not match the population"), 419, "sample",
                        "raise ValueError('The number of counts does not match the population')");
            }
            Object total = cum.removeLast();
            if (!Py.isInt(total)) {
                throw err(Py.typeError("Counts must be integers"), 422, "sample",
                        "raise TypeError('Counts must be integers')");
            }
            if (Ops.numCompare(total, Py.box(0)) <= 0) {
                throw err(Py.valueError("Total of counts must be greater than zero"), 424, "sample",
                        "raise ValueError('Total of counts must be greater than zero')");
            }
            Object selections;
            try {
                selections = r.sample(new PyRange(0, Ops.index(total), 1), p[2]);
            } catch (PyError e) {
                throw LibraryFrames.through(e, at(425, "sample", "selections = self.sample(range(total), k=k)",
                        "self.sample(range(total), k=k)"));
            }
            PyList out = new PyList();
            for (Object sel : Sequences.toArray(selections)) {
                int lo = 0;
                int hi = cum.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (Ops.lt(sel, cum.get(mid))) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                out.append(Ops.getItem(pop, Py.box(lo)));
            }
            return out;
        });
        TYPE.method("uniform", (t, a, kw) -> {
            a = bind("uniform", a, kw, new String[] {"self", "a", "b"}, 3, 3);
            String line = "return a + (b - a) * self.random()";
            Object width = arith(Ops.SUB, a[2], a[1], 503, "uniform", line, "b - a", "-");
            Object scaled = arith(Ops.MUL, width, ((PyRandom) a[0]).random(), 503, "uniform", line,
                    "(b - a) * self.random()", "*");
            return arith(Ops.ADD, a[1], scaled, 503, "uniform", line, "a + (b - a) * self.random()", "+");
        });
        TYPE.method("triangular", (t, a, kw) -> {
            Object[] p = bind("triangular", a, kw, new String[] {"self", "low", "high", "mode"}, 4, 1,
                    0.0, 1.0, Py.None);
            PyRandom r = (PyRandom) p[0];
            double low = Ops.toDouble(p[1]);
            double high = Ops.toDouble(p[2]);
            double u = r.random();
            double c = p[3] == Py.None ? 0.5 : (high == low ? 0.5 : (Ops.toDouble(p[3]) - low) / (high - low));
            if (u > c) {
                u = 1.0 - u;
                c = 1.0 - c;
                double tmp = low;
                low = high;
                high = tmp;
            }
            return low + (high - low) * Math.sqrt(u * c);
        });
        TYPE.method("gauss", (t, a, kw) -> {
            Object[] p = bind("gauss", a, kw, new String[] {"self", "mu", "sigma"}, 3, 1, 0.0, 1.0);
            String line = "return mu + z * sigma";
            Object scaled = arith(Ops.MUL, ((PyRandom) p[0]).gaussZ(), p[2], 587, "gauss", line, "z * sigma", "*");
            return arith(Ops.ADD, p[1], scaled, 587, "gauss", line, "mu + z * sigma", "+");
        });
        TYPE.method("normalvariate", (t, a, kw) -> {
            Object[] p = bind("normalvariate", a, kw, new String[] {"self", "mu", "sigma"}, 3, 1, 0.0, 1.0);
            PyRandom r = (PyRandom) p[0];
            final double nvMagic = 4 * Math.exp(-0.5) / Math.sqrt(2.0);
            double z;
            while (true) {
                double u1 = r.random();
                double u2 = 1.0 - r.random();
                z = nvMagic * (u1 - 0.5) / u2;
                double zz = z * z / 4.0;
                if (zz <= -StrictMath.log(u2)) {
                    break;
                }
            }
            return Ops.toDouble(p[1]) + z * Ops.toDouble(p[2]);
        });
        TYPE.method("expovariate", (t, a, kw) -> {
            Object[] p = bind("expovariate", a, kw, new String[] {"self", "lambd"}, 2, 1, 1.0);
            double x = -StrictMath.log(1.0 - ((PyRandom) p[0]).random());
            double lambd = Ops.toDouble(p[1]);
            if (lambd == 0.0) {
                String line = "return -_log(1.0 - self.random()) / lambd";
                throw LibraryFrames.through(Py.error(Types.ZERO_DIVISION_ERROR, "float division by zero"),
                        LibraryFrames.Entry.of(LibraryFrames.DEFAULT_ROOT + "/random.py", 617, "expovariate", line,
                                line.substring(line.indexOf('-')), "/"));
            }
            return x / lambd;
        });
        TYPE.method("choices", (t, a, kw) -> {
            Object[] p = bind("choices", a, kw, new String[] {"self", "population", "weights",
                "cum_weights", "k"}, 3, 2, Py.None, Py.None, Py.box(1));
            PyRandom r = (PyRandom) p[0];
            Object pop = p[1];
            long n = Ops.len(pop);
            long k = Ops.index(p[4]);
            PyList out = new PyList();
            Object cum = p[3];
            if (cum == Py.None) {
                if (p[2] == Py.None) {
                    double nf = n;
                    for (long i = 0; i < k; i++) {
                        out.append(Ops.getItem(pop, Py.box((long) Math.floor(r.random() * nf))));
                    }
                    return out;
                }
                Object[] w = Sequences.toArray(p[2]);
                Object[] acc = new Object[w.length];
                Object total = null;
                for (int i = 0; i < w.length; i++) {
                    total = total == null ? w[i] : Ops.add(total, w[i]);
                    acc[i] = total;
                }
                cum = PyList.of(acc);
            } else if (p[2] != Py.None) {
                throw err(Py.typeError("Cannot specify both weights and cumulative weights"), 478, "choices",
                        "raise TypeError('Cannot specify both weights and cumulative weights')");
            }
            Object[] cw = Sequences.toArray(cum);
            if (cw.length != n) {
                throw err(Py.valueError("The number of weights does not match the population"), 480, "choices",
                        "raise ValueError('The number of weights does not match the population')");
            }
            double total = Ops.toDouble(cw[cw.length - 1]);
            if (total <= 0.0) {
                throw err(Py.valueError("Total of weights must be greater than zero"), 483, "choices",
                        "raise ValueError('Total of weights must be greater than zero')");
            }
            if (!Double.isFinite(total)) {
                throw err(Py.valueError("Total of weights must be finite"), 485, "choices",
                        "raise ValueError('Total of weights must be finite')");
            }
            int hi = (int) n - 1;
            for (long i = 0; i < k; i++) {
                double x = r.random() * total;
                int lo = 0;
                int h = hi;
                while (lo < h) {
                    int mid = (lo + h) >>> 1;
                    if (Ops.lt(x, cw[mid])) {
                        h = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                out.append(Ops.getItem(pop, Py.box(lo)));
            }
            return out;
        });
        TYPE.method("betavariate", (t, a, kw) -> {
            Object[] p = bind("betavariate", a, kw, new String[] {"self", "alpha", "beta"}, 3, 3);
            PyRandom r = (PyRandom) p[0];
            double y;
            try {
                y = r.gammavariate(Ops.toDouble(p[1]), 1.0);
            } catch (PyError e) {
                throw LibraryFrames.through(e, at(757, "betavariate", "y = self.gammavariate(alpha, 1.0)",
                        "self.gammavariate(alpha, 1.0)"));
            }
            if (y != 0.0) {
                try {
                    return y / (y + r.gammavariate(Ops.toDouble(p[2]), 1.0));
                } catch (PyError e) {
                    throw LibraryFrames.through(e, at(759, "betavariate",
                            "return y / (y + self.gammavariate(beta, 1.0))", "self.gammavariate(beta, 1.0)"));
                }
            }
            return 0.0;
        });
    }

    private static Object seedArg(PyThread t, Object a) {
        if (a == Py.None) {
            Interpreter interp = t == null ? Interpreter.current() : t.interp;
            return Py.box(interp.settings.seed());
        }
        return a;
    }
}
