package dev.loopscope.python.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Python's operators and object protocols over the runtime's value representation. */
public final class Ops {

    private Ops() {
    }

    public static final int ADD = 0, SUB = 1, MUL = 2, MATMUL = 3, TRUEDIV = 4, MOD = 5, POW = 6, LSHIFT = 7,
            RSHIFT = 8, OR = 9, XOR = 10, AND = 11, FLOORDIV = 12;
    static final String[] SYMBOL = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};
    static final String[] DUNDER = {"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__",
        "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"};
    static final String[] RDUNDER = {"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__",
        "__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__", "__rfloordiv__"};
    static final String[] IDUNDER = {"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__",
        "__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"};

    public static final int LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
    static final String[] CMP_SYMBOL = {"<", "<=", "==", "!=", ">", ">="};
    static final String[] CMP_DUNDER = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    static final int[] CMP_SWAPPED = {GT, GE, EQ, NE, LT, LE};

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    // --- conversions ------------------------------------------------------------------------------------------

    static BigInteger big(Object o) {
        if (o instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (o instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return (BigInteger) o;
    }

    /** An int value (Long or BigInteger) from an int or bool. */
    static Object intValue(Object o) {
        if (o instanceof Boolean b) {
            return b ? Py.box(1) : Py.box(0);
        }
        return o;
    }

    public static double toDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw Py.overflowError("int too large to convert to float");
            }
            return d;
        }
        throw Py.typeError("must be real number, not " + Py.typeName(o));
    }

    static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger;
    }

    /** {@code operator.index(o)} as a Java long; OverflowError when it does not fit. */
    public static long index(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger) {
            throw Py.overflowError("Python int too large to convert to C ssize_t");
        }
        if (o instanceof PyInstance inst) {
            Object m = inst.type.lookup("__index__");
            if (m != null) {
                return index(callMethod(o, "__index__"));
            }
        }
        throw Py.typeError("'" + Py.typeName(o) + "' object cannot be interpreted as an integer");
    }

    /** An index value clamped into the long range, for slice bounds. */
    static long clampIndex(Object o) {
        if (o instanceof BigInteger b) {
            return b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        if (o instanceof Long || o instanceof Boolean || o instanceof PyInstance) {
            return index(o);
        }
        throw Py.typeError("slice indices must be integers or None or have an __index__ method");
    }

    // --- truth ------------------------------------------------------------------------------------------------

    public static boolean truthy(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (isSub(o)) {
            if (override(o, "__bool__") != null) {
                return truthy(callMethod(o, "__bool__"));
            }
            if (override(o, "__len__") != null) {
                return len(o) != 0;
            }
        }
        if (o instanceof Long l) {
            return l != 0;
        }
        if (o == Py.None) {
            return false;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof PyList l) {
            return l.size != 0;
        }
        if (o instanceof Double d) {
            return d != 0.0;
        }
        if (o instanceof PyTuple t) {
            return t.items.length != 0;
        }
        if (o instanceof PyDict d) {
            return d.size() != 0;
        }
        if (o instanceof PySet s) {
            return s.size() != 0;
        }
        if (o instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (o instanceof PyRange r) {
            return r.length != 0;
        }
        if (o instanceof PyCollections.Deque d) {
            return !d.items.isEmpty();
        }
        if (o instanceof PyInstance inst && !(o instanceof PyBaseException)) {
            if (inst.type.lookup("__bool__") != null) {
                Object r = callMethod(o, "__bool__");
                if (!(r instanceof Boolean b)) {
                    throw Py.typeError("__bool__ should return bool, returned " + Py.typeName(r));
                }
                return b;
            }
            if (inst.type.lookup("__len__") != null) {
                return len(o) != 0;
            }
            return true;
        }
        if (o instanceof DictView v) {
            return v.dict.size() != 0;
        }
        return true;
    }

    // --- arithmetic -------------------------------------------------------------------------------------------

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            }
            return Py.box(r);
        }
        return binary(ADD, a, b, false);
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            }
            return Py.box(r);
        }
        return binary(SUB, a, b, false);
    }

    /** Instances of Python classes derived from list, dict or set. */
    static boolean isSub(Object o) {
        return o instanceof PyList.Sub || o instanceof PyDict.Sub || o instanceof PySet.Sub;
    }

    /** Objects whose class is defined in Python (not exceptions). */
    static boolean isUser(Object o) {
        return o instanceof PyInstance && !(o instanceof PyBaseException) || isSub(o);
    }

    /** A method a Python subclass of a builtin type defines itself, or null. */
    static Object override(Object o, String dunder) {
        if (!isSub(o)) {
            return null;
        }
        Object m = Py.typeOf(o).lookup(dunder);
        return m instanceof PyFunction || m instanceof PyWrapper ? m : null;
    }

    public static Object binary(int op, Object a, Object b, boolean inplace) {
        if (isSub(a) || isSub(b)) {
            Object r = userBinary(op, a, b, inplace);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        Object r = builtinBinary(op, a, b, inplace);
        if (r != Py.NotImplemented) {
            return r;
        }
        r = userBinary(op, a, b, inplace);
        if (r != Py.NotImplemented) {
            return r;
        }
        throw binaryTypeError(op, a, b, inplace);
    }

    static PyError binaryTypeError(int op, Object a, Object b, boolean inplace) {
        if (op == ADD) {
            String concat = null;
            if (a instanceof String) {
                concat = "str";
            } else if (a instanceof PyList) {
                concat = "list";
            } else if (a instanceof PyTuple) {
                concat = "tuple";
            }
            if (concat != null && !(a instanceof PyList && inplace)) {
                return Py.typeError("can only concatenate " + concat + " (not \"" + Py.typeName(b) + "\") to "
                        + concat);
            }
        }
        if (op == MUL && (isSequence(a) && !isIntLike(b) || isSequence(b) && !isIntLike(a))) {
            Object other = isSequence(a) ? b : a;
            return Py.typeError("can't multiply sequence by non-int of type '" + Py.typeName(other) + "'");
        }
        String sym = op == POW && !inplace ? "** or pow()" : SYMBOL[op] + (inplace ? "=" : "");
        return Py.typeError("unsupported operand type(s) for " + sym + ": '" + Py.typeName(a) + "' and '"
                + Py.typeName(b) + "'");
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof PyList || o instanceof PyTuple || o instanceof byte[];
    }

    private static boolean isIntLike(Object o) {
        return o instanceof Long || o instanceof Boolean || o instanceof BigInteger;
    }

    private static Object userBinary(int op, Object a, Object b, boolean inplace) {
        boolean ua = isUser(a) || a instanceof PyType || a instanceof PyCollections.Deque;
        boolean ub = isUser(b) || b instanceof PyCollections.Deque;
        if (!ua && !ub) {
            return Py.NotImplemented;
        }
        if (inplace && ua) {
            Object m = Py.typeOf(a).lookup(IDUNDER[op]);
            if (m != null) {
                Object r = callMethod(a, IDUNDER[op], b);
                if (r != Py.NotImplemented) {
                    return r;
                }
            }
        }
        PyType ta = Py.typeOf(a);
        PyType tb = Py.typeOf(b);
        // a subclass's reflected method goes first only when it overrides the left type's (CPython's rule)
        Object rb = ub && tb != ta && tb.isSubtypeOf(ta) ? tb.lookup(RDUNDER[op]) : null;
        boolean reflectedFirst = rb != null && rb != ta.lookup(RDUNDER[op]);
        if (reflectedFirst) {
            Object r = callMethod(b, RDUNDER[op], a);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (ua && ta.lookup(DUNDER[op]) != null) {
            Object r = callMethod(a, DUNDER[op], b);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (ub && !reflectedFirst && tb.lookup(RDUNDER[op]) != null && (tb != ta || !ua)) {
            return callMethod(b, RDUNDER[op], a);
        }
        return Py.NotImplemented;
    }

    /** Builtin numeric and sequence operators; NotImplemented when neither operand is handled. */
    static Object builtinBinary(int op, Object a, Object b, boolean inplace) {
        if (op == OR && (UnionType.isTypeLike(a) || UnionType.isTypeLike(b))) {
            Object u = UnionType.or(a, b);
            if (u != Py.NotImplemented) {
                return u;
            }
        }
        if (a instanceof Boolean x && b instanceof Boolean y && (op == AND || op == OR || op == XOR)) {
            return Py.bool(op == AND ? x & y : op == OR ? x | y : x ^ y);
        }
        if (isIntLike(a) && isIntLike(b)) {
            return intBinary(op, intValue(a), intValue(b));
        }
        if ((a instanceof Double || isIntLike(a)) && (b instanceof Double || isIntLike(b))) {
            if (op == POW && a instanceof Double == false && b instanceof Double == false) {
                return intBinary(op, intValue(a), intValue(b));
            }
            if (op <= FLOORDIV && op != MATMUL && op != LSHIFT && op != RSHIFT && op != OR && op != XOR
                    && op != AND) {
                return floatBinary(op, toDouble(a), toDouble(b));
            }
            return Py.NotImplemented;
        }
        switch (op) {
            case ADD -> {
                if (a instanceof String x && b instanceof String y) {
                    return x.concat(y);
                }
                if (a instanceof PyList x && b instanceof PyList y) {
                    if (inplace) {
                        Sequences.extend(x, y);
                        return x;
                    }
                    Object[] items = new Object[x.size + y.size];
                    System.arraycopy(x.items, 0, items, 0, x.size);
                    System.arraycopy(y.items, 0, items, x.size, y.size);
                    return new PyList(items, items.length);
                }
                if (a instanceof PyList x && inplace && !(b instanceof PyInstance)) {
                    Sequences.extend(x, b);
                    return x;
                }
                if (a instanceof PyTuple x && b instanceof PyTuple y) {
                    Object[] items = new Object[x.items.length + y.items.length];
                    System.arraycopy(x.items, 0, items, 0, x.items.length);
                    System.arraycopy(y.items, 0, items, x.items.length, y.items.length);
                    return PyTuple.of(items);
                }
                if (a instanceof byte[] x && b instanceof byte[] y) {
                    byte[] r = new byte[x.length + y.length];
                    System.arraycopy(x, 0, r, 0, x.length);
                    System.arraycopy(y, 0, r, x.length, y.length);
                    return r;
                }
            }
            case MUL -> {
                if (isSequence(a) && isIntLike(b)) {
                    return Sequences.repeat(a, b, inplace);
                }
                if (isSequence(b) && isIntLike(a)) {
                    return Sequences.repeat(b, a, false);
                }
            }
            case MOD -> {
                if (a instanceof String s) {
                    return Format.percent(s, b);
                }
            }
            case SUB, AND, OR, XOR -> {
                if (a instanceof PySet x && b instanceof PySet y) {
                    return Sets.op(op, x, y, inplace);
                }
                if (op != SUB && a instanceof DictView x && x.kind != DictView.VALUES) {
                    return Sets.viewOp(op, x, b);
                }
                if (op == OR && a instanceof PyDict x && b instanceof PyDict y) {
                    PyDict r = inplace ? x : x.copy();
                    r.putAll(y);
                    return r;
                }
            }
            default -> {
            }
        }
        if (op == SUB && a instanceof DictView x && x.kind != DictView.VALUES) {
            return Sets.viewOp(op, x, b);
        }
        return Py.NotImplemented;
    }

    static Object intBinary(int op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long u = x;
            long v = y;
            switch (op) {
                case ADD -> {
                    long r = u + v;
                    if (((u ^ r) & (v ^ r)) < 0) {
                        return BigInteger.valueOf(u).add(BigInteger.valueOf(v));
                    }
                    return Py.box(r);
                }
                case SUB -> {
                    long r = u - v;
                    if (((u ^ v) & (u ^ r)) < 0) {
                        return BigInteger.valueOf(u).subtract(BigInteger.valueOf(v));
                    }
                    return Py.box(r);
                }
                case MUL -> {
                    long hi = Math.multiplyHigh(u, v);
                    long lo = u * v;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                        return Py.box(lo);
                    }
                    return BigInteger.valueOf(u).multiply(BigInteger.valueOf(v));
                }
                case FLOORDIV -> {
                    if (v == 0) {
                        throw Py.zeroDivision("integer division or modulo by zero");
                    }
                    if (u == Long.MIN_VALUE && v == -1) {
                        return BigInteger.valueOf(u).negate();
                    }
                    return Py.box(Math.floorDiv(u, v));
                }
                case MOD -> {
                    if (v == 0) {
                        throw Py.zeroDivision("integer modulo by zero");
                    }
                    if (v == -1) {
                        return Py.box(0);
                    }
                    return Py.box(Math.floorMod(u, v));
                }
                case TRUEDIV -> {
                    if (v == 0) {
                        throw Py.zeroDivision("division by zero");
                    }
                    if (Math.abs(u) <= (1L << 53) && Math.abs(v) <= (1L << 53)) {
                        return (double) u / (double) v;
                    }
                    return bigTrueDiv(BigInteger.valueOf(u), BigInteger.valueOf(v));
                }
                case AND -> {
                    return Py.box(u & v);
                }
                case OR -> {
                    return Py.box(u | v);
                }
                case XOR -> {
                    return Py.box(u ^ v);
                }
                case LSHIFT -> {
                    if (v < 0) {
                        throw Py.valueError("negative shift count");
                    }
                    if (u == 0) {
                        return Py.box(0);
                    }
                    if (v < 63 && Math.abs(u) < (1L << (62 - v))) {
                        return Py.box(u << v);
                    }
                    return bigShiftLeft(BigInteger.valueOf(u), v);
                }
                case RSHIFT -> {
                    if (v < 0) {
                        throw Py.valueError("negative shift count");
                    }
                    return Py.box(v >= 64 ? (u < 0 ? -1 : 0) : u >> v);
                }
                case POW -> {
                    return intPow(a, b);
                }
                default -> {
                    return Py.NotImplemented;
                }
            }
        }
        BigInteger x = big(a);
        BigInteger y = big(b);
        switch (op) {
            case ADD:
                return Py.normalize(x.add(y));
            case SUB:
                return Py.normalize(x.subtract(y));
            case MUL:
                return Py.normalize(x.multiply(y));
            case FLOORDIV: {
                if (y.signum() == 0) {
                    throw Py.zeroDivision("integer division or modulo by zero");
                }
                return Py.normalize(floorDivBig(x, y));
            }
            case MOD: {
                if (y.signum() == 0) {
                    throw Py.zeroDivision("integer modulo by zero");
                }
                return Py.normalize(x.subtract(floorDivBig(x, y).multiply(y)));
            }
            case TRUEDIV:
                if (y.signum() == 0) {
                    throw Py.zeroDivision("division by zero");
                }
                return bigTrueDiv(x, y);
            case AND:
                return Py.normalize(x.and(y));
            case OR:
                return Py.normalize(x.or(y));
            case XOR:
                return Py.normalize(x.xor(y));
            case LSHIFT: {
                if (y.signum() < 0) {
                    throw Py.valueError("negative shift count");
                }
                if (x.signum() == 0) {
                    return Py.box(0);
                }
                if (y.bitLength() > 31) {
                    throw Py.overflowError("too many digits in integer");
                }
                return bigShiftLeft(x, y.longValue());
            }
            case RSHIFT: {
                if (y.signum() < 0) {
                    throw Py.valueError("negative shift count");
                }
                if (y.bitLength() > 31) {
                    return Py.box(x.signum() < 0 ? -1 : 0);
                }
                return Py.normalize(x.shiftRight(y.intValue()));
            }
            case POW:
                return intPow(Py.normalize(x), Py.normalize(y));
            default:
                return Py.NotImplemented;
        }
    }

    private static Object bigShiftLeft(BigInteger x, long n) {
        if (n > Integer.MAX_VALUE / 2) {
            throw Py.error(Types.MEMORY_ERROR, null);
        }
        return Py.normalize(x.shiftLeft((int) n));
    }

    static BigInteger floorDivBig(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    static Object bigTrueDiv(BigInteger x, BigInteger y) {
        BigDecimal q = new BigDecimal(x).divide(new BigDecimal(y), new MathContext(60));
        double d = q.doubleValue();
        if (Double.isInfinite(d)) {
            throw Py.overflowError("integer division result too large for a float");
        }
        return d;
    }

    static Object intPow(Object a, Object b) {
        BigInteger e = big(b);
        if (e.signum() < 0) {
            double base = toDouble(a);
            if (base == 0.0) {
                throw Py.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return floatPow(base, toDouble(b));
        }
        BigInteger base = big(a);
        if (base.equals(BigInteger.ONE)) {
            return Py.box(1);
        }
        if (base.signum() == 0) {
            return Py.box(e.signum() == 0 ? 1 : 0);
        }
        if (base.equals(BigInteger.ONE.negate())) {
            return Py.box(e.testBit(0) ? -1 : 1);
        }
        if (e.bitLength() > 31 || (long) base.bitLength() * e.longValue() > 1L << 31) {
            // a result of more than 2**31 bits: CPython would run out of memory too
            throw Py.error(Types.MEMORY_ERROR, null);
        }
        int n = e.intValue();
        if (a instanceof Long l && n < 64) {
            long r = 1;
            long x = l;
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                long hi = Math.multiplyHigh(r, x);
                long lo = r * x;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                    ok = false;
                    break;
                }
                r = lo;
            }
            if (ok) {
                return Py.box(r);
            }
        }
        return Py.normalize(base.pow(n));
    }

    static Object floatBinary(int op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                if (y == 0.0) {
                    throw Py.zeroDivision("float division by zero");
                }
                return x / y;
            case FLOORDIV: {
                if (y == 0.0) {
                    throw Py.zeroDivision("float floor division by zero");
                }
                return floatDivmod(x, y)[0];
            }
            case MOD: {
                if (y == 0.0) {
                    throw Py.zeroDivision("float modulo");
                }
                return floatDivmod(x, y)[1];
            }
            case POW:
                return floatPow(x, y);
            default:
                return Py.NotImplemented;
        }
    }

    /** Floor quotient and remainder with the remainder taking the divisor's sign, as CPython computes them. */
    static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0.0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    static Object floatPow(double x, double y) {
        if (y == 0.0) {
            return 1.0;
        }
        if (Double.isNaN(x)) {
            return x == 1.0 ? 1.0 : Double.NaN;
        }
        if (x == 0.0 && y < 0.0 && !Double.isInfinite(y)) {
            throw Py.zeroDivision("0.0 cannot be raised to a negative power");
        }
        if (x < 0.0 && y != Math.floor(y) && !Double.isInfinite(y)) {
            throw Py.valueError("math domain error");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw Py.overflowError("(34, 'Numerical result out of range')");
        }
        return r;
    }

    public static Object divmod(Object a, Object b) {
        if (isIntLike(a) && isIntLike(b)) {
            Object ia = intValue(a);
            Object ib = intValue(b);
            if (ib instanceof Long l && l == 0 || ib instanceof BigInteger bi && bi.signum() == 0) {
                throw Py.zeroDivision("integer division or modulo by zero");
            }
            return PyTuple.of(intBinary(FLOORDIV, ia, ib), intBinary(MOD, ia, ib));
        }
        if ((a instanceof Double || isIntLike(a)) && (b instanceof Double || isIntLike(b))) {
            double y = toDouble(b);
            if (y == 0.0) {
                throw Py.zeroDivision("float divmod()");
            }
            double[] r = floatDivmod(toDouble(a), y);
            return PyTuple.of(r[0], r[1]);
        }
        Object r = userBinaryNamed(a, b, "__divmod__", "__rdivmod__");
        if (r != Py.NotImplemented) {
            return r;
        }
        throw Py.typeError("unsupported operand type(s) for divmod(): '" + Py.typeName(a) + "' and '"
                + Py.typeName(b) + "'");
    }

    private static Object userBinaryNamed(Object a, Object b, String name, String rname) {
        if (a instanceof PyInstance && Py.typeOf(a).lookup(name) != null) {
            Object r = callMethod(a, name, b);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (b instanceof PyInstance && Py.typeOf(b).lookup(rname) != null) {
            return callMethod(b, rname, a);
        }
        return Py.NotImplemented;
    }

    public static Object negate(Object a) {
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : Py.box(-l);
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof Boolean b) {
            return Py.box(b ? -1 : 0);
        }
        if (a instanceof BigInteger b) {
            return Py.normalize(b.negate());
        }
        return unaryUser(a, "__neg__", "-");
    }

    public static Object positive(Object a) {
        if (a instanceof Long || a instanceof Double || a instanceof BigInteger) {
            return a;
        }
        if (a instanceof Boolean b) {
            return Py.box(b ? 1 : 0);
        }
        return unaryUser(a, "__pos__", "+");
    }

    public static Object invert(Object a) {
        if (a instanceof Long l) {
            return Py.box(~l);
        }
        if (a instanceof Boolean b) {
            return Py.box(b ? -2 : -1);
        }
        if (a instanceof BigInteger b) {
            return Py.normalize(b.not());
        }
        return unaryUser(a, "__invert__", "~");
    }

    private static Object unaryUser(Object a, String dunder, String sym) {
        if ((a instanceof PyInstance || isSub(a)) && Py.typeOf(a).lookup(dunder) != null) {
            return callMethod(a, dunder);
        }
        throw Py.typeError("bad operand type for unary " + sym + ": '" + Py.typeName(a) + "'");
    }

    public static Object abs(Object a) {
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : Py.box(Math.abs(l));
        }
        if (a instanceof Double d) {
            return Math.abs(d);
        }
        if (a instanceof Boolean b) {
            return Py.box(b ? 1 : 0);
        }
        if (a instanceof BigInteger b) {
            return b.abs();
        }
        if (a instanceof PyInstance && Py.typeOf(a).lookup("__abs__") != null) {
            return callMethod(a, "__abs__");
        }
        throw Py.typeError("bad operand type for abs(): '" + Py.typeName(a) + "'");
    }

    // --- comparison -------------------------------------------------------------------------------------------

    /** Rich comparison {@code a op b}; the result may be any object when a user method returns one. */
    public static Object compare(int op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long u = x;
            long v = y;
            return Py.bool(switch (op) {
                case LT -> u < v;
                case LE -> u <= v;
                case EQ -> u == v;
                case NE -> u != v;
                case GT -> u > v;
                default -> u >= v;
            });
        }
        if (a instanceof PyCollections.Deque || b instanceof PyCollections.Deque) {
            Object r = PyCollections.compareDeques(op, a, b);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (isSub(a) || isSub(b)) {
            return richCompareSlow(op, a, b);
        }
        int c = builtinCompare(op, a, b);
        if (c >= 0) {
            return Py.bool(c == 1);
        }
        return richCompareSlow(op, a, b);
    }

    private static Object richCompareSlow(int op, Object a, Object b) {
        PyType ta = Py.typeOf(a);
        PyType tb = Py.typeOf(b);
        boolean ua = a instanceof PyInstance || isSub(a);
        boolean ub = b instanceof PyInstance || isSub(b);
        boolean checkedReflected = false;
        if (ub && tb != ta && tb.isSubtypeOf(ta) && tb.lookup(CMP_DUNDER[CMP_SWAPPED[op]]) != null) {
            checkedReflected = true;
            Object r = callMethod(b, CMP_DUNDER[CMP_SWAPPED[op]], a);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (ua && ta.lookup(CMP_DUNDER[op]) != null) {
            Object r = callMethod(a, CMP_DUNDER[op], b);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (!checkedReflected && ub && tb.lookup(CMP_DUNDER[CMP_SWAPPED[op]]) != null) {
            Object r = callMethod(b, CMP_DUNDER[CMP_SWAPPED[op]], a);
            if (r != Py.NotImplemented) {
                return r;
            }
        }
        if (op == EQ) {
            return Py.bool(a == b);
        }
        if (op == NE) {
            if (ua && ta.lookup("__eq__") != null) {
                Object r = callMethod(a, "__eq__", b);
                if (r != Py.NotImplemented) {
                    return Py.bool(!truthy(r));
                }
            }
            return Py.bool(a != b);
        }
        throw Py.typeError("'" + CMP_SYMBOL[op] + "' not supported between instances of '" + ta.name + "' and '"
                + tb.name + "'");
    }

    /** 1 true, 0 false, -1 when the builtin types do not handle the pair. */
    static int builtinCompare(int op, Object a, Object b) {
        if ((op == EQ || op == NE) && a instanceof UnionType x && b instanceof UnionType y) {
            return x.sameMembers(y) == (op == EQ) ? 1 : 0;
        }
        if ((op == EQ || op == NE) && a instanceof GenericAlias x && b instanceof GenericAlias y) {
            return (x.origin == y.origin && eq(x.args, y.args)) == (op == EQ) ? 1 : 0;
        }
        if (isNumber(a) && isNumber(b)) {
            int c = numCompare(a, b);
            if (c == 2) {
                return op == NE ? 1 : 0;
            }
            return cmpResult(op, c) ? 1 : 0;
        }
        if (a instanceof String x && b instanceof String y) {
            if (op == EQ) {
                return x.equals(y) ? 1 : 0;
            }
            if (op == NE) {
                return x.equals(y) ? 0 : 1;
            }
            return cmpResult(op, Integer.signum(compareStrings(x, y))) ? 1 : 0;
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            return seqCompare(op, x.items, x.size, y.items, y.size) ? 1 : 0;
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return seqCompare(op, x.items, x.items.length, y.items, y.items.length) ? 1 : 0;
        }
        if (a == Py.None || b == Py.None) {
            if (op == EQ) {
                return a == b ? 1 : 0;
            }
            if (op == NE) {
                return a != b ? 1 : 0;
            }
            if (a == Py.None && b == Py.None || !(a instanceof PyInstance || b instanceof PyInstance)) {
                return -1;
            }
            return -1;
        }
        if (a instanceof PyDict x && b instanceof PyDict y && (op == EQ || op == NE)) {
            return (dictEquals(x, y) == (op == EQ)) ? 1 : 0;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return Sets.compare(op, x, y) ? 1 : 0;
        }
        if (a instanceof PyRange x && b instanceof PyRange y && (op == EQ || op == NE)) {
            boolean eq = x.length == y.length && (x.length == 0 || x.start == y.start
                    && (x.length == 1 || x.step == y.step));
            return eq == (op == EQ) ? 1 : 0;
        }
        if ((isSetView(a) || isSetView(b)) && (isSetView(a) || a instanceof PySet)
                && (isSetView(b) || b instanceof PySet)) {
            // keys and items views compare with sets and with each other as sets do, either way round
            return Sets.compare(op, Sets.toSet(a), Sets.toSet(b)) ? 1 : 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            int c = java.util.Arrays.compareUnsigned(x, y);
            return cmpResult(op, Integer.signum(c)) ? 1 : 0;
        }
        if (a instanceof PyInstance || b instanceof PyInstance) {
            return -1;
        }
        if (op == EQ) {
            return a == b || a.equals(b) && !(a instanceof PyObject) ? 1 : 0;
        }
        if (op == NE) {
            return a == b || a.equals(b) && !(a instanceof PyObject) ? 0 : 1;
        }
        return -1;
    }

    private static boolean isSetView(Object o) {
        return o instanceof DictView v && v.kind != DictView.VALUES;
    }

    /** Compares strings by code point, as Python does. */
    static int compareStrings(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (c != d) {
                if (Character.isSurrogate(c) || Character.isSurrogate(d)) {
                    return Integer.compare(x.codePointAt(i), y.codePointAt(i));
                }
                return c - d;
            }
        }
        return x.length() - y.length();
    }

    private static boolean cmpResult(int op, int c) {
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
            case NE -> c != 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** -1, 0, 1, or 2 when unordered (NaN). Exact for mixed int and float. */
    static int numCompare(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            if (a instanceof Double x && b instanceof Double y) {
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return 2;
                }
                return x < y ? -1 : x > y ? 1 : 0;
            }
            if (a instanceof Double x) {
                int c = compareDoubleInt(x, intValue(b));
                return c;
            }
            int c = compareDoubleInt((Double) b, intValue(a));
            return c == 2 ? 2 : -c;
        }
        Object x = intValue(a);
        Object y = intValue(b);
        if (x instanceof Long u && y instanceof Long v) {
            return Long.compare(u, v);
        }
        return big(x).compareTo(big(y));
    }

    private static int compareDoubleInt(double d, Object i) {
        if (Double.isNaN(d)) {
            return 2;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 1 : -1;
        }
        if (i instanceof Long l && Math.abs(l) <= (1L << 53)) {
            double v = l;
            return d < v ? -1 : d > v ? 1 : 0;
        }
        return new BigDecimal(d).compareTo(new BigDecimal(big(i)));
    }

    private static boolean seqCompare(int op, Object[] x, int nx, Object[] y, int ny) {
        if ((op == EQ || op == NE) && nx != ny) {
            return op == NE;
        }
        int n = Math.min(nx, ny);
        for (int i = 0; i < n; i++) {
            Object p = x[i];
            Object q = y[i];
            if (p == q) {
                continue;
            }
            if (!eq(p, q)) {
                if (op == EQ) {
                    return false;
                }
                if (op == NE) {
                    return true;
                }
                return truthy(compare(op, p, q));
            }
        }
        return cmpResult(op, Integer.compare(nx, ny));
    }

    private static boolean dictEquals(PyDict x, PyDict y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.end(); i++) {
            Object k = x.keyAt(i);
            if (k == null) {
                continue;
            }
            Object v = y.get(k);
            if (v == null) {
                return false;
            }
            Object w = x.valueAt(i);
            if (v != w && !eq(w, v)) {
                return false;
            }
        }
        return true;
    }

    /** {@code a == b} as a boolean (identity first, as containers do). */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        return truthy(compare(EQ, a, b));
    }

    /** Key equality for dicts and sets. */
    static boolean eqKey(Object a, Object b) {
        return eq(a, b);
    }

    /** {@code a < b} for sorting. */
    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        return truthy(compare(LT, a, b));
    }

    // --- hashing ----------------------------------------------------------------------------------------------

    static final long HASH_MODULUS = (1L << 61) - 1;

    public static long hash(Object o) {
        if (o instanceof String s) {
            return StrHash.hash(s);
        }
        if (o instanceof Long l) {
            return hashLong(l);
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof Double d) {
            return hashDouble(d);
        }
        if (o instanceof BigInteger b) {
            long h = b.abs().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
            if (b.signum() < 0) {
                h = -h;
            }
            return h == -1 ? -2 : h;
        }
        if (o instanceof PyTuple t) {
            return hashTuple(t);
        }
        if (o instanceof PyInstance inst) {
            Object m = inst.type.lookup("__hash__");
            if (m == Py.None) {
                throw Py.typeError("unhashable type: '" + inst.type.name + "'");
            }
            if (m != null && m != Builtins.OBJECT_HASH) {
                Object r = callMethod(o, "__hash__");
                if (!(r instanceof Long || r instanceof BigInteger || r instanceof Boolean)) {
                    throw Py.typeError("__hash__ method should return an integer");
                }
                long h = hash(r);
                return h == -1 ? -2 : h;
            }
            return identityHash(o);
        }
        if (o instanceof UnionType u) {
            return u.hash();
        }
        if (o instanceof PyRange r) {
            // equal ranges hash alike: by length, then start (and step when there are two or more items)
            return hashTuple(PyTuple.of(Py.box(r.length), r.length == 0 ? Py.None : Py.box(r.start),
                    r.length < 2 ? Py.None : Py.box(r.step)));
        }
        if (o instanceof PySlice sl) {
            return hashTuple(PyTuple.of(sl.start, sl.stop, sl.step)); // hashable since 3.12, like the tuple
        }
        if (o instanceof PyCollections.Deque) {
            throw Py.typeError("unhashable type: 'collections.deque'"); // its C type name
        }
        if (o instanceof PyList || o instanceof PyDict || o instanceof PySet s && !s.frozen
                || o instanceof DictView) {
            throw Py.typeError("unhashable type: '" + Py.typeName(o) + "'");
        }
        if (o instanceof PySet s) {
            return hashFrozenSet(s);
        }
        if (o instanceof byte[] b) {
            return java.util.Arrays.hashCode(b);
        }
        return identityHash(o);
    }

    static long identityHash(Object o) {
        return Interpreter.idOf(o) >>> 4;
    }

    static long hashLong(long l) {
        long h;
        if (l == Long.MIN_VALUE) {
            h = -(BigInteger.valueOf(l).negate().mod(BigInteger.valueOf(HASH_MODULUS)).longValue());
        } else if (l >= 0) {
            h = l % HASH_MODULUS;
        } else {
            h = -((-l) % HASH_MODULUS);
        }
        return h == -1 ? -2 : h;
    }

    static long hashDouble(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 314159 : -314159;
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.0e18) {
            return hashLong((long) d);
        }
        // value = m * 2**e exactly; hash = m * 2**e reduced modulo 2**61 - 1
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigInteger unscaled = exact.unscaledValue();
        int scale = exact.scale();
        BigInteger p = BigInteger.valueOf(HASH_MODULUS);
        BigInteger num;
        if (scale <= 0) {
            num = unscaled.multiply(BigInteger.TEN.pow(-scale)).mod(p);
        } else {
            BigInteger den = BigInteger.TEN.pow(scale);
            num = unscaled.mod(p).multiply(den.modInverse(p)).mod(p);
        }
        long h = num.longValue();
        if (d < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    static long hashTuple(PyTuple t) {
        final long prime1 = 0x9E3779B185EBCA87L;
        final long prime2 = 0xC2B2AE3D27D4EB4FL;
        final long prime5 = 0x27D4EB2F165667C5L;
        long acc = prime5;
        for (Object item : t.items) {
            long lane = hash(item);
            acc += lane * prime2;
            acc = Long.rotateLeft(acc, 31);
            acc *= prime1;
        }
        acc += t.items.length ^ (prime5 ^ 3527539L);
        if (acc == -1) {
            return 1546275796;
        }
        return acc;
    }

    static long hashFrozenSet(PySet s) {
        long hash = 0;
        for (Object o : s.elements()) {
            long h = hash(o);
            hash ^= ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
        }
        hash ^= (s.size() + 1L) * 1927868237L;
        hash ^= (hash >>> 11) ^ (hash >>> 25);
        hash = hash * 69069L + 907133923L;
        if (hash == -1) {
            hash = 590923713L;
        }
        return hash;
    }

    // --- containers -------------------------------------------------------------------------------------------

    public static long len(Object o) {
        if (override(o, "__len__") != null) {
            return lenResult(callMethod(o, "__len__"));
        }
        return baseLen(o);
    }

    /** What a class's {@code __len__} returned, as len() checks it. */
    static long lenResult(Object r) {
        if (r instanceof BigInteger) {
            throw Py.overflowError("cannot fit 'int' into an index-sized integer");
        }
        return index(r);
    }

    /** {@code __len__} of the builtin type itself. */
    static long baseLen(Object o) {
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (o instanceof PyList l) {
            return l.size;
        }
        if (o instanceof PyTuple t) {
            return t.items.length;
        }
        if (o instanceof PyDict d) {
            return d.size();
        }
        if (o instanceof PySet s) {
            return s.size();
        }
        if (o instanceof PyRange r) {
            return r.length;
        }
        if (o instanceof DictView v) {
            return v.dict.size();
        }
        if (o instanceof byte[] b) {
            return b.length;
        }
        if (o instanceof PyInstance inst && inst.type.lookup("__len__") != null) {
            Object r = callMethod(o, "__len__");
            long n = lenResult(r);
            if (n < 0) {
                throw Py.valueError("__len__() should return >= 0");
            }
            return n;
        }
        PyType t = Py.typeOf(o);
        if (t.lookup("__len__") instanceof PyBuiltin b) {
            return index(callBuiltin(b, new Object[] {o}));
        }
        throw Py.typeError("object of type '" + t.messageName() + "' has no len()");
    }

    public static Object getItem(Object o, Object key) {
        if (isSub(o) && override(o, "__getitem__") != null) {
            return callMethod(o, "__getitem__", key);
        }
        return baseGetItem(o, key);
    }

    /** {@code __getitem__} of the builtin type itself, ignoring overrides in Python subclasses. */
    static Object baseGetItem(Object o, Object key) {
        if (o instanceof PyList l) {
            if (key instanceof Long k) {
                long i = k;
                if (i < 0) {
                    i += l.size;
                }
                if (i < 0 || i >= l.size) {
                    throw Py.indexError("list index out of range");
                }
                return l.items[(int) i];
            }
            return Sequences.listGetItem(l, key);
        }
        if (o instanceof PyDict d) {
            Object v = d.get(key);
            if (v == null) {
                if (d instanceof PyDict.Sub && Py.typeOf(d).lookup("__missing__") != null) {
                    return callMethod(d, "__missing__", key);
                }
                throw Py.keyError(key);
            }
            return v;
        }
        if (o instanceof PyTuple t) {
            return Sequences.tupleGetItem(t, key);
        }
        if (o instanceof String s) {
            return Sequences.strGetItem(s, key);
        }
        if (o instanceof PyRange r) {
            return Sequences.rangeGetItem(r, key);
        }
        if (o instanceof byte[] b) {
            return Sequences.bytesGetItem(b, key);
        }
        PyType t = Py.typeOf(o);
        Object m = t.lookup("__getitem__");
        if (m != null) {
            return callMethod(o, "__getitem__", key);
        }
        if (o instanceof PyType pt) {
            if (pt.lookup("__class_getitem__") != null) {
                return call(getAttr(o, "__class_getitem__"), key);
            }
            return new GenericAlias(pt, key);
        }
        throw Py.typeError("'" + t.messageName() + "' object is not subscriptable");
    }

    public static void setItem(Object o, Object key, Object value) {
        if (isSub(o) && override(o, "__setitem__") != null) {
            callMethod(o, "__setitem__", key, value);
            return;
        }
        baseSetItem(o, key, value);
    }

    /** {@code __setitem__} of the builtin type itself, ignoring overrides in Python subclasses. */
    static void baseSetItem(Object o, Object key, Object value) {
        if (o instanceof PyList l) {
            Sequences.listSetItem(l, key, value);
            return;
        }
        if (o instanceof PyDict d) {
            d.put(key, value);
            return;
        }
        PyType t = Py.typeOf(o);
        if (t.lookup("__setitem__") != null) {
            callMethod(o, "__setitem__", key, value);
            return;
        }
        throw Py.typeError("'" + t.name + "' object does not support item assignment");
    }

    public static void delItem(Object o, Object key) {
        if (isSub(o) && override(o, "__delitem__") != null) {
            callMethod(o, "__delitem__", key);
            return;
        }
        baseDelItem(o, key);
    }

    /** {@code __delitem__} of the builtin type itself, ignoring overrides in Python subclasses. */
    static void baseDelItem(Object o, Object key) {
        if (o instanceof PyList l) {
            Sequences.listDelItem(l, key);
            return;
        }
        if (o instanceof PyDict d) {
            if (d.remove(key) == null) {
                throw Py.keyError(key);
            }
            return;
        }
        PyType t = Py.typeOf(o);
        if (t.lookup("__delitem__") != null) {
            callMethod(o, "__delitem__", key);
            return;
        }
        throw Py.typeError("'" + t.name + "' object doesn't support item deletion");
    }

    public static boolean contains(Object container, Object item) {
        if (isSub(container) && override(container, "__contains__") != null) {
            return truthy(callMethod(container, "__contains__", item));
        }
        return baseContains(container, item);
    }

    /** {@code __contains__} of the builtin type itself, ignoring overrides in Python subclasses. */
    static boolean baseContains(Object container, Object item) {
        if (container instanceof PyDict d) {
            return d.get(item) != null;
        }
        if (container instanceof PySet s) {
            if (item instanceof PySet inner && !inner.frozen) {
                // a set is looked up as the equal frozenset
                PySet frozen = new PySet(true);
                for (Object o : Sequences.toArray(inner)) {
                    frozen.add(o);
                }
                return s.contains(frozen);
            }
            return s.contains(item);
        }
        if (container instanceof String s) {
            if (!(item instanceof String t)) {
                throw Py.typeError("'in <string>' requires string as left operand, not " + Py.typeName(item));
            }
            return s.contains(t);
        }
        if (container instanceof PyList l) {
            for (int i = 0; i < l.size; i++) {
                if (eq(l.items[i], item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyTuple t) {
            for (Object o : t.items) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyRange r) {
            if (item instanceof Long || item instanceof Boolean) {
                long v = index(item);
                if (r.step > 0 ? (v < r.start || v >= r.stop) : (v > r.start || v <= r.stop)) {
                    return false;
                }
                return (v - r.start) % r.step == 0;
            }
            for (long k = 0; k < r.length; k++) { // other values: compared one by one, as CPython does
                if (eq(r.start + k * r.step, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof DictView v) {
            if (v.kind == DictView.KEYS) {
                return v.dict.get(item) != null;
            }
            if (v.kind == DictView.ITEMS) {
                if (!(item instanceof PyTuple t) || t.items.length != 2) {
                    return false;
                }
                Object val = v.dict.get(t.items[0]);
                return val != null && eq(val, t.items[1]);
            }
        }
        PyType t = Py.typeOf(container);
        if (t.lookup("__contains__") != null) {
            return truthy(callMethod(container, "__contains__", item));
        }
        if (t.lookup("__iter__") == null && t.lookup("__getitem__") == null) {
            throw Py.typeError("argument of type '" + t.name + "' is not iterable");
        }
        Object it = iter(container);
        Object x;
        while ((x = next(it)) != null) {
            if (eq(x, item)) {
                return true;
            }
        }
        return false;
    }

    // --- iteration --------------------------------------------------------------------------------------------

    public static Object iter(Object o) {
        if (isSub(o) && override(o, "__iter__") != null) {
            return callMethod(o, "__iter__");
        }
        return baseIter(o);
    }

    /** {@code __iter__} of the builtin type itself, ignoring overrides in Python subclasses. */
    static Object baseIter(Object o) {
        if (o instanceof PyList l) {
            return new Iterators.ListIter(l);
        }
        if (o instanceof PyRange r) {
            return new Iterators.RangeIter(r.start, r.step, r.length);
        }
        if (o instanceof PyTuple t) {
            return new Iterators.ArrayIter(t.items, t.items.length, Types.TUPLE_ITERATOR);
        }
        if (o instanceof String s) {
            return new Iterators.StrIter(s);
        }
        if (o instanceof PyDict d) {
            return new Iterators.DictIter(d, DictView.KEYS);
        }
        if (o instanceof PySet s) {
            return new Iterators.ArrayIter(s.elements().toArray(), s.size(), Types.SET_ITERATOR);
        }
        if (o instanceof DictView v) {
            return new Iterators.DictIter(v.dict, v.kind);
        }
        if (o instanceof PyIterator) {
            return o;
        }
        if (o instanceof byte[] b) {
            Object[] items = new Object[b.length];
            for (int i = 0; i < b.length; i++) {
                items[i] = Py.box(b[i] & 0xff);
            }
            return new Iterators.ArrayIter(items, items.length, Types.ITERATOR);
        }
        PyType t = Py.typeOf(o);
        Object m = t.lookup("__iter__");
        if (m != null && m != Py.None) {
            Object it = callMethod(o, "__iter__");
            if (Py.typeOf(it).lookup("__next__") == null) {
                throw Py.typeError("iter() returned non-iterator of type '" + Py.typeName(it) + "'");
            }
            return it;
        }
        if (m == null && t.lookup("__getitem__") != null) {
            return new Iterators.SeqIter(o);
        }
        throw Py.typeError("'" + t.name + "' object is not iterable");
    }

    /** The next item, or null when the iterator is exhausted. */
    public static Object next(Object it) {
        if (it instanceof PyIterator pi) {
            return pi.next();
        }
        PyType t = Py.typeOf(it);
        if (t.lookup("__next__") == null) {
            throw Py.typeError("'" + t.name + "' object is not an iterator");
        }
        try {
            return callMethod(it, "__next__");
        } catch (PyError e) {
            if (e.exc.isA(Types.STOP_ITERATION)) {
                return null;
            }
            throw e;
        }
    }

    // --- attributes -------------------------------------------------------------------------------------------

    public static Object getAttr(Object o, String name) {
        // a class's __getattr__ that raises AttributeError reports it itself, traceback and message
        Object v;
        try {
            v = o instanceof PyType || o instanceof PyModule ? getAttrOrNull(o, name)
                    : Attributes.genericGetAttr(o, name, true);
        } catch (PyError e) {
            if (e.exc.isA(Types.ATTRIBUTE_ERROR) && e.exc.dict.getStr("name") == null
                    && e.exc.dict.getStr("obj") == null) {
                // as CPython, the error learns which attribute of which object was missing (for its suggestions)
                e.exc.dict.put("name", name);
                e.exc.dict.put("obj", o);
            }
            throw e;
        }
        if (v == null) {
            // a bound method looks up what its type lacks on its function, which then reports the error
            throw noAttribute(o instanceof PyMethod m ? m.function : o, name);
        }
        return v;
    }

    static PyError noAttribute(Object o, String name) {
        PyBaseException e;
        if (o instanceof PyModule m) {
            e = Py.newException(Types.ATTRIBUTE_ERROR, "module '" + m.name + "' has no attribute '" + name + "'");
        } else if (o instanceof PyType t) {
            e = Py.newException(Types.ATTRIBUTE_ERROR, "type object '" + t.qualname + "' has no attribute '"
                    + name + "'");
        } else {
            e = Py.newException(Types.ATTRIBUTE_ERROR, "'" + Py.typeName(o) + "' object has no attribute '"
                    + name + "'");
        }
        e.dict.put("name", name);
        e.dict.put("obj", o);
        return new PyError(e);
    }

    /** {@code getattr(o, name)}, or null when the attribute does not exist. */
    public static Object getAttrOrNull(Object o, String name) {
        if (o instanceof PyType t) {
            return Attributes.typeGetAttr(t, name);
        }
        if (o instanceof PyModule m) {
            Object v = m.dict.getStr(name);
            if (v != null) {
                return v;
            }
            if (name.equals("__dict__")) {
                return m.dict;
            }
            return null;
        }
        return Attributes.genericGetAttr(o, name);
    }

    public static void setAttr(Object o, String name, Object value) {
        Attributes.setAttr(o, name, value);
    }

    public static void delAttr(Object o, String name) {
        Attributes.delAttr(o, name);
    }

    // --- calls ------------------------------------------------------------------------------------------------

    /** Calls {@code callable} from Java; Python code runs in a nested interpreter loop that cannot block. */
    public static Object call(Object callable, Object... args) {
        return Interpreter.current().callNested(callable, args, null);
    }

    public static Object callKw(Object callable, Object[] args, String[] kwNames) {
        return Interpreter.current().callNested(callable, args, kwNames);
    }

    /** Calls method {@code name} of {@code self}, looked up on its type. */
    public static Object callMethod(Object self, String name, Object... args) {
        Object m = getAttr(self, name);
        return call(m, args);
    }

    static Object callBuiltin(PyBuiltin b, Object[] args) {
        return Interpreter.current().callNested(b, args, null);
    }

    // --- str and repr -----------------------------------------------------------------------------------------

    public static String repr(Object o) {
        return Repr.repr(o);
    }

    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        return Repr.str(o);
    }

    static boolean fitsLong(BigInteger b) {
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0;
    }
}
