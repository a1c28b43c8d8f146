package dev.loopscope.run;

import dev.loopscope.engine.trace.LaneState;
import dev.loopscope.engine.trace.SegmentList;
import dev.loopscope.engine.trace.TraceIndex;

/**
 * The figures the models chart compares, in one place.
 *
 * <p>Memory is not simulated; it is estimated from documented per-unit costs on 64-bit Linux with CPython 3.12:
 * <ul>
 *   <li>the interpreter itself: about 10 MiB resident after start-up ({@code python3 -c pass} under
 *       {@code /usr/bin/time -v});</li>
 *   <li>a process-pool worker: a forked copy that soon owns about 10 MiB of private pages of its own
 *       (copy-on-write breaks as reference counts change);</li>
 *   <li>a thread: 8 MiB of stack reserved ({@code ulimit -s}) of which about 64 KiB is touched, plus its
 *       {@code PyThreadState}: we count 0.07 MiB resident;</li>
 *   <li>a coroutine wrapped in a task: about 2 KiB (the {@code Task}, the coroutine and its frame, measured
 *       with {@code tracemalloc}).</li>
 * </ul>
 */
public final class ModelCosts {

    public static final double INTERPRETER_MIB = 10.0;
    public static final double PROCESS_MIB = 10.0;
    public static final double THREAD_MIB = 0.07;
    public static final double TASK_MIB = 2.0 / 1024;

    private ModelCosts() {
    }

    /** What one run cost: wall (virtual) time, CPU use as a share of all cores, estimated memory. */
    public record Cost(double wallSeconds, double cpuPercent, double memoryMiB, int threads, int processes, int tasks) {}

    public static Cost of(TraceIndex index, int cores) {
        var trace = index.trace();
        double wall = trace.endTime() / 1e9;
        long busy = 0;
        for (var lane : index.lanes()) {
            if (lane.kind() == TraceIndex.LaneKind.CORE) {
                SegmentList s = index.segments(lane.index());
                for (int i = 0; i < s.size(); i++) {
                    if (s.state(i) == LaneState.RUNNING) {
                        busy += s.end(i) - s.start(i);
                    }
                }
            }
        }
        double cpu = wall <= 0 ? 0 : 100.0 * busy / 1e9 / (wall * cores);
        int threads = trace.threads().size();
        int processes = trace.processes().size();
        int tasks = trace.tasks().size();
        double memory = INTERPRETER_MIB + (processes - 1) * PROCESS_MIB + threads * THREAD_MIB + tasks * TASK_MIB;
        return new Cost(wall, Math.min(100, cpu), memory, threads, processes, tasks);
    }
}
