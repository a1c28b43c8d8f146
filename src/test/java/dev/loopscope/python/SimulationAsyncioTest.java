package dev.loopscope.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.engine.Asyncio;
import dev.loopscope.engine.Coroutine;
import dev.loopscope.engine.Outcome;
import dev.loopscope.engine.PyRaised;
import dev.loopscope.engine.Settings;
import dev.loopscope.engine.Simulation;
import dev.loopscope.engine.trace.Trace;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.ModuleRegistry;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PyBaseException;
import dev.loopscope.python.runtime.PyBridge;
import dev.loopscope.python.runtime.PyError;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.runtime.Suspend;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Python coroutines on the engine's real event loop, through a minimal asyncio binding written against the
 * native module API (the engine's own binding is richer): awaiting engine coroutines, tasks and gather futures.
 */
class SimulationAsyncioTest {

    static ModuleRegistry modules() {
        return ModuleRegistry.standard().with("asyncio", interp -> new PyModule("asyncio")
                .def("run", (t, a, kw) -> new Suspend(new Outcome.Call(Asyncio.run((Coroutine) a[0]))))
                .def("sleep", (t, a, kw) -> Asyncio.sleep((long) (Ops.toDouble(a[0]) * 1e9),
                        a.length > 1 ? a[1] : Py.None))
                .def("create_task", (t, a, kw) -> engineCall(() ->
                        Asyncio.ensureFuture(Asyncio.runningLoop(t.context()), a[0], t.currentLine())))
                .def("gather", (t, a, kw) -> engineCall(() ->
                        Asyncio.gather(Asyncio.runningLoop(t.context()), List.of(a), false, t.currentLine()))));
    }

    interface EngineCall {
        Object get();
    }

    static Object engineCall(EngineCall c) {
        try {
            return c.get();
        } catch (PyRaised e) {
            throw new PyError((PyBaseException) e.exception());
        }
    }

    static Trace run(String source) {
        PythonProgram program = ((PythonProgram.CompileResult.Ok) PythonProgram.compile("prog.py", source, false))
                .program();
        Interpreter interp = program.newInterpreter(Interpreter.Settings.defaults(), modules());
        return new Simulation(Settings.defaults(), new PyBridge(interp)).run(program.mainActivity(interp));
    }

    @Test
    void tasksGatherAndSleepsRunOnTheEventLoop() {
        Trace t = run("""
                import asyncio, time
                async def work(n):
                    await asyncio.sleep(n / 10)
                    return n * 2
                async def main():
                    start = time.perf_counter()
                    task = asyncio.create_task(work(3))
                    pair = await asyncio.gather(work(1), work(2))
                    third = await task
                    print(pair, third, round(time.perf_counter() - start, 2))
                    return "done"
                print(asyncio.run(main()))
                """);
        assertThat(t.stderr()).isEmpty();
        assertThat(t.stdout()).isEqualTo("[2, 4] 6 0.3\ndone\n");
        assertThat(t.exitCode()).isZero();
    }

    @Test
    void anExceptionInATaskReachesTheAwaitingCoroutine() {
        Trace t = run("""
                import asyncio
                async def fails():
                    await asyncio.sleep(0.1)
                    raise ValueError("task failed")
                async def main():
                    task = asyncio.create_task(fails())
                    try:
                        await task
                    except ValueError as e:
                        print("caught", e)
                asyncio.run(main())
                """);
        assertThat(t.stdout()).isEqualTo("caught task failed\n");
        assertThat(t.exitCode()).isZero();
    }

    @Test
    void blockingSleepInsideACoroutineBlocksTheLoop() {
        Trace t = run("""
                import asyncio, time
                async def blocker():
                    time.sleep(0.5)
                    return "blocked"
                async def ticker():
                    await asyncio.sleep(0.1)
                    return "tick"
                async def main():
                    start = time.perf_counter()
                    r = await asyncio.gather(blocker(), ticker())
                    print(r, round(time.perf_counter() - start, 1))
                asyncio.run(main())
                """);
        assertThat(t.stdout()).isEqualTo("['blocked', 'tick'] 0.6\n");
    }

    @Test
    void forgettingAwaitWarnsAtExit() {
        Trace t = run("""
                import asyncio
                async def work():
                    return 1
                async def main():
                    work()
                asyncio.run(main())
                """);
        assertThat(t.stderr()).isEqualTo("""
                prog.py:5: RuntimeWarning: coroutine 'work' was never awaited
                  work()
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback
                """);
    }

    @Test
    void anUncaughtExceptionShowsTheLibraryFramesOfAsyncioRun() {
        Trace t = run("""
                import asyncio
                async def main():
                    await asyncio.sleep(0.1)
                    raise ValueError("boom")
                asyncio.run(main())
                """);
        assertThat(t.stderr().replace(dev.loopscope.python.runtime.LibraryFrames.DEFAULT_ROOT, "LIB"))
                .isEqualTo("""
                Traceback (most recent call last):
                  File "prog.py", line 5, in <module>
                    asyncio.run(main())
                  File "LIB/asyncio/runners.py", line 194, in run
                    return runner.run(main)
                           ^^^^^^^^^^^^^^^^
                  File "LIB/asyncio/runners.py", line 118, in run
                    return self._loop.run_until_complete(task)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "LIB/asyncio/base_events.py", line 684, in run_until_complete
                    return future.result()
                           ^^^^^^^^^^^^^^^
                  File "prog.py", line 4, in main
                    raise ValueError("boom")
                ValueError: boom
                """);
        assertThat(t.exitCode()).isEqualTo(1);
    }

    @Test
    void forgettingToAwaitALibraryCoroutineWarnsToo() {
        Trace t = run("""
                import asyncio
                async def main():
                    asyncio.sleep(1)
                    print("no wait")
                asyncio.run(main())
                """);
        assertThat(t.stdout()).isEqualTo("no wait\n");
        assertThat(t.stderr()).isEqualTo("""
                prog.py:3: RuntimeWarning: coroutine 'sleep' was never awaited
                  asyncio.sleep(1)
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback
                """);
    }
}
