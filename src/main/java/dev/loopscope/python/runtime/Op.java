package dev.loopscope.python.runtime;

/**
 * The bytecode. An instruction is one int: the opcode in the low 8 bits and its argument above. Stack effects
 * are written as {@code before -> after}, top of stack on the right.
 */
public final class Op {

    private Op() {
    }

    public static final int NOP = 0;
    /** {@code x ->}. */
    public static final int POP_TOP = 1;
    /** {@code -> NULL} (the empty "self" slot of a call). */
    public static final int PUSH_NULL = 2;
    /** {@code ... x(n) ... -> ... x(n) ... x}: copies the n-th item from the top (1 = top). */
    public static final int COPY = 3;
    /** Swaps the top with the n-th item from the top. */
    public static final int SWAP = 4;
    public static final int LOAD_CONST = 5;
    public static final int LOAD_FAST = 6;
    public static final int STORE_FAST = 7;
    public static final int DELETE_FAST = 8;
    /** Argument: cell index (cell vars then free vars). */
    public static final int LOAD_DEREF = 9;
    public static final int STORE_DEREF = 10;
    public static final int DELETE_DEREF = 11;
    /** Pushes the cell object itself, for building a closure. */
    public static final int LOAD_CLOSURE = 12;
    /** In a class body: the namespace first, then the cell. Argument: cell index | name index << 12. */
    public static final int LOAD_CLASSDEREF = 13;
    public static final int LOAD_GLOBAL = 14;
    public static final int STORE_GLOBAL = 15;
    public static final int DELETE_GLOBAL = 16;
    public static final int LOAD_NAME = 17;
    public static final int STORE_NAME = 18;
    public static final int DELETE_NAME = 19;
    public static final int LOAD_ATTR = 20;
    /** {@code obj -> callable self_or_NULL}. */
    public static final int LOAD_METHOD = 21;
    /** {@code value obj ->}. */
    public static final int STORE_ATTR = 22;
    public static final int DELETE_ATTR = 23;
    /** Argument: {@link Ops} operator, plus 16 for the in-place form. */
    public static final int BINARY_OP = 24;
    public static final int UNARY_NEGATIVE = 25;
    public static final int UNARY_POSITIVE = 26;
    public static final int UNARY_INVERT = 27;
    public static final int UNARY_NOT = 28;
    /** Argument: {@link Ops#LT} ... {@link Ops#GE}. */
    public static final int COMPARE_OP = 29;
    /** Argument 1 for {@code is not}. */
    public static final int IS_OP = 30;
    /** Argument 1 for {@code not in}. */
    public static final int CONTAINS_OP = 31;
    /** {@code container key -> value}. */
    public static final int BINARY_SUBSCR = 32;
    /** {@code value container key ->}. */
    public static final int STORE_SUBSCR = 33;
    public static final int DELETE_SUBSCR = 34;
    public static final int BUILD_SLICE = 35;
    public static final int BUILD_TUPLE = 36;
    public static final int BUILD_LIST = 37;
    public static final int BUILD_SET = 38;
    /** Argument: number of key/value pairs. */
    public static final int BUILD_MAP = 39;
    public static final int BUILD_STRING = 40;
    /** {@code list ... (n-1 items) item -> list ...}. */
    public static final int LIST_APPEND = 41;
    public static final int SET_ADD = 42;
    /** {@code dict ... key value -> dict ...}. */
    public static final int MAP_ADD = 43;
    public static final int LIST_EXTEND = 44;
    public static final int SET_UPDATE = 45;
    public static final int DICT_UPDATE = 46;
    /** Like DICT_UPDATE but for {@code **kwargs} in a call: duplicate keys are an error. */
    public static final int DICT_MERGE = 47;
    public static final int LIST_TO_TUPLE = 48;
    /** Argument: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 when a format spec is on the stack. */
    public static final int FORMAT_VALUE = 49;
    public static final int UNPACK_SEQUENCE = 50;
    /** Argument: count before the starred target | count after << 8. */
    public static final int UNPACK_EX = 51;
    public static final int JUMP = 52;
    public static final int POP_JUMP_IF_FALSE = 53;
    public static final int POP_JUMP_IF_TRUE = 54;
    public static final int JUMP_IF_FALSE_OR_POP = 55;
    public static final int JUMP_IF_TRUE_OR_POP = 56;
    public static final int POP_JUMP_IF_NONE = 57;
    public static final int POP_JUMP_IF_NOT_NONE = 58;
    public static final int GET_ITER = 59;
    /** {@code iter -> iter next}, or pops the iterator and jumps when it is exhausted. */
    public static final int FOR_ITER = 60;
    /** {@code callable self_or_NULL args(n) -> result}. */
    public static final int CALL = 61;
    /** {@code callable self_or_NULL args(n) kwnames -> result}; n counts keyword values too. */
    public static final int CALL_KW = 62;
    /** {@code callable NULL args_tuple [kwargs_dict] -> result}; argument 1 when kwargs are present. */
    public static final int CALL_EX = 63;
    /**
     * {@code [defaults] [kwdefaults] [annotations] [closure] code -> function}; argument bits 1, 2, 4, 8 say
     * which are present.
     */
    public static final int MAKE_FUNCTION = 64;
    public static final int RETURN_VALUE = 65;
    public static final int RETURN_CONST = 66;
    /** Argument 0 re-raises the exception being handled, 1 raises TOS, 2 raises TOS1 from TOS. */
    public static final int RAISE_VARARGS = 67;
    /** Re-raises TOS without adding a traceback entry. */
    public static final int RERAISE = 68;
    /** {@code exc -> previous_handled exc}; exc becomes the exception being handled. */
    public static final int PUSH_EXC_INFO = 69;
    /** {@code previous_handled ->}; restores the exception being handled. */
    public static final int POP_EXCEPT = 70;
    /** {@code exc type -> exc matched}. */
    public static final int CHECK_EXC_MATCH = 71;
    /** {@code exc -> type(exc) exc traceback}, the arguments of {@code __exit__}. */
    public static final int WITH_EXC_ARGS = 72;
    /** {@code mgr -> exit enter self}: looks up {@code __exit__} and {@code __enter__}; CALL 0 follows. */
    public static final int BEFORE_WITH = 73;
    /** {@code body_function name bases kwargs -> class}: runs the class body and creates the class. */
    public static final int BUILD_CLASS = 74;
    public static final int LOAD_ASSERTION_ERROR = 75;
    /** {@code level fromlist -> module}. */
    public static final int IMPORT_NAME = 76;
    /** {@code module -> module attr}. */
    public static final int IMPORT_FROM = 77;
    public static final int IMPORT_STAR = 78;
    /** Argument 1 when the yield is part of an await/yield-from loop (the receiver is below). */
    public static final int YIELD_VALUE = 79;
    /** {@code receiver value -> receiver yielded}, or {@code -> result} and jump when the receiver returns. */
    public static final int SEND = 80;
    /** Argument: 0 await, 1 async with enter, 2 async with exit. */
    public static final int GET_AWAITABLE = 81;
    public static final int GET_YIELD_FROM_ITER = 82;
    public static final int GET_AITER = 83;
    public static final int GET_ANEXT = 84;
    /** {@code aiter exc ->} when exc is StopAsyncIteration, else re-raises. */
    public static final int END_ASYNC_FOR = 85;
    /** {@code mgr -> aexit aenter self}. */
    public static final int BEFORE_ASYNC_WITH = 86;
    public static final int SETUP_ANNOTATIONS = 87;
    /** {@code value -> }: stores into {@code __annotations__[name]}. */
    public static final int STORE_ANNOTATION = 88;
    public static final int LOAD_LOCALS = 89;
    /**
     * {@code exc types -> rest match}: one {@code except*} clause. {@code match} (None when nothing matched) becomes
     * the exception being handled; {@code rest} is what later clauses see.
     */
    public static final int CHECK_EG_MATCH = 90;
    /**
     * {@code orig raised_list -> exc_or_None}: after the {@code except*} clauses, what is left to raise (the
     * unmatched and re-raised parts in the original's shape, beside any new exceptions).
     */
    public static final int PREP_RERAISE_STAR = 91;
    /** Puts a fresh empty cell in cell slot n (a comprehension variable captured by a closure). */
    public static final int MAKE_CELL = 92;
    /**
     * {@code iter ->}: drops the iterator of a loop left early; a suspended generator created for the loop is closed
     * now, as CPython's reference counting closes it when the loop lets go of it.
     */
    public static final int CLOSE_ITER = 93;
    public static final int COUNT = 94;

    public static final String[] NAMES = new String[COUNT];

    static {
        for (java.lang.reflect.Field f : Op.class.getFields()) {
            if (f.getType() == int.class && !f.getName().equals("COUNT")) {
                try {
                    NAMES[f.getInt(null)] = f.getName();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public static int op(int instr) {
        return instr & 0xff;
    }

    public static int arg(int instr) {
        return instr >>> 8;
    }

    public static int make(int op, int arg) {
        return op | (arg << 8);
    }
}
