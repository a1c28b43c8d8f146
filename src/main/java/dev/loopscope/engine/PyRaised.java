package dev.loopscope.engine;

/**
 * A Python exception raised by an engine operation called from Java (for example
 * {@code future.set_result()} on a finished future raising {@code InvalidStateError}). The front end
 * re-raises {@link #exception()} in the Python code that made the call.
 */
public final class PyRaised extends RuntimeException {

    private final transient Object exception;

    public PyRaised(Object exception, String description) {
        super(description, null, false, false);
        this.exception = exception;
    }

    /** The Python exception object. */
    public Object exception() {
        return exception;
    }
}
