package dev.loopscope.python.library;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.PyRaised;
import dev.loopscope.engine.SimProcess;
import dev.loopscope.engine.WorkCall;
import dev.loopscope.python.runtime.Copier;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyFunction;
import dev.loopscope.python.runtime.PyThread;
import dev.loopscope.python.runtime.PyTuple;

/**
 * {@code fn(*args, **kwargs)} handed to an executor. In the caller's own process it simply runs; in a worker
 * process the function travels by reference and the arguments by value, exactly as pickling carries them.
 */
final class PythonCall implements WorkCall {

    private final Interpreter home;
    private final Object function;
    private final Object[] args;
    private final String[] kwNames;
    private final boolean fromMap;

    PythonCall(Interpreter home, Object function, Object[] args, String[] kwNames) {
        this(home, function, args, kwNames, false);
    }

    PythonCall(Interpreter home, Object function, Object[] args, String[] kwNames, boolean fromMap) {
        this.home = home;
        this.function = function;
        this.args = args;
        this.kwNames = kwNames;
        this.fromMap = fromMap;
    }

    @Override
    public boolean fromMap() {
        return fromMap;
    }

    @Override
    public String label() {
        if (function instanceof PyFunction f) {
            return f.qualname + "()";
        }
        String r = Ops.repr(function);
        return r.length() > 40 ? r.substring(0, 40) + "…" : r;
    }

    @Override
    public Activity start(SimProcess process) {
        Interpreter interp = process.interpreterState() instanceof Interpreter i ? i : home;
        if (interp == home) {
            return PyThread.forCall(interp, function, args, kwNames, null);
        }
        Object fn = Copier.pickleCopy(function, interp);
        PyTuple copied = (PyTuple) Copier.pickleCopy(PyTuple.of(args), interp);
        return PyThread.forCall(interp, fn, copied.items, kwNames, null);
    }

    @Override
    public long pickle() {
        Copier c = new Copier(null, true);
        try {
            c.copy(function);
            c.copy(PyTuple.of(args));
        } catch (PyError e) {
            throw new PyRaised(e.exc, "cannot pickle");
        }
        return Math.max(16, c.bytes());
    }
}
