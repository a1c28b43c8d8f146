package dev.loopscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.trace.ThreadRole;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.engine.trace.TraceEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blocking calls freeze the loop; executors keep it responsive (outputs checked against CPython 3.12.1). */
class BlockingAndExecutorTest {

    private static Trace run(Script main) {
        return JavaProgram.run(Settings.defaults().withoutOverheads(), main);
    }

    private static String secs(long ns) {
        return String.format("%.2f", ns / 1e9);
    }

    /*
     * heartbeat(loop, t0): for i in range(6): print(f"tick {i} at {loop.time()-t0:.2f}"); await sleep(0.1)
     * blocking(): time.sleep(1); return "done"
     * main: hb = task(heartbeat); await sleep(0.22); time.sleep(1); print(f"unblocked at ..."); await hb
     *       then a new heartbeat and r = await loop.run_in_executor(None, blocking); print(r, elapsed); await hb
     */
    @Test
    void aBlockingSleepFreezesTheLoopAndAnExecutorDoesNot() {
        Script hb = Script.define("heartbeat", s -> {
            for (int i = 0; i < 6; i++) {
                int n = i;
                s.doing((c, v) -> v.put("now", c.loop().time()));
                s.print(v -> "tick " + n + " at " + secs(now(v) - (long) v.get("t0")));
                s.sleep(0.1);
            }
        });
        Script blocking = Script.define("blocking", s -> s.blockingSleep(1).returns(v -> "done"));
        Script main = Script.define("main", s -> s
                .doing((c, v) -> v.put("t0", c.loop().time()))
                .createTask("hb", v -> hb.call(Map.of("t0", v.get("t0"))))
                .sleep(0.22)
                .blockingSleep(1)
                .doing((c, v) -> v.put("t1", c.loop().time()))
                .print(v -> "unblocked at " + secs((long) v.get("t1") - (long) v.get("t0")))
                .awaitVar("hb", null)
                .doing((c, v) -> v.put("t0", c.loop().time()))
                .createTask("hb2", v -> hb.call(Map.of("t0", v.get("t0"))))
                .call((c, v) -> Asyncio.runInExecutor(c.loop(), null, blocking.asFunction(Map.of())), "fut")
                .awaitVar("fut", "r")
                .doing((c, v) -> v.put("t1", c.loop().time()))
                .print(v -> v.get("r") + " " + secs((long) v.get("t1") - (long) v.get("t0")))
                .awaitVar("hb2", null));
        Trace t = run(main);
        assertThat(t.stdout()).isEqualTo("""
                tick 0 at 0.00
                tick 1 at 0.10
                tick 2 at 0.20
                unblocked at 1.22
                tick 3 at 1.22
                tick 4 at 1.32
                tick 5 at 1.42
                tick 0 at 0.00
                tick 1 at 0.10
                tick 2 at 0.20
                tick 3 at 0.30
                tick 4 at 0.40
                tick 5 at 0.50
                done 1.00
                """);
        // The default executor's worker is named as CPython names it.
        assertThat(t.threads()).anySatisfy(th -> {
            assertThat(th.name()).isEqualTo("asyncio_0");
            assertThat(th.role()).isEqualTo(ThreadRole.POOL_WORKER);
        });
    }

    private static long now(Script.Vars v) {
        return (long) v.get("now");
    }

    /*
     * bg(n): try: print("bg", n, "start"); await sleep(10) finally: print("bg", n, "cleanup")
     * main: three bg tasks; await sleep(0); print("main exits")
     * CPython cancels the leftover tasks when main returns and runs their cleanup (in set order, which
     * depends on memory addresses; the engine uses creation order).
     */
    @Test
    void asyncioRunCancelsLeftoverTasksAndRunsTheirCleanup() {
        Script bg = Script.define("bg", s -> s.tryFinally(
                b -> b.print(v -> "bg " + v.get("n") + " start").sleep(10),
                f -> f.print(v -> "bg " + v.get("n") + " cleanup")));
        Script main = Script.define("main", s -> s
                .createTask("a", v -> bg.call(Map.of("n", 0)))
                .createTask("b", v -> bg.call(Map.of("n", 1)))
                .createTask("c", v -> bg.call(Map.of("n", 2)))
                .sleep(0)
                .print("main exits"));
        Trace t = run(main);
        assertThat(t.stdout()).isEqualTo("bg 0 start\nbg 1 start\nbg 2 start\nmain exits\n"
                + "bg 0 cleanup\nbg 1 cleanup\nbg 2 cleanup\n");
        // Virtual time does not wait for the cancelled sleeps.
        assertThat(t.endTime()).isLessThan(Settings.SECOND);
    }

    @Test
    void aTaskThatFailedUnobservedIsReportedOnStderr() {
        Script fail = Script.define("fail", s -> s.raise("ValueError", "boom"));
        Script main = Script.define("main", s -> s.createTask("f", v -> fail.call()).sleep(0.1).print("done"));
        Trace t = run(main);
        assertThat(t.stdout()).isEqualTo("done\n");
        assertThat(t.stderr()).startsWith("Task exception was never retrieved\n"
                + "future: <Task finished name='Task-2' coro=<fail() done> exception=ValueError('boom')>\n");
        assertThat(t.exitCode()).isZero();
    }

    @Test
    void threadPoolRunsAtMostMaxWorkersAtOnce() {
        Script job = Script.define("job", s -> s.blockingSleep(0.2).returns(v -> v.get("i")));
        Script main = Script.define("main", s -> {
            s.doing((c, v) -> v.put("pool", new ThreadPool(c.process(), 2, null)));
            for (int i = 0; i < 6; i++) {
                int n = i;
                s.call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"),
                        job.asFunction(Map.of("i", n))), "f" + n);
            }
            s.gather("r", false, "f0", "f1", "f2", "f3", "f4", "f5");
            s.print(v -> new JavaBridge().repr(v.get("r")));
        });
        Trace t = run(main);
        assertThat(t.stdout()).isEqualTo("[0, 1, 2, 3, 4, 5]\n");
        // Six 0.2 s jobs on two workers: three rounds.
        assertThat(t.endTime()).isBetween(600_000_000L, 620_000_000L);
        assertThat(t.threads().stream().filter(th -> th.role() == ThreadRole.POOL_WORKER).map(th -> th.name()))
                .containsExactly("ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1");
    }

    @Test
    void cpuBoundThreadsShareTheGilAndFreeThreadingRunsThemInParallel() {
        Script burn = Script.define("burn", s -> s.compute(0.5).returns(v -> v.get("i")));
        Script main = Script.define("main", s -> {
            s.doing((c, v) -> v.put("pool", new ThreadPool(c.process(), 4, null)));
            for (int i = 0; i < 4; i++) {
                int n = i;
                s.call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"),
                        burn.asFunction(Map.of("i", n))), "f" + n);
            }
            s.gather("r", false, "f0", "f1", "f2", "f3");
        });
        Trace withGil = JavaProgram.run(Settings.defaults().withoutOverheads(), main);
        Trace noGil = JavaProgram.run(Settings.defaults().withoutOverheads().withGil(false), main);
        // Four half-second CPU jobs: two seconds under the GIL, half a second on four free cores.
        assertThat(withGil.endTime()).isBetween(2_000_000_000L, 2_050_000_000L);
        assertThat(noGil.endTime()).isBetween(500_000_000L, 520_000_000L);
        // Under the GIL, holders change every switch interval (5 ms) while several threads want it.
        long forced = 0;
        for (int i = 0; i < withGil.size(); i++) {
            if (withGil.event(i) instanceof TraceEvent.GilChanged g && g.forced()) {
                forced++;
            }
        }
        assertThat(forced).isGreaterThan(300);
    }
}
