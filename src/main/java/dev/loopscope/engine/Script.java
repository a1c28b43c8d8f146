package dev.loopscope.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Coroutines written with the engine's Java API: a small sequence of steps (print, use CPU, await, block the
 * thread, raise, return) with {@code try/except/else/finally} blocks. Programs built this way run on the
 * engine exactly as the equivalent Python {@code async def} would.
 *
 * <pre>{@code
 * Script job = Script.define("job", s -> s
 *         .print("start")
 *         .sleep(0.1)
 *         .tryExcept(b -> b.sleep(1), "CancelledError", "e", h -> h.print("cancelled").reraise("e"))
 *         .returns(v -> 42));
 * Coroutine c = job.call();
 * }</pre>
 */
public final class Script {

    /** The local variables of one coroutine run. */
    public static final class Vars {
        /** Made on first use: most benchmark coroutines have no variables. */
        private Map<String, Object> values;

        public Object get(String name) {
            if (values == null || !values.containsKey(name)) {
                throw new IllegalArgumentException("no variable " + name);
            }
            return values.get(name);
        }

        public void put(String name, Object value) {
            if (values == null) {
                values = new HashMap<>(4);
            }
            values.put(name, value);
        }

        public boolean has(String name) {
            return values != null && values.containsKey(name);
        }
    }

    sealed interface Step {}

    record Print(Function<Vars, String> text, boolean stderr) implements Step {}

    record Compute(long nanos) implements Step {}

    record AwaitStep(BiFunction<ExecContext, Vars, Object> awaitable, String var) implements Step {}

    record Block(long nanos) implements Step {}

    record Do(BiConsumer<ExecContext, Vars> action) implements Step {}

    record CallStep(BiFunction<ExecContext, Vars, Activity> activity, String var) implements Step {}

    record Raise(BiFunction<ExecContext, Vars, Object> exception) implements Step {}

    record Return(Function<Vars, Object> value) implements Step {}

    record Handler(String type, String var, List<Step> body) {}

    record Try(List<Step> body, List<Handler> handlers, List<Step> orElse, List<Step> finallyBody) implements Step {}

    /** Builds a list of steps. */
    public static final class Builder {
        final List<Step> steps = new ArrayList<>();

        public Builder print(String text) {
            return print(v -> text);
        }

        public Builder print(Function<Vars, String> text) {
            steps.add(new Print(text, false));
            return this;
        }

        public Builder printErr(String text) {
            steps.add(new Print(v -> text, true));
            return this;
        }

        /** Python-level work that takes {@code seconds} of CPU time (and holds the GIL). */
        public Builder compute(double seconds) {
            steps.add(new Compute(nanos(seconds)));
            return this;
        }

        /** {@code await asyncio.sleep(seconds)}. */
        public Builder sleep(double seconds) {
            long ns = nanos(seconds);
            return await((c, v) -> Asyncio.sleep(ns, c.simulation().python().none()), null);
        }

        /** {@code time.sleep(seconds)}: blocks the thread, releasing the GIL. */
        public Builder blockingSleep(double seconds) {
            steps.add(new Block(nanos(seconds)));
            return this;
        }

        /** {@code var = await <awaitable>}; {@code var} may be null. */
        public Builder await(BiFunction<ExecContext, Vars, Object> awaitable, String var) {
            steps.add(new AwaitStep(awaitable, var));
            return this;
        }

        /** {@code var = await name} for a task or future held in variable {@code name}. */
        public Builder awaitVar(String name, String var) {
            return await((c, v) -> v.get(name), var);
        }

        /** {@code var = asyncio.create_task(coro)}. */
        public Builder createTask(String var, Function<Vars, Coroutine> coro) {
            return doing((c, v) -> v.put(var, c.loop().createTask(coro.apply(v), null, 0)));
        }

        /** {@code var = await asyncio.gather(*[variables], return_exceptions=...)}. */
        public Builder gather(String var, boolean returnExceptions, String... awaitableVars) {
            return await((c, v) -> {
                List<Object> aws = new ArrayList<>();
                for (String name : awaitableVars) {
                    aws.add(v.get(name));
                }
                return Asyncio.gather(c.loop(), aws, returnExceptions, 0);
            }, var);
        }

        /** Runs Java code; a {@link PyRaised} thrown from it raises the Python exception here. */
        public Builder doing(BiConsumer<ExecContext, Vars> action) {
            steps.add(new Do(action));
            return this;
        }

        /** {@code var = <result of an engine activity>} (e.g. {@code run_in_executor}). */
        public Builder call(BiFunction<ExecContext, Vars, Activity> activity, String var) {
            steps.add(new CallStep(activity, var));
            return this;
        }

        /** {@code raise Type(message)}. */
        public Builder raise(String type, String message) {
            steps.add(new Raise((c, v) -> new JavaBridge.JavaError(type, message)));
            return this;
        }

        /** {@code raise var} (a bare {@code raise} in a handler re-raises its variable). */
        public Builder reraise(String var) {
            steps.add(new Raise((c, v) -> v.get(var)));
            return this;
        }

        public Builder returns(Function<Vars, Object> value) {
            steps.add(new Return(value));
            return this;
        }

        /** {@code try: body except Type as var: handler}; type "BaseException" catches everything. */
        public Builder tryExcept(java.util.function.Consumer<Builder> body, String type, String var,
                                 java.util.function.Consumer<Builder> handler) {
            steps.add(new Try(build(body), List.of(new Handler(type, var, build(handler))), List.of(), List.of()));
            return this;
        }

        /** {@code try: body finally: cleanup}. */
        public Builder tryFinally(java.util.function.Consumer<Builder> body, java.util.function.Consumer<Builder> cleanup) {
            steps.add(new Try(build(body), List.of(), List.of(), build(cleanup)));
            return this;
        }

        /** The general form. */
        public Builder tryBlock(java.util.function.Consumer<Builder> body, List<Handler> handlers,
                                java.util.function.Consumer<Builder> orElse, java.util.function.Consumer<Builder> cleanup) {
            steps.add(new Try(build(body), handlers, build(orElse), build(cleanup)));
            return this;
        }

        public static Handler handler(String type, String var, java.util.function.Consumer<Builder> body) {
            return new Handler(type, var, build(body));
        }
    }

    static List<Step> build(java.util.function.Consumer<Builder> body) {
        Builder b = new Builder();
        if (body != null) {
            body.accept(b);
        }
        return List.copyOf(b.steps);
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    private final String name;
    private final List<Step> steps;

    private Script(String name, List<Step> steps) {
        this.name = name;
        this.steps = steps;
    }

    public static Script define(String name, java.util.function.Consumer<Builder> body) {
        return new Script(name, build(body));
    }

    /** A fresh coroutine object, as calling the {@code async def} makes one. */
    public Coroutine call() {
        return new Run(name, steps);
    }

    /** A coroutine object with arguments bound as variables. */
    public Coroutine call(Map<String, Object> args) {
        Run r = new Run(name, steps);
        args.forEach(r.vars::put);
        return r;
    }

    /**
     * This script as a plain function for an executor ({@code fn(*args)}): it must not await; it may use CPU,
     * block with {@code blockingSleep}, print, raise and return.
     */
    public WorkCall asFunction(Map<String, Object> args) {
        return new WorkCall() {
            @Override
            public String label() {
                return name + "()";
            }

            @Override
            public Activity start(SimProcess process) {
                return call(args).resume(new Completion.Returned(JavaBridge.NONE));
            }
        };
    }

    /** Whether an exception matches an {@code except} clause of the given type name. */
    static boolean matches(PythonBridge py, Object exc, String type) {
        if (type == null || type.equals("BaseException")) {
            return true;
        }
        if (type.equals("Exception")) {
            return py.isException(exc);
        }
        if (type.equals("CancelledError")) {
            return py.isCancelledError(exc);
        }
        return exc instanceof JavaBridge.JavaError e && e.type().equals(type);
    }

    /** One running coroutine: an explicit stack of blocks, so it can stop and resume anywhere. */
    private static final class Run extends LibraryCoroutine {
        private Vars vars = new Vars();
        private List<Frame> frames = new ArrayList<>(2);
        private Await awaiting;
        private String awaitVar;
        private String callVar;
        private long computeLeft;

        Run(String name, List<Step> steps) {
            super(name);
            frames.add(new Frame(steps, null, Section.BODY));
        }

        enum Section { BODY, HANDLER, ELSE, FINALLY }

        private static final class Frame {
            final List<Step> steps;
            final Try owner;
            final Section section;
            int pc;
            /** What to do after a finally block: re-raise this exception or return this value. */
            Object pendingException;
            Completion pendingReturn;

            Frame(List<Step> steps, Try owner, Section section) {
                this.steps = steps;
                this.owner = owner;
                this.section = section;
            }
        }

        @Override
        protected Outcome onResume(ExecContext ctx, Completion input) {
            if (awaiting != null) {
                Outcome o = awaiting.step(ctx, input);
                if (o != null) {
                    return o;
                }
                return afterAwait(ctx);
            }
            if (input instanceof Completion.Raised(Object e)) {
                return raise(ctx, e);
            }
            return execute(ctx);
        }

        @Override
        protected Outcome onCallDone(ExecContext ctx, Completion completion) {
            if (awaiting != null) {
                Outcome o = awaiting.called(completion);
                if (o != null) {
                    return o;
                }
                return afterAwait(ctx);
            }
            if (callVar != null || completion != null) {
                String var = callVar;
                callVar = null;
                if (completion instanceof Completion.Raised(Object e)) {
                    return raise(ctx, e);
                }
                if (var != null && completion instanceof Completion.Returned(Object v)) {
                    vars.put(var, v);
                }
            }
            return execute(ctx);
        }

        private Outcome afterAwait(ExecContext ctx) {
            Completion c = awaiting.result();
            awaiting = null;
            if (c instanceof Completion.Raised(Object e)) {
                return raise(ctx, e);
            }
            if (awaitVar != null && c instanceof Completion.Returned(Object v)) {
                vars.put(awaitVar, v);
            }
            return execute(ctx);
        }

        private Outcome execute(ExecContext ctx) {
            PythonBridge py = ctx.simulation().python();
            while (true) {
                if (computeLeft > 0) {
                    long n = Math.min(computeLeft, Math.max(0, ctx.budgetLeft()));
                    ctx.charge(n);
                    computeLeft -= n;
                    if (computeLeft > 0) {
                        return Outcome.PAUSE;
                    }
                }
                if (frames.isEmpty()) {
                    return returned(py.none());
                }
                Frame f = frames.get(frames.size() - 1);
                if (f.pc >= f.steps.size()) {
                    Outcome o = endOfBlock(ctx, f);
                    if (o != null) {
                        return o;
                    }
                    continue;
                }
                Step step = f.steps.get(f.pc++);
                try {
                    switch (step) {
                        case Print p -> {
                            String text = p.text().apply(vars) + "\n";
                            if (p.stderr()) {
                                ctx.stderr(text);
                            } else {
                                ctx.stdout(text);
                            }
                        }
                        case Compute c -> computeLeft = c.nanos();
                        case Block b -> {
                            return new Outcome.Sleep(b.nanos());
                        }
                        case Do d -> d.action().accept(ctx, vars);
                        case CallStep c -> {
                            callVar = c.var();
                            return new Outcome.Call(c.activity().apply(ctx, vars));
                        }
                        case AwaitStep a -> {
                            awaiting = new Await(a.awaitable().apply(ctx, vars));
                            awaitVar = a.var();
                            Outcome o = awaiting.step(ctx, new Completion.Returned(py.none()));
                            if (o != null) {
                                return o;
                            }
                            Completion c = awaiting.result();
                            awaiting = null;
                            if (c instanceof Completion.Raised(Object e)) {
                                return raise(ctx, e);
                            }
                            if (a.var() != null && c instanceof Completion.Returned(Object v)) {
                                vars.put(a.var(), v);
                            }
                        }
                        case Raise r -> {
                            return raise(ctx, r.exception().apply(ctx, vars));
                        }
                        case Return r -> {
                            return leave(ctx, new Completion.Returned(r.value().apply(vars)));
                        }
                        case Try t -> frames.add(new Frame(t.body(), t, Section.BODY));
                    }
                } catch (PyRaised e) {
                    return raise(ctx, e.exception());
                }
            }
        }

        /** A block ran to its end: go on after its try statement (through else and finally). */
        private Outcome endOfBlock(ExecContext ctx, Frame f) {
            frames.remove(frames.size() - 1);
            if (f.owner == null) {
                return returned(ctx.simulation().python().none());
            }
            switch (f.section) {
                case BODY -> {
                    if (!f.owner.orElse().isEmpty()) {
                        frames.add(new Frame(f.owner.orElse(), f.owner, Section.ELSE));
                        return null;
                    }
                    enterFinally(f.owner, null, null);
                }
                case HANDLER, ELSE -> enterFinally(f.owner, null, null);
                case FINALLY -> {
                    if (f.pendingException != null) {
                        return raise(ctx, f.pendingException);
                    }
                    if (f.pendingReturn != null) {
                        return leave(ctx, f.pendingReturn);
                    }
                }
            }
            return null;
        }

        private void enterFinally(Try owner, Object exception, Completion ret) {
            if (owner.finallyBody().isEmpty()) {
                return;
            }
            Frame fin = new Frame(owner.finallyBody(), owner, Section.FINALLY);
            fin.pendingException = exception;
            fin.pendingReturn = ret;
            frames.add(fin);
        }

        /** Unwinds to the innermost handler that matches, running finally blocks on the way. */
        private Outcome raise(ExecContext ctx, Object exc) {
            PythonBridge py = ctx.simulation().python();
            while (!frames.isEmpty()) {
                Frame f = frames.remove(frames.size() - 1);
                if (f.owner == null) {
                    continue;
                }
                if (f.section == Section.BODY) {
                    for (Handler h : f.owner.handlers()) {
                        if (matches(py, exc, h.type())) {
                            if (h.var() != null) {
                                vars.put(h.var(), exc);
                            }
                            frames.add(new Frame(h.body(), f.owner, Section.HANDLER));
                            return execute(ctx);
                        }
                    }
                }
                if (f.section != Section.FINALLY && !f.owner.finallyBody().isEmpty()) {
                    enterFinally(f.owner, exc, null);
                    return execute(ctx);
                }
            }
            return raised(exc);
        }

        /** {@code return}: runs the enclosing finally blocks first. */
        private Outcome leave(ExecContext ctx, Completion ret) {
            while (!frames.isEmpty()) {
                Frame f = frames.remove(frames.size() - 1);
                if (f.owner != null && f.section != Section.FINALLY && !f.owner.finallyBody().isEmpty()) {
                    enterFinally(f.owner, null, ret);
                    return execute(ctx);
                }
            }
            return done(ret);
        }

        @Override
        protected void released() {
            frames = List.of();
            vars = null;
        }

        @Override
        public String describe() {
            return qualName() + (isFinished() ? "() done" : "() running");
        }
    }
}
