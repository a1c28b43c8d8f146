package dev.loopscope.python.runtime;

/**
 * Virtual CPU time charged for Python-level work, in nanoseconds, calibrated against CPython 3.12 on the
 * reference machine (see docs/cost-model.md): each instruction costs a base amount, calls and generator
 * resumptions add the cost of setting up a frame, and natives charge extra for the work they do.
 */
public final class CostModel {

    private CostModel() {
    }

    /** Base cost of each opcode. */
    static final int[] COST = new int[256];
    /** Creating and entering a Python frame. */
    static final int CALL_PYTHON = 30;
    /** Calling a builtin function. */
    static final int CALL_NATIVE = 15;
    /** Resuming a generator or coroutine frame. */
    static final int RESUME = 15;
    /** Writing a line of output (plus one per character). */
    static final int PRINT = 300;

    static {
        java.util.Arrays.fill(COST, 4);
        COST[Op.LOAD_FAST] = 1;
        COST[Op.STORE_FAST] = 1;
        COST[Op.LOAD_CONST] = 1;
        COST[Op.POP_TOP] = 1;
        COST[Op.PUSH_NULL] = 1;
        COST[Op.COPY] = 1;
        COST[Op.SWAP] = 1;
        COST[Op.NOP] = 0;
        COST[Op.JUMP] = 1;
        COST[Op.POP_JUMP_IF_FALSE] = 2;
        COST[Op.POP_JUMP_IF_TRUE] = 2;
        COST[Op.LOAD_GLOBAL] = 6;
        COST[Op.LOAD_NAME] = 10;
        COST[Op.STORE_NAME] = 10;
        COST[Op.BINARY_OP] = 8;
        COST[Op.COMPARE_OP] = 5;
        COST[Op.FOR_ITER] = 6;
        COST[Op.CALL] = 8;
        COST[Op.LOAD_ATTR] = 8;
        COST[Op.LOAD_METHOD] = 8;
        COST[Op.STORE_ATTR] = 8;
        COST[Op.BINARY_SUBSCR] = 6;
        COST[Op.STORE_SUBSCR] = 6;
        COST[Op.BUILD_LIST] = 15;
        COST[Op.BUILD_TUPLE] = 10;
        COST[Op.BUILD_MAP] = 25;
        COST[Op.MAKE_FUNCTION] = 30;
        COST[Op.RETURN_VALUE] = 5;
        COST[Op.RETURN_CONST] = 5;
    }

    /** The cost of one instruction with opcode {@code op}. */
    public static int cost(int op) {
        return COST[op];
    }
}
