package dev.loopscope.engine.trace;

import dev.loopscope.engine.trace.TraceIndex.QueuedHandle;
import java.util.BitSet;
import java.util.List;

/**
 * The state of a run after one event: the main loop's ready queue (FIFO, the callbacks the next iteration
 * runs) and timer heap (sorted by deadline), each task's state and what it awaits, each thread's state, who
 * holds each process's GIL, the source line last reached and how much output was written.
 */
public final class Snapshot {

    private final int seq;
    private final long time;
    private final List<QueuedHandle> ready;
    private final List<QueuedHandle> timers;
    private final byte[] taskStates;
    private final int[] taskAwaiting;
    private final byte[] threadStates;
    private final int[] gil;
    private final int runningTask;
    private final int line;
    private final int lineThread;
    private final int iteration;
    private final int outputCount;
    private final BitSet created;

    Snapshot(int seq, long time, List<QueuedHandle> ready, List<QueuedHandle> timers, byte[] taskStates,
             int[] taskAwaiting, byte[] threadStates, int[] gil, int runningTask, int line, int lineThread,
             int iteration, int outputCount, BitSet created) {
        this.seq = seq;
        this.time = time;
        this.ready = List.copyOf(ready);
        this.timers = List.copyOf(timers);
        this.taskStates = taskStates;
        this.taskAwaiting = taskAwaiting;
        this.threadStates = threadStates;
        this.gil = gil;
        this.runningTask = runningTask;
        this.line = line;
        this.lineThread = lineThread;
        this.iteration = iteration;
        this.outputCount = outputCount;
        this.created = created;
    }

    public int seq() {
        return seq;
    }

    public long time() {
        return time;
    }

    public List<QueuedHandle> ready() {
        return ready;
    }

    public List<QueuedHandle> timers() {
        return timers;
    }

    /** The task's state, or null before it was created. */
    public LaneState taskState(int task) {
        return taskStates[task] < 0 ? null : LaneState.of(taskStates[task]);
    }

    public boolean taskExists(int task) {
        return created.get(task);
    }

    /** The future the task awaits, or -1. */
    public int taskAwaiting(int task) {
        return taskAwaiting[task];
    }

    /** The thread's state, or null before it started. */
    public ThreadState threadState(int thread) {
        return threadStates[thread] < 0 ? null : ThreadState.values()[threadStates[thread]];
    }

    /** The thread holding the GIL of {@code process}, or -1. */
    public int gilHolder(int process) {
        return gil[process];
    }

    /** The task whose step runs on the main loop now, or -1. */
    public int runningTask() {
        return runningTask;
    }

    /** The source line last reached (0: none yet) and the thread that reached it. */
    public int line() {
        return line;
    }

    public int lineThread() {
        return lineThread;
    }

    public int iteration() {
        return iteration;
    }

    /** How many output events happened at or before this point. */
    public int outputCount() {
        return outputCount;
    }
}
