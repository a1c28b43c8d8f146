package dev.loopscope.engine;

/**
 * What a Python process, thread and task cost in memory, for showing why a million waits want asyncio.
 * The defaults are CPython 3.12 figures measured on Linux (see {@code src/docs/cost-model.md}).
 *
 * @param processBytes resident memory of one interpreter process (a pool worker, or the main process)
 * @param threadBytes  resident memory a started, waiting thread adds (its stack pages and thread state)
 * @param taskBytes    memory of one pending task with its coroutine and frame
 */
public record MemoryModel(long processBytes, long threadBytes, long taskBytes) {

    public static MemoryModel defaults() {
        // CPython 3.12.1 on Linux: a forked pool worker 15.9 MiB RSS, an idle thread 12 KiB RSS (8 MiB of
        // reserved stack), a pending task with its coroutine 1.3 KiB.
        return new MemoryModel(16_300_000L, 12_288L, 1_331L);
    }
}
