package dev.loopscope.python.runtime;

import java.math.BigInteger;

/** Singletons, type lookup, and constructors for the exceptions the runtime raises. */
public final class Py {

    private Py() {
    }

    public static final PyNone None = Types.NONE;
    public static final PyNone NotImplemented = Types.NOT_IMPLEMENTED;
    public static final PyNone Ellipsis = Types.ELLIPSIS;

    /** CPython's cache of small ints: -5 to 256 are one object each, so {@code is} finds them identical. */
    private static final Long[] SMALL = new Long[262];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (long) (i - 5);
        }
    }

    /**
     * A boxed int, sharing boxes for the values CPython caches; other ints computed at run time are new objects,
     * as in CPython ({@code int("1000") is int("1000")} is False).
     */
    public static Long box(long v) {
        if (v >= -5 && v <= 256) {
            return SMALL[(int) v + 5];
        }
        return v;
    }

    /** An int from a BigInteger, as a Long when it fits. */
    public static Object normalize(BigInteger b) {
        if (b.bitLength() < 64) {
            return box(b.longValue());
        }
        return b;
    }

    public static Boolean bool(boolean b) {
        return b ? Boolean.TRUE : Boolean.FALSE;
    }

    /** The Python type of any value. */
    public static PyType typeOf(Object o) {
        if (o instanceof PyObject p) {
            return p.type();
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return Types.INT;
        }
        if (o instanceof String) {
            return Types.STR;
        }
        if (o instanceof Double) {
            return Types.FLOAT;
        }
        if (o instanceof Boolean) {
            return Types.BOOL;
        }
        if (o instanceof byte[]) {
            return Types.BYTES;
        }
        PyType t = ForeignTypes.lookup(o);
        if (t != null) {
            return t;
        }
        if (o instanceof dev.loopscope.engine.Coroutine) {
            // a coroutine of the library (asyncio.sleep(1), asyncio.wait_for(...)): a coroutine like any other
            return Types.COROUTINE;
        }
        throw new IllegalStateException("not a Python value: " + (o == null ? "null" : o.getClass().getName()));
    }

    /** {@code type(o).__name__}. */
    public static String typeName(Object o) {
        return typeOf(o).messageName();
    }

    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
    }

    // --- exceptions -------------------------------------------------------------------------------------------

    public static PyBaseException newException(PyType type, Object... args) {
        PyBaseException e = new PyBaseException(type, PyTuple.of(args));
        return e;
    }

    public static PyError error(PyType type, String message) {
        return new PyError(message == null ? newException(type) : newException(type, message));
    }

    public static PyError typeError(String message) {
        return error(Types.TYPE_ERROR, message);
    }

    public static PyError valueError(String message) {
        return error(Types.VALUE_ERROR, message);
    }

    public static PyError indexError(String message) {
        return error(Types.INDEX_ERROR, message);
    }

    public static PyError keyError(Object key) {
        return new PyError(newException(Types.KEY_ERROR, key));
    }

    public static PyError attributeError(String message) {
        return error(Types.ATTRIBUTE_ERROR, message);
    }

    public static PyError nameError(String name) {
        PyBaseException e = newException(Types.NAME_ERROR, "name '" + name + "' is not defined");
        e.dict.put("name", name);
        return new PyError(e);
    }

    public static PyError runtimeError(String message) {
        return error(Types.RUNTIME_ERROR, message);
    }

    public static PyError zeroDivision(String message) {
        return error(Types.ZERO_DIVISION_ERROR, message);
    }

    public static PyError overflowError(String message) {
        return error(Types.OVERFLOW_ERROR, message);
    }

    public static PyError stopIteration(Object value) {
        PyBaseException e = value == null ? newException(Types.STOP_ITERATION)
                : newException(Types.STOP_ITERATION, value);
        return new PyError(e);
    }

    /** Python's {@code str(o)}. */
    public static String strOf(Object o) {
        return Ops.str(o);
    }

    /** Python's {@code repr(o)}. */
    public static String reprOf(Object o) {
        return Ops.repr(o);
    }
}
