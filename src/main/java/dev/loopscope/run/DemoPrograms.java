package dev.loopscope.run;

import dev.loopscope.engine.Activity;
import dev.loopscope.engine.Asyncio;
import dev.loopscope.engine.Completion;
import dev.loopscope.engine.ExecContext;
import dev.loopscope.engine.Executor;
import dev.loopscope.engine.JavaBridge;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.ProcessPool;
import dev.loopscope.engine.Script;
import dev.loopscope.engine.SimProcess;
import dev.loopscope.engine.Task;
import dev.loopscope.engine.ThreadPool;
import dev.loopscope.engine.WorkCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The demo programs the app shows until the Python front end runs real source: each is Python source text
 * (what the code pane shows and the learner edits) plus the same program written with the engine's Java API.
 * The literals that matter (task counts, delays, flags) are read back from the edited source, so knobs and
 * edits change the run.
 */
public final class DemoPrograms {

    private DemoPrograms() {
    }

    /** A demo: its short name (used by {@code loopscope export}), a title, its lesson and its source. */
    public record Demo(String id, String title, String lesson, String source, Function<String, Script> builder) {
        public String fileName() {
            return id + ".py";
        }

        /** The main coroutine for this (possibly edited) source. */
        public Script script(String editedSource) {
            return builder.apply(editedSource);
        }
    }

    public static final Demo GATHER = new Demo("gather", "gather: one task fails", "9", """
            import asyncio

            async def job(i):
                await asyncio.sleep(0.1 * (i + 1))
                if i == 2:
                    raise ValueError('boom')
                print('job', i, 'done')
                return i

            async def main():
                tasks = [asyncio.create_task(job(i)) for i in range(4)]
                try:
                    results = await asyncio.gather(*tasks, return_exceptions=False)
                    print(results)
                except ValueError as e:
                    print('caught', e)
                await asyncio.sleep(0.5)
                print('main done')

            asyncio.run(main())
            """, DemoPrograms::gather);

    public static final Demo CANCEL = new Demo("cancel", "cancel: CancelledError inside the task", "9", """
            import asyncio

            async def worker():
                try:
                    print('worker: working')
                    await asyncio.sleep(1.0)
                    print('worker: finished')
                except asyncio.CancelledError:
                    print('worker: CancelledError arrived inside me')
                    raise

            async def main():
                task = asyncio.create_task(worker())
                await asyncio.sleep(0.3)
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    print('main: the task was cancelled')

            asyncio.run(main())
            """, DemoPrograms::cancel);

    public static final Demo WAIT_FOR = new Demo("wait-for", "wait_for: a timeout cancels the inner task", "9", """
            import asyncio

            async def slow():
                try:
                    await asyncio.sleep(2.0)
                    return 'slow result'
                finally:
                    print('slow: cleaning up')

            async def main():
                task = asyncio.create_task(slow())
                try:
                    print(await asyncio.wait_for(task, timeout=0.5))
                except TimeoutError:
                    print('main: timed out, task cancelled:', task.cancelled())

            asyncio.run(main())
            """, DemoPrograms::waitFor);

    private static final String HEARTBEAT = """
            import asyncio, time

            def blocking():
                time.sleep(1.0)
                return 'done'

            async def heartbeat():
                loop = asyncio.get_running_loop()
                start = loop.time()
                for n in range(1, 13):
                    await asyncio.sleep(0.1)
                    print(f'tick {n} at {loop.time() - start:.2f} s')

            async def main():
                loop = asyncio.get_running_loop()
                beat = asyncio.create_task(heartbeat())
                await asyncio.sleep(0.25)
                %s
                await beat

            asyncio.run(main())
            """;

    public static final Demo BLOCKING = new Demo("blocking", "time.sleep inside a coroutine", "10",
            HEARTBEAT.formatted("print(blocking())"), DemoPrograms::heartbeat);

    public static final Demo OFFLOADED = new Demo("offloaded", "run_in_executor offloads the call", "10",
            HEARTBEAT.formatted("print(await loop.run_in_executor(None, blocking))"), DemoPrograms::heartbeat);

    private static final String MODELS = """
            import asyncio, os, time
            from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

            MODEL = '%s'    # 'threads', 'processes' or 'asyncio'
            WORKLOAD = '%s'     # 'cpu': 0.2 s of Python arithmetic; 'io': a 0.2 s wait
            TASKS = %d

            def work(i):
                if WORKLOAD == 'cpu':
                    sum(k * k for k in range(1_500_000))
                else:
                    time.sleep(0.2)
                return i

            async def work_async(i):
                if WORKLOAD == 'cpu':
                    sum(k * k for k in range(1_500_000))
                else:
                    await asyncio.sleep(0.2)
                return i

            async def main():
                loop = asyncio.get_running_loop()
                start = loop.time()
                if MODEL == 'asyncio':
                    done = await asyncio.gather(*[work_async(i) for i in range(TASKS)])
                else:
                    workers = TASKS if MODEL == 'threads' else os.cpu_count()
                    pool_type = ThreadPoolExecutor if MODEL == 'threads' else ProcessPoolExecutor
                    with pool_type(max_workers=workers) as pool:
                        done = await asyncio.gather(
                            *[loop.run_in_executor(pool, work, i) for i in range(TASKS)])
                print(f'{MODEL}: {len(done)} tasks in {loop.time() - start:.2f} s')

            asyncio.run(main())
            """;

    /** The lesson 11 program for one concurrency model and workload. */
    public static String modelsSource(String model, String workload, int tasks) {
        return MODELS.formatted(model, workload, tasks);
    }

    public static final Demo THREADS = new Demo("threads", "CPU-bound work in a thread pool", "11",
            modelsSource("threads", "cpu", 4), DemoPrograms::models);

    public static final Demo PROCESSES = new Demo("processes", "CPU-bound work in a process pool", "11",
            modelsSource("processes", "cpu", 4), DemoPrograms::models);

    public static final Demo ASYNCIO_MODEL = new Demo("asyncio", "I/O-bound work as coroutines", "11",
            modelsSource("asyncio", "io", 4), DemoPrograms::models);

    private static final String MANY = """
            import asyncio

            async def fetch(i):
                await asyncio.sleep(0.5 + (i %% 10) * 0.05)
                if i %% 50 == 7:
                    raise ConnectionError('reset')
                return i

            async def main():
                results = await asyncio.gather(*[fetch(i) for i in range(%d)], return_exceptions=True)
                errors = [r for r in results if isinstance(r, Exception)]
                print(len(results), 'responses,', len(errors), 'errors')

            asyncio.run(main())
            """;

    public static final Demo TASKS_1000 = new Demo("tasks-1000", "1,000 concurrent tasks", "11",
            MANY.formatted(1000), DemoPrograms::many);

    public static final Demo TASKS_10000 = new Demo("tasks-10000", "10,000 concurrent tasks", "11",
            MANY.formatted(10_000), DemoPrograms::many);

    public static final List<Demo> ALL = List.of(GATHER, CANCEL, WAIT_FOR, BLOCKING, OFFLOADED, THREADS, PROCESSES,
            ASYNCIO_MODEL, TASKS_1000, TASKS_10000);

    public static Optional<Demo> byId(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The demo whose program this source is (by what it calls), for sources edited or written elsewhere. */
    public static Optional<Demo> recognise(String source) {
        if (source.contains("ProcessPoolExecutor") || source.contains("ThreadPoolExecutor") || source.contains("MODEL =")) {
            return Optional.of(THREADS);
        }
        if (source.contains("run_in_executor") || source.contains("def blocking")) {
            return Optional.of(source.contains("run_in_executor") ? OFFLOADED : BLOCKING);
        }
        if (source.contains("wait_for")) {
            return Optional.of(WAIT_FOR);
        }
        if (source.contains(".cancel()")) {
            return Optional.of(CANCEL);
        }
        if (source.contains("async def fetch")) {
            return Optional.of(TASKS_1000);
        }
        if (source.contains("gather")) {
            return Optional.of(GATHER);
        }
        return Optional.empty();
    }

    /** The cancellation of the run on this thread, checked at every sampled line. */
    static final ThreadLocal<ProgramRunner.Cancellation> CANCELLATION = new ThreadLocal<>();

    /** Thrown out of the engine to abandon a cancelled run. */
    static final class CancelledRun extends RuntimeException {
        CancelledRun() {
            super("cancelled", null, false, false);
        }
    }

    // Programs ------------------------------------------------------------------------------------------

    /** Records that the running thread reached source line {@code n}, as the Python front end samples lines. */
    static BiConsumer<ExecContext, Script.Vars> line(int n) {
        return (c, v) -> {
            ProgramRunner.Cancellation cancel = CANCELLATION.get();
            if (cancel != null && cancel.isCancelled()) {
                throw new CancelledRun();
            }
            if (n > 0) {
                c.simulation().trace().line(c.now(), c.thread().id(), n);
            }
        };
    }

    private static Script gather(String source) {
        DemoParams p = new DemoParams(source);
        int count = p.integer("for i in range\\(\\s*(\\d[\\d_]*)\\s*\\)", 4, 0, 20_000);
        int failing = p.integer("if i\\s*==\\s*(-?\\d+)", 2, -1, 1_000_000);
        boolean returnExceptions = p.bool("return_exceptions\\s*=\\s*(True|False)", false);
        double delay = p.number("asyncio\\.sleep\\(\\s*([0-9.]+)\\s*\\*", 0.1, 0, 60);
        boolean randomDelays = p.contains("random\\.random\\(\\)");
        String errorType = p.group("raise (\\w+)\\(").orElse("ValueError");
        String message = p.group("raise \\w+\\('([^']*)'\\)").orElse("boom");
        String caught = p.group("except (\\w+)").orElse("Exception");
        boolean printsJobs = p.contains("print\\('job'");
        int lSleep = p.line("await asyncio\\.sleep");
        int lRaise = p.line("raise \\w+\\(");
        int lPrintJob = p.line("print\\('job'");
        int lReturn = p.line("return i");
        int lCreate = p.line("create_task");
        int lGather = p.line("asyncio\\.gather");
        int lResults = p.line("print\\(results\\)");
        int lCaught = p.line("print\\('caught'");
        int lMainSleep = p.line("await asyncio\\.sleep\\(0\\.5\\)");
        int lMainDone = p.line("print\\('main done'\\)");
        // The lesson's own program sleeps random.random(); a fixed seed keeps the run repeatable.
        double[] random = {0.844, 0.758, 0.421, 0.259, 0.511, 0.405, 0.784, 0.303, 0.477, 0.584};
        Function<Integer, Script> job = i -> Script.define("job", s -> {
            double d = randomDelays ? random[i % random.length] : delay * (i + 1);
            s.doing(line(lSleep)).sleep(d);
            if (i == failing) {
                s.doing(line(lRaise)).raise(errorType, message);
            } else {
                if (printsJobs) {
                    s.doing(line(lPrintJob)).print("job " + i + " done");
                }
                s.doing(line(lReturn)).returns(v -> i);
            }
        });
        return Script.define("main", s -> {
            s.doing(line(lCreate));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                names.add("t" + i);
                s.doing((c, v) -> v.put("t" + n, c.loop().createTask(job.apply(n).call(), null, lCreate)));
            }
            s.doing(line(lGather));
            s.tryExcept(b -> {
                b.gather("results", returnExceptions, names.toArray(String[]::new));
                if (lResults > 0) {
                    b.doing(line(lResults)).print(v -> repr(v.get("results")));
                }
            }, caught, "e", h -> h.doing(line(lCaught)).print(v -> "caught " + message(v.get("e"))));
            if (lMainSleep > 0) {
                s.doing(line(lMainSleep)).sleep(0.5);
            }
            if (lMainDone > 0) {
                s.doing(line(lMainDone)).print("main done");
            }
        });
    }

    private static Script cancel(String source) {
        DemoParams p = new DemoParams(source);
        double work = p.number("await asyncio\\.sleep\\(\\s*([0-9.]+)\\s*\\)\\s*\\n\\s*print\\('worker: finished", 1.0, 0, 60);
        double before = p.number("create_task\\(worker\\(\\)\\)\\s*\\n\\s*await asyncio\\.sleep\\(\\s*([0-9.]+)", 0.3, 0, 60);
        boolean reraise = p.contains("^\\s*raise\\s*$");
        Script worker = Script.define("worker", s -> s.tryExcept(b -> b
                        .doing(line(p.line("print\\('worker: working"))).print("worker: working")
                        .doing(line(p.line("await asyncio\\.sleep"))).sleep(work)
                        .doing(line(p.line("print\\('worker: finished"))).print("worker: finished"),
                "CancelledError", "e", h -> {
                    h.doing(line(p.line("print\\('worker: Cancelled"))).print("worker: CancelledError arrived inside me");
                    if (reraise) {
                        h.doing(line(p.line("^\\s*raise\\s*$"))).reraise("e");
                    }
                }));
        return Script.define("main", s -> s
                .doing(line(p.line("create_task")))
                .doing((c, v) -> v.put("task", c.loop().createTask(worker.call(), null, p.line("create_task"))))
                .doing(line(p.line("create_task") + 1)).sleep(before)
                .doing(line(p.line("task\\.cancel\\(\\)")))
                .doing((c, v) -> ((Task) v.get("task")).cancel(null))
                .tryExcept(b -> b.doing(line(p.line("await task"))).awaitVar("task", null)
                                .print("main: the task finished normally"),
                        "CancelledError", "e", h -> h.doing(line(p.line("print\\('main: the task was")))
                                .print("main: the task was cancelled")));
    }

    private static Script waitFor(String source) {
        DemoParams p = new DemoParams(source);
        double slow = p.number("await asyncio\\.sleep\\(\\s*([0-9.]+)\\s*\\)", 2.0, 0, 60);
        double timeout = p.number("timeout\\s*=\\s*([0-9.]+)", 0.5, 0, 60);
        int lWait = p.line("wait_for");
        Script inner = Script.define("slow", s -> s.tryFinally(
                b -> b.doing(line(p.line("await asyncio\\.sleep"))).sleep(slow)
                        .doing(line(p.line("return 'slow result'"))).returns(v -> "slow result"),
                f -> f.doing(line(p.line("print\\('slow: cleaning"))).print("slow: cleaning up")));
        return Script.define("main", s -> s
                .doing(line(p.line("create_task")))
                .doing((c, v) -> v.put("task", c.loop().createTask(inner.call(), null, p.line("create_task"))))
                .tryExcept(b -> b.doing(line(lWait))
                                .await((c, v) -> Asyncio.waitFor(v.get("task"), Math.round(timeout * 1e9), lWait), "r")
                                .print(v -> String.valueOf(v.get("r"))),
                        "TimeoutError", "e", h -> h.doing(line(p.line("print\\('main: timed out")))
                                .print(v -> "main: timed out, task cancelled: "
                                        + (((Task) v.get("task")).isCancelled() ? "True" : "False"))));
    }

    private static Script heartbeat(String source) {
        DemoParams p = new DemoParams(source);
        double blockFor = p.number("time\\.sleep\\(\\s*([0-9.]+)\\s*\\)", 1.0, 0, 60);
        double interval = p.number("for n in range[^\\n]*\\n\\s*await asyncio\\.sleep\\(\\s*([0-9.]+)", 0.1, 0.001, 60);
        int ticks = p.integer("for n in range\\(\\s*1\\s*,\\s*(\\d+)\\s*\\)", 13, 1, 10_000) - 1;
        boolean heartbeat = p.contains("async def heartbeat");
        double settle = p.number("create_task\\(heartbeat\\(\\)\\)\\s*\\n\\s*await asyncio\\.sleep\\(\\s*([0-9.]+)", 0.25, 0, 60);
        boolean offload = p.contains("await loop\\.run_in_executor");
        int lTickSleep = p.line("^\\s+await asyncio\\.sleep\\(" + "[0-9.]+\\)\\s*$");
        int lPrint = p.line("print\\(f'tick");
        int lBlock = p.line("time\\.sleep\\(");
        int lCall = offload ? p.line("run_in_executor") : p.line("print\\(blocking\\(\\)\\)");
        Script beat = Script.define("heartbeat", s -> {
            s.doing((c, v) -> v.put("start", c.now()));
            for (int n = 1; n <= ticks; n++) {
                int tick = n;
                s.doing(line(lTickSleep)).sleep(interval);
                s.doing(line(lPrint)).doing((c, v) -> c.stdout(String.format(Locale.ROOT, "tick %d at %.2f s%n", tick,
                        (c.now() - (long) v.get("start")) / 1e9)));
            }
        });
        WorkCall blocking = new WorkCall() {
            @Override
            public String label() {
                return "blocking()";
            }

            @Override
            public Activity start(SimProcess process) {
                return sleeping(blockFor, "done", lBlock);
            }
        };
        return Script.define("main", s -> {
            if (heartbeat) {
                s.doing(line(p.line("create_task\\(heartbeat")))
                        .doing((c, v) -> v.put("beat", c.loop().createTask(beat.call(), null, p.line("create_task\\(heartbeat"))))
                        .doing(line(p.line("create_task\\(heartbeat") + 1)).sleep(settle);
            }
            s.doing(line(lCall));
            if (offload) {
                s.call((c, v) -> Asyncio.runInExecutor(c.loop(), null, blocking), "fut").awaitVar("fut", "r");
            } else {
                s.doing(line(lBlock)).blockingSleep(blockFor).doing((c, v) -> v.put("r", "done"));
            }
            s.doing(line(lCall)).print(v -> String.valueOf(v.get("r")));
            if (heartbeat) {
                s.doing(line(p.line("await beat"))).awaitVar("beat", null);
            }
        });
    }

    private static Script models(String source) {
        DemoParams p = new DemoParams(source);
        String model = p.group("MODEL\\s*=\\s*'(\\w+)'").orElse("threads");
        boolean cpu = !p.group("WORKLOAD\\s*=\\s*'(\\w+)'").orElse("cpu").equals("io");
        int tasks = p.integer("TASKS\\s*=\\s*(\\d[\\d_]*)", 4, 1, 20_000);
        double seconds = 0.2;
        int lWork = cpu ? p.line("sum\\(k \\* k") : p.line("time\\.sleep\\(");
        WorkCall work = new WorkCall() {
            @Override
            public String label() {
                return "work()";
            }

            @Override
            public Activity start(SimProcess process) {
                return cpu ? computing(seconds, lWork) : sleeping(seconds, 0, lWork);
            }
        };
        int lStart = p.line("start = loop\\.time\\(\\)");
        int lPrint = p.line("print\\(f'\\{MODEL\\}");
        return Script.define("main", s -> {
            s.doing(line(lStart)).doing((c, v) -> v.put("start", c.now()));
            if (model.equals("asyncio")) {
                int lAwaitSleep = p.line("await asyncio\\.sleep\\(");
                Script coro = Script.define("work_async", w -> {
                    if (cpu) {
                        w.doing(line(p.line("sum\\(k \\* k"))).compute(seconds);
                    } else {
                        w.doing(line(lAwaitSleep)).sleep(seconds);
                    }
                    w.returns(v -> 0);
                });
                s.doing(line(p.line("gather\\(\\*\\[work_async")));
                s.await((c, v) -> {
                    List<Object> coros = new ArrayList<>();
                    for (int i = 0; i < tasks; i++) {
                        coros.add(coro.call());
                    }
                    return Asyncio.gather(c.loop(), coros, false, p.line("gather\\(\\*\\[work_async"));
                }, "done");
            } else {
                boolean threads = !model.equals("processes");
                s.doing(line(p.line("with pool_type"))).doing((c, v) -> v.put("pool", threads
                        ? new ThreadPool(c.process(), tasks, null)
                        : new ProcessPool(c.process(), null)));
                List<String> names = new ArrayList<>();
                int lSubmit = p.line("run_in_executor\\(pool");
                for (int i = 0; i < tasks; i++) {
                    names.add("f" + i);
                    s.doing(line(lSubmit)).call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"), work), "f" + i);
                }
                s.gather("done", false, names.toArray(String[]::new));
                s.call((c, v) -> ((Executor) v.get("pool")).shutdown(true), null);
            }
            s.doing(line(lPrint)).doing((c, v) -> c.stdout(String.format(Locale.ROOT, "%s: %d tasks in %.2f s%n", model,
                    tasks, (c.now() - (long) v.get("start")) / 1e9)));
        });
    }

    private static Script many(String source) {
        DemoParams p = new DemoParams(source);
        int count = p.integer("for i in range\\(\\s*(\\d[\\d_]*)\\s*\\)", 1000, 0, 50_000);
        int every = p.integer("if i % (\\d+) ==", 50, 1, 1_000_000);
        int which = p.integer("if i % \\d+ == (\\d+)", 7, 0, 1_000_000);
        int lSleep = p.line("await asyncio\\.sleep");
        int lRaise = p.line("raise ConnectionError");
        int lGather = p.line("asyncio\\.gather");
        Function<Integer, Script> fetch = i -> Script.define("fetch", s -> {
            s.doing(line(lSleep)).sleep(0.5 + (i % 10) * 0.05);
            if (i % every == which) {
                s.doing(line(lRaise)).raise("ConnectionError", "reset");
            } else {
                s.returns(v -> i);
            }
        });
        return Script.define("main", s -> s
                .doing(line(lGather))
                .await((c, v) -> {
                    List<Object> coros = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        coros.add(fetch.apply(i).call());
                    }
                    return Asyncio.gather(c.loop(), coros, true, lGather);
                }, "results")
                .doing(line(p.line("print\\(len")))
                .print(v -> {
                    List<?> results = (List<?>) v.get("results");
                    long errors = results.stream().filter(r -> r instanceof JavaBridge.JavaError).count();
                    return results.size() + " responses, " + errors + " errors";
                }));
    }

    // Pieces --------------------------------------------------------------------------------------------

    static String repr(Object value) {
        return new JavaBridge().repr(value);
    }

    static String message(Object exc) {
        return exc instanceof JavaBridge.JavaError e && e.message() != null ? e.message() : String.valueOf(exc);
    }

    /** Python code that runs on the CPU for {@code seconds} (holding the GIL where there is one). */
    static Activity computing(double seconds, int line) {
        return new Activity() {
            private long left = Math.round(seconds * 1e9);
            private boolean started;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!started) {
                    started = true;
                    line(line).accept(ctx, null);
                }
                long n = Math.min(left, Math.max(0, ctx.budgetLeft()));
                ctx.charge(n);
                left -= n;
                return left > 0 ? Outcome.PAUSE : new Outcome.Done(new Completion.Returned(0));
            }

            @Override
            public String label() {
                return "work()";
            }
        };
    }

    /** {@code time.sleep(seconds); return result} in a thread. */
    static Activity sleeping(double seconds, Object result, int line) {
        return new Activity() {
            private boolean slept;

            @Override
            public Outcome run(ExecContext ctx, Completion resumed) {
                if (!slept) {
                    slept = true;
                    line(line).accept(ctx, null);
                    return new Outcome.Sleep(Math.round(seconds * 1e9));
                }
                return new Outcome.Done(new Completion.Returned(result));
            }

            @Override
            public String label() {
                return "blocking()";
            }
        };
    }
}
