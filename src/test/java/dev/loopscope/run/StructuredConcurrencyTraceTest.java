package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Entities.TaskInfo;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.engine.trace.TraceEvent;
import dev.loopscope.python.PythonProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the trace records about TaskGroup and timeout, whose code is asyncio's library written in Python: tasks a
 * group makes are created at the program's line, not at a line of taskgroups.py, and a Timeout records when it is
 * armed and when it fires.
 */
class StructuredConcurrencyTraceTest {

    private static Trace run(String source) {
        PythonProgram program = ((PythonProgram.CompileResult.Ok) PythonRunner.compile("prog.py", source)).program();
        return PythonRunner.run(program, Settings.defaults(), ProgramRunner.Cancellation.NEVER);
    }

    @Test
    void tasksOfATaskGroupAreCreatedAtTheProgramsLine() {
        Trace t = run("""
                import asyncio
                async def work(i):
                    await asyncio.sleep(0.1)
                async def main():
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(work(1), name="first")
                        tg.create_task(work(2))
                asyncio.run(main())
                """);
        assertThat(t.stderr()).isEmpty();
        List<TaskInfo> work = t.tasks().stream().filter(task -> task.coroutine().equals("work")).toList();
        assertThat(work).extracting(TaskInfo::line).containsExactly(6, 7);
    }

    @Test
    void aTimeoutIsArmedAndFires() {
        Trace t = run("""
                import asyncio
                async def main():
                    try:
                        async with asyncio.timeout(0.25):
                            await asyncio.sleep(1)
                    except TimeoutError:
                        print("timed out")
                asyncio.run(main())
                """);
        assertThat(t.stdout()).isEqualTo("timed out\n");
        List<TraceEvent.Timeout> timeouts = new java.util.ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.event(i) instanceof TraceEvent.Timeout e) {
                timeouts.add(e);
            }
        }
        assertThat(timeouts).hasSize(2);
        assertThat(timeouts.get(0).fired()).isFalse();
        long deadline = timeouts.get(0).when();
        assertThat(deadline - timeouts.get(0).time()).isBetween(250_000_000L - 1000, 250_000_000L + 1000);
        assertThat(timeouts.get(1).fired()).isTrue();
        assertThat(timeouts.get(1).time()).isGreaterThanOrEqualTo(deadline);
    }
}
