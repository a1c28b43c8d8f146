package dev.loopscope.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopscope.engine.Asyncio;
import dev.loopscope.engine.Executor;
import dev.loopscope.engine.JavaProgram;
import dev.loopscope.engine.MemoryModel;
import dev.loopscope.engine.Script;
import dev.loopscope.engine.Settings;
import dev.loopscope.engine.ThreadPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStatsTest {

    private static Script cpuInThreads(int n) {
        Script burn = Script.define("burn", s -> s.compute(0.5));
        return Script.define("main", s -> {
            s.doing((c, v) -> v.put("pool", new ThreadPool(c.process(), n, null)));
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = "f" + i;
                s.call((c, v) -> Asyncio.runInExecutor(c.loop(), (Executor) v.get("pool"), burn.asFunction(Map.of())),
                        names[i]);
            }
            s.gather(null, false, names);
        });
    }

    @Test
    void theGilKeepsCpuUseToOneCoreAndFreeThreadingUsesThemAll() {
        Settings settings = Settings.defaults().withoutOverheads();
        RunStats withGil = RunStats.of(JavaProgram.run(settings, cpuInThreads(4)), 4, MemoryModel.defaults());
        RunStats noGil = RunStats.of(JavaProgram.run(settings.withGil(false), cpuInThreads(4)), 4, MemoryModel.defaults());
        assertThat(withGil.cpuNs()).isBetween(2_000_000_000L, 2_020_000_000L);
        assertThat(withGil.cpuUse()).isCloseTo(0.25, within(0.01));
        assertThat(noGil.cpuUse()).isCloseTo(1.0, within(0.03));
        assertThat(withGil.peakThreads()).isEqualTo(5);
    }

    @Test
    void peakMemoryCountsTheTasksPendingAtOnce() {
        Script waiter = Script.define("waiter", s -> s.sleep(1));
        Script main = Script.define("main", s -> s.await((c, v) -> {
            List<Object> coros = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                coros.add(waiter.call());
            }
            return Asyncio.gather(c.loop(), coros, false, 0);
        }, null));
        MemoryModel memory = new MemoryModel(1000, 100, 10);
        RunStats stats = RunStats.of(JavaProgram.run(Settings.defaults(), main), 4, memory);
        assertThat(stats.peakTasks()).isEqualTo(1001);
        assertThat(stats.peakBytes()).isEqualTo(1000 + 100 + 1001 * 10);
    }
}
