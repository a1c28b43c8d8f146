package dev.loopscope.python.runtime;

/**
 * A Python exception travelling through Java code (native functions, operators). The interpreter loop catches
 * it and unwinds Python frames; it carries no Java stack trace, so throwing it is cheap.
 */
public final class PyError extends RuntimeException {

    public final PyBaseException exc;

    public PyError(PyBaseException exc) {
        super(null, null, false, false);
        this.exc = exc;
    }

    @Override
    public String getMessage() {
        return exc.type().name + ": " + Py.strOf(exc);
    }
}
