package dev.loopscope.python.runtime;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.Outcome;
import dev.loopscope.python.PythonProgram;
import dev.loopscope.python.TestDriver;
import java.util.ArrayDeque;
import java.util.Deque;

/** Runs module code into an interpreter and drives activities for the runtime's unit tests. */
final class Harness {

    final Interpreter interp;
    final PyModule main;
    final TestDriver.Ctx ctx = TestDriver.newContext(Long.MAX_VALUE / 4);

    Harness(String source) {
        this(source, ModuleRegistry.standard());
    }

    Harness(String source, ModuleRegistry modules) {
        interp = new Interpreter(Interpreter.Settings.defaults(), modules);
        main = interp.newMainModule("prog.py");
        PythonProgram p = ((PythonProgram.CompileResult.Ok) PythonProgram.compile("prog.py", source, false)).program();
        Completion c = drive(PyThread.forModule(interp, p.code(), main));
        if (c instanceof Completion.Raised r) {
            throw new AssertionError(new TracebackFormatter().format((PyBaseException) r.exception()));
        }
    }

    Object get(String name) {
        return main.dict.getStr(name);
    }

    /** Calls a module-level callable to completion. */
    Completion call(String name, Object... args) {
        return drive(PyThread.forCall(interp, get(name), args));
    }

    /** Runs an activity, running any activity it calls on the same thread, until it is done. */
    Completion drive(Activity a) {
        Deque<Activity> stack = new ArrayDeque<>();
        stack.push(a);
        Completion resumed = null;
        while (true) {
            ctx.refill();
            Outcome o = stack.peek().run(ctx, resumed);
            resumed = null;
            switch (o) {
                case Outcome.Done d -> {
                    stack.pop();
                    if (stack.isEmpty()) {
                        return d.completion();
                    }
                    resumed = d.completion();
                }
                case Outcome.Call c -> stack.push(c.callee());
                case Outcome.Sleep s -> {
                    ctx.charge(s.nanos());
                    resumed = new Completion.Returned(Py.None);
                }
                case Outcome.Pause p -> {
                }
                case Outcome.Wait w -> resumed = w.waitable().completion();
            }
        }
    }

    /** Drives activities of another interpreter (a forked child). */
    static final class Driver {
        private final Harness outer;

        Driver(Interpreter child) {
            this.outer = new Harness(child);
        }

        Completion drive(Activity a) {
            return outer.drive(a);
        }
    }

    private Harness(Interpreter interp) {
        this.interp = interp;
        this.main = interp.modules.get("__main__");
    }

    String out() {
        return ctx.stdoutText();
    }
}
