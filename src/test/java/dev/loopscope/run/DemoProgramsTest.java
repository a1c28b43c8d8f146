package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoProgramsTest {

    private static Trace run(String source) {
        return run(source, Settings.defaults());
    }

    private static Trace run(String source, Settings settings) {
        RunResult r = new DemoRunner().run("demo.py", source, settings, ProgramRunner.Cancellation.NEVER);
        assertThat(r).isInstanceOf(RunResult.Ran.class);
        return ((RunResult.Ran) r).trace();
    }

    static void dump(Trace t, String name) {
        if (System.getProperty("dump.traces") == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            b.append(t.event(i)).append('\n');
        }
        b.append(t.tasks()).append('\n').append(t.futures()).append('\n').append(t.threads()).append('\n');
        try {
            Files.writeString(Path.of("/tmp/trace-" + name + ".txt"), b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gatherWithoutReturnExceptionsRaisesWhileTheOthersRunOn() {
        Trace t = run(DemoPrograms.GATHER.source());
        dump(t, "gather");
        assertThat(t.stdout()).isEqualTo("job 0 done\njob 1 done\ncaught boom\njob 3 done\nmain done\n");
    }

    @Test
    void gatherWithReturnExceptionsCollectsTheError() {
        Trace t = run(DemoPrograms.GATHER.source().replace("return_exceptions=False", "return_exceptions=True"));
        assertThat(t.stdout()).contains("[0, 1, ValueError('boom'), 3]");
    }

    @Test
    void knobsChangeTheRun() {
        Trace t = run(DemoPrograms.GATHER.source().replace("range(4)", "range(6)").replace("i == 2", "i == 0"));
        assertThat(t.tasks()).hasSize(9);
        assertThat(t.stdout()).startsWith("caught boom\n");
    }

    @Test
    void cancelDeliversCancelledErrorInsideTheTask() {
        Trace t = run(DemoPrograms.CANCEL.source());
        dump(t, "cancel");
        assertThat(t.stdout()).isEqualTo(
                "worker: working\nworker: CancelledError arrived inside me\nmain: the task was cancelled\n");
    }

    @Test
    void waitForTimesOutAndCancelsTheInnerTask() {
        Trace t = run(DemoPrograms.WAIT_FOR.source());
        dump(t, "waitfor");
        assertThat(t.stdout()).isEqualTo("slow: cleaning up\nmain: timed out, task cancelled: True\n");
    }

    @Test
    void blockingFreezesTheHeartbeat() {
        Trace t = run(DemoPrograms.BLOCKING.source());
        dump(t, "blocking");
        assertThat(t.stdout()).contains("tick 2 at 0.20 s\ndone\ntick 3 at 1.25 s");
        Trace o = run(DemoPrograms.OFFLOADED.source());
        dump(o, "offloaded");
        assertThat(o.stdout()).contains("tick 3 at 0.30 s").contains("done");
        assertThat(o.threads()).anyMatch(th -> th.name().startsWith("asyncio_"));
    }

    @Test
    void modelsRunUnderEachModel() {
        Trace threads = run(DemoPrograms.modelsSource("threads", "cpu", 4));
        dump(threads, "threads");
        Trace free = run(DemoPrograms.modelsSource("threads", "cpu", 4), Settings.defaults().withGil(false));
        Trace procs = run(DemoPrograms.modelsSource("processes", "cpu", 4));
        dump(procs, "procs");
        Trace coros = run(DemoPrograms.modelsSource("asyncio", "cpu", 4));
        assertThat(threads.stdout()).startsWith("threads: 4 tasks in 0.8");
        assertThat(free.endTime()).isLessThan(threads.endTime() / 2);
        assertThat(procs.endTime()).isLessThan(threads.endTime());
        assertThat(coros.stdout()).startsWith("asyncio: 4 tasks in 0.8");
        Trace io = run(DemoPrograms.modelsSource("asyncio", "io", 100));
        assertThat(io.stdout()).startsWith("asyncio: 100 tasks in 0.2");
    }

    @Test
    void manyTasks() {
        Trace t = run(DemoPrograms.TASKS_1000.source());
        assertThat(t.tasks()).hasSize(1003);
        assertThat(t.stdout()).isEqualTo("1000 responses, 20 errors\n");
    }

    @Test
    void otherSourceIsACompileError() {
        RunResult r = new DemoRunner().run("x.py", "print('hi')\n", Settings.defaults(), ProgramRunner.Cancellation.NEVER);
        assertThat(r).isInstanceOf(RunResult.CompileError.class);
    }

    @Test
    void cancellationStopsTheRun() {
        RunResult r = new DemoRunner().run("x.py", DemoPrograms.TASKS_1000.source(), Settings.defaults(), () -> true);
        assertThat(r).isInstanceOf(RunResult.Cancelled.class);
    }
}
