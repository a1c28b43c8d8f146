package dev.loopscope.python.compiler;

import dev.loopscope.python.runtime.Op;

/** The stack effect of each instruction when execution falls through to the next one. */
final class Effects {

    private Effects() {
    }

    static int effect(int op, int arg) {
        return switch (op) {
            case Op.NOP, Op.SWAP, Op.LOAD_ATTR, Op.UNARY_NEGATIVE, Op.UNARY_POSITIVE, Op.UNARY_INVERT, Op.UNARY_NOT,
                 Op.LIST_TO_TUPLE, Op.JUMP, Op.GET_ITER, Op.YIELD_VALUE, Op.SEND, Op.CHECK_EXC_MATCH,
                 Op.GET_AWAITABLE, Op.CHECK_EG_MATCH, Op.GET_YIELD_FROM_ITER, Op.GET_AITER, Op.SETUP_ANNOTATIONS, Op.DELETE_FAST,
                 Op.DELETE_DEREF, Op.DELETE_GLOBAL, Op.DELETE_NAME, Op.RETURN_CONST -> 0;
            case Op.POP_TOP, Op.STORE_FAST, Op.STORE_DEREF, Op.STORE_GLOBAL, Op.STORE_NAME, Op.DELETE_ATTR,
                 Op.BINARY_OP, Op.COMPARE_OP, Op.IS_OP, Op.CONTAINS_OP, Op.BINARY_SUBSCR, Op.LIST_APPEND,
                 Op.SET_ADD, Op.LIST_EXTEND, Op.SET_UPDATE, Op.DICT_UPDATE, Op.DICT_MERGE, Op.POP_JUMP_IF_FALSE,
                 Op.POP_JUMP_IF_TRUE, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE, Op.JUMP_IF_FALSE_OR_POP,
                 Op.JUMP_IF_TRUE_OR_POP, Op.RERAISE, Op.POP_EXCEPT, Op.IMPORT_NAME, Op.IMPORT_STAR,
                 Op.STORE_ANNOTATION, Op.RETURN_VALUE, Op.PREP_RERAISE_STAR -> -1;
            case Op.PUSH_NULL, Op.COPY, Op.LOAD_CONST, Op.LOAD_FAST, Op.LOAD_DEREF, Op.LOAD_CLOSURE,
                 Op.LOAD_CLASSDEREF, Op.LOAD_GLOBAL, Op.LOAD_NAME, Op.LOAD_METHOD, Op.LOAD_ASSERTION_ERROR,
                 Op.LOAD_LOCALS, Op.PUSH_EXC_INFO, Op.IMPORT_FROM, Op.GET_ANEXT, Op.FOR_ITER -> 1;
            case Op.STORE_ATTR, Op.MAP_ADD, Op.DELETE_SUBSCR, Op.END_ASYNC_FOR -> -2;
            case Op.STORE_SUBSCR, Op.BUILD_CLASS -> -3;
            case Op.BUILD_SLICE -> -(arg - 1);
            case Op.BUILD_TUPLE, Op.BUILD_LIST, Op.BUILD_SET, Op.BUILD_STRING -> 1 - arg;
            case Op.BUILD_MAP -> 1 - 2 * arg;
            case Op.FORMAT_VALUE -> (arg & 4) != 0 ? -1 : 0;
            case Op.UNPACK_SEQUENCE -> arg - 1;
            case Op.UNPACK_EX -> (arg & 0xff) + (arg >>> 8);
            case Op.CALL -> -(arg + 1);
            case Op.CALL_KW -> -(arg + 2);
            case Op.CALL_EX -> (arg & 1) != 0 ? -3 : -2;
            case Op.MAKE_FUNCTION -> -Integer.bitCount(arg & 15);
            case Op.RAISE_VARARGS -> -arg;
            case Op.WITH_EXC_ARGS, Op.BEFORE_WITH, Op.BEFORE_ASYNC_WITH -> 2;
            case Op.MAKE_CELL -> 0;
            case Op.CLOSE_ITER -> -1;
            default -> throw new IllegalStateException("no stack effect for " + Op.NAMES[op]);
        };
    }
}
