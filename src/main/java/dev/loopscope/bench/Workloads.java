package dev.loopscope.bench;

import dev.loopscope.engine.JavaProgram;
import dev.loopscope.engine.Script;
import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/** Standard engine workloads for {@code loopscope bench}, written with the engine's Java API. */
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
}
