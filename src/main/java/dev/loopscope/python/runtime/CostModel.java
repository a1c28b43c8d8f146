package dev.loopscope.python.runtime;

import java.math.BigInteger;

/**
 * Virtual CPU time charged for Python-level work, calibrated against CPython 3.12 on the reference machine (see
 * src/docs/cost-model.md): each instruction costs a base amount, and the instructions whose cost in CPython
 * depends on the values they meet add to it (a new int object, arithmetic on big ints, a dict instead of a
 * list); calls and generator resumptions add the cost of setting up a frame, and natives charge extra for the
 * work they do.
 *
 * <p>Costs are counted in ticks of a quarter nanosecond, since the cheapest instructions take less than one.
 */
public final class CostModel {

    private CostModel() {
    }

    /** Ticks per nanosecond. */
    public static final int TICKS_PER_NS = 4;

    /** Development aid: count executed opcodes when the system property loopscope.countOps is set. */
    static final boolean COUNT_OPS = Boolean.getBoolean("loopscope.countOps");
    public static final long[] OP_COUNTS = new long[256];

    /** Base cost of each opcode, in ticks. */
    static final int[] COST = new int[256];
    /** Entering a Python frame, on top of the CALL instruction. */
    static final int CALL_PYTHON = ticks(4.25);
    /** Setting up the cells and free variables of a frame (a closure, or a function with nested functions). */
    static final int FRAME_CELLS = ticks(5);
    /** Calling a builtin function, on top of the CALL instruction. */
    static final int CALL_NATIVE = ticks(1.5);
    /** Resuming a generator or coroutine frame. */
    static final int RESUME = ticks(2);
    /** Resuming a generator from a builtin that consumes it ({@code sum}, {@code list}, {@code join}...). */
    static final int RESUME_FROM_NATIVE = ticks(5);
    /** Creating an instance of a Python class, before its __init__ runs. */
    static final int NEW_INSTANCE = ticks(70);

    /** Unwinding one frame while an exception propagates. */
    static final int UNWIND = ticks(30);
    /** Writing a line of output, in nanoseconds (plus one per character). */
    static final int PRINT = 300;
    /** Per item that a builtin consumes or produces (any, all), in nanoseconds. */
    static final int PER_ITEM = 10;
    /** Per string a split makes, in nanoseconds. */
    static final int PER_NEW_STRING = 30;
    /** Per comparison of a sort ({@code n log2 n} of them), in nanoseconds. */
    static final int PER_SORT_COMPARISON = 7;
    /** Per item {@code sum} adds, in ticks. */
    static final int SUM_ITEM = ticks(3.5);

    /** A new int object outside the small-int cache, allocated now and freed later. */
    static final int ALLOC_INT = ticks(8);
    /** Arithmetic that needs more than one 30-bit digit, before the per-digit work. */
    static final int BIG_INT = ticks(2);
    /** Per 30-bit digit of a big-int addition's result. */
    static final int PER_DIGIT = ticks(0.25);
    /** Per pair of 30-bit digits multiplied. */
    static final int PER_DIGIT_PAIR = ticks(0.5);
    /** An int operator CPython 3.12 does not specialise ({@code %}, {@code //}, bitwise, shifts). */
    static final int INT_GENERIC = ticks(4.5);
    /** {@code int / int}: a float result through the generic path. */
    static final int INT_TRUEDIV = ticks(7.5);
    /** {@code **} on numbers. */
    static final int POWER = ticks(16);
    /** {@code +}, {@code -}, {@code *} on two floats (specialised, the result from the free list). */
    static final int FLOAT_FAST = ticks(2.5);
    /** Any other float arithmetic, or mixed int and float. */
    static final int FLOAT_GENERIC = ticks(9);
    /** Concatenating strings, before the per-character copy. */
    static final int STR_CONCAT = ticks(18);
    /** Any other binary operator (lists, tuples, instances with dunder methods...). */
    static final int OTHER_BINARY = ticks(10);
    /** A comparison that is not between two small ints (floats, strings, big ints, containers...). */
    static final int COMPARE_OTHER = ticks(2);
    /** Subscripting a dict (hashing and probing) rather than a list or tuple. */
    static final int SUBSCR_DICT = ticks(4);
    /** Storing into anything but a list (a dict hashes the key and probes, a class calls its method). */
    static final int STORE_SUBSCR_HASHED = ticks(9);
    /** FORMAT_VALUE with a format spec ({@code f"{x:.2f}"}) on top of the plain conversion. */
    static final int FORMAT_SPEC = ticks(79);
    /** Testing the truth of a value that is not a bool (an int, a list...) in a conditional jump. */
    static final int TRUTH_TEST = ticks(2);

    static {
        java.util.Arrays.fill(COST, ticks(5));
        double[][] table = {
            {Op.NOP, 0}, {Op.POP_TOP, 0.5}, {Op.PUSH_NULL, 0.5}, {Op.COPY, 0.5}, {Op.SWAP, 0.5},
            {Op.LOAD_CONST, 0.5}, {Op.LOAD_FAST, 0.5}, {Op.STORE_FAST, 0.5}, {Op.DELETE_FAST, 0.5},
            {Op.LOAD_DEREF, 1.5}, {Op.STORE_DEREF, 1.5}, {Op.LOAD_CLOSURE, 0.5}, {Op.MAKE_CELL, 5},
            {Op.LOAD_GLOBAL, 1.75}, {Op.STORE_GLOBAL, 10}, {Op.LOAD_NAME, 8}, {Op.STORE_NAME, 9.5},
            {Op.DELETE_NAME, 12}, {Op.LOAD_ATTR, 2.75}, {Op.LOAD_METHOD, 2.5}, {Op.STORE_ATTR, 3.25},
            {Op.BINARY_OP, 2.5}, {Op.UNARY_NEGATIVE, 2}, {Op.UNARY_NOT, 0.75}, {Op.COMPARE_OP, 2},
            {Op.IS_OP, 0.75}, {Op.CONTAINS_OP, 6}, {Op.BINARY_SUBSCR, 2}, {Op.STORE_SUBSCR, 2},
            {Op.BUILD_SLICE, 15}, {Op.BUILD_TUPLE, 12}, {Op.BUILD_LIST, 20}, {Op.BUILD_SET, 30},
            {Op.BUILD_MAP, 30}, {Op.BUILD_STRING, 20}, {Op.LIST_APPEND, 7}, {Op.SET_ADD, 15}, {Op.MAP_ADD, 20},
            {Op.FORMAT_VALUE, 46}, {Op.UNPACK_SEQUENCE, 2.5}, {Op.JUMP, 0.75}, {Op.POP_JUMP_IF_FALSE, 0.5},
            {Op.POP_JUMP_IF_TRUE, 0.5}, {Op.POP_JUMP_IF_NONE, 0.5}, {Op.POP_JUMP_IF_NOT_NONE, 0.5},
            {Op.JUMP_IF_FALSE_OR_POP, 0.5}, {Op.JUMP_IF_TRUE_OR_POP, 0.5}, {Op.GET_ITER, 5}, {Op.FOR_ITER, 2},
            {Op.CALL, 3}, {Op.CALL_KW, 10}, {Op.CALL_EX, 30}, {Op.MAKE_FUNCTION, 40}, {Op.RETURN_VALUE, 0.75},
            {Op.RETURN_CONST, 0.75}, {Op.RAISE_VARARGS, 150}, {Op.RERAISE, 50}, {Op.PUSH_EXC_INFO, 5},
            {Op.POP_EXCEPT, 3}, {Op.CHECK_EXC_MATCH, 10}, {Op.CHECK_EG_MATCH, 40},
            {Op.PREP_RERAISE_STAR, 40}, {Op.BEFORE_WITH, 30}, {Op.BUILD_CLASS, 2000},
            {Op.IMPORT_NAME, 500}, {Op.IMPORT_FROM, 20}, {Op.YIELD_VALUE, 2.5}, {Op.SEND, 5}, {Op.GET_AWAITABLE, 5},
        };
        for (double[] entry : table) {
            COST[(int) entry[0]] = ticks(entry[1]);
        }
    }

    /** {@code ns} nanoseconds in ticks. */
    static int ticks(double ns) {
        return (int) Math.round(ns * TICKS_PER_NS);
    }

    /** The cost of one instruction with opcode {@code op}, in ticks. */
    public static int cost(int op) {
        return COST[op];
    }

    /** A new float, from the free list. */
    static final int ALLOC_FLOAT = ticks(2.5);

    /** A new object for {@code v} unless it is a cached small int (-5 to 256) or shared (bools, None...). */
    static int allocation(Object v) {
        if (v instanceof Long x) {
            long n = x;
            return n >= -5 && n <= 256 ? 0 : ALLOC_INT;
        }
        if (v instanceof BigInteger) {
            return ALLOC_INT;
        }
        if (v instanceof Double) {
            return ALLOC_FLOAT;
        }
        return 0;
    }

    /** What calling the builtin type {@code t} costs ({@code str(x)}, {@code range(n)}, {@code list(xs)}). */
    static int typeCall(PyType t) {
        int c = t.callCost;
        if (c < 0) {
            c = ticks(switch (t.name) {
                case "str", "list", "dict", "set", "frozenset" -> 45;
                case "range", "tuple", "enumerate", "zip", "int" -> 20;
                case "float", "bool" -> 10;
                default -> 15;
            });
            t.callCost = c;
        }
        return c;
    }

    /**
     * What calling the native {@code name} of module or type {@code where} costs beyond any native call, in
     * ticks: the builtins CPython 3.12 makes parse their arguments the slow way ({@code min}, {@code max},
     * {@code round}), and the functions it writes in Python ({@code random.randint}).
     */
    static int nativeCall(String where, String name) {
        String key = where + "." + name;
        double ns = switch (key) {
            case "builtins.max", "builtins.min" -> 80;
            case "builtins.round" -> 40;
            case "builtins.sorted" -> 80;
            case "builtins.sum" -> 30;
            case "builtins.divmod" -> 20;
            case "builtins.abs" -> 8;
            // the list grows into fresh memory: what it keeps costs more than a value freed at once
            case "list.append" -> 8;
            case "random.random", "Random.random" -> 6;
            case "random.randint", "Random.randint" -> 190;
            case "random.randrange", "Random.randrange" -> 140;
            case "random.choice", "Random.choice" -> 90;
            case "random.uniform", "Random.uniform" -> 60;
            case "random.gauss", "Random.gauss", "random.normalvariate", "Random.normalvariate" -> 150;
            case "math.sqrt", "math.floor", "math.ceil" -> 5;
            case "time.perf_counter", "time.time", "time.monotonic", "time.process_time", "time.thread_time" -> 25;
            default -> 0;
        };
        return ticks(ns);
    }

    /** Number of CPython's 30-bit digits of an int (at least 1). */
    static int digits(Object v) {
        if (v instanceof Long x) {
            long n = Math.abs((long) x);
            return n < (1L << 30) ? 1 : n < (1L << 60) ? 2 : 3;
        }
        if (v instanceof BigInteger b) {
            return Math.max(1, (b.bitLength() + 29) / 30);
        }
        return 1;
    }

    /**
     * What {@code a op b} giving {@code r} costs beyond the base cost of BINARY_OP, after the interpreter's
     * type of the operands: CPython 3.12 specialises {@code +}, {@code -} and {@code *} on ints and floats, and
     * its cost mostly comes from the objects it allocates and the digits it works through.
     */
    static int binaryExtra(int op, Object a, Object b, Object r) {
        if ((a instanceof Long || a instanceof BigInteger) && (b instanceof Long || b instanceof BigInteger)) {
            if (op == Ops.TRUEDIV) {
                return INT_TRUEDIV;
            }
            int cost = allocation(r);
            if (op == Ops.POW) {
                cost += POWER;
            } else if (op != Ops.ADD && op != Ops.SUB && op != Ops.MUL) {
                cost += INT_GENERIC;
            }
            if (a instanceof BigInteger || b instanceof BigInteger || r instanceof BigInteger
                    || digits(r) > 1 || digits(a) > 1 || digits(b) > 1) {
                cost += BIG_INT;
                if (op == Ops.MUL || op == Ops.POW) {
                    long pairs = (long) digits(a) * digits(b);
                    cost += (int) Math.min(Integer.MAX_VALUE / 2, pairs * PER_DIGIT_PAIR);
                } else {
                    cost += digits(r) * PER_DIGIT;
                }
            }
            return cost;
        }
        if (r instanceof Double) {
            if (a instanceof Double && b instanceof Double && (op == Ops.ADD || op == Ops.SUB || op == Ops.MUL)) {
                return FLOAT_FAST;
            }
            return op == Ops.POW ? FLOAT_GENERIC + POWER : FLOAT_GENERIC;
        }
        if (r instanceof String) {
            // CPython resizes s in place for s += t, so only the new characters are copied.
            return STR_CONCAT;
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return 0;
        }
        return OTHER_BINARY;
    }

    /** What comparing {@code a} and {@code b} costs beyond the base cost of COMPARE_OP. */
    static int compareExtra(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && digits(x) == 1 && digits(y) == 1) {
            return 0;
        }
        if (a instanceof String s && b instanceof String t) {
            return COMPARE_OTHER + Math.min(s.length(), t.length()) / 4;
        }
        return COMPARE_OTHER;
    }
}
