package dev.loopscope.run;

import dev.loopscope.engine.Settings;
import dev.loopscope.engine.trace.TraceIndex;

/** Small Python programs the trace and timeline tests run through {@link PythonRunner}. */
public final class TestPrograms {

    private TestPrograms() {
    }

    /** Four jobs; job 2 fails; main catches it, sleeps, ends. */
    public static final String GATHER = """
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
            """;

    public static final String CANCEL = """
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
            """;

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

    public static final String BLOCKING = HEARTBEAT.formatted("print(blocking())");

    public static final String OFFLOADED = HEARTBEAT.formatted("print(await loop.run_in_executor(None, blocking))");

    /** CPU-bound work in {@code tasks} threads of a pool. */
    public static String cpuThreads(int tasks) {
        return """
                from concurrent.futures import ThreadPoolExecutor

                def work(i):
                    total = 0
                    for k in range(200_000):
                        total += k %% 7
                    return i

                with ThreadPoolExecutor(max_workers=%d) as pool:
                    print([r for r in pool.map(work, range(%d))])
                """.formatted(tasks, tasks);
    }

    /** {@code n} tasks with different sleeps, one in fifty failing, gathered with return_exceptions. */
    public static String many(int n) {
        return """
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
                """.formatted(n);
    }

    public static TraceIndex index(String source, Settings settings) {
        RunResult r = new PythonRunner().run("test.py", source, settings, ProgramRunner.Cancellation.NEVER);
        if (!(r instanceof RunResult.Ran ran)) {
            throw new AssertionError("the test program did not run: " + r);
        }
        return TraceIndex.of(ran.trace());
    }

    public static TraceIndex index(String source) {
        return index(source, Settings.defaults());
    }
}
