package dev.loopscope.python.runtime;

/**
 * Virtual CPU time charged for Python-level work, in nanoseconds, calibrated against CPython 3.12 on the
 * reference machine (see src/docs/cost-model.md): each instruction costs a base amount, calls and generator
 * resumptions add the cost of setting up a frame, and natives charge extra for the work they do.
 */
public final class CostModel {

    private CostModel() {
    }

    /** Development aid: count executed opcodes when the system property loopscope.countOps is set. */
    static final boolean COUNT_OPS = Boolean.getBoolean("loopscope.countOps");
    public static final long[] OP_COUNTS = new long[256];

    /** Base cost of each opcode. */
    static final int[] COST = new int[256];
    /** Entering a Python frame, on top of the CALL instruction. */
    static final int CALL_PYTHON = 3;
    /** Calling a builtin function, on top of the CALL instruction. */
    static final int CALL_NATIVE = 12;
    /** Resuming a generator or coroutine frame. */
    static final int RESUME = 0;
    /** Creating an instance of a Python class, before its __init__ runs. */
    static final int NEW_INSTANCE = 45;
    /** Unwinding one frame while an exception propagates. */
    static final int UNWIND = 30;
    /** Writing a line of output (plus one per character). */
    static final int PRINT = 300;
    /** Per item that a builtin consumes or produces (sum, sorted, list(), join...). */
    static final int PER_ITEM = 10;

    static {
        java.util.Arrays.fill(COST, 5);
        int[][] table = {
            {Op.NOP, 0}, {Op.POP_TOP, 1}, {Op.PUSH_NULL, 1}, {Op.COPY, 1}, {Op.SWAP, 1}, {Op.LOAD_CONST, 1},
            {Op.LOAD_FAST, 1}, {Op.STORE_FAST, 1}, {Op.DELETE_FAST, 1}, {Op.LOAD_DEREF, 3}, {Op.STORE_DEREF, 3},
            {Op.LOAD_CLOSURE, 1}, {Op.MAKE_CELL, 5}, {Op.LOAD_GLOBAL, 2}, {Op.STORE_GLOBAL, 15},
            {Op.LOAD_NAME, 10}, {Op.STORE_NAME, 12}, {Op.DELETE_NAME, 12}, {Op.LOAD_ATTR, 3},
            {Op.LOAD_METHOD, 2}, {Op.STORE_ATTR, 20}, {Op.BINARY_OP, 7}, {Op.UNARY_NEGATIVE, 3},
            {Op.UNARY_NOT, 2}, {Op.COMPARE_OP, 3}, {Op.IS_OP, 1}, {Op.CONTAINS_OP, 10}, {Op.BINARY_SUBSCR, 5},
            {Op.STORE_SUBSCR, 20}, {Op.BUILD_SLICE, 15}, {Op.BUILD_TUPLE, 12}, {Op.BUILD_LIST, 20},
            {Op.BUILD_SET, 30}, {Op.BUILD_MAP, 30}, {Op.BUILD_STRING, 20}, {Op.LIST_APPEND, 3}, {Op.SET_ADD, 15},
            {Op.MAP_ADD, 20}, {Op.FORMAT_VALUE, 40}, {Op.UNPACK_SEQUENCE, 5}, {Op.JUMP, 1},
            {Op.POP_JUMP_IF_FALSE, 1}, {Op.POP_JUMP_IF_TRUE, 1}, {Op.POP_JUMP_IF_NONE, 1},
            {Op.POP_JUMP_IF_NOT_NONE, 1}, {Op.JUMP_IF_FALSE_OR_POP, 1}, {Op.JUMP_IF_TRUE_OR_POP, 1},
            {Op.GET_ITER, 10}, {Op.FOR_ITER, 11}, {Op.CALL, 3}, {Op.CALL_KW, 10}, {Op.CALL_EX, 30},
            {Op.MAKE_FUNCTION, 40}, {Op.RETURN_VALUE, 1}, {Op.RETURN_CONST, 1}, {Op.RAISE_VARARGS, 150},
            {Op.RERAISE, 50}, {Op.PUSH_EXC_INFO, 5}, {Op.POP_EXCEPT, 3}, {Op.CHECK_EXC_MATCH, 10}, {Op.CHECK_EG_MATCH, 40}, {Op.PREP_RERAISE_STAR, 40},
            {Op.BEFORE_WITH, 30}, {Op.BUILD_CLASS, 2000}, {Op.IMPORT_NAME, 500}, {Op.IMPORT_FROM, 20},
            {Op.YIELD_VALUE, 1}, {Op.SEND, 5}, {Op.GET_AWAITABLE, 5},
        };
        for (int[] entry : table) {
            COST[entry[0]] = entry[1];
        }
    }

    /** The cost of one instruction with opcode {@code op}. */
    public static int cost(int op) {
        return COST[op];
    }
}
