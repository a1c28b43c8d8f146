package dev.loopscope.python.runtime;

/**
 * A function implemented in Java.
 *
 * <p>{@code args} holds the positional arguments followed by the keyword arguments' values; {@code kwNames}
 * names the trailing keyword values, or is null when there are none. Methods receive their receiver as
 * {@code args[0]}. Use {@link Args} to bind parameters with CPython's error messages.
 *
 * <p>The result is the Python return value, or a {@link Suspend} to hand an engine outcome to the simulation
 * (sleep, wait for a future, call an engine activity) and continue with its completion, or a {@link TailCall}
 * to call Python code and return what it returns. Raise Python exceptions by throwing {@link PyError}
 * ({@link Py#valueError} and friends).
 */
@FunctionalInterface
public interface Native {

    Object call(PyThread thread, Object[] args, String[] kwNames);
}
