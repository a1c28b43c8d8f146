package dev.loopscope.python.runtime;

/**
 * Base of the Python objects that are not plain Java values. Python ints, floats, strs and bools are
 * {@link Long}/{@link java.math.BigInteger}, {@link Double}, {@link String} and {@link Boolean}; everything
 * else extends this class or is a foreign Java object registered with {@link ForeignTypes}.
 */
public abstract class PyObject {

    /** The object's Python type. */
    public abstract PyType type();
}
