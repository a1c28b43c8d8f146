package dev.loopscope.ui.lab;

import dev.loopscope.engine.Settings;
import dev.loopscope.ui.lesson.Program;
import java.util.Locale;
import java.util.Map;

/**
 * The four programs of the models lab. Lesson 11's code runs its workload in a thread pool, a process pool and
 * as asyncio tasks one after the other; to compare the models each alone, and to add a free-threaded build,
 * the lab runs the same workload from small templates, one per model. They are plain Python in the supported
 * subset, written like the lesson's code ({@code work} is the lesson's function), and print the lesson's lines.
 *
 * <p>The workload comes from the lesson's knobs: {@code kind} ('cpu' or 'io'), {@code jobs} and {@code workers}.
 */
public final class ModelVariants {

    /** How many additions one CPU-bound job makes: the lesson's size, about 0.1 s of CPython 3.12. */
    public static final int LESSON_SIZE = 3_000_000;

    private ModelVariants() {
    }

    /** The four models, in the order they are shown. */
    public enum Model {
        THREADS_GIL("threads + GIL", "ThreadPoolExecutor on CPython 3.12: one GIL, so one thread runs Python at a time"),
        THREADS_FREE("threads, no GIL", "the same program on a free-threaded build (PEP 703, python3.13t): threads run in parallel"),
        PROCESSES("process pool", "ProcessPoolExecutor: each worker is a process with its own interpreter and GIL"),
        ASYNCIO("asyncio", "coroutines gathered on one event loop, in one thread");

        public final String label;
        public final String explanation;

        Model(String label, String explanation) {
            this.label = label;
            this.explanation = explanation;
        }

        /** The engine settings this model runs with on {@code cores} simulated cores. */
        public Settings settings(int cores) {
            return Settings.defaults().withCpuCount(cores).withGil(this != THREADS_FREE);
        }

        public String fileName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".py";
        }
    }

    /** What every model runs: {@code jobs} jobs, CPU-bound ({@code size} additions) or I/O-bound (a 0.3 s wait). */
    public record Workload(boolean cpu, int jobs, int workers, int size) {
        public Workload {
            jobs = Math.clamp(jobs, 1, 64);
            workers = Math.clamp(workers, 1, 64);
            size = Math.max(1, size);
        }

        public String describe() {
            return String.format(Locale.ROOT, "%d %s job%s%s, pools of %d worker%s", jobs,
                    cpu ? "CPU-bound" : "I/O-bound", jobs == 1 ? "" : "s",
                    cpu ? String.format(Locale.ROOT, " (%,d additions each)", size) : " (a 0.3 s wait each)",
                    workers, workers == 1 ? "" : "s");
        }
    }

    /** The workload the lesson's knobs describe; knobs a lesson lacks keep the lesson's defaults. */
    public static Workload workload(Program program, Map<String, String> values, int size) {
        String kind = value(program, values, "kind", "'cpu'");
        int jobs = integer(value(program, values, "jobs", "2"), 2);
        int workers = integer(value(program, values, "workers", "2"), 2);
        return new Workload(!kind.contains("io"), jobs, workers, size);
    }

    private static String value(Program program, Map<String, String> values, String id, String fallback) {
        return values.getOrDefault(id, program.knob(id).map(k -> k.literal()).orElse(fallback));
    }

    private static int integer(String literal, int fallback) {
        try {
            return Integer.parseInt(literal.replace("_", "").strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static final String HEAD = """
            # Loopscope's models lab: lesson 11's workload, %s.
            import asyncio, time
            from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

            KIND = %s
            JOBS = %d
            WORKERS = %d
            SIZE = %s

            def work(n):
                if KIND == 'io':
                    time.sleep(0.3)
                    return 'done'
                total = 0
                for i in range(n):
                    total += i %% 7
                return total

            def show(label, results, start):
                print(f'{label}: {results} in {time.perf_counter() - start:.1f}s')

            """;

    private static final String POOL = """
            if __name__ == "__main__":
                sizes = [SIZE for _ in range(JOBS)]
                with %s(max_workers=WORKERS) as pool:
                    start = time.perf_counter()
                    results = [r for r in pool.map(work, sizes)]
                    show('%s', results, start)
            """;

    private static final String ASYNC = """
            async def work_async(n):
                if KIND == 'io':
                    await asyncio.sleep(0.3)
                    return 'done'
                return work(n)

            async def run_all(sizes):
                return await asyncio.gather(*[work_async(n) for n in sizes])

            if __name__ == "__main__":
                sizes = [SIZE for _ in range(JOBS)]
                start = time.perf_counter()
                show('asyncio', asyncio.run(run_all(sizes)), start)
            """;

    /** The program one model runs. */
    public static String source(Model model, Workload w) {
        String what = switch (model) {
            case THREADS_GIL -> "in a thread pool (CPython 3.12, with the GIL)";
            case THREADS_FREE -> "in a thread pool, run by a free-threaded build (no GIL)";
            case PROCESSES -> "in a process pool";
            case ASYNCIO -> "as asyncio tasks";
        };
        String head = HEAD.formatted(what, w.cpu() ? "'cpu'" : "'io'", w.jobs(), w.workers(),
                String.format(Locale.ROOT, "%,d", w.size()).replace(',', '_'));
        return head + switch (model) {
            case THREADS_GIL, THREADS_FREE -> POOL.formatted("ThreadPoolExecutor", "threads");
            case PROCESSES -> POOL.formatted("ProcessPoolExecutor", "processes");
            case ASYNCIO -> ASYNC;
        };
    }
}
