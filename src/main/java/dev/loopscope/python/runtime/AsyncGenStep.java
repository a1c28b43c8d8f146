package dev.loopscope.python.runtime;

import dev.loopscope.engine.Outcome;

/** The awaitable that {@code async for} gets from an async generator's {@code __anext__}. */
final class AsyncGenStep extends PyObject {

    final PyGenerator gen;

    AsyncGenStep(PyGenerator gen) {
        this.gen = gen;
    }

    @Override
    public PyType type() {
        return Types.ITERATOR;
    }

    Outcome send(PyThread t, Frame f, Object value, int target) {
        if (gen.state == PyGenerator.FINISHED) {
            throw new PyError(Py.newException(Types.STOP_ASYNC_ITERATION));
        }
        f.s[--f.sp] = null;
        return t.sendInto(gen, value, f, Frame.MODE_ANEXT);
    }
}
