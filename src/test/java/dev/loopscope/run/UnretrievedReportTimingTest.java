package dev.loopscope.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.engine.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CPython reports a failed task nobody retrieved when the task is freed: at once for a task the program
 * dropped, when main returns for one it kept. The report's place among the other output shows in a terminal.
 */
class UnretrievedReportTimingTest {

    private static List<String> outputs(String source) {
        Trace t = ((RunResult.Ran) new PythonRunner().run("prog.py", source, Settings.defaults(),
                ProgramRunner.Cancellation.NEVER)).trace();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.event(i) instanceof TraceEvent.Output o) {
                out.add((o.stderr() ? "err: " : "out: ") + o.text().lines().findFirst().orElse(""));
            }
        }
        return out;
    }

    @Test
    void aDroppedTaskIsReportedAsSoonAsItFails() {
        assertThat(outputs("""
                import asyncio
                async def fail():
                    raise ValueError("boom")
                async def main():
                    asyncio.create_task(fail())
                    await asyncio.sleep(0.1)
                    print("main done")
                asyncio.run(main())
                """)).containsExactly("err: Task exception was never retrieved", "out: main done");
    }

    @Test
    void aKeptTaskIsReportedWhenTheRunEnds() {
        assertThat(outputs("""
                import asyncio
                async def fail():
                    raise ValueError("boom")
                async def main():
                    t = asyncio.create_task(fail())
                    await asyncio.sleep(0.1)
                    print("main done", t.done())
                asyncio.run(main())
                print("after")
                """)).containsExactly("out: main done True", "err: Task exception was never retrieved", "out: after");
    }
}
