package dev.loopscope.engine.trace;

/** The fixed facts about the things a trace talks about, recorded once when each comes into being. */
public final class Entities {

    private Entities() {
    }

    public record ProcessInfo(int id, String name, int parent, boolean poolWorker) {}

    public record ThreadInfo(int id, int process, String name, ThreadRole role) {}

    /**
     * A task: its name ({@code Task-3}), its coroutine's name, the task that created it (-1: none), the
     * thread of its loop, the source line that created it (0: unknown), and the futures it was made for
     * (e.g. the gather it belongs to) are found through {@link TraceEvent}s.
     */
    public record TaskInfo(int id, String name, String coroutine, int parent, int loopThread, int line) {}

    public enum FutureKind { PLAIN, SLEEP, GATHER, EXECUTOR, CONCURRENT, TIMEOUT_WAITER }

    /**
     * A future worth drawing: a gather with its children, a sleep's timer future, an executor's future.
     * {@code children} holds task or future ids (a gather's), {@code owner} the task that created it.
     */
    public record FutureInfo(int id, FutureKind kind, String label, int owner, int[] children) {}

    public record ExecutorInfo(int id, String kind, String name, int maxWorkers) {}

    /** One call submitted to an executor: which executor, what function, which future reports it. */
    public record WorkInfo(int id, int executor, String function, int future, int submitter) {}
}
