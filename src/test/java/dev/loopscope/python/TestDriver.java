package dev.loopscope.python;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.EventLoop;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.SimProcess;
import dev.loopscope.engine.SimThread;
import dev.loopscope.engine.Simulation;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.ModuleRegistry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs a program's main activity to completion on one simulated thread without the engine: slices of a fixed
 * CPU budget, sleeps advance the clock, calls into other activities run them on the same thread.
 */
public final class TestDriver {

    /** What a run printed and how it ended. */
    public record Result(String stdout, String stderr, int exitCode, long virtualNanos, long slices) {}

    public static Result run(String fileName, String source, long budget) {
        return run(fileName, source, budget, Interpreter.Settings.defaults());
    }

    public static Result run(String fileName, String source, long budget, Interpreter.Settings settings) {
        switch (PythonProgram.compile(fileName, source, false)) {
            case PythonProgram.CompileResult.Failed f -> {
                StringBuilder err = new StringBuilder();
                f.problems().forEach(p -> err.append(p.isUnsupported() ? p.format() : PythonProgram.syntaxErrorText(p)));
                return new Result("", err.toString(), 1, 0, 0);
            }
            case PythonProgram.CompileResult.Ok ok -> {
                Interpreter interp = ok.program().newInterpreter(settings, ModuleRegistry.standard());
                return drive(ok.program().mainActivity(interp), budget);
            }
        }
    }

    static Result drive(Activity main, long budget) {
        Ctx ctx = new Ctx(budget);
        Deque<Activity> stack = new ArrayDeque<>();
        stack.push(main);
        Completion resumed = null;
        long slices = 0;
        while (true) {
            Activity a = stack.peek();
            ctx.left = budget;
            slices++;
            if (slices > 50_000_000L) {
                throw new IllegalStateException("runaway program");
            }
            Outcome o = a.run(ctx, resumed);
            resumed = null;
            switch (o) {
                case Outcome.Pause p -> {
                }
                case Outcome.Sleep s -> {
                    ctx.now += s.nanos();
                    resumed = new Completion.Returned(dev.loopscope.python.runtime.Py.None);
                }
                case Outcome.Call c -> stack.push(c.callee());
                case Outcome.Wait w -> {
                    if (!w.waitable().isDone()) {
                        throw new IllegalStateException("the test driver cannot wait for " + w.waitable());
                    }
                    resumed = w.waitable().completion();
                }
                case Outcome.Done d -> {
                    stack.pop();
                    if (stack.isEmpty()) {
                        int code = d.completion() instanceof Completion.Returned(Integer i) ? i : -1;
                        return new Result(ctx.out.toString(), ctx.err.toString(), code, ctx.now, slices);
                    }
                    resumed = d.completion();
                }
            }
        }
    }

    /** A context for driving activities by hand in tests. */
    public static Ctx newContext(long budget) {
        return new Ctx(budget);
    }

    /** The engine context the driver gives each slice. */
    public static final class Ctx implements ExecContext {
        long now;
        long left;
        final long budget;
        final StringBuilder out = new StringBuilder();
        final StringBuilder err = new StringBuilder();

        Ctx(long budget) {
            this.budget = budget;
            this.left = budget;
        }

        /** Starts a new slice with the full budget. */
        public void refill() {
            left = budget;
        }

        public String stdoutText() {
            return out.toString();
        }

        public String stderrText() {
            return err.toString();
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public void charge(long nanos) {
            now += nanos;
            left -= nanos;
        }

        @Override
        public long budgetLeft() {
            return left;
        }

        @Override
        public SimThread thread() {
            return null;
        }

        @Override
        public SimProcess process() {
            return null;
        }

        @Override
        public EventLoop loop() {
            return null;
        }

        @Override
        public Simulation simulation() {
            return null;
        }

        @Override
        public void stdout(String text) {
            out.append(text);
        }

        @Override
        public void stderr(String text) {
            err.append(text);
        }
    }

    /** Runs a file: {@code java ... TestDriver prog.py [budget]}; prints stdout, stderr and the exit code. */
    public static void main(String[] args) throws Exception {
        String src = java.nio.file.Files.readString(java.nio.file.Path.of(args[0]));
        long budget = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE / 4;
        String name = args.length > 2 ? args[2] : args[0];
        long t0 = System.nanoTime();
        Result r = run(name, src, budget);
        long t1 = System.nanoTime();
        System.out.print(r.stdout());
        System.err.print(r.stderr());
        System.err.flush();
        if (System.getenv("SHOWTIME") != null) {
            System.err.printf("[real %.3fs virtual %.3fs slices %d]%n", (t1 - t0) / 1e9, r.virtualNanos() / 1e9,
                    r.slices());
        }
        System.exit(r.exitCode());
    }
}
