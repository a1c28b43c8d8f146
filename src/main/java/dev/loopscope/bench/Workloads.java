package dev.loopscope.bench;

import dev.loopscope.engine.JavaProgram;
import dev.loopscope.engine.Script;
import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/** Standard workloads for {@code loopscope bench}: the engine through its Java API and through Python. */
public final class Workloads {

    private Workloads() {
    }

    /**
     * {@code async def t(): await asyncio.sleep(0); await asyncio.sleep(0); return 1}, {@code n} of them
     * created and gathered from {@code main}; the whole trace is recorded.
     */
    public static Trace manyTasks(int n) {
        Script t = Script.define("t", s -> s.sleep(0).sleep(0).returns(v -> 1));
        Script main = Script.define("main", s -> s.await((c, v) -> {
            List<Object> coros = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                coros.add(t.call());
            }
            return dev.loopscope.engine.Asyncio.gather(c.loop(), coros, false, 0);
        }, "results").doing((c, v) -> {
            if (((List<?>) v.get("results")).size() != n) {
                throw new IllegalStateException("gather lost results");
            }
        }));
        Settings settings = Settings.defaults().withBudget(Math.max(10_000_000L, 20L * n), 3600 * Settings.SECOND)
                .withMaxLiveTasks(Math.max(2_000_000, 2 * n));
        return JavaProgram.run(settings, main);
    }

    /**
     * The same program from Python source ({@code tasks_200k.py}), through the whole front end; the trace is
     * recorded in full.
     */
    public static Trace manyTasksFromPython() {
        String source;
        try (var in = Workloads.class.getResourceAsStream("tasks_200k.py")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the benchmark program is part of the application", e);
        }
        Settings settings = Settings.defaults().withBudget(20_000_000L, 3600 * Settings.SECOND);
        var result = new dev.loopscope.run.PythonRunner().run("tasks_200k.py", source, settings,
                dev.loopscope.run.ProgramRunner.Cancellation.NEVER);
        if (!(result instanceof dev.loopscope.run.RunResult.Ran(Trace trace)) || !trace.stdout().equals("200000\n")) {
            throw new IllegalStateException("the benchmark program did not run to its end: " + result);
        }
        return trace;
    }
}
