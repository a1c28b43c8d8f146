package dev.loopscope.python.runtime;

import dev.loopscope.engine.Outcome;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The standard modules the front end provides itself: math, time, random, sys, os, copy and functools. */
final class StdModules {

    private StdModules() {
    }

    /** Where CPython keeps the modules written in Python or as extensions, relative to its library root. */
    static final java.util.Map<String, String> FILES = java.util.Map.ofEntries(
            java.util.Map.entry("math", "lib-dynload/math.cpython-312-x86_64-linux-gnu.so"),
            java.util.Map.entry("random", "random.py"), java.util.Map.entry("functools", "functools.py"),
            java.util.Map.entry("heapq", "heapq.py"), java.util.Map.entry("operator", "operator.py"),
            java.util.Map.entry("copy", "copy.py"), java.util.Map.entry("os", "os.py"),
            java.util.Map.entry("threading", "threading.py"), java.util.Map.entry("asyncio", "asyncio/__init__.py"),
            java.util.Map.entry("concurrent.futures", "concurrent/futures/__init__.py"),
            java.util.Map.entry("concurrent", "concurrent/__init__.py"));

    static final PyType VERSION_INFO = PyTuple.Named.type("sys", "version_info", "major", "minor", "micro",
            "releaselevel", "serial");
    static final PyType FLOAT_INFO = PyTuple.Named.type("sys", "float_info", "max", "max_exp", "max_10_exp", "min",
            "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds");

    static void register(ModuleRegistry r) {
        r.with("math", i -> math());
        r.with("time", StdModules::time);
        r.with("random", PyRandom::createModule);
        r.with("sys", StdModules::sys);
        r.with("os", StdModules::os);
        r.with("os.path", i -> osPath());
        r.with("copy", i -> copy());
        r.with("functools", i -> Functools.create());
        r.with("itertools", i -> Itertools.create());
        r.with("heapq", i -> Heapq.create());
        r.with("operator", i -> OperatorModule.create());
        r.with("traceback", StdModules::traceback);
    }

    private static double num(Object o) {
        if (!(o instanceof Double || Py.isInt(o))) {
            PyType t = Py.typeOf(o);
            if (t.lookup("__float__") != null) {
                return Ops.toDouble(Ops.callMethod(o, "__float__"));
            }
            throw Py.typeError("must be real number, not " + t.name);
        }
        return Ops.toDouble(o);
    }

    private static PyError domain() {
        return Py.valueError("math domain error");
    }

    private static double checked(double r, double x) {
        if (Double.isNaN(r) && !Double.isNaN(x)) {
            throw domain();
        }
        if (Double.isInfinite(r) && Double.isFinite(x)) {
            throw Py.overflowError("math range error");
        }
        return r;
    }

    private static PyModule math() {
        PyModule m = new PyModule("math");
        m.set("pi", Math.PI).set("e", Math.E).set("tau", 2 * Math.PI).set("inf", Double.POSITIVE_INFINITY)
                .set("nan", Double.NaN);
        m.def("sqrt", (t, a, kw) -> {
            Args.check("sqrt", a, kw, 1, 1);
            double x = num(a[0]);
            if (x < 0) {
                throw domain();
            }
            return Math.sqrt(x);
        });
        m.def("floor", (t, a, kw) -> {
            Args.check("floor", a, kw, 1, 1);
            if (Py.isInt(a[0])) {
                return Ops.intValue(a[0]);
            }
            if (a[0] instanceof PyInstance && Py.typeOf(a[0]).lookup("__floor__") != null) {
                return Ops.callMethod(a[0], "__floor__");
            }
            return Builtins.floatToInt(Math.floor(num(a[0])));
        });
        m.def("ceil", (t, a, kw) -> {
            Args.check("ceil", a, kw, 1, 1);
            if (Py.isInt(a[0])) {
                return Ops.intValue(a[0]);
            }
            if (a[0] instanceof PyInstance && Py.typeOf(a[0]).lookup("__ceil__") != null) {
                return Ops.callMethod(a[0], "__ceil__");
            }
            return Builtins.floatToInt(Math.ceil(num(a[0])));
        });
        m.def("trunc", (t, a, kw) -> {
            Args.check("trunc", a, kw, 1, 1);
            if (Py.isInt(a[0])) {
                return Ops.intValue(a[0]);
            }
            return Builtins.floatToInt(num(a[0]));
        });
        m.def("isqrt", (t, a, kw) -> {
            Args.check("isqrt", a, kw, 1, 1);
            BigInteger n = Ops.big(Ops.intValue(indexArg(a[0])));
            if (n.signum() < 0) {
                throw Py.valueError("isqrt() argument must be nonnegative");
            }
            return Py.normalize(n.sqrt());
        });
        m.def("fsum", (t, a, kw) -> {
            Args.check("fsum", a, kw, 1, 1);
            BigDecimal sum = BigDecimal.ZERO;
            double special = 0.0;
            boolean hasSpecial = false;
            for (Object o : Sequences.toArray(a[0])) {
                double x = num(o);
                if (!Double.isFinite(x)) {
                    special = hasSpecial ? special + x : x;
                    hasSpecial = true;
                    continue;
                }
                sum = sum.add(new BigDecimal(x));
            }
            if (hasSpecial) {
                if (Double.isNaN(special)) {
                    throw Py.valueError("-inf + inf in fsum");
                }
                return special;
            }
            double r = sum.doubleValue();
            if (Double.isInfinite(r)) {
                throw Py.overflowError("intermediate overflow in fsum");
            }
            return r;
        });
        m.def("log", (t, a, kw) -> {
            Args.check("log", a, kw, 1, 2);
            double r = log(a[0]);
            if (a.length > 1) {
                double b = log(a[1]);
                if (b == 0.0) {
                    throw Py.zeroDivision("float division by zero");
                }
                return r / b;
            }
            return r;
        });
        m.def("log2", (t, a, kw) -> {
            Args.check("log2", a, kw, 1, 1);
            if (Py.isInt(a[0]) && Ops.big(a[0]).signum() > 0) {
                BigInteger b = Ops.big(a[0]);
                if (b.bitCount() == 1) {
                    return (double) (b.bitLength() - 1);
                }
            }
            return log(a[0]) / Math.log(2);
        });
        m.def("log10", (t, a, kw) -> {
            Args.check("log10", a, kw, 1, 1);
            double x = num(a[0]);
            if (x <= 0) {
                throw domain();
            }
            return Math.log10(x);
        });
        m.def("log1p", (t, a, kw) -> {
            double x = num(a[0]);
            if (x <= -1) {
                throw domain();
            }
            return Math.log1p(x);
        });
        m.def("exp", (t, a, kw) -> {
            Args.check("exp", a, kw, 1, 1);
            double x = num(a[0]);
            return checked(Math.exp(x), x);
        });
        m.def("expm1", (t, a, kw) -> Math.expm1(num(a[0])));
        unary(m, "sin", Math::sin);
        unary(m, "cos", Math::cos);
        unary(m, "tan", Math::tan);
        unary(m, "asin", Math::asin);
        unary(m, "acos", Math::acos);
        unary(m, "atan", Math::atan);
        unary(m, "sinh", Math::sinh);
        unary(m, "cosh", Math::cosh);
        unary(m, "tanh", Math::tanh);
        unary(m, "fabs", Math::abs);
        unary(m, "degrees", Math::toDegrees);
        unary(m, "radians", Math::toRadians);
        m.def("atan2", (t, a, kw) -> Math.atan2(num(a[0]), num(a[1])));
        m.def("hypot", (t, a, kw) -> {
            double s = 0;
            double[] v = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                v[i] = num(a[i]);
            }
            if (v.length == 2) {
                return Math.hypot(v[0], v[1]);
            }
            for (double x : v) {
                s += x * x;
            }
            return Math.sqrt(s);
        });
        m.def("pow", (t, a, kw) -> {
            Args.check("pow", a, kw, 2, 2);
            double x = num(a[0]);
            double y = num(a[1]);
            if (x == 0.0 && y < 0) {
                throw domain();
            }
            if (x < 0 && y != Math.floor(y) && Double.isFinite(y)) {
                throw domain();
            }
            double r = Math.pow(x, y);
            if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                throw Py.overflowError("math range error");
            }
            return r;
        });
        m.def("fmod", (t, a, kw) -> {
            double x = num(a[0]);
            double y = num(a[1]);
            if (y == 0.0 || Double.isInfinite(x)) {
                throw domain();
            }
            return x % y;
        });
        m.def("modf", (t, a, kw) -> {
            double x = num(a[0]);
            double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PyTuple.of(Math.copySign(x - ip, x), ip);
        });
        m.def("copysign", (t, a, kw) -> Math.copySign(num(a[0]), num(a[1])));
        m.def("isfinite", (t, a, kw) -> Double.isFinite(num(a[0])));
        m.def("isinf", (t, a, kw) -> Double.isInfinite(num(a[0])));
        m.def("isnan", (t, a, kw) -> Double.isNaN(num(a[0])));
        m.def("isclose", (t, a, kw) -> {
            Object[] p = Args.parse("isclose", a, kw, 2, new String[] {"a", "b", "rel_tol", "abs_tol"}, 1e-09,
                    0.0);
            double x = num(p[0]);
            double y = num(p[1]);
            double rel = num(p[2]);
            double abs = num(p[3]);
            if (rel < 0 || abs < 0) {
                throw Py.valueError("tolerances must be non-negative");
            }
            if (x == y) {
                return true;
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return false;
            }
            double diff = Math.abs(y - x);
            return Py.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
        });
        m.def("factorial", (t, a, kw) -> {
            Args.check("factorial", a, kw, 1, 1);
            if (a[0] instanceof Double) {
                throw Py.typeError("'float' object cannot be interpreted as an integer");
            }
            long n = Ops.index(a[0]);
            if (n < 0) {
                throw Py.valueError("factorial() not defined for negative values");
            }
            BigInteger r = BigInteger.ONE;
            for (long i = 2; i <= n; i++) {
                r = r.multiply(BigInteger.valueOf(i));
            }
            return Py.normalize(r);
        });
        m.def("gcd", (t, a, kw) -> {
            BigInteger g = BigInteger.ZERO;
            for (Object o : a) {
                g = g.gcd(Ops.big(Ops.intValue(indexArg(o))));
            }
            return Py.normalize(g);
        });
        m.def("lcm", (t, a, kw) -> {
            BigInteger l = BigInteger.ONE;
            for (Object o : a) {
                BigInteger v = Ops.big(Ops.intValue(indexArg(o))).abs();
                if (v.signum() == 0) {
                    return Py.box(0);
                }
                l = l.divide(l.gcd(v)).multiply(v);
            }
            return Py.normalize(l);
        });
        m.def("comb", (t, a, kw) -> {
            long n = Ops.index(indexArg(a[0]));
            long k = Ops.index(indexArg(a[1]));
            if (n < 0 || k < 0) {
                throw Py.valueError((n < 0 ? "n" : "k") + " must be a non-negative integer");
            }
            if (k > n) {
                return Py.box(0);
            }
            BigInteger r = BigInteger.ONE;
            k = Math.min(k, n - k);
            for (long i = 0; i < k; i++) {
                r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
            }
            return Py.normalize(r);
        });
        m.def("perm", (t, a, kw) -> {
            long n = Ops.index(indexArg(a[0]));
            long k = a.length > 1 && a[1] != Py.None ? Ops.index(indexArg(a[1])) : n;
            if (n < 0 || k < 0) {
                throw Py.valueError((n < 0 ? "n" : "k") + " must be a non-negative integer");
            }
            if (k > n) {
                return Py.box(0);
            }
            BigInteger r = BigInteger.ONE;
            for (long i = 0; i < k; i++) {
                r = r.multiply(BigInteger.valueOf(n - i));
            }
            return Py.normalize(r);
        });
        m.def("prod", (t, a, kw) -> {
            Object[] p = Args.parse("prod", a, kw, 1, new String[] {"iterable", "start"}, Py.box(1));
            Object r = p[1];
            for (Object o : Sequences.toArray(p[0])) {
                r = Ops.binary(Ops.MUL, r, o, false);
            }
            return r;
        });
        m.def("dist", (t, a, kw) -> {
            Object[] x = Sequences.toArray(a[0]);
            Object[] y = Sequences.toArray(a[1]);
            if (x.length != y.length) {
                throw Py.valueError("both points must have the same number of dimensions");
            }
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                double d = num(x[i]) - num(y[i]);
                s += d * d;
            }
            return Math.sqrt(s);
        });
        m.def("frexp", (t, a, kw) -> {
            double x = num(a[0]);
            if (x == 0 || !Double.isFinite(x)) {
                return PyTuple.of(x, Py.box(0));
            }
            int e = Math.getExponent(x) + 1;
            double mant = x / Math.scalb(1.0, e);
            if (Math.abs(mant) >= 1.0) {
                mant /= 2;
                e++;
            } else if (Math.abs(mant) < 0.5) {
                mant *= 2;
                e--;
            }
            return PyTuple.of(mant, Py.box(e));
        });
        m.def("ldexp", (t, a, kw) -> Math.scalb(num(a[0]), (int) Ops.index(a[1])));
        return m;
    }

    private static Object indexArg(Object o) {
        if (o instanceof Double) {
            throw Py.typeError("'float' object cannot be interpreted as an integer");
        }
        Ops.index(o instanceof java.math.BigInteger ? Py.box(0) : o);
        return o;
    }

    private static double log(Object o) {
        if (Py.isInt(o)) {
            BigInteger b = Ops.big(o);
            if (b.signum() <= 0) {
                throw domain();
            }
            if (b.bitLength() > 1000) {
                int shift = b.bitLength() - 64;
                return Math.log(b.shiftRight(shift).doubleValue()) + shift * Math.log(2);
            }
        }
        double x = num(o);
        if (x <= 0) {
            throw domain();
        }
        return Math.log(x);
    }

    private static void unary(PyModule m, String name, java.util.function.DoubleUnaryOperator f) {
        m.def(name, (t, a, kw) -> {
            Args.check(name, a, kw, 1, 1);
            double x = num(a[0]);
            return checked(f.applyAsDouble(x), x);
        });
    }

    // --- time ------------------------------------------------------------------------------------------------

    private static PyModule time(Interpreter interp) {
        PyModule m = new PyModule("time");
        m.def("time", (t, a, kw) -> (interp.settings.epochNanos() + t.now()) / 1e9);
        m.def("time_ns", (t, a, kw) -> Py.box(interp.settings.epochNanos() + t.now()));
        m.def("perf_counter", (t, a, kw) -> t.now() / 1e9);
        m.def("perf_counter_ns", (t, a, kw) -> Py.box(t.now()));
        m.def("monotonic", (t, a, kw) -> t.now() / 1e9);
        m.def("monotonic_ns", (t, a, kw) -> Py.box(t.now()));
        // CPU time, which a thread that sleeps or waits does not use
        m.def("process_time", (t, a, kw) -> t.processCpu() / 1e9);
        m.def("process_time_ns", (t, a, kw) -> Py.box(t.processCpu()));
        m.def("thread_time", (t, a, kw) -> t.threadCpu() / 1e9);
        m.def("thread_time_ns", (t, a, kw) -> Py.box(t.threadCpu()));
        // the simulated machine's clock is in UTC
        m.def("gmtime", (t, a, kw) -> structTime(a.length > 0 && a[0] != Py.None ? Ops.toDouble(a[0])
                : (interp.settings.epochNanos() + t.now()) / 1e9));
        // localtime() is gmtime() with the local zone's name, which is UTC on the simulated machine
        m.def("localtime", (t, a, kw) -> {
            PyTuple.Named r = (PyTuple.Named) structTime(a.length > 0 && a[0] != Py.None ? Ops.toDouble(a[0])
                    : (interp.settings.epochNanos() + t.now()) / 1e9);
            r.extra = "UTC";
            return r;
        });
        m.def("strftime", (t, a, kw) -> {
            Object[] tm = a.length > 1 ? Sequences.toArray(a[1])
                    : ((PyTuple) structTime((interp.settings.epochNanos() + t.now()) / 1e9)).items;
            return strftime(Ops.str(a[0]), tm);
        });
        m.def("asctime", (t, a, kw) -> {
            Object[] tm = a.length > 0 ? Sequences.toArray(a[0])
                    : ((PyTuple) structTime((interp.settings.epochNanos() + t.now()) / 1e9)).items;
            return asctime(tm);
        });
        m.def("ctime", (t, a, kw) -> asctime(((PyTuple) structTime(a.length > 0 && a[0] != Py.None
                ? Ops.toDouble(a[0]) : (interp.settings.epochNanos() + t.now()) / 1e9)).items));
        m.set("timezone", Py.box(0)).set("altzone", Py.box(0)).set("daylight", Py.box(0))
                .set("tzname", PyTuple.of("UTC", "UTC"));
        m.def("sleep", (t, a, kw) -> {
            Args.check("sleep", a, kw, 1, 1);
            Object s = a[0];
            double secs;
            if (s instanceof Double d) {
                secs = d;
                if (Double.isNaN(d)) {
                    throw Py.valueError("Invalid value NaN (not a number)");
                }
            } else if (Py.isInt(s)) {
                secs = Ops.toDouble(s);
            } else {
                throw Py.typeError("'" + Py.typeName(s) + "' object cannot be interpreted as an integer");
            }
            if (secs < 0) {
                throw Py.valueError("sleep length must be non-negative");
            }
            if (secs > 9.2e9) {
                throw Py.overflowError("sleep length is too large");
            }
            long nanos = (long) Math.ceil(secs * 1e9 - 1e-6);
            return new Suspend(new Outcome.Sleep(Math.max(0, nanos)), c -> Py.None);
        });
        return m;
    }

    static final PyType STRUCT_TIME = PyTuple.Named.type("time", "struct_time", "tm_year", "tm_mon", "tm_mday",
            "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst");

    static {
        // Attributes that are not items of the tuple; the simulated machine's clock is in UTC.
        STRUCT_TIME.getter("tm_zone", o -> ((PyTuple.Named) o).extra == null ? "GMT" : ((PyTuple.Named) o).extra);
        STRUCT_TIME.getter("tm_gmtoff", o -> Py.box(0));
    }
    private static final String[] STRUCT_FIELDS = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
        "tm_wday", "tm_yday", "tm_isdst"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    static Object structTime(double seconds) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond((long) Math.floor(seconds), 0,
                java.time.ZoneOffset.UTC);
        return PyTuple.Named.of(STRUCT_TIME, STRUCT_FIELDS, Py.box(d.getYear()), Py.box(d.getMonthValue()),
                Py.box(d.getDayOfMonth()), Py.box(d.getHour()), Py.box(d.getMinute()), Py.box(d.getSecond()),
                Py.box(d.getDayOfWeek().getValue() - 1), Py.box(d.getDayOfYear()), Py.box(0));
    }

    private static int field(Object[] tm, int i) {
        return (int) Ops.index(tm[i]);
    }

    static String asctime(Object[] tm) {
        return String.format("%s %s %2d %02d:%02d:%02d %d", DAYS[field(tm, 6)].substring(0, 3),
                MONTHS[field(tm, 1) - 1].substring(0, 3), field(tm, 2), field(tm, 3), field(tm, 4), field(tm, 5),
                field(tm, 0));
    }

    static String strftime(String fmt, Object[] tm) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%' || i + 1 >= fmt.length()) {
                sb.append(ch);
                continue;
            }
            char d = fmt.charAt(++i);
            int hour = field(tm, 3);
            switch (d) {
                case 'Y' -> sb.append(field(tm, 0));
                case 'y' -> sb.append(String.format("%02d", field(tm, 0) % 100));
                case 'm' -> sb.append(String.format("%02d", field(tm, 1)));
                case 'd' -> sb.append(String.format("%02d", field(tm, 2)));
                case 'H' -> sb.append(String.format("%02d", hour));
                case 'I' -> sb.append(String.format("%02d", hour % 12 == 0 ? 12 : hour % 12));
                case 'M' -> sb.append(String.format("%02d", field(tm, 4)));
                case 'S' -> sb.append(String.format("%02d", field(tm, 5)));
                case 'p' -> sb.append(hour < 12 ? "AM" : "PM");
                case 'j' -> sb.append(String.format("%03d", field(tm, 7)));
                case 'a' -> sb.append(DAYS[field(tm, 6)], 0, 3);
                case 'A' -> sb.append(DAYS[field(tm, 6)]);
                case 'b', 'h' -> sb.append(MONTHS[field(tm, 1) - 1], 0, 3);
                case 'B' -> sb.append(MONTHS[field(tm, 1) - 1]);
                case 'w' -> sb.append((field(tm, 6) + 1) % 7);
                case 'Z' -> sb.append("UTC");
                case 'z' -> sb.append("+0000");
                case 'c' -> sb.append(asctime(tm));
                case 'x' -> sb.append(String.format("%02d/%02d/%02d", field(tm, 1), field(tm, 2), field(tm, 0) % 100));
                case 'X' -> sb.append(String.format("%02d:%02d:%02d", hour, field(tm, 4), field(tm, 5)));
                case 'F' -> sb.append(String.format("%d-%02d-%02d", field(tm, 0), field(tm, 1), field(tm, 2)));
                case 'T' -> sb.append(String.format("%02d:%02d:%02d", hour, field(tm, 4), field(tm, 5)));
                case 'R' -> sb.append(String.format("%02d:%02d", hour, field(tm, 4)));
                case 'D' -> sb.append(String.format("%02d/%02d/%02d", field(tm, 1), field(tm, 2), field(tm, 0) % 100));
                case 'e' -> sb.append(String.format("%2d", field(tm, 2)));
                case 'C' -> sb.append(String.format("%02d", field(tm, 0) / 100));
                case 'u' -> sb.append(field(tm, 6) + 1);
                // week of the year, weeks starting on Sunday (%U) or Monday (%W); days before the first are week 0
                case 'U' -> sb.append(String.format("%02d", (field(tm, 7) - 1 + 7 - (field(tm, 6) + 1) % 7) / 7));
                case 'W' -> sb.append(String.format("%02d", (field(tm, 7) - 1 + 7 - field(tm, 6)) / 7));
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    // --- sys -------------------------------------------------------------------------------------------------

    private static PyModule sys(Interpreter interp) {
        PyModule m = new PyModule("sys");
        m.set("stdout", new StdStream(false));
        m.set("stderr", new StdStream(true));
        m.set("__stdout__", m.get("stdout"));
        m.set("__stderr__", m.get("stderr"));
        Object main = interp.modules.get("__main__");
        Object file = main instanceof PyModule pm ? pm.dict.getStr("__file__") : null;
        m.set("argv", PyList.of(interp.argv0 != null ? interp.argv0 : file == null ? "prog.py" : file));
        m.set("version", "3.12.1 (main, May  9 2026, 07:36:11) [GCC 12.2.0]");
        String[] vf = {"major", "minor", "micro", "releaselevel", "serial"};
        m.set("version_info", PyTuple.Named.of(VERSION_INFO, vf, Py.box(3), Py.box(12), Py.box(1), "final",
                Py.box(0)));
        m.set("hexversion", Py.box(0x030c01f0));
        m.set("platform", "linux");
        m.set("byteorder", "little");
        m.set("maxsize", Py.box(Long.MAX_VALUE));
        m.set("executable", "/usr/bin/python3");
        m.set("implementation", new PyModule("implementation").set("name", "cpython").set("cache_tag", "cpython-312")
                .set("version", m.get("version_info")).set("hexversion", m.get("hexversion"))
                .set("_multiarch", "x86_64-linux-gnu"));
        m.set("path", PyList.of(""));
        String[] ff = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon",
            "radix", "rounds"};
        m.set("float_info", PyTuple.Named.of(FLOAT_INFO, ff, Double.MAX_VALUE, Py.box(1024), Py.box(308),
                Double.MIN_NORMAL, Py.box(-1021), Py.box(-307), Py.box(15), Py.box(53), Math.ulp(1.0), Py.box(2),
                Py.box(1)));
        m.def("exit", (t, a, kw) -> {
            Args.check("exit", a, kw, 0, 1);
            throw new PyError(a.length == 0 ? Py.newException(Types.SYSTEM_EXIT)
                    : Py.newException(Types.SYSTEM_EXIT, a[0]));
        });
        // CPython keeps the interval in whole microseconds, truncated.
        m.def("getswitchinterval", (t, a, kw) -> {
            Object us = interp.moduleState.get("sys.switchinterval");
            return 1e-6 * (us == null ? 5000L : (Long) us);
        });
        m.def("setswitchinterval", (t, a, kw) -> {
            Args.check("setswitchinterval", a, kw, 1, 1);
            double v = Ops.toDouble(a[0]);
            if (v <= 0) {
                throw Py.valueError("switch interval must be strictly positive");
            }
            long us = (long) (1e6 * v);
            interp.moduleState.put("sys.switchinterval", us);
            if (t != null && t.context() != null) {
                t.context().process().setSwitchIntervalNs(us * 1000);
            }
            return Py.None;
        });
        m.def("getrecursionlimit", (t, a, kw) -> Py.box(t.interp.recursionLimit));
        m.def("setrecursionlimit", (t, a, kw) -> {
            Args.check("setrecursionlimit", a, kw, 1, 1);
            long limit = Ops.index(a[0]);
            if (limit < 1) {
                throw Py.valueError("recursion limit must be greater or equal than 1");
            }
            int depth = t.depth();
            if (limit <= depth) {
                throw Py.error(Types.RECURSION_ERROR, "cannot set the recursion limit to " + limit
                        + " at the recursion depth " + depth + ": the limit is too low");
            }
            t.interp.recursionLimit = (int) Math.min(limit, Integer.MAX_VALUE);
            return Py.None;
        });
        m.def("get_int_max_str_digits", (t, a, kw) -> Py.box(t.interp.maxStrDigits));
        m.def("set_int_max_str_digits", (t, a, kw) -> {
            Object[] p = Args.parse("set_int_max_str_digits", a, kw, 1, new String[] {"maxdigits"});
            long limit = Ops.index(p[0]);
            if (limit != 0 && limit < 640) {
                throw Py.valueError("maxdigits must be 0 or larger than 640");
            }
            t.interp.maxStrDigits = (int) Math.min(limit, Integer.MAX_VALUE);
            return Py.None;
        });
        m.def("intern", (t, a, kw) -> a[0]);
        m.def("getsizeof", (t, a, kw) -> {
            Object[] p = Args.parse("getsizeof", a, kw, 1, new String[] {"object", "default"}, Py.None);
            return Py.box(SizeOf.of(p[0]));
        });
        m.def("exc_info", (t, a, kw) -> {
            PyBaseException e = t.handled;
            if (e == null) {
                return PyTuple.of(Py.None, Py.None, Py.None);
            }
            return PyTuple.of(e.type, e, e.traceback == null ? Py.None : new PyTracebackObject(e.traceback));
        });
        m.def("exception", (t, a, kw) -> t.handled == null ? Py.None : t.handled);
        m.def("getrefcount", (t, a, kw) -> Py.box(2));
        return m;
    }

    // --- os --------------------------------------------------------------------------------------------------

    private static PyModule os(Interpreter interp) {
        PyModule m = new PyModule("os");
        m.def("cpu_count", (t, a, kw) -> Py.box(EngineAdapter.cpuCount(t)));
        // A forked worker process runs a copy of this module: ask the interpreter of the calling thread.
        m.def("getpid", (t, a, kw) -> Py.box((t == null ? interp : t.interp).settings.pid()));
        m.def("getppid", (t, a, kw) -> {
            Interpreter in = t == null ? interp : t.interp;
            return Py.box(in.parentPid != 0 ? in.parentPid : Math.max(1, in.settings.pid() - 1));
        });
        m.set("name", "posix");
        m.set("sep", "/");
        m.set("linesep", "\n");
        m.set("environ", new PyDict());
        m.def("getenv", (t, a, kw) -> a.length > 1 ? a[1] : Py.None);
        m.set("path", interp.importModule("os.path"));
        return m;
    }

    private static PyModule osPath() {
        PyModule m = new PyModule("posixpath");
        m.def("join", (t, a, kw) -> {
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                String s = Ops.str(o);
                if (s.startsWith("/")) {
                    sb.setLength(0);
                } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
                    sb.append('/');
                }
                sb.append(s);
            }
            return sb.toString();
        });
        m.def("basename", (t, a, kw) -> {
            String s = pathArg("basename", a, kw);
            return s.substring(s.lastIndexOf('/') + 1);
        });
        m.def("dirname", (t, a, kw) -> pathSplit(pathArg("dirname", a, kw))[0]);
        m.def("split", (t, a, kw) -> PyTuple.of((Object[]) pathSplit(pathArg("split", a, kw))));
        m.def("splitext", (t, a, kw) -> {
            String p = pathArg("splitext", a, kw);
            int sep = p.lastIndexOf('/');
            int dot = p.lastIndexOf('.');
            if (dot > sep) {
                // leading dots of the file name do not start an extension (".bashrc")
                for (int i = sep + 1; i < dot; i++) {
                    if (p.charAt(i) != '.') {
                        return PyTuple.of(p.substring(0, dot), p.substring(dot));
                    }
                }
            }
            return PyTuple.of(p, "");
        });
        m.def("isabs", (t, a, kw) -> Py.bool(pathArg("isabs", a, kw).startsWith("/")));
        m.def("normpath", (t, a, kw) -> normpath(pathArg("normpath", a, kw)));
        m.def("abspath", (t, a, kw) -> {
            String p = pathArg("abspath", a, kw);
            return normpath(p.startsWith("/") ? p : System.getProperty("user.dir") + "/" + p);
        });
        m.def("exists", (t, a, kw) -> false);
        return m;
    }

    private static String pathArg(String fn, Object[] a, String[] kw) {
        Args.check(fn, a, kw, 1, 1);
        if (!(a[0] instanceof String p)) {
            throw Py.typeError("expected str, bytes or os.PathLike object, not " + Py.typeName(a[0]));
        }
        return p;
    }

    /** {@code os.path.split}: the head keeps a root of slashes only, otherwise loses its trailing slashes. */
    private static String[] pathSplit(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            head = head.replaceAll("/+$", "");
        }
        return new String[] {head, p.substring(i)};
    }

    /** {@code os.path.normpath}: collapses separators, "." and "..", keeping the leading "//" POSIX allows. */
    private static String normpath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        int slashes = p.startsWith("//") && !p.startsWith("///") ? 2 : p.startsWith("/") ? 1 : 0;
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        for (String c : p.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..") && (slashes == 0 && (parts.isEmpty() || parts.getLast().equals("..")))) {
                parts.add(c);
            } else if (c.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.add(c);
            }
        }
        String out = "/".repeat(slashes) + String.join("/", parts);
        return out.isEmpty() ? "." : out;
    }

    private static PyModule traceback(Interpreter interp) {
        PyModule m = new PyModule("traceback");
        TracebackFormatter formatter = new TracebackFormatter();
        m.def("format_exc", (t, a, kw) -> t.handled == null ? "NoneType: None\n" : formatter.format(t.handled));
        m.def("print_exc", (t, a, kw) -> {
            String text = t.handled == null ? "NoneType: None\n" : formatter.format(t.handled);
            Object file = Args.keyword(a, kw, "file");
            if (file != null && file != Py.None && !(file instanceof StdStream)) {
                Ops.callMethod(file, "write", text);
            } else if (file instanceof StdStream ss && !ss.err) {
                interp.writeOut(text);
            } else {
                interp.writeErr(text);
            }
            return Py.None;
        });
        m.def("format_exception", (t, a, kw) -> {
            Object e = a[a.length > 1 && a[0] instanceof PyType ? 1 : 0];
            PyList lines = new PyList();
            if (e instanceof PyBaseException exc) {
                for (String line : formatter.format(exc).split("(?<=\n)")) {
                    lines.append(line);
                }
            }
            return lines;
        });
        m.def("print_exception", (t, a, kw) -> {
            Object e = a[a.length > 1 && a[0] instanceof PyType ? 1 : 0];
            if (e instanceof PyBaseException exc) {
                interp.writeErr(formatter.format(exc));
            }
            return Py.None;
        });
        m.def("format_exception_only", (t, a, kw) -> {
            Object e = a[a.length > 1 && a[0] instanceof PyType ? 1 : 0];
            return PyList.of(TracebackFormatter.exceptionLine((PyBaseException) e));
        });
        return m;
    }

    private static PyModule copy() {
        PyModule m = new PyModule("copy");
        m.def("copy", (t, a, kw) -> {
            Object o = a[0];
            if (o instanceof PyList l) {
                return PyList.of(l.toArray());
            }
            if (o instanceof PyDict d) {
                return d.copy();
            }
            if (o instanceof PySet s) {
                return s.copy(s.frozen);
            }
            if (o instanceof PyInstance inst && inst.getClass() == PyInstance.class) {
                PyInstance r = new PyInstance(inst.type);
                r.dict.putAll(inst.dict);
                return r;
            }
            return o;
        });
        m.def("deepcopy", (t, a, kw) -> new DeepCopy().copy(a[0]));
        return m;
    }

    /** {@code copy.deepcopy} over the builtin containers and plain instances. */
    private static final class DeepCopy {
        private final java.util.IdentityHashMap<Object, Object> memo = new java.util.IdentityHashMap<>();

        Object copy(Object o) {
            Object m = memo.get(o);
            if (m != null) {
                return m;
            }
            if (o instanceof PyList l) {
                PyList r = new PyList();
                memo.put(o, r);
                for (int i = 0; i < l.size; i++) {
                    r.append(copy(l.items[i]));
                }
                return r;
            }
            if (o instanceof PyDict d) {
                PyDict r = new PyDict();
                memo.put(o, r);
                for (int i = 0; i < d.end(); i++) {
                    if (d.keyAt(i) != null) {
                        r.put(copy(d.keyAt(i)), copy(d.valueAt(i)));
                    }
                }
                return r;
            }
            if (o instanceof PyTuple t) {
                Object[] items = new Object[t.items.length];
                boolean same = true;
                for (int i = 0; i < items.length; i++) {
                    items[i] = copy(t.items[i]);
                    same &= items[i] == t.items[i];
                }
                return same ? t : PyTuple.of(items);
            }
            if (o instanceof PySet s) {
                PySet r = new PySet(s.frozen);
                for (Object k : s.elements()) {
                    r.add(copy(k));
                }
                return r;
            }
            if (o instanceof PyInstance inst && inst.getClass() == PyInstance.class) {
                PyInstance r = new PyInstance(inst.type);
                memo.put(o, r);
                for (int i = 0; i < inst.dict.end(); i++) {
                    if (inst.dict.keyAt(i) != null) {
                        r.dict.put(inst.dict.keyAt(i), copy(inst.dict.valueAt(i)));
                    }
                }
                return r;
            }
            return o;
        }
    }
}
