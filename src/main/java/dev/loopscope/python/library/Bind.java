package dev.loopscope.python.library;

import dev.loopscope.engine.Completion;
import dev.loopscope.engine.EventLoop;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.PyRaised;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyThread;
import java.util.function.Supplier;

/** Small helpers shared by the library modules that bind the engine to Python. */
final class Bind {

    private Bind() {
    }

    /** Runs an engine operation, turning a Python exception it raises into one raised in Python code. */
    static <T> T engine(Supplier<T> op) {
        try {
            return op.get();
        } catch (PyRaised e) {
            throw new PyError((PyBaseException) e.exception());
        }
    }

    /** The running event loop of the calling thread, or {@code RuntimeError('no running event loop')}. */
    static EventLoop runningLoop(PyThread t) {
        ExecContext ctx = t.context();
        EventLoop loop = ctx == null ? null : ctx.loop();
        if (loop == null || !loop.isRunning()) {
            throw Py.runtimeError("no running event loop");
        }
        return loop;
    }

    /** Seconds (an int or float) as virtual nanoseconds, with CPython's TypeError for anything else. */
    static double seconds(Object value, String what) {
        if (value instanceof Boolean || Py.isInt(value) || value instanceof Double) {
            return Ops.toDouble(value);
        }
        // Let Python's own comparison raise its TypeError ("'<=' not supported between ...").
        Ops.compare(Ops.LE, value, 0L);
        throw Py.typeError(what + " must be a number, not " + Py.typeName(value));
    }

    static long nanos(double seconds) {
        if (Double.isNaN(seconds)) {
            throw Py.valueError("Invalid delay: NaN (not a number)");
        }
        if (seconds > 1e12) {
            return Long.MAX_VALUE / 4;
        }
        return Math.round(seconds * 1e9);
    }

    /** The value of a completion, or its exception raised in Python. */
    static Object value(Completion c) {
        return switch (c) {
            case Completion.Returned r -> r.value();
            case Completion.Raised r -> throw new PyError((PyBaseException) r.exception());
            case Completion.Yielded y -> y.value();
        };
    }

    static Object none(Object o) {
        return o == null ? Py.None : o;
    }
}
